"""Hidden lines: the parts of an outline that a shape drawn later covers are left out.

The figure is tinted with a see-through fill (it must follow the page's colour in light mode,
dark mode and print, so it cannot be painted in the page's background colour). Lines behind a
limb would show through it; removing them here makes the body read as solid.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from limber.figures.geometry import Point, bounds, dist

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


def visible_runs(
    points: Sequence[Point], closed: bool, covers: Sequence[Polygon], step: float
) -> list[list[Point]]:
    """The runs of a polyline not inside any of *covers*, simplified again afterwards."""
    if not covers:
        return [list(points) + ([points[0]] if closed else [])]
    path = list(points) + ([points[0]] if closed else [])
    dense: list[Point] = [path[0]]
    for a, b in itertools.pairwise(path):
        n = max(1, math.ceil(dist(a, b) / step))
        dense.extend((a[0] + (b[0] - a[0]) * i / n, a[1] + (b[1] - a[1]) * i / n) for i in range(1, n + 1))
    runs: list[list[Point]] = []
    current: list[Point] = []
    for p in dense:
        if any(inside(p, c) for c in covers):
            if len(current) > 1:
                runs.append(current)
            current = []
        else:
            current.append(p)
    if len(current) > 1:
        runs.append(current)
    if closed and len(runs) > 1 and runs[0][0] == dense[0] and runs[-1][-1] == dense[-1]:
        runs[0] = runs.pop() + runs[0][1:]  # the run through the starting point is one run
    return [simplify(run, step / 4) for run in runs]


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
