"""Read content/rules.yaml: every rule checked like any content, its mistakes at their line."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from limber.diagnostics import Diagnostic, KeyPath, did_you_mean
from limber.load.checker import Checker, describe
from limber.load.front_matter import make
from limber.load.source_docs import SourceDoc
from limber.model.fields import declared
from limber.model.vocabulary import Vocabulary
from limber.rules.spec import Pattern, Rule, combine, compile_pattern

MAX_RULES = 200
MAX_PATTERNS = 100  # in one rule's `forbids`
TOP_KEY = "rules"


def read_rules(
    doc: SourceDoc, vocabularies: Mapping[str, Vocabulary]
) -> tuple[tuple[Rule, ...], list[Diagnostic]]:
    """The valid rules of the rules file, and the problems of the others."""
    checker = Checker(doc.origin, vocabularies)
    meta = doc.meta if isinstance(doc.meta, dict) else {}
    for name in meta:
        if name != TOP_KEY:
            checker.error(
                "unknown-field", f"unknown key '{name}'{did_you_mean(str(name), [TOP_KEY])}", (name,)
            )
    raw = meta.get(TOP_KEY)
    if not isinstance(raw, list) or not raw:
        checker.error("wrong-type", f"'{TOP_KEY}' should be a list of rules, got {describe(raw)}", (TOP_KEY,))
        return (), checker.problems
    if len(raw) > MAX_RULES:
        checker.error(
            "too-long", f"'{TOP_KEY}' has {len(raw)} rules; at most {MAX_RULES} allowed", (TOP_KEY,)
        )
        return (), checker.problems
    rules: list[Rule] = []
    codes: dict[str, int] = {}
    for i, item in enumerate(raw):
        key: KeyPath = (TOP_KEY, i)
        before = len(checker.problems)
        clean = checker.group(item, declared(Rule), key)
        patterns = _forbidden(checker, clean.get("forbids"), (*key, "forbids"))
        _check_mentions(checker, clean.get("requires") or {}, (*key, "requires"))
        _check_sense(checker, clean, key)
        code = clean.get("code")
        if code is not None and code in codes:
            message = f"rule code '{code}' is already used by the rule at line {codes[code]}; give each rule its own"
            checker.error("duplicate-rule", message, (*key, "code"))
        elif code is not None:
            codes[code] = doc.origin.line_of(key)
        if any(p.is_error for p in checker.problems[before:]):
            continue
        line = doc.origin.line_of(key)
        needs = tuple(dict.fromkeys(n for p in patterns for n in p.needs))
        rules.append(
            make(Rule, clean, patterns=patterns, forbidden=combine(patterns), needs=needs, line=line)
        )
    return tuple(rules), checker.problems


def _forbidden(checker: Checker, raw: Any, key: KeyPath) -> tuple[Pattern, ...]:
    """`forbids` as patterns: a list of patterns, or a mapping of pattern -> what to write."""
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [raw]
    items: list[tuple[Any, Any, KeyPath]]
    if isinstance(raw, list):
        items = [(written, None, (*key, j)) for j, written in enumerate(raw)]
    elif isinstance(raw, dict):
        items = [(written, instead, (*key, written)) for written, instead in raw.items()]
    else:
        checker.error(
            "wrong-type", f"'forbids' should be a list of patterns or a mapping, got {describe(raw)}", key
        )
        return ()
    if not items or len(items) > MAX_PATTERNS:
        checker.error("too-long" if items else "too-short", f"'forbids' needs 1–{MAX_PATTERNS} patterns", key)
        return ()
    patterns = []
    for written, instead, where in items:
        if not isinstance(written, str) or not written.strip() or len(written) > 80:
            checker.error(
                "wrong-type",
                f"a pattern in 'forbids' should be text of 1–80 characters, got {describe(written)}",
                where,
            )
            continue
        if instead is not None and (not isinstance(instead, str) or not 0 < len(instead.strip()) <= 120):
            checker.error(
                "wrong-type",
                f"what to write instead of '{written}' should be text of 1–120 characters, got {describe(instead)}",
                where,
            )
            continue
        pattern = _compiled(checker, written, where)
        if pattern is not None:
            patterns.append(Pattern(written, pattern, instead.strip() if instead else None))
    return tuple(patterns)


def _compiled(checker: Checker, written: str, key: KeyPath) -> Any:
    try:
        return compile_pattern(written)
    except ValueError as err:
        checker.error("bad-pattern", f"pattern '{written}' cannot be read: {err}", key)
        return None


def _check_mentions(checker: Checker, requires: Mapping[str, Any], key: KeyPath) -> None:
    for name in ("caution_mentions", "body_mentions"):
        for j, written in enumerate(requires.get(name, ())):
            _compiled(checker, written, (*key, name, j))


def _check_sense(checker: Checker, clean: Mapping[str, Any], key: KeyPath) -> None:
    """A rule that could never report anything, or asks a kind for what it does not have."""
    requires = clean.get("requires") or {}
    if not requires and clean.get("forbids") is None:
        checker.error(
            "empty-rule", "the rule neither requires nor forbids anything; add 'requires' or 'forbids'", key
        )
    for name in ("where", "at_most"):
        if name in clean and clean.get("forbids") is None:
            checker.error(
                "empty-rule", f"'{name}' applies to 'forbids', which this rule does not have", (*key, name)
            )
    kinds = set(clean.get("applies_to", ("exercises",)))
    exercise_only = [n for n in requires if n not in ("body_mentions", "floor_trips_at_most")]
    for name in exercise_only:
        if "exercises" not in kinds:
            checker.error(
                "empty-rule",
                f"'requires.{name}' checks exercises; add exercises to 'applies_to'",
                (*key, "requires", name),
            )
    if "floor_trips_at_most" in requires and "routines" not in kinds:
        checker.error(
            "empty-rule",
            "'requires.floor_trips_at_most' checks routines; add routines to 'applies_to'",
            (*key, "requires"),
        )
