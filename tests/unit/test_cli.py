import re
from pathlib import Path

from limber.cli import main

EXAMPLE_DOMAIN = "content/site.yaml:4: warning[example-base-url]: base_url https://example.org/guide/ is on example.org, a domain reserved for examples: every QR code, canonical link and feed entry would lead nowhere; give the address the site is published at (in content/site.yaml, or with --base-url)"


def test_build_writes_the_site_and_exits_0(project: Path, capsys):
    code = main(["build", "--project", str(project)])

    assert code == 0
    assert (project / "site" / "index.html").is_file()
    out = capsys.readouterr().out
    assert re.fullmatch(
        rf"Built 37 pages \(3 exercises, 1 routine, 2 pages\) into {re.escape(str(project / 'site'))} in \d+\.\d\d s\.\n",
        out,
    ), out
    # Nothing changed: the second build stops early and says so.
    assert main(["build", "--project", str(project)]) == 0
    assert "Nothing changed" in capsys.readouterr().out
    # One page edited: only what it touches is rendered again.
    exercise = project / "content" / "exercises" / "chin-tuck.md"
    exercise.write_text(
        exercise.read_text(encoding="utf-8").replace("Sit tall", "Sit up tall", 1), encoding="utf-8"
    )
    assert main(["build", "--project", str(project)]) == 0
    assert re.search(r" in \d+\.\d\d s, \d+ from cache\.\n$", capsys.readouterr().out)


def test_no_command_means_build(project: Path):
    assert main(["--project", str(project), "--out", str(project / "out")]) == 0
    assert (project / "out" / "exercises" / "chin-tuck" / "index.html").is_file()


def test_check_writes_no_site_only_its_cache(project: Path, capsys):
    code = main(["check", "--project", str(project)])

    assert code == 0
    assert not (project / "site").exists()
    # the check's own state (and the rest of it), for the next check; each file as read and checked, for any build
    memory, rest, state = sorted(p.name for p in (project / ".limber-cache").iterdir())
    assert re.fullmatch(r"state-[0-9a-f]{16}\.pickle", state) and memory == "memory.pickle"
    assert rest == state.replace("state-", "rest-")
    out = capsys.readouterr().out
    assert re.fullmatch(r"Checked 3 exercises, 1 routine, 2 pages: no errors \(\d+\.\d\d s\)\.\n", out), out


def test_check_without_the_cache_writes_nothing(project: Path, capsys):
    code = main(["check", "--no-cache", "--project", str(project)])

    assert code == 0
    assert not (project / "site").exists()
    assert not (project / ".limber-cache").exists()


def test_content_errors_exit_1_with_every_error_and_a_count(project: Path, capsys):
    chin = project / "content" / "exercises" / "chin-tuck.md"
    chin.write_text(chin.read_text().replace("level: beginner", "level: no").replace("hold: 3", "hold: 1:30"))

    code = main(["check", "--project", str(project)])

    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        "content/exercises/chin-tuck.md:7: error[unknown-term]: unknown level 'no' in 'level'; allowed: beginner, intermediate",
        "content/exercises/chin-tuck.md:11: error[wrong-type]: 'dosage.hold' should be a whole number of seconds, got '1:30'; durations are whole seconds: write 90",
        "2 error(s) in 1 file(s); nothing was written.",
    ]


def test_strict_turns_warnings_into_errors(project: Path, capsys):
    (project / "content" / "notes.txt").write_text("scratch")

    assert main(["check", "--project", str(project)]) == 0
    assert main(["build", "--strict", "--project", str(project)]) == 1
    assert "content/notes.txt: error[ignored-file]" in capsys.readouterr().err
    assert not (project / "site").exists()


def test_usage_errors_exit_2(project: Path, capsys):
    assert main(["check", "--project", str(project), "--base-url", "not a url"]) == 2
    assert main(["build", "--project", str(project), "--out", str(project)]) == 2
    err = capsys.readouterr().err
    assert "--base-url 'not a url' must be an absolute http(s) URL" in err
    assert "refusing to write the site to" in err


def test_base_url_override_changes_every_link(project: Path):
    main(["build", "--project", str(project), "--base-url", "https://other.example/sub/path"])

    page = (project / "site" / "exercises" / "chin-tuck" / "index.html").read_text()
    assert 'href="/sub/path/exercises/"' in page
    assert '<link rel="canonical" href="https://other.example/sub/path/exercises/chin-tuck/">' in page


def test_an_exercise_image_is_copied_and_shown_with_its_alt_text(project: Path):
    (project / "content" / "images").mkdir()
    (project / "content" / "images" / "chin.png").write_bytes(b"\x89PNG fake")
    chin = project / "content" / "exercises" / "chin-tuck.md"
    chin.write_text(
        chin.read_text().replace(
            "reviewed:",
            "image:\n  src: chin.png\n  alt: Chin drawn back\n  credit: Ana\n  license: CC-BY-4.0\nreviewed:",
        )
    )

    assert main(["build", "--project", str(project)]) == 0

    assert (project / "site" / "images" / "chin.png").read_bytes() == b"\x89PNG fake"
    page = (project / "site" / "exercises" / "chin-tuck" / "index.html").read_text()
    assert '<img src="/guide/images/chin.png" alt="Chin drawn back">' in page
    assert "<figcaption>Ana (CC-BY-4.0)</figcaption>" in page


def test_a_template_error_names_the_template_line_and_writes_nothing(project: Path, capsys):
    template = project / "templates" / "term.html"
    lines = template.read_text().split("\n")
    lines.insert(4, "{{ page.data.no_such_field }}")
    template.write_text("\n".join(lines))

    code = main(["build", "--project", str(project)])

    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        EXAMPLE_DOMAIN,  # build warns of the fixture's example.org base URL
        "templates/term.html:5: error[template-error]: 'limber.views.page_data.TermView object' has no attribute 'no_such_field'",
        "1 error(s) in 1 file(s); nothing was written.",
    ]
    assert not (project / "site").exists()


def test_a_template_syntax_error_is_reported_at_its_line(project: Path, capsys):
    template = project / "templates" / "page.html"
    template.write_text(template.read_text().replace("{% endblock %}", "{% endblok %}"))

    assert main(["check", "--project", str(project)]) == 1
    assert (
        capsys.readouterr()
        .err.splitlines()[0]
        .startswith("templates/page.html:11: error[template-error]: Encountered unknown tag 'endblok'.")
    )
