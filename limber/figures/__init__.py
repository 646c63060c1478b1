"""Figures drawn from data: an exercise's pose as an inline SVG, a body map, muscle maps.

A pure stage beside the pipeline: plain data in, SVG text out; nothing here knows of pages.

    figure, problems = validate_figure(meta["figure"], default_base=meta["position"])
    svg = figure_svg(figure, title="Chin tuck", size="full")
"""

from __future__ import annotations

from limber.figures.bodymap import body_map_svg, muscle_map_svg
from limber.figures.draw import alt_text, figure_svg
from limber.figures.figure import Arrow, Figure, FigureProblem, PropUse
from limber.figures.for_editors import figure_json_schema, starting_figure
from limber.figures.reference import reference_markdown
from limber.figures.spec import CODES
from limber.figures.validate import validate_figure

__all__ = [
    "CODES",
    "Arrow",
    "Figure",
    "FigureProblem",
    "PropUse",
    "alt_text",
    "body_map_svg",
    "figure_json_schema",
    "figure_svg",
    "muscle_map_svg",
    "reference_markdown",
    "starting_figure",
    "validate_figure",
]
