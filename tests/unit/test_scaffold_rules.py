"""`new` says which fields the project's rules (content/rules.yaml) ask of every exercise."""

from limber.cli import main
from tests.conftest import copy_real_project


def test_the_scaffold_marks_the_fields_the_rules_require_or_expect(tmp_path):
    project = copy_real_project(tmp_path / "project")

    assert main(["new", "exercise", "Seated ankle circles", "--project", str(project)]) == 0

    text = (project / "content" / "exercises" / "seated-ankle-circles.md").read_text(encoding="utf-8")
    assert "\nmovements: [FILL-IN]  # required by content/rules.yaml: list of 1–6 terms" in text
    assert "\ncautions: [FILL-IN]  # required by content/rules.yaml: list of 0–6 lines" in text
    assert "\n# figure:  # expected by content/rules.yaml: mapping" in text


def test_without_rules_those_fields_are_optional(tmp_path):
    project = copy_real_project(tmp_path / "project")
    (project / "content" / "rules.yaml").unlink()

    assert main(["new", "exercise", "Seated ankle circles", "--project", str(project)]) == 0

    text = (project / "content" / "exercises" / "seated-ankle-circles.md").read_text(encoding="utf-8")
    assert "\n# movements: [FILL-IN]  # optional: list of 1–6 terms" in text or (
        "\nmovements: [FILL-IN]  # optional: list of 1–6 terms" in text
    )
    assert "required by content/rules.yaml" not in text
