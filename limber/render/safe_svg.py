"""SVG images: parsed as XML and held to an allow-list, so a picture can never run code.

An SVG opened from the site is a document the browser runs: a script, an event handler, an
animation that rewrites a link, or an external reference all work there. Matching tag names as
text misses namespace prefixes and entities, so the file is parsed instead (expat, namespaces
resolved, character references expanded, no DOCTYPE and so no entity declarations), and every
element and attribute must be on the lists below. Only '#id' references inside the file are
allowed, in href, xlink:href and url().
"""

from __future__ import annotations

import re
from xml.parsers import expat

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_PREFIXES = {XLINK_NS: "xlink", XML_NS: "xml"}

ELEMENTS = frozenset(
    {
        "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "style",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textPath",
        "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
        "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite",
        "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap", "feDistantLight",
        "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
        "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset",
        "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    }
)  # fmt: skip
# Refused elements whose reason is worth saying; every other unlisted element is refused plainly.
_WHY = {
    "script": "scripts run when the file is opened",
    **dict.fromkeys(
        ("set", "animate", "animateColor", "animateMotion", "animateTransform", "discard", "mpath"),
        "animation can rewrite attributes",
    ),
}
ATTRIBUTES = frozenset(
    {
        # core, geometry, accessibility
        "id", "class", "style", "lang", "role", "focusable", "version", "baseProfile",
        "viewBox", "preserveAspectRatio", "width", "height", "x", "y", "x1", "y1", "x2", "y2",
        "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "d", "points", "transform", "pathLength",
        "href",
        # presentation
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap",
        "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
        "stroke-opacity", "opacity", "color", "display", "visibility", "overflow", "clip",
        "clip-path", "clip-rule", "mask", "filter", "marker-start", "marker-mid", "marker-end",
        "stop-color", "stop-opacity", "flood-color", "flood-opacity", "lighting-color",
        "color-interpolation", "color-interpolation-filters", "shape-rendering",
        "text-rendering", "image-rendering", "vector-effect", "paint-order", "mix-blend-mode",
        "isolation", "transform-origin", "enable-background",
        # text
        "font-family", "font-size", "font-weight", "font-style", "font-variant",
        "font-stretch", "text-anchor", "dominant-baseline", "alignment-baseline",
        "baseline-shift", "letter-spacing", "word-spacing", "text-decoration", "writing-mode",
        "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing",
        "side",
        # gradients, patterns, clips, masks, markers
        "gradientUnits", "gradientTransform", "spreadMethod", "offset", "patternUnits",
        "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits",
        "maskContentUnits", "markerWidth", "markerHeight", "markerUnits", "refX", "refY",
        "orient",
        # filters
        "filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation", "mode", "type",
        "values", "operator", "k1", "k2", "k3", "k4", "radius", "scale", "xChannelSelector",
        "yChannelSelector", "baseFrequency", "numOctaves", "seed", "stitchTiles", "tableValues",
        "slope", "intercept", "amplitude", "exponent", "surfaceScale", "diffuseConstant",
        "specularConstant", "specularExponent", "kernelMatrix", "kernelUnitLength", "order",
        "divisor", "bias", "targetX", "targetY", "edgeMode", "preserveAlpha", "azimuth",
        "elevation", "pointsAtX", "pointsAtY", "pointsAtZ", "limitingConeAngle", "z", "media",
    }
)  # fmt: skip
_XML_ATTRIBUTES = frozenset({"space", "lang"})

_URL = re.compile(r"url\(\s*(['\"]?)\s*([^'\")]*)", re.IGNORECASE)
_FUNCTION = re.compile(r"([a-z][a-z0-9-]*)\s*\(", re.IGNORECASE)
# CSS functions that load something or run code without url().
_LOADERS = frozenset({"expression", "image", "image-set", "cross-fade", "element", "src", "paint"})


class _Refused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def svg_problem(data: bytes) -> str | None:
    """Why the SVG *data* is unsafe to publish, naming the element or attribute; None if it is safe."""
    checker = _Checker()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = lambda *_: checker.refuse_doctype(parser.CurrentLineNumber)
    parser.EntityDeclHandler = lambda *_: checker.refuse_doctype(parser.CurrentLineNumber)
    parser.ProcessingInstructionHandler = checker.instruction
    parser.StartElementHandler = checker.start
    parser.EndElementHandler = checker.end
    parser.CharacterDataHandler = checker.text
    try:
        parser.Parse(data, True)
    except _Refused as refused:
        return refused.reason
    except expat.ExpatError as err:
        return f"not well-formed XML: {err}"
    return None


class _Checker:
    """Expat callbacks that raise _Refused at the first element or attribute off the lists."""

    def __init__(self) -> None:
        self.depth = 0
        self.style: list[str] | None = None  # the text of an open <style>

    def refuse_doctype(self, line: int) -> None:
        raise _Refused(f"a DOCTYPE is not allowed (line {line})")

    def instruction(self, target: str, _data: str) -> None:
        raise _Refused(f"processing instruction <?{target}?> is not allowed")

    def start(self, name: str, attributes: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        if self.depth == 0 and (namespace, local) != (SVG_NS, "svg"):
            raise _Refused(f'the root element must be <svg> in the SVG namespace (xmlns="{SVG_NS}")')
        self.depth += 1
        if namespace != SVG_NS:
            raise _Refused(
                f"element <{local}> in namespace '{namespace}' is not allowed; only SVG elements are"
            )
        if local not in ELEMENTS:
            why = f" ({_WHY[local]})" if local in _WHY else ""
            raise _Refused(f"element <{local}> is not allowed{why}")
        for key, value in attributes.items():
            _check_attribute(local, key, value)
        if local == "style":
            self.style = []

    def end(self, name: str) -> None:
        self.depth -= 1
        if self.style is not None and name == f"{SVG_NS} style":
            problem = _css_problem("".join(self.style))
            self.style = None
            if problem:
                raise _Refused(f"<style> {problem}")

    def text(self, data: str) -> None:
        if self.style is not None:
            self.style.append(data)


def _check_attribute(element: str, key: str, value: str) -> None:
    namespace, _, local = key.rpartition(" ")
    shown = f"{_PREFIXES[namespace]}:{local}" if namespace in _PREFIXES else local
    where = f"attribute '{shown}' on <{element}>"
    if namespace == XLINK_NS and local == "href":
        pass
    elif namespace == XML_NS and local in _XML_ATTRIBUTES:
        return
    elif namespace:
        raise _Refused(f"attribute '{local}' in namespace '{namespace}' on <{element}> is not allowed")
    elif local.lower().startswith("on"):
        raise _Refused(f"{where} is an event handler")
    elif local not in ATTRIBUTES and not local.startswith("aria-"):
        raise _Refused(f"{where} is not allowed")
    if local == "href":
        if not value.strip().startswith("#"):
            raise _Refused(f"{where} points outside the file ('{value}'); only '#id' is allowed")
        return
    problem = _css_problem(value)
    if problem:
        raise _Refused(f"{where} {problem}")


def _css_problem(css: str) -> str | None:
    """What in a style sheet or presentation value could load or run something, or None."""
    if "\\" in css:
        return "holds a CSS escape (\\); write the CSS plainly"
    if "@import" in css.lower():
        return "uses @import; remove it"
    for match in _FUNCTION.finditer(css):
        name = re.sub(r"^-[a-z]+-", "", match.group(1).lower())
        if name in _LOADERS:
            return f"uses {name}(); remove it"
    for match in _URL.finditer(css):
        if not match.group(2).startswith("#"):
            close = css.find(")", match.start())
            shown = css[match.start() : close + 1 if close >= 0 else len(css)]
            return f"refers outside the file ({shown}); only url(#id) is allowed"
    return None
