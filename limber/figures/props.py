"""Props: where each sits against the posed body, and its outline.

Props that rest on the body (roller, balls, dumbbell, band, towel) are placed before the figure
is lowered to the floor, so a roller under the back holds the back up. Props that stand on the
floor (chair, table, wall, door frame, mat) are placed after, reaching down to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from limber.figures.canvas import Item, circle, poly
from limber.figures.figure import Figure, PropUse
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
from limber.figures.pose import H, Skeleton
from limber.figures.spec import PROP

ROLLER_RADIUS = 0.045  # a 15 cm foam roller, in fractions of H
ROLLER_LENGTH = 0.5
MASSAGE_BALL_RADIUS = 0.022
EXERCISE_BALL_RADIUS = 0.19  # a 65 cm ball
SEAT_HEIGHT = 0.25
SEAT_DEPTH = 0.24
CHAIR_BACK = 0.3
DOOR_HEIGHT = 1.18
WALL_HEIGHT = 1.12
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
    spots = {"chest": (0.72, 1), "belly": (0.3, 1), "upper-back": (0.78, -1), "lower-back": (0.3, -1)}
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
            item = circle("prop-tint", center, radius)
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


def on_floor(
    figure: Figure, skeleton: Skeleton, body_box: tuple[float, float, float, float]
) -> tuple[list[Item], list[Item]]:
    """Props standing on the floor (y = 0), placed against the lowered skeleton: (behind, front)."""
    behind: list[Item] = []
    front: list[Item] = []
    side_view = skeleton.kind == "side"
    listed = {u.name: u for u in figure.props}
    if (skeleton.points and figure.base == "seated") or "chair" in listed:
        use = listed.get("chair", PropUse("chair"))
        behind.extend(_chair(figure, skeleton, use, side_view, body_box))
    for name in ("table", "wall", "door-frame"):
        if name in listed:
            behind.extend(_stand(figure, skeleton, listed[name], side_view, body_box))
    for use in figure.props:
        for n in use.at:
            if n in ("ahead", "behind"):
                x = _space_x(figure, skeleton, use, n)
                behind.append(poly("prop", [(x, 0.0), (x, 0.75 * H)], closed=False))
    return behind, front


def _space_x(figure: Figure, skeleton: Skeleton, use: PropUse, name: str) -> float:
    points: list[Point] = []
    for n in use.at:
        points.append(anchor(skeleton, n, figure.view, points[-1] if points else None).point)
        if n == name:
            return points[-1][0]
    return 0.0


def _chair(
    figure: Figure, skeleton: Skeleton, use: PropUse, side_view: bool, box: tuple[float, float, float, float]
) -> list[Item]:
    if figure.base == "seated" and not use.at:
        seat_y = min(p[1] for p in _trunk_bottom(skeleton))
        x = skeleton.points["pelvis"][0]
        back_x = x - 0.1 * H
        front_x = back_x + SEAT_DEPTH * H
    else:
        a = anchor(skeleton, use.at[0] if use.at else "near.hand", figure.view)
        seat_y = a.point[1] - a.depth
        back_x = a.point[0] - SEAT_DEPTH * H / 2
        front_x = back_x + SEAT_DEPTH * H
    t = 0.025 * H
    if not side_view:
        half = 0.21 * H
        x = skeleton.points["pelvis"][0] if figure.base == "seated" else (back_x + front_x) / 2
        back_x, front_x = x - half, x + half
    items = [poly("prop", [(back_x, seat_y), (front_x, seat_y), (front_x, seat_y - t), (back_x, seat_y - t)])]
    legs_top = seat_y - t
    for x in (back_x + 0.015 * H, front_x - 0.015 * H):
        items.append(poly("prop", [(x, legs_top), (x, 0.0)], closed=False))
    if side_view:  # the backrest: a slim frame rising from the back of the seat
        top = seat_y + CHAIR_BACK * H
        lean = 0.02 * H
        w = 0.022 * H
        items.append(
            poly(
                "prop",
                [(back_x, seat_y), (back_x - lean, top), (back_x - lean + w, top), (back_x + w, seat_y)],
            )
        )
    return items


def _trunk_bottom(skeleton: Skeleton) -> list[Point]:
    trunk = skeleton.bone("trunk")
    return [trunk.local(-0.12, v / 4) for v in range(-4, 5)]


def _stand(
    figure: Figure, skeleton: Skeleton, use: PropUse, side_view: bool, box: tuple[float, float, float, float]
) -> list[Item]:
    x0, _, _, y1 = box
    if use.name == "table":
        a = anchor(skeleton, use.at[0] if use.at else "near.hand", figure.view)
        top = a.point[1] - a.depth
        xa, xb = a.point[0] - 0.22 * H, a.point[0] + 0.22 * H
        return [poly("prop", [(xa, top), (xb, top), (xb, top - 0.02 * H), (xa, top - 0.02 * H)]),
                poly("prop", [(xa + 0.02 * H, top - 0.02 * H), (xa + 0.02 * H, 0.0)], closed=False),
                poly("prop", [(xb - 0.02 * H, top - 0.02 * H), (xb - 0.02 * H, 0.0)], closed=False)]  # fmt: skip
    if use.name == "wall":
        if use.at:
            a = anchor(skeleton, use.at[0], figure.view)
            out = 1 if a.point[0] >= skeleton.points["pelvis"][0] else -1
            x = a.point[0] + out * a.depth
        elif side_view:
            x, out = x0, -1
        else:
            return []  # the wall is the page itself, behind the figure
        return _wall(x, out, max(WALL_HEIGHT * H, y1 + 0.05 * H))
    # door-frame: a post at the forearm (side view) or one at each hand (front and back views)
    if side_view:
        a = anchor(skeleton, use.at[0] if use.at else "near.elbow", figure.view)
        xs = [a.point[0]]
    elif use.at:
        xs = [anchor(skeleton, use.at[0], figure.view).point[0]]
    else:
        hands = [skeleton.points["left.hand"][0], skeleton.points["right.hand"][0]]
        xs = [min(hands) - 0.02 * H, max(hands) + 0.02 * H]
    top = max(DOOR_HEIGHT * H, y1 + 0.04 * H)
    items = []
    w = 0.035 * H
    for i, x in enumerate(sorted(xs)):
        outer = -1 if (len(xs) == 2 and i == 0) else 1
        xa, xb = (x - w, x) if outer < 0 else (x, x + w)
        if len(xs) == 1:
            xa, xb = x - w / 2, x + w / 2
        items.append(poly("prop", [(xa, 0.0), (xa, top), (xb, top), (xb, 0.0)], closed=False))
    if len(xs) == 2:
        xs = sorted(xs)
        items.append(poly("prop", [(xs[0] - w, top), (xs[1] + w, top)], closed=False))
    return items


def _wall(x: float, out: int, height: float) -> list[Item]:
    """A wall seen edge on: a line with short strokes on its far side."""
    items = [poly("prop", [(x, 0.0), (x, height)], closed=False)]
    step = 0.06 * H
    y = step / 2
    while y < height:
        items.append(poly("prop", [(x, y), (x + out * 0.03 * H, y + 0.03 * H)], closed=False))
        y += step
    return items
