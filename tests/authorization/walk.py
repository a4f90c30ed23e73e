"""Every URL pattern the resolver knows, and a real address for each one.

`patterns()` walks `get_resolver()` recursively (includes, namespaces, Wagtail's admin
hooks, allauth, the API, the i18n prefix). `address(route, world)` puts a real id, slug or
token from the world into each parameter, so every request reaches the view itself, not a 404
for a made-up id.
"""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

LANGUAGES = ("th", "en")  # Thai at the root (prefix_default_language=False), English under /en/


@dataclass(frozen=True)
class Pattern:
    route: str  # the pattern as the resolver spells it, with the English prefix when localised
    name: str | None
    localised: bool
    accepts_post: bool  # a class-based view with post(), or any function view (it may)


def _walk(patterns, prefix="", namespace="", localised=False):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            is_locale = isinstance(pattern.pattern, LocalePrefixPattern)
            yield from _walk(
                pattern.url_patterns,
                prefix + ("" if is_locale else str(pattern.pattern)),
                inner,
                localised or is_locale,
            )
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else None
            view_class = getattr(pattern.callback, "view_class", None)
            accepts_post = view_class is None or hasattr(view_class, "post")
            yield Pattern(prefix + str(pattern.pattern), name, localised, accepts_post)


def patterns() -> list[Pattern]:
    """Every pattern once (a later one with the same route is shadowed and never answers)."""
    with translation.override("th"):
        seen: dict[str, Pattern] = {}
        for pattern in _walk(get_resolver().url_patterns):
            seen.setdefault(pattern.route, pattern)
    return list(seen.values())


_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


class UnknownParameter(LookupError):
    pass


def address(route: str, values: dict[str, str], samples: dict[str, str]) -> str:
    """The route with every parameter filled in: `samples` for regex routes, else `values`."""
    if route in samples:
        return "/" + samples[route]

    def fill(match):
        name = match["name"]
        if name not in values:
            raise UnknownParameter(f"{route}: no value for <{name}>; add one to the world")
        return str(values[name])

    path = _PARAMETER.sub(fill, route).replace("/^", "/").removesuffix("$")
    if any(char in path for char in "^$()*\\"):
        raise UnknownParameter(f"{route}: a regex route needs a sample address")
    return "/" + path
