"""A cached build is byte-identical to a clean one, after every kind of change."""

from __future__ import annotations

import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from limber.build import cache as cache_module
from limber.build import input_digests, loading
from limber.build.pipeline import SiteBuild, build
from limber.cli import main
from limber.load import sources
from limber.model.records import HOME_PAGE, REQUIRED_PAGES
from tests.conftest import copy_project, copy_real_project, snapshot


def edit_body(project: Path) -> None:
    path = project / "content" / "exercises" / "chin-tuck.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Sit tall", "Sit up tall", 1), encoding="utf-8")


def edit_title(project: Path) -> None:
    # A title shows on other pages: cards, links, term pages and the routine.
    path = project / "content" / "exercises" / "chin-tuck.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Chin tucks", "title: Chin tucks, seated", 1), encoding="utf-8")


def delete_page(project: Path) -> None:
    kept = {HOME_PAGE, *REQUIRED_PAGES}  # the home page, and the pages every page links
    next(p for p in sorted((project / "content" / "pages").glob("*.md")) if p.stem not in kept).unlink()


def rename_routine(project: Path) -> None:
    # A routine no body links to by name.
    folder = project / "content" / "routines"
    linked = "".join(p.read_text(encoding="utf-8") for p in (project / "content").rglob("*.md"))
    free = next(p for p in sorted(folder.glob("*.md")) if f"[[{p.stem}" not in linked)
    free.rename(folder / ("renamed-" + free.name))


def edit_template(project: Path) -> None:
    path = project / "templates" / "partials" / "footer.html"
    path.write_text(path.read_text(encoding="utf-8") + "<!-- changed -->\n", encoding="utf-8")


def edit_vocabulary(project: Path) -> None:
    path = project / "content" / "taxonomies.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("name: Upper back\n", "name: Upper back and ribs\n", 1), encoding="utf-8")


CHANGES: dict[str, Callable[[Path], None]] = {
    "body": edit_body,
    "title": edit_title,
    "deletion": delete_page,
    "rename": rename_routine,
    "template": edit_template,
    "vocabulary": edit_vocabulary,
}


def cached_then_clean(project: Path, tmp_path: Path, change: Callable[[Path], None]) -> None:
    cache, cached_out, clean_out = tmp_path / "cache", tmp_path / "cached", tmp_path / "clean"
    first = build(project, cached_out, cache_dir=cache)
    assert first.ok, [str(d) for d in first.diagnostics]
    change(project)
    second = build(project, cached_out, cache_dir=cache)
    assert second.ok, [str(d) for d in second.diagnostics]
    if change in (edit_body, edit_title, edit_vocabulary):
        assert second.from_cache > 0  # the cache was really used (a template change redoes every page)
    clean = build(project, clean_out)
    assert clean.ok
    assert snapshot(cached_out) == snapshot(clean_out)


# The minimal site has no free page it can lose (home and safety are required): the real guide's
# "about" page is the deletion case.
@pytest.mark.parametrize("change", ["body", "title", "template", "vocabulary"])
def test_fixture_site_cached_build_matches_a_clean_one(change, tmp_path):
    cached_then_clean(copy_project(tmp_path / "project"), tmp_path, CHANGES[change])


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_real_guide_cached_build_matches_a_clean_one(change, tmp_path):
    project = copy_real_project(tmp_path / "project")
    cached_then_clean(project, tmp_path, CHANGES[change])


def test_nothing_changed_does_nothing_and_an_edited_output_is_rebuilt(tmp_path):
    project = copy_project(tmp_path / "project")
    out, cache = tmp_path / "site", tmp_path / "cache"
    assert build(project, out, cache_dir=cache).ok
    again = build(project, out, cache_dir=cache)
    assert again.unchanged and not again.wrote
    # Someone edits a built file by hand: the next build notices and restores it.
    page = out / "exercises" / "chin-tuck" / "index.html"
    original = page.read_bytes()
    page.write_bytes(original + b"<!-- hand edit -->")
    third = build(project, out, cache_dir=cache)
    assert not third.unchanged and third.wrote
    assert page.read_bytes() == original


def test_a_stale_cache_from_another_generator_is_ignored(tmp_path):
    project = copy_project(tmp_path / "project")
    out, cache = tmp_path / "site", tmp_path / "cache"
    assert build(project, out, cache_dir=cache).ok
    (state,) = cache.glob("state-*.pickle")
    state.write_bytes(b"not a pickle")
    result = build(project, out, cache_dir=cache)
    assert result.ok and result.wrote and result.from_cache == 0
    assert result.notices == [
        f"the build cache {state.name} was ignored (UnpicklingError: invalid load key, 'n'.); building afresh"
    ]
    shutil.rmtree(cache)


class Planted:
    """What a hostile state file would hold: an object that runs a command when it is read."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_state_file_runs_nothing_and_is_ignored_with_a_note(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    out, cache, marker = tmp_path / "site", project / ".limber-cache", tmp_path / "ran"
    assert main(["build", "--project", str(project), "--out", str(out)]) == 0
    (state,) = cache.glob("state-*.pickle")
    state.write_bytes(pickle.dumps({"format": 3, "generator": "x", "payload": Planted(marker)}))
    capsys.readouterr()

    code = main(["build", "--project", str(project), "--out", str(out)])

    assert code == 0
    assert not marker.exists()
    err = capsys.readouterr().err
    assert f"note: the build cache {state.name} was ignored (UnpicklingError: it names posix.system" in err


@pytest.mark.parametrize("state", [[1, 2, 3], "a string", None])
def test_a_state_that_is_not_a_mapping_is_ignored_with_a_note(tmp_path, state):
    project = copy_project(tmp_path / "project")
    out, cache = tmp_path / "site", tmp_path / "cache"
    assert build(project, out, cache_dir=cache).ok
    (path,) = cache.glob("state-*.pickle")
    path.write_bytes(pickle.dumps(state))

    result = build(project, out, cache_dir=cache)

    assert result.ok and result.wrote and not result.unchanged
    assert result.notices == [
        f"the build cache {path.name} was ignored (not a state of this version); building afresh"
    ]


def test_a_deleted_stylesheet_is_noticed_and_made_again(tmp_path):
    project = copy_project(tmp_path / "project")
    out, cache = tmp_path / "site", tmp_path / "cache"
    assert build(project, out, cache_dir=cache).ok
    (css,) = (out / "assets" / "css").glob("screen.*.css")
    original = css.read_bytes()
    css.unlink()

    result = build(project, out, cache_dir=cache)

    assert not result.unchanged and result.wrote
    assert css.read_bytes() == original


def test_each_output_folder_and_base_url_keeps_its_own_state(tmp_path):
    project = copy_project(tmp_path / "project")
    cache = tmp_path / "cache"
    first, second = tmp_path / "a", tmp_path / "b"
    assert build(project, first, cache_dir=cache).ok
    assert build(project, second, cache_dir=cache, base_url="https://other.example/sub/").ok

    again = build(project, first, cache_dir=cache)

    assert again.unchanged
    assert len(list(cache.glob("state-*.pickle"))) == 2


def test_the_generator_digest_ignores_compiled_files_and_follows_sources_and_library_versions(
    tmp_path, monkeypatch
):
    package = tmp_path / "limber"
    (package / "__pycache__").mkdir(parents=True)
    (package / "a.py").write_text("x = 1\n")
    monkeypatch.setattr(input_digests, "PACKAGE", package)
    before = input_digests.generator_digest()

    (package / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"compiled")
    compiled = input_digests.generator_digest()
    monkeypatch.setattr(input_digests, "_version", lambda name: "9.9" if name == "markdown" else "1")
    other_library = input_digests.generator_digest()
    (package / "a.py").write_text("x = 2\n")
    other_source = input_digests.generator_digest()

    assert compiled == before
    assert len({before, other_library, other_source}) == 3


def check_output(project: Path, capsys, *options: str) -> tuple[int, str, str]:
    code = main(["check", "--project", str(project), *options])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_check_uses_the_cache_and_is_never_stale(tmp_path, capsys):
    project = copy_real_project(tmp_path / "project")
    code, cold, _ = check_output(project, capsys)
    assert code == 0 and cold.startswith("Checked ") and "nothing changed" not in cold

    code, warm, _ = check_output(project, capsys)
    assert code == 0 and "no errors; nothing changed since the last check" in warm

    # An edit that breaks a file is reported at its line, cache or not, and the next check too.
    chin = project / "content" / "exercises" / "chin-tuck.md"
    good = chin.read_text(encoding="utf-8")
    chin.write_text(good.replace("\nlevel: beginner\n", "\nlevel: begginer\n", 1), encoding="utf-8")
    expected = check_output(project, capsys, "--no-cache")
    assert expected[0] == 1 and "chin-tuck.md:9: error[unknown-term]" in expected[2]
    assert check_output(project, capsys) == expected
    assert check_output(project, capsys) == expected

    # Fixed again: the content is as at the last clean check, which is what the check says.
    chin.write_text(good, encoding="utf-8")
    code, fixed, _ = check_output(project, capsys)
    assert code == 0 and "no errors; nothing changed since the last check" in fixed

    # A template that breaks every page is reported though every view is unchanged.
    page = project / "templates" / "exercise.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("{% block main %}", "{% block main %}{{ page.nope }}", 1)
    )
    code, _, err = check_output(project, capsys)
    assert code == 1 and "templates/exercise.html" in err and "error[template-error]" in err


def test_a_check_with_a_warm_cache_renders_only_what_changed(tmp_path):
    project = copy_real_project(tmp_path / "project")
    cache = tmp_path / "cache"
    first = build(project, write=False, cache_dir=cache)
    assert first.ok and first.from_cache == 0
    edit_body(project)
    second = build(project, write=False, cache_dir=cache)
    assert second.ok and not second.unchanged
    rendered = second.counts["html"] - second.from_cache
    assert 0 < rendered < 10, rendered  # the edited exercise's page, not all of them
    assert not (tmp_path / "project" / "site").exists()


def count_reading(monkeypatch) -> tuple[list[str], list[str]]:
    """The files parsed and the records checked from here on, by path."""
    parsed: list[str] = []
    checked: list[str] = []
    parse, check = sources.parse_doc, loading.check
    monkeypatch.setattr(sources, "parse_doc", lambda rel, *a: parsed.append(rel.as_posix()) or parse(rel, *a))
    monkeypatch.setattr(
        loading, "check", lambda doc, *a: checked.append(doc.path.as_posix()) or check(doc, *a)
    )
    return parsed, checked


def test_a_later_build_parses_and_checks_only_the_edited_file(tmp_path, monkeypatch):
    project = copy_real_project(tmp_path / "project")
    cache, out = tmp_path / "cache", tmp_path / "site"
    assert build(project, out, cache_dir=cache).ok
    edit_body(project)
    parsed, checked = count_reading(monkeypatch)

    again = build(project, out, cache_dir=cache)  # a new SiteBuild, as in a new process

    assert again.ok and not again.notices
    assert parsed == checked == ["content/exercises/chin-tuck.md"]
    assert build(project, tmp_path / "clean").ok
    assert snapshot(out) == snapshot(tmp_path / "clean")


def test_a_file_changed_within_its_old_stat_is_read_again(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    cache, out = tmp_path / "cache", tmp_path / "site"
    assert build(project, out, cache_dir=cache).ok
    chin = project / "content" / "exercises" / "chin-tuck.md"
    before = chin.stat()
    text = chin.read_text(encoding="utf-8")
    chin.write_text(text.replace("Sit tall", "Sit TALL", 1), encoding="utf-8")  # the same size
    os.utime(chin, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert chin.stat().st_size == before.st_size
    parsed, _ = count_reading(monkeypatch)

    assert build(project, out, cache_dir=cache).ok

    assert parsed == ["content/exercises/chin-tuck.md"]
    assert "Sit TALL" in (out / "exercises" / "chin-tuck" / "index.html").read_text(encoding="utf-8")


def test_what_another_generator_read_is_not_used(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    cache, out = tmp_path / "cache", tmp_path / "site"
    assert build(project, out, cache_dir=cache).ok
    edit_body(project)
    monkeypatch.setattr(cache_module, "generator_digest", lambda: "another generator")
    parsed, _ = count_reading(monkeypatch)

    assert build(project, out, cache_dir=cache).ok

    every = [
        p.relative_to(project).as_posix()
        for p in (project / "content").rglob("*")
        if p.suffix in (".md", ".yaml")
    ]
    assert sorted(parsed) == sorted(every)


def test_a_planted_memory_file_runs_nothing_and_is_ignored_with_a_note(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    cache, out, marker = tmp_path / "cache", tmp_path / "site", tmp_path / "ran"
    assert build(project, out, cache_dir=cache).ok
    (cache / "memory.pickle").write_bytes(pickle.dumps({"format": 3, "memory": Planted(marker)}))
    edit_body(project)

    result = build(project, out, cache_dir=cache)

    assert result.ok and not marker.exists()
    assert result.notices == [
        "the build cache memory.pickle was ignored (UnpicklingError: it names posix.system,"
        " which a build cache never holds); building afresh"
    ]
    assert build(project, tmp_path / "clean").ok
    assert snapshot(out) == snapshot(tmp_path / "clean")


def test_the_preview_starts_from_what_the_last_build_read(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    cache = tmp_path / "cache"
    assert build(project, tmp_path / "site", cache_dir=cache).ok
    parsed, checked = count_reading(monkeypatch)
    preview = SiteBuild(project, cache_dir=cache, incremental=True)

    first = preview.build(tmp_path / "served")
    edit_body(project)
    preview.update(["content/exercises/chin-tuck.md"])
    again = preview.build(tmp_path / "served")

    assert first.ok and again.ok
    assert parsed == checked == ["content/exercises/chin-tuck.md"]
    assert build(project, tmp_path / "clean").ok
    assert snapshot(tmp_path / "served") == snapshot(tmp_path / "clean")


def test_nothing_changed_reads_only_the_small_state_and_a_broken_rest_is_ignored_with_a_note(tmp_path):
    project = copy_project(tmp_path / "project")
    cache, out = tmp_path / "cache", tmp_path / "site"
    assert build(project, out, cache_dir=cache).ok
    (rest,) = cache.glob("rest-*.pickle")
    rest.write_bytes(b"not a pickle")

    quiet = build(project, out, cache_dir=cache)  # stops at "nothing changed" before reading it
    edit_body(project)
    edited = build(project, out, cache_dir=cache)

    assert quiet.unchanged and not quiet.notices
    assert edited.ok and edited.wrote
    assert edited.notices == [
        f"the build cache {rest.name} was ignored (UnpicklingError: invalid load key, 'n'.); building afresh"
    ]
    assert build(project, tmp_path / "clean").ok
    assert snapshot(out) == snapshot(tmp_path / "clean")
