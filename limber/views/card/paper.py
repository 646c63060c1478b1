"""What every printed page of the guide shares: the page, the type and how text wraps in it.

A routine card (limber.views.card.routine) and an exercise printout (limber.views.card.printout)
print in the area both A4 and US Letter give inside 12 mm margins: 186 mm wide (A4 limits the
width) and 255 mm high (Letter limits the height). assets/css/card.css lays them out with fixed
sizes only (points and millimetres); this module holds the numbers they share and measures text:
each paragraph is wrapped word by word with the advance widths of the card's font.

Keep the numbers in step with assets/css/card.css (tests/unit/test_card.py compares them).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from limber.views.common import Context

PT = 25.4 / 72  # millimetres in a point

PAGE_WIDTH = 186.0  # mm: A4 (210 mm) less two 12 mm margins
PAGE_HEIGHT = 255.0  # mm: US Letter (279.4 mm) less two 12 mm margins, rounded down
HEIGHT_LIMIT = 253.0  # mm: what the estimate may reach (2.4 mm kept for rounding)
WIDTH_SLACK = 0.98  # every line is taken as this share of its real width
SAFETY_LINE = (
    "Stay pain-free; a stretch should feel mild to moderate. "
    "Stop if you feel sharp pain, numbness, tingling or dizziness. Not medical advice."
)
SCREENING_LABEL = "Before you start:"  # leads the card's screening lines (limber.rules)
LINK_LABEL = "Scan the code or go to this page for the full instructions:"

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


def link_height(link: tuple[str, ...]) -> float:
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


def safety_height(line: str, screening: tuple[str, ...] = ()) -> float:
    width = PAGE_WIDTH - SAFETY_SIDES
    height = SAFETY.height(line, width) + SAFETY_BOX
    if screening:
        height += SAFETY.height(" ".join((SCREENING_LABEL, *screening)), width)
    return height


def spaced(blocks: Iterable[float], space: float) -> float:
    parts = list(blocks)
    return sum(parts) + space * max(len(parts) - 1, 0)


def credit(ctx: Context, reviewed: str | None) -> str:
    """The site's name and the content's review date: "Limber · reviewed 2026-11-30"."""
    name = ctx.site.config.title
    return f"{name} · reviewed {reviewed}" if reviewed else name
