"""Sequences of positions: an arrow from each to the next, or numbered close-ups in turn."""

import itertools
import math

import pytest

from limber.figures import alt_text
from limber.figures.contact import rested
from limber.figures.geometry import segments_cross
from limber.figures.panels import still
from limber.figures.scene import compose
from limber.figures.svg import SIZES, fit_box
from tests.unit.test_figures_supports import exercise_figure, figure_of

YTW = (
    "view: back\nprops: [mat]\nstart: {base: lying-front, left: {shoulder: 140}, right: {shoulder: 140}}\n"
    "end: {left: {shoulder: 90}, right: {shoulder: 90}}\n"
    "then: [{left: {shoulder: 60, elbow: 60}, right: {shoulder: 60, elbow: 60}}]\narrow: []"
)
SHAPES = ["open", "hook", "fist", "tabletop", "straight-fist"]


def shafts(figure):
    return [i for i in compose(figure).items if i.role == "arrow"]


@pytest.mark.parametrize(
    "figure", [figure_of(YTW), exercise_figure("prone-ytw")], ids=["inline", "prone-ytw"]
)
def test_a_sequence_has_an_arrow_from_each_position_to_the_next(figure):
    poses = figure.poses()
    skeletons = [rested(figure, which).skeleton for which in poses]

    arrows = shafts(figure)

    assert len(arrows) == len(poses) - 1 == 2
    for arrow, before, after in zip(arrows, skeletons, skeletons[1:], strict=False):
        start, end = arrow.points[0], arrow.points[-1]
        # each leads away from a part where it was, toward where it goes (the drawing is mirrored:
        # the back view), so its end is nearer the later position than its start is
        moved = max(("right.hand", "right.elbow"), key=lambda k: math.dist(before.points[k], after.points[k]))
        there = after.points[moved]
        there = (-there[0], there[1])
        assert math.dist(end, there) < math.dist(start, there)


@pytest.mark.parametrize(
    "figure", [figure_of(YTW), exercise_figure("prone-ytw")], ids=["inline", "prone-ytw"]
)
def test_each_arrow_of_a_sequence_is_long_enough_to_read_and_clear_of_every_outline(figure):
    scene = compose(figure)
    px = SIZES["full"][0] / fit_box(scene.box, *SIZES["full"], 4.0)[2]
    outlines = [i for i in scene.items if i.role in ("body", "ghost") and len(i.points) > 2]

    arrows = [i for i in scene.items if i.role == "arrow"]

    for arrow in arrows:  # Y to T, then T to W: a short one (15 px) crossed three dashed arms
        assert sum(math.dist(a, b) for a, b in itertools.pairwise(arrow.points)) * px >= 24
        for outline in outlines:
            edges = itertools.pairwise((*outline.points, outline.points[0]))
            steps = list(itertools.pairwise(arrow.points))
            assert not any(segments_cross(a, b, c, d) for (a, b), (c, d) in itertools.product(edges, steps))


def test_a_sequence_without_then_keeps_its_movement_arrows_and_only_those():
    one = figure_of(
        YTW.replace("\nthen: [{left: {shoulder: 60, elbow: 60}, right: {shoulder: 60, elbow: 60}}]", "")
    )
    auto = figure_of(YTW.replace("\narrow: []", ""))

    assert shafts(one) == []  # `arrow: []`, and no sequence
    assert len(shafts(auto)) == 2  # a sequence draws its order, not the start-to-end arrows too


def test_the_tendon_glides_show_five_hand_shapes_in_numbered_close_ups_in_the_order_of_the_steps():
    figure = exercise_figure("tendon-glides")
    items = compose(figure).items

    frames = [i for i in items if i.role == "prop" and len(i.points) == 5 and i.points[0] == i.points[-1]]
    labels = [i for i in items if i.role == "label"]
    shapes = [figure.hands(which)["right.hand"] for which in figure.poses()]
    tips = []
    for which in figure.poses():
        arm = next(
            c for c in rested(still(figure, which)).skeleton.chains if c.side == "right" and c.limb == "arm"
        )
        tips.append(math.dist(arm.points[2], arm.points[-1]))  # wrist to fingertips

    assert shapes == SHAPES  # straight hand, hook, full fist, tabletop, straight fist
    assert len(frames) == 5
    corners = [(-max(y for _, y in f.points), min(x for x, _ in f.points)) for f in frames]
    assert corners == sorted(corners)  # row by row, left to right: the order of the steps
    assert len({round(t, 1) for t in tips}) == 5  # five different shapes
    assert tips[0] == max(tips)  # the straight hand reaches furthest
    assert sorted(tips)[:2] == sorted([tips[2], tips[4]])  # the two fists curl in most
    assert len(labels) == 6  # 1, 2, 3 (two strokes), 4 and 5 under the pictures
    assert "in 5 numbered pictures, one for each position in turn" in alt_text(figure)
    assert "They go in a hook fist; then in a full fist; then in a tabletop" in alt_text(figure)
