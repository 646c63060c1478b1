"""What a rule in content/rules.yaml is: its declared fields, and its words as patterns.

A rule is content, declared like any record (limber.model.fields), so the checker reports its
mistakes at their line and the editors' reference documents it. The words a rule looks for
are written in a small pattern language an editor can read (content/README.md, "Rules").
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

from limber.model.fields import (
    DATA,
    FLAG,
    SLUG_TEXT,
    choice,
    choices,
    declare,
    group,
    lines,
    terms,
    text,
    whole,
)

KINDS = ("exercises", "routines", "pages")  # what a rule may apply to
# Where words are looked for: front-matter texts, the body, and the body's "## Avoid" section
# (which lists mistakes, so a rule may let it name what the rest must not say).
TEXTS = ("title", "aliases", "summary", "cues", "cautions", "notes", "body", "avoid")
AVOID_HEADING = "## Avoid"
OPTIONAL_FIELDS = ("movements", "figure", "cautions", "related", "reviewed")  # what `fields` may require
MAX_TERMS = 40  # terms a `when` list may name


def _when(vocabulary: str, what: str) -> Any:
    return field(default=(), metadata=declare(terms(vocabulary, 1, MAX_TERMS), f"any of these {what}"))


@dataclass(frozen=True, slots=True, kw_only=True)
class When:
    """Which exercises a rule applies to: all the keys given must match (any term of each)."""

    areas: tuple[str, ...] = _when("areas", "body areas")
    muscles: tuple[str, ...] = _when("muscles", "muscles (primary or secondary)")
    equipment: tuple[str, ...] = _when("equipment", "pieces of equipment")
    levels: tuple[str, ...] = _when("levels", "levels")
    positions: tuple[str, ...] = _when("positions", "starting positions")
    types: tuple[str, ...] = _when("types", "exercise types")
    movements: tuple[str, ...] = _when("movements", "movements")

    def given(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The (vocabulary, terms) pairs written, in declaration order (each field is a vocabulary)."""
        pairs = ((f.name, getattr(self, f.name)) for f in dataclasses.fields(self))
        return tuple((name, slugs) for name, slugs in pairs if slugs)

    def describe(self, found: dict[str, tuple[str, ...]]) -> str:
        """Why a record is in scope, in a message: "movements: spinal-rotation"."""
        return "; ".join(
            f"{name}: {', '.join(s for s in slugs if s in found.get(name, ()))}"
            for name, slugs in self.given()
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Requires:
    """What every record the rule applies to must have; each key given is one check."""

    fields: tuple[str, ...] = field(
        default=(),
        metadata=declare(choices(1, len(OPTIONAL_FIELDS), *OPTIONAL_FIELDS), "fields that must be given"),
    )
    first_caution_starts: tuple[str, ...] = field(
        default=(), metadata=declare(lines(1, 10, 30), "the first caution starts with one of these words")
    )
    every_caution_starts: tuple[str, ...] = field(
        default=(), metadata=declare(lines(1, 60, 30), "every caution starts with one of these words")
    )
    caution_mentions: tuple[str, ...] = field(
        default=(), metadata=declare(lines(1, 6, 80), "one caution mentions every one of these patterns")
    )
    body_mentions: tuple[str, ...] = field(
        default=(), metadata=declare(lines(1, 6, 80), "the body mentions every one of these patterns")
    )
    two_way_progressions: bool = field(
        default=False, metadata=declare(FLAG, "`true`: `easier: B` in A needs `harder: A` in B, and back")
    )
    progression_levels_at_most: int | None = field(
        default=None,
        metadata=declare(whole(1, 5), "`easier` and `harder` differ by at most this many levels"),
    )
    floor_trips_at_most: int | None = field(
        default=None,
        metadata=declare(whole(0, 12), "routines: times the steps go down to a `floor: true` position"),
    )


@dataclass(frozen=True, slots=True)
class Pattern:
    """Words to look for, as written in the rules file, and what to write instead (if said)."""

    written: str
    regex: re.Pattern[str]
    instead: str | None = None

    @property
    def needs(self) -> tuple[Needed, ...]:
        """For each alternative, the words and word beginnings every match of it holds."""
        return tuple(_needed(alternative) for alternative in self.written.split("|"))


@dataclass(frozen=True, slots=True)
class Needed:
    """What a text must hold for an alternative of a pattern to match: a quick test before the regex."""

    words: frozenset[str]  # whole words
    stems: tuple[str, ...]  # beginnings of words ("push" of "push*")

    def met(self, text: Words) -> bool:
        return self.words <= text.words and all(text.has_stem(stem) for stem in self.stems)


@dataclass(frozen=True, slots=True)
class Words:
    """The words of a text as the quick test sees them: lowercase runs of a-z and 0-9."""

    words: frozenset[str]
    ordered: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Words:
        found = frozenset(_WORD.findall(text.lower()))
        return cls(found, tuple(sorted(found)))

    def has_stem(self, stem: str) -> bool:
        i = bisect.bisect_left(self.ordered, stem)
        return i < len(self.ordered) and self.ordered[i].startswith(stem)


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """One safety or house rule: when it applies, what it requires or forbids, and the fix."""

    code: str = field(metadata=declare(SLUG_TEXT, "its stable name, shown with every problem it finds"))
    severity: str = field(
        default="error",
        metadata=declare(choice("error", "warning"), "`warning`s fail only `--strict` builds"),
    )
    applies_to: tuple[str, ...] = field(
        default=("exercises",),
        metadata=declare(choices(1, len(KINDS), *KINDS), "the kinds of file it checks"),
    )
    when: When | None = field(
        default=None,
        metadata=declare(
            group(When),
            "only exercises with these terms (below); a routine matches when one of its steps does",
        ),
    )
    requires: Requires | None = field(
        default=None,
        metadata=declare(group(Requires), "what must be there (below)"),
    )
    forbids: Any = field(
        default=None,
        metadata=declare(
            DATA,
            "patterns that must not appear: a list, or a mapping from a pattern to what to write instead",
        ),
    )
    where: tuple[str, ...] = field(
        default=TEXTS,
        metadata=declare(choices(1, len(TEXTS), *TEXTS), "where `forbids` looks; default everywhere"),
    )
    at_most: int | None = field(
        default=None,
        metadata=declare(whole(1, 10_000), "`forbids` is allowed this many times in the whole guide"),
    )
    message: str = field(metadata=declare(text(1, 300), "tells the editor what to write instead"))
    screening: str | None = field(
        default=None,
        metadata=declare(
            text(1, 140), "printed once on the page and card of each routine with a step the rule applies to"
        ),
    )
    patterns: tuple[Pattern, ...] = ()  # `forbids`, compiled
    forbidden: re.Pattern[str] | None = None  # all of them in one, each a group named p<index>
    needs: tuple[Needed, ...] = ()  # a text that meets none of these cannot match `forbidden`
    line: int = 0  # where the rule starts in the rules file

    def may_match(self, text: Words) -> bool:
        """Whether `forbidden` could match a text with these words."""
        return any(needed.met(text) for needed in self.needs)

    def matches_terms(self, found: dict[str, tuple[str, ...]]) -> bool:
        """Whether an exercise with these (vocabulary -> terms) is in the rule's scope."""
        if self.when is None:
            return True
        return all(set(slugs) & set(found.get(name, ())) for name, slugs in self.when.given())


# --- the pattern language ------------------------------------------------------------------

_NUMBER = r"\d+"
# Whole words: no letter, digit or hyphen may touch a match, so "pain" is not in "pain-free". The
# start is tested once, before the alternatives: ten times faster than in each of them.
_WORD_START = r"(?<![\w-])"
_WORD_END = r"(?![\w-])"
_QUOTES = "'\u2019"


_WORD = re.compile(r"[a-z0-9]+")


def _needed(alternative: str) -> Needed:
    """The words and stems every match of an alternative holds; optional words and numbers left out."""
    whole: list[str] = []
    stems: list[str] = []
    for word in re.sub(r"\([^)]*\)", " ", alternative.lower()).split():
        if "#" in word:
            continue
        head, star, _ = word.partition("*")
        runs = _WORD.findall(head)
        if star and runs and head.endswith(runs[-1]):
            stems.append(runs.pop())
        whole += runs
    return Needed(frozenset(whole), tuple(stems))


def combine(patterns: tuple[Pattern, ...]) -> re.Pattern[str] | None:
    """One expression for a rule's `forbids`: a single pass over each text finds them all."""
    if not patterns:
        return None
    groups = "|".join(f"(?P<p{i}>{pattern_body(p.written)})" for i, p in enumerate(patterns))
    return re.compile(f"{_WORD_START}(?:{groups})", re.IGNORECASE)


def compile_pattern(written: str) -> re.Pattern[str]:
    """A pattern as a case-insensitive regular expression over whole words.

    `word*` matches any ending; `(words)` may be left out; `#` is a number; `a | b` is either;
    a space matches any run of spaces and line breaks; anything else is itself. Raises
    ValueError with the reason when the pattern cannot be read.
    """
    return re.compile(f"{_WORD_START}(?:{pattern_body(written)})", re.IGNORECASE)


def pattern_body(written: str) -> str:
    """The expression of a pattern, less the test that a word starts where it does."""
    alternatives = [part.strip() for part in written.split("|")]
    if not all(alternatives):
        raise ValueError("an empty alternative beside '|'")
    return "|".join(_alternative(a) for a in alternatives)


def _alternative(written: str) -> str:
    out: list[str] = []
    depth = 0
    for char in written:
        if char == "(":
            if depth:
                raise ValueError("brackets inside brackets")
            depth = 1
            out.append("(?:")
        elif char == ")":
            if not depth:
                raise ValueError("a ')' with no '('")
            depth = 0
            out.append(r"\s*)?")
        elif char == "*":
            out.append(r"[\w'\u2019-]*")
        elif char == "#":
            out.append(_NUMBER)
        elif char.isspace():
            if not out or out[-1] != r"\s*":
                out.append(r"\s*" if out and out[-1].endswith("?") else r"\s+")
        elif char in _QUOTES:
            out.append(f"[{_QUOTES}]")
        else:
            out.append(re.escape(char))
    if depth:
        raise ValueError("a '(' with no ')'")
    return "".join(out) + _WORD_END
