"""content/glossary.yaml: checked like the rest of the content, every problem at its line."""

import json
from textwrap import dedent

from limber.build.pipeline import build
from limber.diagnostics import sort_key

GOOD = """\
    # Common names readers type.
    entries:
      - name: traps
        also: [trap muscle]
        means: trapezius
        muscles: [upper-trapezius]
      - name: tech neck
        also: [text neck]
        exercises: [chin-tuck, upper-trapezius-stretch]
      - name: scapula
        means: shoulder blade
"""


def check(project, text, *, strict=False):
    (project / "content" / "glossary.yaml").write_text(dedent(text), encoding="utf-8")
    result = build(project, write=False, strict=strict)
    return result, [str(d) for d in sorted(result.diagnostics, key=sort_key)]


def keywords(result):
    data = json.loads(next(o.text for o in result.outputs if o.path.as_posix() == "search/index.json"))
    return {r["slug"]: r.get("keywords", []) for r in data["records"]}


def test_a_good_glossary_checks_cleanly_and_its_names_reach_their_exercises(project):
    result, problems = check(project, GOOD)

    assert problems == []
    found = keywords(result)
    assert found["upper-trapezius-stretch"] == ["tech neck", "text neck", "trap muscle", "traps"]
    assert found["chin-tuck"] == ["tech neck", "text neck"]
    assert found["shoulder-blade-squeeze"] == ["scapula"]  # its cue says "shoulder blades"


def test_a_routine_gets_a_name_only_when_every_one_of_its_exercises_does(project):
    result, problems = check(
        project,
        """\
        entries:
          - name: office
            positions: [seated]
          - name: tech neck
            exercises: [chin-tuck]
        """,
    )

    assert problems == []
    assert keywords(result)["desk-minute"] == ["office"]  # every step is seated; one is a chin tuck


def test_unknown_terms_and_exercises_are_errors_at_their_line_with_a_suggestion(project):
    _, problems = check(
        project,
        """\
        entries:
          - name: traps
            muscles: [upper-trapezus]
          - name: tucks
            exercises: [chin-tuck, chin-tucks]
        """,
    )

    assert problems == [
        "content/glossary.yaml:3: error[unknown-term]: unknown muscle 'upper-trapezus' in 'entries[1].muscles[1]' (did you mean 'upper-trapezius'?); allowed: upper-trapezius, deep-neck-flexors, rhomboids",
        "content/glossary.yaml:5: error[unknown-exercise]: 'entries[2].exercises' names unknown exercise 'chin-tucks' (did you mean 'chin-tuck'?)",
    ]


def test_a_name_twice_is_an_error_even_in_another_case_spelling_or_plural(project):
    _, problems = check(
        project,
        """\
        entries:
          - name: Tech neck
            areas: [neck]
          - name: tech-necks
            areas: [neck]
          - name: traps
            also: [Trap]
            areas: [upper-back]
        """,
    )

    assert problems == [
        "content/glossary.yaml:4: error[duplicate-glossary-name]: 'entries[2].name' 'tech-necks' is already in the glossary (line 2); keep one entry",
        "content/glossary.yaml:7: error[duplicate-glossary-name]: 'entries[3].also[1]' 'Trap' is already in the glossary (line 6); keep one entry",
    ]


def test_an_entry_that_leads_nowhere_and_a_name_without_letters_are_errors(project):
    _, problems = check(
        project,
        """\
        entries:
          - name: QL
          - name: "--"
            areas: [neck]
        """,
    )

    assert problems == [
        "content/glossary.yaml:2: error[empty-glossary-entry]: 'entries[1]' ('QL') leads nowhere: give it 'means', terms ('muscles', 'areas', 'equipment', 'positions') or 'exercises'",
        "content/glossary.yaml:3: error[bad-glossary-name]: 'entries[2].name' '--' has no letters or digits",
    ]


def test_unknown_and_missing_fields_are_reported_like_any_content(project):
    _, problems = check(
        project,
        """\
        entries:
          - nam: pecs
            means: chest
        extra: 1
        """,
    )

    assert problems == [
        "content/glossary.yaml:2: error[missing-field]: missing required field 'entries[1].name'",
        "content/glossary.yaml:2: error[unknown-field]: unknown field 'entries[1].nam' (did you mean 'name'?)",
        "content/glossary.yaml:4: error[unknown-field]: unknown field 'extra'; the file holds one list, 'entries'",
    ]


def test_a_glossary_without_entries_or_with_the_wrong_shape_says_what_it_expected(project):
    _, missing = check(project, "names: []\n")
    _, not_a_list = check(project, "entries: pecs\n")

    assert missing == [
        "content/glossary.yaml:1: error[missing-field]: missing required field 'entries' (the list of entries)",
        "content/glossary.yaml:1: error[unknown-field]: unknown field 'names'; the file holds one list, 'entries'",
    ]
    assert not_a_list == ["content/glossary.yaml:1: error[wrong-type]: 'entries' should be a list of entries"]


def test_an_entry_that_reaches_nothing_is_a_warning_and_an_error_with_strict(project):
    text = """\
        entries:
          - name: hammies
            means: hamstrings
        """

    result, problems = check(project, text)
    strict, strict_problems = check(project, text, strict=True)

    assert result.ok
    assert problems == [
        "content/glossary.yaml:2: warning[unused-glossary-entry]: glossary entry 'hammies' reaches no exercise, routine or page; check its terms and 'means'"
    ]
    assert not strict.ok
    assert strict_problems == [p.replace("warning", "error", 1) for p in problems]


def test_yaml_mistakes_in_the_glossary_are_reported_at_their_line(project):
    _, problems = check(project, "entries:\n  - name: QL\n    name: ql\n")

    assert problems == [
        "content/glossary.yaml:3: error[bad-yaml]: duplicate key 'name' (first set on line 2); keep one"
    ]


def test_without_a_glossary_the_site_builds_and_records_have_no_keywords(project):
    result = build(project, write=False)

    assert result.ok
    assert all(k == [] for k in keywords(result).values())
