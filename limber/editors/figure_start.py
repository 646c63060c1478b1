"""The figure a new exercise starts from (`new exercise "Title" --position <slug>`).

The named pose for its position (figures.starting_figure), with comments saying which joints to
change and where the named poses are drawn; without a position, a comment naming them all.
"""

from __future__ import annotations

from limber.editors.pose_drawings import FOLDER as DRAWINGS
from limber.figures import starting_figure
from limber.figures.bases import NAMED_POSE, NAMED_POSES
from limber.model.fields import FILL_IN

Commented = tuple[str, list[str]]  # a line of YAML and the notes written as comments beside it


def _drawn(guide: str) -> str:
    return f'the named poses are drawn in {guide} ("Figure" in the field reference)'


def named_poses_note(guide: str) -> str:
    """What the scaffold says of the figure when it has no position to start one from."""
    names = ", ".join(pose.name for pose in NAMED_POSES)
    return (
        f"start it from a named pose, `start: {{pose: <name>}}`: {names}; {_drawn(guide)}; "
        "`new` with `--position <slug>` writes one started from the pose for that position"
    )


def _flow(angles: tuple[tuple[str, int], ...]) -> str:
    """A named pose's angles as the YAML that sets them: `trunk: -90, right: {hip: 45, knee: 110}`."""
    sides: dict[str, list[str]] = {}
    midline = [f"{joint}: {value}" for joint, value in angles if "." not in joint]
    for key, value in angles:
        side, _, joint = key.rpartition(".")
        if side:
            sides.setdefault(side, []).append(f"{joint}: {value}")
    return ", ".join([*midline, *(f"{side}: {{{', '.join(joints)}}}" for side, joints in sides.items())])


def figure_lines(position: str, guide: str) -> list[Commented]:
    """The lines under `figure:`, started from the named pose for *position* (its base if none)."""
    figure = starting_figure(position)
    ((how, name),) = figure["start"].items()
    if how == "pose":
        pose = NAMED_POSE[name]
        sets = f"{name} sets {_flow(pose.angles)}" if pose.angles else f"{name} sets no angles of its own"
        notes = [
            f"{pose.words}; drawn in {DRAWINGS}/{name}.svg",
            f"change only the joints the exercise moves, beside `pose`; {sets}",
        ]
    else:
        others = [f"`{{pose: {p.name}}}`: {p.words}" for p in NAMED_POSES if p.base == name]
        notes = [f"{name}; set only the joints the exercise moves, beside `base`"]
        notes += [f"or start from a named pose on it: {'; '.join(others)}"] if others else []
    return [
        (f"view: {figure['view']}", []),
        (f"start: {{{how}: {name}}}", [*notes, _drawn(guide)]),
        (
            f"# end: {FILL_IN}",
            ["optional: where the movement ends (only the joints that change), drawn dashed"],
        ),
        (f"# mark: [{FILL_IN}]", ["optional: the muscles or areas to hatch (their slugs)"]),
    ]
