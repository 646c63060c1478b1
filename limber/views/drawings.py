"""The drawings a page shows: an exercise's figure, its muscle map, the home page's body map.

Drawn by limber.figures from the exercise's `figure:` data and the muscles vocabulary. The
full figure and the maps are inline (they follow the page's colours, dark mode included);
the small figure on cards and routine steps is a file, so long lists stay small. Each
drawing is a memo job (limber.build.memo): made once per input, kept by the build cache, and
made on both cores by the parallel pass of a cold build.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from limber.build.memo import Job
from limber.figures import body_map_svg, figure_svg, muscle_map_svg
from limber.model.records import Exercise, Output
from limber.views.common import Context
from limber.views.qr import qr_svg

# A figure file is shown through <img>, where the page's colour does not reach it.
_FILE_STYLE = "<style>svg{color:#1b1b1b}@media (prefers-color-scheme:dark){svg{color:#ececec}}</style>"


def figure_job(ctx: Context, exercise: Exercise, size: str) -> Job:
    names = ctx.names()
    figure, title = exercise.figure, exercise.title
    return (
        f"figure-{size}",
        (figure, title, names),
        lambda: figure_svg(figure, title=title, size=size, names=names),
    )


def muscle_map_job(ctx: Context, exercise: Exercise) -> Job:
    shapes = {t.slug: (t.view or "front", t.areas) for t in ctx.site.vocabularies["muscles"].terms}
    names = ctx.names()
    title = f"Muscles worked by the {exercise.title.lower()}"
    primary, secondary = exercise.muscles, exercise.secondary_muscles
    inputs = (primary, secondary, shapes, names, title)
    return (
        "muscle-map",
        inputs,
        lambda: muscle_map_svg(primary, secondary, shapes, names=names, title=title),
    )


def qr_job(url: str) -> Job:
    return ("qr", url, lambda: qr_svg(url))


def qr_html(ctx: Context, url: str) -> str:
    return str(ctx.memo(*qr_job(url)))


def figure_html(ctx: Context, exercise: Exercise) -> str:
    """The full figure, inline, or "" when the exercise has none."""
    return "" if exercise.figure is None else str(ctx.memo(*figure_job(ctx, exercise, "full")))


def muscle_map_html(ctx: Context, exercise: Exercise) -> str:
    """Front and back outlines with the primary muscles marked strongly, the secondary lightly."""
    return str(ctx.memo(*muscle_map_job(ctx, exercise)))


def figure_files(ctx: Context) -> list[Output]:
    """figures/<slug>.svg: each exercise's small figure, for cards and routine steps."""
    outputs = []
    for exercise in ctx.site.exercises.values():
        if exercise.figure is None:
            continue
        svg = str(ctx.memo(*figure_job(ctx, exercise, "small")))
        end = svg.index(">") + 1
        outputs.append(
            Output(PurePosixPath(ctx.figure_path(exercise)), svg[:end] + _FILE_STYLE + svg[end:] + "\n")
        )
    return outputs


def body_map_html(ctx: Context) -> str:
    """The home page's front and back outline; each body area links to its page."""
    areas = ctx.site.vocabularies["areas"].terms
    return body_map_svg({t.slug: (ctx.url(t.path), t.name) for t in areas})


def drawing_jobs(ctx: Context) -> list[Job]:
    """Every drawing and QR code the pages will ask for, for the parallel pass."""
    jobs: list[Job] = []
    for exercise in ctx.site.exercises.values():
        if exercise.figure is not None:
            jobs += [figure_job(ctx, exercise, "full"), figure_job(ctx, exercise, "small")]
        jobs += [muscle_map_job(ctx, exercise), qr_job(ctx.site.config.absolute_url(exercise.path))]
    jobs += [qr_job(ctx.site.config.absolute_url(r.path)) for r in ctx.site.routines.values()]
    return jobs
