"""Checking the props a figure lists: known names, each in its place, none twice."""

from __future__ import annotations

from typing import Any

from limber.diagnostics import KeyPath
from limber.figures.checking import FigureChecker, type_name
from limber.figures.figure import PropUse
from limber.figures.spec import (
    PROP,
)


class PropChecks(FigureChecker):
    """`props`: a name, or one name with its anchors."""

    def props(self, raw: Any) -> tuple[PropUse, ...]:
        if not isinstance(raw, list):
            self.error(
                ("props",), "bad-figure", f"`props` is a list, e.g. [chair, mat], got {type_name(raw)}"
            )
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
