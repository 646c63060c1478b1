from pathlib import Path, PurePosixPath

from limber.load.source_docs import parse_doc
from limber.load.sources import ReadCache, load_sources
from limber.load.yaml_reader import YamlProblem, parse_yaml
from tests.conftest import copy_real_project

EX = PurePosixPath("content/exercises/pigeon.md")


def problems_of(data: bytes, kind: str = "exercise") -> list[str]:
    _, problems = parse_doc(EX, data, kind)
    return [str(p) for p in problems]


def test_yaml_keeps_no_times_and_dates_as_text():
    value, _ = parse_yaml("level: no\nhold: 1:30\nreviewed: 2026-11-24\nup_to: yes\nreps: 10\nok: true\n")

    assert value == {
        "level": "no",
        "hold": "1:30",
        "reviewed": "2026-11-24",
        "up_to": "yes",
        "reps": 10,
        "ok": True,
    }


def test_yaml_reports_the_file_line_of_every_key():
    _, lines = parse_yaml("\ntitle: A\ndosage:\n  hold: 5\nsteps:\n  - exercise: x\n", first_line=1)

    assert lines[("title",)] == 2
    assert lines[("dosage", "hold")] == 4
    assert lines[("steps", 0, "exercise")] == 6


def test_yaml_rejects_duplicate_keys_aliases_and_tags():
    cases = {
        "a: 1\na: 2\n": (2, "duplicate key 'a' (first set on line 1); keep one"),
        "a: &x 1\nb: *x\n": (1, "anchors (&x) are not allowed; write the value out"),
        "a: !!str 3\n": (1, "explicit tags (!!str) are not allowed; remove the tag"),
    }
    for text, expected in cases.items():
        try:
            parse_yaml(text)
        except YamlProblem as problem:
            assert (problem.line, problem.message) == expected
        else:
            raise AssertionError(f"accepted {text!r}")


def test_front_matter_lines_are_file_lines_and_body_line_is_known():
    doc, problems = parse_doc(EX, b"---\ntitle: Pigeon\nlevel: beginner\n---\nIntro\n", "exercise")

    assert problems == []
    assert doc.origin.line_of(("level",)) == 3
    assert doc.origin.body_line == 5
    assert doc.body == "Intro\n"


def test_bom_and_crlf_are_accepted():
    doc, problems = parse_doc(EX, b"\xef\xbb\xbf---\r\ntitle: Pigeon\r\n---\r\nBody\r\n", "exercise")

    assert problems == []
    assert doc.meta == {"title": "Pigeon"}
    assert doc.body == "Body\n"


def test_invalid_utf8_names_the_byte_offset_and_line():
    assert problems_of(b"---\ntitle: Pigeon\n---\ncaf\xe9\n") == [
        "content/exercises/pigeon.md:4: error[not-utf8]: not valid UTF-8 at byte 25 (0xe9); save the file as UTF-8"
    ]


def test_the_byte_offset_counts_a_leading_bom():
    assert problems_of(b"\xef\xbb\xbf---\ntitle: Pigeon\n---\ncaf\xe9\n") == [
        "content/exercises/pigeon.md:4: error[not-utf8]: not valid UTF-8 at byte 28 (0xe9); save the file as UTF-8"
    ]


def test_yaml_syntax_error_points_at_the_file_line():
    assert problems_of(b"---\ntitle: Pigeon\nareas: [neck\n---\n") == [
        "content/exercises/pigeon.md:3: error[bad-yaml]: a '[' list starts on this line and is never closed (expected ',' or ']', but got '<stream end>' on line 4): areas: [neck"
    ]


def test_missing_empty_and_non_mapping_front_matter_are_errors():
    assert problems_of(b"Just text\n") == [
        "content/exercises/pigeon.md:1: error[missing-front-matter]: no front matter: start the file with a line '---', the fields, then another '---'"
    ]
    assert problems_of(b"---\n---\nBody\n") == [
        "content/exercises/pigeon.md:1: error[empty-front-matter]: the front matter between the '---' lines is empty"
    ]
    assert problems_of(b"---\n- a\n- b\n---\n") == [
        "content/exercises/pigeon.md:2: error[front-matter-not-mapping]: front matter must be a mapping of fields ('title: ...'), got list"
    ]


def test_oversized_files_and_front_matter_are_refused_before_parsing(tmp_path: Path):
    content = tmp_path / "content" / "exercises"
    content.mkdir(parents=True)
    (content / "big.md").write_bytes(b"---\ntitle: x\n---\n" + b"a" * (300 * 1024))
    (content / "fm.md").write_text("---\n" + "title: x\n" + "# pad\n" * 7000 + "---\n")

    _, problems = load_sources(tmp_path)

    assert [str(p) for p in problems] == [
        "content/exercises/big.md: error[file-too-large]: file is 300 KiB; the limit is 256 KiB",
        "content/exercises/fm.md:1: error[front-matter-too-large]: front matter is over 32 KiB; keep long text in the body",
    ]


def test_files_that_are_not_content_are_ignored_with_a_warning(tmp_path: Path):
    content = tmp_path / "content"
    (content / "exercises").mkdir(parents=True)
    (content / "exercises" / ".DS_Store").write_bytes(b"\0")
    (content / "notes.txt").write_text("todo")
    (content / "README.md").write_text("# Guide")

    sources, problems = load_sources(tmp_path)

    assert sources.docs == ()
    assert [str(p) for p in problems] == [
        "content/exercises/.DS_Store: warning[ignored-file]: not content: ignored, and not copied to the site",
        "content/notes.txt: warning[ignored-file]: not content: ignored, and not copied to the site",
    ]


def test_symlink_pointing_outside_content_is_an_error(tmp_path: Path):
    (tmp_path / "content" / "exercises").mkdir(parents=True)
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: x\n---\n")
    (tmp_path / "content" / "exercises" / "leak.md").symlink_to(secret)

    sources, problems = load_sources(tmp_path)

    assert sources.docs == ()
    assert [str(p) for p in problems] == [
        "content/exercises/leak.md: error[symlink-outside]: symlink points outside content/; copy the file in instead"
    ]


def test_told_which_files_changed_a_second_load_reads_the_same_as_a_first(tmp_path: Path):
    project = copy_real_project(tmp_path / "project")
    reads = ReadCache()
    load_sources(project, reads=reads)
    chin = project / "content" / "exercises" / "chin-tuck.md"
    chin.write_text(chin.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    changed = [PurePosixPath("content/exercises/chin-tuck.md")]

    assert load_sources(project, reads=reads, changed=changed) == load_sources(project)
    chin.write_text(chin.read_text(encoding="utf-8").replace("title:", "title: [", 1), encoding="utf-8")
    assert load_sources(project, reads=reads, changed=changed) == load_sources(project)  # now broken
    new = project / "content" / "exercises" / "chin-tuck-again.md"
    new.write_text(chin.read_text(encoding="utf-8"), encoding="utf-8")
    added = [PurePosixPath("content/exercises/chin-tuck-again.md")]
    assert load_sources(project, reads=reads, changed=added) == load_sources(project)  # a file came: all read
    new.unlink()
    assert load_sources(project, reads=reads, changed=added) == load_sources(project)  # and went
