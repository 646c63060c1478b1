"""Property tests: whatever the front matter or body holds, the build returns a site or diagnostics.

It never raises, and it writes nothing when there is an error. Example counts stay modest so the
suite stays fast; a failure prints the example that caused it.
"""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from limber.build.pipeline import build
from limber.editors.scaffold import ScaffoldError, write_scaffold
from limber.figures.bases import BASE
from limber.figures.regions import markable
from limber.figures.spec import FIGURE_KEYS, LIMB, POSE_KEYS, PROP
from limber.load.source_docs import parse_doc
from tests.conftest import copy_project

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
EXERCISE = "content/exercises/chin-tuck.md"
ROUTINE = "content/routines/desk-minute.md"
# Words the schema knows, so generated values sometimes get past the first check.
KNOWN = [
    "beginner", "advanced", "chin-tuck", "desk-minute", "neck", "none", "chair", "each", "both",
    "day", "stretch", "seated", "2026-11-24", "2025-02-30", "1:30", "yes", "no", "null", "~", "",
    "own", "chin.png", "[[chin-tuck]]", "<b>", "javascript:x", "{{ 7*7 }}", "9" * 5000,
]  # fmt: skip
TEXT = st.text(st.characters(codec="utf-8"), max_size=30)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.integers(),
    st.floats(allow_nan=True),
    TEXT,
    st.sampled_from(KNOWN),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KNOWN) | TEXT, inner, max_size=4)
    ),
    max_leaves=12,
)
MARKDOWN = [
    "\n", "\n\n", "## ", "# ", "1. ", "- ", "[[", "]]", "|", "`", "*", "_", "[", "](", ")", "<", ">",
    "&", "---\n", "    ", "> ", "## How to do it\n", "## Tips\n", "## Avoid\n",
]  # fmt: skip
BODY = st.lists(st.characters(codec="utf-8") | st.sampled_from(MARKDOWN), max_size=80).map("".join)


class Scratch:
    """The fixture project, one file changed per example and put back after, and a new output folder."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.count = 0

    @contextmanager
    def changed(self, name: str, change: Callable[[str], str]) -> Iterator[Path]:
        path = self.project / name
        original = path.read_text(encoding="utf-8")
        path.write_text(change(original), encoding="utf-8")
        self.count += 1
        out = self.project.parent / f"site-{self.count}"
        try:
            yield out
        finally:
            path.write_text(original, encoding="utf-8")
            shutil.rmtree(out, ignore_errors=True)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Scratch:
    return Scratch(copy_project(tmp_path_factory.mktemp("properties") / "project"))


def split(text: str) -> tuple[dict[str, Any], str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def joined(meta: Any, body: str) -> str:
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n{body}"


def assert_site_or_diagnostics(project: Path, out: Path) -> None:
    result = build(project, out)  # raising fails the test and shows the example

    if result.ok:
        assert result.wrote
        assert (out / "index.html").is_file()
    else:
        assert result.diagnostics
        assert not result.wrote
        assert not out.exists()


@SETTINGS
@given(data=st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_any_bytes_parse_to_a_document_or_diagnostics(data):
    for kind in ("exercise", "routine", "page", "site", "taxonomies"):
        doc, problems = parse_doc(PurePosixPath("content/exercises/x.md"), data, kind)

        assert doc is not None or problems
        if doc is not None:  # read on past refused characters, so the file's other problems show too
            assert {p.code for p in problems} <= {"control-character"}
        assert all(p.line is None or p.line >= 1 for p in problems)


@SETTINGS
@given(
    name=st.sampled_from([EXERCISE, ROUTINE]),
    key=st.sampled_from(["title", "summary", "level", "dosage", "cues", "steps", "related", "image", "x"])
    | TEXT,
    value=VALUES,
)
def test_any_front_matter_value_gives_a_site_or_diagnostics(scratch, name, key, value):
    def change(text: str) -> str:
        meta, body = split(text)
        return joined({**meta, key: value}, body)

    with scratch.changed(name, change) as out:
        assert_site_or_diagnostics(scratch.project, out)


@SETTINGS
@given(
    path=st.sampled_from(
        [("dosage", "hold"), ("dosage", "frequency"), ("steps", 1), ("image",), ("cautions", 0)]
    ),
    value=VALUES,
)
def test_any_nested_value_gives_a_site_or_diagnostics(scratch, path, value):
    def change(text: str) -> str:
        meta, body = split(text)
        holder = meta
        for part in path[:-1]:
            holder = holder[part]
        if isinstance(holder, list):
            holder[path[-1] % len(holder)] = value
        else:
            holder[path[-1]] = value
        return joined(meta, body)

    with scratch.changed(ROUTINE if path[0] == "steps" else EXERCISE, change) as out:
        assert_site_or_diagnostics(scratch.project, out)


@SETTINGS
@given(line=st.text(st.characters(codec="utf-8"), max_size=60))
def test_any_raw_front_matter_line_gives_a_site_or_diagnostics(scratch, line):
    def change(text: str) -> str:
        return text.replace("level: beginner\n", f"level: beginner\n{line}\n", 1)

    with scratch.changed(EXERCISE, change) as out:
        assert_site_or_diagnostics(scratch.project, out)


@SETTINGS
@given(body=BODY, name=st.sampled_from([EXERCISE, ROUTINE, "content/pages/home.md"]))
def test_any_body_gives_a_site_or_diagnostics(scratch, body, name):
    with scratch.changed(name, lambda text: joined(split(text)[0], body)) as out:
        assert_site_or_diagnostics(scratch.project, out)


# --- new titles, glossary entries and figures --------------------------------------------------

TITLE_WORDS = ["null", "true", "- ", "? ", "#", ": ", "'", '"', "\r", "\u2028", "\u0085", "\u202e", "\t", "FILL-IN", " "]  # fmt: skip
TITLES = st.lists(st.characters(codec="utf-8") | st.sampled_from(TITLE_WORDS), max_size=30).map("".join)


@SETTINGS
@given(title=TITLES | TEXT)
def test_any_new_title_gives_a_file_check_reads_back_or_a_clear_refusal(scratch, title):
    try:
        path = write_scaffold(scratch.project, "exercise", title, {})
    except ScaffoldError as err:
        assert str(err) and "\n" not in str(err)
        return
    try:
        rel = path.relative_to(scratch.project)
        doc, problems = parse_doc(rel, path.read_bytes(), "exercise")
        assert problems == [] and doc is not None
        assert doc.meta["title"] == unicodedata.normalize("NFC", title.strip())
        result = build(scratch.project, write=False)
        assert {d.code for d in result.diagnostics if d.path == rel and d.is_error} == {"fill-in"}
    finally:
        path.unlink()


GLOSSARY_WORDS = ["name", "also", "means", "areas", "muscles", "equipment", "positions", "exercises", "neck", "chin-tuck"]  # fmt: skip
ENTRY = st.dictionaries(st.sampled_from(GLOSSARY_WORDS) | TEXT, VALUES, max_size=5)


@SETTINGS
@given(entries=st.lists(ENTRY, max_size=4) | VALUES)
def test_any_glossary_gives_a_site_or_diagnostics(scratch, entries):
    glossary = scratch.project / "content" / "glossary.yaml"
    glossary.write_text(yaml.safe_dump({"entries": entries}, allow_unicode=True), encoding="utf-8")
    try:
        with scratch.changed(EXERCISE, lambda text: text) as out:
            assert_site_or_diagnostics(scratch.project, out)
    finally:
        glossary.unlink()


FIGURE_WORDS = [*FIGURE_KEYS, *POSE_KEYS, *LIMB, *BASE, *PROP, *markable()[:6], "to", "joint", "at", "turn"]  # fmt: skip
FIGURE_VALUES = st.recursive(
    SCALARS | st.sampled_from(FIGURE_WORDS) | st.integers(-200, 200),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.sampled_from(FIGURE_WORDS), inner, max_size=5)
    ),
    max_leaves=16,
)


@SETTINGS
@given(figure=FIGURE_VALUES)
def test_any_figure_gives_a_site_or_diagnostics(scratch, figure):
    def change(text: str) -> str:
        meta, body = split(text)
        return joined({**meta, "figure": figure}, body)

    with scratch.changed(EXERCISE, change) as out:
        assert_site_or_diagnostics(scratch.project, out)
