"""A figure laid out as a scene: poses lowered onto the floor, props, arrows, marks, the view's side.

This is where the figure is put on the floor: the lowest point of the body (and of anything the
body rests on, like a roller) touches it, and a seated figure sits on its chair's seat as well.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from limber.figures.arrows import arrow_items, auto_arrows
from limber.figures.canvas import Item, poly
from limber.figures.figure import Figure
from limber.figures.furniture import SEAT_HEIGHT, on_floor, seat_level
from limber.figures.geometry import Point, arc, bounds
from limber.figures.outline import body_items
from limber.figures.pose import H, Skeleton, pose_skeleton, translated
from limber.figures.props import on_body
from limber.figures.spec import BASE

MAT_THICKNESS = 0.018
MARGIN = 0.05


@dataclass(frozen=True, slots=True)
class Scene:
    """Everything to draw, in order, in y-up drawing units, and the box around it."""

    items: tuple[Item, ...]
    box: tuple[float, float, float, float]


def compose(figure: Figure, marks: Sequence[tuple[str, str]] | None = None) -> Scene:
    """Lay out *figure*. *marks* are (slug, role) pairs; by default the figure's own, hatched."""
    camera = BASE[figure.base].cameras[figure.view]
    marked = [(m, "hatch") for m in figure.mark] if marks is None else list(marks)

    def repose(angles: Mapping[str, int]) -> Skeleton:
        return pose_skeleton(angles, kind=figure.kind, base=figure.base, near=figure.near)

    start = repose(figure.angles("start"))
    lift = _lift(figure, start, camera)
    start = translated(start, lift)
    behind, front = on_body(figure, start)
    items: list[Item] = []
    if figure.end is not None:
        end = repose(figure.angles("end"))
        end = translated(end, _lift(figure, end, camera))
        items.extend(body_items(end, "ghost", (), figure.view, figure.side, _legs_behind(figure)))
    items[:0] = behind
    items.extend(body_items(start, "body", marked, figure.view, figure.side, _legs_behind(figure)))
    items.extend(front)
    arrows = figure.arrows if figure.arrows is not None else auto_arrows(figure)
    for arrow in arrows:
        items.extend(arrow_items(figure, start, arrow, lambda a: translated(repose(a), lift)))
    box = bounds(p for item in items for p in item.all_points())
    items = [*on_floor(figure, start, box), *items]
    box = bounds(p for item in items for p in item.all_points())
    items = (_floor(figure, box) if camera == "ground" else _page_floor(box)) + items
    if (figure.kind == "side" and figure.near == "left") or figure.view == "back":
        items = [item.moved(_mirror) for item in items]
    box = bounds(p for item in items for p in item.all_points())
    return Scene(tuple(items), box)


def _legs_behind(figure: Figure) -> bool:
    return figure.kind == "face" and BASE[figure.base].legs_behind


def _mirror(p: Point) -> Point:
    return (-p[0], p[1])


def _lift(figure: Figure, skeleton: Skeleton, camera: str) -> Point:
    """How far to move a pose so that it rests on the floor (y = 0)."""
    if camera == "above":
        return (0.0, 0.0)
    behind, front = on_body(figure, skeleton)
    body = body_items(skeleton, "body", (), figure.view, figure.side, _legs_behind(figure))
    resting = [
        item for item in body if item.role in ("body", "far")
    ]  # not the nose: a face rests on the brow
    lowest = min(p[1] for item in (*resting, *behind, *front) for p in _extent(item))
    up = -lowest
    if BASE[figure.base].seat:
        up = max(up, SEAT_HEIGHT * H - seat_level(skeleton))
    return (0.0, up)


def _extent(item: Item) -> list[Point]:
    if item.center is not None:
        (x, y), r = item.center, item.radius
        return [(x, y - r)]
    return list(item.points)


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
