"""The body map (front and back outlines whose areas are links) and the muscle maps.

Both are drawn with the figure engine: a standing figure seen from the front and from behind,
with the areas and muscles as patches of its segments (limber.figures.regions).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping, Sequence
from html import escape

from limber.figures.canvas import Item
from limber.figures.geometry import Point, bounds
from limber.figures.outline import body_items, patch_outline
from limber.figures.pose import H, Skeleton, pose_skeleton
from limber.figures.regions import AREAS, MUSCLES, Patch, Shape
from limber.figures.spec import BASE, SIDES
from limber.figures.svg import Pen, defs, fit_box, layers, number, path_data, svg_open

GAP = 0.36 * H  # from the middle of the picture to each figure's midline
LEFT_LABELS = ("shoulders", "chest", "arms", "core", "hips", "legs")  # beside the front figure
LABEL_SIZE = 5.8
LINE_GAP = 7.0
MAP_PEN = Pen(1.0, 2.6)


def _standing(view: str) -> Skeleton:
    angles = dict(BASE["standing"].face)
    for side in SIDES:
        angles[f"{side}.shoulder"] = 16
    return pose_skeleton(angles, kind="face", base="standing", near="right")


def _figure(view: str, dx: float, marks: Sequence[tuple[str, str]]) -> list[Item]:
    """A standing figure from the front or back, its midline at x = dx, feet at y = 0."""
    skeleton = _standing(view)
    items = body_items(skeleton, "body", marks, view, None)
    return [_move(item, view, dx, skeleton) for item in items]


def _move(item: Item, view: str, dx: float, skeleton: Skeleton) -> Item:
    lift = _lift(skeleton)
    sign = -1 if view == "back" else 1
    return item.moved(lambda p: (sign * p[0] + dx, p[1] + lift))


def _lift(skeleton: Skeleton) -> float:
    return -min(p[1] for name, p in skeleton.points.items() if name.endswith(".heel")) + 0.022 * H


def _patches(view: str, dx: float, patches: Sequence[Patch]) -> list[list[Point]]:
    """The outlines of *patches* on both halves of the standing figure seen from *view*."""
    skeleton = _standing(view)
    lift = _lift(skeleton)
    sign = -1 if view == "back" else 1
    out = []
    for patch in patches:
        if patch.segment in ("trunk", "neck", "head"):
            bones = [(skeleton.bone(patch.segment), s) for s in (1, -1)]
        else:
            bones = [(skeleton.bone(patch.segment, side), 1) for side in SIDES]
        for bone, half in bones:
            outline = patch_outline(bone, patch, half)
            out.append([(sign * x + dx, y + lift) for x, y in outline])
    return out


def body_map_svg(links: Mapping[str, tuple[str, str]], *, title: str = "Body areas, front and back") -> str:
    """Front and back outlines; each area in *links* (slug -> (url, label)) is a labelled link.

    Every area is one `<a>` holding its regions on both figures and its visible text label, so
    it is one stop for the keyboard and has an accessible name. Unknown slugs are left out.
    """
    front, back = -GAP, GAP
    figure_items = _figure("front", front, ()) + _figure("back", back, ())
    anchors: dict[str, tuple[float, float, int]] = {}
    regions: dict[str, list[list[Point]]] = {}
    for slug in links:
        shape = AREAS.get(slug)
        if shape is None:
            continue
        outlines = _patches("front", front, shape.front) + _patches("back", back, shape.back)
        regions[slug] = outlines
        on_left = (slug in LEFT_LABELS and shape.front) or not shape.back
        chosen = _patches("front", front, shape.front) if on_left else _patches("back", back, shape.back)
        side = -1 if on_left else 1
        anchors[slug] = (*_label_point(chosen, side), side)
    box = bounds(p for item in figure_items for p in item.all_points())
    label_x = GAP + 0.3 * H
    box = (-label_x - 0.42 * H, box[1] - 4, label_x + 0.42 * H, box[3] + 4)
    width = 480
    height = round(width * (box[3] - box[1]) / (box[2] - box[0]))
    view = fit_box(box, width, height, 0)
    unit = view[2] / width
    uid = "bodymap"
    head = svg_open(view, width, height, uid=uid, title=title, desc="Choose an area of the body to see its exercises.",
                    css_class="body-map")  # fmt: skip
    head = head.replace('role="img"', 'role="group"')
    parts = [head, defs(uid, unit, MAP_PEN), layers(figure_items, uid, unit, MAP_PEN)]
    placed = _spread(anchors)
    for slug, (url, label) in links.items():
        if slug not in regions:
            continue
        x, y, side = anchors[slug]
        ly = placed[slug]
        tx = -label_x if side < 0 else label_x
        shapes = "".join(f'<path d="{path_data(o, True)}"/>' for o in regions[slug])
        leader = path_data([(tx + side * -1.5, ly), (x, y)], False)
        anchor = "end" if side < 0 else "start"
        parts.append(
            f'<a href="{escape(url)}" class="body-map-area" aria-label="{escape(label)}">'
            f'<g fill="currentColor" fill-opacity="0.06" stroke="currentColor" stroke-opacity="0.55" stroke-width="{fine_w(unit)}" '
            f'stroke-dasharray="{fine_w(unit * 3)} {fine_w(unit * 2)}">{shapes}</g>'
            f'<path d="{leader}" fill="none" stroke="currentColor" stroke-opacity="0.6" stroke-width="{fine_w(unit)}"/>'
            f'<text x="{number(tx)}" y="{number(-ly + LABEL_SIZE * 0.35)}" font-size="{number(LABEL_SIZE)}" '
            f'text-anchor="{anchor}" fill="currentColor">{escape(label)}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _label_point(outlines: list[list[Point]], side: int) -> Point:
    """Where a leader line meets a region: the middle of its part nearest the label."""
    _, y0, _, y1 = bounds(p for o in outlines for p in o)
    middle = (y0 + y1) / 2
    centers = [(sum(x for x, _ in o) / len(o), sum(y for _, y in o) / len(o)) for o in outlines]
    return max(centers, key=lambda c: side * c[0] - 0.5 * abs(c[1] - middle))


def fine_w(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _spread(anchors: Mapping[str, tuple[float, float, int]]) -> dict[str, float]:
    """Label heights near their areas, at least LINE_GAP apart on each side."""
    out: dict[str, float] = {}
    for side in (-1, 1):
        column = sorted(((y, slug) for slug, (_, y, s) in anchors.items() if s == side), reverse=True)
        last = None
        for y, slug in column:
            if last is not None and last - y < LINE_GAP:
                y = last - LINE_GAP
            out[slug] = y
            last = y
    return out


def muscle_map_svg(
    primary: Sequence[str],
    secondary: Sequence[str],
    muscles: Mapping[str, tuple[str, tuple[str, ...]]],
    *,
    names: Mapping[str, str] | None = None,
    title: str = "Muscles worked",
    uid: str | None = None,
) -> str:
    """Small front and back figures: *primary* muscles hatched, *secondary* dotted, with a legend.

    *muscles* maps each muscle slug to its view ("front" or "back") and areas, as in the muscles
    vocabulary. A muscle without a drawn shape is shown by its areas on its view.
    """
    names = names or {}
    front, back = -0.3 * H, 0.3 * H
    marks: dict[str, list[tuple[Patch, str]]] = {"front": [], "back": []}
    for slugs, role in ((primary, "hatch"), (secondary, "dots")):
        for slug in slugs:
            view, areas = muscles.get(slug, ("front", ()))
            view = view if view in ("front", "back") else "front"
            for patch in _shape_patches(slug, view, areas):
                marks[view].append((patch, role))
    silhouettes = _silhouettes()
    patches: list[Item] = []
    for view, dx in (("front", front), ("back", back)):
        for patch, role in marks[view]:
            patches.extend(Item(role, tuple(o)) for o in _patches(view, dx, (patch,)))
    items = [*silhouettes, *patches]
    main = ", ".join(names.get(s, s.replace("-", " ")) for s in primary)
    also = ", ".join(names.get(s, s.replace("-", " ")) for s in secondary)
    desc = f"Main muscles (hatched): {main}." + (f" Also worked (dotted): {also}." if also else "")
    digest = hashlib.sha256(f"{primary}|{secondary}".encode()).hexdigest()[:8]
    uid = uid or f"muscles-{digest}"
    box = bounds(p for item in items for p in item.all_points())
    legend_top = box[1] - 6
    box = (box[0] - 8, legend_top - 2 * LINE_GAP - 2, box[2] + 8, box[3] + 3)
    width = 260
    height = round(width * (box[3] - box[1]) / (box[2] - box[0]))
    view_box = fit_box(box, width, height, 0)
    unit = view_box[2] / width
    parts = [svg_open(view_box, width, height, uid=uid, title=title, desc=desc, css_class="muscle-map")]
    # The two outlines are the same on every map: their lines are worked out once. The
    # muscles lie inside them and are drawn on top, each patch filled and outlined.
    parts += [defs(uid, unit, MAP_PEN), _silhouette_layer(unit)]
    if patches:
        parts.append(layers(patches, uid, unit, MAP_PEN))
    rows = [("hatch", "Main muscles")] + ([("dots", "Also worked")] if secondary else [])
    for i, (kind, label) in enumerate(rows):
        y = legend_top - i * LINE_GAP
        x = box[0] + 4
        swatch = path_data([(x, y), (x + 7, y), (x + 7, y - 4.5), (x, y - 4.5)], True)
        parts.append(
            f'<path d="{swatch}" fill="url(#{uid}-{kind})" stroke="currentColor" stroke-width="{fine_w(unit)}"/>'
            f'<text x="{number(x + 10)}" y="{number(-y + 4)}" font-size="{number(LABEL_SIZE)}" '
            f'fill="currentColor">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


@functools.cache
def _silhouettes() -> tuple[Item, ...]:
    return (*_figure("front", -0.3 * H, ()), *_figure("back", 0.3 * H, ()))


@functools.cache
def _silhouette_layer(unit: float) -> str:
    return layers(_silhouettes(), "silhouette", unit, MAP_PEN)


def _shape_patches(slug: str, view: str, areas: Sequence[str]) -> tuple[Patch, ...]:
    shape = MUSCLES.get(slug)
    if shape is not None and shape.face(view):
        return shape.face(view)
    out: list[Patch] = []
    for area in areas:
        area_shape: Shape | None = AREAS.get(area)
        if area_shape is not None:
            out.extend(area_shape.face(view))
    return tuple(out)
