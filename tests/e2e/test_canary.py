"""Canary: hostile text in every free-text field and body is refused or published as inert text.

Each payload goes into every string field of an exercise, a routine, a page, the vocabulary
terms and the settings, and into the bodies. Whatever validation accepts must come out as
text: no script but our JSON-LD and asset scripts, no event handler, no javascript:/data:
URL, JSON that parses back to the text as written, and `{{ 7*7 }}` never evaluated.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from limber.build.pipeline import build
from tests.conftest import copy_project

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "</script>\u2028",
    "{{ 7*7 }}",
]
NEUTRAL = "Seven times seven"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset"}
URL_META = {"refresh", "og:url", "og:image", "twitter:image"}  # <meta> whose content is a URL
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
INLINE_UNSAFE = re.compile("[<>&\u2028\u2029]")  # what would end a <script> or start a tag if inlined
ENTITY = re.compile(r"&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);", re.IGNORECASE)


def passing(payload: str) -> str:
    """The payload as validation accepts it: U+2028 is refused in content, so it becomes a comment opener."""
    return payload.replace("\u2028", "<!--")


def body_with(payload: str, raw: bool) -> str:
    """Markdown holding the payload as code, as a link target and (when *raw*, or if it has no tag) as text."""
    lines = [f"Code: `{payload}`", ""]
    if raw or "<" not in payload:
        lines += [f"Text: {payload}", "", f"[a link]({payload.replace(' ', '%20')})", ""]
    else:  # raw HTML in a body is an error; the same characters written as entities are text
        lines += [f"Text: {payload.replace('&', '&amp;').replace('<', '&lt;')}", ""]
    return "\n".join(lines)


def _split(path: Path) -> tuple[dict[str, Any], str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def _write(path: Path, meta: dict[str, Any], body: str | None = None) -> None:
    text = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(text if body is None else f"---\n{text}---\n{body}", encoding="utf-8")


def plant(project: Path, payload: str, *, raw: bool = False) -> None:
    """Put *payload* in every free-text field and body of the fixture site."""
    content = project / "content"
    exercise = content / "exercises" / "chin-tuck.md"
    meta, body = _split(exercise)
    meta |= {
        "title": payload,
        "aliases": [f"{payload} alias"],
        "summary": payload,
        "cues": [payload],
        "cautions": [f"Stop if {payload}"],
        "image": {"src": "chin.png", "alt": payload, "license": "own"},
    }
    (content / "images").mkdir(exist_ok=True)
    (content / "images" / "chin.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    _write(exercise, meta, body_with(payload, raw) + body)

    routine = content / "routines" / "desk-minute.md"
    meta, body = _split(routine)
    meta |= {"title": f"{payload} routine", "summary": payload}
    meta["steps"][1]["note"] = payload
    _write(routine, meta, body + "\n" + body_with(payload, raw))

    page = content / "pages" / "home.md"
    meta, body = _split(page)
    meta |= {"title": f"{payload} home", "summary": payload}
    _write(page, meta, body + "\n" + body_with(payload, raw))

    vocabularies = yaml.safe_load((content / "taxonomies.yaml").read_text(encoding="utf-8"))
    for terms in vocabularies.values():
        for term in terms:
            term |= {"name": f"{payload} {term['slug']}", "description": payload}
            if "anatomical" in term:
                term["anatomical"] = payload
    _write(content / "taxonomies.yaml", vocabularies)

    glossary = {"entries": [{"name": "Canary name", "also": [payload[:40]], "exercises": ["chin-tuck"]}]}
    _write(content / "glossary.yaml", glossary)

    settings = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8"))
    settings |= {"title": payload, "description": payload}
    _write(content / "site.yaml", settings)


class _Page(HTMLParser):
    """Every element, attribute, script and text node of one HTML file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self.text: list[str] = []
        self.h1: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        if tag == "script":
            self.scripts.append((attributes, ""))
        self._open = tag

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open == "script":
            attributes, text = self.scripts[-1]
            self.scripts[-1] = (attributes, text + data)
        else:
            self.text.append(data)
            if self._open == "h1":
                self.h1.append(data)


def strings_in(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings_in(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings_in(item)]
    return []


def inspect_site(out: Path) -> tuple[list[str], list[str], dict[str, str]]:
    """Assert nothing executable in *out*; return (JSON strings, XML texts, exercise page h1 by file)."""
    json_strings: list[str] = []
    xml_texts: list[str] = []
    headings: dict[str, str] = {}
    for file in sorted(out.rglob("*")):
        name = file.relative_to(out).as_posix()
        if file.suffix == ".html":
            page = _Page()
            page.feed(file.read_text(encoding="utf-8"))
            for tag, attributes in page.elements:
                meta = {attributes.get(k, "").lower() for k in ("http-equiv", "property", "name")}
                for attribute, value in attributes.items():
                    assert not attribute.startswith("on"), (name, tag, attribute)
                    if attribute in URL_ATTRIBUTES or (attribute == "content" and meta & URL_META):
                        cleaned = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                        assert not cleaned.startswith(BAD_SCHEMES), (name, tag, attribute, value)
                assert tag not in ("iframe", "object", "embed", "base"), (name, tag)
                assert not (tag == "img" and attributes.get("src") == "x"), name
            for attributes, text in page.scripts:
                if attributes.get("type") in ("application/ld+json", "application/json"):  # data, not code
                    assert not INLINE_UNSAFE.search(text), (name, text)
                    json_strings += strings_in(json.loads(text))
                else:
                    assert "/assets/" in attributes.get("src", ""), (name, attributes)
                    assert text.strip() == "", (name, text)
            headings[name] = "".join(page.h1).strip()
        elif file.suffix == ".json":
            text = file.read_text(encoding="utf-8")
            assert not INLINE_UNSAFE.search(text), (name, INLINE_UNSAFE.findall(text))  # safe to inline
            json_strings += strings_in(json.loads(text))
        elif file.suffix == ".xml":
            xml_texts += [e.text or "" for e in ET.parse(file).iter()]
    return json_strings, xml_texts, headings


def count_49(out: Path) -> Counter[str]:
    return Counter(
        {
            f.relative_to(out).as_posix(): f.read_bytes().count(b"49")
            for f in out.rglob("*")
            if f.is_file() and f.suffix in (".html", ".xml", ".json", ".txt")
        }
    )


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_everywhere_gives_diagnostics_or_a_site(payload, tmp_path):
    project = copy_project(tmp_path / "p")
    plant(project, payload, raw=True)
    out = tmp_path / "site"

    result = build(project, out)

    assert result.ok or all(d.path.parts[0] == "content" for d in result.diagnostics if d.is_error)
    assert result.wrote == result.ok
    assert out.exists() == result.ok


@pytest.fixture(scope="module")
def neutral_49(tmp_path_factory) -> Counter[str]:
    root = tmp_path_factory.mktemp("neutral")
    project = copy_project(root / "p")
    plant(project, NEUTRAL)
    result = build(project, root / "site")
    assert result.ok, [str(d) for d in result.diagnostics]
    return count_49(root / "site")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_what_validation_accepts_is_published_as_inert_text(payload, tmp_path, neutral_49):
    text = passing(payload)
    project = copy_project(tmp_path / "p")
    plant(project, text)
    out = tmp_path / "site"

    result = build(project, out)

    assert result.ok, [str(d) for d in result.diagnostics if d.is_error]
    json_strings, xml_texts, headings = inspect_site(out)
    assert headings["exercises/chin-tuck/index.html"] == text
    assert headings["routines/desk-minute/index.html"] == f"{text} routine"
    assert text in json_strings  # the exercise's name in its JSON-LD, exactly as written
    assert f"{text} routine" in json_strings
    assert text[:40] in json_strings  # the glossary spelling, in the search data
    assert [s for s in json_strings if ENTITY.search(s) and not ENTITY.search(text)] == []
    assert f"{text} routine" in xml_texts  # the feed entry's title
    assert count_49(out) == neutral_49
