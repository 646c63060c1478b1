"""Strict YAML for front matter: plain data only, with the file line of every key.

YAML 1.1's implicit typing turns `no` into False, `1:30` into 90 and `2026-11-24` into a date.
None of that happens here: a plain scalar is an integer only when it is written as decimal
digits, a boolean only when spelt `true` or `false`, null only when empty, `~` or `null`;
everything else stays text, and the schema says what it expected. Anchors, aliases, explicit
tags and duplicate keys are errors, so what an editor reads is what the build sees.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from limber.diagnostics import KeyPath

_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_NULL = {"", "~", "null"}


class YamlProblem(Exception):
    """A YAML document that cannot be read, at a 1-based file line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _Loader(yaml.SafeLoader):
    """PyYAML's pure-Python composer, with every implicit type resolver removed."""

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 (PyYAML's class-level table)

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        line = event.start_mark.line
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(line, f"aliases (*{event.anchor}) are not allowed; write the value out")
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise YamlProblem(line, f"anchors (&{anchor}) are not allowed; write the value out")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlProblem(line, f"explicit tags ({shown}) are not allowed; remove the tag")
        return super().compose_node(parent, index)


def parse_yaml(text: str, first_line: int = 1) -> tuple[Any, dict[KeyPath, int]]:
    """Return the document's plain value and the file line of every key path in it.

    *first_line* is the file line on which *text* begins, so every line reported (in the
    result and in a YamlProblem) is a line of the file.
    """
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as err:
            mark = err.problem_mark or err.context_mark
            message = err.problem or err.context or "invalid YAML"
            if err.problem and err.context and err.context_mark:
                message += f" ({err.context} on line {err.context_mark.line + first_line})"
            raise YamlProblem((mark.line if mark else 0) + first_line, message) from None
        except YamlProblem as problem:
            raise YamlProblem(problem.line + first_line, problem.message) from None
        lines: dict[KeyPath, int] = {}
        if node is None:
            return None, lines
        return _Builder(first_line, lines).value(node, ()), lines
    finally:
        loader.dispose()


class _Builder:
    """Turns composed nodes into plain values, recording the file line of each key path."""

    def __init__(self, first_line: int, lines: dict[KeyPath, int]) -> None:
        self.first_line = first_line
        self.lines = lines

    def value(self, node: Node, path: KeyPath) -> Any:
        self.lines.setdefault(path, node.start_mark.line + self.first_line)
        if isinstance(node, ScalarNode):
            return _scalar(node)
        if isinstance(node, SequenceNode):
            return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, MappingNode)
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + self.first_line
            if not isinstance(key_node, ScalarNode):
                raise YamlProblem(line, "a key must be plain text")
            key = str(key_node.value)
            if key in mapping:
                first = self.lines[(*path, key)]
                raise YamlProblem(line, f"duplicate key '{key}' (first set on line {first}); keep one")
            self.lines[(*path, key)] = line
            mapping[key] = self.value(value_node, (*path, key))
        return mapping


def _scalar(node: ScalarNode) -> Any:
    text = node.value
    if node.style is not None:  # quoted or block scalar: always text
        return text
    if text in ("true", "false"):
        return text == "true"
    if text in _NULL:
        return None
    if _INT.fullmatch(text):
        return int(text)
    return text


class StrictYAMLHandler(YAMLHandler):
    """python-frontmatter's `---` fences, read with the strict loader above."""

    def load(self, fm: str, **kwargs: object) -> Any:
        value, _ = parse_yaml(fm)
        return value
