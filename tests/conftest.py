"""Shared fixtures: inline documents, fixture projects built in tmp_path, the golden option."""

from __future__ import annotations

import shutil
import socketserver
import sys
from pathlib import Path, PurePosixPath
from textwrap import dedent

import pytest

from limber.build.pipeline import build
from limber.build.result import BuildResult
from limber.load.source_docs import SourceDoc, parse_doc

_report_error = socketserver.BaseServer.handle_error


def _quiet_about_dropped_connections(self: socketserver.BaseServer, request: object, address: object) -> None:
    """A browser that drops a connection (a cancelled fetch, a page closed mid-answer) is not a
    problem of the site; a test server says nothing of it, so its traceback cannot land in another
    test's captured output. Any other error is reported as before."""
    if isinstance(sys.exc_info()[1], ConnectionError):
        return
    _report_error(self, request, address)  # type: ignore[arg-type]


socketserver.BaseServer.handle_error = _quiet_about_dropped_connections  # type: ignore[method-assign]

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current output instead of comparing",
    )


@pytest.fixture(autouse=True)
def _plain_diagnostics(monkeypatch: pytest.MonkeyPatch) -> None:
    """Diagnostics print as plain lines even when the suite runs under GitHub Actions."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture
def make_doc():
    """Build a SourceDoc from inline text, as if read from content/<kind>s/<slug>.md."""

    def _make(text: str, slug: str = "pigeon", kind: str = "exercise") -> SourceDoc:
        folder = {"exercise": "exercises", "routine": "routines", "page": "pages"}[kind]
        path = PurePosixPath(f"content/{folder}/{slug}.md")
        doc, problems = parse_doc(path, dedent(text).lstrip().encode("utf-8"), kind)
        assert not problems, problems
        assert doc is not None
        return doc

    return _make


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under *root* and its bytes, to show a folder was left exactly as it was."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def copy_project(target: Path, site: str = "minimal", overlay: Path | None = None) -> Path:
    """A project folder in *target*: fixture content, the repository's templates and assets.

    Files under *overlay* (a folder holding content/...) are laid over the fixture's, so an
    invalid-site case holds only the file it breaks.
    """
    shutil.copytree(FIXTURES / "sites" / site, target)
    shutil.copytree(ROOT / "templates", target / "templates")
    shutil.copytree(ROOT / "assets", target / "assets")
    if overlay is not None:
        for file in sorted(overlay.rglob("*")):
            if file.is_file() and file.name != "expected.txt":
                dest = target / file.relative_to(overlay)
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(file, dest)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the minimal fixture site, ready to build."""
    return copy_project(tmp_path / "project")


def copy_real_project(target: Path) -> Path:
    """A copy of the repository's own content, templates and assets (never built in place)."""
    for name in ("content", "templates", "assets"):
        shutil.copytree(ROOT / name, target / name)
    return target


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, BuildResult]:
    """The real guide built once per session with --strict: (project, site folder, result)."""
    project = copy_real_project(tmp_path_factory.mktemp("real") / "project")
    out = project / "site"
    return project, out, build(project, out, strict=True)
