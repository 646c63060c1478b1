"""The skeleton: the body's proportions, and a posed figure as bones, limb chains and points.

Segment lengths are fixed fractions of the body height H (Drillis and Contini's anthropometric
table, as given by Winter, Biomechanics and Motor Control of Human Movement): the hip joint is at
0.530 H, the shoulder at 0.818 H, the chin at 0.870 H; the head is 0.130 H tall. A skeleton is
computed (pose.py) in a canonical frame with the hip joints at the origin and y up: in the side
view the figure faces +x and the described (near) side is towards the viewer; in the front and
back views the figure's right side is at -x (the back view is mirrored later).
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
    mul,
    sub,
)
from limber.figures.spec import ViewKind

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
