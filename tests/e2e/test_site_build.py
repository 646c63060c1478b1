"""One build path: the pages the preview shows at once after a save are the ones build() makes,
byte for byte and through the same function (limber.build.pipeline.SiteBuild)."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Callable
from pathlib import Path

import pytest

from limber import views
from limber.build.loading import load_and_link
from limber.build.pipeline import SiteBuild, build
from limber.link.linking import replace_bodies
from limber.model.records import Record
from limber.render import templates as render
from limber.render.documents import render_documents, targets
from limber.routes import page_file
from limber.views import Context, view_makers
from tests.conftest import copy_real_project

BASE = "http://127.0.0.1:8000/"
CHIN = "content/exercises/chin-tuck.md"
# Pages a tab might have open: the edited exercise, a routine and a term page that list it, the
# exercise its body will link to (which then links back), the home page and the 404 page.
OPEN = (
    "exercises/chin-tuck/index.html",
    "routines/neck-relief/index.html",
    "areas/neck/index.html",
    "exercises/arm-circles/index.html",
    "index.html",
    "404.html",
)


def append(path: str, text: str) -> Callable[[Path], list[str]]:
    def change(project: Path) -> list[str]:
        file = project / path
        file.write_text(file.read_text(encoding="utf-8") + text, encoding="utf-8")
        return [path]

    return change


def replace(path: str, old: str, new: str) -> Callable[[Path], list[str]]:
    def change(project: Path) -> list[str]:
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert old in text
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
        return [path]

    return change


def new_exercise(project: Path) -> list[str]:
    text = (
        (project / CHIN).read_text(encoding="utf-8").replace("title: Chin tucks", "title: Chin tucks again")
    )
    text = "\n".join(line for line in text.split("\n") if not line.startswith("aliases:"))
    (project / "content/exercises/chin-tuck-again.md").write_text(text, encoding="utf-8")
    return ["content/exercises/chin-tuck-again.md"]


CHANGES = {
    "a body edit": append(CHIN, "\nOne more sentence, with a link to [[arm-circles]].\n"),
    "a title edit": replace(CHIN, "title: Chin tucks", "title: Chin glides"),
    "a summary edit": replace(CHIN, "summary: Slide your head", "summary: Glide your head"),
    "a template edit": append("templates/partials/footer.html", "<p>Footer edit</p>\n"),
    "a new exercise": new_exercise,
}


@pytest.mark.parametrize("name", CHANGES)
def test_pages_made_at_once_are_the_builds_pages(tmp_path: Path, name: str):
    project = copy_real_project(tmp_path / "project")
    fast = SiteBuild(project, base_url=BASE)
    assert fast.update([]).ok

    changed = CHANGES[name](project)
    update = fast.update(changed)
    pages, problems = fast.render([*update.own_pages, *OPEN])

    assert update.ok and problems == []
    assert set(pages) == {*OPEN, *update.own_pages}
    result = build(project, tmp_path / "site", base_url=BASE)
    assert result.ok
    for page, text in pages.items():
        assert (tmp_path / "site" / page).read_bytes() == text, page


def test_a_broken_save_is_reported_at_its_line_and_renders_nothing(tmp_path: Path):
    project = copy_real_project(tmp_path / "project")
    fast = SiteBuild(project, base_url=BASE)
    fast.update([])
    line = (project / CHIN).read_text(encoding="utf-8").split("\n").index("level: beginner") + 1

    update = fast.update(replace(CHIN, "level: beginner", "level: expert")(project))

    assert not update.ok
    assert [(str(d.path), d.line, d.code) for d in update.problems if d.is_error] == [
        (CHIN, line, "unknown-term")
    ]
    assert fast.update(replace(CHIN, "level: expert", "level: beginner")(project)).ok


def test_a_site_with_new_bodies_is_the_site_linking_makes(tmp_path: Path):
    project = copy_real_project(tmp_path / "project")
    before = load_and_link(project, BASE, [])
    assert before is not None
    append(CHIN, "\nSee also [[arm-circles]] and [[neck-relief]].\n")(project)
    replace("content/exercises/arm-circles.md", "[[shoulder-rolls]]", "Shoulder rolls")(
        project
    )  # a link removed
    after = load_and_link(project, BASE, [])
    assert after is not None

    swapped = replace_bodies(before, [after.exercises["chin-tuck"], after.exercises["arm-circles"]])

    assert swapped is not None
    assert swapped == (after, [])
    assert "arm-circles" not in swapped[0].linked_from.get("shoulder-rolls", ())
    assert "chin-tuck" in swapped[0].linked_from["neck-relief"]
    retitled = replace(CHIN, "title: Chin tucks", "title: Chin glides")
    retitled(project)
    changed = load_and_link(project, BASE, [])
    assert changed is not None
    assert (
        replace_bodies(before, [changed.exercises["chin-tuck"]]) is None
    )  # front matter changed: link again


def test_every_page_is_found_under_its_own_path(tmp_path: Path):
    project = copy_real_project(tmp_path / "project")
    site = load_and_link(project, BASE, [])
    assert site is not None
    records: list[Record] = [*site.exercises.values(), *site.routines.values(), *site.pages.values()]
    makers = view_makers(Context(site, render_documents(records, targets(site))))

    assert [path for path, make in makers.items() if make().path != path] == []
    fixed = 7  # home, the exercise and routine indexes, 404, search, the player, My routine
    assert len(makers) == len(site.exercises) + len(site.routines) + fixed + sum(
        1 + len(v.terms) for v in site.vocabularies.values()
    ) + len(site.pages) - ("home" in site.pages)


def test_saves_do_not_strand_memory(tmp_path: Path):
    """What each save replaces is freed: the preview's process keeps one site, not one per save
    (a freeze of the heap without a collection first once kept about 360 objects a save)."""
    project = copy_real_project(tmp_path / "project")
    site = SiteBuild(project, base_url=BASE, incremental=True)
    assert site.build(tmp_path / "site").ok
    alive = []
    for save in range(12):
        previous = f"X{save - 1} " if save else ""
        replace(CHIN, f"title: {previous}", f"title: X{save} ")(project)
        assert site.update([CHIN]).ok
        site.render(["exercises/chin-tuck/index.html"])
        assert site.build(tmp_path / "site").ok
        gc.collect()
        alive.append(len(gc.get_objects()))

    # Once two saves have warmed the caches, ten more leave about as many objects alive.
    assert alive[-1] - alive[1] < 1000, alive


def test_the_preview_and_build_make_each_page_through_the_same_function(tmp_path: Path, monkeypatch):
    """Every page, whether build() makes it (on every core) or the preview makes it at once
    after a save, comes out of the one render function (limber.render.templates.render_page); a page made
    any other way lacks its mark."""
    project = copy_real_project(tmp_path / "project")
    real = render.render_page

    def marked(env, view, shared):
        output = real(env, view, shared)
        return dataclasses.replace(output, text=output.text + "<!-- made by render_page -->")

    monkeypatch.setattr(render, "render_page", marked)
    site = SiteBuild(project, base_url=BASE)
    result = site.build(tmp_path / "site")
    assert result.ok
    assert result.site is not None
    pages_made = [tmp_path / "site" / page_file(path) for path in view_makers(Context(result.site, {}))]
    assert len(pages_made) > 100 and all(page.is_file() for page in pages_made)
    assert [
        p for p in pages_made if not p.read_text(encoding="utf-8").endswith("<!-- made by render_page -->")
    ] == []

    update = site.update(CHANGES["a body edit"](project))
    pages, problems = site.render([*update.own_pages, *OPEN])
    assert update.ok and problems == [] and set(pages) == {*OPEN, *update.own_pages}
    assert [p for p, text in pages.items() if not text.endswith(b"<!-- made by render_page -->")] == []
    again = site.build(tmp_path / "site")  # the same object builds the whole site after the save
    assert again.ok
    for page, text in pages.items():
        assert (tmp_path / "site" / page).read_bytes() == text, page


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def removed(path: str) -> Callable[[Path], list[str]]:
    def change(project: Path) -> list[str]:
        (project / path).unlink()
        return [path]

    return change


# Edits an editor makes in a row, each touching other pages than its own: back-links, cards
# (title, summary), related lists (muscles), a routine's steps, a term's description, a template,
# a stylesheet (a new hashed name; the old file goes), a new exercise, then its removal.
EDITS = [
    CHANGES["a body edit"],
    CHANGES["a title edit"],
    CHANGES["a summary edit"],
    replace(CHIN, "muscles: [deep-neck-flexors]", "muscles: [deep-neck-flexors, upper-trapezius]"),
    replace("content/routines/neck-relief.md", "title: Neck relief", "title: Neck ease"),
    replace("content/taxonomies.yaml", "where desk work and screens", "where desks and screens"),
    CHANGES["a template edit"],
    append("assets/css/screen.css", "\n.x { color: red; }\n"),
    CHANGES["a new exercise"],
    removed("content/exercises/chin-tuck-again.md"),
]


def test_a_site_built_again_is_the_clean_build(tmp_path: Path):
    """The preview's SiteBuild records what each view read and builds again only the views an
    edit touches, then writes its folder in place (only files whose bytes changed; what is no
    longer made is removed). After each edit in a row, its folder is a clean build's."""
    project = copy_real_project(tmp_path / "project")
    site = SiteBuild(project, base_url=BASE, cache_dir=tmp_path / "cache", incremental=True)
    out = tmp_path / "site"
    assert site.build(out).ok
    for number, change in enumerate(EDITS):
        site.update(change(project))
        assert site.build(out).ok
        assert build(project, tmp_path / f"clean-{number}", base_url=BASE).ok
        assert files(out) == files(tmp_path / f"clean-{number}"), change


def test_each_new_process_builds_only_the_views_an_edit_touches_and_the_clean_build(
    tmp_path: Path, monkeypatch
):
    """A new process has no site in memory: the build cache keeps what each view read, with a
    digest of each entry of the site it read. After each edit in a row, a new SiteBuild (as a
    new `build.py build` is) makes the clean build's folder, and after a body edit it builds
    only the views that read the edited exercise or its document."""
    project = copy_real_project(tmp_path / "project")
    cache, out = tmp_path / "cache", tmp_path / "site"
    assert build(project, out, base_url=BASE, cache_dir=cache).ok
    built: list[str] = []
    real = views.exercise_page
    monkeypatch.setattr(views, "exercise_page", lambda ctx, e: built.append(e.slug) or real(ctx, e))
    for number, change in enumerate(EDITS):
        built.clear()
        change(project)
        assert build(project, out, base_url=BASE, cache_dir=cache).ok
        if number == 0:  # the body edit: its own page and the few that show its words (6 of 89 here)
            assert "chin-tuck" in built and len(built) <= 10, built
        assert build(project, tmp_path / f"clean-{number}", base_url=BASE).ok
        assert files(out) == files(tmp_path / f"clean-{number}"), change
