"""What holds a figure up: the body rested on its supports, and what still floats, sinks or tangles.

A pose's angles say how the joints bend; its supports (`rest`, or the base posture's own) say
what carries it: the floor or mat, a chair seat, a foam roller or a ball. The body is turned and
lowered as one piece until its trunk supports touch (two of them fix the lean of the trunk, as a
back lying flat or hips on the mat with a roller under the shoulder blades), then each limb that
rests on something swings at its root joint (hip, shoulder) until it touches, the head settles at
the neck, and each hand that holds a part of the body reaches it. What cannot be made to touch is
reported, with the part and the distance, for `check`.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from limber.diagnostics import KeyPath
from limber.figures.figure import Figure
from limber.figures.geometry import Point, add, angle_of, dist, normalize, sub
from limber.figures.outline import trunk_outline
from limber.figures.pose import Chain, H, Skeleton, pose_skeleton, translated
from limber.figures.props import EXERCISE_BALL_RADIUS, ROLLER_RADIUS, anchor
from limber.figures.spec import BASE, REST_PLURAL, SIDES, TRUNK_RESTS

CM_PER_UNIT = 1.7  # a drawing unit in centimetres, for a person 170 cm tall
LAP = 0.05  # fractions of H: a hand this near a leg the arm crosses rests on it
TOUCH = 0.4  # drawing units: a support within this touches (under a pixel at full size)
SEAT_HEIGHT = 0.25  # fractions of H: a chair seat, unless the feet need a higher one
ROUND = {"foam-roller": ROLLER_RADIUS, "exercise-ball": EXERCISE_BALL_RADIUS}
SURFACE_WORDS = {"floor": "the floor", "chair": "the seat", "foam-roller": "the foam roller",
                 "exercise-ball": "the ball"}  # fmt: skip

# Samples (along, across) of the trunk's surface that rests on something; see pose.Bone.local.
# The pelvis and the whole trunk rest on their drawn outline (outline.trunk_outline).
_SPOTS: dict[str, tuple[tuple[float, float], ...]] = {
    "upper-back": tuple((u, -1) for u in (0.62, 0.7, 0.78, 0.86, 0.94, 1.0)),
    "mid-back": tuple((u, -1) for u in (0.45, 0.52, 0.6, 0.68)),
    "lower-back": tuple((u, -1) for u in (0.2, 0.3, 0.4)),
    "chest": tuple((u, 1) for u in (0.6, 0.7, 0.8, 0.9)),
    "belly": tuple((u, 1) for u in (0.1, 0.2, 0.3, 0.4)),
}
_PROP_AT = {"upper-back": 0.78, "mid-back": 0.6, "lower-back": 0.3}  # where a roller or ball sits
# A limb's resting part: which points of its chain (arm: shoulder, elbow, wrist, fingers; leg:
# hip, knee, heel, toes), and the root joint that swings it.
_LIMB_PARTS = {"foot": ("leg", (2, 3)), "heel": ("leg", (2,)), "knee": ("leg", (1,)), "shin": ("leg", (1, 2)),
               "hand": ("arm", (2, 3, 4, 5, 6)), "elbow": ("arm", (1,)), "forearm": ("arm", (1, 2))}  # fmt: skip
_ROOT = {"leg": "hip", "arm": "shoulder"}


@dataclass(frozen=True, slots=True)
class Rest:
    """One support: a part of the body, and what it rests on."""

    point: str  # "pelvis", "upper-back", "feet", "near.hand", ...
    on: str = "floor"  # floor | chair | foam-roller | exercise-ball
    key: KeyPath = ()  # where the editor wrote it; () for the base posture's own


@dataclass(frozen=True, slots=True)
class Contact:
    """A pose rested on its supports: the skeleton (lowered onto the floor), its angles, its problems."""

    skeleton: Skeleton
    angles: Mapping[str, float]
    problems: tuple[tuple[KeyPath, str, str], ...]  # (key, code, message)


def rests_of(figure: Figure, which: str = "start") -> tuple[Rest, ...]:
    """The supports the pose names, or its base posture's; `back` and `front` are two each."""
    written = figure.rest or tuple((p, o, ()) for p, o in BASE[figure.base].rest)
    written = dict(figure.pose_rests).get(which) or written
    out = []
    for point, on, key in written:
        for part in {"back": ("pelvis", "upper-back"), "front": ("belly", "chest")}.get(point, (point,)):
            out.append(Rest(part, on, key))
    return tuple(out)


@functools.lru_cache(maxsize=512)
def rested(figure: Figure, which: str = "start") -> Contact:
    """The pose *which* ("start", "end", "then.0", ...) of *figure*, resting on its supports.

    A later pose that names a part to `stay` is moved along the floor so that part keeps its place
    in the start pose (the feet of someone standing up from a chair).
    """
    contact = rest_pose(figure, figure.angles(which), which)
    stay = dict(figure.stays).get(which)
    if stay is None:
        return contact
    here, there = _stay_x(figure, rested(figure).skeleton, stay), _stay_x(figure, contact.skeleton, stay)
    return Contact(translated(contact.skeleton, (here - there, 0.0)), contact.angles, contact.problems)


def _stay_x(figure: Figure, skeleton: Skeleton, part: str) -> float:
    """Where along the floor a part is: the pelvis, a foot, or the middle of both feet or hands."""
    if part == "pelvis":
        return skeleton.points["pelvis"][0]
    other = "left" if figure.near == "right" else "right"
    side, _, name = part.replace("near.", f"{figure.near}.").replace("far.", f"{other}.").rpartition(".")
    name = _singular(name)
    sides = [side] if side else list(SIDES)
    return sum(skeleton.points[f"{s}.{name}"][0] for s in sides) / len(sides)


def rest_pose(figure: Figure, written: Mapping[str, int], which: str = "start") -> Contact:
    """Rest the pose with the angles *written* on the figure's supports."""
    angles: dict[str, float] = {k: float(v) for k, v in written.items()}
    hands = figure.hands(which)
    problems: list[tuple[KeyPath, str, str]] = []

    def pose() -> Skeleton:
        return pose_skeleton(angles, kind=figure.kind, base=figure.base, near=figure.near, hands=hands)

    ground = BASE[figure.base].cameras[figure.view] == "ground"
    rests = rests_of(figure, which) if ground else ()
    skeleton = pose()
    trunk = [r for r in rests if r.point in TRUNK_RESTS]
    limbs = [r for r in rests if r.point not in TRUNK_RESTS and r.point != "head"]
    sgn = -1 if figure.kind == "side" else 1  # the trunk angle turns the body this way
    if len(trunk) >= 2:
        a, b = trunk[0], trunk[1]
        gap_a, gap_b = _gapper(skeleton, a, (0.0, 0.0)), _gapper(skeleton, b, (0.0, 0.0))
        turn = _root(lambda d: gap_a(d) - gap_b(d), -60, 60)
        if turn is not None:
            angles["trunk"] += sgn * turn
            skeleton = pose()
    lift = _lift(skeleton, trunk[:1] or limbs[:1])
    for rest in limbs:
        for side in _sides(figure, rest):
            skeleton = _swing(figure, angles, pose, skeleton, rest, side, lift)
    if any(r.point == "head" for r in rests):
        pivot = skeleton.points["neck"]
        turn = _root(lambda d: _head_gap(skeleton, pivot, d, lift), -40, 40)
        if turn is not None:
            angles["neck"] += sgn * turn
            skeleton = pose()
    for hand, target, key in figure.hold:
        skeleton = _reach(figure, angles, hand, target, key, pose, problems) or skeleton
    if not ground:
        return Contact(skeleton, angles, tuple(problems))
    lift = _lift(skeleton, trunk[:1] or limbs[:1])
    on_chair = bool(trunk) and trunk[0].on == "chair"
    if on_chair:  # the feet (or the lowest part) on the floor; the seat goes under the pelvis
        lift = -min(y for _, y, _ in _parts(skeleton))
    skeleton = _settle(figure, angles, pose, lift, limbs)
    placed = translated(skeleton, (0.0, lift))
    problems += _misses(figure, placed, [r for r in rests if r.on != "chair"])
    return Contact(placed, angles, tuple(problems))


def _swing(
    figure: Figure,
    angles: dict[str, float],
    pose: Callable[[], Skeleton],
    skeleton: Skeleton,
    rest: Rest,
    side: str,
    lift: float,
) -> Skeleton:
    """Swing one limb at its root (hip or shoulder) until its resting part touches its surface."""
    limb, parts = _LIMB_PARTS[_singular(rest.point.rpartition(".")[2])]
    root = f"{side}.{_ROOT[limb]}"
    pivot = skeleton.points[root]
    turn = _root(lambda d: _limb_gap(skeleton, side, limb, parts, pivot, d, rest, lift), -90, 90)
    if turn is None or abs(turn) <= 0.05:
        return skeleton
    angles[root] += turn / _lateral(figure, side)
    return pose()


def _lateral(figure: Figure, side: str) -> int:
    """+1 when a larger limb angle turns the limb anticlockwise in the canonical frame."""
    return 1 if figure.kind == "side" or side == "left" else -1


# A limb part below the floor swings up at the joint just above it, or at the limb's root.
_SETTLE = (("toes", "leg", 3, "ankle"), ("heel", "leg", 2, "ankle"), ("fingers", "arm", 3, "wrist"),
           ("knee", "leg", 1, "hip"), ("elbow", "arm", 1, "shoulder"))  # fmt: skip


def _settle(
    figure: Figure, angles: dict[str, float], pose: Callable[[], Skeleton], lift: float, rests: list[Rest]
) -> Skeleton:
    """Rest each limb part that would sink into the floor on it, bending the joint above it.

    A limb that carries nothing may swing at its root as well.
    """
    skeleton = pose()
    supported = {(side, _LIMB_PARTS[_singular(r.point.rpartition(".")[2])][0])
                 for r in rests for side in (_sides(figure, r) or SIDES)}  # fmt: skip
    for _part, limb, index, joint in _SETTLE:
        for side in SIDES:
            chain = next(c for c in skeleton.chains if c.side == side and c.limb == limb)
            if index >= len(chain.points):
                continue
            holding = (side, limb) in supported  # a limb the pose rests on keeps its root
            for pivot_joint in (joint,) if holding else (joint, _ROOT[limb]):
                low = chain.points[index][1] - chain.radii[index] + lift
                if low >= -TOUCH / 2:
                    break
                pivot = skeleton.points[f"{side}.{pivot_joint}"]
                parts = tuple(range(index, len(chain.points)))
                turn = _root(functools.partial(_lifted_low, chain, parts, pivot, lift), -60, 60)
                if turn is None:
                    continue
                angles[f"{side}.{pivot_joint}"] += turn / _lateral(figure, side)
                skeleton = pose()
                chain = next(c for c in skeleton.chains if c.side == side and c.limb == limb)
    return skeleton


def _lifted_low(chain: Chain, parts: tuple[int, ...], pivot: Point, lift: float, turn: float) -> float:
    """The lowest of a chain's *parts* once it turns about *pivot* and the body is raised by *lift*."""
    return min(_turned(chain.points[i], pivot, turn)[1] - chain.radii[i] for i in parts) + lift


def _singular(name: str) -> str:
    return REST_PLURAL.get(name, name)


def _sides(figure: Figure, rest: Rest) -> list[str]:
    """The sides a limb support names: both (`feet`), one (`near.foot`), or the lower one (`foot`)."""
    side, dot, _ = rest.point.rpartition(".")
    other = "left" if figure.near == "right" else "right"
    if dot:
        return [{"near": figure.near, "far": other}.get(side, side)]
    if rest.point in REST_PLURAL:
        return list(SIDES)
    return []  # the lower one lifts the body and needs no swing


def _root(f: Callable[[float], float], lo: float, hi: float) -> float | None:
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


def _turned(p: Point, pivot: Point, degrees: float) -> Point:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    x, y = sub(p, pivot)
    return add(pivot, (c * x - s * y, s * x + c * y))


def _surface(on: str) -> float:
    return SEAT_HEIGHT * H if on == "chair" else 0.0


def _gap(skeleton: Skeleton, rest: Rest, pivot: Point, turn: float) -> float:
    """How far the trunk support *rest* is above what holds it, with the body turned by *turn*."""
    return _gapper(skeleton, rest, pivot)(turn)


def _gapper(skeleton: Skeleton, rest: Rest, pivot: Point) -> Callable[[float], float]:
    """The gap of a trunk support as a function of how far the body turns about *pivot*."""
    trunk = skeleton.bone("trunk")
    if rest.point == "head":
        center, r = skeleton.head
        return lambda turn: _turned(center, pivot, turn)[1] - r
    if rest.on in ROUND:
        u = _PROP_AT.get(rest.point, 0.5)
        surface, middle = trunk.local(u, -1), trunk.point(u)
        outward = normalize(sub(surface, middle))
        radius = ROUND[rest.on] * H

        def on_prop(turn: float) -> float:
            out = _turned(outward, (0.0, 0.0), turn)
            return _turned(surface, pivot, turn)[1] + out[1] * radius - radius

        return on_prop
    if rest.point in ("pelvis", "trunk"):  # the drawn outline, with the rounded bottom of the pelvis
        outline = trunk_outline(trunk)
        samples = [(p, 0.0) for p in (outline if rest.point == "trunk" else _pelvis_outline(outline))]
    else:
        samples = [(trunk.local(u, v), 0.0) for u, v in _SPOTS[rest.point]]
    roots = {"pelvis": ("leg",), "trunk": ("leg", "arm")}.get(rest.point, ())
    for chain in skeleton.chains:  # the hip joints under the pelvis, the shoulders beside the trunk
        if chain.limb in roots:
            samples.append((chain.points[0], chain.radii[0]))
    surface_y = _surface(rest.on)
    return lambda turn: min(_turned(p, pivot, turn)[1] - r for p, r in samples) - surface_y


def _pelvis_outline(outline: tuple[Point, ...]) -> tuple[Point, ...]:
    """The points of a trunk outline around the bottom of the pelvis (see outline.trunk_outline)."""
    cap = 7  # outline._cap's points
    return outline[:4] + outline[-(cap + 4) :]  # the back's first, the front's last, the bottom cap


def _lift(skeleton: Skeleton, first: list[Rest]) -> float:
    """How far to raise the body so its first support touches (the lowest part, with none)."""
    if not first:
        return -min(y for _, y, _ in _parts(skeleton))
    rest = first[0]
    if rest.point in TRUNK_RESTS or rest.point == "head":
        return -_gap(skeleton, rest, (0.0, 0.0), 0.0)
    name = _singular(rest.point.rpartition(".")[2])
    limb, parts = _LIMB_PARTS[name]
    sides = list(SIDES) if "." not in rest.point else []
    if "." in rest.point:
        side = rest.point.partition(".")[0]
        sides = [
            {"near": skeleton.near, "far": "left" if skeleton.near == "right" else "right"}.get(side, side)
        ]
    low = min(_chain_low(skeleton, s, limb, parts, None, 0.0) for s in sides)
    return _surface(rest.on) - low


def _chain_low(skeleton: Skeleton, side: str, limb: str, parts: tuple[int, ...], pivot: Point | None,
               turn: float) -> float:  # fmt: skip
    chain = next(c for c in skeleton.chains if c.side == side and c.limb == limb)
    out = math.inf
    for i in parts:
        if i < len(chain.points):
            p = chain.points[i] if pivot is None else _turned(chain.points[i], pivot, turn)
            out = min(out, p[1] - chain.radii[i])
    return out


def _limb_gap(skeleton: Skeleton, side: str, limb: str, parts: tuple[int, ...], pivot: Point, turn: float,
              rest: Rest, lift: float) -> float:  # fmt: skip
    return _chain_low(skeleton, side, limb, parts, pivot, turn) + lift - _surface(rest.on)


def _head_gap(skeleton: Skeleton, pivot: Point, turn: float, lift: float) -> float:
    center, r = skeleton.head
    return _turned(center, pivot, turn)[1] - r + lift


def pelvis_low(skeleton: Skeleton) -> float:
    """The height of the bottom of the pelvis and the hips: where a seated figure meets its seat."""
    return _gap(skeleton, Rest("pelvis"), (0.0, 0.0), 0.0)


def _parts(skeleton: Skeleton) -> Iterator[tuple[str, float, float]]:
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


def _cm(units: float) -> str:
    return f"{max(1, round(abs(units) * CM_PER_UNIT))} cm"


def _misses(figure: Figure, placed: Skeleton, rests: list[Rest]) -> list[tuple[KeyPath, str, str]]:
    """What still floats above its support, or sinks into the floor or a prop."""
    out: list[tuple[KeyPath, str, str]] = []
    for rest in rests:
        for gap, what in _rest_gaps(figure, placed, rest):
            if gap > TOUCH:
                out.append((rest.key, "figure-floats",
                            f"the {what} should rest on {SURFACE_WORDS[rest.on]} but floats {_cm(gap)} above it; "
                            "change the angles that carry it there, or the supports in `rest`"))  # fmt: skip
    name, low, _ = min(_parts(placed), key=lambda p: p[1])
    if low < -TOUCH:
        out.append(((), "figure-sinks", f"the {name} sinks {_cm(low)} into the floor; "
                    "name it in `rest` or change the angles that lower it"))  # fmt: skip
    return out


def _rest_gaps(figure: Figure, placed: Skeleton, rest: Rest) -> list[tuple[float, str]]:
    if rest.point in TRUNK_RESTS or rest.point == "head":
        return [(_gap(placed, rest, (0.0, 0.0), 0.0), rest.point.replace("-", " "))]
    name = _singular(rest.point.rpartition(".")[2])
    limb, parts = _LIMB_PARTS[name]
    sides = _sides(figure, rest) or list(SIDES)
    gaps = [(_chain_low(placed, s, limb, parts, None, 0.0) - _surface(rest.on), f"{s} {name}") for s in sides]
    return gaps if _sides(figure, rest) else [min(gaps)]


def _reach(
    figure: Figure,
    angles: dict[str, float],
    hand: str,
    target: str,
    key: KeyPath,
    pose: Callable[[], Skeleton],
    problems: list[tuple[KeyPath, str, str]],
) -> Skeleton | None:
    """Bend one arm (shoulder and elbow) so its hand holds *target*; None when nothing changed."""
    skeleton = pose()
    side = hand.partition(".")[0]
    other = "left" if figure.near == "right" else "right"
    side = {"near": figure.near, "far": other}.get(side, side)
    p = skeleton.points
    shoulder, elbow, wrist, grip = (p[f"{side}.{n}"] for n in ("shoulder", "elbow", "wrist", "hand"))
    goal = anchor(skeleton, target, figure.view).point
    upper, lower = dist(shoulder, elbow), dist(elbow, grip)
    bend_at_wrist = angle_of(sub(grip, elbow)) - angle_of(sub(wrist, elbow))
    reach = dist(shoulder, goal)
    if reach > upper + lower + TOUCH:
        problems.append((key, "figure-floats",
                         f"the {side} hand cannot reach the {target.replace('.', ' ')}: it is {_cm(reach - upper - lower)} "
                         "too far; bring the two closer"))  # fmt: skip
    reach = min(max(reach, abs(upper - lower) + 1e-6), upper + lower - 1e-6)
    cos_bend = (reach**2 - upper**2 - lower**2) / (2 * upper * lower)
    bend = math.degrees(math.acos(max(-1.0, min(1.0, cos_bend))))
    was = (angle_of(sub(grip, elbow)) - angle_of(sub(elbow, shoulder)) + 180) % 360 - 180
    bend = bend if was >= 0 else -bend
    first = angle_of(sub(goal, shoulder)) - math.degrees(
        math.atan2(lower * math.sin(math.radians(bend)), upper + lower * math.cos(math.radians(bend)))
    )
    s = _lateral(figure, side)
    arm_turn = (first - angle_of(sub(elbow, shoulder)) + 180) % 360 - 180
    fore_now = angle_of(sub(wrist, elbow))
    fore_new = first + bend - bend_at_wrist
    fore_turn = (fore_new - fore_now + 180) % 360 - 180
    angles[f"{side}.shoulder"] += arm_turn / s
    angles[f"{side}.elbow"] += (fore_turn - arm_turn) / s
    return pose()


def tangles(figure: Figure, which: str = "start") -> tuple[tuple[KeyPath, str, str], ...]:
    """Limbs through each other or through the trunk, in the side view, unless a hand holds there.

    The near arm may not cross the near leg (unless its hand rests on that leg), and no knee or
    ankle may lie inside the trunk.
    """
    if figure.kind != "side":
        return ()
    skeleton = rested(figure, which).skeleton
    p = skeleton.points
    near = figure.near
    holding = {h.replace("near.", f"{near}.").partition(".")[0] for h, _, _ in figure.hold}
    name, _, index = which.partition(".")
    key: KeyPath = () if which == "start" else ((name, int(index)) if index else (name,))
    out: list[tuple[KeyPath, str, str]] = []
    if near not in holding:
        hand = p[f"{near}.hand"]
        for a, b in (("shoulder", "elbow"), ("elbow", "wrist")):
            for c, d in (("hip", "knee"), ("knee", "ankle")):
                leg = (p[f"{near}.{c}"], p[f"{near}.{d}"])
                resting = _to_segment(hand, *leg) < LAP * H  # a hand on the leg, the arm across it
                if not resting and _crossing(p[f"{near}.{a}"], p[f"{near}.{b}"], *leg):
                    message = (
                        f"the {near} arm ({a} to {b}) passes through the {near} leg ({c} to {d}); "
                        "move one of them, or say what the hand holds in `hold`"
                    )
                    return ((key, "figure-tangles", message),)
    trunk = skeleton.bone("trunk")
    outline = [trunk.local(u / 10, -1) for u in range(0, 11)] + [
        trunk.local(u / 10, 1) for u in range(10, -1, -1)
    ]
    for side in SIDES:
        for part in ("knee", "ankle"):
            depth = _depth_inside(p[f"{side}.{part}"], outline)
            if depth > 0.01 * H:
                out.append((key, "figure-tangles",
                            f"the {side} {part} is {_cm(depth)} inside the trunk; change the {side} hip or knee"))  # fmt: skip
    return tuple(out)


def _crossing(a: Point, b: Point, c: Point, d: Point) -> bool:
    """Do the segments a-b and c-d cross (away from their ends)?"""

    def cross(o: Point, p: Point, q: Point) -> float:
        return (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0])

    d1, d2 = cross(c, d, a), cross(c, d, b)
    d3, d4 = cross(a, b, c), cross(a, b, d)
    if not ((d1 > 0) != (d2 > 0) and (d3 > 0) != (d4 > 0)):
        return False
    t = d1 / (d1 - d2)
    u = d3 / (d3 - d4)
    return 0.08 < t < 0.92 and 0.08 < u < 0.92


def _depth_inside(point: Point, outline: list[Point]) -> float:
    """How far *point* lies inside the closed *outline* (0 when outside)."""
    x, y = point
    inside = False
    n = len(outline)
    for i in range(n):
        (x1, y1), (x2, y2) = outline[i], outline[(i + 1) % n]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    if not inside:
        return 0.0
    return min(_to_segment(point, outline[i], outline[(i + 1) % n]) for i in range(n))


def _to_segment(p: Point, a: Point, b: Point) -> float:
    ab = sub(b, a)
    n = ab[0] ** 2 + ab[1] ** 2
    t = 0.0 if n == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1]) / n))
    return dist(p, add(a, (ab[0] * t, ab[1] * t)))
