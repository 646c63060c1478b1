"""Stage 2 (validate), the generic half: walk front matter against the field tables.

Reports every unknown field, missing field, wrong type, out-of-range number and unknown term,
with the line of the field, and returns the values converted. front_matter.py adds the rules that
tie fields together and builds the records.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from limber.diagnostics import Diagnostic, KeyPath, Origin, did_you_mean
from limber.model import fields as F
from limber.model.vocabulary import Vocabulary

_DURATION = re.compile(r"\d+:\d{1,2}")


def dotted(key: KeyPath) -> str:
    """("steps", 2, "hold") -> "steps[3].hold" (steps count from 1, as editors do)."""
    out = ""
    for part in key:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "nothing"


@dataclass
class Checker:
    """Walks one document's front matter against field tables, collecting problems."""

    origin: Origin
    vocabularies: Mapping[str, Vocabulary]
    problems: list[Diagnostic] = field(default_factory=list)

    def error(self, code: str, message: str, key: KeyPath) -> None:
        self.problems.append(self.origin.error(code, message, key))

    def warn(self, code: str, message: str, key: KeyPath) -> None:
        self.problems.append(self.origin.warning(code, message, key))

    def group(self, meta: Any, specs: tuple[F.Field, ...], key: KeyPath = ()) -> dict[str, Any]:
        """Check a mapping against *specs* (limber.model.fields.declared); return the valid fields."""
        if not isinstance(meta, dict):
            self.error(
                "wrong-type",
                f"'{dotted(key)}' should be a mapping of fields, got {describe(meta)}",
                key,
            )
            return {}
        names = [spec.name for spec in specs]
        for name in meta:
            if name not in names:
                where = f"'{dotted((*key, name))}'"
                self.error(
                    "unknown-field",
                    f"unknown field {where}{did_you_mean(name, names)}",
                    (*key, name),
                )
        clean: dict[str, Any] = {}
        for spec in specs:
            if meta.get(spec.name) is None:
                if spec.required:
                    self.error(
                        "missing-field",
                        f"missing required field '{dotted((*key, spec.name))}'",
                        key,
                    )
                continue
            value = self.value(meta[spec.name], spec.kind, (*key, spec.name))
            if value is not None:
                clean[spec.name] = value
        return clean

    def value(self, value: Any, kind: F.Kind, key: KeyPath) -> Any:
        """One field's value converted, or None (after reporting) if it is invalid."""
        name = dotted(key)
        if value == F.FILL_IN or (isinstance(value, list) and F.FILL_IN in value):
            self.error("fill-in", f"'{name}' is still to fill in: {F.rule(kind)}{self.allowed(kind)}", key)
            return None
        if kind.name in ("text", "date", "choice", "term", "slug") and not isinstance(value, str):
            self.wrong_type(name, kind, value, key)
            return None
        if kind.name in ("lines", "choices", "terms", "slugs", "steps") and not isinstance(value, list):
            if isinstance(value, str) and kind.name != "steps":
                value = [value]  # a single item without brackets is a list of one
            else:
                self.wrong_type(name, kind, value, key)
                return None
        check = getattr(self, f"check_{kind.name}")
        return check(value, kind, key, name)

    def allowed(self, kind: F.Kind) -> str:
        vocabulary = self.vocabularies.get(kind.vocabulary or "")
        return "; allowed: " + ", ".join(t.slug for t in vocabulary.terms) if vocabulary else ""

    def wrong_type(self, name: str, kind: F.Kind, value: Any, key: KeyPath) -> None:
        hint = ""
        if kind.name == "int" and isinstance(value, str) and _DURATION.fullmatch(value):
            minutes, secs = value.split(":")
            hint = f"; durations are whole seconds: write {int(minutes) * 60 + int(secs)}"
        self.error(
            "wrong-type",
            f"'{name}' should be {kind.expected}, got {describe(value)}{hint}",
            key,
        )

    def length(self, name: str, count: int, kind: F.Kind, key: KeyPath, unit: str) -> bool:
        if kind.lo is not None and count < kind.lo:
            self.error(
                "too-short",
                f"'{name}' has {count} {unit}; at least {kind.lo} needed",
                key,
            )
            return False
        if kind.hi is not None and count > kind.hi:
            self.error(
                "too-long",
                f"'{name}' has {count} {unit}; at most {kind.hi} allowed",
                key,
            )
            return False
        return True

    def check_text(self, value: str, kind: F.Kind, key: KeyPath, name: str) -> str | None:
        value = value.strip()
        if "\n" in value:
            self.error("multi-line", f"'{name}' must be one line", key)
            return None
        return value if self.length(name, len(value), kind, key, "characters") else None

    def check_lines(self, value: list[Any], kind: F.Kind, key: KeyPath, name: str) -> tuple[str, ...] | None:
        item_kind = F.text(1, kind.item_max or 200)
        items = [self.value(item, item_kind, (*key, i)) for i, item in enumerate(value)]
        if None in items:
            return None
        return tuple(items) if self.length(name, len(items), kind, key, "items") else None

    def check_int(self, value: Any, kind: F.Kind, key: KeyPath, name: str) -> int | None:
        # bool is a subclass of int: 'hold: true' must not pass as 1.
        if isinstance(value, bool) or not isinstance(value, int):
            self.wrong_type(name, kind, value, key)
            return None
        assert kind.lo is not None and kind.hi is not None
        if not kind.lo <= value <= kind.hi:
            self.error(
                "out-of-range",
                f"'{name}' must be between {kind.lo} and {kind.hi}, got {value}",
                key,
            )
            return None
        return value

    def check_flag(self, value: Any, kind: F.Kind, key: KeyPath, name: str) -> bool | None:
        if not isinstance(value, bool):
            self.wrong_type(name, kind, value, key)
            return None
        return value

    def check_choice(self, value: str, kind: F.Kind, key: KeyPath, name: str) -> str | None:
        if value not in kind.choices:
            allowed = ", ".join(kind.choices)
            self.error(
                "unknown-value",
                f"'{name}' is '{value}'{did_you_mean(value, kind.choices)}; expected one of: {allowed}",
                key,
            )
            return None
        return value

    def check_term(self, value: str, kind: F.Kind, key: KeyPath, name: str) -> str | None:
        assert kind.vocabulary is not None
        vocabulary = self.vocabularies.get(kind.vocabulary)
        if vocabulary is None:
            return value  # the vocabulary file is broken; that is reported there
        slugs = [t.slug for t in vocabulary.terms]
        if value not in slugs:
            what = kind.vocabulary.rstrip("s") if kind.vocabulary != "equipment" else "equipment"
            self.error(
                "unknown-term",
                f"unknown {what} '{value}' in '{name}'{did_you_mean(value, slugs)}; allowed: {', '.join(slugs)}",
                key,
            )
            return None
        return value

    def check_terms(self, value: list[Any], kind: F.Kind, key: KeyPath, name: str) -> tuple[str, ...] | None:
        return self.unique_list(value, kind, key, name, F.term(kind.vocabulary or ""))

    def check_choices(
        self, value: list[Any], kind: F.Kind, key: KeyPath, name: str
    ) -> tuple[str, ...] | None:
        return self.unique_list(value, kind, key, name, F.choice(*kind.choices))

    def check_slug(self, value: str, kind: F.Kind, key: KeyPath, name: str) -> str | None:
        return value.strip()  # whether it names an exercise is the link stage's question

    def check_slugs(self, value: list[Any], kind: F.Kind, key: KeyPath, name: str) -> tuple[str, ...] | None:
        return self.unique_list(value, kind, key, name, F.SLUG)

    def unique_list(
        self, value: list[Any], kind: F.Kind, key: KeyPath, name: str, item_kind: F.Kind
    ) -> tuple[str, ...] | None:
        items = [self.value(item, item_kind, (*key, i)) for i, item in enumerate(value)]
        if None in items:
            return None
        for i, item in enumerate(items):
            if item in items[:i]:
                self.error("duplicate-item", f"'{name}' lists '{item}' twice", (*key, i))
                return None
        return tuple(items) if self.length(name, len(items), kind, key, "items") else None

    def check_date(self, value: str, kind: F.Kind, key: KeyPath, name: str) -> str | None:
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError
            datetime.date.fromisoformat(value)
        except ValueError:
            self.error(
                "bad-date",
                f"'{name}' is '{value}', not a real date written YYYY-MM-DD",
                key,
            )
            return None
        return value

    def check_data(self, value: Any, kind: F.Kind, key: KeyPath, name: str) -> Any:
        return value  # checked by its own validator once the record is built

    def check_group(self, value: Any, kind: F.Kind, key: KeyPath, name: str) -> dict[str, Any] | None:
        assert kind.record is not None
        before = len(self.problems)
        clean = self.group(value, F.declared(kind.record), key)
        return clean if len(self.problems) == before else None

    def check_steps(
        self, value: list[Any], kind: F.Kind, key: KeyPath, name: str
    ) -> list[dict[str, Any]] | None:
        steps = [self.check_group(item, kind, (*key, i), name) for i, item in enumerate(value)]
        if None in steps or not self.length(name, len(steps), kind, key, "steps"):
            return None
        return steps  # type: ignore[return-value]
