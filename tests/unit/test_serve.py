"""The preview's pieces without a server: which file a request names, the banner, the rebuilds."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import pytest

from limber.diagnostics import Diagnostic, Severity
from limber.serve.files import Redirect, locate
from limber.serve.overlay import banner, inject
from limber.serve.rebuild import Rebuilder, Snapshot
from limber.serve.server import is_loopback
from tests.preview import DEADLINE


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "exercises" / "chin-tuck").mkdir(parents=True)
    (root / "exercises" / "chin-tuck" / "index.html").write_text("chin")
    (root / "index.html").write_text("home")
    (root / ".limber-site").write_text("marker")
    (tmp_path / "secret.txt").write_text("outside")
    (root / "escape").symlink_to(tmp_path / "secret.txt")
    return root


@pytest.mark.parametrize(
    ("request_path", "expected"),
    [
        ("/", "index.html"),
        ("/exercises/chin-tuck/", "exercises/chin-tuck/index.html"),
        ("/exercises/chin%2Dtuck/", "exercises/chin-tuck/index.html"),
        ("/exercises/chin-tuck", Redirect("/exercises/chin-tuck/")),
        ("/exercises/missing/", None),
        ("/../secret.txt", None),
        ("/%2e%2e/secret.txt", None),
        ("/exercises/%2E%2E/%2E%2E/secret.txt", None),
        ("/.limber-site", None),
        ("/escape", None),
        ("/exercises\\..\\..\\secret.txt", None),
        ("/%00", None),
        ("/%ff", None),
    ],
)
def test_a_request_names_a_file_of_the_built_site_or_nothing(site, request_path, expected):
    found = locate(request_path, "/", site)

    if isinstance(found, Path):
        found = found.relative_to(site.resolve()).as_posix()
    assert found == expected


@pytest.mark.parametrize(
    ("request_path", "expected"),
    [
        ("/guide/", "index.html"),
        ("/guide/exercises/chin-tuck/", "exercises/chin-tuck/index.html"),
        ("/guide", Redirect("/guide/")),
        ("/", Redirect("/guide/")),
        ("/exercises/chin-tuck/", None),
        ("/guidebook/", None),
    ],
)
def test_under_a_sub_path_only_that_path_is_served(site, request_path, expected):
    found = locate(request_path, "/guide/", site)

    if isinstance(found, Path):
        found = found.relative_to(site.resolve()).as_posix()
    assert found == expected


PROBLEM = Diagnostic(
    PurePosixPath("content/exercises/chin-tuck.md"), 9, "unknown-term", "unknown level '<b>expert</b>'"
)


def test_the_banner_names_file_line_and_message_as_escaped_text():
    shown = banner([PROBLEM], has_site=True)

    assert "<code>content/exercises/chin-tuck.md:9</code>" in shown
    assert "error[unknown-term]: unknown level '&lt;b&gt;expert&lt;/b&gt;'" in shown
    assert "<b>" not in shown
    assert "The latest edit did not build (1 error); this page is the last good version." in shown


def test_the_banner_lists_problems_in_order_and_counts_only_errors():
    warning = Diagnostic(PurePosixPath("content/a.md"), 2, "odd", "a warning", Severity.WARNING)
    later = Diagnostic(PurePosixPath("content/z.md"), 1, "bad", "an error")

    shown = banner([later, PROBLEM, warning], has_site=False)

    assert "The guide could not be built (2 errors)." in shown
    assert shown.index("content/a.md:2") < shown.index("chin-tuck.md:9") < shown.index("content/z.md")


def test_a_page_gets_the_reload_script_in_its_head_and_the_banner_first_in_its_body():
    page = "<html><head><title>x</title></head>\n<body class='page'><h1>Chin</h1></body></html>"

    shown = inject(page, build=4, port=8123, problems=[PROBLEM])

    head, body = shown.split("</head>")
    assert '<script src="/livereload.js?port=8123"></script>' in head
    assert "return {build:4};" in head
    assert body.startswith("\n<body class='page'>\n<aside class=\"limber-preview-errors\"")
    assert inject(page, build=4, port=8123).count("limber-preview-errors") == 0


class Published:
    """The snapshots a Rebuilder publishes, and a way to wait for one."""

    def __init__(self) -> None:
        self.snapshots: list[Snapshot] = []
        self._changed = threading.Condition()

    def __call__(self, snapshot: Snapshot) -> None:
        with self._changed:
            self.snapshots.append(snapshot)
            self._changed.notify_all()

    def wait_for(self, wanted: Callable[[Snapshot], bool], seconds: float = DEADLINE) -> Snapshot:
        with self._changed:
            assert self._changed.wait_for(lambda: any(map(wanted, self.snapshots)), seconds), self.snapshots
            return next(s for s in reversed(self.snapshots) if wanted(s))


@pytest.fixture
def rebuilder(project: Path, tmp_path: Path):
    published = Published()
    running = Rebuilder(
        project,
        tmp_path / "temp",
        "http://127.0.0.1:8000/",
        published,
        open_pages=lambda: ["exercises/chin-tuck/index.html"],
    )
    running.start()
    yield running, published
    running.stop()


def test_a_failed_rebuild_keeps_the_served_site_and_a_good_one_replaces_it(project: Path, rebuilder):
    running, published = rebuilder
    chin = project / "content" / "exercises" / "chin-tuck.md"
    original = chin.read_text()
    first = published.wait_for(lambda s: s.root is not None)
    assert first.problems == () and first.root is not None
    page = first.root / "exercises" / "chin-tuck" / "index.html"

    chin.write_text(original.replace("level: beginner", "level: expert"))
    running.request(["content/exercises/chin-tuck.md"])
    broken = published.wait_for(lambda s: s.problems != ())

    assert broken.root == first.root and "Chin tucks" in page.read_text()
    assert [p.code for p in broken.problems if p.is_error] == ["unknown-term"]
    chin.write_text(original.replace("title: Chin tucks", "title: Chin glides"))
    running.request(["content/exercises/chin-tuck.md"])
    fast = published.wait_for(lambda s: b"Chin glides" in s.pages.get("exercises/chin-tuck/index.html", b""))
    full = published.wait_for(lambda s: s.build >= fast.build and not s.pages and s.root is not None)

    assert fast.problems == () and full.problems == ()
    assert "Chin glides" in page.read_text()
    assert page.read_bytes() == fast.pages["exercises/chin-tuck/index.html"]
    assert (
        first.build < broken.build < fast.build == full.build
    )  # the full build changed no open page: no reload


def test_going_back_to_the_last_good_sources_clears_the_errors(project: Path, rebuilder):
    running, published = rebuilder
    chin = project / "content" / "exercises" / "chin-tuck.md"
    original = chin.read_text()
    published.wait_for(lambda s: s.root is not None)

    chin.write_text(original.replace("level: beginner", "level: expert"))
    running.request(["content/exercises/chin-tuck.md"])
    broken = published.wait_for(lambda s: s.problems != ())
    chin.write_text(original)
    running.request(["content/exercises/chin-tuck.md"])

    assert published.wait_for(lambda s: s.build > broken.build and s.problems == ()).root is not None


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False), ("192.168.1.4", False)],
)
def test_only_loopback_hosts_pass_without_a_warning(host, loopback):
    assert is_loopback(host) is loopback


def test_a_build_process_that_died_is_reported_in_the_page(project: Path, rebuilder):
    running, published = rebuilder
    first = published.wait_for(lambda s: s.root is not None)

    running._worker._process.kill()  # as the system would, out of memory
    running._worker._process.join()
    running.request(["content/exercises/chin-tuck.md"])
    broken = published.wait_for(lambda s: s.problems != ())

    assert broken.root == first.root
    assert [p.message for p in broken.problems] == [
        "the build process stopped; stop the preview with Ctrl+C and start it again"
    ]


def test_saves_in_quick_succession_end_with_the_last_one_built(project: Path, rebuilder):
    """A save that arrives while a build runs stops it between its stages (or follows it); the
    last save is always the one built, and no snapshot after it shows an older one."""
    running, published = rebuilder
    chin = project / "content" / "exercises" / "chin-tuck.md"
    original = chin.read_text()
    first = published.wait_for(lambda s: s.root is not None)
    page = first.root / "exercises" / "chin-tuck" / "index.html"

    for number in range(5):
        chin.write_text(original.replace("title: Chin tucks", f"title: Chin glides {number}"))
        running.request(["content/exercises/chin-tuck.md"])
        time.sleep(0.05)
    last = published.wait_for(
        lambda s: not s.pages and s.build > first.build and "Chin glides 4" in page.read_text()
    )

    assert last.problems == ()
    later = published.snapshots[published.snapshots.index(last) :]
    assert all(b"Chin glides 4" in text for s in later for text in s.pages.values())
