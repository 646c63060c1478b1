"""The figure checker's ground: the problems found so far, and the checks every part shares.

A choice from a list, keys a mapping may have, an angle in its joint's range, an anchor on the
body. The parts of a figure are checked by the classes built on it (pose_checks, support_checks,
prop_checks, arrow_checks), brought together in validate.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from limber.diagnostics import KeyPath, did_you_mean
from limber.figures.bases import NamedPose
from limber.figures.figure import FigureProblem
from limber.figures.spec import BODY_ANCHORS, LIMB_ANCHORS, SPACE_ANCHORS, ViewKind, all_anchors, joint_of


def listing(words: Iterable[str]) -> str:
    return ", ".join(words)


def type_name(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number"}
    return "nothing" if value is None else names.get(type(value), type(value).__name__)


class FigureChecker:
    """Walks the raw figure once, recording problems as it goes."""

    def __init__(self) -> None:
        self.problems: list[FigureProblem] = []
        self.kind: ViewKind = "side"
        self.pose_rest: dict[KeyPath, Any] = {}  # a later pose's own supports, checked with the props
        self.stays: list[tuple[str, str]] = []  # a later pose's part that keeps its place
        self.shapes: list[tuple[str, str]] = []  # hand shapes and palms, by pose and side
        self.named: NamedPose | None = None  # the named pose the start begins from

    def error(self, key: KeyPath, code: str, message: str) -> None:
        self.problems.append(FigureProblem(key, code, message))

    def unknown_keys(self, raw: dict[str, Any], allowed: Iterable[str], key: KeyPath, where: str) -> None:
        allowed = tuple(allowed)
        for name in raw:
            if name not in allowed:
                hint = did_you_mean(name, allowed)
                self.error(
                    (*key, name),
                    "unknown-key",
                    f"unknown key '{name}' {where}{hint}; use: {listing(allowed)}",
                )

    def choice(self, value: Any, allowed: Iterable[str], key: KeyPath, code: str, what: str) -> str | None:
        allowed = tuple(allowed)
        if isinstance(value, str) and value in allowed:
            return value
        shown = f"'{value}'" if isinstance(value, str) else type_name(value)
        hint = did_you_mean(value, allowed) if isinstance(value, str) else ""
        self.error(key, code, f"unknown {what} {shown}{hint}; use one of: {listing(allowed)}")
        return None

    def angle(self, value: Any, joint_key: str, key: KeyPath, angles: dict[str, int]) -> int | None:
        joint = joint_of(joint_key)
        label = joint_key.replace(".", " ")
        # bool is a subclass of int: 'knee: yes' must not pass as 1.
        if isinstance(value, bool) or not isinstance(value, int):
            shown = f"'{value}'" if isinstance(value, str) else type_name(value)
            self.error(key, "not-an-angle", f"{label} must be a whole number of degrees, got {shown}")
            return None
        lo, hi = joint.range(self.kind)
        if not lo <= value <= hi:
            view = "side view allows" if self.kind == "side" else "front and back views allow"
            plus, minus = joint.words(self.kind, 1), joint.words(self.kind, -1)
            self.error(
                key,
                "angle-out-of-range",
                f"{label} {value} is out of range: the {view} {lo} to {hi} "
                f"(+ {joint.part} {plus}, − {minus})",
            )
            return None
        angles[joint_key] = value
        return value

    def anchor(self, value: Any, key: KeyPath, what: str) -> bool:
        known = (
            all_anchors()
            if self.kind == "side"
            else tuple(a for a in all_anchors() if a not in SPACE_ANCHORS)
        )
        if isinstance(value, str) and value in known:
            return True
        shown = f"'{value}'" if isinstance(value, str) else type_name(value)
        hint = did_you_mean(value, known) if isinstance(value, str) else ""
        space = "; or ahead, behind" if self.kind == "side" else ""
        self.error(
            key,
            "unknown-anchor",
            f"unknown place {shown} for {what}{hint}; use {listing(BODY_ANCHORS)}, or left., right., "
            f"near. or far. with {listing(LIMB_ANCHORS)}{space}",
        )
        return False
