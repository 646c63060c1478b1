"""The rules' pattern language and engine (limber.rules), on inline text."""

import pytest

from limber.rules.spec import Pattern, Words, combine, compile_pattern


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        ("cure", "This will cure it", "cure"),
        ("fix", "a prefix is not a fix", "fix"),
        ("pain", "stay pain-free", None),  # a hyphen joins words
        ("push* through (the) pain", "Pushing through\n  pain", "Pushing through\n  pain"),
        ("push* through (the) pain", "push through the pain", "push through the pain"),
        ("pregnan*", "If you are Pregnant", "Pregnant"),
        ("# min*", "a 10 minute break", "10 minute"),
        ("#-min*", "a 10-minute break", "10-minute"),
        ("#s", "hold 30s", "30s"),
        ("light headed | lightheaded", "feel Lightheaded", "Lightheaded"),
        ("don't", "don\u2019t", "don\u2019t"),
        ("no pain, no gain", "No pain,  no gain!", "No pain,  no gain"),
        ("out of joint", "come out of the joint", None),
    ],
)
def test_a_pattern_matches_whole_words_in_any_case_across_spaces_and_lines(pattern, text, found):
    match = compile_pattern(pattern).search(text)

    assert (match.group(0) if match else None) == found


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("(the pain", "a '(' with no ')'"),
        ("the) pain", "a ')' with no '('"),
        ("((the)) pain", "brackets inside brackets"),
        ("cure | ", "an empty alternative beside '|'"),
    ],
)
def test_a_pattern_that_cannot_be_read_says_why(pattern, reason):
    with pytest.raises(ValueError, match=reason.replace("(", r"\(").replace(")", r"\)").replace("|", r"\|")):
        compile_pattern(pattern)


def test_the_quick_test_never_turns_away_a_text_the_pattern_matches():
    written = ["push* through (the) pain", "guarantee*", "# min*", "no pain, no gain", "light-head*"]
    texts = [
        "Pushing through pain",
        "guaranteed",
        "a 5 minute",
        "no pain, no gain",
        "light-headed",
        "nothing here",
    ]
    patterns = tuple(Pattern(w, compile_pattern(w)) for w in written)

    for pattern in patterns:
        for text in texts:
            if pattern.regex.search(text):
                assert any(needed.met(Words.of(text)) for needed in pattern.needs), (pattern.written, text)
    assert not any(n.met(Words.of("nothing here")) for p in patterns for n in p.needs if n.words or n.stems)


def test_overlapping_patterns_of_one_rule_are_found_once_the_first_listed_first():
    patterns = tuple(Pattern(w, compile_pattern(w)) for w in ("push* through (the) pain", "through the pain"))

    found = [
        m.lastgroup
        for m in combine(patterns).finditer("Never push through the pain; through the pain is wrong")
    ]

    assert found == ["p0", "p1"]
