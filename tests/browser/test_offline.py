"""Reading offline in real Chromium: the guide built under a sub-path and served from 127.0.0.1
(a secure context, so service workers run), then the network cut with context.set_offline.

After one visit of the home page and one exercise, with no network the home page, that exercise,
search (with results) and the exercise's player still show, each with the note that it is the saved copy; a page never
visited shows the offline page, which lists what is saved. A new build reaches a reader who
comes back online, with the prompt to switch to the new version. The live preview registers no
worker and removes one left from a built site. No console errors, no policy violations.
"""

from __future__ import annotations

import functools
import re
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from limber.build.pipeline import build
from limber.views.offline import NETWORK_TIMEOUT_MS, PICTURE_KEY
from limber.views.player import PLAY_FILE
from tests.browser.conftest import SUB_PATH, SubPathHandler
from tests.browser.test_quality import AXE, RECORD_VIOLATIONS, SCHEMES, axe_violations
from tests.conftest import copy_real_project
from tests.preview import DEADLINE, Preview, fetch, free_port, wait_until

WAIT_MS = int(DEADLINE * 1000)
SAVED_NOTE = "You are offline; this is the copy saved on your device."
VISITED = "exercises/cat-cow/"
NEVER_VISITED = "exercises/chin-tuck/"
CONTROLLED = "() => navigator.serviceWorker.controller !== null"
# Every picture on the page is in the worker's caches (saved as it was shown).
PICTURES_SAVED = """async () => {
  const found = await Promise.all([...document.images].filter((i) => i.complete && i.currentSrc)
    .map((i) => caches.match(i.currentSrc)));
  return found.every(Boolean);
}"""
# The page's player data is saved, and the drawing it names.
PLAYER_DATA_SAVED = """async ([file, key]) => {
  const data = await caches.match(location.pathname + file);
  if (!data) return false;
  const picture = (await data.json())[key];
  return !picture || Boolean(await caches.match(picture));
}"""


SLOW_NOTE = "The connection is slow; this is the copy saved on your device."


class SlowHandler(SubPathHandler):
    """SubPathHandler that answers the paths in *slow* only after the worker stops waiting."""

    def __init__(self, *args: Any, slow: set[str], **kwargs: Any) -> None:
        self.slow = slow
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        if self.path in self.slow:
            time.sleep(NETWORK_TIMEOUT_MS / 1000 + 2)
        super().do_GET()


class Guide:
    """The real guide built into a folder and served under SUB_PATH; built again on demand."""

    def __init__(self, root: Path) -> None:
        self.project = copy_real_project(root / "project")
        self.out = self.project / "site"
        self.slow: set[str] = set()  # paths answered late, as on a weak connection
        self.server = ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(SlowHandler, slow=self.slow, directory=str(self.out))
        )
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{SUB_PATH}"
        self.build()
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def build(self) -> None:
        result = build(self.project, self.out, base_url=self.url)
        assert result.ok, [str(d) for d in result.diagnostics]

    def version(self) -> str:
        """The version the built worker carries."""
        found = re.search(r'"version": "(\w+)"', (self.out / "sw.js").read_text(encoding="utf-8"))
        assert found
        return found[1]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    served = Guide(tmp_path_factory.mktemp("offline"))
    yield served
    served.close()


@pytest.fixture
def reader(browser):
    """A fresh browser profile (no worker, no caches) that records errors and policy violations."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    errors: list[str] = []
    violations: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))

    def record_violations() -> None:
        violations.extend(page.evaluate("window.__violations"))

    # A request that fails is an error, unless the page was left or reloaded while it ran.
    page.on(
        "requestfailed",
        lambda r: (
            errors.append(f"request failed: {r.url} ({r.failure})")
            if r.failure != "net::ERR_ABORTED"
            else None
        ),
    )
    page.errors, page.violations, page.record_violations = errors, violations, record_violations
    yield page
    context.close()


def visit(page, url: str) -> None:
    page.goto(url)
    page.record_violations()


def first_visit(page, guide: Guide) -> None:
    """The home page, until the worker controls it, then one exercise, until its pictures are saved."""
    visit(page, guide.url)
    page.wait_for_function(CONTROLLED, timeout=WAIT_MS)
    visit(page, guide.url + VISITED)
    page.wait_for_function(PICTURES_SAVED, timeout=WAIT_MS)
    page.wait_for_function(PLAYER_DATA_SAVED, arg=[PLAY_FILE, PICTURE_KEY], timeout=WAIT_MS)


def note(page) -> str:
    notes = page.locator(".offline-note")
    return notes.inner_text() if notes.count() else ""


def test_after_one_visit_home_the_exercise_search_and_its_player_work_offline(reader, guide):
    first_visit(reader, guide)
    online_title = reader.locator("h1").inner_text()
    assert note(reader) == ""  # online: the page from the network, no note

    reader.context.set_offline(True)
    visit(reader, guide.url)
    home = (reader.locator("h1").inner_text(), note(reader))
    visit(reader, guide.url + VISITED)
    exercise = (reader.locator("h1").inner_text(), note(reader))
    visit(reader, guide.url + "search/?q=neck")
    reader.wait_for_selector("#search-results li", timeout=WAIT_MS)
    results = reader.locator("#search-results li").all_inner_texts()
    search_note = note(reader)
    visit(reader, guide.url + "play/?exercise=" + VISITED.split("/")[1])
    reader.locator("#play-start").wait_for(timeout=WAIT_MS)
    player = reader.locator("#play-title").inner_text()
    figure = reader.locator("#play-first-figure img")
    figure_width = figure.evaluate("img => img.complete && img.naturalWidth")

    assert home[0] == "Limber" and SAVED_NOTE in home[1]
    assert exercise == (online_title, exercise[1]) and SAVED_NOTE in exercise[1]
    assert len(results) >= 3 and any("neck" in r.lower() for r in results)
    assert SAVED_NOTE in search_note
    assert player == online_title and figure_width > 1  # the drawing itself, not an empty picture
    assert reader.get_by_role("button", name="Try again").is_visible()
    assert reader.errors == [] and reader.violations == []


def test_on_a_slow_connection_the_saved_copy_shows_with_its_note(reader, guide):
    first_visit(reader, guide)
    title = reader.locator("h1").inner_text()

    guide.slow.add(SUB_PATH + VISITED)
    try:
        visit(reader, guide.url + VISITED)
        slow = (reader.locator("h1").inner_text(), note(reader))
    finally:
        guide.slow.clear()
    reader.get_by_role("button", name="Try again").click()
    reader.wait_for_function("() => !document.querySelector('.offline-note')", timeout=WAIT_MS)

    assert slow[0] == title and SLOW_NOTE in slow[1]
    assert reader.locator("h1").inner_text() == title
    assert reader.errors == [] and reader.violations == []


def test_a_page_never_visited_shows_the_offline_page_listing_what_is_saved(reader, guide):
    first_visit(reader, guide)
    visited_title = reader.locator("h1").inner_text()

    reader.context.set_offline(True)
    visit(reader, guide.url + NEVER_VISITED)
    saved = reader.locator("#offline-saved a")
    saved.filter(has_text=visited_title).wait_for(timeout=WAIT_MS)
    links = dict(zip(saved.all_inner_texts(), [a.get_attribute("href") for a in saved.all()], strict=True))
    reader.get_by_role("link", name=visited_title).click()
    reader.wait_for_url(guide.url + VISITED)

    assert reader.url == guide.url + VISITED and reader.locator("h1").inner_text() == visited_title
    assert links["Home"] == SUB_PATH
    assert links[visited_title] == guide.url + VISITED
    assert reader.errors == [] and reader.violations == []


def test_the_offline_page_itself_shows_under_its_own_address(reader, guide):
    first_visit(reader, guide)

    reader.context.set_offline(True)
    visit(reader, guide.url + "offline.html")

    assert reader.locator("h1").inner_text() == "You are offline"
    assert reader.errors == [] and reader.violations == []


def test_a_new_build_reaches_a_reader_who_comes_back_online(reader, guide):
    first_visit(reader, guide)
    source = guide.project / "content" / "exercises" / "cat-cow.md"
    original = source.read_text(encoding="utf-8")
    old_title = reader.locator("h1").inner_text()
    old_version = guide.version()
    reader.context.set_offline(True)
    visit(reader, guide.url + VISITED)
    assert SAVED_NOTE in note(reader)
    new_title = old_title + " (new)"
    try:
        source.write_text(
            original.replace(f"title: {old_title}\n", f"title: {new_title}\n", 1), encoding="utf-8"
        )
        guide.build()
        new_version = guide.version()

        reader.context.set_offline(False)
        visit(reader, guide.url + VISITED)
        fresh = (reader.locator("h1").inner_text(), note(reader))
        update = reader.get_by_role("button", name="Reload")
        update.wait_for(timeout=WAIT_MS)  # the new build's worker is installed and waiting
        prompt = note(reader)
        update.click()
        reader.wait_for_function("() => !document.querySelector('.offline-note')", timeout=WAIT_MS)
        kept = reader.evaluate("() => caches.keys()")
        reader.context.set_offline(True)
        visit(reader, guide.url + VISITED)
        offline_copy = (reader.locator("h1").inner_text(), note(reader))
    finally:
        source.write_text(original, encoding="utf-8")
        reader.context.set_offline(False)
        guide.build()

    assert fresh == (new_title, "")
    assert "A new version of the guide is ready." in prompt
    assert old_version != new_version
    assert len(kept) == 2 and any(new_version in name for name in kept)  # the files and the pages
    assert not any(old_version in name for name in kept)  # the old version's files are gone
    assert offline_copy[0] == new_title and SAVED_NOTE in offline_copy[1]
    assert reader.errors == [] and reader.violations == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_offline_page_and_note_pass_axe(browser, guide, scheme):
    context = browser.new_context(bypass_csp=True)  # axe is added inline
    page = context.new_page()
    page.emulate_media(color_scheme=scheme)
    try:
        page.goto(guide.url)
        page.wait_for_function(CONTROLLED, timeout=WAIT_MS)
        context.set_offline(True)
        page.goto(guide.url + NEVER_VISITED)
        offline_page = axe_violations(page)
        page.goto(guide.url + "search/")
        page.locator(".offline-note").wait_for()
        with_note = axe_violations(page)
    finally:
        context.close()

    assert AXE.is_file()
    assert offline_page == [] and with_note == []


def test_the_preview_registers_no_worker_and_removes_one_left_by_a_built_site(browser, tmp_path):
    project = copy_real_project(tmp_path / "project")
    port = free_port()
    base = f"http://127.0.0.1:{port}/guide/"
    running = Preview(project, tmp_path / "tmp", "--base-url", base, port=port, path="/guide/")
    context = browser.new_context()
    page = context.new_page()
    try:
        assert wait_until(lambda: fetch(base)[0] == 200), running.output
        page.goto(base)
        # A worker from a built site served earlier on this address, as a reader's browser keeps it.
        page.evaluate("() => navigator.serviceWorker.register('/guide/sw.js', {scope: '/guide/'})")
        before = page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length")
        page.reload()
        page.wait_for_function(
            "async () => (await navigator.serviceWorker.getRegistrations()).length === 0", timeout=WAIT_MS
        )
        marked = page.locator('meta[name="limber-preview"]').count()
        script = page.locator('script[data-worker="/guide/sw.js"]').count()
    finally:
        context.close()
        running.stop()

    assert before == 1
    assert marked == 1 and script == 1  # offline.js was there, and stood down
