"""The body map (front and back outlines whose areas are links) and the muscle maps.

Both are drawn with the figure engine: a standing figure seen from the front and from behind,
with the areas and muscles as patches of its segments (limber.figures.regions).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping, Sequence
from html import escape

from limber.figures.bases import BASE
from limber.figures.canvas import Item
from limber.figures.geometry import Point, bounds
from limber.figures.outline import body_items, patch_outline
from limber.figures.pose import pose_skeleton
from limber.figures.regions import AREAS, MUSCLES, Patch, Shape
from limber.figures.skeleton import H, Skeleton
from limber.figures.spec import SIDES
from limber.figures.svg import Pen, defs, fit_box, layers, number, path_data, svg_open

# The body map is two pictures, the front and the back, each a standing figure with a column of
# labelled buttons beside it joined to their areas by lines: on a phone they stack, on a wide
# screen they stand side by side. Sizes are CSS px at the picture's own width; the page never
# draws it smaller (screen.css), so a button is always at least BUTTON_PX tall.
FRONT_AREAS = ("shoulders", "chest", "arms", "core", "hips")  # labelled on the front figure
FIGURE_PX = 210  # the figure's height, head to heels
BUTTON_PX = 30  # a button's height: a thumb's target (WCAG 2.5.8 asks for 24)
BUTTON_GAP_PX = 7
BUTTON_TEXT_PX = 15
BUTTON_PAD_PX = 10  # either side of the label
LEADER_PX = 18  # from the buttons to the figure
CHAR_EM = 0.6  # a generous average letter width, so a wide font still fits its button
LABEL_SIZE = 5.8
LINE_GAP = 7.0
MAP_PEN = Pen(1.0, 2.6)


@functools.cache  # the same figure on every map: posed once per process
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


def _patches(view: str, dx: float, patches: Sequence[Patch]) -> list[tuple[Point, ...]]:
    """The outlines of *patches* on both halves of the standing figure seen from *view*."""
    return [outline for patch in patches for outline in _patch_outlines(view, dx, patch)]


@functools.cache  # a muscle's patch is the same on every map that marks it
def _patch_outlines(view: str, dx: float, patch: Patch) -> tuple[tuple[Point, ...], ...]:
    skeleton = _standing(view)
    lift = _lift(skeleton)
    sign = -1 if view == "back" else 1
    if patch.segment in ("trunk", "neck", "head"):
        bones = [(skeleton.bone(patch.segment), s) for s in (1, -1)]
    else:
        bones = [(skeleton.bone(patch.segment, side), 1) for side in SIDES]
    return tuple(
        tuple((sign * x + dx, y + lift) for x, y in patch_outline(bone, patch, half)) for bone, half in bones
    )


def body_map_svg(links: Mapping[str, tuple[str, str]], *, title: str = "Body areas, front and back") -> str:
    """Front and back outlines; each area in *links* (slug -> (url, label)) is a labelled link.

    Every area is one `<a>` holding its regions on the figure it is labelled on and a button
    with its visible text label, so it is one stop for the keyboard, has an accessible name and
    a target a thumb can hit. Unknown slugs are left out.
    """
    known = {slug: link for slug, link in links.items() if slug in AREAS}
    front = {slug: link for slug, link in known.items() if slug in FRONT_AREAS or not AREAS[slug].back}
    back = {slug: link for slug, link in known.items() if slug not in front}
    width = max((_button_px(label) for _, label in known.values()), default=0)
    pictures = [
        _map_picture("front", front, width, "Front of the body"),
        _map_picture("back", back, width, "Back of the body"),
    ]
    return f'<div class="body-map" role="group" aria-label="{escape(title)}">{"".join(pictures)}</div>'


def _button_px(label: str) -> float:
    return len(label) * CHAR_EM * BUTTON_TEXT_PX + 2 * BUTTON_PAD_PX


def _map_picture(view: str, links: Mapping[str, tuple[str, str]], button_px: float, title: str) -> str:
    """One standing figure seen from *view* with its areas' buttons beside it (front: on the left)."""
    side = -1 if view == "front" else 1
    items = _figure(view, 0, ())
    x0, y0, x1, y1 = bounds(p for item in items for p in item.all_points())
    unit = (y1 - y0) / FIGURE_PX  # figure units per CSS px
    column = (x0 - LEADER_PX * unit, x0 - (LEADER_PX + button_px) * unit) if side < 0 else (
        x1 + LEADER_PX * unit, x1 + (LEADER_PX + button_px) * unit)  # fmt: skip
    margin = 4 * unit
    box = (min(x0, *column) - margin, y0 - margin, max(x1, *column) + margin, y1 + margin)
    width = round((box[2] - box[0]) / unit)
    height = round((box[3] - box[1]) / unit)
    uid = f"bodymap-{view}"
    head = svg_open(fit_box(box, width, height, 0), width, height, uid=uid, title=title,
                    desc="Choose an area of the body to see its exercises.", css_class="body-map__view")  # fmt: skip
    parts = [
        head.replace('role="img"', 'role="group"'),
        defs(uid, unit, MAP_PEN),
        layers(items, uid, unit, MAP_PEN),
    ]
    regions = {slug: _patches(view, 0, AREAS[slug].face(view)) for slug in links}
    anchors = {slug: _label_point(regions[slug], side) for slug in links}
    step, high = (BUTTON_PX + BUTTON_GAP_PX) * unit, BUTTON_PX * unit
    places = _spread({slug: y for slug, (_, y) in anchors.items()}, step, (y0 + high / 2, y1 - high / 2))
    inner = column[0]
    left, right = min(column), max(column)
    for slug in sorted(links, key=lambda s: -places[s]):
        url, label = links[slug]
        ly = places[slug]
        shapes = "".join(f'<path d="{path_data(o, True)}"/>' for o in regions[slug])
        leader = path_data([(inner, ly), anchors[slug]], False)
        parts.append(
            f'<a href="{escape(url)}" class="body-map-area" aria-label="{escape(label)}">'
            f'<g class="body-map-area__region" fill="currentColor" fill-opacity="0.06" stroke="currentColor" '
            f'stroke-opacity="0.55" stroke-width="{fine_w(unit)}" stroke-dasharray="{fine_w(unit * 3)} {fine_w(unit * 2)}">{shapes}</g>'
            f'<path class="body-map-area__leader" d="{leader}" fill="none" stroke="currentColor" stroke-opacity="0.6" '
            f'stroke-width="{fine_w(unit)}"/>'
            f'<rect class="body-map-area__button" x="{number(left)}" y="{number(-ly - high / 2)}" width="{number(right - left)}" '
            f'height="{number(high)}" rx="{number(high / 4)}" fill="currentColor" fill-opacity="0.08" stroke="currentColor" '
            f'stroke-width="{fine_w(unit)}"/>'
            f'<text x="{number((left + right) / 2)}" y="{number(-ly + BUTTON_TEXT_PX * 0.36 * unit)}" '
            f'font-size="{number(BUTTON_TEXT_PX * unit)}" text-anchor="middle" fill="currentColor">{escape(label)}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _label_point(outlines: Sequence[Sequence[Point]], side: int) -> Point:
    """Where a leader line meets a region: the middle of its part nearest the label."""
    _, y0, _, y1 = bounds(p for o in outlines for p in o)
    middle = (y0 + y1) / 2
    centers = [(sum(x for x, _ in o) / len(o), sum(y for _, y in o) / len(o)) for o in outlines]
    return max(centers, key=lambda c: side * c[0] - 0.5 * abs(c[1] - middle))


def fine_w(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _spread(wanted: Mapping[str, float], step: float, limits: tuple[float, float]) -> dict[str, float]:
    """Heights (y up) near the *wanted* ones, at least *step* apart and within *limits*, in order."""
    low, high = limits
    order = sorted(wanted, key=lambda slug: -wanted[slug])
    out: dict[str, float] = {}
    last = high + step
    for slug in order:  # top down: each below the one above
        last = min(wanted[slug], last - step)
        out[slug] = last
    floor = low - step
    for slug in reversed(order):  # bottom up: none below the lowest place
        floor = max(out[slug], floor + step)
        out[slug] = floor
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
