"""QR codes on printed pages: the markup segno's own writer gives, one stroke per run of dark modules."""

import pytest
import segno

from limber.views.qr import MASK, QUIET_ZONE, qr_svg


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/limber/exercises/chin-tuck/",
        "https://stretch.example/guide/routines/desk-break/",
        "https://example.org/" + "a-long-slug/" * 12,
        "x",
    ],
)
def test_the_svg_is_segnos_own_with_the_aria_attributes(url):
    code = segno.make_qr(url, error="m", boost_error=False, mask=MASK)
    segnos = code.svg_inline(
        scale=1, border=QUIET_ZONE, omitsize=True, svgclass="qr", lineclass=None, dark="#000"
    )

    assert qr_svg(url) == segnos.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def test_the_code_fills_its_view_box_with_the_quiet_zone_around_it():
    svg = qr_svg("https://example.org/limber/exercises/chin-tuck/")

    assert svg.startswith('<svg aria-hidden="true" focusable="false" viewBox="0 0 41 41" class="qr">')
    assert 'd="M4 4.5h7' in svg  # the top-left finder pattern starts four modules in
