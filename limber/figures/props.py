"""Anchors on the body, and the props that rest on it: roller, balls, dumbbell, band, towel.

These are placed before the figure is lowered to the floor, so a roller under the back holds the
back up. Props that stand on the floor are in furniture.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from limber.figures.canvas import Item, circle, poly
from limber.figures.figure import Figure
from limber.figures.geometry import (
    Point,
    add,
    angle_of,
    arc,
    chain_outline,
    left_normal,
    mul,
    normalize,
    sub,
)
from limber.figures.skeleton import H, Skeleton
from limber.figures.spec import PROP

ROLLER_RADIUS = 0.045  # a 15 cm foam roller, in fractions of H
ROLLER_LENGTH = 0.5
MASSAGE_BALL_RADIUS = 0.03  # a 10 cm ball: a little larger than most, so that it shows
EXERCISE_BALL_RADIUS = 0.19  # a 65 cm ball
ON_BODY = ("foam-roller", "massage-ball", "exercise-ball", "dumbbell", "towel", "resistance-band")


@dataclass(frozen=True, slots=True)
class Anchor:
    """A point on (or near) the body, the way out of the body there, and the body's half-width."""

    point: Point
    outward: Point
    depth: float
    behind: bool = False  # front and back views: the point is on the hidden face


def anchor(skeleton: Skeleton, name: str, view: str, previous: Point | None = None) -> Anchor:
    """Resolve an anchor name (spec.all_anchors) against a posed skeleton."""
    other = "left" if skeleton.near == "right" else "right"
    name = name.replace("near.", f"{skeleton.near}.").replace("far.", f"{other}.")
    down: Point = (0.0, -1.0)
    if name in ("ahead", "behind"):
        start = previous if previous is not None else skeleton.points["chest"]
        return Anchor(add(start, (0.45 * H if name == "ahead" else -0.45 * H, 0.0)), down, 0.0)
    trunk = skeleton.bone("trunk")
    spots = {
        "chest": (0.72, 1),
        "belly": (0.3, 1),
        "upper-back": (0.78, -1),
        "mid-back": (0.6, -1),
        "lower-back": (0.3, -1),
    }
    if name in spots:
        u, v = spots[name]
        if skeleton.kind == "side":
            surface, middle = trunk.local(u, v), trunk.point(u)
            return Anchor(surface, normalize(sub(surface, middle)), 0.0)
        hidden = (v < 0) == (view == "front")
        return Anchor(trunk.point(u), down, 0.0, behind=hidden)
    if name == "pelvis":
        bottom = trunk.local(-0.12, 0)
        return Anchor(bottom, normalize(sub(bottom, trunk.point(0.2))), 0.0)
    if name == "head":
        center, r = skeleton.head
        return Anchor(center, down, r)
    if name == "neck":
        return Anchor(skeleton.points["neck"], down, 0.027 * H)
    side, _, part = name.partition(".")
    depth = {"shoulder": 0.03, "elbow": 0.024, "hand": 0.017, "hip": 0.046, "knee": 0.031, "shin": 0.026,
             "foot": 0.02, "thigh": 0.04}[part] * H  # fmt: skip
    return Anchor(skeleton.points[f"{side}.{part}"], down, depth)


def on_body(figure: Figure, skeleton: Skeleton) -> tuple[list[Item], list[Item]]:
    """Props resting on the body, as (drawn behind the figure, drawn in front of it)."""
    behind: list[Item] = []
    front: list[Item] = []
    side_view = skeleton.kind == "side"
    for use in figure.props:
        if use.name not in ON_BODY:
            continue
        names = use.at or PROP[use.name].default_at
        if use.name in ("towel", "resistance-band"):
            points: list[Point] = []
            for n in names:
                points.append(anchor(skeleton, n, figure.view, points[-1] if points else None).point)
            if use.name == "towel":
                front.append(poly("prop-tint", chain_outline(points, [0.011 * H] * len(points))))
            else:
                front.append(poly("strap", points, closed=False))
            continue
        a = anchor(skeleton, names[0], figure.view)
        if use.name == "dumbbell":
            front.extend(_dumbbell(skeleton, names[0], a.point, side_view))
            continue
        radius = {"foam-roller": ROLLER_RADIUS, "massage-ball": MASSAGE_BALL_RADIUS,
                  "exercise-ball": EXERCISE_BALL_RADIUS}[use.name] * H  # fmt: skip
        if side_view or use.name != "foam-roller":
            center = add(a.point, mul(a.outward, a.depth + radius)) if side_view else a.point
            item = circle("ball" if use.name == "massage-ball" else "prop-tint", center, radius)
            if side_view and use.name == "foam-roller":
                behind.append(circle("prop", center, radius * 0.35))
        else:
            item = poly("prop-tint", _bar(a.point, ROLLER_LENGTH * H / 2, radius, _across(skeleton)))
        (behind if side_view or a.behind or use.name == "exercise-ball" else front).append(item)
    return behind, front


def _across(skeleton: Skeleton) -> Point:
    trunk = skeleton.bone("trunk")
    return left_normal(sub(trunk.p1, trunk.p0))


def _bar(center: Point, half_length: float, half_width: float, along: Point) -> list[Point]:
    """A rounded bar centred on *center*, lying along *along*."""
    d = angle_of(along)
    a, b = add(center, mul(along, -half_length)), add(center, mul(along, half_length))
    return [*arc(b, half_width, d - 90, d + 90, 30), *arc(a, half_width, d + 90, d + 270, 30)]


def _dumbbell(skeleton: Skeleton, name: str, hand: Point, side_view: bool) -> list[Item]:
    side = name.replace("near.", f"{skeleton.near}.").partition(".")[0]
    if side not in ("left", "right"):
        side = skeleton.near
    wrist = skeleton.points[f"{side}.wrist"]
    along = normalize(sub(hand, wrist))
    if side_view:  # the bar points at the viewer: a plate seen face on
        return [circle("prop-tint", hand, 0.038 * H), circle("prop", hand, 0.012 * H)]
    across = left_normal(along)
    items = [
        poly("prop", [add(hand, mul(across, -0.06 * H)), add(hand, mul(across, 0.06 * H))], closed=False)
    ]
    for sign in (-1, 1):
        items.append(
            poly("prop-tint", _bar(add(hand, mul(across, sign * 0.06 * H)), 0.012 * H, 0.03 * H, across))
        )
    return items
