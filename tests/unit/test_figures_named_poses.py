"""The named poses as drawn: what each one shows is what its words say."""

from limber.figures import validate_figure
from limber.figures.contact import rested
from limber.figures.figure import PropUse
from limber.figures.scene import compose
from limber.figures.svg import SIZES, fit_box
from limber.yaml_reader import parse_yaml


def figure_of(text):
    raw, _ = parse_yaml(text)
    figure, problems = validate_figure(raw)
    assert problems == [], problems
    return figure


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


def test_hands_on_wall_sets_both_palms_flat_on_the_wall_it_carries():
    figure = figure_of("start: {pose: hands-on-wall}")

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
