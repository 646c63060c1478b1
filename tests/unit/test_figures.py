"""Figures drawn from data: validation messages, human proportions, safe and stable SVG."""

import math
import re
import xml.etree.ElementTree as ET

import pytest
import yaml

from limber.figures import (
    alt_text,
    body_map_svg,
    figure_json_schema,
    figure_svg,
    muscle_map_svg,
    starting_figure,
    validate_figure,
)
from limber.figures.bases import BASES
from limber.figures.pose import pose_skeleton
from limber.figures.regions import AREAS, MUSCLES
from limber.figures.scene import compose
from limber.figures.skeleton import LENGTH, segment_lengths
from limber.figures.spec import FIGURE_KEYS
from limber.figures.support import TOUCH
from limber.load.yaml_reader import parse_yaml
from tests.conftest import FIXTURES, ROOT

SVG = "{http://www.w3.org/2000/svg}"
FIGURE_ELEMENTS = {"svg", "g", "title", "desc", "defs", "pattern", "path", "circle"}
ATTRIBUTES = {
    "xmlns",
    "class",
    "viewBox",
    "width",
    "height",
    "role",
    "aria-labelledby",
    "aria-describedby",
    "id",
    "d",
    "cx",
    "cy",
    "r",
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-dasharray",
    "stroke-linecap",
    "stroke-linejoin",
    "patternUnits",
    "patternTransform",
}  # fmt: skip  (no `opacity`: a see-through group shows as a faint box on 1.25x and 1.75x screens)
FIXTURE_FILES = sorted((FIXTURES / "figures").glob("*.yaml"))
AREA_NAMES = ("neck", "upper-back", "shoulders", "chest", "arms", "core", "lower-back", "hips", "legs")


def problems_of(text):
    raw, _ = parse_yaml(text)
    figure, problems = validate_figure(raw)
    return figure, [(p.key, p.code, p.message) for p in problems]


def figure_of(text):
    figure, problems = problems_of(text)
    assert problems == [], problems
    return figure


def fixture(path):
    data, _ = parse_yaml(path.read_text(encoding="utf-8"))
    return data["title"], figure_of(yaml.safe_dump(data["figure"]))


# --- validation -------------------------------------------------------------------------------


def test_a_knee_that_bends_backwards_is_rejected():
    figure, problems = problems_of("start: {base: standing, left: {knee: -10}}")

    assert figure is None
    assert problems == [
        (
            ("start", "left", "knee"),
            "angle-out-of-range",
            "left knee -10 is out of range: the side view allows 0 to 155 (+ knee bends, − straightens)",
        )
    ]


def test_an_elbow_past_its_range_names_the_allowed_range():
    _, problems = problems_of("view: side\nstart: {base: seated, right: {elbow: 170}}")

    assert problems == [
        (
            ("start", "right", "elbow"),
            "angle-out-of-range",
            "right elbow 170 is out of range: the side view allows 0 to 150 (+ elbow bends, − straightens)",
        )
    ]


def test_the_range_follows_the_view():
    assert figure_of("view: front\nstart: {base: standing, left: {elbow: -90}}") is not None

    _, problems = problems_of("view: side\nstart: {base: standing, left: {elbow: -90}}")

    assert [p[1] for p in problems] == ["angle-out-of-range"]


def test_an_unknown_joint_lists_the_joints_and_suggests_the_closest():
    _, problems = problems_of("start: {base: standing, left: {elbw: 90}}")

    assert problems == [
        (
            ("start", "left", "elbw"),
            "unknown-joint",
            "unknown joint 'elbw' (did you mean 'elbow'?); a side has: shoulder, elbow, wrist, hip, knee, "
            "ankle, arm_seen, forearm_seen, thigh_seen, shin_seen, hand, palm",
        )
    ]


def test_a_limb_joint_written_without_a_side_says_where_it_goes():
    _, problems = problems_of("start: {base: standing, knee: 20}")

    assert problems == [
        (
            ("start", "knee"),
            "unknown-joint",
            "'knee' is set per side: write it under `left:` or `right:` (e.g. right: {knee: 30})",
        )
    ]


def test_an_unknown_prop_lists_the_props():
    _, problems = problems_of("props: [mat, band]\nstart: {base: standing}")

    assert problems == [
        (
            ("props", 1),
            "unknown-prop",
            "unknown prop 'band'; use one of: mat, chair, wall, door-frame, table, towel, resistance-band, "
            "foam-roller, massage-ball, exercise-ball, dumbbell, handrail, step",
        )
    ]


def test_an_unknown_anchor_is_reported_at_its_prop():
    _, problems = problems_of("props: [{foam-roller: upper-bak}]\nstart: {base: lying-back}")

    assert [(key, code) for key, code, _ in problems] == [(("props", 0, "foam-roller"), "unknown-anchor")]
    assert "did you mean 'upper-back'?" in problems[0][2]


def test_an_angle_must_be_a_whole_number():
    _, problems = problems_of("start: {base: standing, neck: '10.5', trunk: yes}")

    assert problems == [
        (("start", "neck"), "not-an-angle", "neck must be a whole number of degrees, got '10.5'"),
        (("start", "trunk"), "not-an-angle", "trunk must be a whole number of degrees, got 'yes'"),
    ]


def test_every_problem_in_a_figure_is_reported_at_once():
    _, problems = problems_of(
        "view: top\nside: middle\npose: {}\nstart: {base: squat}\nprops: chair\nmark: [necks]\narrow: {spin: 1}"
    )

    assert sorted(code for _, code, _ in problems) == sorted(
        [
            "unknown-key",
            "unknown-view",
            "unknown-side",
            "unknown-base",
            "bad-figure",
            "unknown-mark",
            "bad-arrow",
            "unknown-key",
        ]
    )


@pytest.mark.parametrize(
    "raw",
    ["text", 3, [], {"start": []}, {"start": {"base": "standing", "left": 5}}, {"start": {"base": "standing"}, "end": 3},
     {"start": {"base": "standing"}, "props": [{"a": 1, "b": 2}]}, {"start": {"base": "standing"}, "arrow": ["up"]},
     {"start": {"base": "standing"}, "mark": "neck"}, {"start": {"base": "standing"}, "props": [{"towel": [1, 2]}]}],
)  # fmt: skip
def test_odd_shapes_give_problems_never_an_exception(raw):
    figure, problems = validate_figure(raw)

    assert figure is None
    assert problems and all(p.code and p.message for p in problems)


def test_a_muscle_the_view_cannot_show_is_rejected():
    _, problems = problems_of("view: front\nstart: {base: standing}\nmark: [rhomboids]")

    assert problems == [
        (("mark", 0), "mark-hidden", "'rhomboids' cannot be seen in the front view; use view: side or back")
    ]


def test_a_view_the_base_cannot_be_seen_from_is_rejected():
    _, problems = problems_of("view: back\nstart: {base: lying-back}")

    assert problems == [
        (("view",), "view-not-possible", "a figure lying on the back can be seen only from: side, front")
    ]


def test_the_exercise_position_stands_in_for_a_missing_base():
    figure, problems = validate_figure({"start": {"neck": 10}}, default_base="seated")

    assert problems == []
    assert figure.base == "seated"


def test_the_end_pose_keeps_the_start_base():
    _, problems = problems_of("start: {base: standing}\nend: {base: seated}")

    assert problems == [
        (("end", "base"), "unknown-key", "the end pose keeps the start's base; remove `base` here")
    ]


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.stem)
def test_the_sample_figures_are_valid(path):
    title, figure = fixture(path)

    assert figure is not None and title


# --- proportions ------------------------------------------------------------------------------


@pytest.mark.parametrize("view", ["side", "front", "back"])
def test_left_and_right_limbs_are_drawn_with_equal_lengths(view):
    figure = figure_of(
        f"view: {view}\nstart: {{base: standing, left: {{shoulder: 120, elbow: 90, hip: 60, knee: 80}}, "
        "right: {shoulder: -30, elbow: 10, hip: -20}}"
    )
    skeleton = pose_skeleton(figure.angles(), kind=figure.kind, base=figure.base, near=figure.near)

    left, right = segment_lengths(skeleton, "left"), segment_lengths(skeleton, "right")

    for segment in ("upper-arm", "forearm", "thigh", "shank"):
        assert math.isclose(left[segment], right[segment], abs_tol=1e-9)
        assert math.isclose(left[segment], LENGTH[segment], abs_tol=1e-9)  # Drillis and Contini


def test_the_standing_figure_is_one_body_height_tall():
    scene = compose(figure_of("view: front\nstart: {base: standing}"))
    body = [p for item in scene.items if item.role == "body" for p in item.all_points()]

    top = max(y for _, y in body)

    assert 97 < top < 101  # H = 100 units, feet on the floor at 0


def test_every_figure_on_the_floor_touches_it_and_none_sinks_below():
    for base in BASES:
        for view, camera in base.cameras.items():
            if camera != "ground":
                continue
            scene = compose(figure_of(f"view: {view}\nstart: {{base: {base.name}}}"))
            lowest = min(
                y for item in scene.items if item.role in ("body", "far") for _, y in item.all_points()
            )

            assert lowest == pytest.approx(0, abs=TOUCH), (base.name, view)  # under a pixel


def test_marks_go_on_the_described_side_only():
    both = figure_svg(figure_of("view: back\nstart: {base: seated}\nmark: [levator-scapulae]"), title="t")
    one = figure_svg(
        figure_of("view: back\nside: right\nstart: {base: seated}\nmark: [levator-scapulae]"), title="t"
    )

    assert both.count("-hatch)") == 2 * one.count("-hatch)") == 4


def test_side_left_faces_the_other_way():
    def hand_ahead(side):
        figure = figure_of(f"side: {side}\nstart: {{base: standing, {side}: {{shoulder: 90, elbow: 0}}}}")
        skeleton = pose_skeleton(figure.angles(), kind="side", base="standing", near=side)
        return skeleton.points[f"{side}.hand"][0] - skeleton.points[f"{side}.shoulder"][0]

    right = figure_svg(figure_of("side: right\nstart: {base: standing, right: {shoulder: 90}}"), title="t")
    left = figure_svg(figure_of("side: left\nstart: {base: standing, left: {shoulder: 90}}"), title="t")

    assert hand_ahead("right") > 0 and hand_ahead("left") > 0  # both reach forward in their own frame
    assert viewbox_center_x(right) == pytest.approx(-viewbox_center_x(left), abs=0.2)  # drawn mirrored


def viewbox_center_x(svg):
    x, _, w, _ = map(float, re.search(r'viewBox="([^"]+)"', svg).group(1).split())
    return x + w / 2


# --- the SVG ----------------------------------------------------------------------------------


def all_figures():
    out = [fixture(p) for p in FIXTURE_FILES]
    for base in BASES:
        for view in base.cameras:
            out.append((f"{base.name} {view}", figure_of(f"view: {view}\nstart: {{base: {base.name}}}")))
    return out


@pytest.mark.parametrize("size", ["full", "small"])
def test_every_figure_is_safe_svg(size):
    for title, figure in all_figures():
        svg = figure_svg(figure, title=title, size=size)
        root = ET.fromstring(svg)
        ids = {e.get("id") for e in root.iter() if e.get("id")}

        for element in root.iter():
            assert element.tag.removeprefix(SVG) in FIGURE_ELEMENTS, (title, element.tag)
            assert set(element.attrib) <= ATTRIBUTES, (title, element.tag, element.attrib)
            for value in element.attrib.values():
                for ref in re.findall(r"url\(([^)]*)\)", value):
                    assert ref.startswith("#") and ref[1:] in ids, (title, value)
        assert root.get("role") == "img"
        assert root.find(f"{SVG}title").text == title
        assert "script" not in svg and "href" not in svg and "http:" not in svg.replace(SVG[1:-1], "")


def test_each_tint_is_one_path_whose_outlines_all_turn_one_way_so_overlaps_tint_once():
    for title, figure in all_figures():
        root = ET.fromstring(figure_svg(figure, title=title))

        tints = [e for e in root.iter(f"{SVG}path") if e.get("fill-opacity")]
        assert len({e.get("fill-opacity") for e in tints}) == len(tints) > 0, title
        for tint in tints:
            turns = {math.copysign(1, signed_area(outline)) for outline in outlines(tint.get("d"))}
            assert len(turns) == 1, title


def outlines(data):
    """The closed outlines of a path's data (M x y l dx dy ... Z), as absolute points."""
    out = []
    for run in re.findall(r"M[^Z]*Z", data):
        numbers = [float(n) for n in re.findall(r"-?\d*\.?\d+", run)]
        points = [(numbers[0], numbers[1])]
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            points.append((points[-1][0] + dx, points[-1][1] + dy))
        out.append(points)
    return out


def signed_area(points):
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(points, points[1:] + points[:1], strict=True)) / 2


def test_every_base_posture_renders_a_figure_in_its_views():
    for base in BASES:
        for view in base.cameras:
            svg = figure_svg(figure_of(f"view: {view}\nstart: {{base: {base.name}}}"), title=base.name)

            shapes = sum(data.count("M") for data in re.findall(r' d="([^"]+)"', svg))
            assert shapes > 10, (base.name, view)


def test_output_is_deterministic_and_ids_differ_between_figures():
    figures = [fixture(p) for p in FIXTURE_FILES]

    first = [figure_svg(f, title=t) for t, f in figures]
    again = [figure_svg(f, title=t) for t, f in figures]

    assert first == again
    prefixes = {re.search(r'id="([^"]+)-title"', svg).group(1) for svg in first}
    assert len(prefixes) == len(figures)
    assert 'id="card-3-title"' in figure_svg(figures[0][1], title="x", uid="card-3")


def test_the_end_pose_is_dashed_and_an_arrow_shows_the_movement():
    svg = figure_svg(figure_of("start: {base: seated}\nend: {neck: 30}"), title="Nod")

    assert "stroke-dasharray" in svg
    assert svg.count('fill="currentColor" stroke="none"') >= 1  # the arrowhead
    assert "The head bends forward" in svg


def test_a_marked_muscle_is_hatched():
    marked = figure_svg(figure_of("start: {base: seated}\nmark: [neck-extensors]"), title="t", uid="a")
    plain = figure_svg(figure_of("start: {base: seated}"), title="t", uid="a")

    assert 'fill="url(#a-hatch)"' in marked
    assert 'fill="url(#a-hatch)"' not in plain


def test_alt_text_says_the_position_view_and_side():
    figure = figure_of(
        "view: back\nside: right\nprops: [mat]\nstart: {base: seated, neck: -25}\n"
        "arrow: {turn: left, at: head}\nmark: [levator-scapulae]"
    )

    assert alt_text(figure, names={"levator-scapulae": "Levator scapulae"}) == (
        "A person sitting on a chair, seen from behind, with an exercise mat. The head turns to the left. "
        "Marked: Levator scapulae. Shown on the right side."
    )


def test_alt_text_describes_the_movement_from_start_to_end():
    figure = figure_of("side: left\nstart: {base: standing}\nend: {left: {shoulder: 90}}")

    assert alt_text(figure) == (
        "A person standing, seen from the left side. The left arm lifts forward and up. "
        "A dashed outline shows where the movement ends. Shown on the left side."
    )


# --- vocabulary, maps, guide ------------------------------------------------------------------


def taxonomy():
    raw, _ = parse_yaml((ROOT / "content" / "taxonomies.yaml").read_text(encoding="utf-8"))
    return raw


def test_every_vocabulary_muscle_and_area_has_a_shape_on_its_view():
    terms = taxonomy()

    for muscle in terms["muscles"]:
        shape = MUSCLES[muscle["slug"]]
        assert shape.side and shape.face(muscle["view"]), muscle["slug"]
    assert {a["slug"] for a in terms["areas"]} == set(AREAS)


def test_the_body_map_has_one_named_link_per_area():
    links = {a: (f"/guide/areas/{a}/", a.replace("-", " ").capitalize()) for a in AREA_NAMES}

    svg = body_map_svg(links)
    root = ET.fromstring(svg)
    anchors = root.findall(f".//{SVG}a")

    hrefs = [a.get("href") for a in anchors]  # in the order of the map: front, then back
    assert sorted(hrefs) == sorted(f"/guide/areas/{a}/" for a in AREA_NAMES)
    for a in anchors:
        label = links[a.get("href").split("/")[-2]][1]
        assert a.get("aria-label") == label
        assert a.find(f"{SVG}text").text == label  # a visible label inside the link
        assert a.findall(f".//{SVG}path")


def test_the_body_map_escapes_its_links():
    svg = body_map_svg({"neck": ('/a?b=1&c="2"', "Neck & <throat>")})

    assert 'href="/a?b=1&amp;c=&quot;2&quot;"' in svg
    assert ">Neck &amp; &lt;throat&gt;</text>" in svg
    ET.fromstring(svg)


def test_the_muscle_map_hatches_main_muscles_and_dots_the_others():
    muscles = {m["slug"]: (m["view"], tuple(m["areas"])) for m in taxonomy()["muscles"]}
    names = {m["slug"]: m["name"] for m in taxonomy()["muscles"]}

    svg = muscle_map_svg(["levator-scapulae"], ["upper-trapezius"], muscles, names=names, uid="m")
    root = ET.fromstring(svg)

    assert svg.count('fill="url(#m-hatch)"') >= 3  # two sides and the legend
    assert svg.count('fill="url(#m-dots)"') >= 3
    assert [t.text for t in root.iter(f"{SVG}text")] == ["Main muscles", "Also worked"]
    assert root.find(f"{SVG}desc").text == (
        "Main muscles (hatched): Levator scapulae. Also worked (dotted): Upper trapezius."
    )


def test_the_json_schema_accepts_the_sample_figures_and_rejects_a_typo():
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(figure_json_schema())
    validator.check_schema(figure_json_schema())

    for path in FIXTURE_FILES:
        data, _ = parse_yaml(path.read_text(encoding="utf-8"))
        assert list(validator.iter_errors(data["figure"])) == [], path.name
    assert set(figure_json_schema()["properties"]) == set(FIGURE_KEYS)
    assert list(validator.iter_errors({"start": {"base": "standing", "left": {"elbw": 3}}}))


def test_a_starting_figure_is_valid_for_every_position():
    for base in BASES:
        figure, problems = validate_figure(starting_figure(base.name))

        assert problems == [] and figure.base == base.name
