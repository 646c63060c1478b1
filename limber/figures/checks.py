"""What `check` says about a drawn figure beyond its data.

Parts that float above what should hold them, sink into the floor or tangle (a limb through
another or through the trunk), and an end pose its view cannot show.
"""

from __future__ import annotations

from dataclasses import replace

from limber.diagnostics import KeyPath, Severity
from limber.figures.bases import BASE
from limber.figures.contact import rested
from limber.figures.figure import Figure, FigureProblem
from limber.figures.geometry import depth_inside, dist, distance_to_segment, segments_cross
from limber.figures.skeleton import H
from limber.figures.spec import SIDES, TURNING_JOINTS
from limber.figures.step import step_sinks
from limber.figures.support import cm

LAP = 0.05  # fractions of H: a hand this near a leg the arm crosses rests on it


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
                resting = distance_to_segment(hand, *leg) < LAP * H  # a hand on the leg, the arm across it
                if not resting and segments_cross(p[f"{near}.{a}"], p[f"{near}.{b}"], *leg):
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
            depth = depth_inside(p[f"{side}.{part}"], outline)
            if depth > 0.01 * H:
                out.append((key, "figure-tangles",
                            f"the {side} {part} is {cm(depth)} inside the trunk; change the {side} hip or knee"))  # fmt: skip
    return tuple(out)


def contact_problems(figure: Figure) -> list[FigureProblem]:
    """What floats, sinks or tangles in the start and end poses, each problem once."""
    step = ("props", next((i for i, u in enumerate(figure.props) if u.name == "step"), 0))
    out = [FigureProblem(step, "figure-sinks", m) for m in step_sinks(figure, rested(figure).skeleton)]
    seen = set()
    for which in figure.poses():
        for key, code, message in rested(figure, which).problems + tangles(figure, which):
            where = key or (() if which == "start" else _pose_key(which))
            if (code, message) not in seen:
                seen.add((code, message))
                out.append(FigureProblem(where, code, message))
    return out


HIDDEN_MOVE = 0.01  # fractions of H: an end pose moving no drawn point further looks like the start


def hidden_movement(figure: Figure) -> list[FigureProblem]:
    """A warning when the view cannot show the movement from the start to the end pose.

    It names the views of the base posture that can, if any.
    """
    if figure.end is None or any(k in TURNING_JOINTS for k, _ in figure.end):  # a turning arrow shows it
        return []
    if _moved(figure) >= HIDDEN_MOVE * H:
        return []
    other = [
        v
        for v in BASE[figure.base].cameras
        if v != figure.view and _moved(replace(figure, view=v)) >= HIDDEN_MOVE * H
    ]
    hint = f"; use view: {' or '.join(other)}" if other else ""
    message = f"the end pose looks the same as the start in the {figure.view} view{hint}"
    return [FigureProblem(("end",), "view-hides-movement", message, Severity.WARNING)]


def _moved(figure: Figure) -> float:
    """How far the end pose moves the furthest drawn point of the body from the start."""
    start, end = rested(figure).skeleton, rested(figure, "end").skeleton
    far = max(dist(start.points[k], end.points[k]) for k in start.points)
    return max(
        far,
        *(
            dist(a, b)
            for c, d in zip(start.chains, end.chains, strict=True)
            for a, b in zip(c.points, d.points, strict=False)
        ),
    )


def _pose_key(which: str) -> KeyPath:
    """The key path of a pose: ("end",) or ("then", 1)."""
    name, _, index = which.partition(".")
    return (name, int(index)) if index else (name,)
