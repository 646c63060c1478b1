"""The search page view: where the search data lives, and the indexes to browse without it."""

from __future__ import annotations

from dataclasses import dataclass

from limber import routes
from limber.model.vocabulary import VOCABULARIES
from limber.search import SEARCH_DATA
from limber.views.common import Context
from limber.views.page_data import Link, View

SEARCH_PATH = routes.SEARCH
BROWSE = ("areas", "equipment", "positions", "levels", "types", "muscles")  # after exercises and routines


@dataclass(frozen=True, slots=True)
class SearchView:
    data_url: str  # the search data file the page's script loads
    browse: tuple[Link, ...]  # the category indexes: shown without JavaScript and with no results
    areas: tuple[Link, ...]  # the body areas' pages: where to start without JavaScript


def search_page(ctx: Context) -> View:
    browse = (
        Link("Exercises A–Z", ctx.url(routes.EXERCISES)),
        Link("Routines", ctx.url(routes.ROUTINES)),
        *(Link(VOCABULARIES[v].title, ctx.url(f"{v}/")) for v in BROWSE),
    )
    areas = tuple(Link(t.name, ctx.url(t.path)) for t in ctx.site.vocabularies["areas"].terms)
    data = SearchView(ctx.url(SEARCH_DATA.as_posix()), browse, areas)
    crumbs = ctx.crumbs(Link("Search", ctx.url(SEARCH_PATH)))
    description = "Find exercises, routines and pages by name, body area, muscle or equipment."
    return ctx.view("search.html", SEARCH_PATH, "Search", description, data, crumbs)
