"""The strict YAML reader: libyaml and pure-Python paths agree, and nesting is bounded."""

from pathlib import Path

import pytest

from limber.load.yaml_reader import FAST, MAX_DEPTH, PURE_PYTHON, YamlProblem, parse_yaml
from tests.conftest import ROOT

FRONT_MATTER = sorted((ROOT / "content").rglob("*.md")) + sorted((ROOT / "tests" / "fixtures").rglob("*.md"))


def front_matter(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    parts = text.split("---\n", 2)
    return parts[1] if len(parts) == 3 else text


def outcome(text: str, loader: type) -> object:
    try:
        return parse_yaml(text, 2, loader=loader)
    except YamlProblem as problem:
        return ("problem", problem.line, problem.message)


def test_the_fast_path_is_libyaml():
    assert FAST is not PURE_PYTHON, "PyYAML was installed without libyaml"


@pytest.mark.parametrize("path", FRONT_MATTER, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_both_parsers_give_the_same_values_lines_and_messages(path):
    text = front_matter(path)
    assert outcome(text, FAST) == outcome(text, PURE_PYTHON)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: !!int 3\n",
        "a: 1\na: 2\n",
        'title: "unclosed\nsummary: x\n',
        "a: [1, 2\n",
        "- a\n- b\n",
        "a:\n  b:\n    - c: 1\n      d: [x, {e: f}]\n",
        "n: " + "9" * 5000 + "\n",
    ],
)
def test_both_parsers_agree_on_tricky_documents(text):
    assert outcome(text, FAST) == outcome(text, PURE_PYTHON)


def test_a_huge_number_stays_text_and_never_raises():
    value, _ = parse_yaml("n: " + "9" * 5000 + "\n")
    assert value == {"n": "9" * 5000}


@pytest.mark.parametrize("loader", [FAST, PURE_PYTHON], ids=["libyaml", "python"])
def test_deep_nesting_is_an_error_at_its_line_not_a_recursion_error(loader):
    flow = "a: " + "[" * 400 + "]" * 400 + "\n"
    block = "".join("  " * i + f"k{i}:\n" for i in range(300)) + "  " * 300 + "x: 1\n"
    for text in (flow, block):
        with pytest.raises(YamlProblem) as caught:
            parse_yaml(text, 2, loader=loader)
        assert f"nested more than {MAX_DEPTH} levels deep" in caught.value.message
        assert caught.value.line >= 2


def test_an_unclosed_quote_is_reported_where_it_starts_with_the_line_shown():
    text = 'title: "Chin tucks\nsummary: Slide the head back.\nlevel: beginner\n'
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text, 2)
    assert caught.value.line == 2
    assert caught.value.message.startswith("a quoted text starts on this line and is never closed (")
    assert caught.value.message.endswith(': title: "Chin tucks')


def test_every_duplicate_key_is_reported_not_only_the_first():
    with pytest.raises(YamlProblem) as caught:
        parse_yaml("a: 1\nb: 2\na: 3\nc:\n  d: 1\n  d: 2\n", 2)
    assert caught.value.all == (
        (4, "duplicate key 'a' (first set on line 2); keep one"),
        (7, "duplicate key 'd' (first set on line 6); keep one"),
    )
