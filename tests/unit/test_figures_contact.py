"""Figures rest on what holds them: the floor, a seat, a roller; `check` names what floats or tangles."""

import pytest

from limber.cli import main
from limber.figures import alt_text, figure_svg, starting_figure, validate_figure
from limber.figures.bases import NAMED_POSES
from limber.figures.contact import rested
from limber.figures.furniture import on_floor
from limber.figures.outline import trunk_outline
from limber.figures.scene import compose
from limber.figures.skeleton import RADIUS, H
from limber.figures.support import TOUCH
from limber.load.yaml_reader import parse_yaml
from tests.conftest import copy_project

EXERCISE = "content/exercises/chin-tuck.md"


def figure_of(text):
    raw, _ = parse_yaml(text)
    figure, problems = validate_figure(raw)
    assert problems == [], problems
    return figure


def back_line(skeleton, lo, hi):
    """The lowest point of the back between two places along the trunk (0 hips, 1 shoulders)."""
    trunk = skeleton.bone("trunk")
    return min(trunk.local(lo + (hi - lo) * i / 10, -1)[1] for i in range(11))


@pytest.mark.parametrize("lean", [-90, -80, -100])
def test_a_lying_figure_rests_its_hips_and_shoulder_blades_on_the_floor(lean):
    figure = figure_of(f"start: {{base: lying-back, trunk: {lean}, spine: 10, neck: 10}}\nprops: [mat]")

    skeleton = rested(figure).skeleton

    assert back_line(skeleton, -0.12, 0.3) == pytest.approx(0, abs=TOUCH)  # under a pixel
    assert back_line(skeleton, 0.6, 1.0) == pytest.approx(0, abs=TOUCH)
    center, radius = skeleton.head
    assert center[1] - radius == pytest.approx(0, abs=TOUCH)  # the head rests too


def test_hips_on_the_mat_and_a_roller_under_the_mid_back_set_the_lean_of_the_trunk():
    figure = figure_of(
        "props: [mat, foam-roller]\nrest: [pelvis, {mid-back: foam-roller}, feet]\n"
        "start: {base: lying-back, trunk: -40, left: {hip: 45, knee: 105}, right: {hip: 45, knee: 105}}"
    )

    skeleton = rested(figure).skeleton

    trunk = skeleton.bone("trunk")
    assert back_line(skeleton, -0.12, 0.1) == pytest.approx(0, abs=TOUCH)  # the hips on the mat
    roller_top = 2 * 0.045 * H
    assert trunk.local(0.6, -1)[1] == pytest.approx(roller_top, abs=1.5)  # the back on the roller
    for side in ("left", "right"):
        heel = skeleton.points[f"{side}.heel"][1] - 0.022 * H
        toes = skeleton.points[f"{side}.toes"][1] - 0.012 * H
        assert min(heel, toes) == pytest.approx(0, abs=TOUCH)  # the feet on the mat


@pytest.mark.parametrize("view", ["side", "front"])
def test_a_seated_pelvis_is_on_the_seat_and_the_feet_on_the_floor(view):
    figure = figure_of(f"view: {view}\nstart: {{base: seated}}")
    skeleton = rested(figure).skeleton

    seat = on_floor(figure, skeleton, (-50.0, 0.0, 50.0, 100.0))[0]  # the seat board, drawn first
    seat_top = max(y for _, y in seat.points)

    bottom = min(y for _, y in trunk_outline(skeleton.bone("trunk")))  # the drawn pelvis
    thighs = min(skeleton.points[f"{s}.hip"][1] - RADIUS["hip"] * H for s in ("left", "right"))
    assert min(bottom, thighs) == pytest.approx(seat_top, abs=TOUCH)
    assert min(skeleton.points[f"{s}.heel"][1] for s in ("left", "right")) > 0


def check_with_figure(tmp_path, capsys, figure_yaml):
    project = copy_project(tmp_path / "project")
    path = project / EXERCISE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("level: beginner", f"level: beginner\n{figure_yaml}", 1), encoding="utf-8")

    code = main(["check", "--project", str(project)])

    lines = path.read_text(encoding="utf-8").split("\n")
    return code, capsys.readouterr().err.splitlines(), lines


def test_a_foot_that_cannot_reach_the_floor_is_an_error_at_its_rest_line(tmp_path, capsys):
    figure = "figure:\n  rest: [feet]\n  start:\n    base: standing\n    right: {hip: 20, knee: 120}\n"

    code, found, lines = check_with_figure(tmp_path, capsys, figure)

    line = lines.index("  rest: [feet]") + 1
    assert code == 1
    assert found[0].startswith(
        f"{EXERCISE}:{line}: error[figure-floats]: the right foot should rest on the floor"
    )
    assert "cm above it" in found[0]


def test_an_arm_through_the_leg_is_an_error_at_the_figure_line(tmp_path, capsys):
    figure = (
        "figure:\n  side: right\n  start:\n    base: seated\n"
        "    right: {shoulder: 10, elbow: 20, hip: 95, knee: 45}\n"
    )

    code, found, lines = check_with_figure(tmp_path, capsys, figure)

    line = lines.index("figure:") + 1
    assert code == 1
    assert found[0] == (
        f"{EXERCISE}:{line}: error[figure-tangles]: the right arm (elbow to wrist) passes through the right "
        "leg (hip to knee); move one of them, or say what the hand holds in `hold`"
    )


def test_a_hand_that_holds_the_thigh_reaches_it_and_is_no_tangle():
    figure = figure_of(
        "side: right\nhold: {near.hand: near.thigh}\n"
        "start: {base: seated, right: {shoulder: 10, elbow: 20, hip: 95, knee: 45}}"
    )

    skeleton = rested(figure).skeleton

    hand, thigh = skeleton.points["right.hand"], skeleton.points["right.thigh"]
    assert abs(hand[0] - thigh[0]) < TOUCH and abs(hand[1] - thigh[1]) < TOUCH


def test_a_limb_part_below_the_floor_is_rested_on_it_not_sunk():
    figure = figure_of("start: {base: lying-back, left: {hip: -20}, right: {hip: -20}}")

    skeleton = rested(figure).skeleton

    for side in ("left", "right"):
        assert skeleton.points[f"{side}.heel"][1] - 0.022 * H >= -TOUCH


# --- hands and forearms ---------------------------------------------------------------------


def right_hand(text):
    figure = figure_of(text)
    skeleton = rested(figure).skeleton
    arm = next(c for c in skeleton.chains if c.side == "right" and c.limb == "arm")
    return figure, skeleton, arm


ARM_OUT = "side: right\nstart: {base: seated, right: {shoulder: 90, elbow: 0, wrist: 60%s}}"


@pytest.mark.parametrize("shape", ["hook", "fist", "tabletop", "straight-fist", "grip"])
def test_a_hand_shape_bends_the_fingers_and_is_drawn(shape):
    _, _, open_arm = right_hand(ARM_OUT % "")
    figure, _, arm = right_hand(ARM_OUT % f", hand: {shape}")

    wrist = arm.points[2]
    reach = max(abs(x - wrist[0]) for x, _ in arm.points[3:])
    open_reach = abs(open_arm.points[3][0] - open_arm.points[2][0])
    assert len(arm.points) > len(open_arm.points)  # knuckles and finger joints
    assert reach < open_reach  # bent fingers reach less far than straight ones
    assert figure_svg(figure, title="t") != figure_svg(figure_of(ARM_OUT % ""), title="t")


def test_the_five_tendon_glide_shapes_are_five_different_hands():
    tips = {}
    for shape in ("open", "hook", "fist", "tabletop", "straight-fist"):
        _, _, arm = right_hand(ARM_OUT % f", hand: {shape}")
        tips[shape] = tuple(round(c, 1) for p in arm.points[3:] for c in p)

    assert len(set(tips.values())) == 5


def test_turning_the_palm_down_bends_the_wrist_the_other_way_and_moves_the_forearm_marks():
    _, up, _ = right_hand(ARM_OUT % ", palm: up")
    _, down, _ = right_hand(ARM_OUT % ", palm: down")

    def hand_below_wrist(skeleton):
        return skeleton.points["right.hand"][1] - skeleton.points["right.wrist"][1]

    assert hand_below_wrist(up) > 0  # bending toward the palm lifts a palm-up hand
    assert hand_below_wrist(down) < 0  # ... and drops a palm-down one
    flexors_up = figure_svg(figure_of(ARM_OUT % ", palm: up" + "\nmark: [wrist-flexors]"), title="t")
    flexors_down = figure_svg(figure_of(ARM_OUT % ", palm: down" + "\nmark: [wrist-flexors]"), title="t")
    assert flexors_up != flexors_down
    assert up.thumbs and not down.thumbs  # a palm-up thumb faces the viewer; palm down, it is hidden


def test_the_alt_text_names_the_hand_shape_and_palm():
    figure = figure_of(ARM_OUT % ", hand: tabletop, palm: down")

    assert "The right hand is in a tabletop, knuckles bent and fingers straight, with the palm down." in (
        alt_text(figure)
    )


def test_an_unknown_hand_shape_lists_the_shapes():
    raw, _ = parse_yaml("start: {base: seated, right: {hand: claw}}")
    _, problems = validate_figure(raw)

    assert [(p.key, p.code) for p in problems] == [(("start", "right", "hand"), "bad-figure")]
    assert "use one of: open, flat, hook, fist, tabletop, straight-fist, grip" in problems[0].message


# --- readable from every view -----------------------------------------------------------------


@pytest.mark.parametrize("view", ["front", "back"])
def test_a_seated_figure_seen_from_the_front_sits_on_a_seat_that_reaches_its_knees(view):
    figure = figure_of(f"view: {view}\nstart: {{base: seated}}")
    skeleton = rested(figure).skeleton
    seat = on_floor(figure, skeleton, (-50.0, 0.0, 50.0, 100.0))[0]  # the seat's top, seen from above

    back_edge = max(y for _, y in seat.points)
    front_edge = min(y for _, y in seat.points)
    knees = [skeleton.points[f"{s}.knee"] for s in ("left", "right")]
    thighs = min(skeleton.points[f"{s}.hip"][1] - RADIUS["hip"] * H for s in ("left", "right"))
    bottom = min(y for _, y in trunk_outline(skeleton.bone("trunk")))

    assert back_edge == pytest.approx(min(thighs, bottom), abs=TOUCH)  # the pelvis on the seat
    assert all(front_edge < y < back_edge for _, y in knees)  # the thighs lie along it, toward you
    caps = [item for item in compose(figure).items if item.center is not None and item.role == "body"]
    assert len(caps) >= 2  # the knees, coming toward you, show as round caps (and the head)


def test_a_standing_figure_seen_from_the_front_shows_no_knee_caps():
    figure = figure_of("view: front\nstart: {base: standing}")

    circles = [item for item in compose(figure).items if item.center is not None and item.role == "body"]

    assert len(circles) == 1  # the head only


# --- named poses --------------------------------------------------------------------------------


@pytest.mark.parametrize("named", NAMED_POSES, ids=lambda n: n.name)
def test_every_named_pose_renders_and_rests_without_a_problem(named):
    raw, _ = parse_yaml(f"view: {named.view}\nstart: {{pose: {named.name}}}")
    figure, problems = validate_figure(raw)

    assert problems == [] and figure.base == named.base
    assert figure_svg(figure, title=named.words).startswith("<svg")


def test_a_named_pose_plus_one_joint_keeps_the_rest_of_the_pose():
    changed = figure_of("start: {pose: knee-to-chest, right: {hip: 120}}")
    plain = figure_of("start: {pose: knee-to-chest}")

    assert changed.angles()["right.hip"] == 120 and plain.angles()["right.hip"] == 110
    assert changed.angles()["right.knee"] == plain.angles()["right.knee"] == 130
    hand, knee = (rested(changed).skeleton.points[p] for p in ("right.hand", "right.knee"))
    assert abs(hand[0] - knee[0]) < TOUCH and abs(hand[1] - knee[1]) < TOUCH  # still held


def test_an_unknown_named_pose_lists_the_poses():
    raw, _ = parse_yaml("start: {pose: downward-dog}")
    _, problems = validate_figure(raw)

    assert problems[0].key == ("start", "pose")
    assert "use one of: all-fours, kneeling-lunge, knees-bent, knee-to-chest" in problems[0].message


def test_a_new_exercise_starts_from_the_named_pose_of_its_position():
    assert starting_figure("lying-back") == {"view": "side", "start": {"pose": "knees-bent"}}
    assert starting_figure("side-lying") == {"view": "front", "start": {"pose": "side-lying"}}
    assert starting_figure("standing") == {"view": "side", "start": {"base": "standing"}}


# --- sequences ----------------------------------------------------------------------------------


def test_then_draws_each_further_position_dashed_and_checks_each():
    figure = figure_of(
        "view: back\nstart: {base: lying-front, left: {shoulder: 140}, right: {shoulder: 140}}\n"
        "end: {left: {shoulder: 90}, right: {shoulder: 90}}\n"
        "then: [{left: {shoulder: 60, elbow: 60}, right: {shoulder: 60, elbow: 60}}]\narrow: []"
    )
    one = figure_of(
        "view: back\nstart: {base: lying-front, left: {shoulder: 140}, right: {shoulder: 140}}\n"
        "end: {left: {shoulder: 90}, right: {shoulder: 90}}\narrow: []"
    )

    ghosts = [i for i in compose(figure).items if i.role == "ghost"]
    assert len(ghosts) > len([i for i in compose(one).items if i.role == "ghost"])
    assert figure.poses() == ("start", "end", "then.0")
    assert "Dashed outlines show the next 2 positions, in turn, and arrows lead from each to the next." in (
        alt_text(figure)
    )


def test_a_later_pose_that_floats_is_reported_at_its_place_in_then(tmp_path, capsys):
    figure = (
        "figure:\n  start:\n    base: standing\n  end: {left: {hip: 10}}\n  then:\n"
        "    - rest: [feet]\n      right: {hip: 20, knee: 120}\n"
    )

    code, found, lines = check_with_figure(tmp_path, capsys, figure)

    line = lines.index("    - rest: [feet]") + 1
    assert code == 1
    assert found[0].startswith(f"{EXERCISE}:{line}: error[figure-floats]: the right foot should rest")


def test_standing_up_keeps_the_feet_where_they_were():
    figure = figure_of(
        "start: {base: seated, trunk: 30, left: {hip: 120, knee: 100}, right: {hip: 120, knee: 100}}\n"
        "end: {stay: feet, rest: [feet], trunk: 4, left: {hip: 6, knee: 4}, right: {hip: 6, knee: 4}}"
    )
    sitting, standing = rested(figure).skeleton, rested(figure, "end").skeleton

    for side in ("left", "right"):
        assert standing.points[f"{side}.foot"][0] == pytest.approx(
            sitting.points[f"{side}.foot"][0], abs=0.01
        )
    assert standing.points["pelvis"][0] > sitting.points["pelvis"][0] + 0.1 * H  # over the feet


def test_an_end_pose_the_view_cannot_show_is_a_warning_at_the_end():
    raw, _ = parse_yaml("start: {base: standing}\nend: {neck: 1}")
    figure, problems = validate_figure(raw)

    assert figure is not None  # a warning: the figure is still drawn
    assert [(p.key, p.code, p.severity.value) for p in problems] == [
        (("end",), "view-hides-movement", "warning")
    ]
    assert problems[0].message.startswith("the end pose looks the same as the start in the side view")


def test_a_turn_of_the_chest_is_shown_by_its_arrow_and_is_no_warning():
    raw, _ = parse_yaml("view: front\nstart: {base: standing}\nend: {trunk_twist: -25}")

    assert validate_figure(raw)[1] == []


def test_zoom_closes_in_on_the_hand_so_its_shape_shows_large():
    text = "side: right\nstart: {base: seated, right: {shoulder: 10, elbow: 100, hand: fist}}"
    whole, close = compose(figure_of(text)).box, compose(figure_of(text + "\nzoom: near.hand")).box

    assert (close[3] - close[1]) < 0.5 * (whole[3] - whole[1])  # under half the height: drawn larger
    assert "The picture shows the right hand close up." in alt_text(figure_of(text + "\nzoom: near.hand"))
