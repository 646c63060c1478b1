"""The printed routine card: its layout, and the estimate that proves it fits one page.

A card prints in the area both A4 and US Letter give inside 12 mm margins: 186 mm wide (A4
limits the width) and 255 mm high (Letter limits the height). assets/css/card.css lays it
out with fixed sizes only (points and millimetres); this module holds the same numbers and
estimates the printed height from the text: each paragraph is wrapped word by word with the
advance widths of the card's font, at the widths the stylesheet gives it.

The estimate is conservative: lines break only at spaces (a browser may also break after a
hyphen), kerning is ignored (it only narrows text), every width is cut by WIDTH_SLACK, and the
page is taken as HEIGHT_LIMIT, a little less than 255 mm. So when it says a card fits,
Chromium prints one page. The layout adapts before it gives up: one column up to 6 steps,
two columns above (or when one is too tall), then tighter spacing and type; a card that does
not fit even at its tightest is a build error naming the routine's file.

Keep the numbers below in step with assets/css/card.css (tests/unit/test_card.py compares them).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from limber.diagnostics import Diagnostic
from limber.documents import STEPS_SECTION
from limber.dosage import dosage_line, duration_text, frequency_text, minutes_text, seconds
from limber.memo import Job
from limber.model import INTENSITIES, NO_EQUIPMENT, Exercise, Routine
from limber.views.common import Context

PT = 25.4 / 72  # millimetres in a point

PAGE_WIDTH = 186.0  # mm: A4 (210 mm) less two 12 mm margins
PAGE_HEIGHT = 255.0  # mm: US Letter (279.4 mm) less two 12 mm margins, rounded down
HEIGHT_LIMIT = 253.0  # mm: what the estimate may reach (2.4 mm kept for rounding)
WIDTH_SLACK = 0.98  # every line is taken as this share of its real width
ONE_COLUMN_MAX = 6  # steps; more take two columns
CUE_BULLET = " •\u00a0"  # between run-on cues: a line may break before the bullet, not after
NOTE_DASH = " –\u00a0"  # before a run-on note
SAFETY_LINE = (
    "Stay pain-free; a stretch should feel mild to moderate. "
    "Stop if you feel sharp pain, numbness, tingling or dizziness. Not medical advice."
)
SCREENING_LABEL = "Before you start:"  # leads the card's screening lines (limber.rules)
LINK_LABEL = "Scan the code or go to this page for the full instructions:"
NOTHING_NEEDED = "nothing"  # "You need: nothing", when no step needs equipment
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

# Advance widths in 1/2048 em of the card's font family (Arial, and the fonts with its
# metrics: Liberation Sans, Arimo, Helvetica), characters U+0020 to U+007E. Italic
# matches regular. A character not listed counts as one em, wider than any listed.
_REGULAR = (
    569, 569, 727, 1139, 1139, 1821, 1366, 391, 682, 682, 797, 1196, 569, 682, 569, 569,
    1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 569, 569, 1196, 1196, 1196, 1139,
    2079, 1366, 1366, 1479, 1479, 1366, 1251, 1593, 1479, 569, 1024, 1366, 1139, 1706, 1479, 1593,
    1366, 1593, 1479, 1366, 1251, 1479, 1366, 1933, 1366, 1366, 1251, 569, 569, 569, 961, 1139,
    682, 1139, 1139, 1024, 1139, 1139, 569, 1139, 1139, 455, 455, 1024, 455, 1706, 1139, 1139,
    1139, 1139, 682, 1024, 569, 1139, 1024, 1479, 1024, 1024, 1024, 684, 532, 684, 1196,
)  # fmt: skip
_BOLD = (
    569, 682, 971, 1139, 1139, 1821, 1479, 487, 682, 682, 797, 1196, 569, 682, 569, 569,
    1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 682, 682, 1196, 1196, 1196, 1251,
    1997, 1479, 1479, 1479, 1479, 1366, 1251, 1593, 1479, 569, 1139, 1479, 1251, 1706, 1479, 1593,
    1366, 1593, 1479, 1366, 1251, 1479, 1366, 1933, 1366, 1366, 1251, 682, 569, 682, 1196, 1139,
    682, 1139, 1251, 1139, 1251, 1139, 682, 1251, 1251, 569, 569, 1139, 569, 1821, 1251, 1251,
    1251, 1251, 797, 1139, 682, 1251, 1139, 1593, 1139, 1139, 1024, 797, 573, 797, 1196,
)  # fmt: skip
_EXTRA = {  # the wider of regular and bold
    "·": 569, "•": 717, "–": 1139, "—": 2048, "×": 1196, "é": 1139,
    "’": 569, "‘": 569, "“": 1024, "”": 1024, "…": 2048, "\u00a0": 569,
}  # fmt: skip
_SPACES = re.compile(r"[ \t\r\n]+")  # where a line may break (not at a no-break space)
_EM = 2048


@functools.lru_cache(maxsize=1 << 16)  # words repeat across a guide: each is measured once
def _units(text: str, bold: bool) -> int:
    """The text's advance width in 1/2048 em."""
    table = _BOLD if bold else _REGULAR
    return sum(table[code - 32] if 32 <= (code := ord(c)) <= 126 else _EXTRA.get(c, _EM) for c in text)


@dataclass(frozen=True, slots=True)
class Type:
    """A font size and the line height the stylesheet sets for it, in points."""

    size: float
    line: float
    bold: bool = False

    @property
    def line_mm(self) -> float:
        return self.line * PT

    def width(self, text: str) -> float:
        """The text's width in mm, unkerned."""
        return _units(text, self.bold) / _EM * self.size * PT

    def lines(self, text: str, width: float, indent: float = 0.0) -> int:
        """Lines *text* takes in a box *width* mm wide whose first line starts *indent* mm in.

        Greedy, like a browser, breaking only at spaces.
        """
        room = width * WIDTH_SLACK
        space = self.width(" ")
        count, used = 1, indent
        for word in _SPACES.split(text.strip()):
            size = self.width(word)
            if used > indent and used + space + size > room:
                count, used = count + 1, 0.0
            elif used > indent:
                used += space
            while used + size > room:  # a word longer than the line overflows onto more
                count, size = count + 1, size - (room - used)
                used = 0.0
            used += size
        return count

    def height(self, text: str, width: float, indent: float = 0.0) -> float:
        return self.lines(text, width, indent) * self.line_mm


_URL_BREAKS = re.compile(r"(?<=[^/]/)(?!/)")  # after a slash, but not after the "//" of the scheme


def url_parts(url: str) -> tuple[str, ...]:
    """The printed URL cut where its line may break: after each "/" only.

    A part too long for a line of its own is cut further, but never next to a hyphen, so a
    reader never takes a line's end for a hyphen in the address.
    """
    room = LINK_WIDTH * WIDTH_SLACK
    parts: list[str] = []
    for part in _URL_BREAKS.split(url):
        while FOOT.width(part) > room:
            cut = 1
            while cut < len(part) and FOOT.width(part[: cut + 1]) <= room:
                cut += 1
            while cut > 1 and "-" in (part[cut - 1], part[cut]):
                cut -= 1
            parts.append(part[:cut])
            part = part[cut:]
        if part:
            parts.append(part)
    return tuple(parts)


def _link_height(link: tuple[str, ...]) -> float:
    """The lines beside the QR code: the label, the URL (broken only between its parts), the credit."""
    label, url, credit_line = link
    room = LINK_WIDTH * WIDTH_SLACK
    lines, used = 1, 0.0
    for part in url_parts(url):
        size = FOOT.width(part)
        if used and used + size > room:
            lines, used = lines + 1, 0.0
        used += size
    return FOOT.height(label, LINK_WIDTH) + lines * FOOT.line_mm + FOOT.height(credit_line, LINK_WIDTH)


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

# Fixed parts of the card (card.css), in mm unless named otherwise.
FACTS = Type(10, 12)  # the facts and "You need" lines under the title
SAFETY = Type(9, 11)  # the safety strip
FOOT = Type(9, 11)  # the link text and the log's labels
LOG_TITLE = Type(10, 12, True)  # "Week of ____"
HEADER_RULE = 2.0 + 0.5  # padding and rule under the title band
COLUMN_GAP = 5.0
STEP_BORDER = 0.3
NUMBER_BOX = 6.0  # the step number's box: its least width (border included),
NUMBER_INSIDE = 2 * 0.8 + 2 * 0.35  # its padding and border left and right,
NUMBER_MARGIN = 1.0  # and its right margin
ONE_COLUMN_HEAD = 58.0  # one column: the name and dosage beside the cues
ONE_COLUMN_SPLIT = 4.0  # ...and the gap between them
CUE_INDENT = 3.5  # a cue's bullet
FIGURE_RATIO = 0.75  # a figure's height over its width (limber.figures draws them 4:3)
FIGURE_GAP = ONE_COLUMN_SPLIT  # between a step's text and its figure
PRINTOUT_FIGURE = 60.0  # the figure's width on an exercise printout, beside the dosage box
CAUTION_INDENT = 4.0  # the caution's ⚠ mark
SAFETY_BOX = 2 * 1.0 + 2 * 0.4  # padding and border, top and bottom
SAFETY_SIDES = 2 * 2.0 + 2 * 0.4
LOG_ROW = 5.5  # a row of tick boxes
LOG_HEAD = 5.0  # the row of day names
LOG_WIDTH = 14.0 + 7 * 9.0  # row labels and seven days
QR_SIZE = 24.0
QR_GAP = 3.0
FOOT_GAP = 5.0
LINK_WIDTH = PAGE_WIDTH - LOG_WIDTH - FOOT_GAP - QR_SIZE - QR_GAP - 2.0  # the URL's text block
LOG_ROWS_MAX = 3


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
    fixed = _header(text, density) + _safety(text.safety, text.screening) + _foot(text) + 3 * density.band
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


def _safety(line: str, screening: tuple[str, ...] = ()) -> float:
    width = PAGE_WIDTH - SAFETY_SIDES
    height = SAFETY.height(line, width) + SAFETY_BOX
    if screening:
        height += SAFETY.height(" ".join((SCREENING_LABEL, *screening)), width)
    return height


def _foot(text: CardText) -> float:
    rows = max(1, min(text.log_rows, LOG_ROWS_MAX))
    log = LOG_TITLE.line_mm + 1.0 + LOG_HEAD + rows * (LOG_ROW + 0.3) + 0.3
    return max(log, QR_SIZE, _link_height(text.link))


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


def _spaced(blocks: Iterable[float], space: float) -> float:
    parts = list(blocks)
    return sum(parts) + space * max(len(parts) - 1, 0)


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
        _spaced(_body(step, density, body_width), density.space),
        figure_height,
    )
    return content + frame


def _step_stack(step: CardStep, number: int, density: Density, column: float) -> float:
    """Two columns: the name, dosage, cues, note and caution one under another, the figure beside."""
    sides, frame = _frame(density)
    figure_width, figure_height = _figure(step, density)
    inner = column - sides - figure_width
    blocks = [_head(step, number, density, inner), *_body(step, density, inner)]
    return max(_spaced(blocks, density.space), figure_height) + frame


# --- the card's text, from a routine ------------------------------------------------------


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


def credit(ctx: Context, reviewed: str | None) -> str:
    """The site's name and the content's review date: "Limber · reviewed 2026-11-30"."""
    name = ctx.site.config.title
    return f"{name} · reviewed {reviewed}" if reviewed else name


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


def printout_job(ctx: Context, exercise: Exercise) -> Job:
    text = printout_text(ctx, exercise)
    return ("printout-height", text, partial(printout_height, text))


def printout_jobs(ctx: Context) -> list[Job]:
    """The printout height of every exercise, for the parallel pass of a cold build."""
    return [printout_job(ctx, exercise) for exercise in ctx.site.exercises.values()]


def card_problems(ctx: Context) -> list[Diagnostic]:
    """An error for each routine card or exercise page that cannot print on one page.

    Codes: `card-too-long` at the routine's `steps`, `printout-too-long` at the exercise's body.
    """
    problems = []
    for routine in ctx.site.routines.values():
        layout = plan(card_text(ctx, routine))
        if not layout.fits:
            message = (
                f"the printed card of '{routine.title}' does not fit one page: at its tightest it is "
                f"about {layout.height:.0f} mm tall and a page has room for {HEIGHT_LIMIT:.0f} mm; "
                "use fewer steps, or shorten the step notes or the exercises' cues"
            )
            problems.append(routine.origin.error("card-too-long", message, ("steps",)))
    for exercise in ctx.site.exercises.values():
        height = float(ctx.memo(*printout_job(ctx, exercise)))
        if height > HEIGHT_LIMIT:
            message = (
                f"the printed page of '{exercise.title}' does not fit one page: it is about "
                f"{height:.0f} mm tall and a page has room for {HEIGHT_LIMIT:.0f} mm; shorten "
                f"'## {STEPS_SECTION}' or the cautions"
            )
            problems.append(
                Diagnostic(exercise.origin.path, exercise.origin.body_line, "printout-too-long", message)
            )
    return problems


# --- the exercise printout ----------------------------------------------------------------

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
    height += PRINT_HEADING.line_mm + 1.0 + _spaced(steps, ITEM_GAP)
    if text.extra:
        height += PRINT_TEXT.height(text.extra, PAGE_WIDTH) + PRINT_TEXT.line_mm
    height += 3.0 + _safety(SAFETY_LINE) + 3.0
    return height + max(QR_SIZE, _link_height(text.link))


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
