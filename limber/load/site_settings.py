"""Stage 2 (validate): site.yaml checked into the SiteConfig, and a warning for an example domain."""

from __future__ import annotations

from urllib.parse import urlsplit

from limber.diagnostics import Diagnostic, Origin
from limber.load.checker import Checker
from limber.load.front_matter import make
from limber.load.source_docs import SourceDoc
from limber.model import fields as F
from limber.model.site_config import EDIT_URI, SiteConfig, normalise_base_url

# Domains reserved for examples and tests (RFC 2606, RFC 6761): a site published under one has
# QR codes, canonical links and a feed that lead nowhere.
EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")
EXAMPLE_TLDS = (".example", ".test", ".invalid")


def example_base_url(config: SiteConfig, origin: Origin, from_option: bool) -> list[Diagnostic]:
    """A warning when the site would be published under a reserved example domain."""
    host = (urlsplit(config.base_url).hostname or "").lower().rstrip(".")
    if not (host.endswith(EXAMPLE_TLDS) or any(host == d or host.endswith("." + d) for d in EXAMPLE_DOMAINS)):
        return []
    where = "--base-url" if from_option else "base_url"
    message = (
        f"{where} {config.base_url} is on {host}, a domain reserved for examples: every QR code, "
        "canonical link and feed entry would lead nowhere; give the address the site is published at "
        "(in content/site.yaml, or with --base-url)"
    )
    return [origin.warning("example-base-url", message, ("base_url",))]


def validate_config(
    doc: SourceDoc, base_url: str | None = None
) -> tuple[SiteConfig | None, list[Diagnostic]]:
    """Read site.yaml; *base_url* (from the command line) overrides the file's."""
    checker = Checker(doc.origin, {})
    clean = checker.group(doc.meta, F.declared(SiteConfig))
    url = base_url or clean.get("base_url")
    normal = normalise_base_url(url) if url else None
    if url and normal is None:
        checker.error(
            "bad-base-url",
            f"base URL '{url}' must be an absolute http(s) URL such as https://example.org/guide/",
            ("base_url",),
        )
    repository = clean.get("repository")
    if repository is not None:
        clean["repository"] = (normalise_base_url(repository) or "").rstrip("/")
        if not clean["repository"]:
            checker.error(
                "bad-repository",
                f"repository '{repository}' must be an absolute http(s) URL such as https://github.com/owner/limber",
                ("repository",),
            )
    edit_uri = clean.get("edit_uri")
    if edit_uri is not None and not EDIT_URI.fullmatch(edit_uri):
        checker.error(
            "bad-repository",
            f"edit_uri '{edit_uri}' must be path segments each ending in '/', such as edit/main/",
            ("edit_uri",),
        )
    if any(p.is_error for p in checker.problems):
        return None, checker.problems
    assert normal is not None
    return make(SiteConfig, {**clean, "base_url": normal}), checker.problems
