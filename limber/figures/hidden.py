"""Hidden lines: the parts of an outline that a shape drawn later covers are left out.

The figure is tinted with a see-through fill (it must follow the page's colour in light mode,
dark mode and print, so it cannot be painted in the page's background colour). Lines behind a
limb would show through it; removing them here makes the body read as solid.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from limber.figures.geometry import Point, bounds

Polygon = tuple[tuple[float, float, float, float], Sequence[Point]]  # bounding box, vertices


def polygon(points: Sequence[Point]) -> Polygon:
    return bounds(points), points


def inside(p: Point, poly: Polygon) -> bool:
    """Even-odd test: is *p* inside the polygon?"""
    (x0, y0, x1, y1), pts = poly
    x, y = p
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    hit = False
    j = len(pts) - 1
    for i in range(len(pts)):
        xi, yi = pts[i]
        xj, yj = pts[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            hit = not hit
        j = i
    return hit


def visible_runs(points: Sequence[Point], closed: bool, covers: Sequence[Polygon]) -> list[list[Point]]:
    """The runs of a polyline outside all of *covers*.

    Each segment is cut where it crosses a cover's edge; a piece is hidden when its middle lies
    inside a cover.
    """
    path = list(points) + ([points[0]] if closed else [])
    runs: list[list[Point]] = []
    current: list[Point] = []
    for a, b in itertools.pairwise(path):
        near = [c for c in covers if _overlaps(c[0], a, b)]
        cuts = sorted({0.0, 1.0, *(t for c in near for t in _crossings(a, b, c[1]))})
        for t0, t1 in itertools.pairwise(cuts):
            mid = _at(a, b, (t0 + t1) / 2)
            if any(inside(mid, c) for c in near):
                if len(current) > 1:
                    runs.append(current)
                current = []
                continue
            start, end = _at(a, b, t0), _at(a, b, t1)
            if not current:
                current = [start]
            current.append(end)
    if len(current) > 1:
        runs.append(current)
    if closed and len(runs) > 1 and runs[0][0] == path[0] and runs[-1][-1] == path[-1]:
        runs[0] = runs.pop() + runs[0][1:]  # the run through the starting point is one run
    return runs


def _at(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _overlaps(box: tuple[float, float, float, float], a: Point, b: Point) -> bool:
    x0, y0, x1, y1 = box
    return not (max(a[0], b[0]) < x0 or min(a[0], b[0]) > x1 or max(a[1], b[1]) < y0 or min(a[1], b[1]) > y1)


def _crossings(a: Point, b: Point, polygon_points: Sequence[Point]) -> list[float]:
    """Where along a-b (0..1) the segment crosses the polygon's edges."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    out = []
    n = len(polygon_points)
    for i in range(n):
        p, q = polygon_points[i], polygon_points[(i + 1) % n]
        ex, ey = q[0] - p[0], q[1] - p[1]
        denom = dx * ey - dy * ex
        if abs(denom) < 1e-12:
            continue
        wx, wy = p[0] - a[0], p[1] - a[1]
        t = (wx * ey - wy * ex) / denom
        s = (wx * dy - wy * dx) / denom
        if 0.0 < t < 1.0 and 0.0 <= s <= 1.0:
            out.append(t)
    return out


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Ramer-Douglas-Peucker: drop points that lie within *tolerance* of the line."""
    if len(points) < 3:
        return points
    a, b = points[0], points[-1]
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    norm = math.hypot(dx, dy)
    worst, index = -1.0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else math.hypot(px - ax, py - ay)
        if d > worst:
            worst, index = d, i
    if worst <= tolerance:
        return [a, b]
    return simplify(points[: index + 1], tolerance)[:-1] + simplify(points[index:], tolerance)
