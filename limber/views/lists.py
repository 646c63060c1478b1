"""Index views: exercises A–Z, routines, each vocabulary and each of its terms."""

from __future__ import annotations

from limber import routes
from limber.model.records import Exercise, Routine
from limber.model.vocabulary import VOCABULARIES, Term
from limber.views import jsonld
from limber.views.common import Context
from limber.views.page_data import (
    Card,
    CardGroup,
    Link,
    ListView,
    TermSummary,
    TermView,
    View,
    VocabularyView,
)

# An area page leads with the routines whose steps work that area: a step counts 1 when the
# area is its exercise's first (main) area and 1/2 when it is another of its areas, and a
# routine is listed when its steps count at least a third of their number.
MAIN_AREA_WEIGHT = 1.0
OTHER_AREA_WEIGHT = 0.5
AREA_ROUTINE_SHARE = 1 / 3


def exercise_index(ctx: Context) -> View:
    groups: dict[str, list[Card]] = {}
    for exercise in sorted(ctx.site.exercises.values(), key=lambda e: e.title.lower()):
        groups.setdefault(exercise.title[0].upper(), []).append(ctx.exercise_card(exercise))
    intro = f"All {len(ctx.site.exercises)} exercises, A to Z."
    data = ListView(
        intro,
        tuple((letter, tuple(cards)) for letter, cards in groups.items()),
        has_letters=True,
        compact=True,
    )
    crumbs = ctx.crumbs(Link("Exercises", ctx.url(routes.EXERCISES)))
    return ctx.view("list.html", routes.EXERCISES, "Exercises A–Z", intro, data, crumbs)


def routine_index(ctx: Context) -> View:
    routines = sorted(ctx.site.routines.values(), key=lambda r: r.title.lower())
    cards = tuple(ctx.routine_card(r) for r in routines)
    intro = "Short sequences to follow from start to finish. Each one prints on a single page."
    crumbs = ctx.crumbs(Link("Routines", ctx.url(routes.ROUTINES)))
    return ctx.view("list.html", routes.ROUTINES, "Routines", intro, ListView(intro, (("", cards),)), crumbs)


def term_summaries(ctx: Context, vocabulary: str) -> tuple[TermSummary, ...]:
    return tuple(
        TermSummary(t.name, ctx.url(t.path), t.description, len(ctx.site.members[(vocabulary, t.slug)]))
        for t in ctx.site.vocabularies[vocabulary].terms
    )


def vocabulary_page(ctx: Context, vocabulary: str) -> View:
    vocab = ctx.site.vocabularies[vocabulary]
    intro = VOCABULARIES[vocabulary].intro
    crumbs = ctx.crumbs(Link(vocab.title, ctx.url(vocab.path)))
    data = VocabularyView(intro, term_summaries(ctx, vocabulary))
    return ctx.view("vocabulary.html", vocab.path, vocab.title, intro, data, crumbs)


def term_facts(ctx: Context, term: Term) -> tuple[str, ...]:
    facts = []
    if term.anatomical:
        facts.append(f"Anatomical name: {term.anatomical}")
    if term.areas:
        facts.append("Body area: " + ", ".join(ctx.term("areas", a).name for a in term.areas))
    if term.view:
        facts.append(f"Seen from the {term.view}")
    if term.household is not None:
        facts.append("Found in most homes" if term.household else "Worth buying if you use it often")
    return tuple(facts)


def area_share(ctx: Context, routine: Routine, area: str) -> float:
    """How much of *routine* works *area*: 0 (none of its steps) to 1 (every step, as main area)."""
    weights = []
    for step in routine.steps:
        areas = ctx.site.exercises[step.exercise].areas
        weights.append(MAIN_AREA_WEIGHT if areas[0] == area else OTHER_AREA_WEIGHT if area in areas else 0)
    return sum(weights) / len(weights)


def area_routines(ctx: Context, area: str) -> tuple[Card, ...]:
    """The routines for an area, gentlest level first, then those that work it most."""
    level = {t.slug: i for i, t in enumerate(ctx.site.vocabularies["levels"].terms)}
    shares = {r.slug: area_share(ctx, r, area) for r in ctx.site.routines.values()}
    found = [r for r in ctx.site.routines.values() if shares[r.slug] >= AREA_ROUTINE_SHARE]
    found.sort(key=lambda r: (level[r.level], -shares[r.slug], r.title.lower()))
    return tuple(ctx.routine_card(r) for r in found)


def by_level(ctx: Context, exercises: list[Exercise]) -> tuple[CardGroup, ...]:
    """Exercises grouped by level, gentlest first, each level A–Z under its name."""
    return tuple(
        CardGroup(t.name, t.description, tuple(ctx.exercise_card(e) for e in group), 4)
        for t in ctx.site.vocabularies["levels"].terms
        if (group := sorted((e for e in exercises if e.level == t.slug), key=lambda e: e.title.lower()))
    )


def term_page(ctx: Context, vocabulary: str, term: Term) -> View:
    site = ctx.site
    members = site.members[(vocabulary, term.slug)]
    exercises = [site.exercises[s] for s in members if s in site.exercises]
    primary = [e for e in exercises if vocabulary != "muscles" or term.slug in e.muscles]
    primary_slugs = {e.slug for e in primary}
    secondary = [e for e in exercises if e.slug not in primary_slugs]
    routines = [site.routines[s] for s in members if s in site.routines]
    is_area = vocabulary == "areas"
    if is_area:
        groups = by_level(ctx, primary)
    elif primary:
        groups = (CardGroup("", "", tuple(ctx.exercise_card(e) for e in primary), 3),)
    else:
        groups = ()
    data = TermView(
        term.name,
        term.description,
        term_facts(ctx, term),
        area_routines(ctx, term.slug) if is_area else (),
        f"Routines for the {term.name.lower()}",
        groups,
        tuple(ctx.exercise_card(e) for e in secondary),
        tuple(ctx.routine_card(r) for r in routines),
    )
    vocab = site.vocabularies[vocabulary]
    crumbs = ctx.crumbs(Link(vocab.title, ctx.url(vocab.path)), Link(term.name, ctx.url(term.path)))
    graph = jsonld.term(site, term, [e.path for e in exercises] + [r.path for r in routines])
    title = f"{term.name} · {VOCABULARIES[vocabulary].singular.lower()}"
    return ctx.view("term.html", term.path, title, term.description, data, crumbs, graph)
