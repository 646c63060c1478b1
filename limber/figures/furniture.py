"""Props that stand on the floor: chair, table, wall, door frame, step, handrail, and a post to tie a band to.

They are placed after the figure has been lowered onto the floor (y = 0) and reach down to it.
"""

from __future__ import annotations

from limber.figures.canvas import Item, poly
from limber.figures.figure import Figure, PropUse
from limber.figures.geometry import Point, add, chain_outline, mul, unit
from limber.figures.props import anchor
from limber.figures.skeleton import H, Skeleton
from limber.figures.spec import PROP
from limber.figures.step import step_span
from limber.figures.support import SEAT_HEIGHT, pelvis_low

SEAT_DEPTH = 0.24
SEAT_HALF_WIDTH = 0.21  # a chair seen from the front
CHAIR_BACK = 0.3
HAND_IN = 0.04  # a hand on a seat rests this far in from its front edge
TABLE_HALF_WIDTH = 0.22
KNEE_CLEAR = 0.03  # a chair's front edge sits this far under the knees (front and back views)
BOARD = 0.025  # the thickness of a seat or table top
DOOR_HEIGHT = 1.18
RAIL_PITCH = 31.0  # degrees: a stair's 17 cm rise over its 28 cm tread
RAIL_BEHIND, RAIL_AHEAD = 0.1, 0.3  # how far the rail runs behind and ahead of the hand
RAIL_RADIUS = 0.012
WALL_HEIGHT = 1.12
POST_WIDTH = 0.035
Box = tuple[float, float, float, float]


def on_floor(figure: Figure, skeleton: Skeleton, box: Box) -> list[Item]:
    """The floor-standing props of *figure*, against its lowered skeleton; drawn behind it."""
    listed = {u.name: u for u in figure.props}
    items: list[Item] = []
    if figure.base == "seated" or "chair" in listed:
        items += _chair(figure, skeleton, listed.get("chair", PropUse("chair")))
    if "table" in listed:
        items += _table(figure, skeleton, listed["table"])
    if "wall" in listed:
        items += _wall(figure, skeleton, listed["wall"], box)
    if "door-frame" in listed:
        items += _door_frame(figure, skeleton, listed["door-frame"], box)
    if "handrail" in listed:
        items += _handrail(figure, skeleton, listed["handrail"])
    span = step_span(figure, skeleton) if "step" in listed else None
    if span is not None:
        x0, x1, top = span
        items.append(poly("prop", [(x0, 0.0), (x0, top), (x1, top), (x1, 0.0)]))
    for use in figure.props:
        for name in use.at:
            if name in ("ahead", "behind"):
                x, y = _space_point(figure, skeleton, use, name)
                items.append(poly("prop", [(x, 0.0), (x, max(y + 0.06 * H, 0.3 * H))], closed=False))
    return items


def seat_level(skeleton: Skeleton) -> float:
    """The height of the bottom of the pelvis: where a seated figure meets its seat."""
    return pelvis_low(skeleton)


def _space_point(figure: Figure, skeleton: Skeleton, use: PropUse, name: str) -> Point:
    """Where `ahead` or `behind` lies: a post stands there for a band to be tied to."""
    points: list[Point] = []
    for n in use.at:
        points.append(anchor(skeleton, n, figure.view, points[-1] if points else None).point)
        if n == name:
            break
    return points[-1]


def _board(x0: float, x1: float, top: float, legs: bool = True) -> list[Item]:
    """A seat or table top with a leg under each end."""
    t = BOARD * H
    items = [poly("prop", [(x0, top), (x1, top), (x1, top - t), (x0, top - t)])]
    if legs:
        inset = 0.015 * H
        items += [poly("prop", [(x, top - t), (x, 0.0)], closed=False) for x in (x0 + inset, x1 - inset)]
    return items


def _chair(figure: Figure, skeleton: Skeleton, use: PropUse) -> list[Item]:
    """Under a seated figure, or touching its anchor, a knee or hand on its seat; its back faces away.

    A knee rests on the middle of the seat, a hand near its front edge (the chair stays clear of a
    body that stands up from it). An anchor higher than a seat and half its back (hands standing
    behind a chair) rests on the top of its back instead, the seat beyond.
    """
    pelvis_x = skeleton.points["pelvis"][0]
    if figure.base == "seated" and not use.at:
        top, middle, away = seat_level(skeleton), pelvis_x + 0.02 * H, -1
    else:
        name = use.at[0] if use.at else "near.hand"
        a = anchor(skeleton, name, figure.view)
        top, middle = a.point[1] - a.depth, a.point[0]
        away = 1 if middle >= pelvis_x else -1
        if top > (SEAT_HEIGHT + CHAIR_BACK / 2) * H:
            return _held_by_the_back(middle, top, away)
        if name.endswith(".hand") and skeleton.kind == "side":
            middle += away * (SEAT_DEPTH / 2 - HAND_IN) * H
    if skeleton.kind != "side":
        if figure.base == "seated" and not use.at:
            return _seat_facing(skeleton, middle, top)
        half = SEAT_HALF_WIDTH * H
        return _board(middle - half, middle + half, top)
    x0, x1 = middle - SEAT_DEPTH * H / 2, middle + SEAT_DEPTH * H / 2
    items = _board(x0, x1, top)
    edge = x0 if away < 0 else x1
    w, lean, height = 0.022 * H * -away, 0.02 * H * away, CHAIR_BACK * H
    items.append(
        poly(
            "prop",
            [(edge, top), (edge + lean, top + height), (edge + lean + w, top + height), (edge + w, top)],
        )
    )
    return items


def _held_by_the_back(x: float, top: float, away: int) -> list[Item]:
    """A chair seen side on, the top of its back at (x, top) under a hand, its seat beyond it."""
    seat, w = SEAT_HEIGHT * H, 0.022 * H * away
    near = x - w / 2
    far = near + away * SEAT_DEPTH * H
    items = _board(min(near, far), max(near, far), seat)
    items.append(poly("prop", [(near, seat), (near, top), (near + w, top), (near + w, seat)]))
    return items


def _seat_facing(skeleton: Skeleton, middle: float, top: float) -> list[Item]:
    """A chair seen from the front or back, a little from above, under a seated figure.

    The seat runs from under the pelvis (its back edge) toward you to just under the knees (its
    front edge, lower and wider), so the thighs lie on it and the shins hang from its edge; the
    chair's back shows behind the shoulders, beside the trunk.
    """
    knees = min(skeleton.points[f"{s}.knee"][1] for s in ("left", "right"))
    front = min(top, knees - KNEE_CLEAR * H)
    back_half, front_half, t = 0.75 * SEAT_HALF_WIDTH * H, SEAT_HALF_WIDTH * H, BOARD * H
    items = [
        poly("prop", [(middle - back_half, top), (middle + back_half, top),
                      (middle + front_half, front), (middle - front_half, front)]),
        poly("prop", [(middle - front_half, front), (middle + front_half, front),
                      (middle + front_half, front - t), (middle - front_half, front - t)]),
    ]  # fmt: skip
    inset = 0.015 * H
    for x in (middle - front_half + inset, middle + front_half - inset):
        items.append(poly("prop", [(x, front - t), (x, 0.0)], closed=False))
    rail = top + CHAIR_BACK * H
    for x in (middle - back_half, middle + back_half):
        items.append(poly("prop", [(x, top), (x, rail)], closed=False))
    items.append(poly("prop", [(middle - back_half, rail), (middle + back_half, rail)], closed=False))
    return items


def _table(figure: Figure, skeleton: Skeleton, use: PropUse) -> list[Item]:
    a = anchor(skeleton, use.at[0] if use.at else "near.hand", figure.view)
    half = TABLE_HALF_WIDTH * H
    return _board(a.point[0] - half, a.point[0] + half, a.point[1] - a.depth)


def _wall(figure: Figure, skeleton: Skeleton, use: PropUse, box: Box) -> list[Item]:
    """A wall seen edge on, touching its anchor or behind the back; the page itself in front views."""
    if use.at:
        a = anchor(skeleton, use.at[0], figure.view)
        out = 1 if a.point[0] >= skeleton.points["pelvis"][0] else -1
        x = a.point[0] + out * a.depth
    elif skeleton.kind == "side":
        x, out = box[0], -1
    else:
        return []
    height = max(WALL_HEIGHT * H, box[3] + 0.05 * H)
    items = [poly("prop", [(x, 0.0), (x, height)], closed=False)]
    step = 0.06 * H
    y = step / 2
    while y < height:  # short strokes on the far side, the drawing sign for a wall
        items.append(poly("prop", [(x, y), (x + out * 0.03 * H, y + 0.03 * H)], closed=False))
        y += step
    return items


def _door_frame(figure: Figure, skeleton: Skeleton, use: PropUse, box: Box) -> list[Item]:
    """A post at the near forearm (side view), or a post beside each hand and a lintel (front, back)."""
    w = POST_WIDTH * H
    top = max(DOOR_HEIGHT * H, box[3] + 0.04 * H)
    if skeleton.kind == "side" or use.at:
        x = anchor(skeleton, use.at[0] if use.at else "near.elbow", figure.view).point[0]
        return [
            poly(
                "prop", [(x - w / 2, 0.0), (x - w / 2, top), (x + w / 2, top), (x + w / 2, 0.0)], closed=False
            )
        ]
    hands = sorted(skeleton.points[f"{s}.hand"][0] for s in ("left", "right"))
    left, right = hands[0] - 0.02 * H, hands[1] + 0.02 * H
    return [
        poly("prop", [(left, 0.0), (left, top), (left - w, top), (left - w, 0.0)], closed=False),
        poly("prop", [(right, 0.0), (right, top), (right + w, top), (right + w, 0.0)], closed=False),
        poly("prop", [(left - w, top), (right + w, top)], closed=False),
    ]


def _handrail(figure: Figure, skeleton: Skeleton, use: PropUse) -> list[Item]:
    """A stair rail through the hand that holds it, rising ahead, on a post at its low end.

    In the front and back views the rail runs away from you: a post up to that hand.
    """
    grip = anchor(skeleton, use.at[0] if use.at else PROP["handrail"].default_at[0], figure.view).point
    w = POST_WIDTH * H / 2
    if skeleton.kind != "side":
        x, top = grip[0], grip[1] - RAIL_RADIUS * H
        return [poly("prop", [(x - w, 0.0), (x - w, top), (x + w, top), (x + w, 0.0)], closed=False)]
    along = unit(RAIL_PITCH)
    low, high = add(grip, mul(along, -RAIL_BEHIND * H)), add(grip, mul(along, RAIL_AHEAD * H))
    rail = poly("prop-tint", chain_outline([low, high], [RAIL_RADIUS * H] * 2))
    x, y = low
    post = poly("prop", [(x - w, 0.0), (x - w, y), (x + w, y), (x + w, 0.0)], closed=False)
    return [post, rail]
