"""Base postures and named poses: the starting points of a figure, and what each rests on.

A base posture sets the angles an editor need not write and says which views can show it; a
named pose is a base with a few joints already set (`start: {pose: knee-to-chest}`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

from limber.figures.spec import SEEN, SIDES, Camera, ViewKind, all_joint_keys

Angles = MappingProxyType[str, int]


def _angles(midline: dict[str, int], **limbs: int) -> Angles:
    both = {f"{side}.{name}": value for name, value in limbs.items() for side in SIDES}
    seen = {k: 100 for k in all_joint_keys() if k.rpartition(".")[2] in SEEN}
    return MappingProxyType({**dict.fromkeys(all_joint_keys(), 0), **seen, **midline, **both})


@dataclass(frozen=True, slots=True)
class Base:
    """A starting posture: the angles an editor need not write, and how each view sees it."""

    name: str
    words: str  # for the alt text: "sitting on a chair"
    side: Angles  # defaults in the side view
    face: Angles  # defaults in the front and back views
    cameras: MappingProxyType[str, Camera]  # view -> camera; a missing view cannot be drawn
    foreshorten: MappingProxyType[str, float] = field(default_factory=lambda: MappingProxyType({}))
    seat: bool = False  # sits on a chair seat
    legs_behind: bool = False  # front and back views: the legs are behind the trunk and arms
    rest: tuple[tuple[str, str], ...] = (("foot", "floor"),)  # what holds it up, unless `rest` says

    def defaults(self, kind: ViewKind) -> Angles:
        return self.side if kind == "side" else self.face


_GROUND: MappingProxyType[str, Camera] = MappingProxyType(
    {"side": "ground", "front": "ground", "back": "ground"}
)


def _cams(**views: Camera) -> MappingProxyType[str, Camera]:
    return MappingProxyType(dict(views))


def _short(**segments: float) -> MappingProxyType[str, float]:
    return MappingProxyType(dict(segments))


BASES: tuple[Base, ...] = (
    Base("standing", "standing", _angles({}, elbow=8), _angles({}, shoulder=8, hip=3), _GROUND),
    Base("seated", "sitting on a chair", _angles({}, shoulder=12, elbow=70, hip=90, knee=90),
         _angles({}, shoulder=14, elbow=-35, hip=10, knee=-10), _GROUND, _short(thigh=0.42), seat=True,
         rest=(("pelvis", "chair"),)),
    Base("kneeling", "kneeling upright", _angles({}, elbow=8, knee=98, ankle=-75),
         _angles({}, shoulder=8, hip=4), _GROUND, _short(shank=0.15, foot=0.0), rest=(("shin", "floor"),)),
    Base("all-fours", "on hands and knees",
         _angles({"trunk": 76, "neck": -14}, shoulder=76, wrist=90, hip=76, knee=98, ankle=-75),
         _angles({}, shoulder=6, hip=6), _GROUND, _short(trunk=0.3, hand=0.2, shank=0.05, foot=0.0), legs_behind=True,
         rest=(("knees", "floor"), ("hands", "floor"))),
    Base("lying-back", "lying on the back", _angles({"trunk": -90}, elbow=5, ankle=-20),
         _angles({"trunk": 90}, shoulder=14, hip=4), _cams(side="ground", front="above"),
         rest=(("back", "floor"), ("head", "floor"))),
    Base("lying-front", "lying face down", _angles({"trunk": 90}, ankle=-45),
         _angles({"trunk": -90}, shoulder=14, hip=4), _cams(side="ground", back="above"),
         rest=(("front", "floor"),)),
    Base("side-lying", "lying on one side", _angles({"trunk": 90}, shoulder=80, hip=45, knee=60),
         _angles({"trunk": 90}, shoulder=8, hip=3), _cams(side="above", front="ground", back="ground"),
         rest=(("trunk", "floor"),)),
    Base("floor-seated", "sitting on the floor", _angles({}, shoulder=15, elbow=10, hip=90, ankle=-10),
         _angles({}, shoulder=20, hip=12), _GROUND, _short(thigh=0.3, shank=0.3, foot=0.5),
         rest=(("pelvis", "floor"),)),
)  # fmt: skip
BASE = MappingProxyType({b.name: b for b in BASES})


@dataclass(frozen=True, slots=True)
class NamedPose:
    """A starting pose an editor can name (`start: {pose: knee-to-chest}`) and change a joint or two.

    It sets its base posture and the angles that differ from it; with the supports and holds it
    needs, unless the figure gives its own; with its hand shapes and palms, unless the figure sets
    them; and, seen in its own view, with the props it is drawn against, unless the figure lists
    the same prop. The leading side is the right.
    """

    name: str
    words: str
    base: str
    angles: tuple[tuple[str, int], ...]
    rest: tuple[str, ...] = ()
    hold: tuple[tuple[str, str], ...] = ()
    shapes: tuple[tuple[str, str], ...] = ()  # ("right.palm", "down"): set under a side like angles
    props: tuple[tuple[str, str], ...] = ()  # ("wall", "near.hand"): a prop and the anchor it touches
    view: str = "side"  # the view it is drawn for
    starts: bool = False  # a new exercise in this base posture starts from this pose


def _pose_angles(midline: dict[str, int], **sides: dict[str, int]) -> tuple[tuple[str, int], ...]:
    both = {f"{side}.{k}": v for side, joints in sides.items() for k, v in joints.items()}
    return tuple(sorted({**midline, **both}.items()))


NAMED_POSES: tuple[NamedPose, ...] = (
    NamedPose("all-fours", "on hands and knees, back flat", "all-fours", (), starts=True),
    NamedPose("kneeling-lunge", "kneeling on the left knee, the right foot forward", "kneeling",
              _pose_angles({}, left={"shoulder": 30, "elbow": 50, "hip": -10, "knee": 80},
                           right={"shoulder": 30, "elbow": 50, "hip": 90, "knee": 90, "ankle": 0}),
              rest=("left.shin", "right.foot"), starts=True),
    NamedPose("knees-bent", "lying on the back, knees bent, feet flat", "lying-back",
              _pose_angles({}, left={"shoulder": -10, "hip": 45, "knee": 110, "ankle": 0},
                          right={"shoulder": -10, "hip": 45, "knee": 110, "ankle": 0}),
              rest=("back", "head", "feet"), starts=True),
    NamedPose("knee-to-chest", "lying on the back, both hands holding the right thigh behind the knee", "lying-back",
              _pose_angles({}, left={"hip": 45, "knee": 110, "ankle": 0}, right={"hip": 110, "knee": 130}),
              rest=("back", "head", "left.foot"), hold=(("left.hand", "right.knee"), ("right.hand", "right.knee"))),
    NamedPose("seated-figure-four", "sitting, the right ankle on the left thigh just past the knee, the right hand on the right knee (front view)", "seated",
              _pose_angles({}, left={"shoulder": 16, "elbow": -8},
                           right={"shoulder": 15, "elbow": 20, "hip": 55, "knee": -150, "ankle": -45, "thigh_seen": 55}),
              hold=(("right.hand", "right.knee"),), view="front"),
    NamedPose("side-lying", "lying on the left side, hips and knees bent, the head on the left arm, the right hand on the floor in front (front view)", "side-lying",
              _pose_angles({"trunk": -90, "neck": -12},
                           left={"shoulder": 175, "thigh_seen": 30, "shin_seen": 80},
                           right={"shoulder": -85, "arm_seen": 53, "thigh_seen": 30, "shin_seen": 80}),
              rest=("trunk", "right.hand"), view="front", starts=True),
    NamedPose("hands-on-wall", "standing, both palms flat on a wall in front at shoulder height", "standing",
              _pose_angles({"trunk": 10}, left={"shoulder": 95, "elbow": 15, "wrist": -80},
                           right={"shoulder": 95, "elbow": 15, "wrist": -80}),
              shapes=(("left.palm", "down"), ("right.palm", "down")), props=(("wall", "near.hand"),)),
)  # fmt: skip
NAMED_POSE = MappingProxyType({p.name: p for p in NAMED_POSES})
