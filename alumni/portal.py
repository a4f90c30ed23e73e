"""The directory's panel on /me/: a link to the cohort's ทำเนียบรุ่น, for alumni too."""

from alumni.access import directory_cohorts


def directory_panel(request) -> dict | None:
    cohorts = list(directory_cohorts(request.user).order_by("-number")[:5])
    if not cohorts:
        return None
    return {"template": "alumni/panel_directory.html", "cohorts": cohorts}
