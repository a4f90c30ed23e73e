"""`{% picture %}` as Wagtail's, but each width named once in a srcset.

Wagtail never enlarges an image, so on an original 640 px wide `fill-800x450` and
`fill-1200x675` both come out 640 wide, and a srcset naming a width twice is invalid
HTML (a W3C Nu checker error, #14 item 9). Load it after wagtailimages_tags:
`{% load wagtailimages_tags pictures %}`.
"""

from django import template

from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags import wagtailimages_tags

register = template.Library()


class OneWidthOncePicture(Picture):
    @classmethod
    def get_width_srcset(cls, renditions_list):
        by_width: dict = {}
        for rendition in renditions_list:
            by_width.setdefault(rendition.width, rendition)  # the first (smallest spec) wins
        return super().get_width_srcset(list(by_width.values()))


class PictureNode(wagtailimages_tags.PictureNode):
    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = get_renditions_or_not_found(image, self.get_filters())
        if self.output_var_name:
            context[self.output_var_name] = OneWidthOncePicture(renditions)
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        return OneWidthOncePicture(renditions, attrs).__html__()


@register.tag("picture")
def picture(parser, token):
    node = wagtailimages_tags.image(parser, token)
    return PictureNode(
        node.image_expr, node.filter_specs, output_var_name=node.output_var_name, attrs=node.attrs
    )
