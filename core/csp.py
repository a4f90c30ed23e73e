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


def nonce_chooser_scripts() -> None:
    """Wagtail's chooser widgets (image, page, document, snippet choosers) end their HTML
    with an inline `<script>` written in Python (BaseChooser.render), out of reach of a
    template override: give it the request's nonce, or the browser blocks it and the
    chooser does nothing. Called once from CoreConfig.ready."""
    from django.utils.safestring import mark_safe

    from wagtail.admin.widgets.chooser import BaseChooser

    if getattr(BaseChooser.render, "carries_nonce", False):
        return
    render = BaseChooser.render

    def render_with_nonce(self, *args, **kwargs):
        html = render(self, *args, **kwargs)
        nonce = current_nonce()
        before, tag, after = html.rpartition("<script>")
        if not (nonce and tag):
            return html
        return mark_safe(f'{before}<script nonce="{nonce}">{after}')  # noqa: S308 - Wagtail's own markup

    render_with_nonce.carries_nonce = True  # type: ignore[attr-defined]
    BaseChooser.render = render_with_nonce


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
