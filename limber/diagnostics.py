"""Problems found in the sources, reported all at once with file:line."""

from __future__ import annotations

import difflib
import enum
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TextIO

# A path into a YAML document: ("steps", 2, "hold") is the third step's hold.
KeyPath = tuple[str | int, ...]


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem, pointing at a source file and (when known) a line."""

    path: PurePosixPath  # relative to the project root
    line: int | None  # 1-based; None when the whole file is at fault
    code: str  # stable kebab-case id, e.g. "unknown-field"
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        """One line, control characters shown escaped, so no text can rewrite a terminal or log."""
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return visible(f"{where}: {self.severity.value}[{self.code}]: {self.message}")

    def annotation(self) -> str:
        """The GitHub Actions workflow command that shows this problem on its file and line."""
        properties = [f"file={_github(visible(str(self.path)), True)}"]
        if self.line:
            properties.append(f"line={self.line}")
        properties.append(f"title={_github(self.code, True)}")
        return f"::{self.severity.value} {','.join(properties)}::{_github(visible(self.message))}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record came from: its file and the line of each front-matter key path."""

    path: PurePosixPath
    key_lines: Mapping[KeyPath, int] = field(default_factory=dict)
    body_line: int = 1  # file line of the body's first line

    def line_of(self, key: KeyPath) -> int:
        """The line of *key*, or of its nearest parent that has one, or 1."""
        while key:
            if key in self.key_lines:
                return self.key_lines[key]
            key = key[:-1]
        return 1

    def error(self, code: str, message: str, key: KeyPath = ()) -> Diagnostic:
        return Diagnostic(self.path, self.line_of(key), code, message)

    def warning(self, code: str, message: str, key: KeyPath = ()) -> Diagnostic:
        return Diagnostic(self.path, self.line_of(key), code, message, Severity.WARNING)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean 'x'?)' hint, or '' when nothing is close."""
    guess = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{guess[0]}'?)" if guess else ""


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


def sort_key(d: Diagnostic) -> tuple[str, int, str, str]:
    return (str(d.path), d.line or 0, d.code, d.message)


def report(diagnostics: Iterable[Diagnostic], out: TextIO, *, github: bool | None = None) -> int:
    """Print every diagnostic, sorted by place, then a summary; return the error count.

    Under GitHub Actions (or with *github*) each diagnostic is a workflow command, so the
    problem appears on the changed line of a pull request; otherwise `path:line: ...`.
    """
    if github is None:
        github = os.environ.get("GITHUB_ACTIONS") == "true"
    ordered = sorted(set(diagnostics), key=sort_key)
    for diagnostic in ordered:
        print(diagnostic.annotation() if github else diagnostic, file=out)
    errors = sum(d.is_error for d in ordered)
    warnings = len(ordered) - errors
    files = len({d.path for d in ordered if d.is_error})
    if errors:
        print(f"{errors} error(s) in {files} file(s); nothing was written.", file=out)
    elif warnings:
        print(f"{warnings} warning(s).", file=out)
    return errors


# Control characters by their Unicode name aliases (unicodedata gives them no name).
_CONTROL_NAMES = (
    "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY",
    "ACKNOWLEDGE", "BELL", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION",
    "FORM FEED", "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE", "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL",
    "END OF MEDIUM", "SUBSTITUTE", "ESCAPE", "FILE SEPARATOR", "GROUP SEPARATOR",
    "RECORD SEPARATOR", "UNIT SEPARATOR",
)  # fmt: skip
# Invisible characters that hide or reorder text. Bidi embeddings, overrides and isolates can make
# text read differently from what it is; zero-width and tag characters hide text; line and
# paragraph separators break lines in YAML and JavaScript but not on screen.
_HIDDEN = frozenset(
    (
        *(0x180E, 0x200B, 0x2028, 0x2029, 0xFEFF, 0xE0001),
        *range(0x202A, 0x202F),  # embeddings and overrides
        *range(0x2060, 0x2065),  # word joiner, invisible operators
        *range(0x2066, 0x2070),  # isolates, deprecated format characters
        *range(0xFFF9, 0xFFFC),  # interlinear annotation
        *range(0xE0020, 0xE0080),  # tags
    )
)
_NONCHARACTERS = (
    *range(0xFDD0, 0xFDF0),
    *(plane + last for plane in range(0, 0x110000, 0x10000) for last in (0xFFFE, 0xFFFF)),
)
# Characters that content may not hold: C0 controls other than tab and newline, DEL, C1
# controls, the bidi controls and invisible characters of _HIDDEN, and noncharacters.
_UNSAFE = sorted({*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *_HIDDEN, *_NONCHARACTERS})


def _char_class(codes: list[int]) -> str:
    """A regular-expression class of the sorted *codes*, written as ranges."""
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return (
        "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges) + "]"
    )


# Any character of _UNSAFE. Every file is scanned with it, so it is kept fast: Python's re tests
# a character beyond U+FFFF against a class's ranges one by one (a class of each code point made
# the scan of a 2.5 KB file take 2 ms), so those come in a class of their own behind one test.
UNSAFE_CHARS = re.compile(
    _char_class([code for code in _UNSAFE if code <= 0xFFFF])
    + "|(?=[\U00010000-\U0010ffff])"
    + _char_class([code for code in _UNSAFE if code > 0xFFFF])
)
_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def is_unsafe_char(char: str) -> bool:
    """True for a character that content may not hold (see UNSAFE_CHARS)."""
    return UNSAFE_CHARS.fullmatch(char) is not None


def _is_noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def char_name(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE', 'U+001B ESCAPE', 'U+0085 (a C1 control character)'."""
    code = ord(char)
    if code < 0x20:
        name = _CONTROL_NAMES[code]
    elif code == 0x7F:
        name = "DELETE"
    elif 0x80 <= code <= 0x9F:
        name = "(a C1 control character)"
    elif _is_noncharacter(code):
        name = "(a noncharacter)"
    else:
        name = unicodedata.name(char, "(unnamed)")
    return f"U+{code:04X} {name}"


def visible(text: str) -> str:
    r"""*text* with control, format and separator characters written as escapes (\x1b, \r, \u202e)."""
    if text.isprintable():
        return text
    return "".join(_escape(c) if _shown_escaped(c) else c for c in text)


def _shown_escaped(char: str) -> bool:
    return is_unsafe_char(char) or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Cn")


def _escape(char: str) -> str:
    code = ord(char)
    if char in _ESCAPES:
        return _ESCAPES[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _github(text: str, in_property: bool = False) -> str:
    """GitHub's escaping of a workflow command's message, or of a property value."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if in_property:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text
