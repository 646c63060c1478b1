"""What a body's Markdown becomes: typographic quotes, dashes and ellipses, and only the syntax a body may use."""

from limber.render.markdown import LinkTarget, educate, render_markdown

TARGETS = {"childs-pose": LinkTarget("/guide/exercises/childs-pose/", "Child's pose")}


def test_quotes_apostrophes_dashes_and_ellipses_become_typographic():
    html = render_markdown('Think "back and down" -- not "up"... It\'s the \'80s --- really.', TARGETS)

    assert html == "<p>Think “back and down” – not “up”… It’s the ’80s — really.</p>"


def test_code_autolinks_and_escaped_quotes_stay_straight():
    html = render_markdown("`it's \"x\"` and \\\"y\\\" and \\'z\\' <https://example.org/it's>", TARGETS)

    assert html == (
        '<p><code>it\'s "x"</code> and "y" and \'z\' '
        "<a href=\"https://example.org/it's\">https://example.org/it's</a></p>"
    )


def test_link_titles_emphasis_and_headings_get_them_too_and_ids_keep_the_words():
    html = render_markdown('## Don\'t "stop"\n\nTry [[childs-pose]] and **"bold"**.', TARGETS)

    assert html == (
        '<h2 id="dont-stop">Don’t “stop”</h2>\n'
        '<p>Try <a class="xref" href="/guide/exercises/childs-pose/">Child’s pose</a> and '
        "<strong>“bold”</strong>.</p>"
    )


def test_plain_text_beside_markup_is_kept_and_the_markup_made():
    html = render_markdown("Plain intro.\n\n- *tip* one\n- plain 'two'\n\nAfter [[childs-pose]].", TARGETS)

    assert html == (
        "<p>Plain intro.</p>\n<ul>\n<li><em>tip</em> one</li>\n<li>plain ‘two’</li>\n</ul>\n"
        '<p>After <a class="xref" href="/guide/exercises/childs-pose/">Child’s pose</a>.</p>'
    )


def test_a_quote_beside_a_dash_or_inside_a_quote_reads_as_smartypants_reads_it():
    assert educate("a --'word'") == "a –‘word’"
    assert educate("\"'Quoted' words in a quote.\"") == "“‘Quoted’ words in a quote.”"
    assert educate("'tis ---- 4 dashes and .... four dots") == "‘tis ---- 4 dashes and .... four dots"


def test_an_image_or_a_toc_marker_in_a_body_shows_as_written():
    # No image survives the sanitiser and a body has no table of contents: say so visibly.
    assert render_markdown("![A pose](pose.png)", TARGETS) == "<p>![A pose](pose.png)</p>"
    assert render_markdown("[TOC]", TARGETS) == "<p>[TOC]</p>"
