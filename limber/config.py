"""Site settings: read once from content/site.yaml, then passed down as a value."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from limber.fields import declare, text


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteConfig:
    title: str = field(metadata=declare(text(1, 80), "the site's name"))
    description: str = field(metadata=declare(text(1, 200), "one line about the site"))
    language: str = field(metadata=declare(text(2, 20), "language code, e.g. `en`"))
    # Absolute, ends with "/", may include a sub-path: https://example.org/guide/
    base_url: str = field(
        metadata=declare(text(8, 200), "absolute URL the site is served from; may include a sub-path")
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


def normalise_base_url(value: str) -> str | None:
    """The base URL with a trailing slash, or None if it is not an absolute http(s) URL."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        return None
    return value if value.endswith("/") else value + "/"
