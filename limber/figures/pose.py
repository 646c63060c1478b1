"""Forward kinematics: joint angles -> the figure's segments, in the plane of the view.

The proportions and the skeleton it makes are in skeleton.py; the hand's shapes are bent here,
finger by finger.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType

from limber.figures.bases import BASE
from limber.figures.geometry import (
    Point,
    add,
    left_normal,
    lerp,
    mul,
    unit,
)
from limber.figures.skeleton import (
    ANKLE_HEIGHT,
    FACE_FOOT,
    FACE_TRUNK,
    HEAD_RADIUS,
    HIP_HALF_WIDTH,
    LENGTH,
    RADIUS,
    SEEN_BY,
    SHOULDER_HALF_WIDTH,
    SIDE_TRUNK,
    Bone,
    Chain,
    H,
    Skeleton,
)
from limber.figures.spec import HAND_SHAPES, SIDES, ViewKind


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
