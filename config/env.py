"""Small typed readers for settings that come from the environment.

Every reader raises ImproperlyConfigured naming the variable, so a bad or
missing production value stops start-up with a message a deployer can act on.
"""

import os
from urllib.parse import urlparse

from django.core.exceptions import ImproperlyConfigured

_REQUIRED = object()


def _raw(name: str, default):
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if default is _REQUIRED:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return None


def env_str(name: str, default=_REQUIRED) -> str:
    value = _raw(name, default)
    return default if value is None else value


def env_bool(name: str, default: bool = False) -> bool:
    value = _raw(name, default)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default=_REQUIRED) -> int:
    value = _raw(name, default)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default=_REQUIRED) -> list[str]:
    value = _raw(name, default)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_url(name: str, schemes: tuple[str, ...], default=_REQUIRED) -> str | None:
    value = _raw(name, default)
    if value is None:
        return default
    if urlparse(value).scheme not in schemes:
        allowed = ", ".join(schemes)
        raise ImproperlyConfigured(f"{name} must be a URL starting with one of: {allowed}.")
    return value
