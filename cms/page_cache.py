"""Whole-page HTML cache for anonymous visitors, per host, language and address.

`PageCacheMiddleware` answers an anonymous GET of a Wagtail page from the cache and
stores what Wagtail served. Only what is the same for every anonymous visitor is
stored: a response that set a cookie, used the CSRF token, said `private`/`no-store`
or came to a visitor with a session (signed in, or through a password-protected
page) is never stored, and a visitor with a session is never answered from it.

Every stored page carries the generation it was rendered in, read in the same round
trip as the page: `clear_page_cache()` starts a new one, so one cache operation
forgets every page. cms connects it to publishing, unpublishing, moving and
deleting pages and to edits of the menu, footer and sites (cms/apps.py); an app whose
data shows on pages connects it to its own models (cohorts/apps.py). Entries also
expire after settings.PAGE_CACHE_SECONDS (0 turns the cache off, as in the tests).
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language_from_path

from wagtail.models import Page

GENERATION_KEY = "cms:page-cache:generation"
MAX_BYTES = 1024 * 1024
# Listings page through ?page=N; any other query string is not cached, so made-up
# addresses cannot fill the cache.
CACHEABLE_PARAMS = {"page"}
SKIP_PREFIXES = ("/admin/", "/django-admin/", "/api/", "/static/", "/media/", "/me/")
# Never Wagtail pages, and asked for at internet scale (certificate verification): not
# even looked up, in either language.
SKIP_PUBLIC_PREFIXES = ("/verify/", "/.well-known/", "/credentials/")
MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage
STORED_HEADERS_SKIP = {"set-cookie", "x-page-cache"}


def clear_page_cache(*args: object, **kwargs: object) -> None:
    """Forget every cached page (a signal receiver: takes and ignores any arguments)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def page_deleted(sender: type, instance: object, **kwargs: object) -> None:
    """post_delete of any model: a deleted page, whatever its type, clears the cache."""
    if isinstance(instance, Page):
        clear_page_cache()


def generation() -> str:
    """The current generation: part of every key cached until the next publish."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        value = cache.get(GENERATION_KEY)
    return value


def _may_use_cache(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES
        and set(request.GET) <= CACHEABLE_PARAMS
        and not request.path.startswith(SKIP_PREFIXES)
    )


def _key(request: HttpRequest) -> str | None:
    try:
        host = request.get_host()
    except Exception:  # DisallowedHost: let the normal path answer it
        return None
    language = get_language_from_path(request.path_info)
    path = request.path_info
    if language:
        path = path[len(language) + 1 :]
    if path.startswith(SKIP_PUBLIC_PREFIXES):
        return None
    address = hashlib.sha256(f"{host}|{request.get_full_path()}".encode()).hexdigest()
    return f"cms:page:{language or settings.LANGUAGE_CODE}:{address}"


def _read(key: str) -> tuple[str, dict | None]:
    """The current generation and the page stored under key if it was stored in that
    generation: one round trip."""
    found = cache.get_many([GENERATION_KEY, key])
    current = found.get(GENERATION_KEY) or generation()
    stored = found.get(key)
    if stored is not None and stored.get("generation") != current:
        stored = None
    return current, stored


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    match = getattr(request, "resolver_match", None)
    cache_control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and response.status_code == 200
        and match is not None
        and match.url_name == "wagtail_serve"
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in cache_control
        and "no-store" not in cache_control
        and not getattr(response, "streaming", False)
        and len(response.content) <= MAX_BYTES
    )


class PageCacheMiddleware:
    """Near the top of MIDDLEWARE (after SecurityMiddleware), so a stored page carries
    the headers the inner middleware gave it (Content-Security-Policy and the rest)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _key(request) if _may_use_cache(request) else None
        if key is not None:
            current, stored = _read(key)
            if stored is not None:
                return _response_from(stored)
        response = self.get_response(request)
        if key is not None and _storable(request, response):
            headers = [(k, v) for k, v in response.items() if k.lower() not in STORED_HEADERS_SKIP]
            stored = {
                "generation": current,
                "status": response.status_code,
                "headers": headers,
                "content": response.content,
            }
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


def _response_from(stored: dict) -> HttpResponse:
    response = HttpResponse(stored["content"], status=stored["status"])
    for name, value in stored["headers"]:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response
