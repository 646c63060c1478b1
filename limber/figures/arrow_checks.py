"""Checking what a figure points out: its movement arrows and its marked muscles or areas."""

from __future__ import annotations

from typing import Any

from limber.diagnostics import KeyPath, did_you_mean
from limber.figures.checking import FigureChecker, type_name
from limber.figures.figure import Arrow
from limber.figures.regions import markable, shape_of
from limber.figures.spec import (
    ARROW_KINDS,
    CIRCLES,
    FACE_ONLY_MOVES,
    MAX_ARROWS,
    MAX_MARKS,
    MOVES,
    SIDE_ONLY_MOVES,
    TURNS,
    angle_keys,
)


class ArrowChecks(FigureChecker):
    """`arrow` (one or a list) and `mark`."""

    def marks(self, raw: Any, view: str) -> tuple[str, ...]:
        if not isinstance(raw, list) or not all(isinstance(m, str) for m in raw):
            self.error(
                ("mark",),
                "bad-figure",
                f"`mark` is a list of muscles or areas, e.g. [neck-extensors], got {type_name(raw)}",
            )
            return ()
        if len(raw) > MAX_MARKS:
            message = f"`mark` lists {len(raw)} muscles or areas; at most {MAX_MARKS}: keep the ones the exercise works most"
            self.error(("mark",), "bad-figure", message)
            return ()
        out: list[str] = []
        for i, slug in enumerate(raw):
            if slug in out:
                self.error(("mark", i), "duplicate-mark", f"'{slug}' is marked twice; keep one")
                continue
            shape = shape_of(slug)
            if shape is None:
                hint = did_you_mean(slug, markable())
                self.error(
                    ("mark", i),
                    "unknown-mark",
                    f"cannot mark '{slug}'{hint}; use a muscle or area slug from taxonomies.yaml",
                )
                continue
            if view != "side" and not shape.face(view):
                other = "back" if view == "front" else "front"
                self.error(
                    ("mark", i),
                    "mark-hidden",
                    f"'{slug}' cannot be seen in the {view} view; use view: side or {other}",
                )
                continue
            out.append(slug)
        return tuple(out)

    def arrows(self, raw: Any) -> tuple[Arrow, ...]:
        items = raw if isinstance(raw, list) else [raw]
        if len(items) > MAX_ARROWS:
            self.error(
                ("arrow",), "bad-arrow", f"at most {MAX_ARROWS} arrows; keep the ones that show the movement"
            )
            return ()
        out = []
        for i, item in enumerate(items):
            key: KeyPath = ("arrow", i) if isinstance(raw, list) else ("arrow",)
            arrow = self.arrow(item, key)
            if arrow is not None:
                out.append(arrow)
        return tuple(out)

    def arrow(self, raw: Any, key: KeyPath) -> Arrow | None:
        usage = "an arrow is {joint: neck, to: 30}, {turn: left, at: head}, {circle: forward, at: near.shoulder} or {move: back, at: head}"
        if not isinstance(raw, dict):
            self.error(key, "bad-arrow", f"{usage}; got {type_name(raw)}")
            return None
        kinds = [k for k in ARROW_KINDS if k in raw]
        self.unknown_keys(raw, (*ARROW_KINDS, "joint", "at"), key, "in an arrow")
        if len(kinds) != 1:
            self.error(key, "bad-arrow", usage)
            return None
        kind = kinds[0]
        if kind == "to":
            joint = self.choice(raw.get("joint"), angle_keys(), (*key, "joint"), "unknown-joint", "joint")
            if joint is None:
                return None
            angle = self.angle(raw["to"], joint, (*key, "to"), {})
            return None if angle is None else Arrow("to", joint, angle)
        words = {"turn": TURNS, "circle": CIRCLES, "move": MOVES}[kind]
        direction = self.choice(raw[kind], words, (*key, kind), "bad-arrow", f"direction for '{kind}'")
        at = raw.get("at")
        if kind == "turn":
            at = self.choice(at, ("head", "chest"), (*key, "at"), "unknown-anchor", "place to turn")
        elif not self.anchor(at, (*key, "at"), f"'{kind}'"):
            at = None
        if direction is None or at is None:
            return None
        wrong = SIDE_ONLY_MOVES if self.kind == "face" else FACE_ONLY_MOVES
        if kind == "move" and direction in wrong:
            fit = "up, down, left or right" if self.kind == "face" else "forward, back, up or down"
            self.error((*key, kind), "bad-arrow", f"'{direction}' cannot be drawn in this view; use {fit}")
            return None
        return Arrow(kind, at, direction)
