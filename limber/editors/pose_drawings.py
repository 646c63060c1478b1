"""The named poses drawn for the editors' guide: one SVG file each, and the guide's gallery of them.

The files live outside content/ (the build never reads them) and are shown by content/README.md
through <img>, where the reader's page colour does not reach: each drawing carries its own paper
and ink, light or dark with the reader's colour scheme, so it reads on a light or a dark page.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import PurePosixPath

from limber.figures import Figure, figure_svg, validate_figure
from limber.figures.bases import NAMED_POSES, NamedPose

FOLDER = PurePosixPath("docs/poses")  # from the project folder
GUIDE_FOLDER = PurePosixPath("content")  # where content/README.md, which links to them, lives
PER_ROW = 4  # drawings side by side in the gallery
SHOWN_WIDTH = 200  # pixels across each drawing in the gallery (the file is 320)
# The paper under the drawing and the ink it is drawn in, for light and dark colour schemes.
_LOOK = (
    "<style>svg{color:#1b1b1b}.paper{fill:#ffffff}"
    "@media (prefers-color-scheme:dark){svg{color:#ececec}.paper{fill:#0d1117}}</style>"
)
_VIEW_BOX = re.compile(r'viewBox="([^"]+)"')


def _figure(pose: NamedPose) -> Figure:
    figure, problems = validate_figure({"view": pose.view, "start": {"pose": pose.name}})
    if figure is None:
        raise ValueError(f"the named pose {pose.name} cannot be drawn: {problems}")
    return figure


def pose_drawing(pose: NamedPose) -> str:
    """*pose* as `start: {pose: ...}` draws it, on its own paper: the text of its SVG file."""
    svg = figure_svg(_figure(pose), title=f"{pose.name}: {pose.words}")
    found = _VIEW_BOX.search(svg)
    if found is None:
        raise ValueError("a figure's SVG has no viewBox")
    x, y, width, height = found[1].split()
    corner = f"{float(width) * 0.03:.1f}"
    paper = (
        f'<rect class="paper" x="{x}" y="{y}" width="{width}" height="{height}" '
        f'rx="{corner}" fill="#ffffff"/>'
    )
    end = svg.index(">") + 1
    return svg[:end] + _LOOK + paper + svg[end:] + "\n"


def _words(pose: NamedPose) -> str:
    return pose.words[0].upper() + pose.words[1:]


def pose_files() -> dict[PurePosixPath, str]:
    """Every named pose's drawing: its path from the project folder, and its text."""
    return {FOLDER / f"{pose.name}.svg": pose_drawing(pose) for pose in NAMED_POSES}


def pose_gallery() -> str:
    """The guide's gallery: each named pose's name over its drawing, PER_ROW to a row."""
    link = PurePosixPath(posixpath.relpath(FOLDER, GUIDE_FOLDER))
    lines = [
        f"What each named pose looks like: `start: {{pose: <name>}}` with nothing changed, drawn "
        f"(the files are in `{FOLDER}/`):",
        "",
    ]
    for start in range(0, len(NAMED_POSES), PER_ROW):
        row = NAMED_POSES[start : start + PER_ROW]
        lines.append("| " + " | ".join(f"`{pose.name}`" for pose in row) + " |")
        lines.append("| " + " | ".join(":---:" for _ in row) + " |")
        images = (
            f'<img src="{link / pose.name}.svg" width="{SHOWN_WIDTH}" alt="{html.escape(_words(pose))}">'
            for pose in row
        )
        lines += ["| " + " | ".join(images) + " |", ""]
    return "\n".join(lines)
