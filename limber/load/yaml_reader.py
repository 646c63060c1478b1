"""Strict YAML for front matter: plain data only, with the file line of every key.

YAML 1.1's implicit typing turns `no` into False, `1:30` into 90 and `2026-11-24` into a date.
None of that happens here: a plain scalar is an integer only when it is written as decimal
digits (at most 18 of them), a boolean only when spelt `true` or `false`, null only when
empty, `~` or `null`; everything else stays text, and the schema says what it expected.
Anchors, aliases, explicit tags and duplicate keys are errors, so what an editor reads is
what the build sees.

The values are built here from the parser's events, with the nesting depth bounded, so
nothing recursive ever runs on an editor's file. The events come from libyaml (PyYAML's C
parser) when it is installed, else from PyYAML's pure-Python parser; both give the same
values, lines and messages (a syntax error is described by the pure-Python parser, whose
messages the content guide quotes).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler
from yaml import events as ev

from limber.diagnostics import KeyPath

_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")
_NULL = {"", "~", "null"}
MAX_DEPTH = 20  # mappings and lists inside each other; the schema needs 4

PURE_PYTHON: type[yaml.SafeLoader] = yaml.SafeLoader
FAST: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlProblem(Exception):
    """A YAML document that cannot be read, at a 1-based file line."""

    def __init__(
        self, line: int, message: str, more: tuple[tuple[int, str], ...] = (), code: str = "bad-yaml"
    ) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.more = more  # further problems of the same document (every duplicate key)
        self.code = code

    @property
    def all(self) -> tuple[tuple[int, str], ...]:
        return ((self.line, self.message), *self.more)


def parse_yaml(text: str, first_line: int = 1, *, loader: type[Any] = FAST) -> tuple[Any, dict[KeyPath, int]]:
    """Return the document's plain value and the file line of every key path in it.

    *first_line* is the file line on which *text* begins, so every line reported (in the
    result and in a YamlProblem) is a line of the file. *loader* picks the parser.
    """
    lines: dict[KeyPath, int] = {}
    try:
        value = _Builder(first_line, lines).document(yaml.parse(text, Loader=loader))
    except yaml.YAMLError as err:
        if loader is not PURE_PYTHON:
            return parse_yaml(text, first_line, loader=PURE_PYTHON)  # its words, its lines
        if isinstance(err, yaml.MarkedYAMLError):
            raise _syntax_problem(err, text, first_line) from None
        raise YamlProblem(first_line, str(err)) from None  # a reader error without a mark
    return value, lines


# Syntax errors found only where the parser gave up, far from the mistake: point at the line
# where the unclosed thing starts instead, and show that line.
_UNCLOSED = {
    "while scanning a quoted scalar": "a quoted text",
    "while parsing a flow sequence": "a '[' list",
    "while parsing a flow mapping": "a '{' mapping",
}


def _syntax_problem(err: yaml.MarkedYAMLError, text: str, first_line: int) -> YamlProblem:
    mark = err.problem_mark or err.context_mark
    message = err.problem or err.context or "invalid YAML"
    line = (mark.line if mark else 0) + first_line
    if mark is not None and text[mark.index : mark.index + 1] == "\t":  # PyYAML: "found character '\t'"
        before = text.split("\n")[mark.line][: mark.column]
        where = "indents" if not before.strip(" \t-") else "is on"
        return YamlProblem(line, f"a tab {where} line {line}; YAML needs spaces", code="tab-indent")
    start = err.context_mark
    problem = err.problem_mark
    if err.context in _UNCLOSED and start is not None and problem is not None and problem.line != start.line:
        shown = text.split("\n")[start.line].strip()
        message = (
            f"{_UNCLOSED[err.context]} starts on this line and is never closed "
            f"({err.problem} on line {line}): {shown}"
        )
        return YamlProblem(start.line + first_line, message)
    if err.problem and err.context and err.context_mark:
        message += f" ({err.context} on line {err.context_mark.line + first_line})"
    return YamlProblem(line, message)


class _Builder:
    """Turns parser events into plain values, recording the file line of each key path."""

    def __init__(self, first_line: int, lines: dict[KeyPath, int]) -> None:
        self.first_line = first_line
        self.lines = lines
        self.duplicates: list[tuple[int, str]] = []

    def line(self, event: ev.Event) -> int:
        mark = event.start_mark
        return (int(mark.line) if mark is not None else 0) + self.first_line

    def document(self, stream: Iterator[ev.Event]) -> Any:
        value: Any = None
        documents = 0
        for event in stream:
            if isinstance(event, ev.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlProblem(self.line(event), "only one YAML document is allowed here")
                value = self.node(next(stream), stream, (), 0)
        if self.duplicates:
            (line, message), *more = self.duplicates
            raise YamlProblem(line, message, tuple(more))
        return value

    def node(self, event: ev.Event, stream: Iterator[ev.Event], path: KeyPath, depth: int) -> Any:
        self.check(event)
        if isinstance(event, ev.DocumentEndEvent):
            return None  # an empty document
        self.lines.setdefault(path, self.line(event))
        if isinstance(event, ev.ScalarEvent):
            return _scalar(event)
        if depth >= MAX_DEPTH:
            field = f"'{path[0]}'" if path and isinstance(path[0], str) else "the document"
            message = f"{field} is nested more than {MAX_DEPTH} levels deep (lists or mappings inside each other); flatten it"
            raise YamlProblem(self.line(event), message)
        if isinstance(event, ev.SequenceStartEvent):
            items: list[Any] = []
            for item in _until(stream, ev.SequenceEndEvent):
                items.append(self.node(item, stream, (*path, len(items)), depth + 1))
            return items
        assert isinstance(event, ev.MappingStartEvent)
        mapping: dict[str, Any] = {}
        for key_event in _until(stream, ev.MappingEndEvent):
            self.check(key_event)
            line = self.line(key_event)
            if not isinstance(key_event, ev.ScalarEvent):
                raise YamlProblem(line, "a key must be plain text")
            key = str(key_event.value)
            if key in mapping:  # reported with every other duplicate once the document is read
                first = self.lines[(*path, key)]
                self.duplicates.append((line, f"duplicate key '{key}' (first set on line {first}); keep one"))
                self.node(next(stream), stream, (*path, key, "again"), depth + 1)
                continue
            self.lines[(*path, key)] = line
            mapping[key] = self.node(next(stream), stream, (*path, key), depth + 1)
        return mapping

    def check(self, event: ev.Event) -> None:
        line = self.line(event)
        if isinstance(event, ev.AliasEvent):
            raise YamlProblem(line, f"aliases (*{event.anchor}) are not allowed; write the value out")
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise YamlProblem(line, f"anchors (&{anchor}) are not allowed; write the value out")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlProblem(line, f"explicit tags ({shown}) are not allowed; remove the tag")


def _until(stream: Iterator[ev.Event], end: type[ev.Event]) -> Iterator[ev.Event]:
    for event in stream:
        if isinstance(event, end):
            return
        yield event


def _scalar(event: ev.ScalarEvent) -> Any:
    text = event.value
    if event.style not in (None, ""):  # quoted or block scalar: always text
        return text
    if text in ("true", "false"):
        return text == "true"
    if text in _NULL:
        return None
    if _INT.fullmatch(text):
        return int(text)
    return text


class StrictYAMLHandler(YAMLHandler):
    """python-frontmatter's `---` fences, read with the strict reader above."""

    def load(self, fm: str, **kwargs: object) -> Any:
        value, _ = parse_yaml(fm)
        return value
