"""Forward kinematics: joint angles -> the figure's segments, in the plane of the view.

Segment lengths are fixed fractions of the body height H (Drillis and Contini's anthropometric
table, as given by Winter, Biomechanics and Motor Control of Human Movement): the hip joint is at
0.530 H, the shoulder at 0.818 H, the chin at 0.870 H; the head is 0.130 H tall. A skeleton is
computed in a canonical frame with the hip joints at the origin and y up: in the side view the
figure faces +x and the described (near) side is towards the viewer; in the front and back views
the figure's right side is at -x (the back view is mirrored later).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from limber.figures.geometry import (
    Point,
    add,
    bezier,
    bezier_tangent,
    left_normal,
    lerp,
    mul,
    sub,
    unit,
)
from limber.figures.spec import BASE, HAND_SHAPES, SIDES, ViewKind

H = 100.0  # drawing units per body height

LENGTH = MappingProxyType({  # fractions of H
    "upper-arm": 0.186, "forearm": 0.146, "hand": 0.108,
    "thigh": 0.245, "shank": 0.246, "foot": 0.152,
    "trunk": 0.818 - 0.530,  # hip joint to shoulder joint
    "neck": 0.870 - 0.818,  # shoulder to chin
    "head": 0.130,
})  # fmt: skip
SHOULDER_HALF_WIDTH = 0.1  # shoulder joint from the midline, front view
HIP_HALF_WIDTH = 0.048
ANKLE_HEIGHT = 0.039
HEAD_RADIUS = 0.062  # the head is 0.130 H from chin to crown; the circle sits a little into the neck
FACE_FOOT = 0.45  # a foot pointing at the viewer looks this much shorter
PELVIS_BELOW_HIP = 0.12  # the trunk reaches this far (of its length) below the hip joints

# Half-widths along each segment (fractions of H): (along, back or inner side, front or outer side).
SIDE_TRUNK = (
    (-0.12, 0.05, 0.04),
    (0.0, 0.068, 0.056),
    (0.3, 0.052, 0.058),
    (0.7, 0.06, 0.07),
    (1.0, 0.05, 0.045),
)
FACE_TRUNK = (
    (-0.12, 0.075, 0.075),
    (0.0, 0.088, 0.088),
    (0.35, 0.07, 0.07),
    (0.75, 0.09, 0.09),
    (1.0, 0.1, 0.1),
)
SEEN_BY = MappingProxyType({"upper-arm": ("arm_seen",), "forearm": ("arm_seen", "forearm_seen"),
                           "hand": ("arm_seen", "forearm_seen"), "thigh": ("thigh_seen",),
                           "shank": ("shin_seen",), "foot": ("shin_seen",)})  # fmt: skip
RADIUS = MappingProxyType({  # half-width at each joint of a limb chain
    "shoulder": 0.03, "elbow": 0.024, "wrist": 0.019, "fingers": 0.014,
    "hip": 0.046, "knee": 0.031, "heel": 0.022, "toes": 0.012, "neck": 0.027,
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Bone:
    """One segment: a quadratic Bézier from p0 to p1 with a half-width profile.

    `front` says which side of the curve is the front (side view) or the outer side (front and
    back views): +1 is the side to the left of the direction of travel, -1 the right.
    """

    segment: str
    side: str | None
    p0: Point
    c: Point
    p1: Point
    widths: tuple[tuple[float, float, float], ...]  # (along, back/inner, front/outer), fractions of H
    front: int
    near: bool = True

    def point(self, u: float) -> Point:
        return bezier(self.p0, self.c, self.p1, u)

    def local(self, u: float, v: float) -> Point:
        """The point at *u* along and *v* across (-1 back or inner edge, +1 front or outer edge)."""
        back, front = self.width(u)
        across = mul(left_normal(bezier_tangent(self.p0, self.c, self.p1, u)), self.front)
        return add(self.point(u), mul(across, (v * front if v >= 0 else v * back) * H))

    def width(self, u: float) -> tuple[float, float]:
        stops = self.widths
        if u <= stops[0][0]:
            return stops[0][1], stops[0][2]
        for (u0, b0, f0), (u1, b1, f1) in itertools.pairwise(stops):
            if u <= u1:
                t = (u - u0) / (u1 - u0)
                return b0 + (b1 - b0) * t, f0 + (f1 - f0) * t
        return stops[-1][1], stops[-1][2]


@dataclass(frozen=True, slots=True)
class Chain:
    """A limb drawn as one outline: shoulder-elbow-wrist-fingers or hip-knee-heel-toes."""

    side: str
    limb: str  # arm | leg
    points: tuple[Point, ...]
    radii: tuple[float, ...]  # in drawing units
    near: bool


@dataclass(frozen=True, slots=True)
class Skeleton:
    """A posed figure in the canonical frame."""

    kind: ViewKind
    bones: tuple[Bone, ...]
    chains: tuple[Chain, ...]
    points: Mapping[str, Point]  # "pelvis", "left.knee", "head", ... in drawing units
    head: tuple[Point, float]  # centre and radius
    face: Point  # unit vector the face points along
    head_turn: float
    near: str
    thumbs: tuple[tuple[str, Point, Point], ...] = ()  # (side, base, tip) where a thumb shows

    def bone(self, segment: str, side: str | None = None) -> Bone:
        return next(b for b in self.bones if b.segment == segment and b.side in (side, None))


def pose_skeleton(
    angles: Mapping[str, float],
    *,
    kind: ViewKind,
    base: str,
    near: str,
    hands: Mapping[str, str] | None = None,
) -> Skeleton:
    """The skeleton for *angles* (every joint key set) seen in a view of *kind*.

    *hands* gives hand shapes and palms by side ("right.hand" -> "fist", "right.palm" -> "down").
    """
    hands = hands or {}
    thumbs: list[tuple[str, Point, Point]] = []
    short = BASE[base].foreshorten if kind == "face" else {}

    def length(segment: str, side: str | None = None) -> float:
        seen = (
            math.prod(angles.get(f"{side}.{k}", 100) / 100 for k in SEEN_BY.get(segment, ())) if side else 1
        )
        scale = seen if seen < 1 else short.get(segment, 1.0)
        return LENGTH[segment] * scale * H

    # Turning "forward" (side view) is clockwise; "to the figure's right" (front view) anticlockwise.
    sgn = -1 if kind == "side" else 1
    chord = 90 + sgn * angles["trunk"]
    half_bend = angles["spine"] / 2
    pelvis: Point = (0.0, 0.0)
    top = add(pelvis, mul(unit(chord), length("trunk")))
    sag = length("trunk") / 2 * math.tan(math.radians(half_bend))
    control = add(lerp(pelvis, top, 0.5), mul(left_normal(unit(chord)), -sgn * sag))
    top_dir = chord + sgn * half_bend
    trunk_front = -1 if kind == "side" else 1
    bones = [
        Bone("trunk", None, pelvis, control, top, SIDE_TRUNK if kind == "side" else FACE_TRUNK, trunk_front)
    ]

    neck_dir = top_dir + sgn * angles["neck"]
    head_dir = neck_dir + sgn * angles["head"]
    neck_top = add(top, mul(unit(neck_dir), length("neck")))
    neck_w = ((0.0, RADIUS["neck"], RADIUS["neck"]), (1.0, RADIUS["neck"], RADIUS["neck"]))
    bones.append(Bone("neck", None, top, lerp(top, neck_top, 0.5), neck_top, neck_w, trunk_front))
    head_r = HEAD_RADIUS * H
    face: Point = (0.0, 0.0)  # the front and back views look at the face or the back of the head
    head_c = add(neck_top, mul(unit(head_dir), head_r))
    if kind == "side":
        face = mul(left_normal(unit(head_dir)), -1)  # the front of the head
        head_c = add(head_c, mul(face, 0.012 * H))
    head_top = add(neck_top, mul(unit(head_dir), 2 * head_r))
    head_w = ((0.0, HEAD_RADIUS, HEAD_RADIUS), (1.0, HEAD_RADIUS, HEAD_RADIUS))
    bones.append(Bone("head", None, neck_top, head_c, head_top, head_w, trunk_front))

    points: dict[str, Point] = {"pelvis": pelvis, "neck": top, "head": head_c, "chin": neck_top}
    points["chest"] = bones[0].local(0.72, 1)
    points["belly"] = bones[0].local(0.3, 1)
    points["upper-back"] = bones[0].local(0.78, -1)
    points["lower-back"] = bones[0].local(0.3, -1)
    chains = []
    twist = angles["trunk_twist"]
    for side in SIDES:
        is_near = kind == "face" or side == near
        lateral = 1 if side == "left" else -1  # figure's left is +x in the canonical front view
        if kind == "side":
            # A twist brings one shoulder forward and the other back.
            toward_near = twist if near == "right" else -twist
            shift = math.sin(math.radians(toward_near)) * SHOULDER_HALF_WIDTH * H
            shoulder = add(top, mul(left_normal(unit(top_dir)), shift if is_near else -shift))
            hip = pelvis
            s = 1
        else:
            out = mul(left_normal(unit(top_dir)), -lateral)
            width = SHOULDER_HALF_WIDTH * H * math.cos(math.radians(twist))
            shoulder = add(add(top, mul(out, width)), mul(unit(top_dir), -0.015 * H))
            hip_out = mul(left_normal(unit(chord - sgn * half_bend)), -lateral)
            hip = add(pelvis, mul(hip_out, HIP_HALF_WIDTH * H))
            s = lateral
        a = {
            name: angles[f"{side}.{name}"] for name in ("shoulder", "elbow", "wrist", "hip", "knee", "ankle")
        }
        down = chord - 180
        arm = down + s * a["shoulder"]
        fore = arm + s * a["elbow"]
        palm = hands.get(f"{side}.palm")
        flip = -1 if palm == "down" and kind == "side" else 1  # the palm side turned over
        hand = fore + s * flip * a["wrist"]
        elbow = add(shoulder, mul(unit(arm), length("upper-arm", side)))
        wrist = add(elbow, mul(unit(fore), length("forearm", side)))
        tips = add(wrist, mul(unit(hand), length("hand", side) - RADIUS["fingers"] * H))
        fingers = _fingers(wrist, hand, s * flip, hands.get(f"{side}.hand", "open"), length("hand", side) / H)
        thigh = down + s * a["hip"]
        shank = thigh - a["knee"] if kind == "side" else thigh + s * a["knee"]
        foot = shank + 90 + a["ankle"] if kind == "side" else shank + s * (75 + a["ankle"])
        knee = add(hip, mul(unit(thigh), length("thigh", side)))
        ankle = add(knee, mul(unit(shank), length("shank", side)))
        foot_len = length("foot", side) if kind == "side" else length("foot", side) * FACE_FOOT
        sole = mul(left_normal(unit(foot)), -1 if kind == "side" else 0)
        heel = add(ankle, mul(sole, (ANKLE_HEIGHT - RADIUS["heel"]) * H))
        toes = add(
            add(ankle, mul(unit(foot), foot_len * 0.68)), mul(sole, (ANKLE_HEIGHT - RADIUS["toes"]) * H)
        )
        r = {k: v * H for k, v in RADIUS.items()}
        chains.append(
            Chain(
                side,
                "arm",
                (shoulder, elbow, wrist, *fingers) if fingers else (shoulder, elbow, wrist, tips),
                (r["shoulder"], r["elbow"], r["wrist"], *FINGER_RADII)
                if fingers
                else (r["shoulder"], r["elbow"], r["wrist"], r["fingers"]),
                is_near,
            )
        )
        leg_points = (hip, knee, heel, toes) if foot_len > 0 else (hip, knee, ankle)
        leg_radii = (
            (r["hip"], r["knee"], r["heel"], r["toes"]) if foot_len > 0 else (r["hip"], r["knee"], r["heel"])
        )
        chains.append(Chain(side, "leg", leg_points, leg_radii, is_near))
        if palm in ("up", "in") and kind == "side" and is_near:
            thumbs.append((side, *_thumb(wrist, hand, s * flip, palm, length("hand", side))))
        limb_front = 1 if kind == "side" else s
        for name, p0, p1, r0, r1 in (
            ("upper-arm", shoulder, elbow, "shoulder", "elbow"),
            ("forearm", elbow, wrist, "elbow", "wrist"),
            ("hand", wrist, tips, "wrist", "fingers"),
            ("thigh", hip, knee, "hip", "knee"),
            ("shank", knee, ankle, "knee", "heel"),
            ("foot", heel, toes, "heel", "toes"),
        ):
            w = ((0.0, RADIUS[r0], RADIUS[r0]), (1.0, RADIUS[r1], RADIUS[r1]))
            turned = flip if name in ("forearm", "hand") else 1  # the palm side follows the palm
            bones.append(Bone(name, side, p0, lerp(p0, p1, 0.5), p1, w, limb_front * turned, is_near))
        for name, point in (("shoulder", shoulder), ("elbow", elbow), ("wrist", wrist), ("hand", lerp(wrist, tips, 0.5)),
                            ("hip", hip), ("knee", knee), ("ankle", ankle), ("foot", lerp(heel, toes, 0.5)),
                            ("thigh", lerp(hip, knee, 0.5)), ("shin", lerp(knee, ankle, 0.5)), ("toes", toes), ("heel", heel)):  # fmt: skip
            points[f"{side}.{name}"] = point
    return Skeleton(kind, tuple(bones), tuple(chains), MappingProxyType(points), (head_c, head_r), face,
                    float(angles["head_turn"]), near, tuple(thumbs))  # fmt: skip


FINGERS = (0.05, 0.026, 0.017, 0.015)  # palm, and the three bones of a finger, in fractions of H
FINGER_RADII = tuple(r * H for r in (0.016, 0.011, 0.0095, 0.0085))  # knuckles to fingertips


def _fingers(wrist: Point, direction: float, toward_palm: int, shape: str, scale: float) -> tuple[Point, ...]:
    """Knuckles, finger joints and fingertips of a shaped hand; () for an open hand (one segment)."""
    if shape == "open":
        return ()
    bends = (0, *HAND_SHAPES[shape])
    points = []
    here, heading = wrist, direction
    for i, (bone, bend) in enumerate(zip(FINGERS, bends, strict=True)):
        heading += toward_palm * bend
        reach = bone * H * scale / LENGTH["hand"]
        if i == len(FINGERS) - 1:
            reach = max(reach - FINGER_RADII[-1] * 0.5, 0.1)
        here = add(here, mul(unit(heading), reach))
        points.append(here)
    return tuple(points)


def _thumb(
    wrist: Point, direction: float, toward_palm: int, palm: str, hand_length: float
) -> tuple[Point, Point]:
    """Where the thumb shows in the side view.

    Spread from the hand when the palm is up (the thumb faces you), on its palm edge when the
    palm is in (thumb up); a palm down hides it.
    """
    out = -toward_palm * 28 if palm == "up" else toward_palm * 35
    base = add(wrist, mul(unit(direction), 0.15 * hand_length))
    return base, add(base, mul(unit(direction + out), 0.45 * hand_length))


def segment_lengths(skeleton: Skeleton, side: str) -> dict[str, float]:
    """The drawn length of each limb segment of one side, in fractions of H (for tests and checks)."""
    p = skeleton.points
    pairs = {"upper-arm": ("shoulder", "elbow"), "forearm": ("elbow", "wrist"), "thigh": ("hip", "knee"),
             "shank": ("knee", "ankle")}  # fmt: skip
    out = {}
    for segment, (a, b) in pairs.items():
        d = sub(p[f"{side}.{b}"], p[f"{side}.{a}"])
        out[segment] = math.hypot(*d) / H
    return out


def translated(skeleton: Skeleton, d: Point) -> Skeleton:
    """The same skeleton moved by *d*."""

    def move(p: Point) -> Point:
        return add(p, d)

    bones = tuple(replace(b, p0=move(b.p0), c=move(b.c), p1=move(b.p1)) for b in skeleton.bones)
    chains = tuple(replace(c, points=tuple(move(p) for p in c.points)) for c in skeleton.chains)
    points = MappingProxyType({k: move(p) for k, p in skeleton.points.items()})
    head = (move(skeleton.head[0]), skeleton.head[1])
    thumbs = tuple((side, move(base), move(tip)) for side, base, tip in skeleton.thumbs)
    return replace(skeleton, bones=bones, chains=chains, points=points, head=head, thumbs=thumbs)
