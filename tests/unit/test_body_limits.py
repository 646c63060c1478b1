"""Bodies that would make Markdown slow or recursive are refused before it runs, at their line."""

from __future__ import annotations

from pathlib import Path

import pytest

from limber.build.pipeline import build
from limber.load.body_text import MAX_BRACKETS, MAX_NESTING
from tests.conftest import copy_project


def with_body(project: Path, body: str) -> Path:
    page = project / "content" / "pages" / "safety.md"
    head = page.read_text(encoding="utf-8").split("\n---\n", 1)[0]
    page.write_text(head + "\n---\n" + body, encoding="utf-8")
    return page


def errors(project: Path, out: Path) -> list[str]:
    result = build(project, out)
    return [str(d) for d in result.diagnostics if d.is_error]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("".join("\t" * i + "- a\n" for i in range(400)), "too-deep"),  # was a RecursionError
        (">" * 40 + " quoted\n", "too-deep"),
        ("Intro, pain-free.\n\n" + "[a](" * 20000 + "\n", "too-many-brackets"),  # was minutes of work
        ("[" * 20000 + "\n", "too-many-brackets"),
    ],
)
def test_costly_bodies_are_errors_at_their_line_and_nothing_is_written(tmp_path, body, code):
    project = copy_project(tmp_path / "project")
    page = with_body(project, body)
    out = tmp_path / "site"

    found = errors(project, out)

    assert len(found) == 1 and f"error[{code}]" in found[0]
    assert found[0].startswith(f"content/pages/{page.name}:")
    assert not out.exists()


def test_ordinary_nesting_and_links_are_fine(tmp_path):
    project = copy_project(tmp_path / "project")
    nested = "".join("    " * i + "- level\n" for i in range(MAX_NESTING - 1))
    links = " ".join(f"[link {i}](https://example.org/{i})" for i in range(MAX_BRACKETS // 2))
    with_body(project, f"Stay pain-free.\n\n{nested}\n{links}\n\nSee [[chin-tuck]].\n")

    assert errors(project, tmp_path / "site") == []


def test_a_free_page_may_not_take_an_address_the_site_uses(tmp_path):
    project = copy_project(tmp_path / "project")
    pages = project / "content" / "pages"
    (pages / "areas.md").write_text((pages / "safety.md").read_text(encoding="utf-8"), encoding="utf-8")

    found = errors(project, tmp_path / "site")

    assert found == [
        "content/pages/areas.md:1: error[reserved-slug]: a page named 'areas' would take the address /areas/, which the site uses for the body areas index; rename the file"
    ]
