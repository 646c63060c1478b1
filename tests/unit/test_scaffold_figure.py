"""`new exercise "Title" --position <slug>`: the position filled in, the figure started from its pose."""

from __future__ import annotations

import re

import pytest

from limber.build.pipeline import build
from limber.cli import main
from limber.editors.scaffold import project_vocabularies
from limber.figures import starting_figure
from limber.load.source_docs import parse_doc
from tests.conftest import ROOT, copy_real_project

POSITIONS = [term.slug for term in project_vocabularies(ROOT)["positions"].terms]
FILLED = {
    "summary: FILL-IN": "summary: Ease the muscles the title names, gently and without pain.",
    "areas: [FILL-IN]": "areas: [legs]",
    "muscles: [FILL-IN]": "muscles: [calves]",
    "equipment: [FILL-IN]": "equipment: [mat]",
    "level: FILL-IN": "level: beginner",
    "type: FILL-IN": "type: stretch",
    "movements: [FILL-IN]": "movements: [ankle-bend]",
    "sides: FILL-IN": "sides: each",
    "cues: [FILL-IN]": "cues: [Keep the heel down]",
    "cautions: [FILL-IN]": (
        "cautions: [Stop if you feel sharp pain in the calf or heel, "
        "'If you are pregnant, from about 16 weeks do the seated calf stretch instead']"
    ),
}
BODY = "Ease in, pain-free.\n\n## How to do it\n\n1. Settle.\n\n## Tips\n\n- Go slow.\n\n## Avoid\n\n- Bouncing.\n"


def new_exercise(project, title, *options):
    return main(["new", "exercise", title, "--project", str(project), *options])


def test_a_position_is_filled_in_and_the_figure_starts_from_its_named_pose(tmp_path):
    project = copy_real_project(tmp_path / "project")

    assert new_exercise(project, "Knee sway", "--position", "lying-back") == 0

    path = project / "content" / "exercises" / "knee-sway.md"
    text = path.read_text(encoding="utf-8")
    assert "\nposition: lying-back  # required: one term from `positions` — the starting position\n" in text
    assert (
        "\nfigure:  # expected by content/rules.yaml: mapping — the figure drawn for the exercise (see\n"
        '  # "Figures" in content/README.md)\n'
        "  view: side\n"
        "  start: {pose: knees-bent}  # lying on the back, knees bent, feet flat; drawn in\n"
        "    # docs/poses/knees-bent.svg\n"
        "    # change only the joints the exercise moves, beside `pose`; knees-bent sets left: {ankle: 0,\n"
        "    # hip: 45, knee: 110, shoulder: -10}, right: {ankle: 0, hip: 45, knee: 110, shoulder: -10}\n"
        '    # the named poses are drawn in content/README.md ("Figure" in the field reference)\n'
        "  # end: FILL-IN  # optional: where the movement ends (only the joints that change), drawn dashed\n"
        "  # mark: [FILL-IN]  # optional: the muscles or areas to hatch (their slugs)\n"
    ) in text
    doc, problems = parse_doc(path.relative_to(project), path.read_bytes(), "exercise")
    assert problems == [] and doc is not None
    assert doc.meta["figure"] == {"view": "side", "start": {"pose": "knees-bent"}}
    mine = [d for d in build(project, write=False).diagnostics if d.path.name == path.name]
    assert mine and {d.code for d in mine} == {"fill-in"}  # the figure passes; the rest is to write
    assert not [d for d in mine if "'position'" in d.message]


def test_every_positions_scaffold_filled_in_passes_check_with_its_figure(tmp_path):
    project = copy_real_project(tmp_path / "project")
    paths = {}
    for position in POSITIONS:
        assert new_exercise(project, f"Test {position}", "--position", position) == 0
        paths[position] = project / "content" / "exercises" / f"test-{position}.md"

    for path in paths.values():
        text = path.read_text(encoding="utf-8")
        assert [line for line in text.splitlines() if len(line) > 100] == []
        drawings = re.findall(r"docs/poses/[\w-]+\.svg", text)
        assert [d for d in drawings if not (ROOT / d).is_file()] == []
        for old, new in FILLED.items():
            text = text.replace(old, new, 1)
        path.write_text(text[: text.index("---\n", 4) + 4] + BODY, encoding="utf-8")
    result = build(project, write=False)

    assert [str(d) for d in result.diagnostics if d.path.name.startswith("test-")] == []
    for position, path in paths.items():
        doc, _ = parse_doc(path.relative_to(project), path.read_bytes(), "exercise")
        assert doc is not None and doc.meta["figure"] == starting_figure(position)


def test_a_position_the_vocabulary_does_not_have_is_a_usage_error_naming_the_known_ones(tmp_path, capsys):
    project = copy_real_project(tmp_path / "project")

    assert new_exercise(project, "Knee sway", "--position", "floor-back") == 2

    assert capsys.readouterr().err == (
        "error: --position 'floor-back' is not a position (did you mean 'floor-seated'?); use one of: "
        "standing, seated, floor-seated, kneeling, all-fours, lying-back, lying-front, side-lying\n"
    )
    assert not (project / "content" / "exercises" / "knee-sway.md").exists()


def test_a_routine_takes_no_position(tmp_path, capsys):
    project = copy_real_project(tmp_path / "project")

    code = main(["new", "routine", "Evening wind-down", "--position", "seated", "--project", str(project)])

    assert code == 2
    assert capsys.readouterr().err == "error: --position is for exercises; a routine has no position\n"


def test_without_a_position_the_figure_comment_names_the_poses_and_check_lists_what_is_left(tmp_path):
    project = copy_real_project(tmp_path / "project")

    assert new_exercise(project, "Knee sway") == 0

    path = project / "content" / "exercises" / "knee-sway.md"
    text = path.read_text(encoding="utf-8")
    assert (
        "\n# figure:  # expected by content/rules.yaml: mapping — the figure drawn for the exercise (see\n"
        '  # "Figures" in content/README.md)\n'
        "  # start it from a named pose, `start: {pose: <name>}`: all-fours, kneeling-lunge, knees-bent,\n"
        "  # knee-to-chest, seated-figure-four, side-lying, hands-on-wall; the named poses are drawn in\n"
        '  # content/README.md ("Figure" in the field reference); `new` with `--position <slug>` writes one\n'
        "  # started from the pose for that position\n"
    ) in text
    doc, problems = parse_doc(path.relative_to(project), path.read_bytes(), "exercise")
    assert problems == [] and doc is not None and "figure" not in doc.meta
    mine = [str(d) for d in build(project, write=False).diagnostics if d.path.name == path.name]
    assert (
        "content/exercises/knee-sway.md:31: error[fill-in]: 'position' is still to fill in: one term "
        "from `positions`; allowed: standing, seated, floor-seated, kneeling, all-fours, lying-back, "
        "lying-front, side-lying"
    ) in mine


def test_help_documents_the_position(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["new", "--help"])

    assert stopped.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert (
        "--position SLUG an exercise's starting position (a slug from `positions` in "
        "content/taxonomies.yaml, e.g. lying-back): fills in `position` and starts the figure from "
        "the named pose for it"
    ) in shown
