"""Check an exercise's `figure:` data and turn it into a Figure, collecting every problem."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from limber.diagnostics import KeyPath, Severity, did_you_mean
from limber.figures.checks import contact_problems, hidden_movement
from limber.figures.figure import AngleItems, Arrow, Figure, FigureProblem, PropUse
from limber.figures.regions import markable, shape_of
from limber.figures.spec import (
    ARROW_KINDS,
    BASE,
    BODY_ANCHORS,
    CIRCLES,
    FACE_ONLY_MOVES,
    FIGURE_KEYS,
    HAND_SHAPES,
    LIMB,
    LIMB_ANCHORS,
    MAX_ARROWS,
    MAX_MARKS,
    MAX_THEN,
    MIDLINE,
    MOVES,
    NAMED_POSE,
    PALMS,
    POSE_KEYS,
    PROP,
    PROP_SURFACES,
    REST_PLURAL,
    SHAPE_KEYS,
    SIDE_ONLY_MOVES,
    SIDES,
    SPACE_ANCHORS,
    STAY_PARTS,
    SURFACE_PARTS,
    SURFACES,
    TURNS,
    VIEWS,
    NamedPose,
    ViewKind,
    all_anchors,
    angle_keys,
    joint_of,
    rest_points,
)


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


def _listing(words: Iterable[str]) -> str:
    return ", ".join(words)


def _type(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number"}
    return "nothing" if value is None else names.get(type(value), type(value).__name__)


class _Checker:
    """Walks the raw figure once, recording problems as it goes."""

    def __init__(self) -> None:
        self.problems: list[FigureProblem] = []
        self.kind: ViewKind = "side"
        self.pose_rest: dict[KeyPath, Any] = {}  # a later pose's own supports, checked with the props
        self.stays: list[tuple[str, str]] = []  # a later pose's part that keeps its place
        self.shapes: list[tuple[str, str]] = []  # hand shapes and palms, by pose and side
        self.named: NamedPose | None = None  # the named pose the start begins from

    def error(self, key: KeyPath, code: str, message: str) -> None:
        self.problems.append(FigureProblem(key, code, message))

    def figure(self, raw: Any, default_base: str | None) -> Figure | None:
        if not isinstance(raw, dict):
            self.error((), "bad-figure", f"a figure is a mapping (view, start, ...), got {_type(raw)}")
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
            shown = _listing(BASE[base].cameras)
            message = f"a figure {BASE[base].words} can be seen only from: {shown}"
            self.error(("view",), "view-not-possible", message)
        props = self.props(raw.get("props", []))
        mark = self.marks(raw.get("mark", []), view or "side")
        arrows = self.arrows(raw["arrow"]) if "arrow" in raw else None
        named = self.named
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

    def unused_step(self, raw: Any, props: tuple[PropUse, ...], rests: list[Any]) -> None:
        """A step is drawn under what rests on it: listed with nothing on it, it has no place.

        *rests* are the `rest` lists as written: a support on the step that has a problem of its
        own still names it.
        """
        named = (i for r in rests if isinstance(r, list) for i in r if isinstance(i, dict))
        if any(u.name == "step" for u in props) and "step" not in {v for i in named for v in i.values()}:
            i = next(
                i
                for i, item in enumerate(raw)
                if item == "step" or (isinstance(item, dict) and "step" in item)
            )
            message = "nothing rests on the step; add the foot on it to `rest`, e.g. [{near.toes: step}, {far.foot: step}]"
            self.error(("props", i), "bad-rest", message)

    def unknown_keys(self, raw: dict[str, Any], allowed: Iterable[str], key: KeyPath, where: str) -> None:
        allowed = tuple(allowed)
        for name in raw:
            if name not in allowed:
                hint = did_you_mean(name, allowed)
                self.error(
                    (*key, name),
                    "unknown-key",
                    f"unknown key '{name}' {where}{hint}; use: {_listing(allowed)}",
                )

    def choice(self, value: Any, allowed: Iterable[str], key: KeyPath, code: str, what: str) -> str | None:
        allowed = tuple(allowed)
        if isinstance(value, str) and value in allowed:
            return value
        shown = f"'{value}'" if isinstance(value, str) else _type(value)
        hint = did_you_mean(value, allowed) if isinstance(value, str) else ""
        self.error(key, code, f"unknown {what} {shown}{hint}; use one of: {_listing(allowed)}")
        return None

    # --- poses -------------------------------------------------------------------------------

    def pose(self, raw: Any, key: KeyPath, default_base: str | None) -> tuple[str | None, AngleItems | None]:
        if not isinstance(raw, dict):
            self.error(key, "bad-figure", f"a pose is a mapping of joints to angles, got {_type(raw)}")
            return None, None
        is_start = key == ("start",)
        base = None
        angles: dict[str, int] = {}
        if is_start and "pose" in raw:
            named = self.choice(raw["pose"], NAMED_POSE, (*key, "pose"), "unknown-base", "named pose")
            if named is not None:
                self.named = NAMED_POSE[named]
                angles.update(self.named.angles)
                base = self.named.base
            if "base" in raw:
                self.error((*key, "base"), "unknown-key", "a named pose sets its own base; remove `base`")
        elif is_start:
            if "base" in raw:
                base = self.choice(raw["base"], BASE, (*key, "base"), "unknown-base", "base posture")
            elif default_base in BASE:
                base = default_base
            else:
                self.error(key, "missing-key", f"the start pose needs a `base`: one of {_listing(BASE)}")
        elif "base" in raw:
            self.error(
                (*key, "base"), "unknown-key", "the end pose keeps the start's base; remove `base` here"
            )
        for name, value in raw.items():
            if name == "base" or (name == "pose" and is_start):
                continue
            if name == "rest" and not is_start:
                self.pose_rest[key] = value
            elif name == "stay" and not is_start:
                if self.choice(value, STAY_PARTS, (*key, name), "bad-rest", "part that stays") is not None:
                    self.stays.append((".".join(map(str, key)), value))
            elif name in SIDES:
                self.limbs(value, name, (*key, name), angles)
            elif name in MIDLINE:
                self.angle(value, name, (*key, name), angles)
            elif name in LIMB:
                self.error(
                    (*key, name),
                    "unknown-joint",
                    f"'{name}' is set per side: write it under `left:` or `right:` (e.g. right: {{{name}: 30}})",
                )
            else:
                hint = did_you_mean(str(name), POSE_KEYS)
                self.error(
                    (*key, name), "unknown-joint", f"unknown joint '{name}'{hint}; use: {_listing(POSE_KEYS)}"
                )
        return base, tuple(sorted(angles.items()))

    def then(self, raw: Any) -> tuple[AngleItems, ...]:
        """Further end positions, each a change of the start pose, drawn dashed in turn."""
        if not isinstance(raw, list) or len(raw) > MAX_THEN:
            self.error(
                ("then",), "bad-figure", f"`then` is a list of up to {MAX_THEN} poses, got {_type(raw)}"
            )
            return ()
        out = []
        for i, item in enumerate(raw):
            angles = self.pose(item, ("then", i), None)[1]
            if angles is not None:
                out.append(angles)
        return tuple(out)

    def limbs(self, raw: Any, side: str, key: KeyPath, angles: dict[str, int]) -> None:
        if not isinstance(raw, dict):
            self.error(key, "bad-figure", f"`{side}` is a mapping of joints to angles, got {_type(raw)}")
            return
        for name, value in raw.items():
            if name in LIMB:
                self.angle(value, f"{side}.{name}", (*key, name), angles)
            elif name in SHAPE_KEYS:
                words = HAND_SHAPES if name == "hand" else PALMS
                if self.choice(value, words, (*key, name), "bad-figure", f"{name} shape") is not None:
                    self.shapes.append((f"{'.'.join(map(str, key[:-1]))}.{side}.{name}", value))
            else:
                hint = did_you_mean(str(name), (*LIMB, *SHAPE_KEYS))
                self.error(
                    (*key, name),
                    "unknown-joint",
                    f"unknown joint '{name}'{hint}; a side has: {_listing((*LIMB, *SHAPE_KEYS))}",
                )

    def angle(self, value: Any, joint_key: str, key: KeyPath, angles: dict[str, int]) -> int | None:
        joint = joint_of(joint_key)
        label = joint_key.replace(".", " ")
        # bool is a subclass of int: 'knee: yes' must not pass as 1.
        if isinstance(value, bool) or not isinstance(value, int):
            shown = f"'{value}'" if isinstance(value, str) else _type(value)
            self.error(key, "not-an-angle", f"{label} must be a whole number of degrees, got {shown}")
            return None
        lo, hi = joint.range(self.kind)
        if not lo <= value <= hi:
            view = "side view allows" if self.kind == "side" else "front and back views allow"
            plus, minus = joint.words(self.kind, 1), joint.words(self.kind, -1)
            self.error(
                key,
                "angle-out-of-range",
                f"{label} {value} is out of range: the {view} {lo} to {hi} "
                f"(+ {joint.part} {plus}, − {minus})",
            )
            return None
        angles[joint_key] = value
        return value

    # --- what holds the body -----------------------------------------------------------------

    def rests(
        self, raw: Any, props: tuple[PropUse, ...], at: KeyPath
    ) -> tuple[tuple[str, str, KeyPath], ...]:
        usage = (
            "`rest` is a list of the parts the body rests on, e.g. [back, feet, {upper-back: foam-roller}]"
        )
        if not isinstance(raw, list):
            self.error(at, "bad-rest", f"{usage}; got {_type(raw)}")
            return ()
        out = []
        for i, item in enumerate(raw):
            key: KeyPath = (*at, i)
            on: Any = "floor"
            if isinstance(item, dict) and len(item) == 1:
                point, on = next(iter(item.items()))
                key = (*at, i, point)
            elif isinstance(item, str):
                point = item
            else:
                self.error(key, "bad-rest", usage)
                continue
            if self.choice(point, rest_points(), key, "bad-rest", "part to rest on") is None:
                continue
            if self.choice(on, SURFACES, key, "bad-rest", f"surface for '{point}'") is None:
                continue
            fits = SURFACE_PARTS.get(on)
            if fits is not None and REST_PLURAL.get(part := point.rpartition(".")[2], part) not in fits:
                under = f"{', '.join(fits[:-1])} or {fits[-1]}"
                self.error(key, "bad-rest", f"a {on} goes under the {under}, not '{point}'")
                continue
            listed = any(u.name == on for u in props) or (on, point) == ("chair", "pelvis")
            if on in PROP_SURFACES and not listed:
                self.error(key, "bad-rest", f"'{point}' rests on a {on}: add {on} to `props`")
                continue
            out.append((point, "floor" if on == "mat" else on, key))
        return tuple(out)

    def holds(self, raw: Any) -> tuple[tuple[str, str, KeyPath], ...]:
        usage = "`hold` maps a hand to the part it holds, e.g. {near.hand: near.thigh}"
        if not isinstance(raw, dict):
            self.error(("hold",), "bad-rest", f"{usage}; got {_type(raw)}")
            return ()
        hands = tuple(f"{s}.hand" for s in (*SIDES, "near", "far"))
        out = []
        for hand, target in raw.items():
            key: KeyPath = ("hold", hand)
            if self.choice(hand, hands, key, "bad-rest", "hand") is None:
                continue
            if self.anchor(target, key, f"'{hand}'"):
                out.append((hand, target, key))
        return tuple(out)

    # --- props, marks, arrows ----------------------------------------------------------------

    def props(self, raw: Any) -> tuple[PropUse, ...]:
        if not isinstance(raw, list):
            self.error(("props",), "bad-figure", f"`props` is a list, e.g. [chair, mat], got {_type(raw)}")
            return ()
        out: list[PropUse] = []
        for i, item in enumerate(raw):
            key: KeyPath = ("props", i)
            at: Any = ()
            if isinstance(item, dict) and len(item) == 1:
                (name, at), key = next(iter(item.items())), ("props", i, next(iter(item)))
            elif isinstance(item, str):
                name = item
            else:
                self.error(
                    key,
                    "bad-figure",
                    "a prop is a name (chair) or one name with its place ({foam-roller: upper-back})",
                )
                continue
            use = self.prop(name, at, key)
            if use is None:
                continue
            if any(u.name == use.name for u in out):
                self.error(key, "duplicate-prop", f"'{use.name}' is listed twice; keep one")
                continue
            out.append(use)
        return tuple(out)

    def prop(self, name: Any, at: Any, key: KeyPath) -> PropUse | None:
        if self.choice(name, PROP, key, "unknown-prop", "prop") is None:
            return None
        spec = PROP[name]
        anchors = [at] if isinstance(at, str) else at
        if not isinstance(anchors, list | tuple) or not all(isinstance(a, str) for a in anchors):
            self.error(key, "bad-figure", f"the place of '{name}' is an anchor or a list of anchors")
            return None
        lo, hi = spec.anchors
        if anchors and not lo <= len(anchors) <= hi:
            want = "no anchor" if hi == 0 else f"{lo} to {hi} anchors" if lo != hi else f"{lo} anchor(s)"
            self.error(key, "bad-figure", f"'{name}' takes {want}, got {len(anchors)}")
            return None
        ok = all(self.anchor(a, key, f"'{name}'") for a in anchors)
        return PropUse(name, tuple(anchors)) if ok else None

    def anchor(self, value: Any, key: KeyPath, what: str) -> bool:
        known = (
            all_anchors()
            if self.kind == "side"
            else tuple(a for a in all_anchors() if a not in SPACE_ANCHORS)
        )
        if isinstance(value, str) and value in known:
            return True
        shown = f"'{value}'" if isinstance(value, str) else _type(value)
        hint = did_you_mean(value, known) if isinstance(value, str) else ""
        space = "; or ahead, behind" if self.kind == "side" else ""
        self.error(
            key,
            "unknown-anchor",
            f"unknown place {shown} for {what}{hint}; use {_listing(BODY_ANCHORS)}, or left., right., "
            f"near. or far. with {_listing(LIMB_ANCHORS)}{space}",
        )
        return False

    def marks(self, raw: Any, view: str) -> tuple[str, ...]:
        if not isinstance(raw, list) or not all(isinstance(m, str) for m in raw):
            self.error(
                ("mark",),
                "bad-figure",
                f"`mark` is a list of muscles or areas, e.g. [neck-extensors], got {_type(raw)}",
            )
            return ()
        if len(raw) > MAX_MARKS:
            message = f"`mark` lists {len(raw)} muscles or areas; at most {MAX_MARKS}: keep the ones the exercise works most"
            self.error(("mark",), "bad-figure", message)
            return ()
        out: list[str] = []
        for i, slug in enumerate(raw):
            if slug in out:
                self.error(("mark", i), "duplicate-mark", f"'{slug}' is marked twice; keep one")
                continue
            shape = shape_of(slug)
            if shape is None:
                hint = did_you_mean(slug, markable())
                self.error(
                    ("mark", i),
                    "unknown-mark",
                    f"cannot mark '{slug}'{hint}; use a muscle or area slug from taxonomies.yaml",
                )
                continue
            if view != "side" and not shape.face(view):
                other = "back" if view == "front" else "front"
                self.error(
                    ("mark", i),
                    "mark-hidden",
                    f"'{slug}' cannot be seen in the {view} view; use view: side or {other}",
                )
                continue
            out.append(slug)
        return tuple(out)

    def arrows(self, raw: Any) -> tuple[Arrow, ...]:
        items = raw if isinstance(raw, list) else [raw]
        if len(items) > MAX_ARROWS:
            self.error(
                ("arrow",), "bad-arrow", f"at most {MAX_ARROWS} arrows; keep the ones that show the movement"
            )
            return ()
        out = []
        for i, item in enumerate(items):
            key: KeyPath = ("arrow", i) if isinstance(raw, list) else ("arrow",)
            arrow = self.arrow(item, key)
            if arrow is not None:
                out.append(arrow)
        return tuple(out)

    def arrow(self, raw: Any, key: KeyPath) -> Arrow | None:
        usage = "an arrow is {joint: neck, to: 30}, {turn: left, at: head}, {circle: forward, at: near.shoulder} or {move: back, at: head}"
        if not isinstance(raw, dict):
            self.error(key, "bad-arrow", f"{usage}; got {_type(raw)}")
            return None
        kinds = [k for k in ARROW_KINDS if k in raw]
        self.unknown_keys(raw, (*ARROW_KINDS, "joint", "at"), key, "in an arrow")
        if len(kinds) != 1:
            self.error(key, "bad-arrow", usage)
            return None
        kind = kinds[0]
        if kind == "to":
            joint = self.choice(raw.get("joint"), angle_keys(), (*key, "joint"), "unknown-joint", "joint")
            if joint is None:
                return None
            angle = self.angle(raw["to"], joint, (*key, "to"), {})
            return None if angle is None else Arrow("to", joint, angle)
        words = {"turn": TURNS, "circle": CIRCLES, "move": MOVES}[kind]
        direction = self.choice(raw[kind], words, (*key, kind), "bad-arrow", f"direction for '{kind}'")
        at = raw.get("at")
        if kind == "turn":
            at = self.choice(at, ("head", "chest"), (*key, "at"), "unknown-anchor", "place to turn")
        elif not self.anchor(at, (*key, "at"), f"'{kind}'"):
            at = None
        if direction is None or at is None:
            return None
        wrong = SIDE_ONLY_MOVES if self.kind == "face" else FACE_ONLY_MOVES
        if kind == "move" and direction in wrong:
            fit = "up, down, left or right" if self.kind == "face" else "forward, back, up or down"
            self.error((*key, kind), "bad-arrow", f"'{direction}' cannot be drawn in this view; use {fit}")
            return None
        return Arrow(kind, at, direction)
