"""The `new` scaffold's comments fit in 100 columns and point only at things that exist."""

from __future__ import annotations

import itertools
import re

import pytest

from limber.cli import main, parser
from limber.editors.scaffold import project_vocabularies, scaffold_text
from limber.load.content_files import IMAGE_DIR
from tests.conftest import copy_real_project

PATH = re.compile(r"\bcontent/[\w./-]*[\w/]")
SECTION = re.compile(r'"([^"]+)" in content/README\.md')
COMMAND = re.compile(r"python build\.py (\w+)")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_real_project(tmp_path_factory.mktemp("scaffold") / "p")


def unwrapped(text: str) -> str:
    """*text* with each comment's continuation lines joined to it, as a reader reads them."""
    return re.sub(r"\n *# ", " ", text)


@pytest.mark.parametrize("kind", ["exercise", "routine"])
def test_every_line_of_a_new_file_fits_in_100_columns(project, kind):
    text = scaffold_text(kind, "Neck roll", project_vocabularies(project))

    assert [line for line in text.splitlines() if len(line) > 100] == []
    assert any(len(line) > 80 for line in text.splitlines())  # long comments are wrapped, not cut short


@pytest.mark.parametrize("kind", ["exercise", "routine"])
def test_the_comments_point_only_at_files_sections_and_commands_that_exist(project, kind, capsys):
    text = scaffold_text(kind, "Neck roll", project_vocabularies(project))
    flat = unwrapped(text)
    assert main(["new", kind, "Neck roll", "--project", str(project)]) == 0
    printed = capsys.readouterr().out
    guide = (project / "content" / "README.md").read_text(encoding="utf-8")
    headings = re.findall(r"^#+ (.+)$", guide, re.MULTILINE)
    lines = text.splitlines()

    paths = set(PATH.findall(flat + printed)) - {f"content/{IMAGE_DIR}/"}  # the images folder may be empty
    assert [p for p in paths if not (project / p).exists() and p.removeprefix("content/") != IMAGE_DIR] == []
    assert SECTION.findall(flat) and [s for s in SECTION.findall(flat) if s not in headings] == []
    commands = next(a for a in parser()._actions if a.dest == "command").choices
    assert COMMAND.findall(printed) and [c for c in COMMAND.findall(printed) if c not in commands] == []
    for line, after in itertools.pairwise(lines):  # "(below)": the field's own fields follow
        if line.endswith("(below)"):
            assert len(after) - len(after.lstrip(" ")) > len(line) - len(line.lstrip(" ")), line
