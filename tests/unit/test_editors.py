"""The editors' tools: the `new` scaffold and the JSON Schemas, both from the declarations."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from limber.build.pipeline import build
from limber.cli import main
from limber.editors.json_schema import json_schema_text
from limber.editors.scaffold import project_vocabularies
from limber.load.source_docs import parse_doc
from tests.conftest import FIXTURES, ROOT, copy_real_project

SCHEMAS = ROOT / "schemas"


@pytest.fixture(scope="module")
def real_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_real_project(tmp_path_factory.mktemp("editors") / "project")


def test_new_exercise_writes_every_field_and_fails_check_only_on_what_is_left_to_fill(tmp_path, capsys):
    project = copy_real_project(tmp_path / "project")

    assert main(["new", "exercise", "Wall calf stretch: bent knee", "--project", str(project)]) == 0

    path = project / "content" / "exercises" / "wall-calf-stretch-bent-knee.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Wall calf stretch: bent knee"\n')
    assert "allowed: neck, upper-back, shoulders" in text  # the vocabulary, in a comment
    assert "\n## How to do it\n" in text and "\n## Tips\n" in text and "\n## Avoid\n" in text
    assert "\nreviewed:" not in text  # left for a reviewer
    result = build(project, write=False)
    mine = [d for d in result.diagnostics if d.path.name == path.name]
    assert mine and {d.code for d in mine} == {"fill-in"}
    assert not [d for d in result.diagnostics if d.path.name != path.name and d.is_error]
    messages = "\n".join(str(d) for d in mine)
    assert "'summary' is still to fill in" in messages
    assert (
        "'level' is still to fill in: one term from `levels`; allowed: beginner, intermediate, advanced"
        in messages
    )
    assert "the body is still to fill in here" in messages


def test_a_filled_in_scaffold_passes_check(tmp_path):
    project = copy_real_project(tmp_path / "project")
    assert main(["new", "exercise", "Seated ankle circles", "--project", str(project)]) == 0
    path = project / "content" / "exercises" / "seated-ankle-circles.md"
    values = {
        "summary: FILL-IN": "summary: Lean into a wall to ease the back of the lower leg.",
        "areas: [FILL-IN]": "areas: [legs]",
        "muscles: [FILL-IN]": "muscles: [calves]",
        "equipment: [FILL-IN]": "equipment: [wall]",
        "level: FILL-IN": "level: beginner",
        "position: FILL-IN": "position: standing",
        "type: FILL-IN": "type: stretch",
        "movements: [FILL-IN]": "movements: [ankle-bend]",
        "sides: FILL-IN": "sides: each",
        "cues: [FILL-IN]": "cues: [Keep the back heel down]",
        "cautions: [FILL-IN]": "cautions: [Stop if you feel sharp pain in the calf or heel]",
    }
    text = path.read_text(encoding="utf-8")
    for old, new in values.items():
        text = text.replace(old, new, 1)
    body = "Lean on a wall, pain-free.\n\n## How to do it\n\n1. Step back.\n\n## Tips\n\n- Go slow.\n\n## Avoid\n\n- Bouncing.\n"
    text = text[: text.index("---\n", 4) + 4] + body
    path.write_text(text, encoding="utf-8")

    result = build(project, write=False)

    assert [str(d) for d in result.diagnostics if d.is_error] == []


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("Doorway chest stretch", "already exists"),
        ("!?!", "makes no valid slug"),
        ("ab", "'title' has 2 characters; at least 3 needed"),
    ],
)
def test_new_refuses_existing_files_and_bad_titles(tmp_path, capsys, title, message):
    project = copy_real_project(tmp_path / "project")
    assert main(["new", "exercise", title, "--project", str(project)]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["exercise", "routine"])
def test_the_committed_json_schema_is_current(kind, request):
    generated = json_schema_text(kind, project_vocabularies(ROOT))
    path = SCHEMAS / f"{kind}.schema.json"
    if request.config.getoption("--update-golden"):
        path.write_text(generated, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == generated, (
        "run: pytest tests/unit/test_editors.py --update-golden"
    )


def front_matter(path: Path, kind: str) -> object:
    doc, problems = parse_doc(Path(path.name), path.read_bytes(), kind)  # type: ignore[arg-type]
    assert doc is not None, problems
    return doc.meta


@pytest.mark.parametrize("kind", ["exercise", "routine"])
def test_the_json_schema_accepts_every_real_content_file(kind):
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted((ROOT / "content" / f"{kind}s").glob("*.md"))
    assert files
    for path in files:
        errors = [e.message for e in validator.iter_errors(front_matter(path, kind))]
        assert errors == [], path.name


SCHEMA_DETECTS = [
    "duration-trap", "level-no-trap", "missing-field", "unknown-field-suggestion",
    "unknown-term-suggestion", "wrong-type", "wrong-type-number",
]  # fmt: skip


@pytest.mark.parametrize("case", SCHEMA_DETECTS)
def test_the_json_schema_rejects_the_invalid_fixtures_it_can_see(case):
    schema = json.loads((SCHEMAS / "exercise.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted((FIXTURES / "invalid" / case / "content" / "exercises").glob("*.md"))
    assert files
    assert any(list(validator.iter_errors(front_matter(path, "exercise"))) for path in files)
