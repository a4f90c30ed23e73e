"""The programme's research vocabulary: the themes municipal research projects fall under.

Curriculum owns it: showcase theme pages use it, and cohorts' teams pick one.
Plain choices, no table: moving it changed no migration.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResearchTheme(models.TextChoices):
    """The themes the programme's municipal research projects fall under."""

    SMART_HEALTH = "smart-health", _("Smart health")
    SMART_ENVIRONMENT = "smart-environment", _("Smart environment")
    INFRASTRUCTURE = "infrastructure", _("Infrastructure")
    DISASTER = "disaster-management", _("Disaster management")
    HERITAGE = "heritage-culture-economy", _("Heritage and culture economy")
    CIRCULAR = "green-circular-economy", _("Green and circular economy")
    REVENUE = "revenue-finance", _("Revenue and new financial mechanisms")
