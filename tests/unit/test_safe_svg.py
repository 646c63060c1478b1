"""SVG images are parsed as XML and checked against an allow-list, namespaces resolved."""

import pytest

from limber.render.safe_svg import svg_problem
from tests.conftest import ROOT
from tests.unit.test_linking import add_image, link_project

SVG = 'xmlns="http://www.w3.org/2000/svg"'
ICON = f"""<?xml version="1.0" encoding="UTF-8"?>
<svg {SVG} xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 24 24" width="24" height="24"
     role="img" aria-labelledby="t">
  <title id="t">A person stretching</title>
  <!-- drawn by hand -->
  <defs>
    <linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#2a6"/><stop offset="1" stop-color="#164"/></linearGradient>
    <symbol id="dot"><circle cx="2" cy="2" r="2"/></symbol>
    <style>.limb {{ stroke: url(#g); stroke-width: 2; fill: none }}</style>
  </defs>
  <g class="limb" transform="translate(1 1)" style="stroke-linecap: round">
    <path d="M4 20 L12 12 L20 20"/>
    <polyline points="6,6 12,2 18,6" fill="url(#g)"/>
    <rect x="1" y="1" width="3" height="3" rx="1" opacity="0.5"/>
  </g>
  <use xlink:href="#dot" x="10" y="10"/>
  <use href="#dot" x="4" y="4"/>
  <text x="2" y="23" font-size="3" xml:space="preserve">Stretch</text>
</svg>
"""
UNSAFE = {
    "namespace-prefixed script": (
        f'<svg {SVG}><x:script xmlns:x="http://www.w3.org/2000/svg">alert(1)</x:script></svg>',
        "element <script> is not allowed (scripts run when the file is opened)",
    ),
    "set writing an entity-encoded javascript: href": (
        f'<svg {SVG}><a id="l"><text>hi</text></a>'
        '<set href="#l" attributeName="href" to="&#106;avascript:alert(1)"/></svg>',
        "element <a> is not allowed",
    ),
    "set alone": (
        f'<svg {SVG}><g id="l"/><set href="#l" attributeName="onclick" to="alert(1)"/></svg>',
        "element <set> is not allowed (animation can rewrite attributes)",
    ),
    "animate writing a javascript: href": (
        f'<svg {SVG}><use id="u" href="#x"><animate attributeName="href" '
        'values="&#x6a;avascript:alert(1)"/></use></svg>',
        "element <animate> is not allowed (animation can rewrite attributes)",
    ),
    "external image": (
        f'<svg {SVG}><image href="https://tracker.example/x.png" width="1" height="1"/></svg>',
        "element <image> is not allowed",
    ),
    "external use": (
        f'<svg {SVG}><use href="https://tracker.example/x.svg#a"/></svg>',
        "attribute 'href' on <use> points outside the file ('https://tracker.example/x.svg#a'); only '#id' is allowed",
    ),
    "external xlink:href, entity-encoded": (
        f'<svg {SVG} xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="&#104;ttp://x.example/a.svg#b"/></svg>',
        "attribute 'xlink:href' on <use> points outside the file ('http://x.example/a.svg#b'); only '#id' is allowed",
    ),
    "DOCTYPE with an entity that hides a script": (
        f'<!DOCTYPE svg [<!ENTITY s "&#60;script>alert(1)&#60;/script>">]><svg {SVG}>&s;</svg>',
        "a DOCTYPE is not allowed (line 1)",
    ),
    "event handler": (
        f'<svg {SVG} onload="alert(1)"/>',
        "attribute 'onload' on <svg> is an event handler",
    ),
    "foreignObject": (
        f'<svg {SVG}><foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject></svg>',
        "element <foreignObject> is not allowed",
    ),
    "element from another namespace": (
        f'<svg {SVG}><h:iframe xmlns:h="http://www.w3.org/1999/xhtml" src="x"/></svg>',
        "element <iframe> in namespace 'http://www.w3.org/1999/xhtml' is not allowed; only SVG elements are",
    ),
    "attribute from another namespace": (
        f'<svg {SVG} xmlns:e="http://www.w3.org/2001/xml-events"><g e:event="click"/></svg>',
        "attribute 'event' in namespace 'http://www.w3.org/2001/xml-events' on <g> is not allowed",
    ),
    "svg-namespaced attribute": (
        f'<svg {SVG} xmlns:s="http://www.w3.org/2000/svg"><g s:onclick="alert(1)"/></svg>',
        "attribute 'onclick' in namespace 'http://www.w3.org/2000/svg' on <g> is not allowed",
    ),
    "no SVG namespace": (
        "<svg><script>alert(1)</script></svg>",
        'the root element must be <svg> in the SVG namespace (xmlns="http://www.w3.org/2000/svg")',
    ),
    "external url() in an attribute": (
        f'<svg {SVG}><rect fill="url(https://x.example/p.svg#g)"/></svg>',
        "attribute 'fill' on <rect> refers outside the file (url(https://x.example/p.svg#g)); only url(#id) is allowed",
    ),
    "@import in a style element": (
        f'<svg {SVG}><style>@import "https://x.example/a.css";</style></svg>',
        "<style> uses @import; remove it",
    ),
    "url() in a style attribute, CSS-escaped": (
        f'<svg {SVG}><rect style="fill: u\\72l(https://x.example/p)"/></svg>',
        "attribute 'style' on <rect> holds a CSS escape (\\); write the CSS plainly",
    ),
    "style with an external url()": (
        f"<svg {SVG}><style>rect {{ fill: url( 'https://x.example/p.svg#g' ) }}</style></svg>",
        "<style> refers outside the file (url( 'https://x.example/p.svg#g' )); only url(#id) is allowed",
    ),
    "expression()": (
        f'<svg {SVG}><rect style="width: expression(alert(1))"/></svg>',
        "attribute 'style' on <rect> uses expression(); remove it",
    ),
    "processing instruction": (
        f'<?xml-stylesheet href="https://x.example/a.css"?><svg {SVG}/>',
        "processing instruction <?xml-stylesheet?> is not allowed",
    ),
    "undefined entity": (
        f"<svg {SVG}><text>&nbsp;</text></svg>",
        "not well-formed XML: undefined entity: line 1, column 46",
    ),
    "not XML": (b"\x89PNG\r\n", "not well-formed XML: not well-formed (invalid token): line 1, column 0"),
    "root not svg": (
        f"<g {SVG}/>",
        'the root element must be <svg> in the SVG namespace (xmlns="http://www.w3.org/2000/svg")',
    ),
}


def test_an_icon_like_svg_passes():
    assert svg_problem(ICON.encode()) is None


def test_the_sites_own_favicon_passes():
    assert svg_problem((ROOT / "assets" / "icons" / "favicon.svg").read_bytes()) is None


@pytest.mark.parametrize("case", sorted(UNSAFE))
def test_unsafe_svg_is_refused_with_a_reason(case):
    data, reason = UNSAFE[case]

    assert svg_problem(data if isinstance(data, bytes) else data.encode()) == reason


def test_a_billion_laughs_is_refused_at_the_doctype():
    bomb = '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)
    )
    data = f"{bomb}]><svg {SVG}><text>&i;</text></svg>".encode()

    assert svg_problem(data) == "a DOCTYPE is not allowed (line 1)"


@pytest.mark.parametrize(
    "case", ["namespace-prefixed script", "set writing an entity-encoded javascript: href"]
)
def test_the_build_refuses_svg_that_a_text_match_let_through(case, project):
    data, reason = UNSAFE[case]
    add_image(project, "chin.svg", data.encode())

    _, problems = link_project(project)

    assert problems == [
        f"content/exercises/chin-tuck.md:21: error[unsafe-svg]: SVG 'content/images/chin.svg' is unsafe: {reason}; remove it"
    ]


def test_the_build_accepts_an_icon_like_svg(project):
    add_image(project, "chin.svg", ICON.encode())

    site, problems = link_project(project)

    assert problems == []
    assert site.images["chin.svg"] == ICON.encode()
