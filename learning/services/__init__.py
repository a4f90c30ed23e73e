"""Writes of learning: materials, opens, announcements, reads; notices in services.notices."""

from learning.services.announcements import (
    announcement_mark_read,
    announcement_publish,
)
from learning.services.materials import material_open, material_save

__all__ = ["announcement_mark_read", "announcement_publish", "material_open", "material_save"]
