"""How far the parts of a posed figure are from what holds them: the floor, a seat, a roller.

The measures that resting a pose (contact.py) and checking it (checks.py) share: which parts a
support names, the lowest point of each, how that changes as the body or a limb turns, and the
zero of such a change nearest to the pose as written.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from limber.diagnostics import KeyPath
from limber.figures.figure import Figure
from limber.figures.geometry import Point, add, normalize, sub
from limber.figures.outline import trunk_outline
from limber.figures.props import EXERCISE_BALL_RADIUS, ROLLER_RADIUS
from limber.figures.skeleton import Chain, H, Skeleton
from limber.figures.spec import REST_PLURAL, SIDES, TRUNK_RESTS

CM_PER_UNIT = 1.7  # a drawing unit in centimetres, for a person 170 cm tall

TOUCH = 0.4  # drawing units: a support within this touches (under a pixel at full size)

SEAT_HEIGHT = 0.25  # fractions of H: a chair seat, unless the feet need a higher one
STEP_HEIGHT = 0.1  # a stair: 17 cm

ROUND = {"foam-roller": ROLLER_RADIUS, "exercise-ball": EXERCISE_BALL_RADIUS}

SURFACE_WORDS = {"floor": "the floor", "chair": "the seat", "foam-roller": "the foam roller",
                 "exercise-ball": "the ball", "step": "the step"}  # fmt: skip

# Samples (along, across) of the trunk's surface that rests on something; see pose.Bone.local.
# The pelvis and the whole trunk rest on their drawn outline (outline.trunk_outline).
SPOTS: dict[str, tuple[tuple[float, float], ...]] = {
    "upper-back": tuple((u, -1) for u in (0.62, 0.7, 0.78, 0.86, 0.94, 1.0)),
    "mid-back": tuple((u, -1) for u in (0.45, 0.52, 0.6, 0.68)),
    "lower-back": tuple((u, -1) for u in (0.2, 0.3, 0.4)),
    "chest": tuple((u, 1) for u in (0.6, 0.7, 0.8, 0.9)),
    "belly": tuple((u, 1) for u in (0.1, 0.2, 0.3, 0.4)),
}

PROP_AT = {"upper-back": 0.78, "mid-back": 0.6, "lower-back": 0.3}  # where a roller or ball sits

# A limb's resting part: which points of its chain (arm: shoulder, elbow, wrist, fingers; leg:
# hip, knee, heel, toes), and the root joint that swings it.
LIMB_PARTS = {"foot": ("leg", (2, 3)), "heel": ("leg", (2,)), "toes": ("leg", (3,)), "knee": ("leg", (1,)),
              "shin": ("leg", (1, 2)), "hand": ("arm", (2, 3, 4, 5, 6)), "elbow": ("arm", (1,)),
              "forearm": ("arm", (1, 2))}  # fmt: skip

ROOT = {"leg": "hip", "arm": "shoulder"}


@dataclass(frozen=True, slots=True)
class Rest:
    """One support: a part of the body, and what it rests on."""

    point: str  # "pelvis", "upper-back", "feet", "near.hand", ...
    on: str = "floor"  # floor | chair | foam-roller | exercise-ball
    key: KeyPath = ()  # where the editor wrote it; () for the base posture's own


def lateral(figure: Figure, side: str) -> int:
    """+1 when a larger limb angle turns the limb anticlockwise in the canonical frame."""
    return 1 if figure.kind == "side" or side == "left" else -1


def lifted_low(chain: Chain, parts: tuple[int, ...], pivot: Point, lift: float, turn: float) -> float:
    """The lowest of a chain's *parts* once it turns about *pivot* and the body is raised by *lift*."""
    return min(turned(chain.points[i], pivot, turn)[1] - chain.radii[i] for i in parts) + lift


def singular(name: str) -> str:
    return REST_PLURAL.get(name, name)


def sides_named(figure: Figure, rest: Rest) -> list[str]:
    """The sides a limb support names: both (`feet`), one (`near.foot`), or the lower one (`foot`)."""
    side, dot, _ = rest.point.rpartition(".")
    other = "left" if figure.near == "right" else "right"
    if dot:
        return [{"near": figure.near, "far": other}.get(side, side)]
    if rest.point in REST_PLURAL:
        return list(SIDES)
    return []  # the lower one lifts the body and needs no swing


def zero_near(f: Callable[[float], float], lo: float, hi: float) -> float | None:
    """The zero of *f* nearest 0 in [lo, hi] (degrees); None when *f* stays away from zero there.

    Where *f* only comes within a touch of zero (a limb that just reaches), that place counts.
    """
    f0 = f(0.0)
    if abs(f0) < 1e-6:
        return 0.0
    step = 2.0
    best = (abs(f0), 0.0)
    last = {1: (0.0, f0), -1: (0.0, f0)}
    for i in range(1, int(max(-lo, hi) / step) + 1):
        for way in (1, -1):
            b = way * step * i
            if not lo <= b <= hi:
                continue
            a, fa = last[way]
            fb = f(b)
            last[way] = (b, fb)
            best = min(best, (abs(fb), b))
            if (fa < 0) != (fb < 0):
                for _ in range(24):
                    m = (a + b) / 2
                    fm = f(m)
                    if (fa < 0) == (fm < 0):
                        a, fa = m, fm
                    else:
                        b = m
                return (a + b) / 2
    return best[1] if best[0] < TOUCH / 2 else None


def turned(p: Point, pivot: Point, degrees: float) -> Point:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    x, y = sub(p, pivot)
    return add(pivot, (c * x - s * y, s * x + c * y))


def surface_height(on: str) -> float:
    return {"chair": SEAT_HEIGHT * H, "step": STEP_HEIGHT * H}.get(on, 0.0)


def trunk_gap(skeleton: Skeleton, rest: Rest, pivot: Point, turn: float) -> float:
    """How far the trunk support *rest* is above what holds it, with the body turned by *turn*."""
    return gapper(skeleton, rest, pivot)(turn)


def gapper(skeleton: Skeleton, rest: Rest, pivot: Point) -> Callable[[float], float]:
    """The gap of a trunk support as a function of how far the body turns about *pivot*."""
    trunk = skeleton.bone("trunk")
    if rest.point == "head":
        center, r = skeleton.head
        return lambda turn: turned(center, pivot, turn)[1] - r
    if rest.on in ROUND:
        u = PROP_AT.get(rest.point, 0.5)
        surface, middle = trunk.local(u, -1), trunk.point(u)
        outward = normalize(sub(surface, middle))
        radius = ROUND[rest.on] * H

        def on_prop(turn: float) -> float:
            out = turned(outward, (0.0, 0.0), turn)
            return turned(surface, pivot, turn)[1] + out[1] * radius - radius

        return on_prop
    if rest.point in ("pelvis", "trunk"):  # the drawn outline, with the rounded bottom of the pelvis
        outline = trunk_outline(trunk)
        samples = [(p, 0.0) for p in (outline if rest.point == "trunk" else _pelvis_outline(outline))]
    else:
        samples = [(trunk.local(u, v), 0.0) for u, v in SPOTS[rest.point]]
    roots = {"pelvis": ("leg",), "trunk": ("leg", "arm")}.get(rest.point, ())
    for chain in skeleton.chains:  # the hip joints under the pelvis, the shoulders beside the trunk
        if chain.limb in roots:
            samples.append((chain.points[0], chain.radii[0]))
    surface_y = surface_height(rest.on)
    return lambda turn: min(turned(p, pivot, turn)[1] - r for p, r in samples) - surface_y


def _pelvis_outline(outline: tuple[Point, ...]) -> tuple[Point, ...]:
    """The points of a trunk outline around the bottom of the pelvis (see outline.trunk_outline)."""
    cap = 7  # outline._cap's points
    return outline[:4] + outline[-(cap + 4) :]  # the back's first, the front's last, the bottom cap


def lift_to(skeleton: Skeleton, first: list[Rest]) -> float:
    """How far to raise the body so its first support touches (the lowest part, with none)."""
    if not first:
        return -min(y for _, y, _ in body_parts(skeleton))
    rest = first[0]
    if rest.point in TRUNK_RESTS or rest.point == "head":
        return -trunk_gap(skeleton, rest, (0.0, 0.0), 0.0)
    name = singular(rest.point.rpartition(".")[2])
    limb, parts = LIMB_PARTS[name]
    sides = list(SIDES) if "." not in rest.point else []
    if "." in rest.point:
        side = rest.point.partition(".")[0]
        sides = [
            {"near": skeleton.near, "far": "left" if skeleton.near == "right" else "right"}.get(side, side)
        ]
    low = min(chain_low(skeleton, s, limb, parts, None, 0.0) for s in sides)
    return surface_height(rest.on) - low


def chain_low(skeleton: Skeleton, side: str, limb: str, parts: tuple[int, ...], pivot: Point | None,
               turn: float) -> float:  # fmt: skip
    chain = next(c for c in skeleton.chains if c.side == side and c.limb == limb)
    out = math.inf
    for i in parts:
        if i < len(chain.points):
            p = chain.points[i] if pivot is None else turned(chain.points[i], pivot, turn)
            out = min(out, p[1] - chain.radii[i])
    return out


def limb_gap(skeleton: Skeleton, side: str, limb: str, parts: tuple[int, ...], pivot: Point, turn: float,
              rest: Rest, lift: float) -> float:  # fmt: skip
    return chain_low(skeleton, side, limb, parts, pivot, turn) + lift - surface_height(rest.on)


def head_gap(skeleton: Skeleton, pivot: Point, turn: float, lift: float) -> float:
    center, r = skeleton.head
    return turned(center, pivot, turn)[1] - r + lift


def pelvis_low(skeleton: Skeleton) -> float:
    """The height of the bottom of the pelvis and the hips: where a seated figure meets its seat."""
    return trunk_gap(skeleton, Rest("pelvis"), (0.0, 0.0), 0.0)


def body_parts(skeleton: Skeleton) -> Iterator[tuple[str, float, float]]:
    """Every part's name, its lowest height and its x: trunk, head, and each joint of each limb."""
    trunk = skeleton.bone("trunk")
    for x, y in trunk_outline(trunk):
        yield "trunk", y, x
    (cx, cy), r = skeleton.head
    yield "head", cy - r, cx
    names = {"arm": ("shoulder", "elbow", "hand", *["fingers"] * 4), "leg": ("hip", "knee", "heel", "toes")}
    for chain in skeleton.chains:
        for name, p, radius in zip(names[chain.limb], chain.points, chain.radii, strict=False):
            yield f"{chain.side} {name}", p[1] - radius, p[0]


def cm(units: float) -> str:
    return f"{max(1, round(abs(units) * CM_PER_UNIT))} cm"
