import pytest

from limber.model.dosage import (
    Dosage,
    Frequency,
    apply_overrides,
    dosage_line,
    duration_text,
    iso_duration,
    minutes_text,
    routine_seconds,
    seconds,
)
from limber.model.vocabulary import Term

UPPER_TRAP = Dosage(sides="each", hold=30, reps=2, frequency=Frequency(times=3, per="day", up_to=True))


def test_the_exercise_example_takes_two_minutes_thirteen():
    # 1 set x (2 reps x (30 + 2) s x 2 sides + 5 s to switch) = 133 s
    assert seconds(UPPER_TRAP) == 133
    assert iso_duration(133) == "PT2M13S"


def test_the_desk_break_example_totals_394_seconds():
    steps = [
        Dosage(sides="both", time=30),  # shoulder rolls
        Dosage(sides="both", hold=5, reps=10),  # squeezes: 10 x 7
        Dosage(sides="both", hold=3, reps=10),  # chin tucks: 10 x 5
        apply_overrides(UPPER_TRAP, {"hold": 20, "reps": 1}),  # 1 x 22 x 2 + 5
        apply_overrides(Dosage(sides="each", hold=5, reps=10), {"reps": 5}),  # 5 x 7 x 2 + 5
        Dosage(sides="both", hold=5, reps=10),  # extension: 10 x 7
    ]

    total = routine_seconds(steps, transition=10)

    assert total == 30 + 70 + 50 + 49 + 75 + 70 + 5 * 10 == 394
    assert minutes_text(total) == "About 7 min"


def test_sets_and_rest_and_tempo_enter_the_formula():
    band = Dosage(sides="both", reps=12, sets=3, rest=45)
    slow = Dosage(sides="alternating", reps=10, tempo=4)

    assert seconds(band) == 3 * (12 * 3) + 2 * 45
    assert seconds(slow) == 10 * 4 * 2


def test_a_step_time_replaces_the_exercise_hold_and_the_other_way_round():
    timed = apply_overrides(UPPER_TRAP, {"time": 60})
    held = apply_overrides(Dosage(sides="both", time=60), {"hold": 10, "reps": 3})

    assert (timed.hold, timed.time, timed.reps) == (None, 60, 2)
    assert (held.hold, held.time, held.reps) == (10, None, 3)


@pytest.mark.parametrize(
    ("dosage", "kind", "line"),
    [
        (UPPER_TRAP, "stretch", "Hold 30 s · 2 times · each side · up to 3× a day"),
        (
            Dosage(sides="both", time=60, frequency=Frequency(times=1, per="day", up_to=True)),
            "release",
            "Roll for 1 min · up to once a day",
        ),
        (Dosage(sides="both", time=30), "mobility", "Keep going for 30 s"),
        (Dosage(sides="alternating", reps=10), "mobility", "10 slow reps · each side, alternating"),
        (
            Dosage(
                sides="both", reps=12, sets=3, rest=45, frequency=Frequency(times=3, per="week", up_to=False)
            ),
            "strength",
            "12 reps · 3 sets · rest 45 s between sets · 3× a week",
        ),
    ],
)
def test_the_dosage_reads_in_plain_words(dosage, kind, line):
    # The words come from the type term, as written in taxonomies.yaml.
    words = {"release": {"time_verb": "Roll for"}, "mobility": {"rep_word": "slow rep"}}
    term = Term(vocabulary="types", slug=kind, name=kind.title(), description="", **words.get(kind, {}))
    assert dosage_line(dosage, term) == line


def test_durations_read_naturally():
    assert [duration_text(s) for s in (45, 60, 90)] == ["45 s", "1 min", "1 min 30 s"]
    assert [iso_duration(s) for s in (0, 45, 3600, 3725)] == ["PT0S", "PT45S", "PT1H", "PT1H2M5S"]
