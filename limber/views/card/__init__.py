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

The page and the type both share are in `paper`, the routine card's text in `routine` and its
layout in `routine_layout`, the exercise printout in `printout`; the names other modules use are
gathered here.
"""

from __future__ import annotations

from limber.diagnostics import Diagnostic
from limber.render.documents import STEPS_SECTION
from limber.views.card.paper import (
    CAUTION_INDENT,
    COLUMN_GAP,
    CUE_INDENT,
    FIGURE_RATIO,
    FOOT,
    HEIGHT_LIMIT,
    LINK_LABEL,
    LINK_WIDTH,
    LOG_ROW,
    ONE_COLUMN_HEAD,
    PAGE_HEIGHT,
    PRINTOUT_FIGURE,
    QR_SIZE,
    SAFETY,
    SAFETY_LINE,
    SCREENING_LABEL,
    WIDTH_SLACK,
    Type,
    credit,
    url_parts,
)
from limber.views.card.printout import printout_job, printout_jobs
from limber.views.card.routine import (
    DAYS,
    NOTHING_NEEDED,
    CardStep,
    CardText,
    card_text,
    day_rows,
    equipment,
    log_rows,
)
from limber.views.card.routine_layout import DENSITIES, ONE_COLUMN_MAX, layout_classes, layouts, plan
from limber.views.common import Context

# What other modules use, wherever it is defined.
__all__ = [
    "CAUTION_INDENT",
    "COLUMN_GAP",
    "CUE_INDENT",
    "DAYS",
    "DENSITIES",
    "FIGURE_RATIO",
    "FOOT",
    "LINK_LABEL",
    "LINK_WIDTH",
    "LOG_ROW",
    "NOTHING_NEEDED",
    "ONE_COLUMN_HEAD",
    "ONE_COLUMN_MAX",
    "PAGE_HEIGHT",
    "PRINTOUT_FIGURE",
    "QR_SIZE",
    "SAFETY",
    "SAFETY_LINE",
    "SCREENING_LABEL",
    "WIDTH_SLACK",
    "CardStep",
    "CardText",
    "Type",
    "card_problems",
    "card_text",
    "credit",
    "day_rows",
    "equipment",
    "layout_classes",
    "layouts",
    "log_rows",
    "plan",
    "printout_jobs",
    "url_parts",
]


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
