"""What a figure may say: views, joints and their ranges, hand shapes, props, supports, anchors.

This module and bases.py (base postures, named poses) declare the figure vocabulary. Validation,
drawing, the alt text and the editors' reference tables (reference.py) are all derived from them.

Angles are whole degrees of a flat, jointed figure drawn in the plane of the view. In the side
view they are the usual sagittal movements (flexion +, extension -); in the front and back views
they are what the eye sees in that plane (out to the side +, across the body -). Ranges follow
common clinical norms for active and easy passive movement (AAOS), a little wider where the
drawing shows a passive end position (kneeling sits the knee near 150 degrees).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

ViewKind = Literal["side", "face"]  # face: the front and back views
Camera = Literal["ground", "above"]  # ground: a floor line; above: the floor is the page

VIEWS = ("side", "front", "back")
SIDES = ("left", "right")
FIGURE_KEYS = ("view", "side", "props", "rest", "hold", "start", "end", "then", "arrow", "mark", "zoom")
ZOOM_HALF = (0.2, 0.15)  # `zoom: near.hand`: the picture shows this much either side of the anchor
MAX_THEN = 3  # further end positions after `end` (Y, then T, then W)
# A later pose keeps one part where the start had it (`stay: feet`): the body moves, that part not.
STAY_PARTS = ("pelvis", "feet", "left.foot", "right.foot", "near.foot", "far.foot", "hands")


@dataclass(frozen=True, slots=True)
class Joint:
    """One angle an editor may set, with its range and meaning in each kind of view."""

    name: str
    sided: bool  # set under `left:` / `right:`
    part: str  # what moves, for the alt text: "head", "arm", ...
    side_range: tuple[int, int]
    side_plus: str  # what a larger angle does in the side view
    side_minus: str
    face_range: tuple[int, int]
    face_plus: str  # ... and in the front and back views
    face_minus: str
    note: str = ""  # for the editors' reference only

    def range(self, kind: ViewKind) -> tuple[int, int]:
        return self.side_range if kind == "side" else self.face_range

    def words(self, kind: ViewKind, sign: int) -> str:
        """What a change of this sign does, e.g. 'bends forward'."""
        if kind == "side":
            return self.side_plus if sign > 0 else self.side_minus
        return self.face_plus if sign > 0 else self.face_minus


JOINTS: tuple[Joint, ...] = (
    Joint("trunk", False, "body", (-135, 135), "leans forward", "leans back", (-135, 135),
          "leans to the right", "leans to the left",
          "the whole body's lean from upright; side view: 90 is level and face down, −90 lying on the back"),
    Joint("spine", False, "back", (-30, 60), "rounds", "arches", (-40, 40),
          "curves to the right", "curves to the left"),
    Joint("trunk_twist", False, "chest", (-45, 45), "turns to the right", "turns to the left",
          (-45, 45), "turns to the right", "turns to the left"),
    Joint("neck", False, "head", (-50, 50), "bends forward", "tips back", (-45, 45),
          "tilts to the right", "tilts to the left"),
    Joint("head", False, "chin", (-25, 25), "nods down", "lifts", (-20, 20),
          "tilts further right", "tilts further left"),
    Joint("head_turn", False, "face", (-80, 80), "turns to the right", "turns to the left",
          (-80, 80), "turns to the right", "turns to the left"),
    Joint("shoulder", True, "arm", (-60, 180), "lifts forward and up", "moves back", (-135, 180),
          "lifts out to the side", "moves across the body"),
    Joint("elbow", True, "elbow", (0, 150), "bends", "straightens", (-150, 150),
          "bends outward", "bends inward"),
    Joint("wrist", True, "hand", (-90, 90), "bends toward the palm", "bends back", (-80, 80),
          "bends outward", "bends inward"),
    Joint("hip", True, "leg", (-30, 140), "lifts forward", "moves back", (-45, 90),
          "moves out to the side", "moves across"),
    Joint("knee", True, "knee", (0, 155), "bends", "straightens", (-155, 155),
          "bends outward", "bends inward"),
    Joint("ankle", True, "foot", (-80, 30), "pulls the toes up", "points the toes", (-45, 45),
          "turns outward", "turns inward"),
    # Not angles: the percentage of a limb's length the drawing shows. 100 lies in the plane of
    # the view; less points toward or away from the viewer (an arm threading under the chest).
    Joint("arm_seen", True, "arm", (20, 100), "shows more of its length", "looks shorter, pointing toward or away from you",
          (20, 100), "shows more of its length", "looks shorter, pointing toward or away from you"),
    Joint("forearm_seen", True, "forearm", (20, 100), "shows more of its length", "looks shorter, pointing toward or away from you",
          (20, 100), "shows more of its length", "looks shorter, pointing toward or away from you",
          "the forearm and hand alone, on top of arm_seen: a forearm on the floor pointing at you"),
    Joint("thigh_seen", True, "thigh", (20, 100), "shows more of its length", "looks shorter, pointing toward or away from you",
          (20, 100), "shows more of its length", "looks shorter, pointing toward or away from you"),
    Joint("shin_seen", True, "shin", (20, 100), "shows more of its length", "looks shorter, pointing toward or away from you",
          (20, 100), "shows more of its length", "looks shorter, pointing toward or away from you"),
)  # fmt: skip
SEEN = ("arm_seen", "forearm_seen", "thigh_seen", "shin_seen")

# Hand shapes: how far the knuckles, middle and end joints of the fingers bend toward the palm
# (degrees), as in the tendon glides: open, hook, full fist, tabletop, straight fist.
HAND_SHAPES = MappingProxyType({
    "open": (0, 0, 0), "flat": (-5, 0, 0), "hook": (0, 95, 70), "fist": (85, 105, 70),
    "tabletop": (90, 0, 0), "straight-fist": (90, 95, 0), "grip": (55, 70, 40),
})  # fmt: skip
# Forearm rotation: which way the palm faces with the arm held forward (`palm: down` turns the
# palm side of the forearm and hand over, so a wrist bending toward the palm bends down).
PALMS = ("up", "down", "in")
SHAPE_KEYS = ("hand", "palm")  # set under a side like angles, but words: right: {hand: fist}
JOINT = MappingProxyType({j.name: j for j in JOINTS})
MIDLINE = tuple(j.name for j in JOINTS if not j.sided)
LIMB = tuple(j.name for j in JOINTS if j.sided)
POSE_KEYS = ("base", *MIDLINE, *SIDES)


def joint_of(key: str) -> Joint:
    """The joint of a pose key: 'neck' or 'left.knee'."""
    return JOINT[key.rpartition(".")[2]]


def all_joint_keys() -> tuple[str, ...]:
    """Every settable key: 'trunk', ..., 'left.shoulder', ..., 'right.shin_seen'."""
    return (*MIDLINE, *(f"{side}.{name}" for side in SIDES for name in LIMB))


def angle_keys() -> tuple[str, ...]:
    """The keys that are angles (an arrow can bend them): all but the *_seen lengths."""
    return tuple(k for k in all_joint_keys() if k.rpartition(".")[2] not in SEEN)


@dataclass(frozen=True, slots=True)
class Prop:
    """A thing drawn with the figure, placed against anchors on the body."""

    name: str
    words: str
    anchors: tuple[int, int]  # how many anchors `at` may name (min, max)
    default_at: tuple[str, ...]  # used when the editor names none
    placed: str  # where it goes, for the editors' reference


PROPS: tuple[Prop, ...] = (
    Prop("mat", "an exercise mat", (0, 0), (), "on the floor under the body"),
    Prop(
        "chair", "a chair", (0, 1), (), "under a seated figure; otherwise touching its anchor (`near.knee`)"
    ),
    Prop("wall", "a wall", (0, 1), (), "behind the back (side view); or touching its anchor (`right.hand`)"),
    Prop(
        "door-frame",
        "a door frame",
        (0, 1),
        (),
        "at the near forearm (side view); at both hands (front, back)",
    ),
    Prop("table", "a table", (0, 1), ("near.hand",), "under the near hand"),
    Prop("towel", "a towel", (2, 3), ("left.hand", "right.hand"), "between its anchors: the hands"),
    Prop(
        "resistance-band",
        "a resistance band",
        (2, 3),
        ("left.hand", "right.hand"),
        "between its anchors: the hands",
    ),
    Prop("foam-roller", "a foam roller", (1, 1), ("upper-back",), "under the upper back"),
    Prop("massage-ball", "a massage ball", (1, 1), ("upper-back",), "against the upper back"),
    Prop("exercise-ball", "an exercise ball", (1, 1), ("lower-back",), "under the lower back"),
    Prop("dumbbell", "a dumbbell", (1, 1), ("near.hand",), "in the near hand"),
    Prop(
        "handrail",
        "a handrail",
        (0, 1),
        ("near.hand",),
        "in the near hand, rising ahead like a stair rail, a post under its low end (side view); "
        "a post up to that hand (front, back)",
    ),
    Prop(
        "step",
        "a step",
        (0, 0),
        (),
        "under the feet that `rest` on it (`{near.toes: step}`); its edge just behind the rearmost, "
        "so a heel can sink below it",
    ),
)
PROP = MappingProxyType({p.name: p for p in PROPS})

# What a figure rests on (`rest`): parts of the trunk, the head, or a limb's part, on a surface.
# `back` is the pelvis and the upper back, `front` the belly and the chest. A limb's part is
# sided (`near.foot`), both (`feet`), or unsided (`foot`: the lower of the two).
TRUNK_RESTS = ("pelvis", "upper-back", "mid-back", "lower-back", "chest", "belly", "trunk")
REST_PLURAL = MappingProxyType({"feet": "foot", "heels": "heel", "knees": "knee", "shins": "shin",
                                "hands": "hand", "elbows": "elbow", "forearms": "forearm"})  # fmt: skip
REST_LIMB = ("foot", "heel", "toes", "knee", "shin", "hand", "elbow", "forearm")  # toes: the ball of the foot
SURFACES = (
    "floor",
    "mat",
    "chair",
    "foam-roller",
    "exercise-ball",
    "step",
)  # mat: the floor, with a mat on it
PROP_SURFACES = (
    "chair",
    "foam-roller",
    "exercise-ball",
    "step",
)  # surfaces that are props: listed in `props`
# What may rest on a surface that takes only some parts: a roller or ball under the back, a step under a foot.
SURFACE_PARTS = MappingProxyType({
    "foam-roller": ("upper-back", "mid-back", "lower-back"), "exercise-ball": ("upper-back", "mid-back", "lower-back"),
    "step": ("foot", "heel", "toes"),
})  # fmt: skip
HOLDERS = ("hand",)  # `hold`: a hand and the part of the body it holds


def rest_points() -> tuple[str, ...]:
    """Every part a figure can rest on something."""
    sided = tuple(f"{s}.{p}" for s in (*SIDES, "near", "far") for p in REST_LIMB)
    return (*TRUNK_RESTS, "back", "front", "head", *REST_LIMB, *REST_PLURAL, *sided)


# Points on the body a prop can sit against. `near` is the side the text describes (the one in
# front in the side view); `far` the other. `ahead` and `behind` are points in space in front of
# and behind the first anchor, for a band tied to a door or post.
BODY_ANCHORS = ("head", "neck", "chest", "belly", "upper-back", "mid-back", "lower-back", "pelvis")
LIMB_ANCHORS = ("shoulder", "elbow", "hand", "hip", "knee", "shin", "foot", "thigh")
SPACE_ANCHORS = ("ahead", "behind")


def all_anchors() -> tuple[str, ...]:
    sides = (*SIDES, "near", "far")
    return (*BODY_ANCHORS, *(f"{s}.{a}" for s in sides for a in LIMB_ANCHORS), *SPACE_ANCHORS)


# Arrows: `to` bends a joint to an angle; `turn` turns the head or chest about its long axis;
# `circle` circles a joint; `move` slides a body point in a direction.
ARROW_KINDS = ("to", "turn", "circle", "move")
TURNS = ("left", "right")
CIRCLES = ("forward", "backward")
MOVES = ("forward", "back", "up", "down", "left", "right")
SIDE_ONLY_MOVES = ("forward", "back")
FACE_ONLY_MOVES = ("left", "right")
TURNING_JOINTS = ("head_turn", "trunk_twist")
MAX_ARROWS = 3
MAX_MARKS = 8  # muscles or areas hatched in one figure; more would hide the pose they explain

# Problem codes, each with what it means; the editors' guide lists them.
CODES = MappingProxyType(
    {
        "bad-figure": "the figure (or a part of it) has the wrong shape, e.g. a list where a mapping belongs",
        "unknown-key": "a key the figure does not know",
        "missing-key": "a required key is missing",
        "unknown-view": "`view` is not side, front or back",
        "unknown-base": "`base` is not a base posture",
        "unknown-side": "`side` is not left or right",
        "unknown-joint": "a joint the figure does not have",
        "not-an-angle": "an angle that is not a whole number of degrees",
        "angle-out-of-range": "an angle outside the joint's human range in this view",
        "unknown-prop": "a prop the figure cannot draw",
        "duplicate-prop": "the same prop listed twice",
        "unknown-anchor": "a prop or arrow placed at a point the figure does not have",
        "unknown-mark": "a muscle or area the figure cannot mark",
        "mark-hidden": "a marked muscle that this view cannot show (front muscle, back view)",
        "duplicate-mark": "the same muscle or area marked twice",
        "bad-arrow": "an arrow that cannot be drawn as written",
        "bad-rest": "a `rest` or `hold` entry that names an unknown part or surface, or a prop not listed; a step nothing rests on",
        "figure-floats": "a part the pose rests on (or a hand holds with) that cannot reach it, with the distance",
        "figure-sinks": "a part of the body below the floor or inside a step, with the depth",
        "figure-tangles": "a limb passing through another limb or the trunk, which the pose does not say it holds",
        "view-hides-movement": "a warning: the end pose looks like the start in this view; it names a view that shows it",
        "view-not-possible": "a base posture this view cannot show (lying on the back, seen from the back)",
    }
)
