"""Which file of the built site a request names, if any: the preview serves nothing else.

Only paths under the base URL's path are looked up. A path with a `.` or `..` segment (written
plainly or percent-encoded), a hidden name, a backslash or a NUL byte names nothing, and a file
reached through a link that leaves the site folder is refused.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


@dataclass(frozen=True, slots=True)
class Redirect:
    """The request should go to *location* instead (a folder without its slash, the bare root)."""

    location: str


def relative(request_path: str, base_path: str) -> str | Redirect | None:
    """The path in the site that *request_path* (as sent, percent-encoded) names, or what to do instead.

    "" is the top folder and a name ending in "/" a folder; nothing is looked up on disk.
    """
    try:
        path = unquote(request_path, errors="strict")
    except UnicodeDecodeError:
        return None
    if "\x00" in path or "\\" in path:
        return None
    if path + "/" == base_path or (path == "/" and base_path != "/"):
        return Redirect(base_path)
    if not path.startswith(base_path):
        return None
    parts = [part for part in path[len(base_path) :].split("/") if part]
    if any(part.startswith(".") for part in parts):
        return None
    return "/".join(parts) + ("/" if parts and path.endswith("/") else "")


def locate(request_path: str, base_path: str, root: Path) -> Path | Redirect | None:
    """The file under *root* that *request_path* (as sent, percent-encoded) names, or what to do instead."""
    rel = relative(request_path, base_path)
    if not isinstance(rel, str):
        return rel
    candidate = root.joinpath(*rel.split("/")) if rel else root
    if candidate.is_dir():
        if rel and not rel.endswith("/"):
            return Redirect(quote(base_path + rel) + "/")
        candidate = candidate / "index.html"
    real, top = candidate.resolve(), root.resolve()
    if not real.is_relative_to(top) or not real.is_file():
        return None
    return real


def content_type(path: Path) -> str:
    """The Content-Type header for *path*, with a charset for text."""
    guessed = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"{guessed}; charset=utf-8" if guessed.startswith(TEXT_TYPES) else guessed
