"""Between link and render: every body rendered once into a Document.

Pages, JSON-LD, the feed, the search data and the printed card read these documents;
nothing converts Markdown a second time. One converter is reused for the whole pass.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from html.parser import HTMLParser
from typing import Any, Protocol

from limber.build.parallel import run_all
from limber.load.body_text import EXERCISE_SECTIONS, WIKILINK, split_sections
from limber.model.records import HOME_PAGE, Exercise, Record, Site
from limber.render.markdown import Converter, LinkTarget

STEPS_SECTION = EXERCISE_SECTIONS[0]
_SPACE = re.compile(r"\s+")
_BLOCK_TAG = re.compile(r"</?(?:p|li|h[1-6]|br|ul|ol|blockquote|pre|table|tr|td|th)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    html: str
    text: str  # plain text, heading excluded


@dataclass(frozen=True, slots=True)
class Document:
    """One body, rendered: what every output that shows the body reads."""

    intro_html: str  # exercises: the introduction; other records: the whole body
    sections: tuple[Section, ...]  # exercises: the `## ` sections, How to do it first
    text: str  # the whole body as plain text, for search and descriptions
    steps: tuple[str, ...]  # plain text of each numbered step of "How to do it"

    def section(self, heading: str) -> Section | None:
        return next((s for s in self.sections if s.heading == heading), None)


def targets(site: Site) -> dict[str, LinkTarget]:
    """What [[slug]] links point at: every exercise and routine, and the free pages but home."""
    records: list[Exercise | Record] = [
        *(p for slug, p in site.pages.items() if slug != HOME_PAGE),
        *site.exercises.values(),
        *site.routines.values(),
    ]
    return {r.slug: LinkTarget(site.config.url(r.path), r.title) for r in records}


class DocumentCache(Protocol):
    def lookup(self, key: str) -> Document | None: ...

    def store(self, key: str, document: Document) -> None: ...

    @staticmethod
    def document_key(body: str, kind: str, links: Mapping[str, Any]) -> str: ...


def render_documents(
    records: Iterable[Record], link_targets: Mapping[str, LinkTarget], cache: DocumentCache | None = None
) -> dict[str, Document]:
    """Site path -> Document for each record, with one reused converter.

    With a *cache*, a body already rendered with the same link targets is not converted again.
    """
    records = list(records)
    converter = Converter(link_targets)
    documents: dict[str, Document] = {}
    todo: list[tuple[Record, str]] = []
    for record in records:
        key = ""
        if cache is not None:
            links = {m[0].strip(): link_targets.get(m[0].strip()) for m in WIKILINK.findall(record.body)}
            key = cache.document_key(record.body, record.kind, links)
            found = cache.lookup(key)
            if found is not None:
                documents[record.path] = found
                continue
        todo.append((record, key))
    done = run_all([partial(render_document, record, converter) for record, _ in todo])
    for (record, key), document in zip(todo, done, strict=True):
        documents[record.path] = document
        if cache is not None:
            cache.store(key, document)
    return {record.path: documents[record.path] for record in records}


def render_document(record: Record, converter: Converter) -> Document:
    if not isinstance(record, Exercise):
        body_html = converter.convert(record.body)
        return Document(body_html, (), plain_text(body_html), ())
    parts = split_sections(record.body, record.origin.body_line)
    intro = next((s.text for s in parts if s.heading is None), "")
    named = [s for s in parts if s.heading is not None]
    intro_html, *sections_html = converter.convert_sections(record.body, [intro, *(s.text for s in named)])
    order = {heading: i for i, heading in enumerate(EXERCISE_SECTIONS)}
    headed = sorted(
        zip(named, sections_html, strict=True), key=lambda pair: order.get(pair[0].heading or "", len(order))
    )
    sections = []
    for part, section_html in headed:
        heading = part.heading or ""
        sections.append(
            Section(heading, section_html, plain_text(section_html).removeprefix(heading).strip())
        )
    how_to = next((s.html for s in sections if s.heading == STEPS_SECTION), "")
    text = " ".join([plain_text(intro_html), *(f"{s.heading}. {s.text}" for s in sections)])
    return Document(intro_html, tuple(sections), text.strip(), list_items(how_to))


def plain_text(fragment: str) -> str:
    """The words of an HTML fragment we produced, tags removed, whitespace collapsed."""
    spaced = _BLOCK_TAG.sub(" ", fragment)
    return _SPACE.sub(" ", html.unescape(_TAG.sub("", spaced))).strip()


class _Items(HTMLParser):
    """Collects the text of each item of the first top-level <ol>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # list nesting
        self.done = False
        self.items: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if tag in ("ol", "ul"):
            if self.depth == 0 and tag == "ul":
                self.depth = -1000  # an unordered list before the steps: skip it
            self.depth += 1
        elif tag == "li" and self.depth == 1:
            self.items.append([])

    def handle_endtag(self, tag: str) -> None:
        if self.done or tag not in ("ol", "ul"):
            return
        self.depth -= 1
        if self.depth == 0 and self.items:
            self.done = True
        elif self.depth < 0:
            self.depth = 0

    def handle_data(self, data: str) -> None:
        if not self.done and self.depth >= 1 and self.items:
            self.items[-1].append(data)


def list_items(fragment: str) -> tuple[str, ...]:
    parser = _Items()
    parser.feed(fragment)
    return tuple(_SPACE.sub(" ", "".join(item)).strip() for item in parser.items)


class DocumentsOnDemand(Mapping[str, Document]):
    """Site path -> Document, each body rendered when a view first asks for it (the pages made at once after a save)."""

    def __init__(self, site: Site, kept: dict[str, Document], converter: Converter) -> None:
        records: list[Record] = [*site.exercises.values(), *site.routines.values(), *site.pages.values()]
        self._records = {r.path: r for r in records}
        self._kept = kept
        self._converter = converter

    def __getitem__(self, path: str) -> Document:
        found = self._kept.get(path)
        if found is None:
            found = self._kept[path] = render_document(self._records[path], self._converter)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)
