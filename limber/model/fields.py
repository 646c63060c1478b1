"""How a field is declared: its kind (type and limits) and its editors' text.

A field is declared once, on the record that holds it (limber.model.records, limber.model.dosage,
limber.model.vocabulary), as dataclass metadata:

    hold: int | None = field(default=None, metadata=HOLD)

Everything else is derived from those declarations: the checker walks them, records are
built from them, and the editors' field reference, the JSON Schema and the `new` scaffold
are generated from them. Required means "has no default".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

SECONDS = " of seconds"
FILL_IN = "FILL-IN"  # what the `new` scaffold writes where the editor must choose a value


@dataclass(frozen=True, slots=True)
class Kind:
    """What a field holds. `expected` is how error messages and the docs name it."""

    name: str  # text | lines | int | flag | choice | choices | term | terms | slug | slugs | date | group | steps | data
    expected: str
    lo: int | None = None  # numbers: minimum; text and lists: minimum length / items
    hi: int | None = None
    vocabulary: str | None = None  # term, terms
    choices: tuple[str, ...] = ()  # choice
    item_max: int | None = None  # lines: characters per item
    record: type | None = None  # group, steps: the record class whose fields it holds


@dataclass(frozen=True, slots=True)
class Declared:
    """What a record's dataclass field carries in its metadata."""

    kind: Kind
    doc: str
    example: Any = None  # a value the `new` scaffold writes (None: derived from the kind)


@dataclass(frozen=True, slots=True)
class Field:
    """One declared field of a record, as the checker and the generated docs see it."""

    name: str
    kind: Kind
    required: bool
    doc: str
    default: Any = None
    example: Any = None


def declare(kind: Kind, doc: str, example: Any = None) -> Mapping[str, Declared]:
    """The metadata of a declared field: `field(metadata=declare(whole(1, 10), "sets"))`."""
    return {"limber": Declared(kind, doc, example)}


def declared(record: type) -> tuple[Field, ...]:
    """The front-matter fields of a record class, in declaration order."""
    out = []
    for f in dataclasses.fields(record):
        spec = f.metadata.get("limber")
        if spec is None:
            continue  # slug, body, origin: not written by editors
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        default = None if required else (f.default if f.default is not dataclasses.MISSING else None)
        out.append(Field(f.name, spec.kind, required, spec.doc, default, spec.example))
    return tuple(out)


def text(lo: int, hi: int) -> Kind:
    return Kind("text", "text", lo, hi)


def lines(lo: int, hi: int, item_max: int) -> Kind:
    return Kind("lines", "a list of text lines", lo, hi, item_max=item_max)


def whole(lo: int, hi: int, unit: str = "") -> Kind:
    return Kind("int", f"a whole number{unit}", lo, hi)


def choice(*choices: str) -> Kind:
    return Kind("choice", "one of " + ", ".join(choices), choices=choices)


def choices(lo: int, hi: int, *names: str) -> Kind:
    return Kind("choices", "a list of: " + ", ".join(names), lo, hi, choices=names)


def term(vocabulary: str) -> Kind:
    return Kind("term", f"a term from {vocabulary}", vocabulary=vocabulary)


def terms(vocabulary: str, lo: int, hi: int) -> Kind:
    return Kind("terms", f"a list of terms from {vocabulary}", lo, hi, vocabulary=vocabulary)


def slugs(hi: int) -> Kind:
    return Kind("slugs", "a list of exercise slugs", 0, hi)


def group(record: type) -> Kind:
    return Kind("group", "a mapping of fields", record=record)


def steps(record: type, lo: int, hi: int) -> Kind:
    return Kind("steps", "a list of steps", lo, hi, record=record)


FLAG = Kind("flag", "true or false")
DATE = Kind("date", "a date YYYY-MM-DD")
SLUG = Kind("slug", "an exercise slug")
SLUG_TEXT = Kind("text", "a slug", 1, 80)
DATA = Kind("data", "a mapping")  # checked by its own validator (figures)


def rule(kind: Kind) -> str:
    """The rule of a kind in the editors' words."""
    if kind.name == "int":
        return f"whole number {kind.lo}–{kind.hi}" + (" (seconds)" if "seconds" in kind.expected else "")
    if kind.name == "text":
        return (
            f"text, {kind.hi} characters at most"
            if kind.lo in (None, 1)
            else f"text, {kind.lo}–{kind.hi} characters"
        )
    if kind.name == "lines":
        return f"list of {kind.lo}–{kind.hi} lines, each ≤ {kind.item_max} characters"
    if kind.name == "terms":
        return f"list of {kind.lo}–{kind.hi} terms from `{kind.vocabulary}`"
    if kind.name == "term":
        return f"one term from `{kind.vocabulary}`"
    if kind.name == "choice":
        return "one of " + ", ".join(f"`{c}`" for c in kind.choices)
    if kind.name == "choices":
        return f"list of {kind.lo}–{kind.hi} of " + ", ".join(f"`{c}`" for c in kind.choices)
    if kind.name == "slugs":
        return f"list of up to {kind.hi} exercise slugs"
    if kind.name == "steps":
        return f"list of {kind.lo}–{kind.hi} steps"
    return {
        "flag": "`true` or `false`",
        "date": "date `YYYY-MM-DD` (quoted or not)",
        "slug": "an exercise slug",
        "group": "mapping",
        "data": "mapping (see below)",
    }[kind.name]


def _default_text(field: Field) -> str:
    if field.required or field.default in (None, (), ""):
        return ""
    value = field.default
    shown = "true" if value is True else "false" if value is False else str(value)
    if isinstance(value, tuple):
        shown = f"[{', '.join(value)}]"
    return f"; default `{shown}`"


def table(title: str, fields: tuple[Field, ...]) -> list[str]:
    rows = [f"### {title}", "", "| field | required | rule | what it is |", "| --- | --- | --- | --- |"]
    rows += [
        f"| `{f.name}` | {'yes' if f.required else 'no'} | {rule(f.kind)}{_default_text(f)} | {f.doc} |"
        for f in fields
    ]
    return [*rows, ""]
