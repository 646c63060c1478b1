"""Figure -> inline SVG, and the figure in words for its alt text. Pure functions of the figure."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping

from limber.figures.arrows import auto_arrows
from limber.figures.figure import Arrow, Figure
from limber.figures.scene import Scene, compose
from limber.figures.spec import BASE, PROP, joint_of
from limber.figures.svg import SIZES, svg_document


def figure_svg(
    figure: Figure,
    *,
    title: str,
    size: str = "full",
    uid: str | None = None,
    names: Mapping[str, str] | None = None,
) -> str:
    """The figure as an inline SVG (`role="img"`, its title, and the alt text as its description).

    *size* is "full" (320 x 240) or "small" (120 x 90). Ids inside the SVG start with *uid*;
    by default it is derived from the figure, title and size, so different figures never share
    ids. Pass a distinct *uid* when the same figure appears twice on one page. *names* gives
    display names for marked muscles and areas (slug -> name) for the description.
    """
    if size not in SIZES:
        raise ValueError(f"size must be one of {', '.join(SIZES)}")
    scene = _composed(figure)  # the full and small sizes of a figure share their layout
    if uid is None:
        digest = hashlib.sha256(f"{figure!r}|{title}|{size}".encode()).hexdigest()[:8]
        uid = f"fig-{digest}"
    return svg_document(
        scene.items, scene.box, title=title, desc=alt_text(figure, names=names), size=size, uid=uid
    )


@functools.lru_cache(maxsize=256)
def _composed(figure: Figure) -> Scene:
    return compose(figure)


def alt_text(figure: Figure, *, names: Mapping[str, str] | None = None) -> str:
    """The figure in words: position, view, props, movement, marked muscles and the side shown."""
    base = BASE[figure.base]
    camera = base.cameras[figure.view]
    if camera == "above":
        seen = "seen from above"
    elif figure.view == "side":
        seen = f"seen from the {figure.near} side"
    else:
        seen = "seen from the front" if figure.view == "front" else "seen from behind"
    sentence = f"A person {base.words}, {seen}"
    props = [PROP[u.name].words for u in figure.props if not (u.name == "chair" and base.seat)]
    if props:
        sentence += ", with " + _and(props)
    sentences = [sentence + "."]
    if figure.zoom:
        near, far = figure.near, "left" if figure.near == "right" else "right"
        part = figure.zoom.replace("near.", f"{near} ").replace("far.", f"{far} ").replace(".", " ")
        sentences.append(f"The picture shows the {part} close up.")
    arrows = figure.arrows if figure.arrows is not None else auto_arrows(figure)
    moves = [_movement(figure, a) for a in arrows]
    sentences += [m[0].upper() + m[1:] + "." for m in moves if m]
    sentences += _hands(figure)
    if figure.then:
        sentences.append(f"Dashed outlines show the next {len(figure.then) + 1} positions, in turn.")
    elif figure.end is not None:
        sentences.append("A dashed outline shows where the movement ends.")
    if figure.mark:
        marked = [(names or {}).get(m, m.replace("-", " ")) for m in figure.mark]
        sentences.append(f"Marked: {_and(marked)}.")
    if figure.side:
        sentences.append(f"Shown on the {figure.side} side.")
    return " ".join(sentences)


HAND_WORDS = {"open": "open, fingers straight", "flat": "flat", "hook": "in a hook fist",
              "fist": "in a full fist", "tabletop": "in a tabletop, knuckles bent and fingers straight",
              "straight-fist": "in a straight fist", "grip": "gripping"}  # fmt: skip
PALM_WORDS = {"up": "with the palm up", "down": "with the palm down", "in": "with the thumb up"}


def _hands(figure: Figure) -> list[str]:
    """The hand shapes and palms in words, and how a hand changes by the end."""
    start, end = figure.hands("start"), figure.hands("end") if figure.end is not None else {}
    out = []
    for side in ("left", "right"):
        shape, palm = start.get(f"{side}.hand"), start.get(f"{side}.palm")
        words = [HAND_WORDS[shape] if shape else "held"]
        words += [PALM_WORDS[palm]] if palm else []
        if shape or palm:
            out.append(f"The {side} hand is {(', ' if shape else ' ').join(words)}.")
        later = end.get(f"{side}.hand")
        if later and later != shape:
            out.append(f"It ends {HAND_WORDS[later]}.")
    return out


def _movement(figure: Figure, arrow: Arrow) -> str:
    if arrow.kind == "to":
        joint = joint_of(arrow.target)
        before = figure.angles("start")[arrow.target]
        if int(arrow.value) == before:
            return ""
        side = arrow.target.partition(".")[0] + " " if joint.sided else ""
        words = joint.words(figure.kind, 1 if int(arrow.value) > before else -1)
        return f"the {side}{joint.part} {words}"
    far = "left" if figure.near == "right" else "right"
    target = (
        str(arrow.target).replace("near.", f"{figure.near} ").replace("far.", f"{far} ").replace(".", " ")
    )
    if arrow.kind == "turn":
        return f"the {target} turns to the {arrow.value}"
    if arrow.kind == "circle":
        return f"the {target} circles {arrow.value}"
    return f"the {target} moves {arrow.value}"


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
