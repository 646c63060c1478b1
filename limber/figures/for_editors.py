"""The figure data for editors' tools: a JSON Schema and a starting figure for the scaffold.

Both are derived from spec.py and regions.py. The JSON Schema is looser than validate_figure (a
joint's range is the widest over all views); the checker has the last word.
"""

from __future__ import annotations

from typing import Any

from limber.figures.bases import BASES, NAMED_POSES
from limber.figures.regions import markable
from limber.figures.spec import (
    CIRCLES,
    HAND_SHAPES,
    JOINTS,
    MAX_ARROWS,
    MAX_MARKS,
    MAX_THEN,
    MOVES,
    PALMS,
    PROPS,
    SIDES,
    STAY_PARTS,
    SURFACES,
    TURNS,
    VIEWS,
    Joint,
    all_anchors,
    angle_keys,
    rest_points,
)


def _angle(joint: Joint) -> dict[str, Any]:
    lo = min(joint.side_range[0], joint.face_range[0])
    hi = max(joint.side_range[1], joint.face_range[1])
    return {
        "type": "integer",
        "minimum": lo,
        "maximum": hi,
        "description": f"{joint.part}: + {joint.side_plus}",
    }


def _rests() -> dict[str, Any]:
    point = {"enum": list(rest_points())}
    placed = {
        "type": "object",
        "minProperties": 1,
        "maxProperties": 1,
        "propertyNames": point,
        "additionalProperties": {"enum": list(SURFACES)},
    }
    return {"type": "array", "items": {"anyOf": [point, placed]}}


def _pose(with_base: bool) -> dict[str, Any]:
    limb: dict[str, Any] = {j.name: _angle(j) for j in JOINTS if j.sided}
    limb["hand"] = {"enum": list(HAND_SHAPES), "description": "the hand's shape"}
    limb["palm"] = {"enum": list(PALMS), "description": "which way the palm faces, the arm held forward"}
    properties: dict[str, Any] = {j.name: _angle(j) for j in JOINTS if not j.sided}
    for side in SIDES:
        properties[side] = {"type": "object", "properties": limb, "additionalProperties": False}
    if with_base:
        named = {"enum": [p.name for p in NAMED_POSES], "description": "a named starting pose"}
        properties = {"base": {"enum": [b.name for b in BASES]}, "pose": named, **properties}
    else:
        properties["rest"] = _rests()
        properties["stay"] = {"enum": list(STAY_PARTS), "description": "the part that keeps its place"}
    return {"type": "object", "properties": properties, "additionalProperties": False}


def figure_json_schema() -> dict[str, Any]:
    """A JSON Schema (2020-12) for the `figure:` mapping, for editors' YAML tooling."""
    anchor = {"enum": list(all_anchors())}
    prop_names = [p.name for p in PROPS]
    placed = {
        "type": "object",
        "minProperties": 1,
        "maxProperties": 1,
        "propertyNames": {"enum": prop_names},
        "additionalProperties": {"anyOf": [anchor, {"type": "array", "items": anchor, "maxItems": 3}]},
    }
    arrow = {
        "type": "object",
        "properties": {
            "joint": {"enum": list(angle_keys())},
            "to": {"type": "integer"},
            "turn": {"enum": list(TURNS)},
            "circle": {"enum": list(CIRCLES)},
            "move": {"enum": list(MOVES)},
            "at": anchor,
        },
        "minProperties": 1,
        "additionalProperties": False,
    }
    properties: dict[str, Any] = {
        "view": {"enum": list(VIEWS), "default": "side"},
        "side": {"enum": list(SIDES)},
        "props": {"type": "array", "items": {"anyOf": [{"enum": prop_names}, placed]}, "uniqueItems": True},
        "rest": _rests(),
        "hold": {
            "type": "object",
            "propertyNames": {"enum": [f"{s}.hand" for s in (*SIDES, "near", "far")]},
            "additionalProperties": anchor,
        },
        "start": _pose(with_base=True),
        "end": _pose(with_base=False),
        "zoom": anchor,
        "then": {"type": "array", "items": _pose(with_base=False), "maxItems": MAX_THEN},
        "arrow": {"anyOf": [arrow, {"type": "array", "items": arrow, "maxItems": MAX_ARROWS}]},
        "mark": {
            "type": "array",
            "items": {"enum": list(markable())},
            "maxItems": MAX_MARKS,
            "uniqueItems": True,
        },
    }
    return {
        "type": "object",
        "description": "the drawn figure: a pose on a base posture, props, arrows and marked muscles",
        "properties": properties,
        "required": ["start"],
        "additionalProperties": False,
    }


def starting_figure(position: str) -> dict[str, Any]:
    """A figure to start from in a new exercise: the named pose for its position, or its base."""
    base = position if position in {b.name for b in BASES} else "standing"
    named = next((p for p in NAMED_POSES if p.base == base and p.starts), None)
    if named is None:
        return {"view": "side", "start": {"base": base}}
    return {"view": named.view, "start": {"pose": named.name}}
