"""Sidebar items only coordinators see (the stuck-work screen, certificates)."""

from wagtail.admin.menu import MenuItem

from accounts.access import is_coordinator


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)
