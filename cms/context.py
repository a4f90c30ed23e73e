"""What apps above cms add to a page's context: the one way a page shows a higher layer's data.

cms and curriculum sit below cohorts, yet the home page shows the next cohort and a
module page the sessions that teach it. The app that owns the data registers a
provider in its AppConfig.ready(); the page merges what every provider returns.
No import points up a layer.

    # cohorts/apps.py
    register_page_context("home", lambda page: {"next_cohort": next_cohort()})
"""

from collections.abc import Callable

PageContextProvider = Callable[[object], dict]

_providers: dict[str, list[PageContextProvider]] = {}


def register_page_context(name: str, provider: PageContextProvider) -> None:
    """Add provider to the pages called name: home, programme, module, site_visit, events."""
    found = _providers.setdefault(name, [])
    if provider not in found:
        found.append(provider)


def page_context(name: str, page) -> dict:
    """Everything the providers registered for name add for this page."""
    context = {}
    for provider in _providers.get(name, []):
        context.update(provider(page))
    return context
