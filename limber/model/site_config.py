"""Site settings: read once from content/site.yaml, then passed down as a value."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from limber.model.fields import declare, text


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteConfig:
    title: str = field(metadata=declare(text(1, 80), "the site's name"))
    description: str = field(metadata=declare(text(1, 200), "one line about the site"))
    language: str = field(metadata=declare(text(2, 20), "language code, e.g. `en`"))
    # Absolute, ends with "/", may include a sub-path: https://example.org/guide/
    base_url: str = field(
        metadata=declare(text(8, 200), "absolute URL the site is served from; may include a sub-path")
    )
    repository: str | None = field(
        default=None,
        metadata=declare(
            text(8, 200),
            'the web address of the guide\'s source (`https://github.com/owner/limber`): each exercise, routine and page links to its file with "Edit this page", and the footer links the source',
        ),
    )
    edit_uri: str = field(
        default="edit/main/",
        metadata=declare(
            text(1, 100),
            "what comes between `repository` and a file's path in the address that edits it: `edit/main/` on GitHub, `-/edit/main/` on GitLab",
        ),
    )

    @property
    def base_path(self) -> str:
        """The URL path the site lives under, such as "/guide/" (always ends with "/")."""
        return urlsplit(self.base_url).path or "/"

    def url(self, path: str) -> str:
        """Root-relative URL of a site path ("exercises/x/" -> "/guide/exercises/x/")."""
        return self.base_path + path

    def absolute_url(self, path: str) -> str:
        return self.base_url + path

    def edit_url(self, source: PurePosixPath) -> str:
        """Where an editor changes *source* (content/exercises/x.md) on the web, or "" if unknown."""
        return f"{self.repository}/{self.edit_uri}{source}" if self.repository else ""


# A clean absolute http(s) URL, matched against the value exactly as written (urlsplit would
# quietly drop tabs and line breaks): a host name, IPv4 or [IPv6] address, an optional port, and
# a path of non-empty segments of letters, digits, "-._~" and %XX escapes, none of them a dot
# segment, plain or escaped. No user name or password, query or fragment; nothing that could
# end a line in robots.txt or an attribute.
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_BASE_URL = re.compile(
    rf"https?://(?:{_LABEL}(?:\.{_LABEL})*|\[[0-9A-Fa-f:.]+\])(?::(?P<port>[0-9]{{1,5}}))?"
    r"(?P<path>(?:/(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})+)*/?)"
)


# What may sit between the repository and a file's path: relative path segments, each ending "/".
EDIT_URI = re.compile(r"(?:(?![.]{1,2}/)[A-Za-z0-9._~-]+/)+")


def normalise_base_url(value: str) -> str | None:
    """The base URL with a trailing slash, or None if it is not a clean absolute http(s) URL."""
    match = _BASE_URL.fullmatch(value)
    if match is None or (match["port"] is not None and not 0 < int(match["port"]) < 65536):
        return None
    # Browsers take "%2e" for "." when they resolve links, so "/a/%2e%2E/" climbs out of "/a/".
    if any(unquote(segment) in (".", "..") for segment in match["path"].split("/")):
        return None
    return value if value.endswith("/") else value + "/"
