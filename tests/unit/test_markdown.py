import dataclasses

from limber.build.loading import load_and_link
from limber.model.records import Exercise
from limber.render.documents import list_items, plain_text, render_document
from limber.render.markdown import Converter, LinkTarget, render_markdown
from tests.conftest import ROOT

TARGETS = {"chin-tuck": LinkTarget("/guide/exercises/chin-tuck/", "Chin tucks")}


def test_wikilinks_become_links_with_the_title_or_the_given_text():
    html = render_markdown("Try [[chin-tuck]] or [[chin-tuck|this one]].", TARGETS)

    assert html == (
        '<p>Try <a class="xref" href="/guide/exercises/chin-tuck/">Chin tucks</a> or '
        '<a class="xref" href="/guide/exercises/chin-tuck/">this one</a>.</p>'
    )


def test_headings_get_stable_ids():
    assert (
        render_markdown("## How to do it\n\n1. Sit", TARGETS)
        == '<h2 id="how-to-do-it">How to do it</h2>\n<ol>\n<li>Sit</li>\n</ol>'
    )


def test_raw_html_that_slips_through_is_escaped_and_bad_urls_are_dropped():
    html = render_markdown(
        '<script>alert(1)</script>\n\nA [link](javascript:alert(1)) and <b onclick="x">b</b>', TARGETS
    )

    assert "<script" not in html and "<b" not in html  # no element made from raw HTML
    assert "&lt;script&gt;" in html and "&lt;b onclick" in html  # shown as text instead
    assert "javascript:" not in html


def test_attribute_syntax_is_not_enabled():
    assert (
        render_markdown("## Title {: onclick=x }", TARGETS)
        == '<h2 id="title-onclickx">Title {: onclick=x }</h2>'
    )


def test_plain_text_strips_markup():
    html = render_markdown("Sit **tall**, then do [[chin-tuck]].", TARGETS)
    assert plain_text(html) == "Sit tall, then do Chin tucks."


def test_list_items_are_the_numbered_steps_as_text():
    html = render_markdown(
        "- a tip\n\n1. Sit *tall*.\n2. Tuck [[chin-tuck]]\n\n    - nested\n\nDone.", TARGETS
    )
    assert list_items(html) == ("Sit tall.", "Tuck Chin tucks nested")


def exercise_with(body: str) -> Exercise:
    site = load_and_link(ROOT, None, [])  # the guide's own content: a whole, valid exercise
    assert site is not None
    return dataclasses.replace(site.exercises["chin-tuck"], body=body)


def each_on_its_own(*texts: str) -> list[str]:
    """What converting each section separately gives: the cut of one conversion must agree."""
    return [Converter(TARGETS).convert(text) for text in texts]


def test_an_exercise_body_is_converted_once_and_cut_into_its_sections_in_page_order():
    intro, tips, steps = (
        "Intro, *gently*.",
        '## Tips\n\n- Keep it "slow" -- [[chin-tuck]]',
        "## How to do it\n\n1. Sit.\n2. Tuck.",
    )

    document = render_document(exercise_with(f"{intro}\n\n{tips}\n\n{steps}\n"), Converter(TARGETS))

    assert [s.heading for s in document.sections] == ["How to do it", "Tips"]
    assert [document.intro_html, *(s.html for s in document.sections)] == each_on_its_own(intro, steps, tips)
    assert document.steps == ("Sit.", "Tuck.")


def test_a_heading_in_a_quote_stays_inside_its_section():
    steps, tips = "## How to do it\n\n1. Sit.", "## Tips\n\n> ## Not a section\n> Quoted."

    document = render_document(exercise_with(f"{steps}\n\n{tips}\n"), Converter(TARGETS))

    assert [s.heading for s in document.sections] == ["How to do it", "Tips"]
    assert [s.html for s in document.sections] == each_on_its_own(steps, tips)
    assert "<blockquote>" in document.sections[1].html and document.intro_html == ""
