"""A refused character in a file does not hide the file's other problems; deep nesting names its field."""

from __future__ import annotations

import pytest

from limber.cli import main
from limber.diagnostics import char_name
from limber.load.yaml_reader import MAX_DEPTH
from tests.conftest import copy_project

EXERCISE = "content/exercises/chin-tuck.md"


def errors_after(tmp_path, capsys, change) -> list[str]:
    project = copy_project(tmp_path / "project")
    path = project / EXERCISE
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")

    assert main(["check", "--project", str(project)]) == 1

    return capsys.readouterr().err.splitlines()[:-1]  # the summary line left out


def line_of(tmp_path, start: str) -> int:
    lines = (
        (tmp_path / "project" / EXERCISE).read_bytes().decode("utf-8").split("\n")
    )  # a lone CR ends no line
    return next(i for i, line in enumerate(lines, 1) if line.startswith(start))


@pytest.mark.parametrize(
    ("char", "written"),
    [
        ("\u200b", "\u200b"),  # zero-width space
        ("\u202e", "\u202e"),  # right-to-left override
        ("\u2028", "\u2028"),  # line separator: a line break to YAML, not to an editor
        ("\r", "\r"),
        ("\u200b", '"\\u200b"'),  # written as a YAML escape inside a quoted title
    ],
)
def test_a_refused_character_leaves_every_other_problem_of_the_file_reported(tmp_path, capsys, char, written):
    def change(text: str) -> str:
        title = f"title: Chin{written} tucks" if len(written) == 1 else f'title: "Chin{written[1:-1]} tucks"'
        text = text.replace("title: Chin tucks", title, 1)
        text = text.replace(
            "related: [upper-trapezius-stretch]", "related: [upper-trapezius-stretch, nowhere]"
        )
        return text.replace("level: beginner", "level: beginner\ncolour: blue\neasier: missing-one", 1)

    found = errors_after(tmp_path, capsys, change)

    where = "(written as an escape)" if len(written) > 1 else "at column 12"
    name = char_name(char)
    assert [line.split(": error[")[1].split("]")[0] for line in found] == [
        "control-character",
        "unknown-field",
        "unknown-exercise",
        "unknown-exercise",
    ]
    assert found[0].startswith(f"{EXERCISE}:2: error[control-character]: {name} ")
    assert where in found[0]
    assert (
        f"{EXERCISE}:{line_of(tmp_path, 'colour:')}: error[unknown-field]: unknown field 'colour'" in found[1]
    )
    assert f"{EXERCISE}:{line_of(tmp_path, 'easier:')}:" in found[2] and "'missing-one'" in found[2]
    assert f"{EXERCISE}:{line_of(tmp_path, 'related:')}:" in found[3] and "'nowhere'" in found[3]


@pytest.mark.parametrize("deep", [MAX_DEPTH + 1, 400])
def test_nesting_too_deep_names_the_field(tmp_path, capsys, deep):
    found = errors_after(
        tmp_path,
        capsys,
        lambda text: text.replace("level: beginner", f"level: beginner\naliases: {'[' * deep}{']' * deep}"),
    )

    line = line_of(tmp_path, "aliases:")
    assert found == [
        f"{EXERCISE}:{line}: error[bad-yaml]: 'aliases' is nested more than {MAX_DEPTH} levels deep "
        "(lists or mappings inside each other); flatten it"
    ]
