"""Check an exercise's `figure:` data and turn it into a Figure, collecting every problem."""

from __future__ import annotations

from typing import Any

from limber.diagnostics import KeyPath, Severity
from limber.figures.arrow_checks import ArrowChecks
from limber.figures.bases import BASE
from limber.figures.checking import listing, type_name
from limber.figures.checks import contact_problems, hidden_movement
from limber.figures.figure import Figure, FigureProblem, PropUse
from limber.figures.pose_checks import PoseChecks
from limber.figures.prop_checks import PropChecks
from limber.figures.spec import FIGURE_KEYS, SIDES, VIEWS
from limber.figures.support_checks import SupportChecks


def validate_figure(
    raw: Any, *, default_base: str | None = None
) -> tuple[Figure | None, list[FigureProblem]]:
    """The Figure described by *raw* (plain YAML data), or None, and every problem found.

    *default_base* stands in for `start.base` when the editor leaves it out (the exercise's
    `position` uses the same words). The figure is returned only when no problem is an error.
    """
    checker = _Checker()
    figure = checker.figure(raw, default_base)
    problems = checker.problems
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    return figure, problems


def _placed(use: PropUse, rest: tuple[tuple[str, str, KeyPath], ...]) -> PropUse:
    """A roller or ball the body rests on goes under the part that rests on it, unless placed."""
    if use.at or use.name == "step":  # a step is placed by what stands on it (step.py)
        return use
    under = [point for point, on, _ in rest if on == use.name]
    return PropUse(use.name, (under[0],)) if under else use


class _Checker(PoseChecks, SupportChecks, PropChecks, ArrowChecks):
    """The whole figure: each part checked by its own class, then the contact of the poses."""

    def figure(self, raw: Any, default_base: str | None) -> Figure | None:
        if not isinstance(raw, dict):
            self.error((), "bad-figure", f"a figure is a mapping (view, start, ...), got {type_name(raw)}")
            return None
        self.unknown_keys(raw, FIGURE_KEYS, (), "in the figure")
        view = self.choice(raw.get("view", "side"), VIEWS, ("view",), "unknown-view", "view")
        side = None
        if raw.get("side") is not None:
            side = self.choice(raw["side"], SIDES, ("side",), "unknown-side", "side")
        self.kind = "face" if view in ("front", "back") else "side"  # an unknown view: check as side
        base, start, end = None, None, None
        if "start" in raw:
            base, start = self.pose(raw["start"], ("start",), default_base)
        else:
            self.error((), "missing-key", "the figure needs a `start` pose (at least its `base`)")
        if raw.get("end") is not None:
            end = self.pose(raw["end"], ("end",), None)[1]
        then = self.then(raw.get("then", []))
        zoom = raw.get("zoom")
        if zoom is not None and not self.anchor(zoom, ("zoom",), "`zoom`"):
            zoom = None
        if base is not None and view is not None and view not in BASE[base].cameras:
            shown = listing(BASE[base].cameras)
            message = f"a figure {BASE[base].words} can be seen only from: {shown}"
            self.error(("view",), "view-not-possible", message)
        named = self.named
        props = self.props(raw.get("props", []))
        if named is not None and view == named.view:  # the props the named pose is drawn against
            listed = {use.name for use in props}
            props += tuple(PropUse(name, (at,)) for name, at in named.props if name not in listed)
        mark = self.marks(raw.get("mark", []), view or "side")
        arrows = self.arrows(raw["arrow"]) if "arrow" in raw else None
        default_rest = list(named.rest) if named is not None and named.rest else []
        rest = self.rests(
            raw.get("rest", default_rest), props, ("rest",) if "rest" in raw else ("start", "pose")
        )
        pose_rests = tuple(
            (".".join(map(str, at)), self.rests(value, props, (*at, "rest")))
            for at, value in self.pose_rest.items()
        )
        end_rest = dict(pose_rests).get("end", ())
        default_hold = dict(named.hold) if named is not None else {}
        hold = self.holds(raw.get("hold", default_hold))
        if "hold" not in raw:
            hold = tuple((hand, target, ("start", "pose")) for hand, target, _ in hold)
        every_rest = (*rest, *(r for _, rs in pose_rests for r in rs))
        self.unused_step(raw.get("props"), props, [raw.get("rest", []), *self.pose_rest.values()])
        props = tuple(_placed(use, every_rest) for use in props)
        if view is None or base is None or start is None:
            return None
        figure = Figure(
            view, base, side, start, end, props, arrows, mark, rest, hold, end_rest, tuple(self.shapes),
            then, pose_rests, tuple(self.stays), zoom,
        )  # fmt: skip
        if not any(p.severity is Severity.ERROR for p in self.problems):
            self.problems += contact_problems(figure)
            self.problems += hidden_movement(figure)
        return figure
