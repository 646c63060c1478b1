"""The printed exercise page: what it shows, and the estimate that proves it fits one page."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from limber.build.memo import Job
from limber.model.dosage import duration_text, frequency_text, minutes_text, seconds
from limber.model.records import Exercise
from limber.model.vocabulary import INTENSITIES
from limber.render.documents import STEPS_SECTION
from limber.views.card.paper import (
    CUE_INDENT,
    FIGURE_GAP,
    FIGURE_RATIO,
    HEADER_RULE,
    LINK_LABEL,
    PAGE_WIDTH,
    PRINTOUT_FIGURE,
    QR_SIZE,
    SAFETY_LINE,
    Type,
    credit,
    link_height,
    safety_height,
    spaced,
)
from limber.views.common import Context

PRINT_TITLE = Type(20, 23, True)
PRINT_TEXT = Type(11, 14)  # the summary, facts, cues, cautions and steps
PRINT_BOLD = Type(11, 14, True)
PRINT_HEADING = Type(12, 15, True)
PRINT_DOSAGE = Type(13, 16, True)
BOX_FRAME = 1.5 + 2.0 + 2 * 0.8  # a box's padding, top and bottom, and its thickest border
BOX_SIDES = 2 * 3.0 + 2 * 0.8
LIST_INDENT = 7.0  # the numbered steps
ITEM_GAP = 1.0  # between numbered steps


@dataclass(frozen=True, slots=True)
class PrintoutText:
    """Everything an exercise's printout shows."""

    title: str
    summary: str
    dosage: str
    facts: tuple[tuple[str, str], ...]  # ("How often", "Up to 3× a day"), ...
    cues: tuple[str, ...]
    cautions: tuple[str, ...]
    steps: tuple[str, ...]  # the numbered steps of "How to do it"
    extra: str  # any other text in that section, outside the numbered steps
    link: tuple[str, ...]
    has_figure: bool = False  # the exercise's figure prints beside the dosage box


def printout_height(text: PrintoutText) -> float:
    """The estimated printed height of an exercise page, in mm."""
    inner = PAGE_WIDTH - BOX_SIDES
    figure = PRINTOUT_FIGURE + FIGURE_GAP if text.has_figure else 0.0  # beside the dosage box
    header = PRINT_TITLE.height(text.title, PAGE_WIDTH) + 1.0 + PRINT_TEXT.height(text.summary, PAGE_WIDTH)
    label = max((PRINT_BOLD.width(name) for name, _ in text.facts), default=0.0) + 4.0
    facts = sum(PRINT_TEXT.height(value, inner - figure - label) for _, value in text.facts)
    bullets = sum(PRINT_TEXT.height(c, inner - figure - CUE_INDENT - 0.5) for c in text.cues)
    dosage = PRINT_HEADING.line_mm + PRINT_DOSAGE.height(text.dosage, inner - figure) + 2.0 + facts + bullets
    drawn = PRINTOUT_FIGURE * FIGURE_RATIO if text.has_figure else 0.0
    height = header + HEADER_RULE + 3.0 + max(dosage + BOX_FRAME, drawn) + 3.0
    if text.cautions:
        items = sum(PRINT_TEXT.height(c, inner - CUE_INDENT - 0.5) for c in text.cautions)
        height += PRINT_HEADING.line_mm + items + BOX_FRAME + 3.0
    steps = [PRINT_TEXT.height(s, PAGE_WIDTH - LIST_INDENT) for s in text.steps]
    height += PRINT_HEADING.line_mm + 1.0 + spaced(steps, ITEM_GAP)
    if text.extra:
        height += PRINT_TEXT.height(text.extra, PAGE_WIDTH) + PRINT_TEXT.line_mm
    height += 3.0 + safety_height(SAFETY_LINE) + 3.0
    return height + max(QR_SIZE, link_height(text.link))


def printout_text(ctx: Context, exercise: Exercise) -> PrintoutText:
    """Everything the exercise page prints."""
    document = ctx.documents[exercise.path]
    total = seconds(exercise.dosage)
    facts = []
    if exercise.dosage.frequency:
        facts.append(("How often", frequency_text(exercise.dosage.frequency).capitalize()))
    facts.append(("How it should feel", INTENSITIES[ctx.intensity(exercise)]))
    facts.append(("Time", f"{minutes_text(total)} ({duration_text(total)})"))
    section = document.section(STEPS_SECTION)
    listed = sum(len(s) + 1 for s in document.steps)
    extra = section.text if section and len(section.text) > listed + len(STEPS_SECTION) else ""
    return PrintoutText(
        title=exercise.title,
        summary=exercise.summary,
        dosage=ctx.dosage(exercise, with_frequency=False),
        facts=tuple(facts),
        cues=exercise.cues,
        cautions=exercise.cautions,
        steps=document.steps,
        extra=extra,
        link=(LINK_LABEL, ctx.site.config.absolute_url(exercise.path), credit(ctx, exercise.reviewed)),
        has_figure=exercise.figure is not None,
    )


def printout_job(ctx: Context, exercise: Exercise) -> Job:
    text = printout_text(ctx, exercise)
    return ("printout-height", text, partial(printout_height, text))


def printout_jobs(ctx: Context) -> list[Job]:
    """The printout height of every exercise, for the parallel pass of a cold build."""
    return [printout_job(ctx, exercise) for exercise in ctx.site.exercises.values()]
