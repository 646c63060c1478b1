"""Free pages, the home page, the 404 page, the feed and what every page shares."""

from __future__ import annotations

from limber import routes
from limber.model.records import HOME_PAGE, SAFETY_PAGE, Exercise, Routine
from limber.model.vocabulary import VOCABULARIES
from limber.views import jsonld
from limber.views.common import Context
from limber.views.drawings import body_map_html
from limber.views.lists import term_summaries
from limber.views.mine import mine_links
from limber.views.offline import app_links
from limber.views.page_data import Feed, FeedEntry, HomeView, Link, SiteView, TextView, View

NOT_FOUND_PATH = routes.NOT_FOUND
BROWSE = ("areas", "muscles", "equipment", "levels", "positions", "types")


def free_page(ctx: Context, slug: str) -> View:
    page = ctx.site.pages[slug]
    crumbs = ctx.crumbs(Link(page.title, ctx.url(page.path)))
    safety_url = "" if slug == SAFETY_PAGE else ctx.url(f"{SAFETY_PAGE}/")
    body = TextView(ctx.documents[page.path].intro_html, safety_url)
    return ctx.view("page.html", page.path, page.title, page.summary, body, crumbs, source=page.origin.path)


def home_page(ctx: Context) -> View:
    site = ctx.site
    page = site.pages.get(HOME_PAGE)
    routines = sorted(site.routines.values(), key=lambda r: (ctx.routine_total(r), r.title.lower()))
    data = HomeView(
        intro_html=ctx.documents[page.path].intro_html if page else "",
        areas=term_summaries(ctx, "areas"),
        routines=tuple(ctx.routine_card(r) for r in routines),
        browse=tuple(Link(VOCABULARIES[v].title, ctx.url(f"{v}/")) for v in BROWSE),
        exercise_count=len(site.exercises),
        exercises_url=ctx.url(routes.EXERCISES),
        body_map_html=body_map_html(ctx),
    )
    config = site.config
    return ctx.view("home.html", "", config.title, config.description, data, (), jsonld.website(site))


def not_found_page(ctx: Context) -> View:
    text = "There is no page at this address. It may have moved, or the link may have a typo."
    return ctx.view("404.html", NOT_FOUND_PATH, "Page not found", text, TextView(""), ())


def feed(ctx: Context) -> Feed:
    """Exercises and routines with a `reviewed` date, newest first (no build-time dates)."""
    config = ctx.site.config
    records: list[Exercise | Routine] = [*ctx.site.exercises.values(), *ctx.site.routines.values()]
    dated = sorted((r for r in records if r.reviewed), key=lambda r: (r.reviewed or "", r.slug), reverse=True)
    entries = tuple(
        FeedEntry(r.title, config.absolute_url(r.path), r.summary, r.reviewed or "") for r in dated
    )
    updated = entries[0].updated if entries else "1970-01-01"
    return Feed(config.title, config.absolute_url(routes.FEED), config.base_url, updated, entries)


def site_view(ctx: Context) -> SiteView:
    config = ctx.site.config
    return SiteView(
        config.title,
        config.description,
        config.language,
        ctx.url(""),
        ctx.url("assets/"),
        ctx.url(f"{SAFETY_PAGE}/"),
        ctx.url(routes.FEED),
        ctx.nav(),
        config.repository or "",
        app_links(config),
        mine_links(ctx),
    )
