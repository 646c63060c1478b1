"""What a figure stands or leans on, measured: a forearm on the floor, a foot on a step's edge."""

import math

import pytest

from limber.figures import figure_svg, validate_figure
from limber.figures.contact import rested
from limber.figures.furniture import BOARD
from limber.figures.hidden import inside, polygon
from limber.figures.scene import compose
from limber.figures.skeleton import RADIUS, H
from limber.figures.step import step_span
from limber.figures.support import SEAT_HEIGHT
from limber.figures.svg import SIZES, fit_box
from limber.load.source_docs import parse_doc
from limber.load.yaml_reader import parse_yaml
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


# --- standing on a step -----------------------------------------------------------------------

CALF_ON_STEP = (
    "side: right\nprops: [step]\nrest: [{near.toes: step}, {far.foot: step}]\n"
    "start:\n  base: standing\n  left: {hip: 35, knee: 50, ankle: 15}\n  right: {hip: -12, ankle: 30}"
)


@pytest.mark.parametrize(
    "figure",
    [figure_of(CALF_ON_STEP), exercise_figure("calf-stretch-on-step")],
    ids=["inline", "calf-stretch-on-step"],
)
def test_the_ball_of_the_foot_stands_on_the_step_and_the_heel_sinks_below_its_edge(figure):
    skeleton = rested(figure).skeleton
    back, front, top = step_span(figure, skeleton)
    px = pixel(figure)
    p = skeleton.points

    assert top > 0  # a step, above the floor
    assert lowest(skeleton, "right", "leg", 3) == pytest.approx(top, abs=px)  # the ball on the step
    assert back <= p["right.toes"][0] <= front  # ... over it, not past its edge
    assert lowest(skeleton, "right", "leg", 2) < top - 2 * px  # the heel below the step's top
    assert p["right.heel"][0] + RADIUS["heel"] * H < back  # ... and behind its edge, off the step
    assert min(lowest(skeleton, "left", "leg", i) for i in (2, 3)) == pytest.approx(
        top, abs=px
    )  # the other foot
    assert back < p["left.heel"][0] < p["left.toes"][0] < front


def test_the_step_is_drawn_under_the_feet_from_its_edge():
    figure = figure_of(CALF_ON_STEP)
    back, front, top = step_span(figure, rested(figure).skeleton)

    boxes = [i for i in compose(figure).items if i.role == "prop" and i.closed and len(i.points) == 4]

    # the figure faces right (side: right), so the drawing is as posed
    assert [sorted(b.points) for b in boxes] == [
        sorted([(back, 0.0), (back, top), (front, top), (front, 0.0)])
    ]


@pytest.mark.parametrize(
    ("text", "key", "message"),
    [
        (
            "props: [step]\nrest: [{pelvis: step}]\nstart: {base: standing}",
            ("rest", 0, "pelvis"),
            "a step goes under the foot, heel or toes, not 'pelvis'",
        ),
        (
            "rest: [{near.toes: step}]\nstart: {base: standing}",
            ("rest", 0, "near.toes"),
            "'near.toes' rests on a step: add step to `props`",
        ),
        (
            "props: [mat, step]\nstart: {base: standing}",
            ("props", 1),
            "nothing rests on the step; add the foot on it to `rest`, e.g. [{near.toes: step}, {far.foot: step}]",
        ),
        (
            "props: [{step: near.foot}]\nstart: {base: standing}",
            ("props", 0, "step"),
            "'step' takes no anchor, got 1",
        ),
    ],
)
def test_a_step_is_checked_like_the_other_props(text, key, message):
    raw, _ = parse_yaml(text)

    figure, problems = validate_figure(raw)

    assert figure is None
    assert [(p.key, p.code, p.message) for p in problems] == [
        (key, "bad-rest" if key[0] == "rest" or key == ("props", 1) else "bad-figure", message)
    ]


def test_a_foot_that_goes_into_the_step_is_reported_at_the_step():
    beside = CALF_ON_STEP.replace(
        "left: {hip: 35, knee: 50, ankle: 15}", "left: {hip: 20, knee: 50, ankle: 30}"
    )
    raw, _ = parse_yaml(beside)  # the other foot beside it: the step's edge goes back under the heel

    _, problems = validate_figure(raw)

    assert [(p.key, p.code) for p in problems] == [(("props", 0), "figure-sinks")]
    assert problems[0].message == (
        "the right heel is 6 cm inside the step; only what rests on it stands on its top: "
        "move that foot back off its edge, or forward onto it"
    )


# --- a massage ball between the back and the wall ---------------------------------------------


def test_the_massage_ball_is_large_strongly_tinted_and_pressed_between_back_and_wall():
    figure = exercise_figure("ball-release-shoulder-blades")
    items = compose(figure).items
    px = pixel(figure)

    (ball,) = [i for i in items if i.role == "ball"]
    lines = [i.points for i in items if i.role == "prop" and not i.closed and len(i.points) == 2]
    wall = max(lines, key=lambda p: abs(p[1][1] - p[0][1]))[0][0]  # the tallest line: the wall
    back = rested(figure).skeleton.bone("trunk").local(0.78, -1)  # the upper back, where it sits
    svg = figure_svg(figure, title="Ball", size="full")

    assert ball.radius >= 5 * px  # 10 px across at full size, not a speck
    assert ball.center[0] - ball.radius == pytest.approx(wall, abs=px)  # the ball touches the wall
    assert math.dist(ball.center, back) == pytest.approx(ball.radius, abs=px)  # against the back
    # Filled with the text colour at almost half strength: dark on light paper, light on dark.
    assert '<path fill="currentColor" fill-opacity="0.45" stroke="none" d="' in svg


# --- a rail or a chair's back held in the hand -------------------------------------------------


@pytest.mark.parametrize("slug", ["calf-stretch-on-step", "step-up"])
def test_a_handrail_runs_through_the_hand_that_holds_it_rising_ahead_from_a_post(slug):
    figure = exercise_figure(slug)

    items = compose(figure).items

    (rail,) = [i for i in items if i.role == "prop-tint"]
    hand = rested(figure).skeleton.points["left.hand"]  # the far hand: side right
    assert inside(hand, polygon(rail.points))
    low, high = min(rail.points), max(rail.points)
    assert 20 < math.degrees(math.atan2(high[1] - low[1], high[0] - low[0])) < 40  # a stair's pitch
    assert high[0] > hand[0] > low[0]  # it rises ahead, where the figure faces
    posts = [i for i in items if i.role == "prop" and not i.closed and min(y for _, y in i.points) == 0]
    assert any(abs(max(y for _, y in p.points) - low[1]) < 0.02 * H for p in posts)


@pytest.mark.parametrize("slug", ["heel-raises", "mini-squat", "single-leg-stand"])
def test_hands_standing_behind_a_chair_rest_on_the_top_of_its_back_the_seat_beyond(slug):
    figure = exercise_figure(slug)
    skeleton = rested(figure).skeleton

    items = compose(figure).items

    hand = skeleton.points["right.hand"]
    backs = [
        i
        for i in items
        if i.role == "prop" and len(i.points) == 4 and _height(i) > 0.15 * H and _width(i) < 0.03 * H
    ]
    (back,) = backs
    top = max(y for _, y in back.points)
    assert abs(hand[1] - RADIUS["wrist"] * H - top) < pixel(figure)  # the hand on its top
    assert min(x for x, _ in back.points) <= hand[0] <= max(x for x, _ in back.points)
    seats = [i for i in items if i.role == "prop" and len(i.points) == 4 and _width(i) > 0.15 * H]
    assert [round(min(y for _, y in s.points) + BOARD * H, 6) for s in seats] == [SEAT_HEIGHT * H]
    assert min(x for x, _ in seats[0].points) >= min(x for x, _ in back.points)  # beyond the back


def _height(item):
    return max(y for _, y in item.points) - min(y for _, y in item.points)


def _width(item):
    return max(x for x, _ in item.points) - min(x for x, _ in item.points)


@pytest.mark.parametrize("slug", ["belly-breathing", "glute-bridge", "pelvic-tilt", "heel-slide", "curl-up"])
def test_arms_resting_by_the_sides_of_a_body_lying_on_its_back_lie_on_the_mat(slug):
    figure = exercise_figure(slug)

    skeleton = rested(figure).skeleton

    arm = next(c for c in skeleton.chains if c.limb == "arm" and c.side == figure.near)
    lowest = [y - r for (_, y), r in zip(arm.points[1:3], arm.radii[1:3], strict=True)]  # elbow, wrist
    assert max(lowest) < 0.01 * H, lowest  # they had floated 4 to 8 cm above it


def test_a_heel_sliding_toward_the_body_has_its_arrow_over_the_foot_pointing_to_the_head():
    figure = exercise_figure("heel-slide")
    skeleton = rested(figure).skeleton

    (arrow,) = [i for i in compose(figure).items if i.role == "arrow"]

    foot, head = skeleton.points["right.foot"], skeleton.head[0]
    start, end = arrow.points[0], arrow.points[-1]
    assert abs(start[0] - foot[0]) < 0.1 * H and start[1] > foot[1]  # over the foot, not the belly
    assert abs(end[0] - head[0]) < abs(start[0] - head[0])  # toward the head


def test_a_hand_on_a_chair_seat_rests_near_its_front_edge_so_standing_up_clears_the_chair():
    figure = exercise_figure("getting-up-from-the-floor")
    hand = rested(figure).skeleton.points["right.hand"]

    items = compose(figure).items

    seat = next(
        i
        for i in items
        if i.role == "prop"
        and len(i.points) == 4
        and _width(i) > 0.15 * H
        and _height(i) < 0.05 * H
        and min(y for _, y in i.points) > 0
    )
    front = min(x for x, _ in seat.points)
    assert 0 < hand[0] - front < 0.06 * H
    stood = rested(figure, "end").skeleton
    legs = ("right.knee", "right.shin", "left.knee", "left.shin")
    assert max(stood.points[p][0] for p in legs) < front  # standing, the legs are clear of its front edge


def test_the_groin_stretch_brings_the_soles_together_on_the_mat_with_the_knees_out_to_the_sides():
    skeleton = rested(exercise_figure("seated-groin-stretch")).skeleton
    p = skeleton.points

    for side in ("left", "right"):
        assert abs(p[f"{side}.ankle"][0]) < 0.04 * H  # the feet meet in the middle (they were up by the arms)
        foot = min(p[f"{side}.heel"][1] - RADIUS["heel"] * H, p[f"{side}.toes"][1] - RADIUS["toes"] * H)
        assert foot < 0.01 * H  # on the mat
        assert abs(p[f"{side}.knee"][0]) > abs(p[f"{side}.hip"][0]) + 0.08 * H  # the knees out
        assert p[f"{side}.knee"][1] < p[f"{side}.hip"][1]  # and falling toward the floor


def test_pigeon_stays_up_on_its_hands_with_the_front_shin_across_toward_the_other_hip():
    skeleton = rested(exercise_figure("pigeon-pose")).skeleton
    arms = [c for c in skeleton.chains if c.limb == "arm"]

    assert all(min(y - r for (_, y), r in zip(c.points, c.radii, strict=True)) < 0.01 * H for c in arms)
    assert skeleton.points["right.ankle"][0] > 0  # past the middle, toward the left hip
