"""Diagnostics print on one line each, with control characters shown escaped; GitHub annotations in CI."""

import io
from pathlib import Path, PurePosixPath

from limber.cli import main
from limber.diagnostics import Diagnostic, Severity, report

HOSTILE = Diagnostic(
    PurePosixPath("content/exercises/a,b:c.md"),
    7,
    "unknown-term",
    "unknown level '\x1b[2K\rall good\u202e' in 'level'; 100% sure\x07",
)


def test_control_characters_in_a_message_are_shown_escaped():
    assert str(HOSTILE) == (
        "content/exercises/a,b:c.md:7: error[unknown-term]: "
        "unknown level '\\x1b[2K\\rall good\\u202e' in 'level'; 100% sure\\x07"
    )


def test_control_characters_in_a_path_are_shown_escaped():
    diagnostic = Diagnostic(
        PurePosixPath("content/exercises/x\x1b]0;owned\x07\n.md"), None, "bad-slug", "bad"
    )

    assert str(diagnostic) == "content/exercises/x\\x1b]0;owned\\x07\\n.md: error[bad-slug]: bad"


def test_report_prints_plain_lines_outside_github_actions(monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    warning = Diagnostic(PurePosixPath("content/site.yaml"), None, "ignored-file", "x", Severity.WARNING)
    out = io.StringIO()

    errors = report([HOSTILE, warning], out)

    assert errors == 1
    assert out.getvalue().splitlines() == [
        "content/exercises/a,b:c.md:7: error[unknown-term]: unknown level '\\x1b[2K\\rall good\\u202e' in 'level'; 100% sure\\x07",
        "content/site.yaml: warning[ignored-file]: x",
        "1 error(s) in 1 file(s); nothing was written.",
    ]


def test_report_prints_workflow_commands_under_github_actions(monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    warning = Diagnostic(PurePosixPath("content/site.yaml"), None, "ignored-file", "x", Severity.WARNING)
    out = io.StringIO()

    errors = report([HOSTILE, warning], out)

    assert errors == 1
    assert out.getvalue().splitlines() == [
        "::error file=content/exercises/a%2Cb%3Ac.md,line=7,title=unknown-term::"
        "unknown level '\\x1b[2K\\rall good\\u202e' in 'level'; 100%25 sure\\x07",
        "::warning file=content/site.yaml,title=ignored-file::x",
        "1 error(s) in 1 file(s); nothing was written.",
    ]


def test_check_under_github_actions_annotates_the_line(project: Path, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    chin = project / "content" / "exercises" / "chin-tuck.md"
    chin.write_text(chin.read_text().replace("level: beginner", "level: no"))

    code = main(["check", "--project", str(project)])

    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        "::error file=content/exercises/chin-tuck.md,line=7,title=unknown-term::"
        "unknown level 'no' in 'level'; allowed: beginner, intermediate",
        "1 error(s) in 1 file(s); nothing was written.",
    ]


def test_a_file_name_with_terminal_escapes_cannot_rewrite_the_log(project: Path, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    chin = project / "content" / "exercises" / "chin-tuck.md"
    chin.rename(chin.with_name("x\x1b[1A\x1b[2K\rok.md"))

    code = main(["check", "--project", str(project)])

    err = capsys.readouterr().err
    assert code == 1
    assert "\x1b" not in err
    assert "\r" not in err
    assert "content/exercises/x\\x1b[1A\\x1b[2K\\rok.md:1: error[bad-slug]" in err
