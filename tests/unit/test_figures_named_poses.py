"""The named poses as drawn: what each one shows is what its words say."""

import itertools
import math
import re

import pytest

from limber.figures import figure_svg
from limber.figures.bases import NAMED_POSES
from limber.figures.contact import rested
from limber.figures.figure import PropUse
from limber.figures.geometry import segments_cross
from limber.figures.scene import compose
from limber.figures.support import TOUCH
from limber.figures.svg import SIZES, fit_box
from tests.unit.test_figures_supports import exercise_figure, figure_of


def pixels_per_unit(scene):
    """Screen pixels per drawing unit in the full-size SVG of *scene*."""
    width, height = SIZES["full"]
    return width / fit_box(scene.box, width, height, 4.0)[2]


def wall_x(scene):
    (wall,) = [
        item
        for item in scene.items
        if item.role == "prop" and len(item.points) == 2 and item.points[0][0] == item.points[1][0]
    ]
    return wall.points[0][0]


@pytest.mark.parametrize("slug", ["", "wall-push-up", "standing-calf-stretch"], ids=lambda s: s or "the pose")
def test_hands_on_wall_sets_both_palms_flat_on_the_wall_it_carries(slug):
    figure = exercise_figure(slug) if slug else figure_of("start: {pose: hands-on-wall}")

    scene = compose(figure)

    assert figure.props == (PropUse("wall", ("near.hand",)),)
    skeleton = rested(figure).skeleton
    px = pixels_per_unit(scene)
    for side in ("left", "right"):
        hand = skeleton.bone("hand", side)
        assert hand.p1[1] - hand.p0[1] > 0.08 * 100  # the fingers point up the wall
        assert abs(hand.p1[0] - hand.p0[0]) * px < 1  # the hand lies flat against it
    wrist, tips = skeleton.bone("hand", "right").p0, skeleton.bone("hand", "right").p1
    palm = max(
        x for item in scene.items if item.role == "body" for x, y in item.points if wrist[1] <= y <= tips[1]
    )
    assert abs(wall_x(scene) - palm) * px < 1


def test_hands_on_wall_keeps_a_wall_the_figure_places_itself_and_draws_none_in_a_front_view():
    placed = figure_of("start: {pose: hands-on-wall}\nprops: [{wall: far.hand}]")
    front = figure_of(
        "view: front\nstart: {pose: hands-on-wall, left: {shoulder: 20}, right: {shoulder: 20}}"
    )

    assert placed.props == (PropUse("wall", ("far.hand",)),)
    assert front.props == ()


def test_a_figure_can_turn_the_palms_of_hands_on_wall_back():
    figure = figure_of("start: {pose: hands-on-wall, right: {palm: up}}")

    assert figure.hands() == {"left.palm": "down", "right.palm": "up"}


def stroke_lengths(svg):
    """The length in screen pixels of every open line the SVG strokes (each visible run)."""
    width = float(re.search(r'viewBox="[^ ]+ [^ ]+ ([^ ]+) ', svg)[1])
    px = SIZES["full"][0] / width
    lengths = []
    for data in re.findall(r'<path d="([^"]+)"', svg):
        for run in re.findall(r"M[^MZ]*(?=M|$)", data):
            numbers = [float(n) for n in re.findall(r"-?\d*\.?\d+", run)]
            steps = list(zip(numbers[2::2], numbers[3::2], strict=True))
            lengths.append(sum(math.hypot(dx, dy) for dx, dy in steps) * px)
    return lengths


@pytest.mark.parametrize("named", NAMED_POSES, ids=lambda n: n.name)
def test_no_named_pose_shows_a_stray_dash_of_a_line_peeking_out_from_behind_a_shape(named):
    figure = figure_of(f"view: {named.view}\nstart: {{pose: {named.name}}}")

    svg = figure_svg(figure, title=named.words)

    assert min(stroke_lengths(svg)) >= 2  # pixels


def test_seated_figure_four_draws_the_crossed_shin_whole_with_the_foot_past_the_other_knee():
    figure = figure_of("view: front\nstart: {pose: seated-figure-four}")

    scene = compose(figure)

    skeleton = rested(figure).skeleton
    knee, ankle, toes = (skeleton.points[f"right.{p}"] for p in ("knee", "ankle", "toes"))
    shin = [item for item in scene.items if item.role == "body" and item.closed and len(item.points) > 8]
    crossing = [item for item in shin if _holds(item, ankle) and _holds(item, knee)]
    assert crossing, "the crossed shin is one closed outline from the knee to the foot"
    left_knee = skeleton.points["left.knee"]
    assert toes[0] - left_knee[0] > 0.04 * 100  # the foot shows past the other knee
    assert abs(ankle[1] - left_knee[1]) < 0.06 * 100  # resting at the height of that knee
    hand = skeleton.points["right.hand"]
    assert math.dist(hand, knee) < 0.4  # the hand rests on the crossed knee


def _holds(item, point):
    xs, ys = [p[0] for p in item.points], [p[1] for p in item.points]
    return min(xs) <= point[0] <= max(xs) and min(ys) <= point[1] <= max(ys)


def arms_cross(skeleton):
    left, right = (
        [c.points for c in skeleton.chains if c.limb == "arm" and c.side == s] for s in ("left", "right")
    )
    pairs = itertools.product(itertools.pairwise(left[0]), itertools.pairwise(right[0]))
    return any(segments_cross(a, b, c, d) for (a, b), (c, d) in pairs)


def test_side_lying_rests_the_head_on_the_lower_arm_and_the_top_hand_on_the_floor_arms_apart():
    figure = figure_of("view: front\nstart: {pose: side-lying}")

    skeleton = rested(figure).skeleton

    assert not arms_cross(skeleton)
    (head, radius) = skeleton.head
    lower = next(c for c in skeleton.chains if c.limb == "arm" and c.side == "left")
    assert lower.points[-1][0] > head[0] + radius  # the lower arm reaches past the head, on the floor
    assert all(
        y - r < TOUCH for (_, y), r in zip(lower.points[:3], lower.radii, strict=False)
    )  # elbow, wrist
    under = min(lower.points, key=lambda p: abs(p[0] - head[0]))
    assert head[1] - radius < under[1] + lower.radii[1] + TOUCH  # the head lies on it
    top = next(c for c in skeleton.chains if c.limb == "arm" and c.side == "right")
    assert abs(top.points[-1][1] - top.radii[-1]) < TOUCH  # the top hand on the floor


def test_open_book_reaches_both_arms_toward_you_without_crossing_them():
    figure = exercise_figure("open-book")

    assert not arms_cross(rested(figure).skeleton)
