"""The step a figure stands on: a stair's height, with its edge where the feet on it need it.

The feet that `rest` on the step stand on its top. Its back edge goes just behind the rearmost
part resting on it, so in a calf stretch only the ball of the foot is on the step and the heel
sinks below the edge; it reaches forward under the other foot, at least a stair's depth.
"""

from __future__ import annotations

from limber.figures.contact import rests_of
from limber.figures.figure import Figure
from limber.figures.skeleton import H, Skeleton
from limber.figures.spec import SIDES
from limber.figures.support import LIMB_PARTS, STEP_HEIGHT, TOUCH, cm, sides_named, singular

STEP_DEPTH = 0.17  # a stair's tread: 28 cm
STEP_MARGIN = 0.03  # the step reaches this far past the front of what stands on it (side view)


def step_span(figure: Figure, skeleton: Skeleton) -> tuple[float, float, float] | None:
    """(back edge x, front edge x, top y) of the step under the start pose; None without one."""
    on_step = [r for r in rests_of(figure) if r.on == "step"]
    if not on_step:
        return None
    edges: list[tuple[float, float]] = []  # (x, radius) of each point that stands on the step
    for rest in on_step:
        limb, parts = LIMB_PARTS[singular(rest.point.rpartition(".")[2])]
        sides = sides_named(figure, rest) or [_lower(skeleton, limb, parts)]
        for side in sides:
            chain = next(c for c in skeleton.chains if c.side == side and c.limb == limb)
            edges += [(chain.points[i][0], chain.radii[i]) for i in parts if i < len(chain.points)]
    back = min(x - r for x, r in edges)
    front = max(x + r for x, r in edges) + STEP_MARGIN * H
    if figure.kind == "side":
        return back, max(front, back + STEP_DEPTH * H), STEP_HEIGHT * H
    return back - STEP_MARGIN * H, front, STEP_HEIGHT * H


def step_sinks(figure: Figure, skeleton: Skeleton) -> list[str]:
    """Where a foot goes into the step: its heel or toes inside the step's box, with the depth."""
    span = step_span(figure, skeleton)
    if span is None:
        return []
    back, front, top = span
    out = []
    for chain in (c for c in skeleton.chains if c.limb == "leg"):
        for name, (x, y), r in zip(
            ("knee", "heel", "ball of the foot"), chain.points[1:], chain.radii[1:], strict=False
        ):
            depth = top - (y - r)
            if back < x < front and depth > TOUCH:
                out.append(f"the {chain.side} {name} is {cm(depth)} inside the step; only what rests on it "
                           "stands on its top: move that foot back off its edge, or forward onto it")  # fmt: skip
    return out


def _lower(skeleton: Skeleton, limb: str, parts: tuple[int, ...]) -> str:
    """The side whose resting part is lower: the one an unsided support (`toes`) names."""

    def low(side: str) -> float:
        chain = next(c for c in skeleton.chains if c.side == side and c.limb == limb)
        return min(chain.points[i][1] - chain.radii[i] for i in parts if i < len(chain.points))

    return min(SIDES, key=low)
