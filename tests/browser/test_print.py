"""Printing in real headless Chromium: every routine card and exercise printout is one page.

Each page is printed to PDF on A4 and on US Letter with no forced paper size (the stylesheet
sets only the 12 mm margin), and the PDF is read back: its page count, its text (every step's
exercise name, the page's own URL) and, from a print-media screenshot, its QR code.
"""

from __future__ import annotations

import functools
import io
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from limber.build.pipeline import build
from limber.views import card
from limber.views.common import Context
from tests.browser.conftest import SUB_PATH, SubPathHandler
from tests.conftest import FIXTURES, ROOT, copy_project, copy_real_project

PAPERS = ("A4", "Letter")
ROUTINES = sorted(p.stem for p in (ROOT / "content" / "routines").glob("*.md"))
EXERCISES = sorted(p.stem for p in (ROOT / "content" / "exercises").glob("*.md"))
MM = 25.4 / 96  # millimetres in a CSS pixel


class StrictHandler(SubPathHandler):
    """Serves the site with a Content-Security-Policy that allows no inline script."""

    def end_headers(self) -> None:
        self.send_header(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; object-src 'none'"
        )
        super().end_headers()


class Served:
    """A built project served under SUB_PATH: its URL and its linked Site."""

    def __init__(self, project: Path, handler: type[SubPathHandler] = SubPathHandler) -> None:
        out = project / "site"
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(out)))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{SUB_PATH}"
        result = build(project, out, base_url=self.url)
        assert result.ok, [str(d) for d in result.diagnostics]
        assert result.site is not None
        self.site = result.site
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def guide(tmp_path_factory):
    served = Served(copy_real_project(tmp_path_factory.mktemp("print") / "project"))
    yield served
    served.close()


@pytest.fixture(scope="session")
def maximal(tmp_path_factory):
    """The minimal site with a 12-step routine whose names and notes are at their limits."""
    project = copy_project(
        tmp_path_factory.mktemp("maximal") / "project", "minimal", FIXTURES / "print" / "maximal"
    )
    served = Served(project)
    yield served
    served.close()


@pytest.fixture
def printer(browser):
    context = browser.new_context(viewport={"width": 900, "height": 1200}, device_scale_factor=2)
    page = context.new_page()
    yield page
    context.close()


def squash(text: str) -> str:
    """Text without any whitespace, so words a line break split still match."""
    return "".join(text.split())


def print_pdf(page, paper: str) -> PdfReader:
    return PdfReader(io.BytesIO(page.pdf(format=paper, prefer_css_page_size=False)))


def pdf_text(pdf: PdfReader) -> str:
    return "\n".join(p.extract_text() for p in pdf.pages)


def decode_qr(page) -> list[str]:
    """The QR codes in a screenshot of the whole page as printed."""
    page.emulate_media(media="print")
    shot = page.screenshot(full_page=True)
    page.emulate_media(media="screen")
    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))]


def printed_boxes(page, selector: str) -> list[tuple[float, float, bool]]:
    """(width mm, height mm, loaded) of each element matching *selector*, laid out for print."""
    page.emulate_media(media="print")
    boxes = page.eval_on_selector_all(
        selector,
        "es => es.map(e => { const r = e.getBoundingClientRect();"
        " return [r.width, r.height, e.tagName !== 'IMG' || (e.complete && e.naturalWidth > 0)]; })",
    )
    page.emulate_media(media="screen")
    return [(w * MM, h * MM, loaded) for w, h, loaded in boxes]


def url_lines(text: str, url: str) -> list[str]:
    """The lines of a PDF's text that together spell *url*."""
    lines = [line.strip() for line in text.splitlines()]
    start = next(
        i for i, line in enumerate(lines) if line and url.startswith(line) and line.startswith("http")
    )
    found, spelled = [], ""
    for line in lines[start:]:
        found.append(line)
        spelled += line
        if spelled == url:
            return found
    raise AssertionError(f"{url} is not spelled out in the PDF text")


def check_url(text: str, url: str) -> None:
    """The printed URL is whole, and a line of it ends only after a "/", never at a hyphen."""
    lines = url_lines(text, url)
    assert all(line.endswith("/") for line in lines), lines


def check_card(page, served: Served, slug: str) -> None:
    routine = served.site.routines[slug]
    url = served.site.config.absolute_url(routine.path)
    names = [served.site.exercises[s.exercise].title for s in routine.steps]
    page.goto(served.url + routine.path)
    for paper in PAPERS:
        pdf = print_pdf(page, paper)
        text = pdf_text(pdf)

        assert len(pdf.pages) == 1, f"{slug} prints on {len(pdf.pages)} {paper} pages"
        for name in names:
            assert squash(name) in squash(text), f"{name!r} missing from the {paper} card of {slug}"
        check_url(text, url)
        for screen_only in ("Print this routine", "Skip to content", "Body areas", "safety notes", "Search"):
            assert screen_only not in text, f"{screen_only!r} printed on the {paper} card of {slug}"
    drawn = sum(served.site.exercises[s.exercise].figure is not None for s in routine.steps)
    figures = printed_boxes(page, ".print-card .step__figure")
    assert len(figures) == drawn, f"{slug}: {len(figures)} figures printed for {drawn} steps with one"
    assert all(w >= 15 and abs(h - w * card.FIGURE_RATIO) < 0.5 and loaded for w, h, loaded in figures), (
        figures
    )
    assert decode_qr(page) == [url]


@pytest.mark.parametrize("slug", ROUTINES)
def test_each_routine_prints_as_one_card_on_a4_and_letter(printer, guide, slug):
    check_card(printer, guide, slug)


def test_the_twelve_step_card_with_names_and_notes_at_their_limits_prints_on_one_page(printer, maximal):
    routine = maximal.site.routines["maximal-card"]
    assert len(routine.steps) == 12
    assert all(len(s.note or "") == 100 for s in routine.steps)
    assert min(len(maximal.site.exercises[s.exercise].title) for s in routine.steps) >= 76

    check_card(printer, maximal, "maximal-card")


@pytest.mark.parametrize("slug", EXERCISES)
def test_each_exercise_page_prints_on_one_page_with_its_figure(printer, guide, slug):
    exercise = guide.site.exercises[slug]
    url = guide.site.config.absolute_url(exercise.path)
    printer.goto(guide.url + exercise.path)
    for paper in PAPERS:
        pdf = print_pdf(printer, paper)
        check_url(pdf_text(pdf), url)
        text = squash(pdf_text(pdf))

        assert len(pdf.pages) == 1, f"{slug} prints on {len(pdf.pages)} {paper} pages"
        assert squash(exercise.title) in text
        assert squash(url) in text
        for line in (*exercise.cues, *exercise.cautions, card.SAFETY_LINE):
            assert squash(line) in text
        assert "Relatedexercises" not in text and "Usedintheseroutines" not in text
    figures = printed_boxes(printer, ".printout .exercise__figure svg")
    if exercise.figure is not None:
        assert len(figures) == 1 and abs(figures[0][0] - card.PRINTOUT_FIGURE) < 0.5, figures
    assert decode_qr(printer) == [url]


def test_each_step_prints_one_number(printer, guide):
    routine = guide.site.routines["desk-break"]
    first = guide.site.exercises[routine.steps[0].exercise].title
    printer.goto(guide.url + routine.path)

    text = " ".join(pdf_text(print_pdf(printer, "A4")).split())

    assert f"1 {first}" in text
    assert f"1. 1 {first}" not in text and f"1.1 {first}" not in text


@pytest.mark.parametrize("served_name", ["guide", "maximal"])
def test_the_estimate_is_never_below_the_printed_height(printer, request, served_name):
    """The build's fit check estimates each card's height; Chromium's layout may be lower, never higher."""
    served = request.getfixturevalue(served_name)
    ctx = Context(served.site, {})
    for routine in served.site.routines.values():
        layout = card.plan(card.card_text(ctx, routine))
        printer.goto(served.url + routine.path)
        printer.emulate_media(media="print")
        height = printer.eval_on_selector(".print-card", "e => e.getBoundingClientRect().height") * MM
        printer.emulate_media(media="screen")

        assert layout.fits
        assert printer.eval_on_selector(".print-card", "e => e.className").endswith(layout.classes)
        assert height <= layout.height, (
            f"{routine.slug}: printed {height:.1f} mm, estimated {layout.height} mm"
        )
        assert layout.height - height < 15, (
            f"{routine.slug}: the estimate is {layout.height - height:.1f} mm high"
        )


def test_the_print_button_works_under_a_policy_that_allows_no_inline_script(printer, tmp_path):
    strict = Served(copy_project(tmp_path / "project"), StrictHandler)
    blocked: list[str] = []
    printer.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    printer.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    try:
        printer.goto(strict.url + "routines/desk-minute/")
        printer.get_by_role("button", name="Print this routine").click()

        assert printer.evaluate("window.printed") == 1
        assert blocked == []
    finally:
        strict.close()


def test_the_print_button_stays_hidden_without_javascript_and_never_prints(browser, guide):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(guide.url + "routines/desk-break/")

    assert page.get_by_role("button", name="Print this routine").count() == 0
    assert "Print this routine" not in pdf_text(print_pdf(page, "A4"))
    context.close()


def test_a_long_printed_url_wraps_after_a_slash_and_never_at_a_hyphen(printer, guide):
    exercise = guide.site.exercises["foam-roller-thoracic-extension"]
    url = guide.site.config.absolute_url(exercise.path)
    printer.goto(guide.url + exercise.path)

    lines = url_lines(pdf_text(print_pdf(printer, "A4")), url)

    assert len(lines) >= 2, lines  # too long for one line of the foot's text block
    assert all(line.endswith("/") for line in lines), lines
