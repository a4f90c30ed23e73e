"""Teaching content: the programme, course modules, site visits, research showcase."""

from .modules import CourseModulePage, ModuleFacilitator
from .programme import ProgrammePage, ProgrammePartner
from .research import ResearchIndexPage, ResearchProjectPage, ResearchThemePage
from .site_visits import SiteVisitPage
from .snippets import Facilitator, Partner

__all__ = [
    "CourseModulePage",
    "Facilitator",
    "ModuleFacilitator",
    "Partner",
    "ProgrammePage",
    "ProgrammePartner",
    "ResearchIndexPage",
    "ResearchProjectPage",
    "ResearchThemePage",
    "SiteVisitPage",
]
