"""Which file of the built site a request names, if any: the preview serves nothing else.

Only paths under the base URL's path are looked up. A path with a `.` or `..` segment (written
plainly or percent-encoded), a hidden name, a name longer than a file name can be, a backslash or
a NUL byte names nothing, and a file reached through a link that leaves the site folder is
refused. A path longer than MAX_PATH is not looked at (the handler answers 414).
"""

from __future__ import annotations

import ipaddress
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
MAX_NAME = 255  # bytes in one segment: no file system holds a longer file name
MAX_PATH = 2048  # bytes in a request path, as sent: far beyond any page's, well within the disk's


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
    if any(part.startswith(".") or len(part.encode()) > MAX_NAME for part in parts):
        return None  # a name longer than MAX_NAME is no file, and asking the disk is an error
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


def is_local_host(host: str, listening: str) -> bool:
    """Whether a request's Host header names this machine: an IP address, localhost or *listening*.

    A page from another site that gets its name to resolve to this machine (DNS rebinding)
    sends its own name, so it is refused; an address cannot be rebound.
    """
    try:
        parts = urlsplit("//" + host)
        name, _ = parts.hostname, parts.port  # .port raises ValueError for a port that is no number
    except ValueError:
        return False
    if not name:
        return False
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return name == "localhost" or name.endswith(".localhost") or name == listening.lower()
    return True


def content_type(path: Path) -> str:
    """The Content-Type header for *path*, with a charset for text."""
    guessed = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"{guessed}; charset=utf-8" if guessed.startswith(TEXT_TYPES) else guessed
