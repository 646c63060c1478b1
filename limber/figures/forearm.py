"""A body propped on a forearm or an elbow: the arm stands as written, the body leans on it.

In a side plank the upper arm stands straight up from the elbow and the forearm lies flat on the
floor. The pose says the arm's direction (elbow under the shoulder); resting turns the rest of the
body about it until its other support touches too, instead of swinging the arm at the shoulder as
a limb that merely reaches its support would.
"""

from __future__ import annotations

from collections.abc import Callable

from limber.figures.figure import Figure
from limber.figures.skeleton import Skeleton
from limber.figures.spec import TRUNK_RESTS
from limber.figures.support import (
    LIMB_PARTS,
    Rest,
    chain_low,
    lateral,
    sides_named,
    singular,
    surface_height,
    trunk_gap,
    zero_near,
)

PROPPING = ("forearm", "elbow")  # limb parts that prop the body up on a standing upper arm


def props_on_arm(rest: Rest) -> bool:
    """Does this support prop the body on an upper arm (a forearm or an elbow)?"""
    return singular(rest.point.rpartition(".")[2]) in PROPPING


def lean_on_arm(
    figure: Figure,
    angles: dict[str, float],
    pose: Callable[[], Skeleton],
    strut: Rest,
    other: Rest,
) -> Skeleton:
    """Turn the body about its propping arm until *strut* and *other* touch alike.

    A forearm is laid flat first (the elbow bends until the wrist is as low as the elbow). The
    arm keeps its direction on the page while the body turns: the shoulder angle turns back by
    what the trunk turns. The caller lifts the body onto both supports afterwards.
    """
    sides = _sides(figure, pose(), strut)
    sgn = -1 if figure.kind == "side" else 1
    if singular(strut.point.rpartition(".")[2]) == "forearm":
        for side in sides:
            _lay_flat(figure, angles, pose, side)
    trunk, shoulders = angles["trunk"], {s: angles[f"{s}.shoulder"] for s in sides}

    def turn_to(d: float) -> Skeleton:
        angles["trunk"] = trunk + sgn * d
        for s in sides:
            angles[f"{s}.shoulder"] = shoulders[s] - d / lateral(figure, s)
        return pose()

    def difference(d: float) -> float:
        skeleton = turn_to(d)
        return _low(figure, skeleton, other) - min(_arm_low(skeleton, s, strut) for s in sides)

    turn = zero_near(difference, -60, 60)
    return turn_to(turn or 0.0)


def _lay_flat(figure: Figure, angles: dict[str, float], pose: Callable[[], Skeleton], side: str) -> None:
    """Bend the elbow until the wrist rests as low as the elbow: the forearm flat on its surface."""
    elbow = angles[f"{side}.elbow"]

    def tilt(d: float) -> float:
        angles[f"{side}.elbow"] = elbow + d / lateral(figure, side)
        chain = next(c for c in pose().chains if c.side == side and c.limb == "arm")
        return (chain.points[2][1] - chain.radii[2]) - (chain.points[1][1] - chain.radii[1])

    turn = zero_near(tilt, -40, 40)
    angles[f"{side}.elbow"] = elbow + (turn or 0.0) / lateral(figure, side)


def _sides(figure: Figure, skeleton: Skeleton, rest: Rest) -> list[str]:
    """The propping arm's side: as named, or the lower elbow's."""
    named = sides_named(figure, rest)
    if named:
        return named
    return [min(("left", "right"), key=lambda s: skeleton.points[f"{s}.elbow"][1])]


def _arm_low(skeleton: Skeleton, side: str, rest: Rest) -> float:
    _, parts = LIMB_PARTS[singular(rest.point.rpartition(".")[2])]
    return chain_low(skeleton, side, "arm", parts, None, 0.0) - surface_height(rest.on)


def _low(figure: Figure, skeleton: Skeleton, rest: Rest) -> float:
    """How high the support *rest* is above its surface, as posed (before the body is lifted)."""
    if rest.point in TRUNK_RESTS or rest.point == "head":
        return trunk_gap(skeleton, rest, (0.0, 0.0), 0.0)
    limb, parts = LIMB_PARTS[singular(rest.point.rpartition(".")[2])]
    sides = sides_named(figure, rest) or ["left", "right"]
    return min(chain_low(skeleton, s, limb, parts, None, 0.0) for s in sides) - surface_height(rest.on)
