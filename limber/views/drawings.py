"""The drawings a page shows: an exercise's figure, its muscle map, the home page's body map.

Drawn by limber.figures from the exercise's `figure:` data and the muscles vocabulary. The
full figure and the maps are inline (they follow the page's colours, dark mode included);
the small figure on cards and routine steps is a file, so long lists stay small.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from limber.figures import alt_text, body_map_svg, figure_svg, muscle_map_svg
from limber.model import Exercise, Output
from limber.views.common import Context

# A figure file is shown through <img>, where the page's colour does not reach it.
_FILE_STYLE = "<style>svg{color:#1b1b1b}@media (prefers-color-scheme:dark){svg{color:#ececec}}</style>"


def figure_path(exercise: Exercise) -> str:
    return f"figures/{exercise.slug}.svg"  # common.Context.exercise_card links the same file


def figure_url(ctx: Context, exercise: Exercise) -> str:
    return ctx.url(figure_path(exercise)) if exercise.figure is not None else ""


def figure_alt(ctx: Context, exercise: Exercise) -> str:
    return alt_text(exercise.figure, names=ctx.names()) if exercise.figure is not None else ""


def figure_html(ctx: Context, exercise: Exercise) -> str:
    """The full figure, inline, or "" when the exercise has none."""
    if exercise.figure is None:
        return ""
    names = ctx.names()
    inputs = (exercise.figure, exercise.title, names)
    return str(
        ctx.memo("figure", inputs, lambda: figure_svg(exercise.figure, title=exercise.title, names=names))
    )


def figure_files(ctx: Context) -> list[Output]:
    """figures/<slug>.svg: each exercise's small figure, for cards and routine steps."""
    outputs = []
    for exercise in ctx.site.exercises.values():
        if exercise.figure is None:
            continue
        names = ctx.names()
        inputs = (exercise.figure, exercise.title, names)
        svg = str(
            ctx.memo(
                "figure-small",
                inputs,
                lambda e=exercise, n=names: figure_svg(e.figure, title=e.title, size="small", names=n),  # type: ignore[misc]
            )
        )
        end = svg.index(">") + 1
        text = svg[:end] + _FILE_STYLE + svg[end:]
        if not text.startswith("<?xml"):
            text = (
                text.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
                if "xmlns=" not in text[:end]
                else text
            )
        outputs.append(Output(PurePosixPath(figure_path(exercise)), text + "\n"))
    return outputs


def muscle_map_html(ctx: Context, exercise: Exercise) -> str:
    """Front and back outlines with the primary muscles marked strongly, the secondary lightly."""
    muscles = ctx.site.vocabularies["muscles"].terms
    shapes = {t.slug: (t.view or "front", t.areas) for t in muscles}
    names = ctx.names()
    title = f"Muscles worked by the {exercise.title.lower()}"
    inputs = (exercise.muscles, exercise.secondary_muscles, shapes, names, title)
    return str(
        ctx.memo(
            "muscle-map",
            inputs,
            lambda: muscle_map_svg(
                exercise.muscles, exercise.secondary_muscles, shapes, names=names, title=title
            ),
        )
    )


def body_map_html(ctx: Context) -> str:
    """The home page's front and back outline; each body area links to its page."""
    areas = ctx.site.vocabularies["areas"].terms
    return body_map_svg({t.slug: (ctx.url(t.path), t.name) for t in areas})
