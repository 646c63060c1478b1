"""`new` writes a title that `check` reads back as written, or refuses it in `check`'s words."""

from __future__ import annotations

import pytest

from limber.build.pipeline import build
from limber.cli import main
from limber.diagnostics import char_name
from limber.load.source_docs import parse_doc
from tests.conftest import copy_project

TRICKY = ["null", "true", "false", "123", "- Lying twist", "? Side bend", "Neck roll #2", "Hip: open", "'Quoted' start", '"Quoted" start', "Arm *swing*", "Tab\tinside"]  # fmt: skip


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


@pytest.mark.parametrize("title", TRICKY)
@pytest.mark.parametrize("kind", ["exercise", "routine"])
def test_a_title_yaml_would_misread_is_written_so_that_it_reads_back(project, capsys, kind, title):
    assert main(["new", kind, title, "--project", str(project)]) == 0

    written = project / capsys.readouterr().out.split()[1].rstrip(":")  # "Wrote content/...md: replace ..."
    doc, problems = parse_doc(written.relative_to(project), written.read_bytes(), kind)
    assert problems == [] and doc is not None
    assert doc.meta["title"] == title
    result = build(project, write=False)
    mine = {d.code for d in result.diagnostics if d.path.name == written.name and d.is_error}
    assert mine == {"fill-in"}


@pytest.mark.parametrize("char", ["\r", "\u2028", "\u0085", "\u202e", "\x1b", "\u200b"])
def test_a_title_holding_a_refused_character_is_refused_in_checks_words(project, capsys, char):
    title = f"Neck{char} roll"

    assert main(["new", "exercise", title, "--project", str(project)]) == 2

    err = capsys.readouterr().err
    assert err == f"error: the title holds {char_name(char)} at column 5; remove it\n"
    assert not (project / "content" / "exercises" / "neck-roll.md").exists()


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("ab", "'title' has 2 characters; at least 3 needed"),
        ("x" * 81, "'title' has 81 characters; at most 80 allowed"),
        ("Neck\nroll", "'title' must be one line"),
    ],
)
def test_a_title_check_would_refuse_is_refused_with_checks_message(project, capsys, title, message):
    assert main(["new", "exercise", title, "--project", str(project)]) == 2

    assert capsys.readouterr().err == f"error: {message}\n"
