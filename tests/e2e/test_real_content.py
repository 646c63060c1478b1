"""The repository's own guide: builds clean, every link resolves, builds are reproducible."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from limber.build.pipeline import build
from limber.cli import main
from tests.conftest import snapshot


class LinksAndIds(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) and not (tag == "link" and attrs.get("rel") == "canonical"):
                self.links.append(attrs[name])


def parse(file: Path) -> LinksAndIds:
    parser = LinksAndIds()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def built(real_build):
    return real_build


def test_the_guide_builds_with_zero_diagnostics(built):
    _, out, result = built

    assert [str(d) for d in result.diagnostics] == []
    assert (out / "index.html").is_file()


def test_every_page_kind_is_built(built):
    _, out, result = built
    site = result.site

    expected = [
        "index.html",
        "404.html",
        "sitemap.xml",
        "exercises/index.html",
        "routines/index.html",
        "about/index.html",
        "safety/index.html",
    ]
    expected += [f"exercises/{slug}/index.html" for slug in site.exercises]
    expected += [f"routines/{slug}/index.html" for slug in site.routines]
    for name, vocab in site.vocabularies.items():
        expected += [f"{name}/index.html"] + [f"{name}/{t.slug}/index.html" for t in vocab.terms]
    assert [f for f in expected if not (out / f).is_file()] == []


def test_every_internal_link_and_fragment_resolves(built):
    _, out, result = built
    base = result.site.config.base_path
    pages = {p: parse(p) for p in out.rglob("*.html")}
    broken = []

    for page, parsed in sorted(pages.items()):
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue
            if not parts.path:
                target = page
            else:
                assert parts.path.startswith(base), f"{page}: {link} is not under the base path {base}"
                rel = unquote(parts.path[len(base) :])
                target = out / rel / "index.html" if rel == "" or rel.endswith("/") else out / rel
            if not target.is_file():
                broken.append(f"{page.relative_to(out)}: {link}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in pages[target].ids:
                broken.append(f"{page.relative_to(out)}: {link} (no id '{parts.fragment}')")
    assert broken == []


def test_every_page_footer_links_to_the_safety_page(built):
    _, out, result = built
    safety = result.site.config.url("safety/")

    missing = [p for p in out.rglob("*.html") if f'<a href="{safety}">safety notes</a>' not in p.read_text()]
    assert missing == []
    assert "General information, not medical advice." in (out / "index.html").read_text()


def test_a_rebuild_is_byte_identical(built, tmp_path):
    project, out, _ = built
    again = tmp_path / "again"

    build(project, again)

    assert snapshot(again) == snapshot(out)


def test_a_failed_build_leaves_the_previous_site_untouched(built, capsys):
    project, out, _ = built
    before = snapshot(out)
    broken = project / "content" / "exercises" / "chin-tuck.md"
    original = broken.read_text()
    broken.write_text(original.replace("level: beginner", "level: expert"))
    try:
        code = main(["build", "--project", str(project), "--out", str(out)])
    finally:
        broken.write_text(original)

    assert code == 1
    assert "error[unknown-term]: unknown level 'expert'" in capsys.readouterr().err
    assert snapshot(out) == before
    assert sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".site")) == []


def test_json_ld_carries_the_computed_total_time(built):
    _, out, _ = built
    page = (out / "routines" / "desk-break" / "index.html").read_text()

    assert '"@type": ["HowTo", "ExercisePlan"]' in page
    assert '"totalTime": "PT6M34S"' in page
    assert "About 7 min" in page
