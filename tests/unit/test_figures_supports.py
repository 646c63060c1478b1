"""What a figure stands or leans on, measured: a forearm on the floor, a foot on a step's edge."""

import pytest

from limber.content import parse_doc
from limber.figures import validate_figure
from limber.figures.contact import rested
from limber.figures.scene import compose
from limber.figures.svg import SIZES, fit_box
from limber.yaml_reader import parse_yaml
from tests.conftest import ROOT

EXERCISES = ROOT / "content" / "exercises"


def figure_of(text):
    raw, _ = parse_yaml(text)
    figure, problems = validate_figure(raw)
    assert problems == [], problems
    return figure


def exercise_figure(slug):
    path = EXERCISES / f"{slug}.md"
    doc, problems = parse_doc(path.relative_to(ROOT), path.read_bytes(), "exercise")
    assert doc is not None, problems
    figure, problems = validate_figure(doc.meta["figure"], default_base=doc.meta["position"])
    assert problems == [], problems
    return figure


def pixel(figure):
    """One screen pixel of the full-size drawing, in drawing units."""
    width, height = SIZES["full"]
    return fit_box(compose(figure).box, width, height, 4.0)[2] / width


def lowest(skeleton, side, limb, index):
    chain = next(c for c in skeleton.chains if c.side == side and c.limb == limb)
    return chain.points[index][1] - chain.radii[index]


# --- propped on a forearm ---------------------------------------------------------------------

SIDE_PLANK = (
    "view: front\nside: left\nprops: [mat]\nrest: [left.shin, left.forearm]\n"
    "start:\n  base: side-lying\n  trunk: -50\n"
    "  left: {shoulder: 50, elbow: 90, forearm_seen: 30, hip: 0, knee: 0, shin_seen: 20}\n"
    "  right: {shoulder: 5, hip: 0, knee: 0, shin_seen: 20}"
)


@pytest.mark.parametrize(
    "figure",
    [figure_of(SIDE_PLANK), exercise_figure("side-plank-from-knees")],
    ids=["inline", "side-plank-from-knees"],
)
def test_a_side_plank_rests_on_the_forearm_with_the_elbow_under_the_shoulder(figure):
    skeleton = rested(figure).skeleton
    p = skeleton.points
    px = pixel(figure)

    assert lowest(skeleton, "left", "arm", 1) == pytest.approx(0, abs=px)  # the elbow on the floor
    assert lowest(skeleton, "left", "arm", 2) == pytest.approx(0, abs=px)  # ... and the wrist: flat
    assert p["left.elbow"][0] == pytest.approx(p["left.shoulder"][0], abs=px)  # straight under it
    assert p["left.shoulder"][1] > p["left.elbow"][1] + 10  # the upper arm stands up from the floor
    assert min(lowest(skeleton, "left", "leg", i) for i in (1, 2)) == pytest.approx(0, abs=px)


def test_the_body_leans_on_the_arm_instead_of_the_arm_swinging_to_the_floor():
    steep = figure_of(SIDE_PLANK.replace("trunk: -50", "trunk: -70").replace("shoulder: 50", "shoulder: 70"))

    skeleton = rested(steep).skeleton

    p = skeleton.points
    assert p["left.elbow"][0] == pytest.approx(p["left.shoulder"][0], abs=0.5)
    assert rested(steep).angles["trunk"] == pytest.approx(
        rested(figure_of(SIDE_PLANK)).angles["trunk"], abs=1
    )
