from django import template

from core.csp import current_nonce

register = template.Library()


@register.simple_tag
def csp_nonce() -> str:
    """The current request's CSP nonce, for <script nonce="{% csp_nonce %}">."""
    return current_nonce()
