"""QR codes for printed pages: a URL as an inline SVG, made at build time."""

from __future__ import annotations

import re

import segno

MASK = 2
QUIET_ZONE = 4  # modules of blank margin around the code
_DARK_RUN = re.compile(rb"\x01+")  # a row's dark modules side by side


def qr_svg(url: str) -> str:
    """*url* as a QR code (error correction M, 4-module quiet zone), an <svg> sized by CSS.

    Black modules drawn as strokes on a transparent ground; the same URL always gives the
    same markup. The code is decorative for screen readers: the URL is printed beside it.
    """
    # A fixed mask pattern: choosing the "best" of eight is most of the work and buys nothing a
    # printed, error-corrected code needs (the print tests decode every card's code).
    code = segno.make_qr(url, error="m", boost_error=False, mask=MASK)
    size = len(code.matrix) + 2 * QUIET_ZONE
    return (
        f'<svg aria-hidden="true" focusable="false" viewBox="0 0 {size} {size}" class="qr">'
        f'<path stroke="#000" d="{_strokes(code.matrix)}"/></svg>'
    )


def _strokes(matrix: tuple[bytearray, ...]) -> str:
    """SVG path data drawing each row's runs of dark modules as one stroke, a module thick.

    The markup segno's own SVG writer gives (`svg_inline`), made in one pass over the rows:
    a stroke along the middle of its row, each move relative to where the last one ended.
    """
    moves: list[str] = []
    last_x, last_y = 0, 0.0
    for row_number, row in enumerate(matrix):
        y = QUIET_ZONE + row_number + 0.5
        for run in _DARK_RUN.finditer(row):
            start, end = QUIET_ZONE + run.start(), QUIET_ZONE + run.end()
            down = y - last_y
            moves.append(
                f"{'m' if moves else 'M'}{start - last_x} {int(down) if down.is_integer() else down}h{end - start}"
            )
            last_x, last_y = end, y
    return "".join(moves)
