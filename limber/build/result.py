"""What a build gives back: its problems, the site it linked and what it wrote; and its stop signal."""

from __future__ import annotations

from dataclasses import dataclass, field

from limber.diagnostics import Diagnostic, has_errors
from limber.model.records import Output, Site


class Superseded(Exception):
    """Newer saves arrived while building: this build's result would be out of date at once."""


@dataclass
class BuildResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    site: Site | None = None
    outputs: list[Output] = field(default_factory=list)
    wrote: bool = False
    counts: dict[str, int] = field(default_factory=dict)  # exercises, routines, pages, html
    from_cache: int = 0  # pages not rendered again
    unchanged: bool = False  # nothing changed since the last build: nothing was done
    notices: list[str] = field(default_factory=list)  # said to the editor, never a failure (an ignored cache)

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)
