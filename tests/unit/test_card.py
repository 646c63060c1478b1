"""The printed card's layout and fit check (limber.views.card), without a browser.

tests/browser/test_print.py prints the cards in Chromium; these tests hold the estimate to the
stylesheet and show what a build reports when a card cannot fit.
"""

import itertools
import re
from pathlib import Path

import pytest

from limber.build.loading import load_and_link
from limber.build.pipeline import build
from limber.render.documents import render_documents, targets
from limber.views import card
from limber.views.common import Context
from tests.conftest import FIXTURES, ROOT, copy_project

CSS = (ROOT / "assets" / "css" / "card.css").read_text(encoding="utf-8")


def rule(selector: str) -> str:
    found = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", CSS)
    assert found, selector
    return found.group(1)


def length(declarations: str, name: str) -> float:
    found = re.search(rf"(?:^|[;\s]){re.escape(name)}:\s*([\d.]+)(pt|mm)", declarations)
    assert found, name
    return float(found.group(1))


def context(project: Path) -> Context:
    site = load_and_link(project, None, [])
    assert site is not None
    records = [*site.exercises.values(), *site.routines.values(), *site.pages.values()]
    return Context(site, render_documents(records, targets(site)))


@pytest.mark.parametrize("density", card.DENSITIES, ids=lambda d: d.name)
def test_the_stylesheet_sets_the_sizes_the_estimate_uses(density):
    block = rule(".print-card" if density is card.DENSITIES[0] else f".print-card--{density.name}")
    for name, kind in (
        ("title", density.title),
        ("step", density.step),
        ("dosage", density.dosage),
        ("cue", density.cue),
        ("small", density.small),
    ):
        assert (length(block, f"--{name}"), length(block, f"--{name}-line")) == (kind.size, kind.line), name
    for name in ("pad", "gap", "space", "band", "figure"):
        assert length(block, f"--{name}") == getattr(density, name), name


def test_the_stylesheet_sets_the_fixed_sizes_the_estimate_uses():
    assert length(rule(".print-card--2col .steps"), "column-gap") == card.COLUMN_GAP
    assert length(rule(".print-card--1col .step__head"), "width") == card.ONE_COLUMN_HEAD
    assert length(rule(".print-card .cues li"), "padding-left") == card.CUE_INDENT
    assert length(rule(".print-card .step__caution"), "padding-left") == card.CAUTION_INDENT
    assert length(rule(".log tbody td"), "height") == card.LOG_ROW
    assert length(rule(".qr"), "width") == card.QR_SIZE
    assert length(rule(".print-foot__text"), "width") <= card.LINK_WIDTH
    assert (length(rule(".safety-strip"), "font-size"), length(rule(".safety-strip"), "line-height")) == (
        card.SAFETY.size,
        card.SAFETY.line,
    )


def test_nothing_on_the_card_is_under_9_pt_and_cues_are_11_pt_but_in_the_last_resort():
    sizes = [
        float(s) for s in re.findall(r"(?:font-size|--(?:title|step|dosage|cue|small)):\s*([\d.]+)pt", CSS)
    ]
    assert min(sizes) >= 9
    assert min(d.cue.size for d in card.DENSITIES[:-1]) >= 11
    assert card.DENSITIES[-1].cue.size >= 10  # compact: only for cards that fit no other way


def test_lines_break_at_spaces_and_count_a_long_word_that_overflows():
    kind = card.Type(10, 11)
    word = "stretch"
    one_line = kind.width(word) * 3

    assert kind.lines(word, one_line) == 1
    assert kind.lines(" ".join([word] * 6), one_line / card.WIDTH_SLACK) == 3
    assert kind.lines(word * 6, one_line) == 3  # no space to break at: it overflows onto more lines


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/limber/exercises/foam-roller-thoracic-extension/",
        "https://example.org/guide/routines/" + "-".join(["morning-stiffness"] * 4) + "/",
    ],
)
def test_a_printed_url_breaks_only_after_a_slash_and_never_beside_a_hyphen(url):
    room = card.LINK_WIDTH * card.WIDTH_SLACK

    parts = card.url_parts(url)

    assert "".join(parts) == url
    assert parts[0] == "https://example.org/"
    assert all(card.FOOT.width(p) <= room for p in parts)
    segments = [s + "/" for s in url.removeprefix("https://").split("/")[:-1]]
    for part, after in itertools.pairwise(parts):
        assert not part.endswith("-") and not after.startswith("-"), parts
        if not part.endswith("/"):  # cut inside a segment: only one too long for a line
            assert any(part in s and card.FOOT.width(s) > room for s in segments), parts


def steps(count: int, cue: str = "Keep your shoulders low") -> tuple[card.CardStep, ...]:
    return tuple(
        card.CardStep(
            "Seated twist", "Hold 5 s · 5 times · each side", (cue,), None, "Stop if you feel dizzy"
        )
        for _ in range(count)
    )


def text(card_steps: tuple[card.CardStep, ...]) -> card.CardText:
    return card.CardText(
        "Desk break",
        "Desk break · Beginner · About 7 min · 6 exercises · up to 3× a day",
        "You need: a chair",
        card_steps,
        card.SAFETY_LINE,
        (card.LINK_LABEL, "https://example.org/limber/routines/desk-break/", "Limber"),
        3,
    )


def test_up_to_six_steps_print_in_one_roomy_column_and_more_in_two():
    assert card.plan(text(steps(6))).classes == "print-card--1col print-card--roomy"
    layout = card.plan(text(steps(7)))

    assert layout.columns == 2
    assert layout.column_break == 5  # four steps on the left, three on the right


def test_longer_steps_make_the_layout_tighter_before_it_gives_up():
    roomy = card.plan(text(steps(12)))
    crowded = card.plan(
        text(steps(12, "Keep your shoulders low and loose, your chin level and your back tall"))
    )

    assert roomy.fits and crowded.fits
    assert [d.name for d in card.DENSITIES].index(crowded.density) > [d.name for d in card.DENSITIES].index(
        roomy.density
    )


def test_the_log_has_a_row_per_session_in_a_day_and_one_for_a_week(tmp_path):
    project = copy_project(tmp_path / "p")
    path = project / "content" / "routines" / "desk-minute.md"
    out = tmp_path / "site"

    def printed_log() -> str:  # the card's table (the page's on-screen week log is another)
        page = (out / "routines" / "desk-minute" / "index.html").read_text()
        return page[page.index('<table class="log">') :].split("</table>")[0]

    build(project, out)
    daily = printed_log()
    path.write_text(path.read_text().replace("{times: 3, per: day, up_to: true}", "{times: 3, per: week}"))
    build(project, out)
    weekly = printed_log()

    assert re.findall(r'<th scope="row">([^<]*)</th>', daily) == ["1st", "2nd", "3rd"]
    assert re.findall(r'<th scope="col">([^<]*)</th>', daily) == list(card.DAYS)
    assert re.findall(r'<th scope="row">([^<]*)</th>', weekly) == ["Done"]


def test_a_card_that_cannot_fit_is_reported_at_its_routine_file(tmp_path):
    project = copy_project(tmp_path / "p", "minimal", FIXTURES / "print" / "too-long")

    problems = card.card_problems(context(project))

    assert [(str(p.path), p.line, p.code) for p in problems] == [
        ("content/routines/too-long-card.md", 7, "card-too-long")
    ]
    assert "does not fit one page" in problems[0].message
    assert "use fewer steps, or shorten the step notes" in problems[0].message


def test_a_card_that_cannot_fit_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "p", "minimal", FIXTURES / "print" / "too-long")

    result = build(project, tmp_path / "site")

    assert not result.ok and not result.wrote
    assert any(
        str(d).startswith("content/routines/too-long-card.md:7: error[card-too-long]: the printed card of")
        for d in result.diagnostics
    )


def test_the_maximal_card_fits_and_the_real_guide_has_no_card_problems(tmp_path):
    project = copy_project(tmp_path / "p", "minimal", FIXTURES / "print" / "maximal")

    assert card.card_problems(context(project)) == []
    assert card.card_problems(context(ROOT)) == []
    real = context(ROOT)
    layouts = [card.plan(card.card_text(real, r)) for r in real.site.routines.values()]
    assert all(layout.density != card.DENSITIES[-1].name for layout in layouts)  # cues at 11 pt on each


def test_an_exercise_page_too_long_to_print_is_reported_at_its_file(tmp_path):
    project = copy_project(tmp_path / "p")
    path = project / "content" / "exercises" / "chin-tuck.md"
    many = "\n".join(
        f"{n}. Sit tall and slide your chin straight back, slowly and pain-free, then rest."
        for n in range(4, 60)
    )
    path.write_text(
        path.read_text().replace("3. Hold for 3 seconds, then relax.", "3. Hold for 3 seconds.\n" + many)
    )

    problems = card.card_problems(context(project))

    assert [(str(p.path), p.code) for p in problems] == [
        ("content/exercises/chin-tuck.md", "printout-too-long")
    ]
