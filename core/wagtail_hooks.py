from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks


@hooks.register("insert_global_admin_js")
def behaviours_js() -> str:
    """data-confirm and friends (static/js/behaviours.js) on every admin screen."""
    return format_html('<script src="{}" defer></script>', static("js/behaviours.js"))
