"""Front-matter mistakes explained in plain words, at their line."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from limber.load.source_docs import parse_doc

REL = PurePosixPath("content/exercises/x.md")


@pytest.mark.parametrize(
    ("front", "line", "where"),
    [
        ("title: Neck tilt\n\tlevel: beginner\n", 3, "indents"),
        ("cues:\n\t- Keep the chin level\n", 3, "indents"),
        ("dosage:\n  hold: 30\n\tsides: each\n", 4, "indents"),
        ("cues:\n  - Slow\n \t- Steady\n", 4, "indents"),
        ("cues:\n  -\tSlow\n", 3, "indents"),
    ],
)
def test_a_tab_in_front_matter_is_named_at_its_line(front, line, where):
    doc, problems = parse_doc(REL, f"---\n{front}---\nBody.\n", "exercise")

    assert doc is None
    assert [str(p) for p in problems] == [
        f"{REL}:{line}: error[tab-indent]: a tab {where} line {line}; YAML needs spaces"
    ]
