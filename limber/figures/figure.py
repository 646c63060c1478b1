"""The figure record: what an exercise's `figure:` front matter says, once validated."""

from __future__ import annotations

from dataclasses import dataclass

from limber.diagnostics import KeyPath, Severity
from limber.figures.bases import BASE
from limber.figures.spec import ViewKind

AngleItems = tuple[tuple[str, int], ...]  # sorted (joint key, degrees) pairs, e.g. ("left.knee", 90)


@dataclass(frozen=True, slots=True)
class FigureProblem:
    """One thing wrong in a figure, at a key path inside the `figure:` mapping."""

    key: KeyPath  # ("start", "left", "knee"); () for the figure as a whole
    code: str  # kebab-case, listed in spec.CODES
    message: str
    severity: Severity = Severity.ERROR


@dataclass(frozen=True, slots=True)
class PropUse:
    """A prop, and the anchors it sits against (empty: the prop's default place)."""

    name: str
    at: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Arrow:
    """A movement arrow: bend `target` (a joint) `to` an angle, or turn, circle or move at an anchor."""

    kind: str  # to | turn | circle | move
    target: str  # joint key for `to`; anchor for the others
    value: int | str  # degrees for `to`; a direction word for the others


@dataclass(frozen=True, slots=True)
class Figure:
    """A validated figure: a pose on a base posture, an optional end pose, props, arrows, marks."""

    view: str  # side | front | back
    base: str
    side: str | None  # the side the text describes; None for symmetrical movements
    start: AngleItems  # the editor's angles; the base posture supplies the rest
    end: AngleItems | None = None  # changes on top of the start pose
    props: tuple[PropUse, ...] = ()
    arrows: tuple[Arrow, ...] | None = None  # None: drawn from the start to the end pose
    mark: tuple[str, ...] = ()  # muscle or area slugs to hatch
    rest: tuple[tuple[str, str, KeyPath], ...] = ()  # (part, surface, where written); () the base's
    hold: tuple[tuple[str, str, KeyPath], ...] = ()  # (hand, the body part it holds, where written)
    end_rest: tuple[tuple[str, str, KeyPath], ...] = ()  # the end pose's own supports; () as the start
    shapes: tuple[tuple[str, str], ...] = ()  # ("start.right.hand", "fist"), ("end.right.palm", "down")
    then: tuple[AngleItems, ...] = ()  # further end positions in turn (Y, then T, then W)
    pose_rests: tuple[tuple[str, tuple[tuple[str, str, KeyPath], ...]], ...] = ()  # "then.0" -> its own
    stays: tuple[tuple[str, str], ...] = ()  # ("end", "feet"): the part that keeps its place there
    zoom: str | None = None  # an anchor the picture closes in on (a hand, for its shapes)

    def poses(self) -> tuple[str, ...]:
        """The poses drawn: "start", then "end" and "then.0", "then.1", ... when given."""
        later = ("end",) if self.end is not None else ()
        return ("start", *later, *(f"then.{i}" for i in range(len(self.then))))

    def hands(self, which: str = "start") -> dict[str, str]:
        """The hand shapes and palms of a pose ("right.hand" -> "fist"); the end keeps the start's."""
        out = {k.removeprefix("start."): v for k, v in self.shapes if k.startswith("start.")}
        if which != "start":
            out.update({k.removeprefix(f"{which}."): v for k, v in self.shapes if k.startswith(f"{which}.")})
        return out

    @property
    def kind(self) -> ViewKind:
        return "side" if self.view == "side" else "face"

    @property
    def near(self) -> str:
        """The described side, shown in front in the side view (right when none is given)."""
        return self.side or "right"

    def angles(self, which: str = "start") -> dict[str, int]:
        """Every joint's angle: the base posture's, then the start pose, then the changes of *which*.

        *which* is "start", "end" or "then.0", "then.1", ...; each later pose changes the start.
        """
        out = dict(BASE[self.base].defaults(self.kind))
        out.update(self.start)
        if which == "end" and self.end is not None:
            out.update(self.end)
        elif which.startswith("then."):
            out.update(self.then[int(which.partition(".")[2])])
        return out
