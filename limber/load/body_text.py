"""Reading Markdown bodies as text: [[slug]] links, raw HTML and `## ` sections, with lines.

Linking uses this to check references before anything renders; the Markdown renderer uses
the same section split so the page shows the sections the checker saw.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from limber.diagnostics import Diagnostic, Origin
from limber.model.fields import FILL_IN

_FLATTENED = re.compile(r"^ {0,3}(#|#{5,6})(?:\s|$)")  # headings the sanitiser would flatten
_SETEXT_1 = re.compile(r"=+\s*")  # underlines a level-1 heading
EXERCISE_SECTIONS = ("How to do it", "Tips", "Avoid")  # every exercise body has these, in page order
WIKILINK = re.compile(r"\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]+?))?\]\]")
# An HTML tag, closing tag, comment or declaration; autolinks (<https://...>) do not match.
RAW_HTML = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*(?=[\s/>])|/[A-Za-z]|!--|!\[CDATA\[|![A-Za-z]|\?)")
FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
LINKS_KEPT = 65536  # bodies whose links find_links keeps (10,000 exercises and room to spare)


@dataclass(frozen=True, slots=True)
class Link:
    slug: str
    text: str | None
    line: int  # file line


@dataclass(frozen=True, slots=True)
class Section:
    heading: str | None  # None for the introduction before the first `## `
    text: str  # Markdown source, heading line included
    line: int  # file line of its first line


def prose_lines(body: str, first_line: int) -> list[tuple[int, str]]:
    """(file line, text) of every body line outside fenced code, with code spans blanked."""
    out: list[tuple[int, str]] = []
    fence: str | None = None
    for i, line in enumerate(body.split("\n")):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        if line.startswith(("    ", "\t")) and (not out or not out[-1][1].strip()):
            continue  # an indented code block
        out.append((first_line + i, CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)))
    return out


@functools.lru_cache(maxsize=LINKS_KEPT)
def find_links(body: str, first_line: int) -> tuple[Link, ...]:
    """The [[links]] of a body, in order.

    Kept for the bodies seen last: a process that links the same site again (the preview)
    reads only the bodies that changed.
    """
    return tuple(
        Link(m.group(1).strip(), m.group(2).strip() if m.group(2) else None, line)
        for line, text in prose_lines(body, first_line)
        for m in WIKILINK.finditer(text)
    )


def find_raw_html(body: str, first_line: int) -> list[tuple[int, str]]:
    """(file line, the tag as written) for each piece of raw HTML in the body."""
    return _raw_html(prose_lines(body, first_line))


def _raw_html(prose: list[tuple[int, str]]) -> list[tuple[int, str]]:
    found = []
    for line, text in prose:
        for match in RAW_HTML.finditer(text):
            end = text.find(">", match.start())
            found.append((line, text[match.start() : end + 1 if end != -1 else match.end() + 10]))
    return found


def split_sections(body: str, first_line: int) -> list[Section]:
    """The introduction, then one Section per `## ` heading (code fences respected)."""
    return _split(body, first_line, prose_lines(body, first_line))


def _split(body: str, first_line: int, prose_text: list[tuple[int, str]]) -> list[Section]:
    prose = {line for line, _ in prose_text}
    sections: list[Section] = []
    heading: str | None = None
    start, chunk = first_line, list[str]()
    for i, line in enumerate(body.split("\n")):
        number = first_line + i
        if number in prose and line.startswith("## "):
            sections.append(Section(heading, "\n".join(chunk), start))
            heading, start, chunk = line[3:].strip().rstrip("#").strip(), number, []
        chunk.append(line)
    sections.append(Section(heading, "\n".join(chunk), start))
    return [s for s in sections if s.heading is not None or s.text.strip()]


ORDERED_ITEM = re.compile(r"^\s{0,3}\d{1,3}[.)]\s+(.*)")


def ordered_items(section: str) -> list[str]:
    """The Markdown text of each top-level numbered item (continuation lines joined)."""
    items: list[str] = []
    for line in section.split("\n"):
        match = ORDERED_ITEM.match(line)
        if match:
            items.append(match.group(1).strip())
        elif items and line.strip() and line.startswith((" ", "\t")):
            items[-1] += " " + line.strip()
        elif items and line.strip() and not line.startswith("#"):
            break
    return items


# Shapes that make Markdown rendering slow or deeply recursive, refused before it runs:
MAX_NESTING = 16  # lists or quotes inside each other (4 columns of indentation, a '>' or a list marker)
# What may open a level at the start of a line: indentation, a quote mark, or a list marker; a
# line such as "- - - item" opens a list inside a list for each marker.
_LEVEL = re.compile(r"(?P<indent> +)|>|(?:[-*+]|\d{1,9}[.)])(?= |$)")
MAX_BRACKETS = 100  # '[' in one paragraph: unmatched ones make link parsing quadratic


def _costly_shapes(body: str, origin: Origin) -> list[Diagnostic]:
    problems = []
    brackets, start = 0, origin.body_line
    for i, text in enumerate([*body.split("\n"), ""]):
        line = origin.body_line + i
        if not text.strip():
            if brackets > MAX_BRACKETS:
                message = f"this paragraph has {brackets} '[' brackets; at most {MAX_BRACKETS} are allowed in one paragraph"
                problems.append(Diagnostic(origin.path, start, "too-many-brackets", message))
            brackets, start = 0, line + 1
            continue
        brackets += text.count("[") - 2 * len(WIKILINK.findall(text))
        depth = _depth(text.expandtabs(4))
        if depth > MAX_NESTING:
            message = f"nested {depth} levels deep (lists or quotes inside each other); at most {MAX_NESTING}"
            problems.append(Diagnostic(origin.path, line, "too-deep", message))
            break
    return problems


def _depth(line: str) -> int:
    """How many lists or quotes the start of *line* opens or stays inside."""
    depth, at = 0, 0
    while match := _LEVEL.match(line, at):
        depth += len(match["indent"]) // 4 if match["indent"] else 1
        at = match.end()
    return depth


def body_problems(kind: str, body: str, origin: Origin) -> list[Diagnostic]:
    """Problems in a body as written, checked for every file read, valid or not.

    Raw HTML, headings that would be flattened, text still to fill in, and an exercise's
    missing sections.
    """
    prose = prose_lines(body, origin.body_line)  # read once for every check below
    problems = [
        Diagnostic(origin.path, line, "raw-html", f"raw HTML {tag!r} is not allowed; use Markdown instead")
        for line, tag in _raw_html(prose)
    ]
    previous = ""
    for line, text in prose:
        if FILL_IN in text:
            message = f"the body is still to fill in here: replace '{FILL_IN}' with your text"
            problems.append(Diagnostic(origin.path, line, "fill-in", message))
        flat = _FLATTENED.match(text)
        if flat or (_SETEXT_1.fullmatch(text) and previous.strip()):
            level = len(flat.group(1)) if flat else 1
            message = (
                f"a level-{level} heading would be shown as plain text: the page title is the only "
                "level 1; use '## ' for sections and '### ' or '#### ' inside them"
            )
            problems.append(Diagnostic(origin.path, line, "heading-level", message))
        previous = text
    problems += _costly_shapes(body, origin)
    if kind == "exercise":
        headings = [s.heading for s in _split(body, origin.body_line, prose)]
        for heading in EXERCISE_SECTIONS:
            if heading not in headings:
                message = f"the body has no '## {heading}' section; exercises have '## How to do it' (a numbered list), '## Tips' and '## Avoid'"
                problems.append(Diagnostic(origin.path, origin.body_line, "missing-section", message))
    return problems
