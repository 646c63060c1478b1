"""Checking a figure's poses: the start, the end and each later one, their angles and hand shapes."""

from __future__ import annotations

from typing import Any

from limber.diagnostics import KeyPath, did_you_mean
from limber.figures.bases import BASE, NAMED_POSE
from limber.figures.checking import FigureChecker, listing, type_name
from limber.figures.figure import AngleItems
from limber.figures.spec import (
    HAND_SHAPES,
    LIMB,
    MAX_THEN,
    MIDLINE,
    PALMS,
    POSE_KEYS,
    SHAPE_KEYS,
    SIDES,
    STAY_PARTS,
)


class PoseChecks(FigureChecker):
    """The start pose (its base or named pose), the later poses, each side's angles and hand shapes."""

    def pose(self, raw: Any, key: KeyPath, default_base: str | None) -> tuple[str | None, AngleItems | None]:
        if not isinstance(raw, dict):
            self.error(key, "bad-figure", f"a pose is a mapping of joints to angles, got {type_name(raw)}")
            return None, None
        is_start = key == ("start",)
        base = None
        angles: dict[str, int] = {}
        if is_start and "pose" in raw:
            named = self.choice(raw["pose"], NAMED_POSE, (*key, "pose"), "unknown-base", "named pose")
            if named is not None:
                self.named = NAMED_POSE[named]
                angles.update(self.named.angles)
                self.shapes += [(f"start.{joint}", shape) for joint, shape in self.named.shapes]
                base = self.named.base
            if "base" in raw:
                self.error((*key, "base"), "unknown-key", "a named pose sets its own base; remove `base`")
        elif is_start:
            if "base" in raw:
                base = self.choice(raw["base"], BASE, (*key, "base"), "unknown-base", "base posture")
            elif default_base in BASE:
                base = default_base
            else:
                self.error(key, "missing-key", f"the start pose needs a `base`: one of {listing(BASE)}")
        elif "base" in raw:
            self.error(
                (*key, "base"), "unknown-key", "the end pose keeps the start's base; remove `base` here"
            )
        for name, value in raw.items():
            if name == "base" or (name == "pose" and is_start):
                continue
            if name == "rest" and not is_start:
                self.pose_rest[key] = value
            elif name == "stay" and not is_start:
                if self.choice(value, STAY_PARTS, (*key, name), "bad-rest", "part that stays") is not None:
                    self.stays.append((".".join(map(str, key)), value))
            elif name in SIDES:
                self.limbs(value, name, (*key, name), angles)
            elif name in MIDLINE:
                self.angle(value, name, (*key, name), angles)
            elif name in LIMB:
                self.error(
                    (*key, name),
                    "unknown-joint",
                    f"'{name}' is set per side: write it under `left:` or `right:` (e.g. right: {{{name}: 30}})",
                )
            else:
                hint = did_you_mean(str(name), POSE_KEYS)
                self.error(
                    (*key, name), "unknown-joint", f"unknown joint '{name}'{hint}; use: {listing(POSE_KEYS)}"
                )
        return base, tuple(sorted(angles.items()))

    def then(self, raw: Any) -> tuple[AngleItems, ...]:
        """Further end positions, each a change of the start pose, drawn dashed in turn."""
        if not isinstance(raw, list) or len(raw) > MAX_THEN:
            self.error(
                ("then",), "bad-figure", f"`then` is a list of up to {MAX_THEN} poses, got {type_name(raw)}"
            )
            return ()
        out = []
        for i, item in enumerate(raw):
            angles = self.pose(item, ("then", i), None)[1]
            if angles is not None:
                out.append(angles)
        return tuple(out)

    def limbs(self, raw: Any, side: str, key: KeyPath, angles: dict[str, int]) -> None:
        if not isinstance(raw, dict):
            self.error(key, "bad-figure", f"`{side}` is a mapping of joints to angles, got {type_name(raw)}")
            return
        for name, value in raw.items():
            if name in LIMB:
                self.angle(value, f"{side}.{name}", (*key, name), angles)
            elif name in SHAPE_KEYS:
                words = HAND_SHAPES if name == "hand" else PALMS
                if self.choice(value, words, (*key, name), "bad-figure", f"{name} shape") is not None:
                    self.shapes.append((f"{'.'.join(map(str, key[:-1]))}.{side}.{name}", value))
            else:
                hint = did_you_mean(str(name), (*LIMB, *SHAPE_KEYS))
                self.error(
                    (*key, name),
                    "unknown-joint",
                    f"unknown joint '{name}'{hint}; a side has: {listing((*LIMB, *SHAPE_KEYS))}",
                )
