"""Plane geometry for the figures: points as (x, y) tuples, y pointing up, angles in degrees."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence

Point = tuple[float, float]


def add(a: Point, b: Point) -> Point:
    return (a[0] + b[0], a[1] + b[1])


def sub(a: Point, b: Point) -> Point:
    return (a[0] - b[0], a[1] - b[1])


def mul(a: Point, k: float) -> Point:
    return (a[0] * k, a[1] * k)


def lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def unit(degrees: float) -> Point:
    rad = math.radians(degrees)
    return (math.cos(rad), math.sin(rad))


def angle_of(v: Point) -> float:
    return math.degrees(math.atan2(v[1], v[0]))


def length(v: Point) -> float:
    return math.hypot(v[0], v[1])


def dist(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def normalize(v: Point) -> Point:
    n = length(v)
    return (v[0] / n, v[1] / n) if n else (0.0, 0.0)


def left_normal(v: Point) -> Point:
    """*v* turned a quarter turn anticlockwise, as a unit vector."""
    x, y = normalize(v)
    return (-y, x)


def cross(a: Point, b: Point) -> float:
    return a[0] * b[1] - a[1] * b[0]


def arc(center: Point, radius: float, start: float, end: float, step: float = 12.0) -> list[Point]:
    """Points on a circular arc from angle *start* to *end* (either direction), ends included."""
    count = max(2, math.ceil(abs(end - start) / step) + 1)
    return [add(center, mul(unit(start + (end - start) * i / (count - 1)), radius)) for i in range(count)]


def line_intersection(p: Point, d: Point, q: Point, e: Point) -> Point | None:
    """Where the line p + t*d meets the line q + s*e, or None when they are parallel."""
    denom = cross(d, e)
    if abs(denom) < 1e-9:
        return None
    t = cross(sub(q, p), e) / denom
    return add(p, mul(d, t))


def bezier(p0: Point, c: Point, p1: Point, t: float) -> Point:
    """A point of the quadratic Bézier curve p0-c-p1."""
    a, b = lerp(p0, c, t), lerp(c, p1, t)
    return lerp(a, b, t)


def bezier_tangent(p0: Point, c: Point, p1: Point, t: float) -> Point:
    return normalize(add(mul(sub(c, p0), 2 * (1 - t)), mul(sub(p1, c), 2 * t)))


def bounds(points: Iterable[Point]) -> tuple[float, float, float, float]:
    """(min x, min y, max x, max y) of *points*."""
    xs, ys = zip(*points, strict=True)
    return (min(xs), min(ys), max(xs), max(ys))


def chain_outline(points: Sequence[Point], radii: Sequence[float], open_start: bool = False) -> list[Point]:
    """The outline of a thick polyline with round ends and joints (a limb drawn as one shape).

    Each point has its own half-width; on the outside of a bend the outline follows an arc, on
    the inside the two edges meet. With *open_start* the outline starts on one edge at the first
    point and ends on the other, without a cap (a limb growing out of the trunk).
    """
    n = len(points)
    dirs = [normalize(sub(points[i + 1], points[i])) for i in range(n - 1)]
    sides = []
    for sign in (1, -1):  # the left edge forward, then the right edge backward
        edge: list[Point] = []
        for i in range(n - 1):
            nrm = mul(left_normal(dirs[i]), sign)
            a = add(points[i], mul(nrm, radii[i]))
            b = add(points[i + 1], mul(nrm, radii[i + 1]))
            if i == 0:
                edge.append(a)
            else:
                turn = cross(dirs[i - 1], dirs[i]) * sign  # > 0: this edge is on the inside
                prev_n = mul(left_normal(dirs[i - 1]), sign)
                if turn > 1e-6:
                    meet = line_intersection(edge[-1], dirs[i - 1], a, dirs[i])
                    if meet is not None and dist(meet, points[i]) < 4 * radii[i]:
                        edge[-1] = meet
                    else:
                        edge.append(a)
                else:
                    start = angle_of(prev_n)
                    delta = (angle_of(nrm) - start + 180) % 360 - 180  # the short way round
                    edge.extend(arc(points[i], radii[i], start, start + delta)[1:])
            edge.append(b)
        sides.append(edge)
    left, right = sides
    tip = angle_of(left_normal(dirs[-1]))
    base = angle_of(mul(left_normal(dirs[0]), -1))
    end_cap = arc(points[-1], radii[-1], tip, tip - 180)[1:-1]
    start_cap = arc(points[0], radii[0], base, base - 180)[1:-1]
    if open_start:
        return [*left, *end_cap, *reversed(right)]
    return [*left, *end_cap, *reversed(right), *start_cap]


def segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    """Do the segments a-b and c-d cross (away from their ends)?"""

    def cross(o: Point, p: Point, q: Point) -> float:
        return (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0])

    d1, d2 = cross(c, d, a), cross(c, d, b)
    d3, d4 = cross(a, b, c), cross(a, b, d)
    if not ((d1 > 0) != (d2 > 0) and (d3 > 0) != (d4 > 0)):
        return False
    t = d1 / (d1 - d2)
    u = d3 / (d3 - d4)
    return 0.08 < t < 0.92 and 0.08 < u < 0.92


def depth_inside(point: Point, outline: list[Point]) -> float:
    """How far *point* lies inside the closed *outline* (0 when outside)."""
    x, y = point
    inside = False
    n = len(outline)
    for i in range(n):
        (x1, y1), (x2, y2) = outline[i], outline[(i + 1) % n]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    if not inside:
        return 0.0
    return min(distance_to_segment(point, outline[i], outline[(i + 1) % n]) for i in range(n))


def distance_to_segment(p: Point, a: Point, b: Point) -> float:
    ab = sub(b, a)
    n = ab[0] ** 2 + ab[1] ** 2
    t = 0.0 if n == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1]) / n))
    return dist(p, add(a, (ab[0] * t, ab[1] * t)))


Box = tuple[float, float, float, float]  # (min x, min y, max x, max y)


def clip_polygon(points: Sequence[Point], box: Box) -> list[Point]:
    """The part of the closed polygon *points* inside *box* (Sutherland and Hodgman)."""
    out = list(points)
    # Each edge of the box: the axis (0 x, 1 y), where it is, and +1 when inside is above it.
    for axis, bound, way in ((0, box[0], 1), (0, box[2], -1), (1, box[1], 1), (1, box[3], -1)):
        if not out:
            break
        previous, kept = out[-1], []
        for p in out:
            here, there = (p[axis] - bound) * way >= 0, (previous[axis] - bound) * way >= 0
            if here != there:
                kept.append(lerp(previous, p, (bound - previous[axis]) / (p[axis] - previous[axis])))
            if here:
                kept.append(p)
            previous = p
        out = kept
    return out


def clip_polyline(points: Sequence[Point], box: Box) -> list[list[Point]]:
    """The runs of the polyline *points* that lie inside *box* (Liang and Barsky, per segment)."""
    runs: list[list[Point]] = []
    for a, b in itertools.pairwise(points):
        part = _clip_segment(a, b, box)
        if part is None:
            continue
        start, end = part
        if runs and dist(runs[-1][-1], start) < 1e-9:
            runs[-1].append(end)
        else:
            runs.append([start, end])
    return runs


def _clip_segment(a: Point, b: Point, box: Box) -> tuple[Point, Point] | None:
    x0, y0, x1, y1 = box
    d = sub(b, a)
    lo, hi = 0.0, 1.0
    for p, q in ((-d[0], a[0] - x0), (d[0], x1 - a[0]), (-d[1], a[1] - y0), (d[1], y1 - a[1])):
        if abs(p) < 1e-12:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            lo = max(lo, t)
        else:
            hi = min(hi, t)
    if lo > hi:
        return None
    return lerp(a, b, lo), lerp(a, b, hi)
