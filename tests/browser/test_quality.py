"""Quality gates over the real guide, as built: valid HTML, accessibility in light and dark,
reflow at 320 px, the pages' Content-Security-Policy, social cards and size budgets.

- The Nu HTML Checker (npm `vnu-jar`, run with Java) reports no error on any built page.
- axe-core (npm `axe-core`) finds no violation on any page kind, in light and in dark.
- At 320 CSS pixels no page kind scrolls sideways.
- Under the policy in each page's own meta tag nothing is blocked, and the scripts still work.
- Every page has Open Graph and Twitter card tags whose image is a PNG the site publishes.
- The stylesheets any one page links weigh under 30 KB together, and no page is over 60 KB
  before compression.

The tools come from package.json (`npm ci`) and Debian's `default-jre-headless`; a missing tool
fails the test with the command that installs it (see the README's test command).
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import threading
from html.parser import HTMLParser
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

from limber.build.pipeline import build
from tests.browser.conftest import SUB_PATH, SubPathHandler
from tests.conftest import ROOT, copy_real_project

NODE_MODULES = ROOT / "node_modules"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
INSTALL = "apt-get install -y default-jre-headless && npm ci (see the README's test command)"

CSS_BUDGET = 30 * 1024
PAGE_BUDGET = 60 * 1024

# One page of every kind, and where a reader lands on it.
PAGE_KINDS = {
    "home": "",
    "exercise index": "exercises/",
    "routine index": "routines/",
    "vocabulary index": "areas/",
    "term page": "areas/neck/",
    "muscle page": "muscles/upper-trapezius/",
    "exercise": "exercises/cat-cow/",
    "exercise, long": "exercises/prone-ytw/",
    "routine": "routines/desk-break/",
    "search": "search/?q=neck",
    "player": "play/?routine=desk-break",
    "404": "404.html",
    "about": "about/",
}
SCHEMES = ("light", "dark")


class Site:
    """The real guide built into a folder and served under SUB_PATH."""

    def __init__(self, root: Path) -> None:
        project = copy_real_project(root / "project")
        self.out = project / "site"
        self.server = ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(SubPathHandler, directory=str(self.out))
        )
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{SUB_PATH}"
        result = build(project, self.out, base_url=self.url, publishing=True)
        assert result.ok, [str(d) for d in result.diagnostics]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def pages(self) -> list[Path]:
        return sorted(self.out.rglob("*.html"))

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    served = Site(tmp_path_factory.mktemp("quality"))
    yield served
    served.close()


def open_page(browser, site: Site, path: str, **options):
    context = browser.new_context(**options)
    page = context.new_page()
    page.goto(site.url + path)
    if path.startswith("search/"):
        page.wait_for_selector("#search-results li")
    if path.startswith("play/"):
        page.wait_for_selector("#play-start")  # the routine loaded, ready to start
    return context, page


# --- the Nu HTML Checker ----------------------------------------------------------------


def test_every_built_page_passes_the_nu_html_checker(site):
    assert shutil.which("java"), f"the Nu HTML Checker needs Java: {INSTALL}"
    assert VNU.is_file(), f"the Nu HTML Checker is missing ({VNU.relative_to(ROOT)}): {INSTALL}"
    pages = site.pages()
    figures = sorted((site.out / "figures").glob("*.svg"))
    assert len(pages) > 150 and figures

    run = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--also-check-svg"]
        + [str(p) for p in pages + figures],
        capture_output=True,
        text=True,
        check=False,
    )

    messages = json.loads(run.stderr)["messages"]
    found = [f"{m['url'].split(str(site.out))[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert found == [], "\n".join(found)
    assert run.returncode == 0


# --- axe-core, light and dark -------------------------------------------------------------


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(str(n['target']) for n in v['nodes'][:5])}"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_finds_no_violation(browser, site, kind, scheme):
    assert AXE.is_file(), f"axe-core is missing ({AXE.relative_to(ROOT)}): {INSTALL}"
    # The script is added inline, which the page's own policy would rightly block.
    context, page = open_page(browser, site, PAGE_KINDS[kind], bypass_csp=True)
    page.emulate_media(color_scheme=scheme)
    try:
        assert page.evaluate(f"matchMedia('(prefers-color-scheme: {scheme})').matches")
        assert axe_violations(page) == []
    finally:
        context.close()


def test_the_dark_scheme_changes_the_colours(browser, site):
    context, page = open_page(browser, site, "exercises/cat-cow/")
    colours = "[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]"
    try:
        light = page.evaluate(colours)
        page.emulate_media(color_scheme="dark")
        dark = page.evaluate(colours)
        figure = page.eval_on_selector(".exercise__figure svg", "el => getComputedStyle(el).color")
    finally:
        context.close()

    assert light == ["rgb(246, 244, 239)", "rgb(28, 36, 33)"]
    assert dark == ["rgb(18, 24, 22)", "rgb(227, 235, 231)"]
    assert figure == dark[1]  # the drawing is in currentColor: it follows the scheme


# Text in a drawing is coloured by the page (currentColor), which axe cannot judge inside SVG:
# each drawing's labels (4.5:1) and lines (3:1) against the background behind the drawing.
DRAWING_CONTRAST = """(selector) => {
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const behind = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  return [...document.querySelectorAll(selector)].map((svg) => ({
    line: ratio(rgb(getComputedStyle(svg).color).slice(0, 3), behind(svg)),
    labels: [...svg.querySelectorAll("text")].map((t) => ratio(rgb(getComputedStyle(t).fill).slice(0, 3), behind(svg))),
  }));
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", ["", "exercises/cat-cow/"])
def test_the_drawings_keep_their_contrast(browser, site, path, scheme):
    context, page = open_page(browser, site, path, color_scheme=scheme)
    try:
        drawings = page.evaluate(DRAWING_CONTRAST, "main svg:not(.qr)")
    finally:
        context.close()

    assert len(drawings) == 2  # the body map's front and back; the figure and the muscle map
    assert all(d["line"] >= 3 for d in drawings), drawings
    labels = [ratio for d in drawings for ratio in d["labels"]]
    assert labels and min(labels) >= 4.5, labels


# --- reflow ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_page_scrolls_sideways_at_320_pixels(browser, site, kind):
    context, page = open_page(browser, site, PAGE_KINDS[kind], viewport={"width": 320, "height": 640})
    try:
        width = page.evaluate("document.scrollingElement.scrollWidth")
    finally:
        context.close()

    assert width <= 320


def test_an_exercise_shows_its_key_facts_and_figure_on_the_first_phone_screen(browser, site):
    context, page = open_page(
        browser, site, "exercises/cat-cow/", viewport={"width": 375, "height": 812}, is_mobile=True
    )
    try:
        facts = page.locator(".key-facts").bounding_box()
        figure = page.locator(".exercise__figure").bounding_box()
        terms = page.locator(".exercise__terms").bounding_box()
        labels = page.locator(".key-facts dt").all_inner_texts()
    finally:
        context.close()

    assert [label.lower() for label in labels] == ["how much", "time", "level", "you need"]
    assert facts["y"] + facts["height"] < 812
    assert figure["y"] < 812 < terms["y"]


# --- the Content-Security-Policy ------------------------------------------------------------

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""


def test_every_page_carries_the_policy_before_anything_it_governs(site):
    for path in site.pages():
        text = path.read_text(encoding="utf-8")
        head = text[: text.index("</head>")]
        policy = head.index('<meta http-equiv="Content-Security-Policy"')
        first = min(head.index(tag) for tag in ("<link", "<script") if tag in head)
        assert policy < first, path


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_nothing_is_blocked_by_the_pages_own_policy(browser, site, kind):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type in ("error", "warning") else None)
    try:
        page.goto(site.url + PAGE_KINDS[kind])
        if kind == "search":
            page.wait_for_selector("#search-results li")  # fetch and script both allowed
        if kind in ("exercise", "routine"):
            page.wait_for_selector("button.print-button")  # print.js ran
        if kind == "player":
            page.wait_for_selector("#play-start")  # the player's scripts ran and fetched the routine
        violations = page.evaluate("window.__violations")
    finally:
        context.close()

    assert violations == []
    assert [m for m in console if "Content Security Policy" in m or "Content-Security-Policy" in m] == []


# --- social cards ---------------------------------------------------------------------------


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        key = found.get("property") or found.get("name")
        if tag == "meta" and key and found.get("content") is not None:
            self.values[key] = found["content"] or ""


def test_every_page_has_open_graph_and_twitter_card_tags_with_a_published_png(site):
    images = set()
    for path in site.pages():
        meta = _Meta()
        meta.feed(path.read_text(encoding="utf-8"))
        values = meta.values
        page = path.relative_to(site.out).as_posix()

        for key in ("og:title", "og:description", "og:url", "og:image", "og:image:alt", "twitter:card"):
            assert values.get(key), (page, key)
        assert values["twitter:title"] == values["og:title"]
        assert values["twitter:description"] == values["og:description"] == values["description"]
        assert values["twitter:image"] == values["og:image"]
        assert values["og:url"].startswith(site.url)
        image = values["og:image"]
        # An exercise's page shares its own picture (its figure and name); the others the site's.
        exercise = re.fullmatch(r"exercises/([^/]+)/index\.html", page)
        own = (
            rf"exercises/{exercise[1]}/share\.[0-9a-f]{{10}}\.png"
            if exercise
            else r"assets/images/share\.[0-9a-f]{8}\.png"
        )
        assert re.fullmatch(re.escape(site.url) + own, image), page
        images.add(image)

    assert len(images) > 2
    for image in sorted(images):
        with Image.open(site.out / image[len(site.url) :]) as picture:
            assert (picture.format, picture.size) == ("PNG", (1200, 630)), image


def test_exercises_and_routines_are_articles_and_the_rest_websites(site):
    def og_type(path: str) -> str:
        meta = _Meta()
        meta.feed((site.out / path).read_text(encoding="utf-8"))
        return meta.values["og:type"]

    assert og_type("exercises/cat-cow/index.html") == "article"
    assert og_type("routines/desk-break/index.html") == "article"
    assert og_type("index.html") == og_type("areas/neck/index.html") == "website"


# --- size budgets ---------------------------------------------------------------------------


_STYLESHEET = re.compile(r'<link rel="stylesheet" href="[^"]*/(assets/css/[^"/]+\.css)"')


def test_the_stylesheets_a_page_links_stay_under_30_kb_together(site):
    weights = {}
    for page in site.pages():
        sheets = _STYLESHEET.findall(page.read_text(encoding="utf-8"))
        assert sheets, f"{page} links no stylesheet"
        weights[page.relative_to(site.out).as_posix()] = sum((site.out / s).stat().st_size for s in sheets)

    assert {page: weight for page, weight in weights.items() if weight >= CSS_BUDGET} == {}


def test_no_page_is_over_60_kb_before_compression(site):
    sizes = {p.relative_to(site.out).as_posix(): p.stat().st_size for p in site.pages()}

    assert {page: size for page, size in sizes.items() if size > PAGE_BUDGET} == {}
