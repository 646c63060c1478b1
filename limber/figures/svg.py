"""Drawn items to SVG text: one line style in currentColor, fixed number formatting, local ids only.

A figure uses only svg, g, title, desc, defs, pattern, path and circle; its one kind of
reference is a fill naming a pattern in the same SVG. So it passes a strict SVG allow-list, and
it follows the page's text colour in light mode, dark mode and print.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from html import escape

from limber.figures.canvas import Item
from limber.figures.geometry import Point, arc
from limber.figures.hidden import Polygon, polygon, simplify, visible_runs

SIZES = {"full": (320, 240), "small": (120, 90)}
TINTED = ("body", "far", "neck-tint")  # tinted together, so overlaps do not darken
COVERS = ("body", "far", "neck-tint", "prop-tint", "ball", "prop")  # hide the lines drawn before them
UNSTROKED = ("ink", "neck-tint")
PATTERNED = ("hatch", "dots")
STUB = 2.5  # pixels: a covered line's visible piece shorter than this would show as a stray dash


@dataclass(frozen=True, slots=True)
class Pen:
    """Line weights in screen pixels."""

    line: float
    hatch_gap: float


PENS = {"full": Pen(1.5, 3.6), "small": Pen(1.0, 2.6)}


def number(value: float) -> str:
    """A coordinate with one decimal, without a trailing '.0' or a negative zero."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def fine(value: float) -> str:
    """A line weight or gap, with two decimals at most."""
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"


def path_data(points: Sequence[Point], closed: bool) -> str:
    """Path commands for a polyline given in y-up units (SVG's y points down).

    After the first point each step is relative, taken between rounded points, so the numbers
    stay short and the rounding does not add up along the line.
    """
    tenths = [(round(x * 10), round(-y * 10)) for x, y in points]
    x0, y0 = tenths[0]
    out = [f"M{_tenths(x0)} {_tenths(y0)}"]
    steps = []
    for (xa, ya), (xb, yb) in itertools.pairwise(tenths):
        if (xa, ya) != (xb, yb):
            dx, dy = _tenths(xb - xa), _tenths(yb - ya)
            steps.append(f"{dx}{dy}" if dy.startswith("-") else f"{dx} {dy}")
    if steps:
        out.append("l" + " ".join(steps))
    return "".join(out) + ("Z" if closed else "")


def _tenths(value: int) -> str:
    """Tenths as a decimal: 15 -> '1.5', -3 -> '-.3', 20 -> '2'."""
    sign = "-" if value < 0 else ""
    whole, tenth = divmod(abs(value), 10)
    if tenth == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def fit_box(
    box: tuple[float, float, float, float], width: int, height: int, margin: float
) -> tuple[float, ...]:
    """A viewBox (x, y, width, height; y down) around *box* with the aspect ratio width:height."""
    x0, y0, x1, y1 = box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin
    w, h = x1 - x0, y1 - y0
    if w / h < width / height:
        grow = h * width / height - w
        x0, w = x0 - grow / 2, w + grow
    else:
        grow = w * height / width - h
        y0, h = y0 - grow / 2, h + grow
    return (x0, -(y0 + h), w, h)


def svg_open(
    view: Sequence[float], width: int, height: int, *, uid: str, title: str, desc: str, css_class: str
) -> str:
    """The opening tag, title and description of an image SVG."""
    box = " ".join(number(v) for v in view)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" viewBox="{box}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{uid}-title" aria-describedby="{uid}-desc">'
        f'<title id="{uid}-title">{escape(title)}</title><desc id="{uid}-desc">{escape(desc)}</desc>'
    )


def defs(uid: str, unit: float, pen: Pen, kinds: Sequence[str] = PATTERNED) -> str:
    """The hatch and dot patterns (those in *kinds*); *unit* is one screen pixel in drawing units."""
    gap, half = fine(unit * pen.hatch_gap), fine(unit * pen.hatch_gap / 2)
    patterns = {
        "hatch": f'<pattern id="{uid}-hatch" width="{gap}" height="{gap}" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><path d="M{half} 0V{gap}" stroke="currentColor" '
        f'stroke-width="{fine(unit * 1.1)}"/></pattern>',
        "dots": f'<pattern id="{uid}-dots" width="{gap}" height="{gap}" patternUnits="userSpaceOnUse">'
        f'<circle cx="{half}" cy="{half}" r="{fine(unit * 0.75)}" fill="currentColor"/></pattern>',
    }
    used = "".join(patterns[k] for k in PATTERNED if k in kinds)
    return f"<defs>{used}</defs>" if used else ""


def _styles(uid: str, unit: float, pen: Pen) -> dict[str, str]:
    """The line attributes of each role (fills are drawn separately)."""
    thin = fine(unit * pen.line * 0.6)
    return {
        "body": "",
        "far": 'stroke-opacity="0.45"',
        "ghost": f'stroke-opacity="0.6" stroke-dasharray="{fine(unit * 4)} {fine(unit * 3)}"',
        "hatch": f'stroke-width="{thin}"',
        "dots": f'stroke-width="{thin}" stroke-dasharray="{fine(unit * 2)} {fine(unit * 2)}"',
        "edge": "",
        "prop": f'stroke-opacity="0.75" stroke-width="{thin}"',
        "prop-tint": f'stroke-opacity="0.75" stroke-width="{thin}"',
        "ball": "",
        "strap": f'stroke-width="{fine(unit * pen.line * 1.4)}"',
        "arrow": f'stroke-width="{fine(unit * pen.line * 1.3)}"',
        "label": f'stroke-width="{fine(unit * pen.line * 1.2)}"',
    }


def layers(items: Sequence[Item], uid: str, unit: float, pen: Pen) -> str:
    """Tints, then pattern fills, then every line with its covered parts left out, then ink."""
    # Points closer than a third of a pixel to the line through their neighbours add nothing.
    shapes = [_simplified(_as_polygon(item), unit / 3) for item in items]
    covers: list[Polygon | None] = [
        polygon(s.points) if s.role in COVERS and (s.closed or s.tucked) and len(s.points) > 2 else None
        for s in shapes
    ]
    out = [
        f'<g fill="none" stroke="currentColor" stroke-linecap="round" stroke-linejoin="round" stroke-width="{fine(unit * pen.line)}">'
    ]
    for roles, opacity in ((("prop-tint",), "0.06"), (("ball",), "0.45"), (TINTED, "0.1")):
        # One path, every outline turning the same way: its overlaps are filled once, at one
        # opacity, without a see-through group (which some screens draw as a faint box).
        tints = "".join(path_data(_anticlockwise(s.points), True) for s in shapes if s.role in roles)
        if tints:
            out.append(f'<path fill="currentColor" fill-opacity="{opacity}" stroke="none" d="{tints}"/>')
    for s in shapes:
        if s.role in PATTERNED:
            kind = "hatch" if s.role == "hatch" else "dots"
            out.append(f'<path fill="url(#{uid}-{kind})" stroke="none" d="{path_data(s.points, True)}"/>')
    styles = _styles(uid, unit, pen)
    groups: list[tuple[str, list[str]]] = []
    for i, s in enumerate(shapes):
        if s.role in UNSTROKED:
            continue
        later = [c for c in covers[i + 1 :] if c is not None]
        if s.tucked:
            later.append(polygon(s.tucked))
        runs = visible_runs(s.points, s.closed, later)
        if later:  # a line peeking out from behind a shape by less than a stub is left out
            runs = [r for r in runs if _length(r) >= STUB * unit]
        if not runs:
            continue
        whole = s.closed and len(runs) == 1 and len(runs[0]) >= len(s.points) and not later
        d = path_data(runs[0][:-1], True) if whole else "".join(path_data(r, False) for r in runs)
        if groups and groups[-1][0] == s.role:
            groups[-1][1].append(d)
        else:
            groups.append((s.role, [d]))
    for role, ds in groups:
        attrs = styles[role]
        paths = "".join(f'<path d="{d}"/>' for d in ds)
        out.append(f"<g {attrs}>{paths}</g>" if attrs else paths)
    ink = "".join(_element(s) for s in shapes if s.role == "ink")
    if ink:
        out.append(f'<g fill="currentColor" stroke="none">{ink}</g>')
    out.append("</g>")
    return "".join(out)


def svg_document(
    items: Sequence[Item],
    box: tuple[float, float, float, float],
    *,
    title: str,
    desc: str,
    size: str,
    uid: str,
    margin: float = 4.0,
) -> str:
    """A complete inline SVG image of *items*, in one of SIZES."""
    width, height = SIZES[size]
    view = fit_box(box, width, height, margin)
    unit = view[2] / width
    pen = PENS[size]
    head = svg_open(view, width, height, uid=uid, title=title, desc=desc, css_class=f"figure figure-{size}")
    kinds = {item.role for item in items}
    return head + defs(uid, unit, pen, tuple(kinds)) + layers(items, uid, unit, pen) + "</svg>"


def _anticlockwise(points: Sequence[Point]) -> Sequence[Point]:
    """The outline turning anticlockwise (y up), reversed if it turns the other way."""
    twice_area = sum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise((*points, points[0])))
    return points if twice_area >= 0 else points[::-1]


def _length(run: Sequence[Point]) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(run))


def _as_polygon(item: Item) -> Item:
    """Circles become polygons so that lines can hide behind them; dots of ink stay circles."""
    if item.center is None or item.role == "ink":
        return item
    return Item(item.role, tuple(arc(item.center, item.radius, 0, 360, 10)[:-1]), True)


def _simplified(item: Item, tolerance: float) -> Item:
    if item.center is not None or len(item.points) < 4:
        return item
    return replace(item, points=tuple(simplify(list(item.points), tolerance)))


def _element(item: Item) -> str:
    if item.center is not None:
        x, y = item.center
        return f'<circle cx="{number(x)}" cy="{number(-y)}" r="{number(item.radius)}"/>'
    return f'<path d="{path_data(item.points, item.closed)}"/>'
