"""Control, bidi and invisible characters in content files are errors at their line and column."""

from pathlib import Path, PurePosixPath

import pytest

from limber.cli import main
from limber.load.source_docs import parse_doc
from tests.conftest import snapshot
from tests.unit.test_cli import EXAMPLE_DOMAIN

EX = PurePosixPath("content/exercises/pigeon.md")


def problems_of(text: str, kind: str = "exercise") -> list[str]:
    doc, problems = parse_doc(EX, text.encode("utf-8"), kind)
    assert doc is not None or problems  # a document read on without the characters, or why not
    return [str(p) for p in problems]


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"),
        ("\u2069", "U+2069 POP DIRECTIONAL ISOLATE"),
        ("\u202a", "U+202A LEFT-TO-RIGHT EMBEDDING"),
        ("\x00", "U+0000 NULL"),
        ("\x07", "U+0007 BELL"),
        ("\x1b", "U+001B ESCAPE"),
        ("\r", "U+000D CARRIAGE RETURN"),
        ("\x7f", "U+007F DELETE"),
        ("\x85", "U+0085 (a C1 control character)"),
        ("\x9b", "U+009B (a C1 control character)"),
        ("\u2028", "U+2028 LINE SEPARATOR"),
        ("\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        ("\U000e0041", "U+E0041 TAG LATIN CAPITAL LETTER A"),
        ("\uffff", "U+FFFF (a noncharacter)"),
    ],
)
def test_a_character_in_the_front_matter_is_an_error_at_its_line_and_column(char, name):
    assert problems_of(f"---\ntitle: Pigeon{char} pose\nlevel: beginner\n---\nBody\n") == [
        f"content/exercises/pigeon.md:2: error[control-character]: {name} at column 14; remove it"
    ]


def test_a_raw_bell_in_front_matter_is_an_error_not_a_traceback():
    assert problems_of("---\ntitle: \x07\n---\n") == [
        "content/exercises/pigeon.md:2: error[control-character]: U+0007 BELL at column 8; remove it"
    ]


def test_characters_in_the_body_are_errors_at_their_file_line():
    text = "---\ntitle: Pigeon\n---\nIntro\n\n## How to do it\n\n1. Lift \u202eevil\u202c here\x1b[2K\n"

    assert problems_of(text) == [
        "content/exercises/pigeon.md:8: error[control-character]: U+202E RIGHT-TO-LEFT OVERRIDE at column 9 (and 2 more on this line); remove them"
    ]


def test_every_line_is_reported_up_to_a_limit():
    text = "---\ntitle: Pigeon\n---\n" + "a\x00\n" * 30

    problems = problems_of(text)

    assert len(problems) == 21
    assert (
        problems[0]
        == "content/exercises/pigeon.md:4: error[control-character]: U+0000 NULL at column 2; remove it"
    )
    assert problems[-1] == (
        "content/exercises/pigeon.md:24: error[control-character]: 10 more lines hold control or invisible characters; remove them"
    )


def test_tab_newline_and_ordinary_unicode_are_fine():
    text = '---\ntitle: "Pigeon\tpose"\ncues: ["Na\u00efve caf\u00e9 \u2014 \U0001f9d8\u200d\u2640\ufe0f"]\n---\n\tIndented\n\u05e9\u05dc\u05d5\u05dd\u200f ok\n'

    doc, problems = parse_doc(EX, text.encode("utf-8"), "exercise")

    assert problems == []
    assert doc.meta["title"] == "Pigeon\tpose"


def test_crlf_line_ends_are_not_a_stray_carriage_return():
    _, problems = parse_doc(EX, b"---\r\ntitle: Pigeon\r\n---\r\nBody\r\n", "exercise")

    assert problems == []


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("\\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\\e[2K", "U+001B ESCAPE"),
        ("\\x07", "U+0007 BELL"),
        ("\\r", "U+000D CARRIAGE RETURN"),
        ("\\L", "U+2028 LINE SEPARATOR"),
    ],
)
def test_a_yaml_escape_cannot_smuggle_a_character_in(written, name):
    text = f'---\ntitle: Pigeon\ncues:\n  - ok\n  - "Lift {written}"\n---\nBody\n'

    assert problems_of(text) == [
        f"content/exercises/pigeon.md:5: error[control-character]: {name} in 'cues[2]' (written as an escape); remove it"
    ]


def test_site_settings_are_scanned_too():
    _, problems = parse_doc(PurePosixPath("content/site.yaml"), b"title: A\x1b]0;x\x07\n", "site")

    assert [str(p) for p in problems] == [
        "content/site.yaml:1: error[control-character]: U+001B ESCAPE at column 9 (and 1 more on this line); remove them"
    ]


def test_check_reports_the_character_and_writes_nothing(project: Path, capsys):
    out = project / "site"
    assert main(["build", "--project", str(project)]) == 0
    before = snapshot(out)
    capsys.readouterr()
    chin = project / "content" / "exercises" / "chin-tuck.md"
    chin.write_text(chin.read_text().replace("title: Chin tucks", "title: Chin \u202etucks\u202c"))

    code = main(["build", "--project", str(project)])

    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        "content/exercises/chin-tuck.md:2: error[control-character]: U+202E RIGHT-TO-LEFT OVERRIDE at column 13 (and 1 more on this line); remove them",
        EXAMPLE_DOMAIN,  # build warns of the fixture's example.org base URL
        "1 error(s) in 1 file(s); nothing was written.",
    ]
    assert snapshot(out) == before
