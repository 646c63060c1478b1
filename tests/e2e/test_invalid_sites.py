"""Invalid-site fixtures: each tests/fixtures/invalid/<case>/ breaks one thing in the minimal site.

A case folder holds the files it lays over the minimal site and `expected.txt`, the exact
stderr of `build.py check`: every diagnostic, then the summary line.
"""

import pytest

from limber.cli import main
from tests.conftest import FIXTURES, copy_project, snapshot

CASES = sorted(path for path in (FIXTURES / "invalid").iterdir() if path.is_dir())


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_check_reports_exactly_the_expected_diagnostics(case, tmp_path, capsys):
    project = copy_project(tmp_path / "p", overlay=case)

    code = main(["check", "--project", str(project)])

    assert code == 1
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert capsys.readouterr().err.splitlines() == expected


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_failed_build_leaves_the_previous_site_byte_identical(case, tmp_path):
    out = tmp_path / "site"
    valid = copy_project(tmp_path / "valid")
    assert main(["build", "--project", str(valid), "--out", str(out)]) == 0
    before = snapshot(out)
    broken = copy_project(tmp_path / "p", overlay=case)

    code = main(["build", "--project", str(broken), "--out", str(out)])

    assert code == 1
    assert snapshot(out) == before


def test_a_missing_safety_page_is_an_error_and_the_site_stays_as_it_was(tmp_path, capsys):
    """Every page links the safety page: without it, the build stops rather than link nowhere."""
    out = tmp_path / "site"
    project = copy_project(tmp_path / "p")
    assert main(["build", "--project", str(project), "--out", str(out)]) == 0
    before = snapshot(out)
    capsys.readouterr()
    (project / "content" / "pages" / "safety.md").unlink()

    code = main(["build", "--project", str(project), "--out", str(out)])

    assert code == 1
    said = [line for line in capsys.readouterr().err.splitlines() if "[example-base-url]" not in line]
    assert said == [
        "content/pages/safety.md: error[missing-page]: content/pages/safety.md is missing: every page's "
        "header and footer, each routine and the search advice link to it; add the page back",
        "1 error(s) in 1 file(s); nothing was written.",
    ]
    assert snapshot(out) == before


def test_a_build_that_fails_after_its_pages_are_made_leaves_nothing_behind(tmp_path, capsys):
    """Pages are put in a staging folder as they are rendered; a later failure removes it whole."""
    out = tmp_path / "site"
    project = copy_project(tmp_path / "p")
    assert main(["build", "--project", str(project), "--out", str(out)]) == 0
    before = snapshot(out)
    (project / "content" / "exercises" / "chin-tuck.md").write_text(
        (project / "content" / "exercises" / "chin-tuck.md")
        .read_text(encoding="utf-8")
        .replace("Sit tall", "Sit up")
    )
    feed = project / "templates" / "feed.xml"  # made after every page
    feed.write_text(feed.read_text(encoding="utf-8").replace("{{", "{{ feed.nope(", 1), encoding="utf-8")
    capsys.readouterr()

    code = main(["build", "--project", str(project), "--out", str(out)])

    assert code == 1
    assert "templates/feed.xml" in capsys.readouterr().err
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p", "site"]
