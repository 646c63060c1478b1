"""The glossary cannot blow up the search data: what it adds there is bounded, with an error at the entry."""

from __future__ import annotations

import re
import string

from limber.build.pipeline import build
from limber.search.glossary import MAX_SEARCH_NAMES

EVERYWHERE = "exercises: [chin-tuck, shoulder-blade-squeeze, upper-trapezius-stretch]"


def entry_name(i: int) -> str:
    """A 40-character name, different from every other one for the glossary's comparison."""
    return ("Name " + "".join(string.ascii_lowercase[int(d)] for d in f"{i:04d}")).ljust(40, "x")


def glossary(count: int) -> str:
    lines = ["entries:"]
    for i in range(count):
        also = ", ".join(f"{entry_name(i)[:36]}{c * 4}" for c in "bcdefghi")
        lines += [f"  - name: {entry_name(i)}", f"    also: [{also}]", f"    {EVERYWHERE}"]
    return "\n".join(lines) + "\n"


def search_bytes(result) -> int:
    return len(next(o.text for o in result.outputs if o.path.as_posix() == "search/index.json").encode())


def test_entries_that_reach_every_record_stop_at_the_bound_with_an_error_at_the_entry(project):
    text = glossary(200)
    (project / "content" / "glossary.yaml").write_text(text, encoding="utf-8")

    result = build(project, write=False)

    errors = [str(d) for d in result.diagnostics if d.is_error]
    assert len(errors) == 1, errors
    match = re.fullmatch(
        r"content/glossary\.yaml:(\d+): error\[glossary-too-large\]: with glossary entry '([^']+)' "
        rf"\(it reaches (\d+) records\), the glossary adds over {MAX_SEARCH_NAMES // 1024} KiB of names "
        r"to the search data; give the entries that reach many records fewer names, or fewer terms",
        errors[0],
    )
    assert match is not None, errors[0]
    line, name, reached = int(match[1]), match[2], int(match[3])
    assert text.split("\n")[line - 1] == f"  - name: {name}"
    index = int(
        name.rstrip("x").split()[1].translate(str.maketrans(string.ascii_lowercase[:10], "0123456789"))
    )
    per_entry = reached * sum(len(n) for n in [entry_name(0)] * 9)
    assert index * per_entry <= MAX_SEARCH_NAMES < (index + 1) * per_entry
    assert not result.outputs


def test_a_glossary_within_the_bound_adds_at_most_the_bound_to_the_search_data(project):
    baseline = search_bytes(build(project, write=False))
    (project / "content" / "glossary.yaml").write_text(glossary(200), encoding="utf-8")
    result = build(project, write=False)
    first = next(d for d in result.diagnostics if d.code == "glossary-too-large")
    kept = (first.line - 2) // 3  # entries before the one that went over: from line 2, three lines each
    (project / "content" / "glossary.yaml").write_text(glossary(kept), encoding="utf-8")

    result = build(project, write=False)

    assert [str(d) for d in result.diagnostics if d.is_error] == []
    names = search_bytes(result) - baseline
    assert 0 < names <= MAX_SEARCH_NAMES * 1.1  # each 40-character name takes 3 bytes more in JSON
