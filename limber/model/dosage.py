"""The dosage: the record of how much to do, the routine time formula and the dosage line.

Its fields are declared here as dataclass metadata (limber.model.fields), as the records' are in
limber.model.records. The formula (content/README.md, "Total time") is the one place a time is
computed; exercise pages, routine pages and routine totals all call it, so the numbers
always agree.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from limber.model.fields import FLAG, SECONDS, choice, declare, group, whole
from limber.model.vocabulary import INTENSITIES, Term

SIDES: Mapping[str, str] = {
    "each": "each side",
    "alternating": "each side, alternating",
    "both": "",
}
SIDES_DOC = "`each`: all reps one side, then the other; `alternating`: left-right within the reps (reps count per side); `both`: symmetrical"

# Declared once, used by the exercise's dosage and by a routine step's overrides.
HOLD = declare(whole(1, 300, SECONDS), "seconds to hold each rep; excludes `time`", 20)
TIME = declare(whole(10, 600, SECONDS), "seconds of continuous work (rolling); excludes `hold`")
REPS = declare(
    whole(1, 50), "repetitions (number of holds); required unless `time` is given; with `time`, rounds", 3
)
SETS = declare(whole(1, 10), "sets")
REST = declare(whole(0, 300, SECONDS), "seconds of rest between sets")
SIDES_FIELD = declare(choice(*SIDES), SIDES_DOC)


@dataclass(frozen=True, slots=True, kw_only=True)
class Frequency:
    times: int = field(metadata=declare(whole(1, 10), "how many times", 3))
    per: str = field(metadata=declare(choice("day", "week"), "per day or per week", "day"))
    up_to: bool = field(default=False, metadata=declare(FLAG, '`true` reads "up to 3× a day"', True))


@dataclass(frozen=True, slots=True, kw_only=True)
class Dosage:
    """How much of an exercise to do; times are whole seconds."""

    hold: int | None = field(default=None, metadata=HOLD)
    time: int | None = field(default=None, metadata=TIME)
    reps: int | None = field(default=None, metadata=REPS)
    sets: int = field(default=1, metadata=SETS)
    rest: int = field(default=0, metadata=REST)
    tempo: int | None = field(
        default=None,
        metadata=declare(whole(1, 60, SECONDS), "seconds per unheld rep, for the time estimate; default 3"),
    )
    sides: str = field(metadata=SIDES_FIELD)
    frequency: Frequency | None = field(
        default=None,
        metadata=declare(group(Frequency), "how often, e.g. `{times: 3, per: day, up_to: true}`", {}),
    )
    intensity: str | None = field(
        default=None,
        metadata=declare(choice(*INTENSITIES), "how strong it should feel; default: the type's `intensity`"),
    )


MOVE_IN_AND_OUT = 2  # seconds added to each hold
DEFAULT_TEMPO = 3  # seconds for one slow, controlled rep
SWITCH_SIDES = 5  # seconds to change sides, once per set when sides == "each"


def apply_overrides(base: Dosage, overrides: Mapping[str, object]) -> Dosage:
    """The exercise's dosage with a routine step's fields laid over it.

    `hold` and `time` replace each other as a pair: a step that sets `time` drops the
    exercise's `hold`, and the other way round. Every other field overrides one by one.
    """
    changes = dict(overrides)
    if "time" in changes:
        changes.setdefault("hold", None)
    if "hold" in changes:
        changes.setdefault("time", None)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def rounds(dosage: Dosage) -> int:
    """Reps, or 1 for continuous work (`time`) that gives none."""
    return dosage.reps if dosage.reps is not None else 1


def seconds(dosage: Dosage) -> int:
    """Time one exercise (or routine step) takes, by the documented formula."""
    if dosage.time is not None:
        work_side = dosage.time * rounds(dosage)
    else:
        rep = dosage.hold + MOVE_IN_AND_OUT if dosage.hold else (dosage.tempo or DEFAULT_TEMPO)
        work_side = rounds(dosage) * rep
    side_factor = 2 if dosage.sides in ("each", "alternating") else 1
    switch = SWITCH_SIDES if dosage.sides == "each" else 0
    return dosage.sets * (work_side * side_factor + switch) + (dosage.sets - 1) * dosage.rest


def routine_seconds(step_dosages: Iterable[Dosage], transition: int) -> int:
    """Sum of the steps plus one transition between each pair of steps."""
    times = [seconds(d) for d in step_dosages]
    return sum(times) + max(len(times) - 1, 0) * transition


def minutes_text(total: int) -> str:
    """The total as "About N min", rounded up so a reader never runs short of time."""
    return f"About {max(1, math.ceil(total / 60))} min"


def duration_text(total: int) -> str:
    """90 -> "1 min 30 s"; 45 -> "45 s"."""
    minutes, secs = divmod(total, 60)
    if not minutes:
        return f"{secs} s"
    return f"{minutes} min {secs} s" if secs else f"{minutes} min"


def iso_duration(total: int) -> str:
    """394 -> "PT6M34S" (ISO 8601, for JSON-LD)."""
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    text = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return text + (f"{secs}S" if secs or text == "PT" else "")


def frequency_text(frequency: Frequency) -> str:
    """{times: 3, per: day, up_to: true} -> "up to 3× a day"."""
    times = "once" if frequency.times == 1 else f"{frequency.times}×"
    return ("up to " if frequency.up_to else "") + f"{times} a {frequency.per}"


def dosage_parts(dosage: Dosage, kind: Term) -> list[str]:
    """The dosage in plain words, one part per fact: ["Hold 30 s", "2 times", "each side"].

    The words for reps and timed work come from the exercise's type term ("10 slow reps",
    "Roll for 60 s").
    """
    parts: list[str] = []
    reps = rounds(dosage)
    if dosage.time is not None:
        parts.append(f"{kind.time_verb} {duration_text(dosage.time)}")
        if dosage.reps is not None and reps > 1:
            parts.append(f"{reps} rounds")
    elif dosage.hold:
        parts.append(f"Hold {duration_text(dosage.hold)}")
        parts.append("once" if reps == 1 else f"{reps} times")
    else:
        parts.append(f"{reps} {kind.rep_word}{'s' if reps != 1 else ''}")
    if dosage.sets > 1:
        parts.append(f"{dosage.sets} sets")
        if dosage.rest:
            parts.append(f"rest {duration_text(dosage.rest)} between sets")
    if SIDES[dosage.sides]:
        parts.append(SIDES[dosage.sides])
    return parts


def dosage_line(dosage: Dosage, kind: Term, *, with_frequency: bool = True) -> str:
    """The dosage as one line: "Hold 30 s · 2 times · each side · up to 3× a day"."""
    parts = dosage_parts(dosage, kind)
    if with_frequency and dosage.frequency:
        parts.append(frequency_text(dosage.frequency))
    return " · ".join(parts)
