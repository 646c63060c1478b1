"""Where each muscle and body area lies on the figure, as patches of its segments.

A patch is a stretch of one segment: `along` runs from the segment's start joint (0) to its end
(1); the trunk runs from the hip joints (0) to the shoulders (1) and reaches -0.12 below the
hips. `across` runs over the segment's width. In the side view -1 is the back surface and +1 the
front (for the arm, the palm side; for the leg, the shin side). In the front and back views it
runs from the midline (0) to the outer edge (1) on the trunk, neck and head, and from the inner
edge (-1) to the outer edge (+1) on a limb; these patches are drawn on both halves of the body,
or only on the described side when the figure has one.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Patch:
    segment: str  # trunk | neck | head | upper-arm | forearm | hand | thigh | shank | foot
    along: tuple[float, float]
    across: tuple[float, float]


@dataclass(frozen=True, slots=True)
class Shape:
    """A muscle's or area's place: in the side view, and on the front and/or back of the body."""

    side: tuple[Patch, ...]
    front: tuple[Patch, ...] = ()
    back: tuple[Patch, ...] = ()

    def face(self, view: str) -> tuple[Patch, ...]:
        return self.front if view == "front" else self.back


def _p(segment: str, along: tuple[float, float], across: tuple[float, float]) -> Patch:
    return Patch(segment, along, across)


def _front(side: tuple[Patch, ...], face: tuple[Patch, ...]) -> Shape:
    return Shape(side, front=face)


def _back(side: tuple[Patch, ...], face: tuple[Patch, ...]) -> Shape:
    return Shape(side, back=face)


MUSCLES: MappingProxyType[str, Shape] = MappingProxyType({
    "sternocleidomastoid": _front((_p("neck", (0, 1), (0.1, 1)),), (_p("neck", (0, 1), (0.25, 0.8)),)),
    "scalenes": _front((_p("neck", (0.05, 0.9), (-0.4, 0.4)),), (_p("neck", (0.1, 0.9), (0.6, 1)),)),
    "levator-scapulae": _back((_p("neck", (0.2, 1), (-1, -0.3)), _p("trunk", (0.88, 1), (-1, -0.4))),
                              (_p("neck", (0.1, 1), (0.4, 1)), _p("trunk", (0.8, 1), (0.15, 0.5)))),
    "neck-extensors": _back((_p("neck", (0, 1), (-1, -0.1)),), (_p("neck", (0, 1), (0, 0.55)),)),
    "deep-neck-flexors": _front((_p("neck", (0, 1), (0, 0.55)),), (_p("neck", (0, 1), (0, 0.3)),)),
    "upper-trapezius": _back((_p("neck", (0, 0.6), (-1, -0.35)), _p("trunk", (0.86, 1), (-1, 0.1))),
                             (_p("neck", (0, 0.6), (0.35, 1)), _p("trunk", (0.85, 1), (0.1, 0.95)))),
    "middle-trapezius": _back((_p("trunk", (0.7, 0.88), (-1, -0.5)),), (_p("trunk", (0.7, 0.86), (0.05, 0.7)),)),
    "lower-trapezius": _back((_p("trunk", (0.45, 0.72), (-1, -0.55)),), (_p("trunk", (0.45, 0.72), (0.05, 0.45)),)),
    "rhomboids": _back((_p("trunk", (0.66, 0.88), (-1, -0.6)),), (_p("trunk", (0.64, 0.86), (0.08, 0.42)),)),
    "latissimus-dorsi": _back((_p("trunk", (0.35, 0.75), (-0.8, -0.1)),), (_p("trunk", (0.3, 0.72), (0.45, 1)),)),
    "erector-spinae": _back((_p("trunk", (0.05, 0.85), (-1, -0.65)),), (_p("trunk", (0.02, 0.85), (0, 0.22)),)),
    "anterior-deltoid": _front((_p("upper-arm", (0, 0.35), (0, 1)),), (_p("upper-arm", (0, 0.35), (-0.5, 1)),)),
    "posterior-deltoid": _back((_p("upper-arm", (0, 0.35), (-1, 0)),), (_p("upper-arm", (0, 0.35), (-0.5, 1)),)),
    "rotator-cuff": _back((_p("trunk", (0.78, 0.97), (-1, -0.4)), _p("upper-arm", (0, 0.15), (-1, 0))),
                          (_p("trunk", (0.72, 0.95), (0.5, 1)),)),
    "serratus-anterior": _front((_p("trunk", (0.5, 0.8), (-0.3, 0.4)),), (_p("trunk", (0.5, 0.78), (0.75, 1)),)),
    "pectoralis-major": _front((_p("trunk", (0.68, 0.95), (0.4, 1)),), (_p("trunk", (0.68, 0.95), (0.08, 0.95)),)),
    "pectoralis-minor": _front((_p("trunk", (0.75, 0.92), (0.2, 0.7)),), (_p("trunk", (0.74, 0.9), (0.45, 0.85)),)),
    "biceps": _front((_p("upper-arm", (0.25, 0.95), (0, 1)),), (_p("upper-arm", (0.25, 0.95), (-0.7, 0.7)),)),
    "triceps": _back((_p("upper-arm", (0.2, 0.95), (-1, 0)),), (_p("upper-arm", (0.2, 0.95), (-0.7, 0.7)),)),
    "wrist-flexors": _front((_p("forearm", (0.05, 0.75), (0, 1)),), (_p("forearm", (0.05, 0.75), (-0.8, 0.6)),)),
    "wrist-extensors": _back((_p("forearm", (0.05, 0.75), (-1, 0)),), (_p("forearm", (0.05, 0.75), (-0.6, 0.8)),)),
    "obliques": _front((_p("trunk", (0.2, 0.6), (-0.3, 0.6)),), (_p("trunk", (0.15, 0.6), (0.55, 1)),)),
    "rectus-abdominis": _front((_p("trunk", (0.1, 0.68), (0.55, 1)),), (_p("trunk", (0.08, 0.68), (0, 0.45)),)),
    "quadratus-lumborum": _back((_p("trunk", (0.12, 0.45), (-0.8, -0.2)),), (_p("trunk", (0.12, 0.42), (0.22, 0.6)),)),
    "hip-flexors": _front((_p("trunk", (-0.05, 0.25), (0.2, 1)), _p("thigh", (0, 0.25), (0, 1))),
                          (_p("trunk", (-0.05, 0.2), (0.4, 0.8)), _p("thigh", (0, 0.25), (-1, 0.4)))),
    "glutes": _back((_p("trunk", (-0.12, 0.2), (-1, -0.2)),), (_p("trunk", (-0.12, 0.22), (0.1, 1)),)),
    "hip-abductors": _back((_p("trunk", (-0.02, 0.22), (-0.5, 0.3)),), (_p("trunk", (0.04, 0.26), (0.55, 1)),)),
    "piriformis": _back((_p("trunk", (0, 0.15), (-0.9, -0.3)),), (_p("trunk", (0.02, 0.16), (0.35, 0.95)),)),
    "hamstrings": _back((_p("thigh", (0.15, 0.95), (-1, 0)),), (_p("thigh", (0.15, 0.95), (-0.7, 0.7)),)),
    "quadriceps": _front((_p("thigh", (0.1, 0.9), (0, 1)),), (_p("thigh", (0.1, 0.9), (-0.7, 0.9)),)),
    "adductors": _front((_p("thigh", (0.05, 0.7), (-0.2, 0.5)),), (_p("thigh", (0.05, 0.75), (-1, -0.35)),)),
    "diaphragm": _front((_p("trunk", (0.55, 0.7), (-0.4, 0.6)),), (_p("trunk", (0.56, 0.68), (0, 0.85)),)),
    "calves": _back((_p("shank", (0.05, 0.65), (-1, 0)),), (_p("shank", (0.05, 0.65), (-0.9, 0.9)),)),
})  # fmt: skip


def _both(side: tuple[Patch, ...], face: tuple[Patch, ...]) -> Shape:
    return Shape(side, front=face, back=face)


_ARM = (_p("upper-arm", (0.3, 1), (-1, 1)), _p("forearm", (0, 1), (-1, 1)), _p("hand", (0, 1), (-1, 1)))
_LEG = (_p("thigh", (0.18, 1), (-1, 1)), _p("shank", (0, 1), (-1, 1)), _p("foot", (0, 1), (-1, 1)))
_SHOULDER = (_p("upper-arm", (0, 0.3), (-1, 1)), _p("trunk", (0.9, 1), (0.75, 1)))
_HIPS = (_p("trunk", (-0.12, 0.12), (0, 1)), _p("thigh", (0, 0.18), (-1, 1)))
_UPPER = (_p("trunk", (0.55, 0.9), (0, 1)), _p("trunk", (0.9, 1), (0, 0.75)))

# The body areas: the regions of the home page's body map, and markable like a muscle.
AREAS: MappingProxyType[str, Shape] = MappingProxyType({
    "neck": _both((_p("neck", (0, 1), (-1, 1)),), (_p("neck", (0, 1), (0, 1)),)),
    "upper-back": _back((_p("trunk", (0.55, 1), (-1, -0.1)),), _UPPER),
    "shoulders": _both((_p("upper-arm", (0, 0.3), (-1, 1)), _p("trunk", (0.9, 1), (-0.5, 0.5))), _SHOULDER),
    "chest": _front((_p("trunk", (0.6, 0.97), (0.1, 1)),), (_p("trunk", (0.6, 0.9), (0, 1)), _p("trunk", (0.9, 1), (0, 0.75)))),
    "arms": _both(_ARM, _ARM),
    "core": _front((_p("trunk", (0.12, 0.6), (0, 1)),), (_p("trunk", (0.12, 0.6), (0, 1)),)),
    "lower-back": _back((_p("trunk", (0.12, 0.55), (-1, 0)),), (_p("trunk", (0.12, 0.55), (0, 1)),)),
    "hips": _both((_p("trunk", (-0.12, 0.12), (-1, 1)), _p("thigh", (0, 0.18), (-1, 1))), _HIPS),
    "legs": _both(_LEG, _LEG),
})  # fmt: skip


def shape_of(slug: str) -> Shape | None:
    """The shape of a muscle or area slug, or None when the figure cannot mark it."""
    return MUSCLES.get(slug) or AREAS.get(slug)


def markable() -> tuple[str, ...]:
    return (*MUSCLES, *AREAS)
