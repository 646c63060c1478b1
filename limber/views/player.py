"""What the routine player and "My routine" read: each exercise's and each routine's published data.

The scripts that time a routine and build a reader's own (assets/js/routine-data.js and the
scripts that use it) take every number and every word from here, never typed again in
JavaScript: the dosage, the timing constants of the time formula (limber.model.dosage), the limits
of each dosage field (its declaration, also in limber.model.dosage), the words for sides and for each type's
reps. Each exercise and routine has one small data file beside its page
(`exercises/<slug>/play.json`, `routines/<slug>/play.json`), so a player fetches only what it
plays, at any size of the guide. Each file also carries the time and the dosage line the pages
print, computed here, so a test can hold the scripts' arithmetic to them.
"""

from __future__ import annotations

import dataclasses
from pathlib import PurePosixPath
from typing import Any

from limber import routes
from limber.model.dosage import (
    DEFAULT_TEMPO,
    MOVE_IN_AND_OUT,
    SIDES,
    SWITCH_SIDES,
    Dosage,
    dosage_line,
    routine_seconds,
    seconds,
)
from limber.model.fields import Kind
from limber.model.records import Exercise, Output, Routine, RoutineStep
from limber.search.index import json_text
from limber.views.common import Context

PLAY_FILE = routes.PLAY_FILE
DOSAGE_FIELDS = ("hold", "time", "reps", "sets", "rest", "tempo", "sides")  # what a step's dosage carries
ADJUSTABLE = ("hold", "time", "reps", "sets", "rest")  # what a reader may change in their own routine


def play_path(record: Exercise | Routine) -> str:
    """Where a record's player data is published: beside its page."""
    return record.path + PLAY_FILE


def settings(ctx: Context) -> dict[str, Any]:
    """What every player and builder page needs, whatever it plays: the formula's constants and the words."""
    return {
        "timing": {
            "move_in_and_out": MOVE_IN_AND_OUT,
            "default_tempo": DEFAULT_TEMPO,
            "switch_sides": SWITCH_SIDES,
            "transition": _default("transition"),
        },
        "limits": limits(),
        "max_steps": _declared(Routine, "steps").hi,
        "name_max": _declared(Routine, "title").hi,
        "sides": dict(SIDES),
        "play_file": PLAY_FILE,
        "exercises_url": ctx.url(routes.EXERCISES),
    }


def limits() -> dict[str, list[int]]:
    """Each adjustable dosage field's least and greatest value, from its declaration."""
    found = {}
    for spec in dataclasses.fields(Dosage):
        if spec.name in ADJUSTABLE:
            kind = spec.metadata["limber"].kind
            found[spec.name] = [kind.lo, kind.hi]
    return found


def _declared(record: type, name: str) -> Kind:
    """A record field's declared kind: the most steps a routine may have, the longest title."""
    spec = next(f for f in dataclasses.fields(record) if f.name == name)
    kind = spec.metadata["limber"].kind
    assert isinstance(kind, Kind)
    return kind


def _default(name: str) -> int:
    """A routine field's default, from its declaration (the transition when a routine gives none)."""
    spec = next(f for f in dataclasses.fields(Routine) if f.name == name)
    default = spec.default
    assert isinstance(default, int)
    return default


def dosage_data(dosage: Dosage) -> dict[str, Any]:
    return {name: getattr(dosage, name) for name in DOSAGE_FIELDS}


def exercise_data(ctx: Context, exercise: Exercise, dosage: Dosage) -> dict[str, Any]:
    """One exercise as a player shows it, at *dosage* (its own, or a routine step's)."""
    kind = ctx.term("types", exercise.type)
    return {
        "slug": exercise.slug,
        "title": exercise.title,
        "url": ctx.url(exercise.path),
        "figure": ctx.figure_url(exercise) or None,
        "figure_alt": ctx.figure_alt(exercise),
        "cues": list(exercise.cues),
        "equipment": list(exercise.equipment),  # slugs of the equipment vocabulary
        "caution": exercise.cautions[0] if exercise.cautions else None,
        "rep_word": kind.rep_word,
        "time_verb": kind.time_verb,
        "dosage": dosage_data(dosage),
        "dosage_text": dosage_line(dosage, kind, with_frequency=False),
        "seconds": seconds(dosage),
    }


def routine_data(ctx: Context, routine: Routine) -> dict[str, Any]:
    steps: list[RoutineStep] = list(ctx.site.steps[routine.slug])
    return {
        "slug": routine.slug,
        "title": routine.title,
        "url": ctx.url(routine.path),
        "transition": routine.transition,
        "seconds": routine_seconds((s.dosage for s in steps), routine.transition),
        "steps": [
            {"exercise": exercise_data(ctx, ctx.site.exercises[s.exercise], s.dosage), "note": s.note}
            for s in steps
        ],
    }


def play_files(ctx: Context) -> list[Output]:
    """`play.json` beside every exercise's and every routine's page."""
    site = ctx.site
    outputs = [
        Output(PurePosixPath(play_path(e)), json_text(exercise_data(ctx, e, e.dosage)) + "\n")
        for e in site.exercises.values()
    ]
    outputs += [
        Output(PurePosixPath(play_path(r)), json_text(routine_data(ctx, r)) + "\n")
        for r in site.routines.values()
    ]
    return outputs
