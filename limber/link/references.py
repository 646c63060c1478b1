"""What records name: exercises, images and, in their bodies, [[links]]; each resolved or reported.

Part of stage 3 (link). Every unresolved name is reported at its line, with a suggestion;
a name of a file that failed validation (*broken*) counts as resolved, so it is reported once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from limber.diagnostics import Diagnostic, Origin, did_you_mean
from limber.load.body_text import find_links
from limber.model.dosage import apply_overrides
from limber.model.records import Draft, Exercise, Record, Routine, RoutineStep
from limber.model.vocabulary import Vocabulary
from limber.render.safe_svg import svg_problem


def _unknown_exercise(
    origin: Origin, field: str, key: tuple[str | int, ...], slug: str, exercises: Mapping[str, object]
) -> Diagnostic:
    message = f"'{field}' names unknown exercise '{slug}'{did_you_mean(slug, exercises)}"
    return origin.error("unknown-exercise", message, key)


def check_exercise_refs(exercise: Exercise, exercises: Mapping[str, Exercise | None]) -> list[Diagnostic]:
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
    problems = check_draft(refs, exercises)  # names that are unknown: the same check as a broken file's
    for name in ("easier", "harder"):
        slug = getattr(exercise, name)
        other = exercises.get(slug) if slug is not None else None
        if other is not None and not set(other.areas) & set(exercise.areas):
            message = (
                f"'{name}' exercise '{slug}' shares no body area with this one ({', '.join(exercise.areas)})"
            )
            problems.append(origin.error("unrelated-progression", message, (name,)))
    return problems


def body_links(
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


def check_draft(draft: Draft, known: Mapping[str, Exercise | None]) -> list[Diagnostic]:
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


def resolve_steps(
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


def check_images(exercises: Iterable[Exercise], images: Mapping[str, bytes]) -> list[Diagnostic]:
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
