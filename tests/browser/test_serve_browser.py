"""An open tab on `build.py serve` (under a sub-path) follows the editor's saves by itself."""

from __future__ import annotations

import time

import pytest

from tests.conftest import copy_real_project
from tests.preview import DEADLINE, Preview, fetch, free_port, wait_until

WAIT_MS = int(DEADLINE * 1000)
H1_IS = "text => document.querySelector('h1') && document.querySelector('h1').textContent.trim() === text"


@pytest.fixture
def live(tmp_path):
    project = copy_real_project(tmp_path / "project")
    port = free_port()
    base = f"http://127.0.0.1:{port}/guide/"
    running = Preview(project, tmp_path / "tmp", "--base-url", base, port=port, path="/guide/")
    try:
        assert wait_until(lambda: fetch(base)[0] == 200), running.output
        yield running
    finally:
        running.stop()


@pytest.fixture
def tab(browser):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.page_errors = errors
    yield page
    context.close()


def open_and_mark(tab, url: str) -> None:
    """Open *url*, wait for live reload to connect, and mark the window so a reload shows."""
    tab.goto(url)
    tab.wait_for_function("() => window.LiveReload && window.LiveReload.connector.protocol >= 7")
    tab.evaluate("() => { window.notReloaded = true; }")


def reloaded(tab) -> bool:
    return tab.evaluate("() => window.notReloaded === undefined")


def test_an_open_tab_reloads_after_each_save_and_shows_the_errors_of_a_broken_one(live, tab):
    exercise = live.project / "content" / "exercises" / "chin-tuck.md"
    original = exercise.read_text(encoding="utf-8")
    level_line = original.splitlines().index("level: beginner") + 1
    open_and_mark(tab, live.url + "exercises/chin-tuck/")

    exercise.write_text(original.replace("title: Chin tucks", "title: Chin glides"), encoding="utf-8")
    tab.wait_for_function(H1_IS, arg="Chin glides", timeout=WAIT_MS)
    assert reloaded(tab)

    open_and_mark(tab, live.url + "exercises/chin-tuck/")
    exercise.write_text(original.replace("title: Chin tucks", "title: Chin slides"), encoding="utf-8")
    time.sleep(0.5)  # a second save while the first rebuild runs
    exercise.write_text(original.replace("title: Chin tucks", "title: Chin presses"), encoding="utf-8")
    tab.wait_for_function(H1_IS, arg="Chin presses", timeout=WAIT_MS)
    assert reloaded(tab)

    open_and_mark(tab, live.url + "exercises/chin-tuck/")
    broken = original.replace("title: Chin tucks", "title: Chin presses").replace(
        "level: beginner", "level: expert"
    )
    exercise.write_text(broken, encoding="utf-8")
    notice = tab.locator(".limber-preview-errors")
    notice.wait_for(state="visible", timeout=WAIT_MS)
    assert reloaded(tab)
    assert tab.get_by_role("heading", level=1).inner_text() == "Chin presses"
    assert f"content/exercises/chin-tuck.md:{level_line}" in notice.inner_text()
    assert "unknown level 'expert' in 'level'" in notice.inner_text()
    assert notice.get_attribute("role") == "alert"

    exercise.write_text(original, encoding="utf-8")
    tab.wait_for_function(H1_IS, arg="Chin tucks", timeout=WAIT_MS)
    notice.wait_for(state="detached", timeout=WAIT_MS)
    assert tab.page_errors == []
