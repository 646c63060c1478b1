"""Assets are published under content-hashed names, and every page links those names."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath

from limber.build.pipeline import build
from limber.build.write import write_site
from limber.model.records import Output
from limber.render.assets import asset_names
from tests.conftest import copy_project

LINKED = re.compile(r'(?:href|src|content)="(?:https?://[^/"]+)?(/[^"]*assets/[^"]*)"')


def hashed(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:8]


def test_each_asset_is_named_after_a_hash_of_its_bytes(tmp_path: Path):
    sheet, text = b"body { color: red; }\n", b"text\n"
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "screen.css").write_bytes(sheet)
    (tmp_path / "LICENSE").write_bytes(text)
    (tmp_path / ".hidden.css").write_text("x")
    (tmp_path / "css" / "screen.css~").write_text("backup")

    names = asset_names(tmp_path)

    assert names == {
        "LICENSE": f"LICENSE.{hashed(text)}",
        "css/screen.css": f"css/screen.{hashed(sheet)}.css",
    }
    assert asset_names(tmp_path) == names  # the same bytes, the same names


def test_the_site_holds_the_hashed_names_only(tmp_path: Path):
    assets = tmp_path / "assets"
    (assets / "js").mkdir(parents=True)
    script = b"// print\n"
    (assets / "js" / "print.js").write_bytes(script)
    out = tmp_path / "site"

    write_site([Output(PurePosixPath("index.html"), "page")], assets, {}, out)

    published = out / "assets"
    assert [p.relative_to(published).as_posix() for p in published.rglob("*") if p.is_file()] == [
        f"js/print.{hashed(script)}.js"
    ]


def linked_assets(out: Path) -> dict[str, set[str]]:
    """Each page -> the asset URLs it links (stylesheets, scripts, icon, share image)."""
    return {
        page.relative_to(out).as_posix(): set(LINKED.findall(page.read_text(encoding="utf-8")))
        for page in out.rglob("*.html")
    }


def test_every_page_links_assets_that_exist_under_their_hashed_names(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    out = tmp_path / "site"

    result = build(project, out)

    assert result.ok and result.site is not None
    root = result.site.config.url("")  # the base URL's path: "/guide/"
    names = asset_names(project / "assets")
    for page, urls in linked_assets(out).items():
        assert f"{root}assets/{names['css/screen.css']}" in urls, page
        for url in urls:
            assert (out / url.removeprefix(root)).is_file(), (page, url)
            assert re.search(r"\.[0-9a-f]{8}\.[a-z]+$", url), (page, url)


def test_a_changed_stylesheet_gets_a_new_name_that_every_page_follows_even_from_the_cache(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    out, cache = tmp_path / "site", tmp_path / "cache"
    build(project, out, cache_dir=cache)
    before = asset_names(project / "assets")["css/screen.css"]
    sheet = project / "assets" / "css" / "screen.css"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\n.changed { color: inherit; }\n", encoding="utf-8")

    result = build(project, out, cache_dir=cache)

    after = asset_names(project / "assets")["css/screen.css"]
    assert result.ok and result.site is not None and after != before
    assert not (out / "assets" / before).exists()
    for page, urls in linked_assets(out).items():
        assert f"{result.site.config.url('')}assets/{after}" in urls, page


def test_a_template_naming_a_missing_asset_is_an_error_at_its_line(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    base = project / "templates" / "base.html"
    text = base.read_text(encoding="utf-8")
    base.write_text(text.replace('asset("css/print.css")', 'asset("css/prnt.css")'), encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "css/print.css" in row)

    result = build(project, tmp_path / "site")

    assert [str(d) for d in result.diagnostics] == [
        f"templates/base.html:{line}: error[template-error]: "
        "asset('css/prnt.css'): there is no file assets/css/prnt.css"
    ]
