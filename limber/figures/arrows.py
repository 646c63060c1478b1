"""Movement arrows, each ending in a filled head.

An arc about a bending joint, a ring about a turning head or chest, a circle, or a straight push.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence

from limber.figures.canvas import Item, poly
from limber.figures.figure import Arrow, Figure
from limber.figures.geometry import Point, add, angle_of, arc, dist, left_normal, mul, normalize, sub
from limber.figures.props import anchor
from limber.figures.skeleton import H, Skeleton
from limber.figures.spec import angle_keys

# joint -> (pivot point, moving point) in skeleton.points; sided joints prefix the side.
LEVERS = {
    "trunk": ("pelvis", "neck"),
    "spine": ("pelvis", "neck"),
    "neck": ("neck", "head"),
    "head": ("chin", "head"),
    "shoulder": ("shoulder", "elbow"),
    "elbow": ("elbow", "wrist"),
    "wrist": ("wrist", "hand"),
    "hip": ("hip", "knee"),
    "knee": ("knee", "ankle"),
    "ankle": ("ankle", "toes"),
}
PARENT = {
    "spine": "trunk",
    "head": "neck",
    "elbow": "shoulder",
    "wrist": "elbow",
    "knee": "hip",
    "ankle": "knee",
}
HEAD_LENGTH = 0.035  # arrowhead, fractions of H
# A sequence's order: the parts whose move from one position to the next an arrow shows, and the
# joint each turns about; the arrow runs this far beyond the whole limb, for a move at least this
# long, and is drawn at least ORDER_LENGTH long (fractions of H).
ORDER_PARTS = ("hand", "elbow", "foot", "knee")
ORDER_PIVOT = {"hand": "shoulder", "elbow": "shoulder", "foot": "hip", "knee": "hip"}
ORDER_LIMB = {"hand": "arm", "elbow": "arm", "foot": "leg", "knee": "leg"}
ORDER_CLEAR = 0.06
ORDER_MIN = 0.05
ORDER_LENGTH = 0.14
AUTO_ARROWS = 2


def movement_arrows(figure: Figure) -> tuple[Arrow, ...]:
    """The arrows written, or those drawn from the start to the end pose; a sequence has its own."""
    if figure.arrows is not None:
        return figure.arrows
    return () if figure.then else auto_arrows(figure)


def order_arrows(figure: Figure, skeletons: Sequence[Skeleton]) -> list[Item]:
    """An arrow from each position of a sequence to the next (Y, then T, then W).

    Each goes round the joint that carries the part moving furthest (a hand about its shoulder),
    the way that part turns, just beyond the whole limb in both positions, clear of its outlines;
    a short move still gets an arrow ORDER_LENGTH long, centred on it.
    """
    out: list[Item] = []
    other = "left" if figure.near == "right" else "right"
    candidates = [f"{side}.{part}" for side in (figure.near, other) for part in ORDER_PARTS] + ["head"]
    for a, b in itertools.pairwise(skeletons):
        best = None
        for key in candidates:
            side, _, part = key.rpartition(".")
            pivot_name = f"{side}.{ORDER_PIVOT[part]}" if side else "neck"
            pivot = a.points[pivot_name]
            a0 = angle_of(sub(a.points[key], pivot))
            delta = (angle_of(sub(b.points[key], b.points[pivot_name])) - a0 + 180) % 360 - 180
            radius = max(dist(pivot, a.points[key]), dist(b.points[pivot_name], b.points[key]))
            sweep = abs(math.radians(delta)) * radius
            if best is None or sweep > best[0] + 1e-6:
                reach = max(_reach(a, key, pivot_name), _reach(b, key, pivot_name))
                best = (sweep, pivot, reach, a0, delta)
        if best is None or best[0] < ORDER_MIN * H:
            continue
        _, pivot, reach, a0, delta = best
        radius = reach + ORDER_CLEAR * H
        half = max(0.35 * abs(delta), math.degrees(ORDER_LENGTH * H / radius) / 2)
        middle, way = a0 + delta / 2, math.copysign(1, delta)
        out += shaft(arc(pivot, radius, middle - way * half, middle + way * half, 8))
    return out


def _reach(skeleton: Skeleton, key: str, pivot_name: str) -> float:
    """How far the limb that carries *key* (or the head) reaches from its pivot, its width included."""
    pivot = skeleton.points[pivot_name]
    side, _, part = key.rpartition(".")
    if not side:
        center, radius = skeleton.head
        return dist(pivot, center) + radius
    chain = next(c for c in skeleton.chains if c.side == side and c.limb == ORDER_LIMB[part])
    return max(dist(pivot, p) + r for p, r in zip(chain.points, chain.radii, strict=True))


def auto_arrows(figure: Figure) -> tuple[Arrow, ...]:
    """Arrows for the largest changes from the start pose to the end pose."""
    if figure.end is None:
        return ()
    start = figure.angles("start")
    changes = sorted(
        ((abs(v - start[k]), k, v) for k, v in figure.end if v != start[k] and k in angle_keys()),
        key=lambda c: (-c[0], c[1]),
    )
    changed = {k for _, k, _ in changes}
    # A joint whose parent moves too is carried along: the parent's arrow shows the movement.
    changes = [c for c in changes if _parent(c[1]) not in changed]
    if figure.kind == "side":  # left and right moving alike draw one arrow, on the near side
        far = "left." if figure.near == "right" else "right."
        near = {(k.partition(".")[2], v) for _, k, v in changes if not k.startswith(far)}
        changes = [
            c for c in changes if not (c[1].startswith(far) and (c[1].partition(".")[2], c[2]) in near)
        ]
    out = []
    for _, key, value in changes[:AUTO_ARROWS]:
        if key in ("head_turn", "trunk_twist"):
            direction = "right" if value > start[key] else "left"
            out.append(Arrow("turn", "head" if key == "head_turn" else "chest", direction))
        else:
            out.append(Arrow("to", key, value))
    return tuple(out)


def _parent(key: str) -> str | None:
    side, dot, name = key.rpartition(".")
    parent = PARENT.get(name)
    return None if parent is None else f"{side}{dot}{parent}"


def arrow_items(
    figure: Figure, skeleton: Skeleton, arrow: Arrow, repose: Callable[[Mapping[str, int]], Skeleton]
) -> list[Item]:
    """The shaft and head of one arrow. *repose* poses the start angles with one joint changed."""
    if arrow.kind == "to":
        return _bend(figure, skeleton, arrow, repose)
    if arrow.kind == "turn":
        return _turn(skeleton, arrow)
    a = anchor(skeleton, str(arrow.target), figure.view)
    if arrow.kind == "circle":
        r = 0.06 * H
        start, end = (150.0, -150.0) if arrow.value == "forward" else (30.0, 330.0)
        return shaft(arc(a.point, r, start, end))
    ways: dict[str, Point] = {"up": (0.0, 1.0), "down": (0.0, -1.0), "forward": (1.0, 0.0), "back": (-1.0, 0.0),
                              "left": (1.0, 0.0), "right": (-1.0, 0.0)}  # fmt: skip
    way = ways[str(arrow.value)]
    trunk = skeleton.bone("trunk")
    axis = normalize(sub(trunk.p1, trunk.p0))
    if abs(way[0] * axis[0] + way[1] * axis[1]) > 0.7 and "." in str(arrow.target):
        # a hand or foot moving along the body: just above it, the way it goes
        over = left_normal(way) if left_normal(way)[1] >= 0 else mul(left_normal(way), -1)
        beside = add(a.point, mul(over, a.depth + 0.05 * H))
        return shaft([add(beside, mul(way, -0.06 * H)), add(beside, mul(way, 0.06 * H))])
    if abs(way[0] * axis[0] + way[1] * axis[1]) > 0.7:  # the body moving along itself: beside it, in front
        front = mul(left_normal(axis), -1 if skeleton.kind == "side" else 1)
        beside = add(trunk.point(0.3), mul(front, 0.15 * H))
        return shaft([add(beside, mul(way, -0.06 * H)), add(beside, mul(way, 0.06 * H))])
    begin = add(a.point, mul(way, a.depth + 0.035 * H))
    return shaft([begin, add(begin, mul(way, 0.12 * H))])


def _bend(
    figure: Figure, skeleton: Skeleton, arrow: Arrow, repose: Callable[[Mapping[str, int]], Skeleton]
) -> list[Item]:
    key = arrow.target
    side, _, name = key.rpartition(".")
    if name == "spine":
        return _spine(figure, skeleton, arrow, repose)
    pivot_name, moving_name = LEVERS[name]
    prefix = f"{side}." if side else ""
    pivot = skeleton.points[pivot_name if pivot_name in ("pelvis", "neck", "chin") else prefix + pivot_name]
    moving = skeleton.points[moving_name if moving_name in ("neck", "head") else prefix + moving_name]
    angles = figure.angles("start")
    angles[key] = int(arrow.value)
    moved = repose(angles)
    moved_pivot = moved.points[
        pivot_name if pivot_name in ("pelvis", "neck", "chin") else prefix + pivot_name
    ]
    moved_moving = moved.points[moving_name if moving_name in ("neck", "head") else prefix + moving_name]
    a0 = angle_of(sub(moving, pivot))
    a1 = angle_of(sub(moved_moving, moved_pivot))
    delta = (a1 - a0 + 180) % 360 - 180
    if abs(delta) < 3:
        return []
    clear = skeleton.head[1] + 0.02 * H if name in ("neck", "head") else 0.05 * H
    radius = min(dist(pivot, moving) + clear, 0.4 * H)  # just beyond the moving part
    return shaft(arc(pivot, radius, a0 + 0.12 * delta, a0 + delta))


def _spine(
    figure: Figure, skeleton: Skeleton, arrow: Arrow, repose: Callable[[Mapping[str, int]], Skeleton]
) -> list[Item]:
    """Rounding or arching: a straight arrow beside the middle of the back, the way it moves."""
    angles = figure.angles("start")
    angles["spine"] = int(arrow.value)
    across = -1 if skeleton.kind == "side" else 1
    trunk, moved = skeleton.bone("trunk"), repose(angles).bone("trunk")
    here, there = trunk.local(0.5, across), moved.local(0.5, across)
    if dist(here, there) < 0.003 * H:
        return []
    way = normalize(sub(there, here))
    out = normalize(sub(here, trunk.point(0.5)))
    near, far = add(here, mul(out, 0.04 * H)), add(here, mul(out, 0.16 * H))
    outward = way[0] * out[0] + way[1] * out[1] > 0
    return shaft([near, far] if outward else [far, near])


def _turn(skeleton: Skeleton, arrow: Arrow) -> list[Item]:
    """An arc around the long axis of the head or chest, seen a little from above."""
    if arrow.target == "head":  # a ring floating just above the head
        head, r = skeleton.head
        bone = skeleton.bone("head")
        center = add(head, mul(normalize(sub(bone.p1, bone.p0)), r * 1.3))
        rx = r * 1.1
    else:
        bone = skeleton.bone("trunk")
        center = bone.point(0.78)
        rx = 0.16 * H
    axis = normalize(sub(bone.p1, bone.p0))
    across = left_normal(axis)  # with +x facing, this is the back (side view) / figure's right (front)
    ry = rx * 0.32
    right = arrow.value == "right"
    if skeleton.kind == "side":
        toward_viewer = right == (skeleton.near == "right")
        angles = (
            [-10 - 160 * i / 16 for i in range(17)]
            if toward_viewer
            else [10 + 160 * i / 16 for i in range(17)]
        )
        ellipse = [(math.cos(math.radians(t)), math.sin(math.radians(t))) for t in angles]
        front = mul(across, -1)
        # x: towards the face; y: towards the viewer is "down" on the page.
        points = [add(center, add(mul(front, rx * c), mul(axis, ry * s))) for c, s in ellipse]
    else:
        sign = 1 if right else -1  # the figure's right is +across in the canonical front view
        steps = 16
        points = [
            add(
                center,
                add(
                    mul(across, sign * rx * (2 * i / steps - 1)),
                    mul(axis, -ry * math.sin(math.pi * i / steps)),
                ),
            )
            for i in range(steps + 1)
        ]
    return shaft(points)


def shaft(points: list[Point]) -> list[Item]:
    if len(points) < 2:
        return []
    tip = points[-1]
    back = points[-2]
    k = len(points) - 2
    while k > 0 and dist(points[k], tip) < HEAD_LENGTH * H:
        k -= 1
        back = points[k]
    d = normalize(sub(tip, back))
    base = add(tip, mul(d, -HEAD_LENGTH * H))
    side = mul(left_normal(d), HEAD_LENGTH * H * 0.5)
    head = [tip, add(base, side), add(base, mul(side, -1))]
    shaft = [*points[:-1], base]
    return [poly("arrow", shaft, closed=False), poly("ink", head)]
