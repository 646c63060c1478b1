"""The search data: every exercise, routine and free page in one JSON file the search page loads.

Built from the linked Site, its rendered documents (the plain text comes from there; nothing
converts Markdown again) and the glossary. Deterministic: keys sorted, records in a fixed
order, no dates. The format is documented in docs/search-data.md; VERSION changes when a
field changes meaning or goes away.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath
from typing import Any

from limber import routes
from limber.model.dosage import routine_seconds, seconds
from limber.model.records import HOME_PAGE, SAFETY_PAGE, Exercise, Output, Page, Routine, Site
from limber.model.vocabulary import Term
from limber.render.documents import Document
from limber.search.glossary import Findable, Glossary, findables, reaches

SEARCH_DATA = PurePosixPath(routes.SEARCH_DATA)
VERSION = 1
MAX_TEXT = 1000  # characters of body text per record: enough to find it by, small enough to load fast
VOCABULARIES = ("areas", "muscles", "equipment", "levels", "types", "positions", "goals")


# Written as \uXXXX in every string, as Hugo's jsonify and Go's encoder do: the file can then be
# pasted into a <script> element or an HTML attribute without closing it or starting a tag.
_INLINE_UNSAFE = str.maketrans({c: f"\\u{ord(c):04x}" for c in "<>&\u2028\u2029"})


def search_data(site: Site, documents: Mapping[str, Document], glossary: Glossary) -> Output:
    """The search data file (SEARCH_DATA), compact and with sorted keys."""
    return Output(SEARCH_DATA, json_text(search_index(site, documents, glossary)) + "\n")


def json_text(value: Any) -> str:
    """Compact JSON with sorted keys, with `<`, `>`, `&`, U+2028 and U+2029 escaped in strings."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_INLINE_UNSAFE)  # these characters occur only inside strings


def search_index(site: Site, documents: Mapping[str, Document], glossary: Glossary) -> dict[str, Any]:
    """The search data as plain JSON values."""
    found = [f for f in findables(site) if not (isinstance(f.record, Page) and f.record.slug == HOME_PAGE)]
    keywords = glossary_names(glossary, found)
    config = site.config
    return {
        "version": VERSION,
        "site": {"title": config.title, "url": config.base_url, "language": config.language},
        "terms": {name: [term_entry(t) for t in site.vocabularies[name].terms] for name in VOCABULARIES},
        "records": [
            record_entry(site, f, documents[f.record.path], keywords.get(f.record.path, ())) for f in found
        ],
    } | advice_entry(site, glossary)


def advice_entry(site: Site, glossary: Glossary) -> dict[str, Any]:
    """The glossary's advice for symptoms, shown before the results, and the safety page's URL."""
    advice = [{"names": list(e.names), "text": e.advice} for e in glossary if e.advice]
    safety = site.pages.get(SAFETY_PAGE)
    if not advice or safety is None:
        return {}
    return {"advice": {"url": site.config.url(safety.path), "entries": advice}}


def term_entry(term: Term) -> dict[str, Any]:
    """A term's slug and display name, with what the search page's filters need to know."""
    entry: dict[str, Any] = {"slug": term.slug, "name": term.name}
    if term.anatomical and term.anatomical != term.name:
        entry["anatomical"] = term.anatomical
    if term.household is not None:
        entry["household"] = term.household
    if term.desk:
        entry["desk"] = True
    return entry


def glossary_names(glossary: Glossary, found: Iterable[Findable]) -> dict[str, tuple[str, ...]]:
    """Site path -> the glossary names (and their other spellings) that lead to that record."""
    names: dict[str, set[str]] = {}
    for findable in found:
        for entry in glossary:
            if reaches(entry, findable):
                names.setdefault(findable.record.path, set()).update(entry.names)
    return {path: tuple(sorted(given, key=lambda n: (n.lower(), n))) for path, given in names.items()}


def bounded(text: str, limit: int = MAX_TEXT) -> str:
    """*text* cut at a word boundary to at most *limit* characters."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:")


def record_entry(
    site: Site, findable: Findable, document: Document, keywords: tuple[str, ...]
) -> dict[str, Any]:
    """One exercise, routine or page; empty lists and absent values are left out."""
    record = findable.record
    entry: dict[str, Any] = {
        "kind": record.kind,
        "slug": record.slug,
        "title": record.title,
        "summary": record.summary,
        "url": site.config.url(record.path),
        "text": bounded(document.text),
    }
    if isinstance(record, Exercise):
        entry |= {
            "aliases": list(record.aliases),
            "areas": list(record.areas),
            "muscles": list(record.muscles),
            "secondary_muscles": list(record.secondary_muscles),
            "equipment": list(record.equipment),
            "level": record.level,
            "type": record.type,
            "position": record.position,
            "time": seconds(record.dosage),
            "cues": list(record.cues),
        }
    elif isinstance(record, Routine):
        steps = site.steps[record.slug]
        kinds = {site.exercises[s.exercise].type for s in steps}
        entry |= {
            "areas": list(findable.terms["areas"]),
            "muscles": list(findable.terms["muscles"]),
            "equipment": list(findable.terms["equipment"]),
            "positions": list(findable.terms["positions"]),
            "types": [t.slug for t in site.vocabularies["types"].terms if t.slug in kinds],
            "level": record.level,
            "goal": record.goal,
            "steps": [s.exercise for s in steps],
            "time": routine_seconds((s.dosage for s in steps), record.transition),
        }
    entry["keywords"] = list(keywords)
    return {name: value for name, value in entry.items() if value not in ([], None, "")}
