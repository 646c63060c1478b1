"""Stage 4a: the page views (limber.views.page_data) built from the Site and its documents.

All sorting, counting and wording happens here, one module per page kind; templates
present these and compute nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from limber import routes
from limber.model.records import HOME_PAGE
from limber.views.common import Context
from limber.views.exercise import exercise_page
from limber.views.lists import exercise_index, routine_index, term_page, vocabulary_page
from limber.views.mine import MINE_PATH, mine_page
from limber.views.page_data import View
from limber.views.pages import NOT_FOUND_PATH, feed, free_page, home_page, not_found_page, site_view
from limber.views.play import PLAY_PATH, play_page
from limber.views.routine import routine_page
from limber.views.search import SEARCH_PATH, search_page

__all__ = ["Context", "all_views", "feed", "site_view", "view_makers"]


def all_views(ctx: Context) -> list[View]:
    """Every page of the site, in a fixed order."""
    return [make() for make in view_makers(ctx).values()]


def view_makers(ctx: Context) -> dict[str, Callable[[], View]]:
    """Every page's path, in a fixed order, with what builds its view (the preview builds a few)."""
    site = ctx.site
    makers: dict[str, Callable[[], View]] = {
        "": partial(home_page, ctx),
        routes.EXERCISES: partial(exercise_index, ctx),
        routes.ROUTINES: partial(routine_index, ctx),
        NOT_FOUND_PATH: partial(not_found_page, ctx),
        SEARCH_PATH: partial(search_page, ctx),
        MINE_PATH: partial(mine_page, ctx),
        PLAY_PATH: partial(play_page, ctx),
    }
    makers |= {e.path: partial(exercise_page, ctx, e) for e in site.exercises.values()}
    makers |= {r.path: partial(routine_page, ctx, r) for r in site.routines.values()}
    for name, vocab in site.vocabularies.items():
        makers[vocab.path] = partial(vocabulary_page, ctx, name)
        makers |= {t.path: partial(term_page, ctx, name, t) for t in vocab.terms}
    makers |= {
        site.pages[slug].path: partial(free_page, ctx, slug)
        for slug in sorted(site.pages)
        if slug != HOME_PAGE
    }
    return makers
