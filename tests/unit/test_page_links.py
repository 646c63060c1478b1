"""`[[slug]]` in a body links a free page too (`[[safety]]`), checked like any other link."""

from limber.build.pipeline import build


def page(project, name):
    return (project / "site" / name / "index.html").read_text(encoding="utf-8")


def test_a_body_links_a_free_page_by_its_file_name(project):
    routine = project / "content" / "routines" / "desk-minute.md"
    routine.write_text(
        routine.read_text(encoding="utf-8") + "\nRead [[safety|the safety page]] first, or [[safety]].\n",
        encoding="utf-8",
    )

    result = build(project, project / "site")

    assert result.ok, [str(d) for d in result.diagnostics]
    html = page(project, "routines/desk-minute")
    assert '<a class="xref" href="/guide/safety/">the safety page</a>' in html
    assert '<a class="xref" href="/guide/safety/">Safety</a>' in html


def test_the_home_page_is_no_link_target_and_a_misspelt_page_is_an_error(project):
    routine = project / "content" / "routines" / "desk-minute.md"
    text = routine.read_text(encoding="utf-8")
    routine.write_text(text + "\nSee [[home]] and [[safty]].\n", encoding="utf-8")
    line = len(text.splitlines()) + 2 - 0

    result = build(project, write=False)

    problems = sorted(str(d) for d in result.diagnostics if d.code == "unknown-link")
    assert problems == [
        f"content/routines/desk-minute.md:{line}: error[unknown-link]: link [[home]] names no exercise, routine or page",
        f"content/routines/desk-minute.md:{line}: error[unknown-link]: link [[safty]] names no exercise, routine or page (did you mean 'safety'?)",
    ]
