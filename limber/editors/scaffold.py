"""`python build.py new exercise|routine "Title"`: a new content file from the declarations.

Every field is written, with a comment giving what it expects and its allowed values. The
values an editor must still choose are FILL_IN, which `check` reports as "still to fill in"
(code `fill-in`), so a fresh scaffold fails only on what is left to write. An exercise given a
position (`--position`) gets it filled in and a figure started from the named pose for it.
"""

from __future__ import annotations

import difflib
import json
import re
import textwrap
from collections.abc import Mapping
from functools import partial
from pathlib import Path, PurePosixPath

from limber import routes
from limber.diagnostics import Origin, visible
from limber.editors.figure_start import figure_lines, named_poses_note
from limber.load.body_text import EXERCISE_SECTIONS
from limber.load.checker import Checker
from limber.load.front_matter import MAX_SLUG, SLUG
from limber.load.source_docs import unsafe_characters
from limber.load.sources import read_doc
from limber.load.taxonomies import validate_taxonomies
from limber.load.yaml_reader import YamlProblem, parse_yaml
from limber.model.fields import FILL_IN, Field, declared, rule
from limber.model.records import Exercise, Routine
from limber.model.vocabulary import Vocabulary
from limber.rules import read_rules

FOLDERS = {"exercise": routes.EXERCISES.rstrip("/"), "routine": routes.ROUTINES.rstrip("/")}
RECORDS: Mapping[str, type] = {"exercise": Exercise, "routine": Routine}
LEFT_FOR_REVIEW = ("reviewed",)  # a reviewer fills these in
WIDTH = 100  # characters in a line of a new file, comments included
GUIDE = "content/README.md"
# A declaration's "(see Figures below)" points at a section of the guide, below in the guide.
_SEE_BELOW = re.compile(r" \(see ([A-Z][a-z]*(?: [a-z]+)*) below\)")
STEP_NOTE = f'each step names an exercise and may change its dosage; see "Routines" in {GUIDE}'


class ScaffoldError(ValueError):
    """The scaffold cannot be written (bad title, file exists)."""


def slug_for(title: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", title.lower()))


def _notes(field: Field, vocabularies: Mapping[str, Vocabulary], ruled: Mapping[str, str]) -> list[str]:
    """What a field's comment says: required or not, its rule and meaning, then its allowed terms."""
    kind = field.kind
    rule_text = rule(kind).removesuffix(" (see below)")  # a data field's table is in the guide
    doc = _SEE_BELOW.sub(lambda m: f' (see "{m[1]}" in {GUIDE})', field.doc)
    need = "required" if field.required else ruled.get(field.name, "optional")
    notes = [f"{need}: {rule_text} — {doc}"]
    if kind.vocabulary and kind.vocabulary in vocabularies:
        notes.append("allowed: " + ", ".join(t.slug for t in vocabularies[kind.vocabulary].terms))
    return notes


def _annotated(line: str, indent: str, notes: list[str]) -> list[str]:
    """*line* with its *notes* as comments: beside it while they fit in WIDTH, then on lines below."""
    if not notes:
        return [line]
    below = WIDTH - len(indent) - len("  # ")
    wrap = partial(textwrap.wrap, break_long_words=False, break_on_hyphens=False)  # slugs stay whole
    first, *rest = notes
    beside = wrap(first, WIDTH - len(line) - len("  # "))
    if len(beside) > 1:  # the rest of the first note is wrapped again, at the full width
        rest = [" ".join(beside[1:]), *rest]
    out = [f"{line}  # {beside[0]}"]
    out += [f"{indent}  # {chunk}" for note in rest for chunk in wrap(note, below)]
    return out


def _value(field: Field) -> str:
    """What the scaffold writes for a field: an example if the declaration gives one, else FILL_IN."""
    if isinstance(field.example, list):
        return "[" + ", ".join(str(item) for item in field.example) + "]"
    if field.example is not None:
        return str(field.example).lower() if isinstance(field.example, bool) else str(field.example)
    if field.kind.name in ("lines", "terms"):
        return f"[{FILL_IN}]"
    return FILL_IN


def _lines(
    fields: tuple[Field, ...],
    vocabularies: Mapping[str, Vocabulary],
    indent: str,
    ruled: Mapping[str, str],
    *,
    off: bool = False,
    position: str | None = None,
) -> list[str]:
    """The fields with their comments; an optional one without an example commented out (all if *off*).

    *position*: the exercise's position, written as its value and the figure started from it.
    """
    out: list[str] = []
    for field in fields:
        notes = _notes(field, vocabularies, ruled)
        shown = off or (not field.required and field.name not in ruled and field.example is None)
        key = f"{indent}# {field.name}:" if shown or field.kind.name == "data" else f"{indent}{field.name}:"
        if field.name in LEFT_FOR_REVIEW:
            out += _annotated(
                f"{indent}# {field.name}: YYYY-MM-DD", indent, [f"{field.doc}; a reviewer fills this in"]
            )
        elif field.kind.name == "group" and field.kind.record is not None:
            out += _annotated(key, indent, notes)
            out += _lines(declared(field.kind.record), vocabularies, indent + "  ", {}, off=shown)
        elif field.name == "figure" and position is not None:
            out += _annotated(f"{indent}{field.name}:", indent, notes)
            for line, comments in figure_lines(position, GUIDE):
                out += _annotated(f"{indent}  {line}", f"{indent}  ", comments)
        elif field.name == "figure":
            out += _annotated(key, indent, [*notes, named_poses_note(GUIDE)])
        elif field.kind.name == "data":
            out += _annotated(key, indent, notes)
        else:
            value = position if field.name == "position" and position is not None else _value(field)
            out += _annotated(f"{key} {value}", indent, notes)
    return out


def scaffold_text(
    kind: str,
    title: str,
    vocabularies: Mapping[str, Vocabulary],
    ruled: Mapping[str, str] | None = None,
    position: str | None = None,
) -> str:
    """The new file's text.

    *ruled*: optional fields the project's rules ask for (project_rules); *position*: an
    exercise's position (checked by position_problem), which starts its figure.
    """
    fields = declared(RECORDS[kind])
    ruled = ruled if kind == "exercise" and ruled is not None else {}
    front = _lines(
        tuple(f for f in fields if f.name not in ("title", "steps")),
        vocabularies,
        "",
        ruled,
        position=position,
    )
    if kind == "routine":
        (steps,) = (f for f in fields if f.name == "steps")
        front += _annotated("steps:", "", [*_notes(steps, vocabularies, {}), STEP_NOTE])
        front += [f"  - exercise: {FILL_IN}  # an exercise's slug (its file name without .md)"]
        front += [f"  - exercise: {FILL_IN}"]
        body = [f"{FILL_IN}: say what the routine is for and who it suits. Keep every move pain-free."]
    else:
        body = [
            f"{FILL_IN}: an introduction — what is particular to this exercise, who it suits. Keep it pain-free.",
            "",
        ]
        for heading in EXERCISE_SECTIONS:
            body += [f"## {heading}", ""]
            body += [f"1. {FILL_IN}"] if heading == EXERCISE_SECTIONS[0] else [f"- {FILL_IN}"]
            body.append("")
    return "\n".join(["---", title_line(title), *front, "---", *body]).rstrip("\n") + "\n"


def title_line(title: str) -> str:
    """`title: ...` as YAML that reads back as *title*: plain when it does, else double-quoted."""
    for shown in (title, json.dumps(title, ensure_ascii=False)):
        try:
            value, _ = parse_yaml(f"title: {shown}")
        except YamlProblem:
            continue
        if value == {"title": title}:
            return f"title: {shown}"
    raise ScaffoldError(f"the title {json.dumps(title)} cannot be written as YAML text")


def title_problem(kind: str, title: str) -> str | None:
    """Why `check` would refuse *title* in a new file, in the words `check` uses, or None."""
    try:
        title.encode("utf-8")
    except UnicodeEncodeError:
        return "the title is not valid UTF-8 text; type it again"
    found = unsafe_characters(PurePosixPath("title"), title)
    if found:
        return f"the title holds {found[0].message}"
    checker = Checker(Origin(PurePosixPath("title"), {}), {})
    (spec,) = (f for f in declared(RECORDS[kind]) if f.name == "title")
    checker.value(title, spec.kind, ("title",))
    return checker.problems[0].message if checker.problems else None


def position_problem(kind: str, position: str, vocabularies: Mapping[str, Vocabulary]) -> str | None:
    """Why `--position` *position* cannot be written in a new *kind*, or None."""
    if kind != "exercise":
        return f"--position is for exercises; a {kind} has no position"
    (spec,) = (f for f in declared(Exercise) if f.name == "position")
    vocabulary = vocabularies.get(spec.kind.vocabulary or "")
    known = [term.slug for term in vocabulary.terms] if vocabulary is not None else []
    if position in known:
        return None
    guess = difflib.get_close_matches(position, known, n=1)
    hint = f" (did you mean '{guess[0]}'?)" if guess else ""
    listed = ", ".join(known) or "none are declared"
    return f"--position '{visible(position)}' is not a position{hint}; use one of: {listed}"


def project_vocabularies(project: Path) -> dict[str, Vocabulary]:
    """The project's vocabularies, for the allowed values in comments (empty if unreadable)."""
    rel = PurePosixPath("content", "taxonomies.yaml")
    doc, _ = read_doc(project / rel, rel, "taxonomies")
    return validate_taxonomies(doc)[0] if doc is not None else {}


def project_rules(project: Path, vocabularies: Mapping[str, Vocabulary]) -> dict[str, str]:
    """Exercise fields that content/rules.yaml asks of every exercise, with how it asks."""
    rel = PurePosixPath("content", "rules.yaml")
    if not (project / rel).is_file():
        return {}
    doc, _ = read_doc(project / rel, rel, "rules")
    ruled: dict[str, str] = {}
    for found in read_rules(doc, vocabularies)[0] if doc is not None else ():
        if found.when is None and found.requires is not None and "exercises" in found.applies_to:
            need = (
                "required by content/rules.yaml"
                if found.severity == "error"
                else "expected by content/rules.yaml"
            )
            ruled |= dict.fromkeys(found.requires.fields, need)
            if found.requires.first_caution_starts or found.requires.every_caution_starts:
                ruled["cautions"] = need  # a rule on how cautions start needs one to start
    return ruled


def write_scaffold(
    project: Path,
    kind: str,
    title: str,
    vocabularies: Mapping[str, Vocabulary],
    ruled: Mapping[str, str] | None = None,
    position: str | None = None,
) -> Path:
    """Write content/<kind>s/<slug>.md; refuse a bad title or *position*, or an existing file."""
    title = title.strip()
    problem = title_problem(kind, title)
    if problem is None and position is not None:
        problem = position_problem(kind, position, vocabularies)
    if problem is not None:
        raise ScaffoldError(problem)
    slug = slug_for(title)
    if not slug or not SLUG.fullmatch(slug) or len(slug) > MAX_SLUG:
        raise ScaffoldError(f"'{title}' makes no valid slug; use letters and digits in the title")
    target = project / "content" / FOLDERS[kind] / f"{slug}.md"
    if target.exists():
        raise ScaffoldError(
            f"{target.relative_to(project)} already exists; pick another title or edit that file"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(scaffold_text(kind, title, vocabularies, ruled, position), encoding="utf-8")
    return target
