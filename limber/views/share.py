"""Each exercise's picture for shared links: its figure, its name and the site's title, as a PNG.

Social sites show no SVG, so the picture is drawn as SVG here and rasterised with resvg
(resvg-py) at the size Open Graph asks for, 1200 x 630. The figure is the one the exercise
page shows (limber.figures), large on the right in the ink colour on the site's paper; the
name is on the left in large type, wrapped to fit, and the site's title small below it.

Each picture is a memo job (limber.build.memo), keyed by the figure, the name and the site's title:
made once, kept by the build cache, and made on both cores by the parallel pass of a cold
build. Pages that are not an exercise's keep the site's own picture (templates/base.html).
"""

from __future__ import annotations

import re
from html import escape
from pathlib import PurePosixPath

import resvg_py

from limber import routes
from limber.build.memo import Job, digest
from limber.figures import Figure, figure_svg
from limber.model.records import Exercise, Output
from limber.views.card import Type
from limber.views.card.paper import PT
from limber.views.common import Context
from limber.views.offline import BACKGROUND_COLOR, THEME_COLOR
from limber.views.page_data import ShareImage

WIDTH, HEIGHT = 1200, 630  # what Open Graph and Twitter cards show without cropping
INK = "#1c2421"  # the figure: --ink in assets/css/screen.css
NAME_INK = "#114234"  # the exercise's name: --accent-ink
MUTED = "#4d5955"  # the site's title: --muted
PANEL = "#ffffff"  # behind the figure: --surface
# The type is Liberation Sans (Arial's metrics, so limber.views.card measures it); the others
# have the same metrics where it is not installed.
FONTS = "'Liberation Sans', Arimo, Arial, Helvetica, sans-serif"

MARGIN = 64
BAR = 16  # the accent band along the bottom edge
FIGURE = (560, 56, 576, 432)  # x, y, width, height of the figure's 4:3 frame
PAD = 16  # the white panel's room around the figure
GAP = 24  # between the name's column and the panel
TEXT_WIDTH = FIGURE[0] - PAD - GAP - MARGIN  # the name's column
NAME_SIZES = (72, 64, 56, 48, 42, 36)  # px, largest first: the first that fits is used
NAME_LINES = 4  # at most, at any size but the smallest
LINE_HEIGHT = 1.12
VERSION_LENGTH = 10  # hex digits of the inputs' digest in a picture's address
SITE_SIZE = 30  # px, or less for a site's title too long for the picture's width
_VIEW_BOX = re.compile(r'viewBox="([^"]+)"')


def share_image_job(ctx: Context, exercise: Exercise) -> Job:
    figure, title, site_title = exercise.figure, exercise.title, ctx.site.config.title
    assert figure is not None
    return ("share-image", (figure, title, site_title), lambda: share_png(figure, title, site_title))


def share_jobs(ctx: Context) -> list[Job]:
    """Every exercise's share picture, for the parallel pass."""
    return [share_image_job(ctx, e) for e in ctx.site.exercises.values() if e.figure is not None]


def share_images(ctx: Context) -> list[Output]:
    """exercises/<slug>/share.<version>.png (share_image_path) for each exercise with a figure."""
    return [
        Output(PurePosixPath(share_image_path(job, e.slug)), "", data=ctx.memo(*job))
        for e in ctx.site.exercises.values()
        if e.figure is not None
        for job in [share_image_job(ctx, e)]
    ]


def share_image_path(job: Job, slug: str) -> str:
    """Where the picture *job* draws is published: its address names a digest of what it shows.

    A social site keeps a picture by its address, so a changed figure, name or site title gets
    a new one; the digest is of the inputs, so a page names its picture without drawing it.
    """
    return routes.share_image_path(slug, digest(job[1])[:VERSION_LENGTH])


def share_image(ctx: Context, exercise: Exercise) -> ShareImage | None:
    """The picture a shared link to *exercise* shows, in words too; None: the site's own."""
    if exercise.figure is None:
        return None
    alt = f"{exercise.title}: {ctx.figure_alt(exercise)}"
    return ShareImage(ctx.url(share_image_path(share_image_job(ctx, exercise), exercise.slug)), alt)


def share_png(figure: Figure, title: str, site_title: str) -> bytes:
    return bytes(resvg_py.svg_to_bytes(svg_string=share_svg(figure, title, site_title)))


def share_svg(figure: Figure, title: str, site_title: str) -> str:
    """The picture as SVG: paper, the figure on a panel, the name, the site's title, the band."""
    x, y, width, height = FIGURE
    drawing = figure_svg(figure, title=title, size="full")
    found = _VIEW_BOX.search(drawing)
    assert found is not None, "limber.figures always gives a viewBox"
    inner = drawing[drawing.index(">") + 1 : drawing.rindex("</svg>")]
    size, lines = name_lines(title)
    step = size * LINE_HEIGHT
    site_y = HEIGHT - BAR - MARGIN
    site_size = min(SITE_SIZE, SITE_SIZE * (WIDTH - 2 * MARGIN) / px(site_title, SITE_SIZE, bold=False))
    # The middle of the name's capitals (0.72 em high) is the middle of the room above the site's title.
    top = (site_y - SITE_SIZE - (len(lines) - 1) * step) / 2 + size * 0.36
    name = "".join(
        f'<text x="{MARGIN}" y="{top + i * step:.1f}">{escape(line)}</text>' for i, line in enumerate(lines)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="{FONTS}">'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{BACKGROUND_COLOR}"/>'
        f'<rect x="{x - PAD}" y="{y - PAD}" width="{width + 2 * PAD}" height="{height + 2 * PAD}" '
        f'rx="20" fill="{PANEL}"/>'
        f'<svg x="{x}" y="{y}" width="{width}" height="{height}" viewBox="{found.group(1)}" '
        f'color="{INK}" overflow="visible">{inner}</svg>'
        f'<g font-size="{size}" font-weight="bold" fill="{NAME_INK}">{name}</g>'
        f'<text x="{MARGIN}" y="{site_y}" font-size="{site_size:g}" fill="{MUTED}">{escape(site_title)}</text>'
        f'<rect y="{HEIGHT - BAR}" width="{WIDTH}" height="{BAR}" fill="{THEME_COLOR}"/>'
        "</svg>"
    )


def name_lines(title: str) -> tuple[int, list[str]]:
    """The largest size at which *title* fits the name's column, and its lines at that size.

    At the smallest size a word too long for the column is cut, so nothing runs off the picture.
    """
    for size in NAME_SIZES:
        lines = wrap(title, size)
        if lines is not None and len(lines) <= NAME_LINES:
            return size, lines
    lines = wrap(title, size, cut=True)
    assert lines is not None
    return size, lines


def wrap(text: str, size: int, *, cut: bool = False) -> list[str] | None:
    """Greedy lines of *text* in bold at *size* px, at most TEXT_WIDTH wide, broken at spaces.

    A word wider than the column is cut where the line is full if *cut*, else there are no
    such lines (None).
    """
    lines: list[str] = []
    for word in text.split():
        if lines and px(f"{lines[-1]} {word}", size) <= TEXT_WIDTH:
            lines[-1] += f" {word}"
            continue
        while px(word, size) > TEXT_WIDTH:
            if not cut:
                return None
            end = max(n for n in range(1, len(word) + 1) if px(word[:n], size) <= TEXT_WIDTH or n == 1)
            lines.append(word[:end])
            word = word[end:]
        lines.append(word)
    return lines


def px(text: str, size: float, *, bold: bool = True) -> float:
    """The width of *text* at *size* px in Liberation Sans (Type measures in mm, at points)."""
    return Type(size, size, bold=bold).width(text) / PT
