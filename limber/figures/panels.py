"""A sequence seen close up: one framed close-up per position, numbered 1, 2, 3 in turn.

With `zoom` and more than one position (the five hand shapes of the tendon glides), dashed
outlines on top of one another cannot be told apart; each position gets its own small picture
instead, laid out in rows and numbered in the order of the steps.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from limber.figures.canvas import Item, poly
from limber.figures.figure import Figure
from limber.figures.geometry import Box, Point, add, clip_polygon, clip_polyline
from limber.figures.skeleton import H

PANEL_HALF = 0.08  # fractions of H: a close-up shows this far either side of what it zooms on
PANEL_GAP = 0.035  # between close-ups, and the room under each for its number
NUMERAL = 0.045  # the height of a number
OUTLINED = ("body", "far")  # clipped, these keep their tint but draw no line along the frame

# The numbers as strokes in a box 1 wide and 1.6 tall (y up): the figures use paths, not text.
DIGITS: dict[int, tuple[tuple[Point, ...], ...]] = {
    1: (((0.2, 1.25), (0.55, 1.6), (0.55, 0.0)),),
    2: (((0.1, 1.2), (0.3, 1.52), (0.6, 1.6), (0.85, 1.42), (0.88, 1.1), (0.1, 0.0), (0.95, 0.0)),),
    3: (
        ((0.1, 1.45), (0.4, 1.6), (0.75, 1.55), (0.88, 1.3), (0.75, 0.95), (0.4, 0.85)),
        ((0.4, 0.85), (0.8, 0.72), (0.93, 0.42), (0.8, 0.1), (0.45, 0.0), (0.1, 0.15)),
    ),
    4: (((0.72, 0.0), (0.72, 1.6), (0.05, 0.5), (0.95, 0.5)),),
    5: (((0.9, 1.6), (0.22, 1.6), (0.15, 0.92), (0.5, 1.0), (0.82, 0.85), (0.93, 0.5), (0.8, 0.15), (0.45, 0.0), (0.1, 0.12)),),
}  # fmt: skip


def is_close_up_sequence(figure: Figure) -> bool:
    """Is *figure* drawn as numbered close-ups: zoomed in, with more than one position?"""
    return figure.zoom is not None and len(figure.poses()) > 1


def still(figure: Figure, which: str) -> Figure:
    """One position of *figure* ("end", "then.1", ...) as a figure of its own, without movement."""
    rest = figure.rest if which == "start" else (dict(figure.pose_rests).get(which) or figure.rest)
    shapes = tuple((f"start.{k}", v) for k, v in figure.hands(which).items())
    angles = tuple(sorted(figure.angles(which).items()))
    return replace(
        figure, start=angles, end=None, then=(), arrows=(), rest=rest, end_rest=(), shapes=shapes,
        pose_rests=(), stays=(),
    )  # fmt: skip


def panels(close_ups: Sequence[tuple[Sequence[Item], Box]]) -> tuple[list[Item], Box]:
    """Lay the close-ups (items, the window each shows) out in rows, framed and numbered.

    Each is cut to a square around the middle of its window; up to three go in a row.
    """
    rows = 1 if len(close_ups) <= 3 else 2
    columns = math.ceil(len(close_ups) / rows)
    half, gap = PANEL_HALF * H, PANEL_GAP * H
    frames: list[Item] = []
    drawn: list[Item] = []
    for i, (items, window) in enumerate(close_ups):
        row, column = divmod(i, columns)
        left, top = column * (2 * half + gap), -row * (2 * half + 2 * gap)
        cx, cy = (window[0] + window[2]) / 2, (window[1] + window[3]) / 2
        box = (cx - half, cy - half, cx + half, cy + half)
        shift = (left - box[0], top - box[3])

        def moved(p: Point, d: Point = shift) -> Point:
            return add(p, d)

        x0, y0, x1, y1 = left, top - 2 * half, left + 2 * half, top
        frames.append(poly("prop", [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)], closed=False))
        drawn += [item.moved(moved) for source in items for item in _clipped(source, box)]
        drawn += _numeral(i + 1, ((x0 + x1) / 2, y0 - gap / 2 - NUMERAL * H / 2))
    width = columns * 2 * half + (columns - 1) * gap
    height = rows * (2 * half + 2 * gap) - gap / 2
    box = (0.0, -height, width, 0.0)
    return [*frames, *drawn], box


def _clipped(item: Item, box: Box) -> list[Item]:
    """The part of *item* inside *box*; a body's outline along the cut is not drawn."""
    if item.center is not None:
        x, y = item.center
        return [item] if box[0] <= x <= box[2] and box[1] <= y <= box[3] else []
    tucked = tuple(clip_polygon(item.tucked, box)) if item.tucked else ()
    if not item.closed:
        return [Item(item.role, tuple(run), False, tucked=tucked) for run in clip_polyline(item.points, box)]
    inside = clip_polygon(item.points, box)
    if len(inside) < 3:
        return []
    if item.role not in OUTLINED:
        return [Item(item.role, tuple(inside), True, tucked=tucked)]
    ring = [*item.points, item.points[0]]
    lines = [Item(item.role, tuple(run), False, tucked=tucked) for run in clip_polyline(ring, box)]
    return [Item("neck-tint", tuple(inside), True), *lines]  # the tint, covering what lies under it


def _numeral(n: int, center: Point) -> list[Item]:
    """The number *n* drawn as strokes, centred on *center*."""
    scale = NUMERAL * H / 1.6
    x0, y0 = center[0] - 0.5 * scale, center[1] - 0.8 * scale
    return [
        poly("label", [(x0 + x * scale, y0 + y * scale) for x, y in stroke], closed=False)
        for stroke in DIGITS[n]
    ]
