"""Markdown to safe HTML: an allow-list of extensions, [[slug]] links, and nh3 as a second guard.

Raw HTML is already an error before rendering (linking reports it); here the HTML block and
inline-HTML processors are removed anyway, so a tag that slipped through would be escaped,
and nh3 drops anything outside the tag and attribute allow-list. The image patterns go too, as
no image survives the allow-list (`![alt](x.png)` shows as written), and so does the "[TOC]"
marker. Python-Markdown's inline pass is given only the texts some pattern could match, and
quotes, dashes and ellipses are made typographic by one small pass of our own (educate).
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
from markdown.treeprocessors import InlineProcessor as InlinePass
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from limber.load.body_text import WIKILINK

EXTENSIONS = ["sane_lists", "tables", "toc"]
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
# Inline patterns a body cannot use: raw HTML is an error, and TAGS keeps no <img>.
UNUSED_PATTERNS = ("html", "image_link", "image_reference", "short_image_ref")
# What each inline pattern needs in a text before it can match anything there.
NEEDS = {
    "backtick": ("`",),
    "escape": ("\\",),
    "reference": ("[",),
    "link": ("[",),
    "short_reference": ("[",),
    "wikilink": ("[[",),
    "autolink": ("<",),
    "automail": ("<",),
    "linebreak": ("  \n",),
    "entity": ("&",),
    "em_strong": ("*", "_"),
}

# Typographic quotes, dashes and ellipses: the SmartyPants rules as Python-Markdown's smarty
# extension applies them, each in turn over the whole text, every piece a rule replaces hidden
# from the rules after it (so a quote beside a dash already made is not beside "--"). \x02 and
# \x03 bound such a piece, as they bound Python-Markdown's own placeholders (\x04 tells ours apart).
_HIDDEN = re.compile("\x02([0-9]+)\x04\x03")
_PUNCTUATION = r"""[!"#\$\%'()*+,-.\/:;<=>?\@\[\\\]\^_`{|}~]"""
_CLOSES = r"[^\ \t\r\n\[\{\(\-\u0002\u0003]"  # what a closing quote may follow
_OPENS = r"(\s|&nbsp;|--|–|—|&[mn]dash;|&#8211;|&#8212;)"  # what an opening quote may follow
TYPOGRAPHY = tuple(  # (rule, replacement) in the order they apply; \1 keeps the rule's group
    (re.compile(rule), replacement)
    for rule, replacement in (
        (r"(?<!-)---(?!-)", "—"),
        (r"(?<!-)--(?!-)", "–"),
        (rf"^'(?={_PUNCTUATION}\B)", "’"),  # a quote first, then punctuation: a closing one
        (rf'^"(?={_PUNCTUATION}\B)', "”"),
        (r""""'(?=\w)""", "“‘"),  # a quote opening inside a quote
        (r"""'"(?=\w)""", "‘“"),
        (rf"""(?<={_CLOSES})'\"""", "’”"),
        (rf"""(?<={_CLOSES})"'""", "”’"),
        (r"(?<!\w)'(?=\d{2}s)", "’"),  # the '80s
        (rf"{_OPENS}'(?=\w)", r"\1‘"),
        (rf"(?<={_CLOSES})'(?!\s|s\b|\d)", "’"),
        (r"'(\s|s\b)", r"’\1"),
        (r"'", "‘"),
        (rf'{_OPENS}"(?=\w)', r"\1“"),
        (r'"(?=\s)', "”"),
        (rf'(?<={_CLOSES})"', "”"),
        (r'"', "“"),
        (r"(?<!\.)\.{3}(?!\.)", "…"),
    )
)
STRAIGHT = ['"', "'"]  # what a backslash keeps straight: \" and \'


def educate(text: str) -> str:
    """*text* with typographic quotes, dashes and ellipses: "it's" becomes “it’s”."""
    if not ("'" in text or '"' in text or "--" in text or "..." in text):
        return text
    made: list[str] = []
    for rule, replacement in TYPOGRAPHY:
        at = 0
        while match := rule.search(text, at):
            hidden = f"\x02{len(made)}\x04\x03"
            made.append(match.expand(replacement))
            text = text[: match.start()] + hidden + text[match.end() :]
            at = match.start() + len(hidden)
    return _HIDDEN.sub(lambda m: made[int(m.group(1))], text)


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


class _Plain(AtomicString):
    """A text in which no inline pattern can match: the inline pass leaves it as it is."""


class _InlineWhereNeeded(InlinePass):
    """Python-Markdown's inline pass, given only the texts some pattern could match.

    The pass tries every pattern on every text; a text holding nothing any pattern needs comes
    out as it went in, so it is marked to be skipped (typography still reads it).
    """

    def __init__(self, md: markdown.Markdown, could_match: re.Pattern[str]) -> None:
        super().__init__(md)
        self.could_match = could_match

    def run(self, tree: etree.Element, ancestors: list[str] | None = None) -> etree.Element:
        for element in tree.iter():
            text = element.text
            if text and not isinstance(text, AtomicString) and not self.could_match.search(text):
                element.text = _Plain(text)
        return super().run(tree, ancestors)


class _Typography(Treeprocessor):
    """educate() on every text and tail, but not in code or an autolink (their text is atomic)."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element is root:
                continue
            text = element.text
            if text and (not isinstance(text, AtomicString) or isinstance(text, _Plain)):
                element.text = educate(text)
            if element.tail:
                element.tail = educate(element.tail)


class _LimberMarkdown(Extension):
    def __init__(self, targets: Mapping[str, LinkTarget]) -> None:
        super().__init__()
        self.targets = targets

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        for name in UNUSED_PATTERNS:
            md.inlinePatterns.deregister(name)
        # Before 'link' so "[[x|y]]" is not read as a reference link.
        md.inlinePatterns.register(_WikiLinks(self.targets), "wikilink", 175)
        known = [name for name in NEEDS if name in md.inlinePatterns]
        if len(known) != len(md.inlinePatterns):  # a new pattern: say what it needs in NEEDS
            raise RuntimeError(
                f"inline patterns beyond NEEDS: {len(md.inlinePatterns)} registered, {known} known"
            )
        needs = sorted({need for name in known for need in NEEDS[name]})
        could_match = re.compile("|".join(re.escape(need) for need in needs))
        md.treeprocessors.register(_InlineWhereNeeded(md, could_match), "inline", 20)
        # Where smarty ran: after the inline pass, before heading ids are made from the text.
        md.treeprocessors.register(_Typography(md), "typography", 6)
        md.ESCAPED_CHARS.extend(STRAIGHT)


class Converter:
    """Markdown to sanitised HTML with one reused Python-Markdown instance.

    An instance keeps state between documents (footnotes, the table of contents), so it is
    reset before each conversion; [[slug]] links resolve through *targets*.
    """

    def __init__(self, targets: Mapping[str, LinkTarget]) -> None:
        self.markdown = markdown.Markdown(
            extensions=[*EXTENSIONS, _LimberMarkdown(targets)],
            extension_configs={"toc": {"permalink": False, "marker": ""}},  # only the heading ids
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

        *parts* are the body's introduction and its `## ` sections as Markdown (limber.load.body_text
        split_sections): the body is converted once and cut, and each part is converted on its
        own only when the cut does not give one piece per part (a `## ` line in a quote or list).
        """
        pieces = _H2.split(self.convert(body))
        return pieces if len(pieces) == len(parts) else [self.convert(part) for part in parts]


def render_markdown(text: str, targets: Mapping[str, LinkTarget]) -> str:
    """HTML for one piece of Markdown (tests and one-off use; the build reuses a Converter)."""
    return Converter(targets).convert(text)
