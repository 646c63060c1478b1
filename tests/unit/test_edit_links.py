"""'Edit this page' and the footer's source link, from `repository` in content/site.yaml."""

import pytest

from limber.build.pipeline import build


def site_yaml(project, extra):
    path = project / "content" / "site.yaml"
    lines = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.startswith(("repository", "edit_uri"))
    ]
    path.write_text("\n".join([*lines, *extra]) + "\n", encoding="utf-8")


def test_each_exercise_routine_and_page_links_its_source_file_and_the_footer_the_repository(
    project, tmp_path
):
    site_yaml(project, ["repository: https://github.com/owner/limber", "edit_uri: edit/main/"])

    result = build(project, tmp_path / "site")

    assert result.ok, [str(d) for d in result.diagnostics]
    for page, source in (
        ("exercises/chin-tuck/index.html", "content/exercises/chin-tuck.md"),
        ("routines/desk-minute/index.html", "content/routines/desk-minute.md"),
        ("safety/index.html", "content/pages/safety.md"),
    ):
        html = (tmp_path / "site" / page).read_text(encoding="utf-8")
        assert f'<a href="https://github.com/owner/limber/edit/main/{source}">Edit this page</a>' in html
        assert '<a href="https://github.com/owner/limber">read its source or suggest a change</a>' in html
    index = (tmp_path / "site" / "areas" / "index.html").read_text(encoding="utf-8")
    assert "Edit this page" not in index  # made from no one file


def test_without_a_repository_no_page_has_an_edit_or_source_link(project, tmp_path):
    site_yaml(project, [])

    result = build(project, tmp_path / "site")

    assert result.ok
    html = (tmp_path / "site" / "exercises" / "chin-tuck" / "index.html").read_text(encoding="utf-8")
    assert "Edit this page" not in html
    assert "read its source" not in html


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["repository: javascript:alert(1)"],
            "content/site.yaml:5: error[bad-repository]: repository 'javascript:alert(1)' must be an absolute http(s) URL such as https://github.com/owner/limber",
        ),
        (
            ["repository: https://github.com/owner/limber", "edit_uri: ../../elsewhere/"],
            "content/site.yaml:6: error[bad-repository]: edit_uri '../../elsewhere/' must be path segments each ending in '/', such as edit/main/",
        ),
        (
            ["repository: https://github.com/owner/limber", "edit_uri: edit/main"],
            "content/site.yaml:6: error[bad-repository]: edit_uri 'edit/main' must be path segments each ending in '/', such as edit/main/",
        ),
    ],
)
def test_a_repository_or_edit_uri_that_is_not_a_clean_address_is_an_error_at_its_line(
    project, lines, expected
):
    site_yaml(project, lines)

    result = build(project, write=False)

    assert [str(d) for d in result.diagnostics] == [expected]
