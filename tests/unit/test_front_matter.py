from pathlib import PurePosixPath

import pytest

from limber.load.front_matter import sentence_case_problem, validate_exercise, validate_routine
from limber.load.source_docs import parse_doc
from limber.load.taxonomies import validate_taxonomies
from tests.conftest import FIXTURES

TAXONOMIES = (FIXTURES / "sites" / "minimal" / "content" / "taxonomies.yaml").read_bytes()


@pytest.fixture(scope="module")
def vocabularies():
    doc, _ = parse_doc(PurePosixPath("content/taxonomies.yaml"), TAXONOMIES, "taxonomies")
    vocabs, problems = validate_taxonomies(doc)
    assert problems == []
    return vocabs


VALID = """
---
title: Pigeon stretch
summary: A stretch.
areas: [neck]
muscles: [upper-trapezius]
equipment: [none]
level: beginner
position: seated
type: stretch
dosage:
  hold: 30
  reps: 2
  sides: each
cues: [Breathe]
cautions: [Stop if dizzy]
---
Body
"""


def messages(make_doc, vocabularies, text, slug="pigeon"):
    _, problems = validate_exercise(make_doc(text, slug), vocabularies)
    return [str(p) for p in problems]


def test_a_valid_exercise_becomes_a_record(make_doc, vocabularies):
    exercise, problems = validate_exercise(make_doc(VALID), vocabularies)

    assert problems == []
    assert exercise.slug == "pigeon"
    assert exercise.dosage.hold == 30 and exercise.dosage.sets == 1
    assert exercise.cues == ("Breathe",)


def test_every_problem_is_reported_with_its_line(make_doc, vocabularies):
    text = (
        VALID.replace("hold: 30", "hold_secs: 30")
        .replace("areas: [neck]", "areas: [upperback]")
        .replace("level: beginner", "level: no")
    )

    assert messages(make_doc, vocabularies, text) == [
        "content/exercises/pigeon.md:4: error[unknown-term]: unknown area 'upperback' in 'areas[1]' (did you mean 'upper-back'?); allowed: neck, upper-back",
        "content/exercises/pigeon.md:7: error[unknown-term]: unknown level 'no' in 'level'; allowed: beginner, intermediate",
        "content/exercises/pigeon.md:11: error[unknown-field]: unknown field 'dosage.hold_secs' (did you mean 'hold'?)",
    ]


def test_a_duration_written_as_minutes_gets_a_seconds_hint(make_doc, vocabularies):
    assert messages(make_doc, vocabularies, VALID.replace("hold: 30", "hold: 1:30")) == [
        "content/exercises/pigeon.md:11: error[wrong-type]: 'dosage.hold' should be a whole number of seconds, got '1:30'; durations are whole seconds: write 90"
    ]


def test_a_boolean_is_not_a_number(make_doc, vocabularies):
    assert messages(make_doc, vocabularies, VALID.replace("reps: 2", "reps: true")) == [
        "content/exercises/pigeon.md:12: error[wrong-type]: 'dosage.reps' should be a whole number, got true"
    ]


def test_missing_required_fields_are_listed(make_doc, vocabularies):
    text = VALID.replace("summary: A stretch.\n", "").replace("  sides: each\n", "")

    assert messages(make_doc, vocabularies, text) == [
        "content/exercises/pigeon.md:1: error[missing-field]: missing required field 'summary'",
        "content/exercises/pigeon.md:9: error[missing-field]: missing required field 'dosage.sides'",
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("hold: 30", "hold: 30\n  time: 60"),
            "content/exercises/pigeon.md:12: error[hold-and-time]: 'dosage' has both 'hold' and 'time'; keep one (hold for held positions, time for continuous work)",
        ),
        (
            ("hold: 30", "hold: 400"),
            "content/exercises/pigeon.md:11: error[out-of-range]: 'dosage.hold' must be between 1 and 300, got 400",
        ),
        (
            ("equipment: [none]", "equipment: [none, chair]"),
            "content/exercises/pigeon.md:6: error[none-with-equipment]: 'equipment' lists 'none' with other equipment; 'none' must stand alone",
        ),
        (
            ("cautions: [Stop if dizzy]\n", ""),
            "content/exercises/pigeon.md:1: error[missing-cautions]: 'cautions' is required for neck exercises: say who should skip it and when to stop",
        ),
        (
            ("cues: [Breathe]", "cues: [" + "x" * 71 + "]"),
            "content/exercises/pigeon.md:14: error[too-long]: 'cues[1]' has 71 characters; at most 70 allowed",
        ),
        (
            ("cues: [Breathe]", "cues: [a, b, c, d]"),
            "content/exercises/pigeon.md:14: error[too-long]: 'cues' has 4 items; at most 3 allowed",
        ),
        (
            ("type: stretch", "type: stretch\nreviewed: 2025-02-30"),
            "content/exercises/pigeon.md:10: error[bad-date]: 'reviewed' is '2025-02-30', not a real date written YYYY-MM-DD",
        ),
        (
            ("type: stretch", "type: stretch\nsecondary_muscles: [upper-trapezius]"),
            "content/exercises/pigeon.md:10: error[muscle-twice]: 'upper-trapezius' is in both 'muscles' and 'secondary_muscles'; keep it in one",
        ),
        (
            ("type: stretch", "type: stretch\nrelated: [pigeon]"),
            "content/exercises/pigeon.md:10: error[self-reference]: 'related' names this exercise itself",
        ),
        (
            ("  sides: each", "  sides: left"),
            "content/exercises/pigeon.md:13: error[unknown-value]: 'dosage.sides' is 'left'; expected one of: each, alternating, both",
        ),
        (
            ("  reps: 2\n", ""),
            "content/exercises/pigeon.md:10: error[missing-field]: missing required field 'dosage.reps' (reps are needed unless 'time' is given)",
        ),
    ],
)
def test_field_rules(make_doc, vocabularies, change, expected):
    assert messages(make_doc, vocabularies, VALID.replace(*change)) == [expected]


def test_time_alone_needs_no_reps(make_doc, vocabularies):
    exercise, problems = validate_exercise(
        make_doc(VALID.replace("  hold: 30\n  reps: 2\n", "  time: 60\n")), vocabularies
    )

    assert problems == []
    assert exercise.dosage.time == 60 and exercise.dosage.reps is None


def test_reviewed_date_stays_a_string_quoted_or_not(make_doc, vocabularies):
    for written in ("2026-11-24", '"2026-11-24"'):
        exercise, _ = validate_exercise(
            make_doc(VALID.replace("type: stretch", f"type: stretch\nreviewed: {written}")), vocabularies
        )
        assert exercise.reviewed == "2026-11-24"


def test_bad_file_name_suggests_a_slug(make_doc, vocabularies):
    assert messages(make_doc, vocabularies, VALID, slug="Pigeon_Pose") == [
        "content/exercises/Pigeon_Pose.md:1: error[bad-slug]: file name 'Pigeon_Pose' is not a slug: use lowercase letters, digits and single hyphens (rename it to 'pigeon-pose.md')"
    ]


def test_style_problems_are_warnings_not_errors(make_doc, vocabularies):
    text = VALID.replace("title: Pigeon stretch", "title: Pigeon Stretch").replace(
        "summary: A stretch.", "summary: A stretch. Then another."
    )

    exercise, problems = validate_exercise(make_doc(text), vocabularies)

    assert exercise is not None
    assert [str(p) for p in problems] == [
        "content/exercises/pigeon.md:2: warning[title-case]: title 'Stretch' is capitalised; titles use sentence case (only the first word and names)",
        "content/exercises/pigeon.md:3: warning[summary-sentences]: summary has more than one sentence; keep it to one",
    ]


def test_sentence_case_allows_acronyms_and_names():
    assert sentence_case_problem("Prone Y-T-W raises") is None
    assert sentence_case_problem("Front of neck (SCM) stretch") is None
    assert sentence_case_problem("Doorway Chest stretch") is not None


def test_routine_step_overrides_are_kept_as_written(make_doc, vocabularies):
    doc = make_doc(
        """
        ---
        title: Desk minute
        summary: Quick.
        goal: desk-break
        level: beginner
        frequency: {times: 3, per: day, up_to: true}
        steps:
          - exercise: pigeon
            hold: 20
            note: Gently.
          - exercise: other
            hold: 5
            time: 30
        ---
        """,
        slug="desk-minute",
        kind="routine",
    )

    routine, problems = validate_routine(doc, vocabularies)

    assert routine is None
    assert [str(p) for p in problems] == [
        "content/routines/desk-minute.md:13: error[hold-and-time]: 'steps[2]' has both 'hold' and 'time'; keep one (hold for held positions, time for continuous work)"
    ]
