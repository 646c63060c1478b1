"""The related exercises each exercise page lists: its own list first, then the closest others.

Part of stage 3 (link): Site.related is a RelatedExercises. Each list is worked out from a few
fields (related_inputs), so the preview knows when an edit changes the lists.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator, Mapping

from limber.model.records import Exercise

MAX_RELATED = 6
NEIGHBOURS = 64


class RelatedExercises(Mapping[str, tuple[str, ...]]):
    """Exercise slug -> related slugs, each list worked out when first asked for.

    The explicit list comes first, then the closest by shared muscles (2 points each) and
    areas (1 point each), ties by slug.

    Candidates come from a term index, not a scan of every exercise: for each of the
    exercise's muscles and areas, the NEIGHBOURS exercises nearest to it in slug order.
    On a guide with fewer than that many exercises per term this is every candidate. A
    build asks for every list; the pages made at once after a save (limber.build.pipeline.SiteBuild.render) only for theirs.
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
