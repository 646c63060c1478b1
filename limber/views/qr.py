"""QR codes for printed pages: a URL as an inline SVG, made at build time."""

from __future__ import annotations

import segno

MASK = 2


def qr_svg(url: str) -> str:
    """*url* as a QR code (error correction M, 4-module quiet zone), an <svg> sized by CSS.

    Black modules drawn as strokes on a transparent ground; the same URL always gives the
    same markup. The code is decorative for screen readers: the URL is printed beside it.
    """
    # A fixed mask pattern: choosing the "best" of eight is most of the work and buys nothing a
    # printed, error-corrected code needs (the print tests decode every card's code).
    code = segno.make_qr(url, error="m", boost_error=False, mask=MASK)
    svg: str = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="qr", lineclass=None, dark="#000")
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
