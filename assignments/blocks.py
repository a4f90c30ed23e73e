"""The rubric: criteria, each with levels that carry a description and points."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class RubricLevelBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("level"), help_text=_("e.g. ดีมาก / Excellent"))
    description = blocks.TextBlock(label=_("description"), required=False)
    points = blocks.DecimalBlock(label=_("points"), min_value=0, max_digits=6, decimal_places=2)

    class Meta:
        icon = "list-ol"


class RubricCriterionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("criterion (Thai)"))
    title_en = blocks.CharBlock(label=_("criterion (English)"), required=False)
    description = blocks.TextBlock(label=_("description"), required=False)
    levels = blocks.ListBlock(RubricLevelBlock(), label=_("levels"), min_num=1)

    class Meta:
        icon = "tasks"
        label = _("criterion")


@dataclass(frozen=True)
class Level:
    index: int
    label: str
    description: str
    points: Decimal


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str
    title_en: str
    description: str
    levels: list[Level]

    @property
    def max_points(self) -> Decimal:
        return max((level.points for level in self.levels), default=Decimal(0))

    @property
    def label(self) -> str:
        if translation.get_language() == "en" and self.title_en:
            return self.title_en
        return self.title


def criteria_of(rubric) -> list[Criterion]:
    """Plain objects for a rubric StreamField value (ids are the stream block ids)."""
    criteria = []
    for child in rubric:
        value = child.value
        levels = [
            Level(index, level["label"], level["description"] or "", Decimal(level["points"]))
            for index, level in enumerate(value["levels"])
        ]
        criteria.append(
            Criterion(
                child.id,
                value["title"],
                value["title_en"] or "",
                value["description"] or "",
                levels,
            )
        )
    return criteria


def rubric_data(*criteria) -> list[dict]:
    """Raw stream data for code (demo, tests): (title, title_en, [(label, description, points)])."""
    return [
        {
            "type": "criterion",
            "value": {
                "title": title,
                "title_en": title_en,
                "description": "",
                "levels": [
                    {"label": label, "description": text, "points": str(points)}
                    for label, text, points in levels
                ],
            },
        }
        for title, title_en, levels in criteria
    ]
