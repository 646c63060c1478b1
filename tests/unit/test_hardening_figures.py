"""A figure cannot make the build draw without bound: marks are few and each is marked once."""

from __future__ import annotations

from limber.cli import main
from limber.figures.spec import MAX_MARKS
from tests.conftest import copy_project

EXERCISE = "content/exercises/chin-tuck.md"


def check_with_figure(tmp_path, capsys, figure_yaml: str) -> list[str]:
    project = copy_project(tmp_path / "project")
    path = project / EXERCISE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("level: beginner", f"level: beginner\n{figure_yaml}", 1), encoding="utf-8")

    code = main(["check", "--project", str(project)])

    lines = path.read_text(encoding="utf-8").split("\n")
    found = capsys.readouterr().err.splitlines()
    assert code == 1, found
    mark = next(i for i, line in enumerate(lines, 1) if line.startswith("  mark:"))
    return [line.replace(f":{mark}:", ":MARK:") for line in found]


def test_the_same_area_marked_thousands_of_times_is_one_error_at_the_mark_line(tmp_path, capsys):
    marks = ", ".join(["neck"] * 5000)  # 30 KB: within the front matter's size limit

    found = check_with_figure(tmp_path, capsys, f"figure:\n  start: {{base: seated}}\n  mark: [{marks}]\n")

    assert found == [
        f"{EXERCISE}:MARK: error[bad-figure]: `mark` lists 5000 muscles or areas; at most {MAX_MARKS}: "
        "keep the ones the exercise works most",
        "1 error(s) in 1 file(s); nothing was written.",
    ]


def test_a_mark_given_twice_is_an_error_at_its_second_line(tmp_path, capsys):
    figure = "figure:\n  start: {base: seated}\n  mark:\n    - deep-neck-flexors\n    - deep-neck-flexors\n"

    found = check_with_figure(tmp_path, capsys, figure)

    project = tmp_path / "project"
    lines = (project / EXERCISE).read_text(encoding="utf-8").split("\n")
    second = len(lines) - lines[::-1].index("    - deep-neck-flexors")
    assert found == [
        f"{EXERCISE}:{second}: error[duplicate-mark]: 'deep-neck-flexors' is marked twice; keep one",
        "1 error(s) in 1 file(s); nothing was written.",
    ]
