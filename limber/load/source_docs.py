"""One content file as read (SourceDoc), and parse_doc, which makes one from a file's bytes.

It decodes UTF-8 naming the byte where a file stops being UTF-8, refuses control and invisible
characters at their line, splits front matter from the body and reads the YAML strictly;
every problem is a Diagnostic.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from limber.diagnostics import UNSAFE_CHARS, Diagnostic, KeyPath, Origin, char_name
from limber.load.content_files import DATA_FILES
from limber.load.yaml_reader import StrictYAMLHandler, YamlProblem, parse_yaml

MAX_FRONT_MATTER_BYTES = 32 * 1024
MAX_CHARACTER_LINES = 20  # lines with a control character reported per file before a summary

_HANDLER = StrictYAMLHandler()


@dataclass(frozen=True, slots=True)
class SourceDoc:
    """One content file as read: its kind, front matter (plain data) and Markdown body."""

    kind: str  # exercise | routine | page | taxonomies | site | glossary | rules
    path: PurePosixPath  # relative to the project root
    meta: Any
    body: str
    origin: Origin

    @property
    def slug(self) -> str:
        return self.path.stem


def decode(rel: PurePosixPath, data: bytes) -> tuple[str | None, Diagnostic | None]:
    """UTF-8 text with one optional BOM removed and CRLF line ends made LF."""
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as err:
        offset = err.start + bom  # a byte offset in the file as saved
        line = data.count(b"\n", 0, offset) + 1
        message = f"not valid UTF-8 at byte {offset} (0x{data[offset]:02x}); save the file as UTF-8"
        return None, Diagnostic(rel, line, "not-utf8", message)
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n")), None


def parse_doc(rel: PurePosixPath, data: bytes | str, kind: str) -> tuple[SourceDoc | None, list[Diagnostic]]:
    """Split a file into front matter and body and read the front matter strictly."""
    if isinstance(data, bytes):
        text, problem = decode(rel, data)
        if text is None:
            return None, [problem] if problem else []
    else:
        text = data
    problems = unsafe_characters(rel, text)
    if problems:  # read on without them, so the file's other problems show in the same run
        text = UNSAFE_CHARS.sub("", text)
    parse = _parse_data if kind in DATA_FILES.values() else _parse_markdown
    doc, found = parse(rel, text, kind)
    return doc, problems + found


def unsafe_characters(rel: PurePosixPath, text: str) -> list[Diagnostic]:
    """An error at each line holding a control, bidi or invisible character (see UNSAFE_CHARS).

    Such a character can make text read differently from what it is, rewrite a terminal, or
    break a line where the YAML reader sees one and an editor does not. Tab and newline are fine.
    Scanned before YAML reads the text, which it then reads without them (parse_doc).
    """
    if not UNSAFE_CHARS.search(text):
        return []
    problems: list[Diagnostic] = []
    lines = [(number, line) for number, line in enumerate(text.split("\n"), 1) if UNSAFE_CHARS.search(line)]
    for number, line in lines[:MAX_CHARACTER_LINES]:
        found = list(UNSAFE_CHARS.finditer(line))
        first = found[0]
        where = f"{char_name(first.group())} at column {first.start() + 1}"
        more = f" (and {len(found) - 1} more on this line); remove them" if len(found) > 1 else "; remove it"
        problems.append(Diagnostic(rel, number, "control-character", where + more))
    if len(lines) > MAX_CHARACTER_LINES:
        number = lines[MAX_CHARACTER_LINES][0]
        message = (
            f"{len(lines) - MAX_CHARACTER_LINES} more lines hold control or invisible characters; remove them"
        )
        problems.append(Diagnostic(rel, number, "control-character", message))
    return problems


def _escaped_characters(
    rel: PurePosixPath, value: Any, origin: Origin, key: KeyPath = ()
) -> tuple[Any, list[Diagnostic]]:
    r"""*value* without such characters, and an error for each text a YAML escape ("\u202e") gave one."""
    if isinstance(value, dict | list):
        items = value.items() if isinstance(value, dict) else enumerate(value)
        found = {k: _escaped_characters(rel, v, origin, (*key, k)) for k, v in items}
        problems = [p for _, some in found.values() for p in some]
        kept = {k: v for k, (v, _) in found.items()}
        return (kept if isinstance(value, dict) else list(kept.values())), problems
    first = UNSAFE_CHARS.search(value) if isinstance(value, str) else None
    if first is None:
        return value, []
    message = f"{char_name(first.group())} in '{_dotted(key)}' (written as an escape); remove it"
    return UNSAFE_CHARS.sub("", value), [Diagnostic(rel, origin.line_of(key), "control-character", message)]


def _dotted(key: KeyPath) -> str:
    """("steps", 1, "hold") -> "steps[2].hold", counting items from 1 as editors do."""
    text = ""
    for part in key:
        text += f"[{part + 1}]" if isinstance(part, int) else f".{part}" if text else part
    return text


def _parse_data(rel: PurePosixPath, text: str, kind: str) -> tuple[SourceDoc | None, list[Diagnostic]]:
    meta, lines, problems = _yaml(rel, text, 1)
    if problems:
        return None, problems
    meta, escaped = _escaped_characters(rel, meta, Origin(rel, lines))
    if not isinstance(meta, dict):
        return None, [
            *escaped,
            Diagnostic(rel, 1, "not-a-mapping", "the file must be a mapping of names to values"),
        ]
    return SourceDoc(kind, rel, meta, "", Origin(rel, lines)), escaped


def _parse_markdown(rel: PurePosixPath, text: str, kind: str) -> tuple[SourceDoc | None, list[Diagnostic]]:
    boundary = _HANDLER.FM_BOUNDARY
    assert boundary is not None
    opening = boundary.match(text)
    closing = boundary.search(text, opening.end()) if opening else None
    if not opening or not closing:
        message = "no front matter: start the file with a line '---', the fields, then another '---'"
        return None, [Diagnostic(rel, 1, "missing-front-matter", message)]
    front = text[opening.end() : closing.start()]
    if len(front.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        message = f"front matter is over {MAX_FRONT_MATTER_BYTES // 1024} KiB; keep long text in the body"
        return None, [Diagnostic(rel, 1, "front-matter-too-large", message)]
    # The front matter text starts right after the opening '---', on the file's first line.
    meta, lines, problems = _yaml(rel, front, text.count("\n", 0, opening.end()) + 1)
    if problems:
        return None, problems
    meta, escaped = _escaped_characters(rel, meta, Origin(rel, lines))
    if meta is None:
        return None, [
            Diagnostic(
                rel,
                1,
                "empty-front-matter",
                "the front matter between the '---' lines is empty",
            )
        ]
    if not isinstance(meta, dict):
        message = f"front matter must be a mapping of fields ('title: ...'), got {type(meta).__name__}"
        return None, [*escaped, Diagnostic(rel, 2, "front-matter-not-mapping", message)]
    body = text[closing.end() :]
    body_line = text.count("\n", 0, closing.end()) + 1
    if body.startswith("\n"):
        body, body_line = body[1:], body_line + 1
    return SourceDoc(kind, rel, meta, body, Origin(rel, lines, body_line)), escaped


def _yaml(rel: PurePosixPath, text: str, first_line: int) -> tuple[Any, dict[KeyPath, int], list[Diagnostic]]:
    try:
        value, lines = parse_yaml(text, first_line)
    except YamlProblem as problem:
        return None, {}, [Diagnostic(rel, line, problem.code, message) for line, message in problem.all]
    return value, lines, []
