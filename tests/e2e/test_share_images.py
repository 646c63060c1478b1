"""Each exercise's own picture for shared links: its figure and name, a 1200 x 630 PNG.

The fixture site's exercises have no figures; two are given the real guide's figures for
the same exercises, so their pages share their own picture and the third keeps the site's.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import resvg_py
import yaml
from PIL import Image

from limber.build.pipeline import build
from limber.cli import main
from limber.figures import validate_figure
from limber.views.share import (
    FIGURE,
    LINE_HEIGHT,
    MARGIN,
    NAME_LINES,
    NAME_SIZES,
    SITE_SIZE,
    TEXT_WIDTH,
    WIDTH,
    name_lines,
    share_svg,
    wrap,
)
from tests.conftest import ROOT, copy_project, snapshot

FIGURED = ("chin-tuck", "upper-trapezius-stretch")
SITE_URL = "https://example.org/guide/"
SITE_IMAGE = re.compile(re.escape(SITE_URL) + r"assets/images/share\.[0-9a-f]{8}\.png")


class _Head(HTMLParser):
    """The page's <meta> values by property or name, and the first figure's <desc> text."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.desc = ""
        self._in_desc = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        key = found.get("property") or found.get("name")
        if tag == "meta" and key:
            self.meta[key] = found.get("content") or ""
        self._in_desc = tag == "desc" and not self.desc

    def handle_data(self, data: str) -> None:
        if self._in_desc:
            self.desc += data

    def handle_endtag(self, tag: str) -> None:
        self._in_desc = False


def head(out: Path, page: str) -> _Head:
    parsed = _Head()
    parsed.feed((out / page / "index.html").read_text(encoding="utf-8"))
    return parsed


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk, which must come first."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", data[:16]
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def with_figures(project: Path) -> Path:
    """Give the FIGURED fixture exercises the figures the real guide draws for them."""
    for slug in FIGURED:
        real = (ROOT / "content" / "exercises" / f"{slug}.md").read_text(encoding="utf-8")
        figure = yaml.safe_dump({"figure": yaml.safe_load(real.split("---\n")[1])["figure"]})
        path = project / "content" / "exercises" / f"{slug}.md"
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        path.write_text(f"---\n{front}{figure}---\n{body}", encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = with_figures(copy_project(tmp_path_factory.mktemp("share") / "project"))
    out = project / "site"
    result = build(project, out, publishing=True)
    assert result.ok, result.diagnostics
    return out


def share_png(site: Path, slug: str) -> Path:
    """The picture an exercise's page names as its shared image."""
    url = head(site, f"exercises/{slug}").meta["og:image"]
    return site / url.removeprefix(SITE_URL)


def test_an_exercise_page_shares_its_own_png_of_1200_by_630(built):
    for slug in FIGURED:
        page = head(built, f"exercises/{slug}")

        image = page.meta["og:image"]

        assert image == page.meta["twitter:image"]
        assert re.fullmatch(rf"{re.escape(SITE_URL)}exercises/{slug}/share\.[0-9a-f]{{10}}\.png", image)
        data = (built / image.removeprefix(SITE_URL)).read_bytes()
        assert png_size(data) == (1200, 630)
        assert (page.meta["og:image:width"], page.meta["og:image:height"]) == ("1200", "630")
        assert page.meta["og:image:type"] == "image/png"


def test_the_picture_is_described_by_the_name_and_the_figure_s_own_words(built):
    page = head(built, "exercises/upper-trapezius-stretch")

    alt = page.meta["og:image:alt"]

    assert page.desc.startswith("A person sitting")
    assert alt == f"{page.meta['og:title']}: {page.desc}"
    assert page.meta["twitter:image:alt"] == alt


def test_two_exercises_share_different_pictures(built):
    first, second = (share_png(built, slug) for slug in FIGURED)

    assert first.read_bytes() != second.read_bytes()


def test_the_name_and_the_site_title_are_drawn_in_the_text_column(built):
    # Left of the figure's panel there is only text: dark pixels there are drawn letters,
    # which a rasteriser that found no font would leave out.
    with Image.open(share_png(built, "chin-tuck")) as picture:
        column = picture.convert("L").crop((0, 0, 520, 600))
        name, site_title = column.crop((0, 0, 520, 480)), column.crop((0, 480, 520, 600))

        assert sum(name.histogram()[:100]) > 2000  # "Chin tucks" in large bold type
        assert sum(site_title.histogram()[:160]) > 200  # "Mini guide" in small type


def test_other_pages_and_an_exercise_without_a_figure_keep_the_site_picture(built):
    for page in ("", "routines/desk-minute", "areas/neck", "exercises/shoulder-blade-squeeze"):
        meta = head(built, page).meta

        assert SITE_IMAGE.fullmatch(meta["og:image"]), page
        assert meta["twitter:image"] == meta["og:image"]
        assert meta["og:image:alt"] == "Mini guide: a front and back body outline with the body areas named"
    assert not list((built / "exercises" / "shoulder-blade-squeeze").glob("share.*"))


def test_a_cached_build_keeps_the_pictures_and_is_byte_identical(tmp_path, monkeypatch):
    project = with_figures(copy_project(tmp_path / "project"))
    cache, out, clean = tmp_path / "cache", tmp_path / "site", tmp_path / "clean"
    drawn: list[int] = []
    rasterise = resvg_py.svg_to_bytes
    monkeypatch.setattr(resvg_py, "svg_to_bytes", lambda **kw: drawn.append(1) or rasterise(**kw))

    assert build(project, out, cache_dir=cache, publishing=True).ok
    first = len(drawn)
    footer = project / "templates" / "partials" / "footer.html"
    footer.write_text(footer.read_text(encoding="utf-8") + "<!-- changed -->\n", encoding="utf-8")
    assert build(project, out, cache_dir=cache, publishing=True).ok
    again = len(drawn) - first
    assert build(project, clean, publishing=True).ok

    assert (first, again) == (len(FIGURED), 0)
    assert snapshot(out) == snapshot(clean)


def test_a_changed_name_gives_the_picture_a_new_address_and_the_old_one_goes(tmp_path):
    project = with_figures(copy_project(tmp_path / "project"))
    out = tmp_path / "site"
    assert build(project, out, cache_dir=tmp_path / "cache", publishing=True).ok
    before = share_png(out, "chin-tuck")
    other = share_png(out, "upper-trapezius-stretch")
    source = project / "content" / "exercises" / "chin-tuck.md"
    source.write_text(source.read_text(encoding="utf-8").replace("title: Chin tucks", "title: Chin tuck"))

    assert build(project, out, cache_dir=tmp_path / "cache", publishing=True).ok

    after = share_png(out, "chin-tuck")
    assert after != before and after.is_file() and not before.exists()
    assert share_png(out, "upper-trapezius-stretch") == other  # an unchanged picture keeps its address


@pytest.mark.parametrize(
    "title",
    [
        "Massage-ball release between the shoulder blades",
        "Lying hamstring stretch with a towel and a long strap over the foot, then rest",  # 80
    ],
)
def test_a_long_name_is_wrapped_inside_its_column_at_the_largest_size_that_fits(title):
    size, lines = name_lines(title)

    assert len(lines) <= NAME_LINES
    assert " ".join(lines) == title
    assert all(px(line, size) <= TEXT_WIDTH for line in lines)
    if size != NAME_SIZES[0]:  # the next size up did not fit
        larger = wrap(title, NAME_SIZES[NAME_SIZES.index(size) - 1])
        assert larger is None or len(larger) > NAME_LINES


@pytest.mark.parametrize(
    "title", ["W" * 80, "Sternocleidomastoidandscalenestretchwithoutanyspacesatallinthisverylongnameokay"]
)
def test_a_word_too_long_for_the_column_is_cut_and_stays_in_the_picture(title):
    size, lines = name_lines(title)

    assert size == NAME_SIZES[-1]
    assert "".join(lines) == title
    assert all(px(line, size) <= TEXT_WIDTH for line in lines)
    assert len(lines) * size * LINE_HEIGHT <= FIGURE[3]  # no taller than the figure


def test_a_long_site_title_is_drawn_smaller_to_fit_the_picture_s_width():
    title = "MOBILITY WORKS: A CAREFUL GUIDE TO STRETCHES FOR THE NECK, SHOULDERS AND BACK"  # 77
    figure, problems = validate_figure({"start": {"neck": 10}}, default_base="seated")
    assert figure is not None and not problems
    svg = share_svg(figure, "Chin tucks", title)

    size = float(re.findall(r'font-size="([0-9.]+)"[^>]*>([^<]*)</text>', svg)[-1][0])

    assert size < SITE_SIZE
    assert MARGIN + px(title, size, weight="normal") <= WIDTH - MARGIN


def px(text: str, size: float, weight: str = "bold") -> float:
    """Width in pixels of *text* at *size*, as resvg draws it with Liberation Sans."""
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="{size * 2}">'
        f'<text x="0" y="{size}" font-family="Liberation Sans" font-weight="{weight}" '
        f'font-size="{size}">{text}</text></svg>'
    )
    with Image.open(io.BytesIO(resvg_py.svg_to_bytes(svg_string=svg))) as picture:
        box = picture.getbbox()
    assert box is not None
    return float(box[2])


def test_only_the_build_command_draws_the_pictures(tmp_path, capsys):
    """A check and the preview show nothing that needs a shared-link picture, so only `build`
    (publishing) draws them; every build's pages name them alike."""
    project = with_figures(copy_project(tmp_path / "project"))
    preview, published = tmp_path / "preview", tmp_path / "published"
    assert build(project, preview).ok
    assert main(["build", "--project", str(project), "--out", str(published), "--no-cache", "--quiet"]) == 0

    assert sorted(p.parent.name for p in preview.glob("exercises/*/share.*.png")) == []
    assert sorted(p.parent.name for p in published.glob("exercises/*/share.*.png")) == sorted(FIGURED)
    page = "exercises/chin-tuck/index.html"
    assert (preview / page).read_bytes() == (published / page).read_bytes()
