"""Checking what holds a figure up: the parts it rests on and their surfaces, what each hand holds."""

from __future__ import annotations

from typing import Any

from limber.diagnostics import KeyPath
from limber.figures.checking import FigureChecker, type_name
from limber.figures.figure import PropUse
from limber.figures.spec import (
    PROP_SURFACES,
    REST_PLURAL,
    SIDES,
    SURFACE_PARTS,
    SURFACES,
    rest_points,
)


class SupportChecks(FigureChecker):
    """`rest` (a part on the floor or on a prop), `hold` (a hand on a part), a step with nothing on it."""

    def rests(
        self, raw: Any, props: tuple[PropUse, ...], at: KeyPath
    ) -> tuple[tuple[str, str, KeyPath], ...]:
        usage = (
            "`rest` is a list of the parts the body rests on, e.g. [back, feet, {upper-back: foam-roller}]"
        )
        if not isinstance(raw, list):
            self.error(at, "bad-rest", f"{usage}; got {type_name(raw)}")
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
            self.error(("hold",), "bad-rest", f"{usage}; got {type_name(raw)}")
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
