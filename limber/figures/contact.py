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
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from limber.diagnostics import KeyPath
from limber.figures.bases import BASE
from limber.figures.figure import Figure
from limber.figures.forearm import lean_on_arm, props_on_arm
from limber.figures.geometry import angle_of, dist, sub
from limber.figures.pose import pose_skeleton
from limber.figures.props import anchor
from limber.figures.skeleton import Skeleton, translated
from limber.figures.spec import SIDES, TRUNK_RESTS
from limber.figures.support import (
    LIMB_PARTS,
    ROOT,
    SURFACE_WORDS,
    TOUCH,
    Rest,
    body_parts,
    chain_low,
    cm,
    gapper,
    head_gap,
    lateral,
    lift_to,
    lifted_low,
    limb_gap,
    sides_named,
    singular,
    surface_height,
    trunk_gap,
    zero_near,
)


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
    name = singular(name)
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
        gap_a, gap_b = gapper(skeleton, a, (0.0, 0.0)), gapper(skeleton, b, (0.0, 0.0))
        turn = zero_near(lambda d: gap_a(d) - gap_b(d), -60, 60)
        if turn is not None:
            angles["trunk"] += sgn * turn
            skeleton = pose()
    swinging = limbs
    struts = [r for r in limbs if props_on_arm(r)]
    others = [r for r in (*trunk, *limbs) if r not in struts]
    if len(trunk) < 2 and struts and others:  # propped on a forearm: the body leans on the arm
        skeleton = lean_on_arm(figure, angles, pose, struts[0], others[0])
        swinging = [r for r in limbs if r is not struts[0]]
    lift = lift_to(skeleton, trunk[:1] or limbs[:1])
    for rest in swinging:
        for side in sides_named(figure, rest):
            skeleton = _swing(figure, angles, pose, skeleton, rest, side, lift)
    if any(r.point == "head" for r in rests):
        pivot = skeleton.points["neck"]
        turn = zero_near(lambda d: head_gap(skeleton, pivot, d, lift), -40, 40)
        if turn is not None:
            angles["neck"] += sgn * turn
            skeleton = pose()
    for hand, target, key in figure.hold:
        skeleton = _reach(figure, angles, hand, target, key, pose, problems) or skeleton
    if not ground:
        return Contact(skeleton, angles, tuple(problems))
    lift = lift_to(skeleton, trunk[:1] or limbs[:1])
    on_chair = bool(trunk) and trunk[0].on == "chair"
    if on_chair:  # the feet (or the lowest part) on the floor; the seat goes under the pelvis
        lift = -min(y for _, y, _ in body_parts(skeleton))
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
    limb, parts = LIMB_PARTS[singular(rest.point.rpartition(".")[2])]
    root = f"{side}.{ROOT[limb]}"
    pivot = skeleton.points[root]
    turn = zero_near(lambda d: limb_gap(skeleton, side, limb, parts, pivot, d, rest, lift), -90, 90)
    if turn is None or abs(turn) <= 0.05:
        return skeleton
    angles[root] += turn / lateral(figure, side)
    return pose()


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
    supported = {(side, LIMB_PARTS[singular(r.point.rpartition(".")[2])][0])
                 for r in rests for side in (sides_named(figure, r) or SIDES)}  # fmt: skip
    for _part, limb, index, joint in _SETTLE:
        for side in SIDES:
            chain = next(c for c in skeleton.chains if c.side == side and c.limb == limb)
            if index >= len(chain.points):
                continue
            holding = (side, limb) in supported  # a limb the pose rests on keeps its root
            for pivot_joint in (joint,) if holding else (joint, ROOT[limb]):
                low = chain.points[index][1] - chain.radii[index] + lift
                if low >= -TOUCH / 2:
                    break
                pivot = skeleton.points[f"{side}.{pivot_joint}"]
                parts = tuple(range(index, len(chain.points)))
                turn = zero_near(functools.partial(lifted_low, chain, parts, pivot, lift), -60, 60)
                if turn is None:
                    continue
                angles[f"{side}.{pivot_joint}"] += turn / lateral(figure, side)
                skeleton = pose()
                chain = next(c for c in skeleton.chains if c.side == side and c.limb == limb)
    return skeleton


def _misses(figure: Figure, placed: Skeleton, rests: list[Rest]) -> list[tuple[KeyPath, str, str]]:
    """What still floats above its support, or sinks into the floor or a prop."""
    out: list[tuple[KeyPath, str, str]] = []
    for rest in rests:
        for gap, what in _rest_gaps(figure, placed, rest):
            if gap > TOUCH:
                out.append((rest.key, "figure-floats",
                            f"the {what} should rest on {SURFACE_WORDS[rest.on]} but floats {cm(gap)} above it; "
                            "change the angles that carry it there, or the supports in `rest`"))  # fmt: skip
    name, low, _ = min(body_parts(placed), key=lambda p: p[1])
    if low < -TOUCH:
        out.append(((), "figure-sinks", f"the {name} sinks {cm(low)} into the floor; "
                    "name it in `rest` or change the angles that lower it"))  # fmt: skip
    return out


def _rest_gaps(figure: Figure, placed: Skeleton, rest: Rest) -> list[tuple[float, str]]:
    if rest.point in TRUNK_RESTS or rest.point == "head":
        return [(trunk_gap(placed, rest, (0.0, 0.0), 0.0), rest.point.replace("-", " "))]
    name = singular(rest.point.rpartition(".")[2])
    limb, parts = LIMB_PARTS[name]
    sides = sides_named(figure, rest) or list(SIDES)
    gaps = [
        (chain_low(placed, s, limb, parts, None, 0.0) - surface_height(rest.on), f"{s} {name}") for s in sides
    ]
    return gaps if sides_named(figure, rest) else [min(gaps)]


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
                         f"the {side} hand cannot reach the {target.replace('.', ' ')}: it is {cm(reach - upper - lower)} "
                         "too far; bring the two closer"))  # fmt: skip
    reach = min(max(reach, abs(upper - lower) + 1e-6), upper + lower - 1e-6)
    cos_bend = (reach**2 - upper**2 - lower**2) / (2 * upper * lower)
    bend = math.degrees(math.acos(max(-1.0, min(1.0, cos_bend))))
    was = (angle_of(sub(grip, elbow)) - angle_of(sub(elbow, shoulder)) + 180) % 360 - 180
    bend = bend if was >= 0 else -bend
    first = angle_of(sub(goal, shoulder)) - math.degrees(
        math.atan2(lower * math.sin(math.radians(bend)), upper + lower * math.cos(math.radians(bend)))
    )
    s = lateral(figure, side)
    arm_turn = (first - angle_of(sub(elbow, shoulder)) + 180) % 360 - 180
    fore_now = angle_of(sub(wrist, elbow))
    fore_new = first + bend - bend_at_wrist
    fore_turn = (fore_new - fore_now + 180) % 360 - 180
    angles[f"{side}.shoulder"] += arm_turn / s
    angles[f"{side}.elbow"] += (fore_turn - arm_turn) / s
    return pose()
