"""The printed routine card's layout, and the estimate that picks the roomiest that fits a page.

A layout is one or two columns at a density, tried roomiest first. How the estimate stays
conservative, and what happens when no layout fits, is told in limber.views.card.
"""

from __future__ import annotations

from dataclasses import dataclass

from limber.views.card.paper import (
    CAUTION_INDENT,
    COLUMN_GAP,
    CUE_INDENT,
    FACTS,
    FIGURE_GAP,
    FIGURE_RATIO,
    HEADER_RULE,
    HEIGHT_LIMIT,
    LOG_HEAD,
    LOG_ROW,
    LOG_ROWS_MAX,
    LOG_TITLE,
    NUMBER_BOX,
    NUMBER_INSIDE,
    NUMBER_MARGIN,
    ONE_COLUMN_HEAD,
    ONE_COLUMN_SPLIT,
    PAGE_WIDTH,
    QR_SIZE,
    STEP_BORDER,
    Type,
    link_height,
    safety_height,
    spaced,
)
from limber.views.card.routine import CardStep, CardText

ONE_COLUMN_MAX = 6  # steps; more take two columns
CUE_BULLET = " •\u00a0"  # between run-on cues: a line may break before the bullet, not after
NOTE_DASH = " –\u00a0"  # before a run-on note


@dataclass(frozen=True, slots=True)
class Density:
    """One step of spacing and type; the CSS class `print-card--<name>` sets the same values."""

    name: str
    title: Type  # the routine's title
    step: Type  # each step's exercise name (bold), and its number
    dosage: Type
    cue: Type
    small: Type  # the step's note and caution
    pad: float  # mm inside each step's border
    gap: float  # mm between steps
    space: float  # mm between the parts of a step
    band: float  # mm between the title band, the steps, the safety strip and the foot
    run_on: bool  # cues run on in one paragraph (CUE_BULLET between them) instead of one per line
    figure: float = 0.0  # mm: the width of a step's figure, beside its text (FIGURE_RATIO high)
    boxed: bool = True  # each step in a box; else a rule above each step
    note_inline: bool = False  # the note runs on after the cues and a dash, at the cues' size


DENSITIES = (
    Density(
        "roomy",
        Type(20, 23, True),
        Type(13, 15, True),
        Type(11, 13),
        Type(11, 13),
        Type(10, 12),
        pad=2.0,
        gap=2.5,
        space=1.0,
        band=3.0,
        figure=26.0,
        run_on=False,
    ),
    Density(
        "snug",
        Type(18, 21, True),
        Type(12, 14, True),
        Type(10, 12),
        Type(11, 13),
        Type(9.5, 11),
        pad=1.5,
        gap=2.0,
        space=0.8,
        band=3.0,
        figure=24.0,
        run_on=False,
    ),
    Density(
        "tight",
        Type(16, 18, True),
        Type(11, 12.5, True),
        Type(9, 10.5),
        Type(11, 12.5),
        Type(9, 10),
        pad=1.2,
        gap=1.5,
        space=0.5,
        band=3.0,
        figure=22.0,
        run_on=True,
    ),
    Density(
        "compact",
        Type(16, 18, True),
        Type(11, 12.5, True),
        Type(9, 10.5),
        Type(10, 11),
        Type(9, 10),
        pad=0.8,
        gap=1.0,
        space=0.4,
        band=2.0,
        figure=18.0,
        run_on=True,
        boxed=False,
        note_inline=True,
    ),
)


@dataclass(frozen=True, slots=True)
class CardLayout:
    """How a card is laid out, and how tall it is estimated to print."""

    columns: int  # 1 or 2
    density: str  # a Density's name
    column_break: int  # two columns: the number of the first step in the second; else 0
    height: float  # mm, estimated
    fits: bool

    @property
    def classes(self) -> str:
        return layout_classes(self.columns, self.density)


def layout_classes(columns: int, density: str) -> str:
    """The card's CSS classes for a layout: "print-card--2col print-card--tight"."""
    return f"print-card--{columns}col print-card--{density}"


def layouts(step_count: int) -> tuple[tuple[int, Density], ...]:
    """The layouts a card of *step_count* steps may take, roomiest first: (columns, density)."""
    column_counts = (1, 2) if step_count <= ONE_COLUMN_MAX else (2,)
    return tuple((columns, density) for columns in column_counts for density in DENSITIES)


def plan(text: CardText) -> CardLayout:
    """The roomiest layout that fits one page, or the tightest one (with fits=False)."""
    tried = []
    for columns, density in layouts(len(text.steps)):
        layout = _measure(text, columns, density)
        if layout.fits:
            return layout
        tried.append(layout)
    return min(tried, key=lambda layout: layout.height)


def _measure(text: CardText, columns: int, density: Density) -> CardLayout:
    fixed = (
        _header(text, density) + safety_height(text.safety, text.screening) + _foot(text) + 3 * density.band
    )
    if columns == 1:
        steps = sum(_step_row(s, n, density) + density.gap for n, s in enumerate(text.steps, 1))
        column_break = 0
    else:
        width = (PAGE_WIDTH - COLUMN_GAP) / 2
        heights = [_step_stack(s, n, density, width) + density.gap for n, s in enumerate(text.steps, 1)]
        steps, first = _split(heights)
        column_break = first + 1
    height = fixed + steps
    return CardLayout(columns, density.name, column_break, round(height, 1), height <= HEIGHT_LIMIT)


def _split(heights: list[float]) -> tuple[float, int]:
    """The tallest column and the index that starts the second, for the most even split."""
    if len(heights) < 2:
        return sum(heights), len(heights)
    best = min(
        range(1, len(heights)),
        key=lambda k: (max(sum(heights[:k]), sum(heights[k:])), -k),
    )
    return max(sum(heights[:best]), sum(heights[best:])), best


def _header(text: CardText, density: Density) -> float:
    return (
        density.title.height(text.title, PAGE_WIDTH)
        + 1.0
        + FACTS.height(text.facts, PAGE_WIDTH)
        + FACTS.height(text.needs, PAGE_WIDTH)
        + HEADER_RULE
    )


def _foot(text: CardText) -> float:
    rows = max(1, min(text.log_rows, LOG_ROWS_MAX))
    log = LOG_TITLE.line_mm + 1.0 + LOG_HEAD + rows * (LOG_ROW + 0.3) + 0.3
    return max(log, QR_SIZE, link_height(text.link))


def _number_indent(number: int, density: Density) -> float:
    """Where the exercise name starts: after the number's box and a space."""
    box = max(NUMBER_BOX, density.step.width(str(number)) + NUMBER_INSIDE)
    return box + NUMBER_MARGIN + density.step.width(" ")


def _head(step: CardStep, number: int, density: Density, width: float) -> float:
    """The exercise name (after its number) and the dosage line."""
    name = density.step.height(step.name, width, _number_indent(number, density))
    return name + density.dosage.height(step.dosage, width)


def _body(step: CardStep, density: Density, width: float) -> list[float]:
    """The cues, the note and the caution, each a block."""
    if density.note_inline:
        note = NOTE_DASH + step.note if step.note else ""
        blocks = [density.cue.height(CUE_BULLET.join(step.cues) + note, width)]
    elif density.run_on:
        blocks = [density.cue.height(CUE_BULLET.join(step.cues), width)]
    else:
        blocks = [sum(density.cue.height(c, width - CUE_INDENT) for c in step.cues)]
    if step.note and not density.note_inline:
        blocks.append(density.small.height(step.note, width))
    if step.caution:
        blocks.append(density.small.height(step.caution, width - CAUTION_INDENT))
    return blocks


def _frame(density: Density) -> tuple[float, float]:
    """A step's frame: (width taken from its content, height added to it), in mm."""
    if density.boxed:
        return 2 * (STEP_BORDER + density.pad), 2 * (STEP_BORDER + density.pad)
    return 0.0, STEP_BORDER + density.pad


def _figure(step: CardStep, density: Density) -> tuple[float, float]:
    """The room a step's figure takes: (width, with the gap before it; height), in mm."""
    if not step.has_figure:
        return 0.0, 0.0
    return density.figure + FIGURE_GAP, density.figure * FIGURE_RATIO


def _step_row(step: CardStep, number: int, density: Density) -> float:
    """One column: the name and dosage on the left, the rest beside them, the figure at the right."""
    sides, frame = _frame(density)
    figure_width, figure_height = _figure(step, density)
    body_width = PAGE_WIDTH - sides - ONE_COLUMN_HEAD - ONE_COLUMN_SPLIT - figure_width
    content = max(
        _head(step, number, density, ONE_COLUMN_HEAD),
        spaced(_body(step, density, body_width), density.space),
        figure_height,
    )
    return content + frame


def _step_stack(step: CardStep, number: int, density: Density, column: float) -> float:
    """Two columns: the name, dosage, cues, note and caution one under another, the figure beside."""
    sides, frame = _frame(density)
    figure_width, figure_height = _figure(step, density)
    inner = column - sides - figure_width
    blocks = [_head(step, number, density, inner), *_body(step, density, inner)]
    return max(spaced(blocks, density.space), figure_height) + frame
