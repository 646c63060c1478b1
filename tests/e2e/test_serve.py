"""`build.py serve` on a copy of the real guide: what an editor sees over HTTP while editing."""

from __future__ import annotations

import html
import http.client
import re
import signal
import socket
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import copy_real_project
from tests.preview import DEADLINE, Preview, fetch, free_port, run_serve, wait_until

CHIN_TUCK = "exercises/chin-tuck/"


def banner_text(page: str) -> str:
    """The text of the preview's error banner in *page*, or '' when there is none."""
    found = re.search(r'<aside class="limber-preview-errors".*?</aside>', page, re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(0))) if found else ""


def h1(page: str) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.DOTALL)
    return html.unescape(found.group(1).strip()) if found else ""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_real_project(tmp_path / "project")


def started(project: Path, temp: Path):
    running = Preview(project, temp)
    try:
        assert wait_until(lambda: fetch(running.url)[0] == 200), (
            f"the preview did not start:\n{running.output}"
        )
        yield running
    finally:
        running.stop()


@pytest.fixture
def preview(project: Path, tmp_path: Path):
    yield from started(project, tmp_path / "tmp")


@pytest.fixture(scope="module")
def unedited(tmp_path_factory: pytest.TempPathFactory):
    """One preview for the tests that only read."""
    root = tmp_path_factory.mktemp("unedited")
    project = copy_real_project(root / "project")
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    yield from started(project, root / "tmp")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_home_page_is_served_with_live_reload(unedited):
    preview = unedited
    status, page = fetch(preview.url)

    assert status == 200
    assert "Browse by body area" in page
    assert '<script src="/livereload.js?port=' in page
    assert fetch(f"http://127.0.0.1:{preview.port}/livereload.js")[0] == 200
    assert wait_until(lambda: f"Serving project at {preview.url}" in preview.output), preview.output
    assert not (preview.project / "site").exists()  # serve never writes site/


def test_an_edited_exercise_shows_its_new_text(preview):
    exercise = preview.project / "content" / "exercises" / "chin-tuck.md"
    assert h1(preview.page(CHIN_TUCK)) == "Chin tucks"

    edit(exercise, "title: Chin tucks", "title: Chin glides")

    assert wait_until(lambda: h1(preview.page(CHIN_TUCK)) == "Chin glides"), preview.output


def test_a_second_edit_half_a_second_after_the_first_shows_too(preview):
    exercise = preview.project / "content" / "exercises" / "chin-tuck.md"

    edit(exercise, "title: Chin tucks", "title: Chin glides")
    time.sleep(0.5)  # the second save lands while the first rebuild is running
    edit(exercise, "title: Chin glides", "title: Chin slides")

    assert wait_until(lambda: h1(preview.page(CHIN_TUCK)) == "Chin slides"), preview.output


def test_a_template_edit_shows_on_the_open_page_and_then_on_every_page(preview):
    assert h1(preview.page(CHIN_TUCK)) == "Chin tucks"  # the page a tab has open
    footer = preview.project / "templates" / "partials" / "footer.html"
    footer.write_text(footer.read_text(encoding="utf-8") + "<p>Footer edit 7431</p>\n", encoding="utf-8")

    assert preview.wait_for_text(CHIN_TUCK, "Footer edit 7431"), preview.output
    assert preview.wait_for_text("about/", "Footer edit 7431"), preview.output  # after the full build


def test_the_page_shown_at_once_is_the_page_the_full_build_makes(preview):
    exercise = preview.project / "content" / "exercises" / "chin-tuck.md"
    assert h1(preview.page(CHIN_TUCK)) == "Chin tucks"
    builds = preview.output.count("Built in")

    exercise.write_text(
        exercise.read_text(encoding="utf-8") + "\nA new closing line 5521.\n", encoding="utf-8"
    )

    assert preview.wait_for_text(CHIN_TUCK, "A new closing line 5521."), preview.output
    shown_first = preview.page(CHIN_TUCK)
    # The page is served a moment before the fast render's line is printed and read.
    assert wait_until(lambda: re.search(r"Updated \d+ pages? in", preview.output) is not None), preview.output
    assert wait_until(lambda: preview.output.count("Built in") > builds), preview.output
    assert preview.page(CHIN_TUCK) == shown_first  # byte for byte, and no reload (same build number)


def test_a_new_exercise_is_served_before_the_full_build_ends(preview):
    source = preview.project / "content" / "exercises" / "chin-tuck.md"
    text = source.read_text(encoding="utf-8").replace("title: Chin tucks", "title: Chin tucks again")
    text = re.sub(r"^(aliases|easier|harder): .*\n", "", text, flags=re.MULTILINE)

    (preview.project / "content" / "exercises" / "chin-tuck-again.md").write_text(text, encoding="utf-8")

    assert wait_until(lambda: h1(preview.page("exercises/chin-tuck-again/")) == "Chin tucks again"), (
        preview.output
    )


def test_a_broken_edit_keeps_the_last_good_page_and_shows_the_error_until_fixed(preview):
    exercise = preview.project / "content" / "exercises" / "chin-tuck.md"
    text = exercise.read_text(encoding="utf-8")
    level_line = text.splitlines().index("level: beginner") + 1
    exercise.write_text(text.replace("level: beginner", "level: expert"), encoding="utf-8")

    assert wait_until(lambda: banner_text(preview.page(CHIN_TUCK)) != ""), preview.output
    page = preview.page(CHIN_TUCK)
    assert h1(page) == "Chin tucks"
    errors = banner_text(page)
    assert f"content/exercises/chin-tuck.md:{level_line}" in errors
    assert "unknown level 'expert' in 'level'" in errors
    assert "this page is the last good version" in errors
    printed = f"content/exercises/chin-tuck.md:{level_line}: error[unknown-term]"
    assert wait_until(lambda: printed in preview.output), preview.output  # printed after it is served

    exercise.write_text(text.replace("title: Chin tucks", "title: Chin glides"), encoding="utf-8")

    # The new pages are in place a moment before the build is announced and the tab reloads.
    assert wait_until(
        lambda: (page := preview.page(CHIN_TUCK)) and h1(page) == "Chin glides" and banner_text(page) == ""
    ), preview.output
    assert banner_text(preview.page()) == ""


def test_error_text_is_shown_as_text_never_as_markup(preview):
    exercise = preview.project / "content" / "exercises" / "chin-tuck.md"
    edit(exercise, "level: beginner", "level: <img src=x onerror=alert(1)>")

    assert wait_until(lambda: banner_text(preview.page(CHIN_TUCK)) != ""), preview.output
    page = preview.page(CHIN_TUCK)
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def raw_get(port: int, path: str) -> int:
    """The status of GET *path* sent exactly as written (no client-side clean-up of dots)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=DEADLINE / 2)
    try:
        connection.putrequest("GET", path, skip_accept_encoding=True)
        connection.endheaders()
        return connection.getresponse().status
    finally:
        connection.close()


@pytest.mark.parametrize(
    "path",
    [
        "/.git/config",
        "/content/site.yaml",
        "/content/exercises/chin-tuck.md",
        "/templates/base.html",
        "/%2e%2e/",
        "/%2e%2e/content/site.yaml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/../content/site.yaml",
        "/exercises/../../content/site.yaml",
        "/.limber-site",
        "/%00",
    ],
)
def test_only_the_built_site_is_served(unedited, path):
    assert (unedited.project / ".git" / "config").is_file()

    assert raw_get(unedited.port, path) == 404


def test_a_sub_path_base_url_serves_the_site_under_it(project, tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}/guide/"
    running = Preview(project, tmp_path / "tmp", "--base-url", base, port=port, path="/guide/")
    try:
        assert wait_until(lambda: fetch(base)[0] == 200), running.output
        assert wait_until(lambda: f"Serving project at {base}" in running.output), running.output
        assert 'href="/guide/exercises/"' in running.page()
        assert h1(running.page(CHIN_TUCK)) == "Chin tucks"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=DEADLINE / 2) as response:
            assert response.url == base
        assert fetch(f"http://127.0.0.1:{port}/{CHIN_TUCK}")[0] == 404

        edit(project / "content" / "exercises" / "chin-tuck.md", "level: beginner", "level: expert")

        assert wait_until(lambda: "unknown level 'expert'" in banner_text(running.page(CHIN_TUCK))), (
            running.output
        )
    finally:
        running.stop()


def test_a_port_in_use_is_a_one_line_error_with_exit_code_2(project, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = run_serve(project, tmp_path / "tmp", "--port", str(port))
        output, _ = process.communicate(timeout=DEADLINE)

    assert process.returncode == 2
    assert output == (
        f"error: port {port} on 127.0.0.1 is already in use; stop the other server or pick another with --port\n"
    )


def test_an_out_of_range_port_is_a_one_line_error_with_exit_code_2(project, tmp_path):
    process = run_serve(project, tmp_path / "tmp", "--port", "99999")
    output, _ = process.communicate(timeout=DEADLINE)

    assert process.returncode == 2
    assert (
        output == "error: --port 99999 is out of range; use a port from 1 to 65535 (or 0 for any free port)\n"
    )


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl+C"])
def test_stopping_ends_cleanly_and_removes_the_temporary_folder(preview, signum):
    assert [p.name for p in preview.temp.iterdir() if p.name.startswith("limber-serve-")] != []

    code = preview.stop(signum)

    assert code == 0
    assert list(preview.temp.iterdir()) == []
    assert "Traceback" not in preview.output
    assert preview.output.endswith("Stopped.\n")


def descendants(pid: int) -> set[int]:
    """The processes *pid* started, and theirs, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["Ctrl+C", "SIGTERM"])
def test_stopping_in_the_middle_of_a_build_ends_every_process_it_started(preview, signum):
    footer = preview.project / "templates" / "partials" / "footer.html"
    footer.write_text(footer.read_text(encoding="utf-8") + "<p>Every page changes</p>\n", encoding="utf-8")
    # The build process, its pool of workers (every page is rendered again) and multiprocessing's tracker:
    assert wait_until(lambda: len(descendants(preview.process.pid)) > 3), preview.output
    started = descendants(preview.process.pid)

    assert preview.stop(signum) == 0

    assert wait_until(lambda: not any(Path("/proc", str(pid)).exists() for pid in started))
    assert "Traceback" not in preview.output


def test_each_problem_is_printed_once_per_save(preview):
    exercise = preview.project / "content" / "exercises" / "chin-tuck.md"
    text = exercise.read_text(encoding="utf-8")
    line = text.splitlines().index("level: beginner") + 1
    printed = f"content/exercises/chin-tuck.md:{line}: error[unknown-term]"

    exercise.write_text(text.replace("level: beginner", "level: expert"), encoding="utf-8")

    # Both the fast render and the full build find it; the full build reports last.
    assert wait_until(lambda: "The build failed" in preview.output), preview.output
    assert preview.output.count(printed) == 1, preview.output

    exercise.write_text(text.replace("level: beginner", "level: expert").replace("Chin tucks", "Chin tucks!"))

    assert wait_until(lambda: preview.output.count("The build failed") == 2), preview.output
    assert preview.output.count(printed) == 2, preview.output  # once for each save
