from limber.documents import list_items, plain_text
from limber.markdown import LinkTarget, render_markdown

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
