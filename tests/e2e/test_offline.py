"""The offline files as built: the web app manifest, the service worker's settings and the links
every page carries, with a base URL that has a sub-path (the minimal fixture site)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from PIL import Image

from limber.build.pipeline import build
from tests.conftest import ROOT, copy_project

BASE = "https://example.org/deep/guide/"
BASE_PATH = "/deep/guide/"
SETTINGS = re.compile(r"^self\.LIMBER_OFFLINE = (\{.*\});$", re.MULTILINE)
IMPORT = re.compile(r'^importScripts\(("[^"]+")\);$', re.MULTILINE)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(project, site folder) of the minimal site built under BASE."""
    root = tmp_path_factory.mktemp("offline")
    project = copy_project(root / "project")
    out = root / "site"
    result = build(project, out, base_url=BASE)
    assert result.ok, [str(d) for d in result.diagnostics]
    return project, out


def worker_settings(out: Path) -> dict:
    found = SETTINGS.search((out / "sw.js").read_text(encoding="utf-8"))
    assert found, "sw.js sets self.LIMBER_OFFLINE"
    return json.loads(found[1])


def site_file(out: Path, url: str) -> Path:
    """The built file a root-relative URL under BASE_PATH is served from."""
    assert url.startswith(BASE_PATH), url
    path = url[len(BASE_PATH) :]
    return out / (path + "index.html" if path == "" or path.endswith("/") else path)


def css_token(name: str) -> str:
    """A colour token of the light scheme in assets/css/screen.css (its first :root block)."""
    root = (ROOT / "assets" / "css" / "screen.css").read_text(encoding="utf-8").split(":root {", 1)[1]
    found = re.search(rf"--{name}:\s*(#[0-9a-fA-F]+);", root.split("}", 1)[0])
    assert found, name
    return found[1]


class HeadLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("link", "meta", "script"):
            self.found.append({"tag": tag, **dict(attrs)})


def test_the_manifest_names_the_site_and_lives_under_the_sub_path(built):
    project, out = built
    site = yaml.safe_load((project / "content" / "site.yaml").read_text(encoding="utf-8"))

    manifest = json.loads((out / "manifest.webmanifest").read_text(encoding="utf-8"))

    assert manifest["name"] == manifest["short_name"] == site["title"]
    assert manifest["start_url"] == manifest["scope"] == manifest["id"] == BASE_PATH
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == css_token("accent")
    assert manifest["background_color"] == css_token("paper")
    sizes = {}
    for icon in manifest["icons"]:
        assert icon["src"].startswith(BASE_PATH + "assets/icons/")
        with Image.open(site_file(out, icon["src"])) as image:
            assert image.format == "PNG" and icon["type"] == "image/png"
            assert icon["sizes"] == f"{image.width}x{image.height}"
        sizes.setdefault(icon["purpose"], set()).add(icon["sizes"])
    assert sizes == {"any": {"192x192", "512x512"}, "maskable": {"512x512"}}


def test_every_page_links_the_manifest_and_the_worker_at_the_top_of_the_site(built):
    _, out = built
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 10

    for page in pages:
        parser = HeadLinks()
        parser.feed(page.read_text(encoding="utf-8"))
        manifests = [t["href"] for t in parser.found if t["tag"] == "link" and t.get("rel") == "manifest"]
        scripts = [t for t in parser.found if t["tag"] == "script" and t.get("data-worker")]
        themes = [t["content"] for t in parser.found if t["tag"] == "meta" and t.get("name") == "theme-color"]
        assert manifests == [BASE_PATH + "manifest.webmanifest"], page
        assert [(s["data-worker"], s["data-scope"]) for s in scripts] == [(BASE_PATH + "sw.js", BASE_PATH)], (
            page
        )
        assert scripts[0]["src"].startswith(BASE_PATH + "assets/js/offline.")
        assert themes == [css_token("accent")], page


def test_the_worker_saves_exactly_the_built_styles_scripts_and_icons(built):
    _, out = built
    settings = worker_settings(out)
    code = IMPORT.search((out / "sw.js").read_text(encoding="utf-8"))
    assert code, "sw.js imports the worker's code"
    code_url = json.loads(code[1])
    built_assets = {
        BASE_PATH + p.relative_to(out).as_posix()
        for folder in ("css", "js", "icons")
        for p in (out / "assets" / folder).iterdir()
    }

    saved = set(settings["precache"])

    assert site_file(out, code_url).is_file() and code_url.startswith(BASE_PATH + "assets/js/offline-worker.")
    assert {u for u in saved if u.startswith(BASE_PATH + "assets/")} == built_assets - {code_url}
    assert saved - built_assets == {BASE_PATH + "search/index.json"}
    assert settings["pages"] == [
        BASE_PATH + path for path in ("", "search/", "play/", "my-routine/", "offline.html")
    ]
    assert settings["companion"]["under"] == [BASE_PATH + "exercises/", BASE_PATH + "routines/"]
    exercise = out / "exercises" / "chin-tuck"
    assert (exercise / "index.html").is_file() and (exercise / settings["companion"]["file"]).is_file()
    assert all(site_file(out, url).is_file() for url in [*saved, *settings["pages"], settings["manifest"]])
    assert settings["scope"] == BASE_PATH and settings["assets"] == BASE_PATH + "assets/"


def test_the_offline_page_is_built_but_not_in_the_sitemap(built):
    _, out = built

    page = (out / "offline.html").read_text(encoding="utf-8")

    assert "<h1>You are offline</h1>" in page
    assert f'<a href="{BASE_PATH}search/">Search</a>' in page
    assert "offline.html" not in (out / "sitemap.xml").read_text(encoding="utf-8")


def test_a_content_change_gives_a_new_worker_and_a_build_of_the_same_content_the_same(built, tmp_path):
    project, out = built
    again = tmp_path / "again"
    assert build(project, again, base_url=BASE).ok
    same = (again / "sw.js").read_bytes()
    exercise = project / "content" / "exercises" / "chin-tuck.md"
    original = exercise.read_text(encoding="utf-8")
    title = re.search(r"^title: (.+)$", original, re.MULTILINE)
    assert title
    exercise.write_text(original.replace(title[0], f"title: {title[1]} (revised)", 1), encoding="utf-8")
    try:
        changed = tmp_path / "changed"
        assert build(project, changed, base_url=BASE).ok
    finally:
        exercise.write_text(original, encoding="utf-8")

    assert same == (out / "sw.js").read_bytes()
    assert worker_settings(changed)["version"] != worker_settings(out)["version"]
    assert worker_settings(changed)["precache"] == worker_settings(out)["precache"]
