"""A new term in any vocabulary works with no code change, or is an error at its line."""

from __future__ import annotations

from pathlib import Path

from limber.build.pipeline import build
from tests.conftest import copy_project

NEW_TERMS = {
    "areas": "  - slug: feet\n    name: Feet\n    description: Ankles, heels and toes.\n",
    "muscles": "  - slug: tibialis\n    name: Shin muscle\n    anatomical: Tibialis anterior\n    areas: [feet]\n    view: front\n    description: Lifts the foot.\n",
    "equipment": "  - slug: step\n    name: A low step\n    household: true\n    description: A stair or sturdy box.\n",
    "levels": "  - slug: expert\n    name: Expert\n    needs_cautions: true\n    description: Only with a coach.\n",
    "positions": "  - slug: on-one-leg\n    name: On one leg\n    desk: false\n    description: Standing on one foot.\n",
    "types": "  - slug: balance\n    name: Balance\n    intensity: gentle\n    category: Balance\n    rep_word: steady rep\n    description: Steady work on a small base.\n",
    "goals": "  - slug: steady-feet\n    name: Steady feet\n    description: Balance for everyday walking.\n",
}

EXERCISE = """---
title: Single-leg balance
summary: Stand on one foot by a wall to train steady ankles.
areas: [feet]
muscles: [tibialis]
equipment: [step]
level: expert
position: on-one-leg
type: balance
dosage:
  reps: 5
  sides: each
cues:
  - Keep a hand near the wall
cautions:
  - Stop if you feel unsteady or dizzy
---
Stand tall, pain-free, one hand near a wall.

## How to do it

1. Lift one foot.

## Tips

- Look ahead.

## Avoid

- Locking the knee.
"""

ROUTINE = """---
title: Steady feet routine
summary: One balance move.
goal: steady-feet
level: expert
frequency: {times: 1, per: day}
steps:
  - exercise: single-leg-balance
---
Stay pain-free.
"""


def add_terms(project: Path, terms: dict[str, str]) -> None:
    path = project / "content" / "taxonomies.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    out = []
    for line in lines:
        out.append(line)
        name = line.rstrip(":\n")
        if line.endswith(":\n") and name in terms:
            out.append(terms[name])
    path.write_text("".join(out), encoding="utf-8")


def test_a_new_term_in_every_vocabulary_builds_with_no_code_change(tmp_path):
    project = copy_project(tmp_path / "project")
    add_terms(project, NEW_TERMS)
    (project / "content" / "exercises" / "single-leg-balance.md").write_text(EXERCISE, encoding="utf-8")
    (project / "content" / "routines" / "steady-feet-routine.md").write_text(ROUTINE, encoding="utf-8")
    out = tmp_path / "site"

    result = build(project, out)

    assert [str(d) for d in result.diagnostics if d.is_error] == []
    page = (out / "exercises" / "single-leg-balance" / "index.html").read_text(encoding="utf-8")
    assert "5 steady reps · each side" in page  # the new type's own wording
    assert "Gentle and slow, within a pain-free range" in page  # its default intensity
    assert '"category": "https://schema.org/Balance"' in page
    for term_page in (
        "areas/feet",
        "muscles/tibialis",
        "equipment/step",
        "levels/expert",
        "positions/on-one-leg",
        "types/balance",
        "goals/steady-feet",
    ):
        assert (out / term_page / "index.html").is_file(), term_page


def test_a_type_term_without_its_required_keys_is_an_error_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    add_terms(project, {"types": "  - slug: balance\n    name: Balance\n    description: Steady work.\n"})

    result = build(project, tmp_path / "site")

    errors = [str(d) for d in result.diagnostics if d.is_error]
    text = (project / "content" / "taxonomies.yaml").read_text(encoding="utf-8").splitlines()
    line = text.index("  - slug: balance") + 1
    assert (
        f"content/taxonomies.yaml:{line}: error[missing-field]: missing required field 'types[{_index(text)}].intensity'"
        in errors
    )
    assert any("types[" in e and ".category'" in e for e in errors)
    assert not (tmp_path / "site").exists()


def _index(text: list[str]) -> int:
    start = text.index("types:")
    return sum(
        1 for line in text[start : text.index("  - slug: balance") + 1] if line.startswith("  - slug:")
    )
