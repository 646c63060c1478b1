"""Library behaviour the site's safety relies on, pinned so an upgrade that changes it fails here."""

import jinja2
import markdown
import nh3

from limber.render.markdown import ATTRIBUTES, TAGS, Converter
from limber.render.templates import make_env

HOSTILE_HTML = (
    '<script>alert(1)</script><a href="javascript:alert(1)" onclick="alert(1)">x</a>'
    '<img src=x onerror=alert(1)><iframe src="https://x.example/"></iframe><p style="x" onmouseover="y">t</p>'
)


def test_python_markdown_passes_raw_html_through_by_default():
    # Why limber.render.markdown removes the HTML processors: by default, HTML is copied as written.
    assert "<script>alert(1)</script>" in markdown.markdown("<script>alert(1)</script>")
    assert '<b onclick="x">' in markdown.markdown('Some <b onclick="x">bold</b> text')


def test_our_converter_removes_the_html_processors():
    converter = Converter({})

    assert "html_block" not in converter.markdown.preprocessors
    assert "html" not in converter.markdown.inlinePatterns
    produced = converter.markdown.reset().convert('<script>alert(1)</script>\n\nSome <b onclick="x">b</b>')
    assert "<script" not in produced
    assert "<b" not in produced
    assert "&lt;script&gt;" in produced


def test_nh3_defaults_strip_scripts_event_handlers_and_javascript_urls():
    cleaned = nh3.clean(HOSTILE_HTML)

    assert "<script" not in cleaned
    assert "alert(1)</" not in cleaned
    assert "onclick" not in cleaned
    assert "onerror" not in cleaned
    assert "onmouseover" not in cleaned
    assert "javascript:" not in cleaned
    assert "<iframe" not in cleaned


def test_nh3_with_our_allow_lists_keeps_only_them():
    cleaned = nh3.clean(
        HOSTILE_HTML + '<h2 id="a" class="b">h</h2><a href="https://x.example/" title="t">ok</a>',
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
    )

    assert cleaned == '<a>x</a><p>t</p><h2 id="a">h</h2><a href="https://x.example/" title="t">ok</a>'


def test_jinja_autoescapes_html_and_xml_templates_but_not_text(tmp_path):
    for name in ("page.html", "feed.xml", "robots.txt"):
        (tmp_path / name).write_text("{{ value }}|{{ value|tojson }}")
    env = make_env(tmp_path)
    value = "<script>\"'&</script>\u2028"

    html = env.get_template("page.html").render(value=value)
    xml = env.get_template("feed.xml").render(value=value)
    text = env.get_template("robots.txt").render(value=value)

    escaped = "&lt;script&gt;&#34;&#39;&amp;&lt;/script&gt;\u2028"
    as_json = '"\\u003cscript\\u003e\\"\\u0027\\u0026\\u003c/script\\u003e\\u2028"'
    assert html == xml == f"{escaped}|{as_json}"
    assert text.startswith(value + "|")


def test_jinja_select_autoescape_is_by_extension():
    select = jinja2.select_autoescape(["html", "xml"])

    assert select("a.html") and select("a.xml")
    assert not select("a.txt")
