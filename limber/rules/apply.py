"""Apply the rules to a linked Site: every problem at its file and line, with the rule's code."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from limber.diagnostics import Diagnostic, KeyPath, Severity
from limber.model.records import Exercise, Record, Routine, Site
from limber.rules.spec import AVOID_HEADING, Rule, Words, compile_pattern

KIND_OF = {"exercise": "exercises", "routine": "routines", "page": "pages"}
Terms = dict[str, tuple[str, ...]]  # vocabulary -> an exercise's terms in it


@dataclass(frozen=True, slots=True)
class Text:
    """One piece of a record's text, and the file line it starts on."""

    where: str  # one of limber.rules.spec.TEXTS
    text: str
    line: int
    is_body: bool = False
    words: Words = field(init=False)  # for the rules' quick test (Rule.may_match)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", Words.of(self.text))

    def line_at(self, offset: int) -> int:
        return self.line + self.text.count("\n", 0, offset) if self.is_body else self.line


@cache
def pattern(written: str) -> re.Pattern[str]:
    """A pattern from the rules file, compiled once (read_rules has reported any that cannot be)."""
    return compile_pattern(written)


def apply_rules(
    site: Site, rules: Iterable[Rule], found_in: Callable[[Record], dict[Any, Any]] | None = None
) -> list[Diagnostic]:
    """Every rule applied to every record in its scope; guide-wide limits counted in file order.

    What a record's own words break depends on nothing else, nor whether an exercise is in a
    rule's scope: *found_in(record)* gives the dict (rule's index -> what it found; ("in scope",
    index) -> whether it applies) kept for the record while it and the rules are the same (the
    preview's process keeps them), so an unchanged file is not searched again.
    """
    rules = tuple(rules)
    records: list[Record] = [*site.exercises.values(), *site.routines.values(), *site.pages.values()]
    records.sort(key=lambda r: str(r.origin.path))
    terms = _all_terms(site)
    problems: list[Diagnostic] = []
    said: list[list[Diagnostic]] = [[] for _ in rules]  # what `forbids` found, counted against `at_most`
    for record in records:
        texts: list[Text] = []  # read once per record, when a rule first looks at its words
        known = found_in(record) if found_in is not None else {}
        for number, (rule, found) in enumerate(zip(rules, said, strict=True)):
            if KIND_OF[record.kind] not in rule.applies_to or not _scoped(
                site, rule, record, terms, known, number
            ):
                continue
            if rule.forbidden is not None:
                if number not in known:
                    texts = texts or list(_texts(record))
                    known[number] = list(_forbidden(rule, record, texts))
                found += known[number]
            problems += _required(site, rule, record, terms)
    for rule, found in zip(rules, said, strict=True):
        problems += found[rule.at_most or 0 :]
    return problems


def screening(site: Site, rules: Iterable[Rule]) -> dict[str, tuple[str, ...]]:
    """Routine slug -> the screening lines of the rules that apply to any of its steps, once each."""
    out: dict[str, tuple[str, ...]] = {}
    with_lines = [(rule, rule.screening) for rule in rules if rule.screening]
    terms = _all_terms(site)
    for routine in site.routines.values():
        lines = {line: None for rule, line in with_lines if _in_scope(site, rule, routine, terms)}
        if lines:
            out[routine.slug] = tuple(lines)
    return out


def _all_terms(site: Site) -> dict[str, Terms]:
    """Each exercise's terms by vocabulary, worked out once for every rule."""
    return {slug: _terms(exercise) for slug, exercise in site.exercises.items()}


def _terms(exercise: Exercise) -> Terms:
    found: dict[str, list[str]] = defaultdict(list)
    for vocabulary, slug in exercise.terms():
        found[vocabulary].append(slug)
    return {name: tuple(slugs) for name, slugs in found.items()}


def _scoped(
    site: Site, rule: Rule, record: Record, terms: Mapping[str, Terms], known: dict[Any, Any], number: int
) -> bool:
    """_in_scope(), kept in *known* for an exercise: its scope depends on its own terms alone."""
    if not isinstance(record, Exercise):
        return _in_scope(site, rule, record, terms)
    key = ("in scope", number)
    if key not in known:
        known[key] = _in_scope(site, rule, record, terms)
    return bool(known[key])


def _in_scope(site: Site, rule: Rule, record: Record, terms: Mapping[str, Terms]) -> bool:
    if rule.when is None:
        return True
    if isinstance(record, Exercise):
        return rule.matches_terms(terms[record.slug])
    if isinstance(record, Routine):
        return any(rule.matches_terms(terms[s.exercise]) for s in site.steps[record.slug])
    return False


def _problem(
    rule: Rule, record: Record, message: str, key: KeyPath = (), line: int | None = None
) -> Diagnostic:
    severity = Severity.WARNING if rule.severity == "warning" else Severity.ERROR
    where = record.origin.line_of(key) if line is None else line
    return Diagnostic(record.origin.path, where, rule.code, f"{message}; {rule.message}", severity)


def _required(site: Site, rule: Rule, record: Record, terms: Mapping[str, Terms]) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    requires = rule.requires
    if requires is None:
        return found
    if isinstance(record, Exercise):
        found += _exercise_requirements(site, rule, record, terms[record.slug])
    if requires.body_mentions:
        missing = [w for w in requires.body_mentions if not pattern(w).search(record.body)]
        if missing:
            message = f"the text below the front matter never says {_quoted(missing)}"
            found.append(_problem(rule, record, message, line=record.origin.body_line))
    if requires.floor_trips_at_most is not None and isinstance(record, Routine):
        found += _floor_trips(site, rule, record, requires.floor_trips_at_most)
    return found


def _exercise_requirements(site: Site, rule: Rule, exercise: Exercise, terms: Terms) -> Iterator[Diagnostic]:
    requires = rule.requires
    assert requires is not None
    cautions = exercise.cautions
    for name in requires.fields:
        if getattr(exercise, name) in (None, ()):
            yield _problem(rule, exercise, f"'{name}' is missing")
    if requires.first_caution_starts:
        if not cautions:
            yield _problem(rule, exercise, "there are no cautions", ("cautions",))
        elif (first := _first_word(cautions[0])) not in requires.first_caution_starts:
            allowed = " or ".join(f"'{w}'" for w in requires.first_caution_starts)
            message = f"the first caution starts with '{first}', not {allowed}"
            yield _problem(rule, exercise, message, ("cautions", 0))
    if requires.every_caution_starts:
        for i, caution in enumerate(cautions):
            if (first := _first_word(caution)) not in requires.every_caution_starts:
                yield _problem(rule, exercise, f"caution {i + 1} starts with '{first}'", ("cautions", i))
    if requires.caution_mentions and not any(
        all(pattern(w).search(c) for w in requires.caution_mentions) for c in cautions
    ):
        scope = f" ({rule.when.describe(terms)})" if rule.when is not None else ""
        message = f"no caution mentions {_quoted(requires.caution_mentions, ' and ')}{scope}"
        yield _problem(rule, exercise, message, ("cautions",) if cautions else ())
    if requires.two_way_progressions or requires.progression_levels_at_most is not None:
        yield from _progressions(site, rule, exercise)


def _progressions(site: Site, rule: Rule, exercise: Exercise) -> Iterator[Diagnostic]:
    requires = rule.requires
    assert requires is not None
    levels = site.vocabularies["levels"]
    for name, back in (("easier", "harder"), ("harder", "easier")):
        other = site.exercises.get(getattr(exercise, name) or "")
        if other is None:
            continue
        if requires.two_way_progressions and getattr(other, back) != exercise.slug:
            now = getattr(other, back)
            says = f"'{now}'" if now else "not set"
            message = f"'{name}' is '{other.slug}', but its '{back}' is {says}"
            yield _problem(rule, exercise, message, (name,))
        step = abs(levels.rank(exercise.level) - levels.rank(other.level))
        if requires.progression_levels_at_most is not None and step > requires.progression_levels_at_most:
            message = f"'{name}' is '{other.slug}' ({other.level}), {step} levels from this {exercise.level} exercise"
            yield _problem(rule, exercise, message, (name,))


def _floor_trips(site: Site, rule: Rule, routine: Routine, most: int) -> Iterator[Diagnostic]:
    positions = site.vocabularies["positions"]
    steps = site.steps[routine.slug]
    where = [site.exercises[s.exercise].position for s in steps]
    down = [bool((t := positions.get(p)) and t.floor) for p in where]
    trips = sum(1 for before, now in itertools.pairwise([False, *down]) if now and not before)
    if trips > most:
        order = ", ".join(where)
        yield _problem(rule, routine, f"the steps go down to the floor {trips} times ({order})", ("steps",))


def _forbidden(rule: Rule, record: Record, texts: Iterable[Text]) -> Iterator[Diagnostic]:
    """Each place a forbidden pattern is found; overlapping patterns are reported once (the first listed)."""
    assert rule.forbidden is not None
    for text in texts:
        if text.where not in rule.where or not rule.may_match(text.words):
            continue
        for match in rule.forbidden.finditer(text.text):
            forbidden = rule.patterns[int((match.lastgroup or "p0")[1:])]
            said = " ".join(match.group(0).split())
            message = f"'{said}'" + (f": write '{forbidden.instead}'" if forbidden.instead else "")
            yield _problem(rule, record, message, line=text.line_at(match.start()))


def _texts(record: Record) -> Iterator[Text]:
    """The record's words where the rules look: each front-matter text, then the body."""
    line = record.origin.line_of
    yield Text("title", record.title, line(("title",)))
    yield Text("summary", record.summary, line(("summary",)))
    if isinstance(record, Exercise):
        for name in ("aliases", "cues", "cautions"):
            for i, item in enumerate(getattr(record, name)):
                yield Text(name, item, line((name, i)))
    if isinstance(record, Routine):
        for step in record.steps:
            if step.note:
                yield Text("notes", step.note, line(("steps", step.index, "note")))
    body, line_of_body = record.body, record.origin.body_line
    start = _section(body, AVOID_HEADING)
    if start is None:
        yield Text("body", body, line_of_body, is_body=True)
        return
    end = _section(body, "## ", start + len(AVOID_HEADING)) or len(body)
    blank = "\n" * body.count("\n", start, end)  # the section's lines kept, so later lines keep their numbers
    yield Text("body", body[:start] + blank + body[end:], line_of_body, is_body=True)
    yield Text("avoid", body[start:end], line_of_body + body.count("\n", 0, start), is_body=True)


def _section(body: str, heading: str, after: int = 0) -> int | None:
    """Where a line starting with *heading* begins in *body*, at or after *after*."""
    if after == 0 and body.startswith(heading):
        return 0
    found = body.find("\n" + heading, max(after - 1, 0))
    return None if found < 0 else found + 1


def _first_word(text: str) -> str:
    words = text.split(maxsplit=1)
    return words[0].rstrip(",;:").replace("\u2019", "'") if words else ""


def _quoted(words: Iterable[str], joiner: str = ", ") -> str:
    return joiner.join(f"'{w}'" for w in words)
