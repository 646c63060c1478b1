"""The guide's own rules (content/rules.yaml) applied by `check`, and what routines derive from them.

Each tests/fixtures/rules/<case>/ lays files over a copy of the real guide; `expected.txt` is
the exact stderr of `build.py check`. One file breaking several rules gets every one of them.
"""

import re
import shutil

import pytest

from limber.build.pipeline import build
from limber.cli import main
from tests.conftest import FIXTURES, ROOT, copy_real_project

CASES = sorted(path for path in (FIXTURES / "rules").iterdir() if path.is_dir())


def real_project_with(overlay, target):
    project = copy_real_project(target)
    for file in sorted(overlay.rglob("*")):
        if file.is_file() and file.name != "expected.txt":
            shutil.copyfile(file, project / file.relative_to(overlay))
    return project


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_check_reports_every_rule_the_case_breaks_at_its_line(case, tmp_path, capsys):
    project = real_project_with(case, tmp_path / "p")

    code = main(["check", "--project", str(project)])

    assert code == 1
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert capsys.readouterr().err.splitlines() == expected


def test_rule_problems_are_github_annotations_at_their_file_and_line(tmp_path, capsys, monkeypatch):
    project = real_project_with(FIXTURES / "rules" / "neck-turn", tmp_path / "p")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")

    main(["check", "--project", str(project)])

    lines = capsys.readouterr().err.splitlines()
    assert any(
        line.startswith("::error file=content/exercises/gentle-head-turn.md,line=17,title=neck-dizziness::")
        for line in lines
    ), lines


def test_the_real_guide_passes_every_rule_with_every_exercise_naming_its_movements(real_build):
    _, _, result = real_build

    assert result.site is not None
    assert [str(d) for d in result.diagnostics] == []
    assert all(e.movements for e in result.site.exercises.values())


def test_a_routine_page_says_once_what_its_steps_need_a_reader_to_know_first(real_build):
    _, out, result = real_build
    neck = (out / "routines" / "neck-relief" / "index.html").read_text(encoding="utf-8")
    desk = (out / "routines" / "desk-break" / "index.html").read_text(encoding="utf-8")
    injury = "Ask a doctor or physiotherapist first after a recent neck injury, whiplash or neck surgery."
    bone = "If you have osteoporosis, keep rounding and twisting small and slow"

    # once on screen ("Before you start") and once in the printed card's safety strip
    assert neck.count(injury) == 2
    assert "Before you start" in neck
    assert desk.count(bone) == 2  # desk-break twists the spine (seated-twist)
    steps = result.site.steps["desk-break"]
    assert any("spinal-rotation" in result.site.exercises[s.exercise].movements for s in steps)


def test_a_routine_with_no_step_under_a_screening_rule_prints_no_screening(tmp_path):
    project = copy_real_project(tmp_path / "p")
    rules = project / "content" / "rules.yaml"
    rules.write_text(
        "rules:\n  - code: only-pages\n    applies_to: [pages]\n    forbids: [miracle]\n"
        "    message: say what it can do\n",
        encoding="utf-8",
    )

    result = build(project, tmp_path / "site")

    assert result.ok, [str(d) for d in result.diagnostics]
    page = (tmp_path / "site" / "routines" / "neck-relief" / "index.html").read_text(encoding="utf-8")
    assert "Before you start" not in page


def test_removing_a_rule_from_the_content_lets_its_problem_through(tmp_path, capsys):
    project = real_project_with(FIXTURES / "rules" / "neck-turn", tmp_path / "p")
    rules = project / "content" / "rules.yaml"
    text = rules.read_text(encoding="utf-8")
    start = text.index("  - code: neck-dizziness")
    end = text.index("  - code: osteoporosis")
    rules.write_text(text[:start] + text[end:], encoding="utf-8")

    main(["check", "--project", str(project)])

    assert "neck-dizziness" not in capsys.readouterr().err


@pytest.mark.parametrize(("where", "expected"), [("[body]", []), ("[avoid]", ["line"])])
def test_the_avoid_section_is_searched_only_when_a_rule_names_it(project, where, expected):
    exercise = project / "content" / "exercises" / "chin-tuck.md"
    lines = exercise.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("## Avoid")) + 2
    (project / "content" / "rules.yaml").write_text(
        f"rules:\n  - code: no-word\n    forbids: ['{lines[line - 1].split()[1]}']\n    where: {where}\n"
        "    message: say it another way\n",
        encoding="utf-8",
    )

    result = build(project, write=False)

    found = [str(d) for d in result.diagnostics if d.code == "no-word"]
    assert found == [
        f"content/exercises/chin-tuck.md:{line}: error[no-word]: '{lines[line - 1].split()[1]}'; say it another way"
    ] * len(expected)


def test_every_rule_of_the_guide_is_broken_by_some_case_here():
    codes = re.findall(
        r"^  - code: ([a-z0-9-]+)$", (ROOT / "content" / "rules.yaml").read_text(), re.MULTILINE
    )
    expected = "\n".join((case / "expected.txt").read_text(encoding="utf-8") for case in CASES)

    untested = [code for code in codes if f"[{code}]" not in expected]

    assert codes and not untested, f"add a case under tests/fixtures/rules/ that breaks: {untested}"
