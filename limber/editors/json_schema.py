"""JSON Schemas for exercise and routine front matter, generated from the declarations.

Editors' tools (the YAML language server in VS Code, JetBrains, Neovim, Helix, ...) use them
for completion and inline errors; `schemas/*.schema.json` are committed and a test keeps them
current. The checker stays the authority: the schemas cover types, limits and vocabularies,
not the rules that tie fields together.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from limber.figures import figure_json_schema
from limber.model.fields import Field, Kind, declared
from limber.model.records import Exercise, Routine
from limber.model.vocabulary import Vocabulary

SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
RECORDS: Mapping[str, type] = {"exercise": Exercise, "routine": Routine}


def _kind(kind: Kind, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
    vocabulary = vocabularies.get(kind.vocabulary or "")
    terms = [t.slug for t in vocabulary.terms] if vocabulary else None
    term: dict[str, Any] = {"enum": terms} if terms else {"type": "string", "pattern": SLUG_PATTERN}
    match kind.name:
        case "text":
            return {"type": "string", "minLength": kind.lo, "maxLength": kind.hi}
        case "lines":
            item = {"type": "string", "minLength": 1, "maxLength": kind.item_max}
            return {"type": "array", "items": item, "minItems": kind.lo, "maxItems": kind.hi}
        case "int":
            return {"type": "integer", "minimum": kind.lo, "maximum": kind.hi}
        case "flag":
            return {"type": "boolean"}
        case "choice":
            return {"enum": list(kind.choices)}
        case "choices":
            return {
                "type": "array",
                "items": {"enum": list(kind.choices)},
                "minItems": kind.lo,
                "maxItems": kind.hi,
                "uniqueItems": True,
            }
        case "term":
            return term
        case "terms":
            return {
                "type": "array",
                "items": term,
                "minItems": kind.lo,
                "maxItems": kind.hi,
                "uniqueItems": True,
            }
        case "slug":
            return {"type": "string", "pattern": SLUG_PATTERN}
        case "slugs":
            item = {"type": "string", "pattern": SLUG_PATTERN}
            return {"type": "array", "items": item, "maxItems": kind.hi, "uniqueItems": True}
        case "date":
            return {"type": "string", "pattern": DATE_PATTERN}
        case "group":
            assert kind.record is not None
            return _object(declared(kind.record), vocabularies)
        case "steps":
            assert kind.record is not None
            return {
                "type": "array",
                "items": _object(declared(kind.record), vocabularies),
                "minItems": kind.lo,
                "maxItems": kind.hi,
            }
    return figure_json_schema()  # the one data field: an exercise's figure (limber.figures)


def _object(fields: tuple[Field, ...], vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
    properties = {}
    for field in fields:
        schema = {k: v for k, v in _kind(field.kind, vocabularies).items() if v is not None}
        properties[field.name] = {"description": field.doc, **schema}
    return {
        "type": "object",
        "properties": properties,
        "required": [f.name for f in fields if f.required],
        "additionalProperties": False,
    }


def json_schema(kind: str, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Limber {kind} front matter",
        **_object(declared(RECORDS[kind]), vocabularies),
    }


def json_schema_text(kind: str, vocabularies: Mapping[str, Vocabulary]) -> str:
    return json.dumps(json_schema(kind, vocabularies), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
