"""Markdown to safe HTML: an allow-list of extensions, [[slug]] links, and nh3 as a second guard.

Raw HTML is already an error before rendering (linking reports it); here the HTML block and
inline-HTML processors are removed anyway, so a tag that slipped through would be escaped,
and nh3 drops anything outside the tag and attribute allow-list.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Mapping
from dataclasses import dataclass

import markdown
import nh3
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

from limber.body import WIKILINK

EXTENSIONS = ["sane_lists", "smarty", "tables", "toc"]
_H2 = re.compile(r"(?:^|\n+)(?=<h2[ >])")  # where a top-level heading starts a line of the HTML
TAGS = {
    "a", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "li", "ol", "p", "pre",
    "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "td": {"align"},
    "th": {"align"},
}


@dataclass(frozen=True, slots=True)
class LinkTarget:
    url: str
    title: str


class _WikiLinks(InlineProcessor):
    def __init__(self, targets: Mapping[str, LinkTarget]) -> None:
        super().__init__(WIKILINK.pattern)
        self.targets = targets

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | None, int, int]:
        target = self.targets.get(m.group(1).strip())
        if target is None:  # linking has reported it; keep the text visible
            return None, m.start(0), m.end(0)
        element = etree.Element("a", {"href": target.url, "class": "xref"})
        element.text = (m.group(2) or target.title).strip()
        return element, m.start(0), m.end(0)


class _LimberMarkdown(Extension):
    def __init__(self, targets: Mapping[str, LinkTarget]) -> None:
        super().__init__()
        self.targets = targets

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        # Before 'link' so "[[x|y]]" is not read as a reference link.
        md.inlinePatterns.register(_WikiLinks(self.targets), "wikilink", 175)


class Converter:
    """Markdown to sanitised HTML with one reused Python-Markdown instance.

    An instance keeps state between documents (footnotes, the table of contents), so it is
    reset before each conversion; [[slug]] links resolve through *targets*.
    """

    def __init__(self, targets: Mapping[str, LinkTarget]) -> None:
        self.markdown = markdown.Markdown(
            extensions=[*EXTENSIONS, _LimberMarkdown(targets)],
            extension_configs={"toc": {"permalink": False}},
            output_format="html",
        )

    def convert(self, text: str) -> str:
        """HTML for *text*, sanitised; headings get stable ids from their text."""
        produced = self.markdown.reset().convert(text)
        return nh3.clean(
            produced,
            tags=TAGS,
            attributes=ATTRIBUTES,
            url_schemes={"http", "https", "mailto"},
            link_rel=None,
        )

    def convert_sections(self, body: str, parts: list[str]) -> list[str]:
        """HTML for *body*, sanitised, cut at each top-level `<h2>`: the introduction, then each section.

        *parts* are the body's introduction and its `## ` sections as Markdown (limber.body
        split_sections): the body is converted once and cut, and each part is converted on its
        own only when the cut does not give one piece per part (a `## ` line in a quote or list).
        """
        pieces = _H2.split(self.convert(body))
        return pieces if len(pieces) == len(parts) else [self.convert(part) for part in parts]


def render_markdown(text: str, targets: Mapping[str, LinkTarget]) -> str:
    """HTML for one piece of Markdown (tests and one-off use; the build reuses a Converter)."""
    return Converter(targets).convert(text)
