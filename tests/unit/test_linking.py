from pathlib import Path

from limber.build.loading import load_and_link


def link_project(project: Path):
    diagnostics = []
    site = load_and_link(project, None, diagnostics)
    return site, [str(d) for d in diagnostics]


def test_the_fixture_links_cleanly_with_backlinks_and_members(project):
    site, problems = link_project(project)

    assert problems == []
    assert site.used_in["chin-tuck"] == ("desk-minute",)
    assert site.linked_from["desk-minute"] == ("home", "shoulder-blade-squeeze")
    assert site.linked_from["upper-trapezius-stretch"] == ("chin-tuck",)
    assert site.members[("areas", "neck")] == ("chin-tuck", "upper-trapezius-stretch")
    assert site.members[("goals", "desk-break")] == ("desk-minute",)


def test_related_lists_explicit_first_then_by_shared_muscles_and_areas(project):
    site, _ = link_project(project)

    assert site.related["chin-tuck"] == ("upper-trapezius-stretch",)
    assert site.related["upper-trapezius-stretch"] == ("chin-tuck",)  # squeezes share nothing


def test_routine_steps_apply_overrides_hold_and_time_as_a_pair(project):
    site, _ = link_project(project)
    steps = site.steps["desk-minute"]

    assert (steps[1].dosage.hold, steps[1].dosage.reps, steps[1].dosage.sides) == (20, 1, "each")
    assert steps[1].note == "Go gently."
    assert steps[2].dosage.sets == 1 and steps[2].dosage.rest == 30


def test_unknown_references_are_reported_at_their_lines_with_suggestions(project):
    routine = project / "content" / "routines" / "desk-minute.md"
    routine.write_text(
        routine.read_text()
        .replace("exercise: chin-tuck", "exercise: chin-tuk")
        .replace("[[chin-tuck]]", "[[chin-tuk]]")
    )
    chin = project / "content" / "exercises" / "chin-tuck.md"
    chin.write_text(
        chin.read_text().replace("related: [upper-trapezius-stretch]", "related: [upper-trapezius-strech]")
    )

    _, problems = link_project(project)

    assert problems == [
        "content/exercises/chin-tuck.md:19: error[unknown-exercise]: 'related' names unknown exercise 'upper-trapezius-strech' (did you mean 'upper-trapezius-stretch'?)",
        "content/routines/desk-minute.md:9: error[unknown-exercise]: 'steps[1].exercise' names unknown exercise 'chin-tuk' (did you mean 'chin-tuck'?)",
        "content/routines/desk-minute.md:18: error[unknown-link]: link [[chin-tuk]] names no exercise, routine or page (did you mean 'chin-tuck'?)",
    ]


def test_a_slug_used_twice_ignoring_case_names_both_files(project):
    (project / "content" / "routines" / "chin-tuck.md").write_text(
        (project / "content" / "routines" / "desk-minute.md").read_text()
    )

    _, problems = link_project(project)

    assert problems == [
        "content/routines/chin-tuck.md:1: error[duplicate-slug]: slug 'chin-tuck' is already used by content/exercises/chin-tuck.md; rename one of the files"
    ]


def test_routine_level_must_reach_its_hardest_step(project):
    routine = project / "content" / "routines" / "desk-minute.md"
    routine.write_text(routine.read_text().replace("level: intermediate", "level: beginner"))

    _, problems = link_project(project)

    assert problems == [
        "content/routines/desk-minute.md:5: error[level-too-low]: level 'beginner' is easier than step 'shoulder-blade-squeeze' (intermediate); set level: intermediate"
    ]


def test_an_alias_may_not_be_another_exercises_title(project):
    squeeze = project / "content" / "exercises" / "shoulder-blade-squeeze.md"
    squeeze.write_text(
        squeeze.read_text().replace(
            "title: Shoulder blade squeezes", "title: Shoulder blade squeezes\naliases: [Chin tucks]"
        )
    )

    _, problems = link_project(project)

    assert problems == [
        "content/exercises/shoulder-blade-squeeze.md:3: error[duplicate-alias]: 'aliases[1]' is 'Chin tucks', the title of content/exercises/chin-tuck.md; an alias must not name another exercise"
    ]


def test_raw_html_and_missing_sections_are_errors_at_their_lines(project):
    chin = project / "content" / "exercises" / "chin-tuck.md"
    chin.write_text(chin.read_text().replace("## Tips", "<div onclick=x>Tips</div>"))

    _, problems = link_project(project)

    assert sorted(problems) == [
        "content/exercises/chin-tuck.md:23: error[missing-section]: the body has no '## Tips' section; exercises have '## How to do it' (a numbered list), '## Tips' and '## Avoid'",
        "content/exercises/chin-tuck.md:31: error[raw-html]: raw HTML '</div>' is not allowed; use Markdown instead",
        "content/exercises/chin-tuck.md:31: error[raw-html]: raw HTML '<div onclick=x>' is not allowed; use Markdown instead",
    ]


def test_an_unused_term_is_a_warning_at_its_line(project):
    taxonomies = project / "content" / "taxonomies.yaml"
    taxonomies.write_text(
        taxonomies.read_text().replace(
            "goals:\n", "goals:\n  - slug: spare\n    name: Spare\n    description: Unused.\n"
        )
    )

    _, problems = link_project(project)

    assert problems == [
        "content/taxonomies.yaml:63: warning[unused-term]: goals term 'spare' is used by no content, so its page would be empty"
    ]


def add_image(project: Path, name: str, data: bytes, alt: str = "A person tucking the chin") -> None:
    images = project / "content" / "images"
    images.mkdir(exist_ok=True)
    (images / name).write_bytes(data)
    chin = project / "content" / "exercises" / "chin-tuck.md"
    chin.write_text(
        chin.read_text().replace(
            "reviewed:", f"image:\n  src: {name}\n  alt: {alt}\n  license: own\nreviewed:"
        )
    )


def test_an_image_is_linked_from_content_images(project):
    add_image(project, "chin.png", b"\x89PNG fake")

    site, problems = link_project(project)

    assert problems == []
    assert site.images == {"chin.png": b"\x89PNG fake"}
    assert site.exercises["chin-tuck"].image.alt == "A person tucking the chin"


def test_a_missing_image_and_an_svg_with_script_are_errors(project):
    add_image(project, "chin.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')

    _, problems = link_project(project)

    assert problems == [
        "content/exercises/chin-tuck.md:21: error[unsafe-svg]: SVG 'content/images/chin.svg' is unsafe: element <script> is not allowed (scripts run when the file is opened); remove it"
    ]
    chin = project / "content" / "exercises" / "chin-tuck.md"
    chin.write_text(chin.read_text().replace("src: chin.svg", "src: chin.webp"))
    _, problems = link_project(project)
    assert problems == [
        "content/exercises/chin-tuck.md:21: error[missing-image]: image 'content/images/chin.webp' does not exist"
    ]
