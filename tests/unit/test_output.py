from pathlib import Path, PurePosixPath

import pytest

from limber.build import write
from limber.build.write import MARKER, MARKER_TEXT, UnsafeOutput, check_out_dir, check_outputs, write_site
from limber.render.templates import Output


def test_two_outputs_claiming_one_path_are_an_error():
    outputs = [Output(PurePosixPath("about/index.html"), "a"), Output(PurePosixPath("about/index.html"), "b")]

    assert [str(p) for p in check_outputs(outputs)] == [
        "about/index.html: error[output-collision]: two pages claim the output path 'about/index.html'; rename one of them"
    ]


def test_an_output_path_may_not_leave_the_folder():
    assert [p.code for p in check_outputs([Output(PurePosixPath("../x.html"), "")])] == ["unsafe-output-path"]


@pytest.mark.parametrize("where", ["project", "parent", "content", "templates"])
def test_the_project_and_its_sources_are_refused(tmp_path: Path, where: str):
    project = tmp_path / "p"
    (project / "content").mkdir(parents=True)
    (project / "templates").mkdir()
    out = {
        "project": project,
        "parent": tmp_path,
        "content": project / "content",
        "templates": project / "templates",
    }[where]

    with pytest.raises(UnsafeOutput):
        check_out_dir(out, project)


def test_a_folder_holding_a_repository_is_refused(tmp_path: Path):
    out = tmp_path / "elsewhere"
    (out / ".git").mkdir(parents=True)

    with pytest.raises(UnsafeOutput, match=r"it holds \.git"):
        check_out_dir(out, tmp_path / "p")


def test_a_non_empty_folder_without_the_marker_is_never_replaced(tmp_path: Path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "precious.txt").write_text("keep me")

    with pytest.raises(UnsafeOutput, match="was not made by a build"):
        check_out_dir(out, tmp_path / "p")
    assert (out / "precious.txt").read_text() == "keep me"


def test_writing_swaps_the_new_site_in_and_marks_it(tmp_path: Path):
    out = tmp_path / "site"
    write_site([Output(PurePosixPath("a/index.html"), "one")], tmp_path / "no-assets", {}, out)
    check_out_dir(out, tmp_path / "p")  # our own folder may be replaced

    write_site([Output(PurePosixPath("b/index.html"), "two")], tmp_path / "no-assets", {"x.png": b"png"}, out)

    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        MARKER,
        "b/index.html",
        "images/x.png",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging folders left behind


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_a_site_is_updated_in_place_and_unchanged_files_are_not_rewritten(tmp_path: Path):
    out = tmp_path / "site"
    write_site(
        [
            Output(PurePosixPath("a/index.html"), "one"),
            Output(PurePosixPath("b/index.html"), "two"),
            Output(PurePosixPath("c/data.json"), "{}"),
        ],
        tmp_path / "no-assets",
        {},
        out,
    )
    kept, same = out / "b" / "index.html", out / "c" / "data.json"
    before = {path: (path.stat().st_ino, path.stat().st_mtime_ns) for path in (kept, same)}
    (out / "stray.txt").write_text("written by hand")

    write_site(
        [
            Output(PurePosixPath("a/index.html"), "ONE"),
            Output(PurePosixPath("b/index.html"), "", source=kept),  # left in place by the page cache
            Output(PurePosixPath("c/data.json"), "{}"),  # made again, to the same bytes
        ],
        tmp_path / "no-assets",
        {},
        out,
    )

    assert _tree(out) == {
        MARKER: MARKER_TEXT.encode(),
        "a/index.html": b"ONE",
        "b/index.html": b"two",
        "c/data.json": b"{}",
    }
    assert {path: (path.stat().st_ino, path.stat().st_mtime_ns) for path in (kept, same)} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_write_that_fails_part_way_leaves_the_previous_site_as_it_was(tmp_path: Path, monkeypatch):
    out = tmp_path / "site"
    pages = [Output(PurePosixPath(f"p{i}/index.html"), f"old {i}") for i in range(6)]
    write_site(pages, tmp_path / "no-assets", {"x.png": b"png"}, out)
    before = _tree(out)
    real_write, calls = Path.write_bytes, []

    def failing_write(self: Path, data: bytes) -> int:
        calls.append(self)
        if len(calls) == 4:
            raise OSError(28, "No space left on device")
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing_write)
    new_pages = [Output(PurePosixPath(f"p{i}/index.html"), f"new {i}") for i in range(6)]
    with pytest.raises(OSError, match="No space left"):
        write_site(
            [*new_pages, Output(PurePosixPath("q/index.html"), "added")], tmp_path / "no-assets", {}, out
        )

    assert len(calls) == 4  # three files were put in the staging folder before the fourth failed
    assert _tree(out) == before  # no page replaced, nothing removed, no half-written file left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_file_where_a_folder_now_goes_is_replaced_whole(tmp_path: Path):
    out = tmp_path / "site"
    write_site([Output(PurePosixPath("notes"), "a file")], tmp_path / "no-assets", {}, out)

    write_site([Output(PurePosixPath("notes/index.html"), "a page")], tmp_path / "no-assets", {}, out)

    assert _tree(out) == {MARKER: MARKER_TEXT.encode(), "notes/index.html": b"a page"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_few_changes_move_in_and_many_are_swapped_in_whole(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(write, "MOVE_AT_MOST", 2)
    out = tmp_path / "site"
    pages = [Output(PurePosixPath(f"p{i}/index.html"), f"old {i}") for i in range(4)]
    write_site(pages, tmp_path / "no-assets", {}, out)
    folder = out.stat().st_ino

    write_site([Output(PurePosixPath("p0/index.html"), "new 0"), *pages[1:]], tmp_path / "no-assets", {}, out)
    moved_in = out.stat().st_ino == folder
    write_site([Output(p.path, p.text.replace("old", "new")) for p in pages], tmp_path / "no-assets", {}, out)

    assert moved_in  # one changed file: the same folder, brought up to date
    assert out.stat().st_ino != folder  # four: a new folder, swapped in
    assert _tree(out) == {
        MARKER: MARKER_TEXT.encode(),
        **{f"p{i}/index.html": f"new {i}".encode() for i in range(4)},
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
