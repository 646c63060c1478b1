"""The editors' reference: the tables of joints, base postures, named poses, props and codes.

Generated from the declarations (spec.py, bases.py) into the content guide's field reference.
"""

from __future__ import annotations

from limber.figures.bases import BASES, NAMED_POSES, Angles
from limber.figures.spec import CODES, JOINTS, LIMB, PROPS, SEEN


def reference_markdown() -> str:
    """The editors' tables of joints, base postures, props and problem codes, from this module."""
    lines = [
        "| joint | side view: + / − | side range | front, back: + / − | front, back range |",
        "| --- | --- | --- | --- | --- |",
    ]
    for j in JOINTS:
        key = f"`{j.name}` (under `left:` / `right:`)" if j.sided else f"`{j.name}`"
        if j.name in SEEN:
            side = face = (
                f"percent of the {j.part}'s length shown; less when it points toward or away from you"
            )
        else:
            side = f"{j.part} {j.side_plus} / {j.side_minus}"
            face = f"{j.part} {j.face_plus} / {j.face_minus}"
        if j.note:
            key += f": {j.note}"
        lines.append(f"| {key} | {side} | {_span(j.side_range)} | {face} | {_span(j.face_range)} |")
    lines += [
        "",
        "| base | what it is | views | rests on | side view defaults | front, back defaults |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for b in BASES:
        views = ", ".join(
            f"{v} ({'from above' if c == 'above' else 'on the floor'})" for v, c in b.cameras.items()
        )
        rests = ", ".join(point if on == "floor" else f"{point} on the {on}" for point, on in b.rest)
        lines.append(
            f"| `{b.name}` | {b.words} | {views} | {rests} | {_compact(b.side)} | {_compact(b.face)} |"
        )
    lines += [
        "",
        "| named pose (`start: {pose: ...}`) | what it is | base | angles | rests on, holds | hands, props |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for n in NAMED_POSES:
        angles = ", ".join(f"{k} {v}".replace("-", "−") for k, v in n.angles) or "the base's"
        holds = ", ".join(f"{hand} holds {target}" for hand, target in n.hold)
        carried = "; ".join(part for part in (", ".join(n.rest), holds) if part) or "the base's"
        shapes = [f"`{joint.replace('.', ': {')}: {shape}}}`" for joint, shape in n.shapes]
        props = [f"`{{{name}: {at}}}` ({n.view} view)" for name, at in n.props]
        extras = ", ".join([*shapes, *props]) or "none"
        lines.append(f"| `{n.name}` | {n.words} | `{n.base}` | {angles} | {carried} | {extras} |")
    lines += ["", "| prop | anchors (`at`) | where it goes |", "| --- | --- | --- |"]
    for p in PROPS:
        lo, hi = p.anchors
        count = "none" if hi == 0 else (f"{lo}–{hi}" if lo != hi else str(lo))
        lines.append(f"| `{p.name}` | {count} | {p.placed} |")
    lines += ["", "| code | meaning |", "| --- | --- |"]
    lines += [f"| `{code}` | {meaning} |" for code, meaning in CODES.items()]
    return "\n".join(lines) + "\n"


def _span(bounds: tuple[int, int]) -> str:
    lo, hi = bounds
    return f"{lo} to {hi}".replace("-", "−")


def _compact(angles: Angles) -> str:
    """The angles a base sets (not 0, not a full 100% length); a pair of equal sides shown once."""
    out = [f"{k} {v}" for k, v in angles.items() if v and "." not in k]
    for name in LIMB:
        left, right = angles[f"left.{name}"], angles[f"right.{name}"]
        if left == right and left and not (name in SEEN and left == 100):
            out.append(f"{name} {left}")
        elif left != right:
            out += [f"left {name} {left}", f"right {name} {right}"]
    return ", ".join(out).replace("-", "−") or "all 0"
