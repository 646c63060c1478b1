"""A posed skeleton as drawn shapes: trunk, neck, head and limbs, with marked patches on them."""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence

from limber.figures.canvas import Item, circle, poly
from limber.figures.geometry import (
    Point,
    add,
    angle_of,
    bezier_tangent,
    chain_outline,
    cross,
    dist,
    left_normal,
    lerp,
    mul,
    sub,
    unit,
)
from limber.figures.regions import Patch, shape_of
from limber.figures.skeleton import LENGTH, PELVIS_BELOW_HIP, Bone, Chain, H, Skeleton
from limber.figures.spec import SIDES

STEPS = 14  # samples along the trunk
THUMB = 0.0085  # the thumb's half-width, in fractions of H
TOWARD = 0.7  # a thigh drawn shorter than this part of its length points toward you (front view)
KNEE_CAP = 1.3  # ... and its knee is drawn as a cap this much wider than the knee joint
FOLD = 120  # a knee folded more than this (degrees) brings the shin back across the thigh


@functools.lru_cache(maxsize=1024)
def trunk_outline(bone: Bone) -> tuple[Point, ...]:
    """The trunk as one closed shape, from below the hip joints to the shoulders.

    Computed once per bone: resting a pose on its supports asks for it many times.
    """
    us = [-PELVIS_BELOW_HIP + (1 + PELVIS_BELOW_HIP) * i / STEPS for i in range(STEPS + 1)]
    back = [bone.local(u, -1) for u in us]
    front = [bone.local(u, 1) for u in us]
    top = _cap(bone, 1.0, back[-1], front[-1], 0.35)
    bottom = _cap(bone, us[0], front[0], back[0], 0.8)
    return (*back, *top, *reversed(front), *bottom)


def _cap(bone: Bone, u: float, a: Point, b: Point, bulge: float) -> list[Point]:
    """A rounded end from a to b, bulging out along the trunk by *bulge* of its half-width."""
    tangent = bezier_tangent(bone.p0, bone.c, bone.p1, min(max(u, 0.0), 1.0))
    outward = tangent if u >= 1 else mul(tangent, -1)
    half = dist(a, b) / 2
    out = []
    for i in range(1, 8):
        t = i / 8
        along = (1 - (2 * t - 1) ** 2) ** 0.5 * bulge * half  # an ellipse's half
        out.append(add(lerp(a, b, t), mul(outward, along)))
    return out


def body_items(
    skeleton: Skeleton,
    role: str,
    marks: Sequence[tuple[str, str]],
    view: str,
    side: str | None,
    legs_behind: bool = False,
) -> list[Item]:
    """Every shape of one pose in drawing order. *marks* are (slug, role) pairs to draw on it."""
    far_role = "ghost" if role == "ghost" else "far"
    chains = {(c.side, c.limb): c for c in skeleton.chains}
    out: list[Item] = []
    trunk = tuple(trunk_outline(skeleton.bone("trunk")))

    def limb(chain: Chain) -> None:
        # A leg grows out of the trunk: no outline across its root, and none inside the trunk.
        is_leg = chain.limb == "leg"
        drawn = role if chain.near else far_role
        if is_leg and skeleton.kind == "face" and _crossing(chain):
            # The shin folds back across the body (a figure four): drawn whole, over the thigh.
            thigh = tuple(chain_outline(chain.points[:2], chain.radii[:2], open_start=True))
            out.append(Item(drawn, thigh, False, tucked=trunk))
            out.append(Item(drawn, tuple(chain_outline(chain.points[1:], chain.radii[1:]))))
        else:
            shape = tuple(chain_outline(chain.points, chain.radii, open_start=is_leg))
            out.append(Item(drawn, shape, not is_leg, tucked=trunk if is_leg else ()))
        if is_leg and skeleton.kind == "face" and _toward(chain):
            # A thigh coming toward you, the shin hanging from it: the knee shows as a round cap.
            out.append(circle(role if chain.near else far_role, chain.points[1], KNEE_CAP * chain.radii[1]))
        for thumb_side, base, tip in skeleton.thumbs if chain.limb == "arm" else ():
            if thumb_side == chain.side:
                thumb = chain_outline((base, tip), (THUMB * H, THUMB * 0.85 * H))
                out.append(Item(role if chain.near else far_role, tuple(thumb)))
        if role != "ghost" and chain.near:
            segments = ("upper-arm", "forearm", "hand") if chain.limb == "arm" else ("thigh", "shank", "foot")
            out.extend(_patches(skeleton, marks, view, side, segments, chain.side))

    if skeleton.kind == "side":
        far = "left" if skeleton.near == "right" else "right"
        limb(chains[(far, "arm")])
        limb(chains[(far, "leg")])
        out.extend(_midline(skeleton, role, marks, view, side))
        limb(chains[(skeleton.near, "leg")])
        limb(chains[(skeleton.near, "arm")])
    elif legs_behind:
        for s in SIDES:
            out.append(
                Item(far_role, tuple(chain_outline(chains[(s, "leg")].points, chains[(s, "leg")].radii)))
            )
        out.extend(_midline(skeleton, role, marks, view, side))
        for s in SIDES:
            limb(chains[(s, "arm")])
    else:
        out.extend(_midline(skeleton, role, marks, view, side))
        for name in ("leg", "arm"):
            for s in SIDES:
                limb(chains[(s, name)])
    return out


def _crossing(leg: Chain) -> bool:
    """Does this leg's shin turn back across its thigh (the knee folded more than FOLD degrees)?"""
    hip, knee, ankle = leg.points[:3]
    thigh, shin = sub(knee, hip), sub(ankle, knee)
    turn = math.degrees(math.atan2(abs(cross(thigh, shin)), thigh[0] * shin[0] + thigh[1] * shin[1]))
    return turn > FOLD


def _toward(leg: Chain) -> bool:
    """Does this leg's thigh point toward you (drawn short) with its shin hanging (drawn long)?"""
    p = leg.points
    thigh, shin = dist(p[0], p[1]), dist(p[1], p[2])
    return thigh < TOWARD * LENGTH["thigh"] * H and shin >= TOWARD * LENGTH["shank"] * H


def _midline(
    skeleton: Skeleton, role: str, marks: Sequence[tuple[str, str]], view: str, side: str | None
) -> list[Item]:
    trunk, neck = skeleton.bone("trunk"), skeleton.bone("neck")
    line_role = "ghost" if role == "ghost" else "edge"
    out = [poly(role, trunk_outline(trunk))]
    if view == "back" and role != "ghost":
        out.append(poly("edge", [trunk.point(u / 10) for u in range(1, 10)], closed=False))
    if role != "ghost":
        out.extend(_patches(skeleton, marks, view, side, ("trunk",), None))
    # The neck: tinted but outlined only along its sides, so it joins trunk and head cleanly.
    left = [neck.local(u, -1) for u in (0.0, 1.0)]
    right = [neck.local(u, 1) for u in (0.0, 1.0)]
    if role != "ghost":
        out.append(Item("neck-tint", (*left, *reversed(right))))
    out.append(poly(line_role, left, closed=False))
    out.append(poly(line_role, right, closed=False))
    if role != "ghost":
        out.extend(_patches(skeleton, marks, view, side, ("neck",), None))
    center, radius = skeleton.head
    out.append(circle(role, center, radius))
    if role != "ghost":
        out.extend(_patches(skeleton, marks, view, side, ("head",), None))
        out.extend(_face(skeleton, view))
    return out


def _face(skeleton: Skeleton, view: str) -> list[Item]:
    """Just enough of a face to tell front from back and which way the head points."""
    center, r = skeleton.head
    if skeleton.kind == "side":
        face = skeleton.face
        down = unit(angle_of(face) - 90)  # towards the chin
        nose_dir = unit(angle_of(face) - 12)
        tip = add(center, mul(nose_dir, r + 0.016 * H))
        upper = add(center, mul(unit(angle_of(face) + 6), r * 0.98))
        lower = add(center, mul(unit(angle_of(face) - 30), r * 0.98))
        eye = add(add(center, mul(face, r * 0.55)), mul(down, -r * 0.28))
        return [poly("edge", [upper, tip, lower], closed=False), circle("ink", eye, 0.0075 * H)]
    if view != "front":
        return []
    up = bezier_tangent(skeleton.bone("head").p0, skeleton.bone("head").c, skeleton.bone("head").p1, 0.5)
    across = mul(left_normal(up), -1)  # towards the figure's left
    turn = -skeleton.head_turn / 90 * 0.55 * r  # turning right moves the face towards -x
    eyes = []
    for sign in (-1, 1):
        spot = add(add(center, mul(across, sign * 0.36 * r + turn)), mul(up, 0.12 * r))
        eyes.append(circle("ink", spot, 0.0075 * H))
    return eyes


def _patches(
    skeleton: Skeleton,
    marks: Sequence[tuple[str, str]],
    view: str,
    side: str | None,
    segments: Iterable[str],
    limb_side: str | None,
) -> list[Item]:
    out = []
    wanted = set(segments)
    for slug, role in marks:
        shape = shape_of(slug)
        if shape is None:
            continue
        patches = shape.side if skeleton.kind == "side" else shape.face(view)
        for patch in patches:
            if patch.segment not in wanted:
                continue
            if limb_side is not None:
                if skeleton.kind == "face" and side is not None and limb_side != side:
                    continue
                out.append(poly(role, patch_outline(skeleton.bone(patch.segment, limb_side), patch, 1)))
            elif skeleton.kind == "side":
                out.append(poly(role, patch_outline(skeleton.bone(patch.segment), patch, 1)))
            else:
                for half in SIDES if side is None else (side,):
                    sign = 1 if half == "right" else -1  # the figure's right is the trunk's +across
                    out.append(poly(role, patch_outline(skeleton.bone(patch.segment), patch, sign)))
    return out


def patch_outline(bone: Bone, patch: Patch, sign: int) -> list[Point]:
    """The outline of a patch on a bone; *sign* -1 mirrors a midline patch to the figure's left."""
    (u0, u1), (v0, v1) = patch.along, patch.across
    steps = 8
    us = [u0 + (u1 - u0) * i / steps for i in range(steps + 1)]
    a = [bone.local(u, v0 * sign) for u in us]
    b = [bone.local(u, v1 * sign) for u in reversed(us)]
    return [*a, *b]
