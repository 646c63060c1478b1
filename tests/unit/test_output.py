from pathlib import Path, PurePosixPath

import pytest

from limber.build.write import MARKER, UnsafeOutput, check_out_dir, check_outputs, write_site
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
