"""Stage 3 (link): index records by slug, resolve every reference, compute backlinks.

Returns one frozen Site. Every cross-reference problem is reported at its line, with a
suggestion, so broken links fail before anything renders. What records name is checked in
limber.link.references; the related lists are limber.link.related's.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath
from typing import Any

from limber import routes
from limber.diagnostics import Diagnostic, Origin
from limber.link.references import body_links, check_draft, check_exercise_refs, check_images, resolve_steps
from limber.link.related import RelatedExercises
from limber.model.records import (
    HOME_PAGE,
    REQUIRED_PAGES,
    Draft,
    Exercise,
    Page,
    Record,
    Routine,
    RoutineStep,
    Site,
)
from limber.model.site_config import SiteConfig
from limber.model.vocabulary import VOCABULARIES, Vocabulary

# Top-level addresses the site itself uses; a free page (content/pages/<slug>.md) may not take one.
RESERVED = {
    **routes.TOP,
    **{name: f"the {spec.title.lower()} index" for name, spec in VOCABULARIES.items()},
}


def missing_pages(site: Site, broken: frozenset[str] = frozenset()) -> list[Diagnostic]:
    """An error for each free page the templates require (REQUIRED_PAGES) that the content lacks.

    A page that exists but failed its own checks is reported there, not again here.
    """
    problems = []
    for slug, why in REQUIRED_PAGES.items():
        if slug not in site.pages and slug not in broken:
            path = PurePosixPath("content", "pages", f"{slug}.md")
            message = f"{path} is missing: {why}; add the page back"
            problems.append(Diagnostic(path, None, "missing-page", message))
    return problems


def link(
    config: SiteConfig,
    vocabularies: Mapping[str, Vocabulary],
    records: Iterable[Record],
    images: Mapping[str, bytes],
    taxonomies_origin: Origin | None = None,
    broken: frozenset[str] = frozenset(),
    drafts: Iterable[Draft] = (),
) -> tuple[Site, list[Diagnostic]]:
    """Build the Site from validated records; report every unresolved reference.

    *broken* holds the slugs of files that failed validation: references to them count as
    resolved, so one bad file is reported once and not again by everything that names it.
    *drafts* are those files' own references, checked here too, so an editor sees every
    problem in one run.
    """
    problems: list[Diagnostic] = []
    exercises: dict[str, Exercise] = {}
    routines: dict[str, Routine] = {}
    pages: dict[str, Page] = {}
    seen: dict[str, Record] = {}
    for record in sorted(records, key=lambda r: (r.kind, r.slug)):
        if isinstance(record, Page):
            if record.slug in RESERVED:
                message = f"a page named '{record.slug}' would take the address /{record.slug}/, which the site uses for {RESERVED[record.slug]}; rename the file"
                problems.append(record.origin.error("reserved-slug", message))
                continue
            pages[record.slug] = record
            continue
        first = seen.get(record.slug.lower())
        if first is not None:
            message = f"slug '{record.slug}' is already used by {first.origin.path}; rename one of the files"
            problems.append(record.origin.error("duplicate-slug", message))
            continue
        seen[record.slug.lower()] = record
        if isinstance(record, Exercise):
            exercises[record.slug] = record
        else:
            routines[record.slug] = record

    known = {**exercises, **dict.fromkeys(broken)}
    for exercise in exercises.values():
        problems += check_exercise_refs(exercise, known)
    problems += _check_aliases(exercises)
    steps: dict[str, tuple[RoutineStep, ...]] = {}
    levels = vocabularies["levels"]
    for routine in routines.values():
        resolved, found = resolve_steps(routine, exercises, levels, broken)
        problems += found
        steps[routine.slug] = resolved

    # Free pages can be linked too (`[[safety]]`), unless an exercise or routine has the slug.
    seen = {**{p.slug.lower(): p for p in pages.values() if p.slug != HOME_PAGE}, **seen}
    all_slugs = [r.slug for r in seen.values()]
    for draft in drafts:
        problems += check_draft(draft, known)
        problems += body_links(draft.origin, draft.slug, draft.body, seen, broken, all_slugs)[0]

    linked: dict[str, set[str]] = defaultdict(set)
    every: list[Record] = [*exercises.values(), *routines.values(), *pages.values()]
    for record in every:
        found, targets = body_links(record.origin, record.slug, record.body, seen, broken, all_slugs)
        problems += found
        for target in targets:
            linked[target].add(record.slug)

    problems += check_images(exercises.values(), images)
    members = _members(vocabularies, exercises, routines)
    if not broken:  # with records missing, "unused" would be a guess
        problems += _unused_terms(vocabularies, members, taxonomies_origin)
    used_in: dict[str, list[str]] = defaultdict(list)
    for routine in sorted(routines.values(), key=lambda r: r.title.lower()):
        for step in steps[routine.slug]:
            if routine.slug not in used_in[step.exercise]:
                used_in[step.exercise].append(routine.slug)

    site = Site(
        config=config,
        vocabularies=vocabularies,
        exercises=exercises,
        routines=routines,
        pages=pages,
        steps=steps,
        related=RelatedExercises(exercises),
        used_in={slug: tuple(v) for slug, v in sorted(used_in.items())},
        linked_from={slug: tuple(sorted(v)) for slug, v in sorted(linked.items())},
        members=members,
        images=dict(images),
    )
    return site, problems


def _check_aliases(exercises: Mapping[str, Exercise]) -> list[Diagnostic]:
    problems = []
    titles = {e.title.lower(): e for e in exercises.values()}
    owners: dict[str, Exercise] = {}
    for exercise in exercises.values():
        for i, alias in enumerate(exercise.aliases):
            key = alias.lower()
            other = titles.get(key)
            if other is not None and other.slug != exercise.slug:
                message = f"'aliases[{i + 1}]' is '{alias}', the title of {other.origin.path}; an alias must not name another exercise"
                problems.append(exercise.origin.error("duplicate-alias", message, ("aliases", i)))
            elif key in owners and owners[key].slug != exercise.slug:
                message = f"'aliases[{i + 1}]' is '{alias}', also in the aliases of {owners[key].origin.path}; keep it in one"
                problems.append(exercise.origin.error("duplicate-alias", message, ("aliases", i)))
            owners.setdefault(key, exercise)
    return problems


def _members(
    vocabularies: Mapping[str, Vocabulary], exercises: Mapping[str, Exercise], routines: Mapping[str, Routine]
) -> dict[tuple[str, str], tuple[str, ...]]:
    """(vocabulary, term) -> member slugs, sorted by title; goals hold routines."""
    members: dict[tuple[str, str], list[str]] = {
        (v, t.slug): [] for v, vocab in vocabularies.items() for t in vocab.terms
    }
    for exercise in sorted(exercises.values(), key=lambda e: e.title.lower()):
        for key in dict.fromkeys(exercise.terms()):
            members[key].append(exercise.slug)
    for routine in sorted(routines.values(), key=lambda r: r.title.lower()):
        members[("goals", routine.goal)].append(routine.slug)
        members[("levels", routine.level)].append(routine.slug)
    return {key: tuple(slugs) for key, slugs in members.items()}


def _unused_terms(
    vocabularies: Mapping[str, Vocabulary],
    members: Mapping[tuple[str, str], tuple[str, ...]],
    origin: Origin | None,
) -> list[Diagnostic]:
    if origin is None:
        return []
    problems = []
    for name, vocabulary in vocabularies.items():
        for i, term in enumerate(vocabulary.terms):
            if not members[(name, term.slug)]:
                message = f"{name} term '{term.slug}' is used by no content, so its page would be empty"
                problems.append(origin.warning("unused-term", message, (name, i, "slug")))
    return problems


def replace_bodies(site: Site, records: Iterable[Record]) -> tuple[Site, list[Diagnostic]] | None:
    """*site* with *records* in place of those of the same slugs, if only their bodies changed.

    A body changes no index but the back-links, so the site is the one link() would make,
    without linking every record again: SiteBuild.update uses this while an editor
    writes. None when anything else changed (or a record is new), which needs link(). The
    problems are those of the new bodies' links, checked as link() checks them on a site
    with no broken files.
    """
    tables: dict[str, dict[str, Any]] = {
        "exercise": dict(site.exercises),
        "routine": dict(site.routines),
        "page": dict(site.pages),
    }
    named: list[Record] = [*site.exercises.values(), *site.routines.values()]
    seen = {r.slug.lower(): r for r in named}
    all_slugs = list(seen)
    linked = dict(site.linked_from)
    problems: list[Diagnostic] = []
    for record in records:
        old = tables[record.kind].get(record.slug)
        if old is None or dataclasses.replace(record, body=old.body, origin=old.origin) != old:
            return None
        tables[record.kind][record.slug] = record
        before = body_links(old.origin, old.slug, old.body, seen, frozenset(), all_slugs)[1]
        found, after = body_links(record.origin, record.slug, record.body, seen, frozenset(), all_slugs)
        problems += found
        for target in before - after:
            rest = tuple(slug for slug in linked[target] if slug != record.slug)
            if rest:
                linked[target] = rest
            else:
                del linked[target]
        for target in after - before:
            linked[target] = tuple(sorted({*linked.get(target, ()), record.slug}))
    new = dataclasses.replace(
        site,
        exercises=tables["exercise"],
        routines=tables["routine"],
        pages=tables["page"],
        linked_from=dict(sorted(linked.items())),
    )
    return new, problems
