"""Content-Security-Policy nonces where no request reaches the template, and the other headers.

django-csp puts a fresh nonce on each request (request.csp_nonce) and names it in the
header only when a template used it. Wagtail's admin widgets (date pickers, inline
panels) render inline scripts from form widgets, which never see the request, so
NonceContextMiddleware keeps the request's nonce in a context variable that the
{% csp_nonce %} tag (core/templatetags/csp_nonce.py) reads: our overrides of those
Wagtail templates (core/templates/wagtailadmin/) carry it.
"""

import contextvars

from django.conf import settings

_nonce: contextvars.ContextVar = contextvars.ContextVar("csp_nonce", default=None)


def current_nonce() -> str:
    """The nonce of the request being answered ("" outside a request)."""
    nonce = _nonce.get()
    return str(nonce) if nonce is not None else ""


class NonceContextMiddleware:
    """After csp.middleware.CSPMiddleware: expose request.csp_nonce to widget templates."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _nonce.set(getattr(request, "csp_nonce", None))
        try:
            return self.get_response(request)
        finally:
            _nonce.reset(token)


class PermissionsPolicyMiddleware:
    """Permissions-Policy from settings.PERMISSIONS_POLICY (feature -> allowlist)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allow)})"
            for feature, allow in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response
