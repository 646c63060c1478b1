"""A body's nesting is counted by every list marker and quote mark, not by indentation alone."""

from __future__ import annotations

import pytest

from limber.build.pipeline import build
from limber.load.body_text import MAX_NESTING
from tests.conftest import copy_project
from tests.unit.test_body_limits import with_body


@pytest.mark.parametrize(
    "line",
    [
        "- " * 400 + "item",  # was a RecursionError
        "* " * 400 + "item",
        "1. " * 400 + "item",
        "- > " * 200 + "item",
        "+ " * (MAX_NESTING + 1) + "item",
    ],
)
def test_lists_opened_on_one_line_are_too_deep_at_their_line(tmp_path, line):
    project = copy_project(tmp_path / "project")
    page = with_body(project, f"Stay pain-free.\n\n{line}\n")
    first = page.read_text(encoding="utf-8").split("\n").index(line) + 1
    out = tmp_path / "site"

    result = build(project, out)

    found = [str(d) for d in result.diagnostics if d.is_error]
    depth = line.count(" ")  # one space after each marker
    assert found == [
        f"content/pages/{page.name}:{first}: error[too-deep]: nested {depth} levels deep "
        f"(lists or quotes inside each other); at most {MAX_NESTING}"
    ]
    assert not out.exists()


def test_lists_a_few_levels_deep_on_one_line_still_build(tmp_path):
    project = copy_project(tmp_path / "project")
    with_body(project, "Stay pain-free.\n\n" + "- " * (MAX_NESTING - 1) + "item\n\n1. > - a quoted list\n")

    result = build(project, tmp_path / "site")

    assert [str(d) for d in result.diagnostics if d.is_error] == []
