"""The printed routine card's text: what it says, step by step, as the reader sees it.

How the card is laid out, and the estimate that proves it fits one page, are in routine_layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from limber.model.dosage import dosage_line, frequency_text, minutes_text
from limber.model.records import Routine
from limber.model.vocabulary import NO_EQUIPMENT
from limber.views.card.paper import LINK_LABEL, LOG_ROWS_MAX, SAFETY_LINE, credit
from limber.views.common import Context

NOTHING_NEEDED = "nothing"  # "You need: nothing", when no step needs equipment
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True, slots=True)
class CardStep:
    """What the card prints for one step."""

    name: str
    dosage: str
    cues: tuple[str, ...]
    note: str | None
    caution: str | None
    has_figure: bool = False  # the exercise's figure prints beside the step


@dataclass(frozen=True, slots=True)
class CardText:
    """Everything the card prints, as the reader sees it."""

    title: str
    facts: str  # "Desk break · Beginner · About 6 min · 6 exercises · up to 3× a day"
    needs: str  # "You need: a chair"
    steps: tuple[CardStep, ...]
    safety: str
    link: tuple[str, ...]  # the lines beside the QR code: a label, the URL, the site and date
    log_rows: int
    screening: tuple[str, ...] = ()  # what the reader must know before starting (limber.rules.screening)


def log_rows(routine: Routine) -> tuple[str, ...]:
    """The log's row labels: one row per session in a day (at most 3), or one for a week."""
    frequency = routine.frequency
    return day_rows(min(frequency.times, LOG_ROWS_MAX) if frequency.per == "day" else 1)


def day_rows(count: int) -> tuple[str, ...]:
    """The log's row labels for *count* sessions a day (1 to LOG_ROWS_MAX)."""
    return ("Done",) if count == 1 else ("1st", "2nd", "3rd")[:count]


def equipment(ctx: Context, routine: Routine) -> str:
    """What the routine's steps need, in vocabulary order: "a chair, a wall" or "nothing"."""
    site = ctx.site
    used = {s for step in routine.steps for s in site.exercises[step.exercise].equipment}
    names = [t.name for t in site.vocabularies["equipment"].terms if t.slug in used - {NO_EQUIPMENT}]
    return ", ".join(names) if names else NOTHING_NEEDED


def card_text(ctx: Context, routine: Routine) -> CardText:
    """Everything the routine's printed card shows."""
    site = ctx.site
    steps = []
    for step in site.steps[routine.slug]:
        exercise = site.exercises[step.exercise]
        steps.append(
            CardStep(
                exercise.title,
                dosage_line(step.dosage, ctx.term("types", exercise.type), with_frequency=False),
                exercise.cues,
                step.note,
                exercise.cautions[0] if exercise.cautions else None,
                bool(ctx.figure_url(exercise)),
            )
        )
    count = len(steps)
    facts = " · ".join(
        (
            ctx.term("goals", routine.goal).name,
            ctx.term("levels", routine.level).name,
            minutes_text(ctx.routine_total(routine)),
            f"{count} exercise{'s' if count != 1 else ''}",
            frequency_text(routine.frequency),
        )
    )
    url = ctx.site.config.absolute_url(routine.path)
    return CardText(
        title=routine.title,
        facts=facts,
        needs=f"You need: {equipment(ctx, routine)}",
        steps=tuple(steps),
        safety=SAFETY_LINE,
        screening=site.screening.get(routine.slug, ()),
        link=(LINK_LABEL, url, credit(ctx, routine.reviewed)),
        log_rows=len(log_rows(routine)),
    )
