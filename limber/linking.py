"""Stage 3 (link): index records by slug, resolve every reference, compute backlinks.

Returns one frozen Site. Every cross-reference problem is reported at its line, with a
suggestion, so broken links fail before anything renders.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import PurePosixPath
from typing import Any

from limber import routes
from limber.body import find_links
from limber.config import SiteConfig
from limber.diagnostics import Diagnostic, Origin, did_you_mean
from limber.dosage import apply_overrides
from limber.model import HOME_PAGE, REQUIRED_PAGES, Draft, Exercise, Page, Record, Routine, RoutineStep, Site
from limber.safe_svg import svg_problem
from limber.vocabulary import VOCABULARIES, Vocabulary

MAX_RELATED = 6
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
        problems += _check_exercise_refs(exercise, known)
    problems += _check_aliases(exercises)
    steps: dict[str, tuple[RoutineStep, ...]] = {}
    levels = vocabularies["levels"]
    for routine in routines.values():
        resolved, found = _resolve_steps(routine, exercises, levels, broken)
        problems += found
        steps[routine.slug] = resolved

    # Free pages can be linked too (`[[safety]]`), unless an exercise or routine has the slug.
    seen = {**{p.slug.lower(): p for p in pages.values() if p.slug != HOME_PAGE}, **seen}
    all_slugs = [r.slug for r in seen.values()]
    for draft in drafts:
        problems += _check_draft(draft, known)
        problems += _body_links(draft.origin, draft.slug, draft.body, seen, broken, all_slugs)[0]

    linked: dict[str, set[str]] = defaultdict(set)
    every: list[Record] = [*exercises.values(), *routines.values(), *pages.values()]
    for record in every:
        found, targets = _body_links(record.origin, record.slug, record.body, seen, broken, all_slugs)
        problems += found
        for target in targets:
            linked[target].add(record.slug)

    problems += _check_images(exercises.values(), images)
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
        related=_Related(exercises),
        used_in={slug: tuple(v) for slug, v in sorted(used_in.items())},
        linked_from={slug: tuple(sorted(v)) for slug, v in sorted(linked.items())},
        members=members,
        images=dict(images),
    )
    return site, problems


def _unknown_exercise(
    origin: Origin, field: str, key: tuple[str | int, ...], slug: str, exercises: Mapping[str, object]
) -> Diagnostic:
    message = f"'{field}' names unknown exercise '{slug}'{did_you_mean(slug, exercises)}"
    return origin.error("unknown-exercise", message, key)


def _check_exercise_refs(exercise: Exercise, exercises: Mapping[str, Exercise | None]) -> list[Diagnostic]:
    origin = exercise.origin
    refs = Draft(
        kind=exercise.kind,
        slug=exercise.slug,
        origin=origin,
        body=exercise.body,
        related=exercise.related,
        easier=exercise.easier,
        harder=exercise.harder,
    )
    problems = _check_draft(refs, exercises)  # names that are unknown: the same check as a broken file's
    for name in ("easier", "harder"):
        slug = getattr(exercise, name)
        other = exercises.get(slug) if slug is not None else None
        if other is not None and not set(other.areas) & set(exercise.areas):
            message = (
                f"'{name}' exercise '{slug}' shares no body area with this one ({', '.join(exercise.areas)})"
            )
            problems.append(origin.error("unrelated-progression", message, (name,)))
    return problems


def _body_links(
    origin: Origin,
    slug: str,
    body: str,
    seen: Mapping[str, Record],
    broken: frozenset[str],
    all_slugs: list[str],
) -> tuple[list[Diagnostic], set[str]]:
    """Problems with a body's [[links]], and the slugs it links to (itself left out)."""
    problems, targets = [], set()
    for found_link in find_links(body, origin.body_line):
        target = seen.get(found_link.slug.lower())
        if found_link.slug in broken:
            continue
        if target is None or target.slug != found_link.slug:
            hint = f" (did you mean '{target.slug}'?)" if target else did_you_mean(found_link.slug, all_slugs)
            message = f"link [[{found_link.slug}]] names no exercise, routine or page{hint}"
            problems.append(Diagnostic(origin.path, found_link.line, "unknown-link", message))
        elif target.slug != slug:
            targets.add(target.slug)
    return problems, targets


def _check_draft(draft: Draft, known: Mapping[str, Exercise | None]) -> list[Diagnostic]:
    """The exercise references of a file that failed validation."""
    origin = draft.origin
    problems = [
        _unknown_exercise(origin, "related", ("related", i), slug, known)
        for i, slug in enumerate(draft.related)
        if slug not in known
    ]
    for name in ("easier", "harder"):
        slug = getattr(draft, name)
        if slug is not None and slug not in known:
            problems.append(_unknown_exercise(origin, name, (name,), slug, known))
    for i, slug in draft.steps:
        if slug not in known:
            key = ("steps", i, "exercise")
            problems.append(_unknown_exercise(origin, f"steps[{i + 1}].exercise", key, slug, known))
    return problems


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


def _resolve_steps(
    routine: Routine, exercises: Mapping[str, Exercise], levels: Vocabulary, broken: frozenset[str]
) -> tuple[tuple[RoutineStep, ...], list[Diagnostic]]:
    problems: list[Diagnostic] = []
    resolved = []
    for spec in routine.steps:
        exercise = exercises.get(spec.exercise)
        if exercise is None and spec.exercise in broken:
            continue
        if exercise is None:
            key = ("steps", spec.index, "exercise")
            problems.append(
                _unknown_exercise(
                    routine.origin, f"steps[{spec.index + 1}].exercise", key, spec.exercise, exercises
                )
            )
            continue
        resolved.append(
            RoutineStep(spec.exercise, apply_overrides(exercise.dosage, spec.overrides), spec.note)
        )
    hardest = max((exercises[s.exercise] for s in resolved), key=lambda e: levels.rank(e.level), default=None)
    if hardest and levels.rank(hardest.level) > levels.rank(routine.level):
        message = f"level '{routine.level}' is easier than step '{hardest.slug}' ({hardest.level}); set level: {hardest.level}"
        problems.append(routine.origin.error("level-too-low", message, ("level",)))
    return tuple(resolved), problems


def _check_images(exercises: Iterable[Exercise], images: Mapping[str, bytes]) -> list[Diagnostic]:
    problems = []
    for exercise in exercises:
        if exercise.image is None:
            continue
        src = exercise.image.src
        data = images.get(src)
        if data is None:
            message = f"image 'content/images/{src}' does not exist{did_you_mean(src, images)}"
            problems.append(exercise.origin.error("missing-image", message, ("image", "src")))
        elif src.lower().endswith(".svg") and (reason := svg_problem(data)):
            message = f"SVG 'content/images/{src}' is unsafe: {reason}; remove it"
            problems.append(exercise.origin.error("unsafe-svg", message, ("image", "src")))
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


class _Related(Mapping[str, tuple[str, ...]]):
    """Exercise slug -> related slugs, each list worked out when first asked for.

    The explicit list comes first, then the closest by shared muscles (2 points each) and
    areas (1 point each), ties by slug.

    Candidates come from a term index, not a scan of every exercise: for each of the
    exercise's muscles and areas, the NEIGHBOURS exercises nearest to it in slug order.
    On a guide with fewer than that many exercises per term this is every candidate. A
    build asks for every list; the pages made at once after a save (limber.pipeline.SiteBuild.render) only for theirs.
    """

    def __init__(self, exercises: Mapping[str, Exercise]) -> None:
        self._exercises = exercises
        self._by_term: dict[tuple[str, str], list[str]] = defaultdict(list)
        for slug in sorted(exercises):
            exercise = exercises[slug]
            for muscle in (*exercise.muscles, *exercise.secondary_muscles):
                self._by_term[("muscles", muscle)].append(slug)
            for area in exercise.areas:
                self._by_term[("areas", area)].append(slug)
        self._found: dict[str, tuple[str, ...]] = {}

    def __getitem__(self, slug: str) -> tuple[str, ...]:
        found = self._found.get(slug)
        if found is None:
            found = self._found[slug] = _related(self._exercises[slug], self._exercises, self._by_term)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._exercises)

    def __len__(self) -> int:
        return len(self._exercises)


NEIGHBOURS = 64


def related_inputs(exercise: Exercise) -> tuple[object, ...]:
    """The fields an exercise's related list is worked out from (_related), its own and others'."""
    return (exercise.related, exercise.muscles, exercise.secondary_muscles, exercise.areas)


def _related(
    exercise: Exercise, exercises: Mapping[str, Exercise], by_term: Mapping[tuple[str, str], list[str]]
) -> tuple[str, ...]:
    chosen = [slug for slug in exercise.related if slug in exercises]
    scores: dict[str, int] = defaultdict(int)
    weighted = [
        *((("muscles", m), 2) for m in (*exercise.muscles, *exercise.secondary_muscles)),
        *((("areas", a), 1) for a in exercise.areas),
    ]
    for key, weight in weighted:
        members = by_term[key]
        at = bisect.bisect_left(members, exercise.slug)
        start = max(0, min(at - NEIGHBOURS // 2, len(members) - NEIGHBOURS))
        for slug in members[start : start + NEIGHBOURS]:
            scores[slug] += weight
    candidates = sorted(
        (slug for slug in scores if slug != exercise.slug and slug not in chosen),
        key=lambda slug: (-scores[slug], slug),
    )
    chosen += candidates[: max(0, MAX_RELATED - len(chosen))]
    return tuple(chosen[:MAX_RELATED])


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
        before = _body_links(old.origin, old.slug, old.body, seen, frozenset(), all_slugs)[1]
        found, after = _body_links(record.origin, record.slug, record.body, seen, frozenset(), all_slugs)
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
