"""A figure laid out as a scene: poses lowered onto the floor, props, arrows, marks, the view's side.

The poses come rested on their supports (contact.py); the props that stand on the floor are
placed against them, and the floor or the page is drawn under everything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from limber.figures.arrows import arrow_items, movement_arrows, order_arrows
from limber.figures.bases import BASE
from limber.figures.canvas import Item, poly
from limber.figures.contact import rest_pose, rested
from limber.figures.figure import Figure
from limber.figures.furniture import on_floor
from limber.figures.geometry import Point, arc, bounds
from limber.figures.outline import body_items
from limber.figures.panels import is_close_up_sequence, panels, still
from limber.figures.props import anchor, on_body
from limber.figures.skeleton import H
from limber.figures.spec import ZOOM_HALF

MAT_THICKNESS = 0.018
MARGIN = 0.05


@dataclass(frozen=True, slots=True)
class Scene:
    """Everything to draw, in order, in y-up drawing units, and the box around it."""

    items: tuple[Item, ...]
    box: tuple[float, float, float, float]


def compose(figure: Figure, marks: Sequence[tuple[str, str]] | None = None) -> Scene:
    """Lay out *figure*. *marks* are (slug, role) pairs; by default the figure's own, hatched."""
    if is_close_up_sequence(figure):  # each position close up, numbered in turn
        close_ups = [compose(still(figure, which), marks) for which in figure.poses()]
        drawn, framed = panels([(c.items, c.box) for c in close_ups])
        return Scene(tuple(drawn), framed)
    camera = BASE[figure.base].cameras[figure.view]
    marked = [(m, "hatch") for m in figure.mark] if marks is None else list(marks)

    start = rested(figure).skeleton
    behind, front = on_body(figure, start)
    items: list[Item] = []
    for which in figure.poses()[1:]:  # the end pose, then any further ones, dashed
        later = rested(figure, which).skeleton
        items.extend(body_items(later, "ghost", (), figure.view, figure.side, _legs_behind(figure)))
    items[:0] = behind
    items.extend(body_items(start, "body", marked, figure.view, figure.side, _legs_behind(figure)))
    items.extend(front)
    for arrow in movement_arrows(figure):
        items.extend(arrow_items(figure, start, arrow, lambda a: rest_pose(figure, a).skeleton))
    if figure.then:  # the order of the positions
        items.extend(order_arrows(figure, [rested(figure, which).skeleton for which in figure.poses()]))
    box = bounds(p for item in items for p in item.all_points())
    items = [*on_floor(figure, start, box), *items]
    box = bounds(p for item in items for p in item.all_points())
    items = (_floor(figure, box) if camera == "ground" else _page_floor(box)) + items
    mirrored = (figure.kind == "side" and figure.near == "left") or figure.view == "back"
    if mirrored:
        items = [item.moved(_mirror) for item in items]
    box = bounds(p for item in items for p in item.all_points())
    if figure.zoom is not None:
        x, y = anchor(start, figure.zoom, figure.view).point
        box = _window(-x if mirrored else x, y)
        items = [item for item in items if _overlaps(bounds(item.all_points()), box)]
    return Scene(tuple(items), box)


def _window(x: float, y: float) -> tuple[float, float, float, float]:
    """The part of the picture a `zoom` shows, around a point."""
    w, h = ZOOM_HALF[0] * H, ZOOM_HALF[1] * H
    return (x - w, y - h, x + w, y + h)


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _legs_behind(figure: Figure) -> bool:
    return figure.kind == "face" and BASE[figure.base].legs_behind


def _mirror(p: Point) -> Point:
    return (-p[0], p[1])


def _floor(figure: Figure, box: tuple[float, float, float, float]) -> list[Item]:
    x0, _, x1, _ = box
    pad = MARGIN * H
    items = []
    y = 0.0
    if any(u.name == "mat" for u in figure.props):
        t = MAT_THICKNESS * H
        items.append(
            poly("prop", [(x0 - pad / 2, 0.0), (x1 + pad / 2, 0.0), (x1 + pad / 2, -t), (x0 - pad / 2, -t)])
        )
        y = -t
    items.append(poly("prop", [(x0 - pad, y), (x1 + pad, y)], closed=False))
    return items


def _page_floor(box: tuple[float, float, float, float]) -> list[Item]:
    """Seen from above, the floor is the page: a mat-like rounded outline behind the figure."""
    x0, y0, x1, y1 = box
    pad = MARGIN * H
    r = 0.04 * H
    xa, ya, xb, yb = x0 - pad, y0 - pad, x1 + pad, y1 + pad
    corners = [
        *arc((xb - r, yb - r), r, 0, 90),
        *arc((xa + r, yb - r), r, 90, 180),
        *arc((xa + r, ya + r), r, 180, 270),
        *arc((xb - r, ya + r), r, 270, 360),
    ]
    return [poly("prop", corners)]
