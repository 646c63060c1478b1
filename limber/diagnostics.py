"""Problems found in the sources, reported all at once with file:line."""

from __future__ import annotations

import difflib
import enum
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
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.severity.value}[{self.code}]: {self.message}"

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


def report(diagnostics: Iterable[Diagnostic], out: TextIO) -> int:
    """Print every diagnostic, sorted by place, then a summary; return the error count."""
    ordered = sorted(set(diagnostics), key=sort_key)
    for diagnostic in ordered:
        print(diagnostic, file=out)
    errors = sum(d.is_error for d in ordered)
    warnings = len(ordered) - errors
    files = len({d.path for d in ordered if d.is_error})
    if errors:
        print(f"{errors} error(s) in {files} file(s); nothing was written.", file=out)
    elif warnings:
        print(f"{warnings} warning(s).", file=out)
    return errors
