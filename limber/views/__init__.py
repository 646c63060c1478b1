"""Stage 4a: the page views (limber.views.models) built from the Site and its documents.

All sorting, counting and wording happens here, one module per page kind; templates
present these and compute nothing.
"""

from __future__ import annotations

from limber.views.common import Context
from limber.views.exercise import exercise_page
from limber.views.lists import exercise_index, routine_index, term_page, vocabulary_page
from limber.views.models import View
from limber.views.pages import feed, free_page, home_page, not_found_page, site_view
from limber.views.routine import routine_page
from limber.views.search import search_page

__all__ = ["Context", "all_views", "feed", "site_view"]


def all_views(ctx: Context) -> list[View]:
    """Every page of the site, in a fixed order."""
    site = ctx.site
    views = [home_page(ctx), exercise_index(ctx), routine_index(ctx), not_found_page(ctx), search_page(ctx)]
    views += [exercise_page(ctx, e) for e in site.exercises.values()]
    views += [routine_page(ctx, r) for r in site.routines.values()]
    for name, vocab in site.vocabularies.items():
        views.append(vocabulary_page(ctx, name))
        views += [term_page(ctx, name, t) for t in vocab.terms]
    views += [free_page(ctx, slug) for slug in sorted(site.pages) if slug != "home"]
    return views
