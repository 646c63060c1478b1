"""Figure -> inline SVG, and the figure in words for its alt text. Pure functions of the figure."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping

from limber.figures.arrows import movement_arrows
from limber.figures.bases import BASE
from limber.figures.figure import Arrow, Figure
from limber.figures.panels import is_close_up_sequence
from limber.figures.scene import Scene, compose
from limber.figures.spec import PROP, joint_of
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
        if is_close_up_sequence(figure):
            count = len(figure.poses())
            sentences.append(
                f"The picture shows the {part} close up, in {count} numbered pictures, one for each position in turn."
            )
        else:
            sentences.append(f"The picture shows the {part} close up.")
    moves = [_movement(figure, a) for a in movement_arrows(figure)]
    sentences += [m[0].upper() + m[1:] + "." for m in moves if m]
    sentences += _hands(figure)
    if is_close_up_sequence(figure):
        pass
    elif figure.then:
        count = len(figure.then) + 1
        sentences.append(
            f"Dashed outlines show the next {count} positions, in turn, and arrows lead from each to the next."
        )
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
    """The hand shapes and palms in words, and how a hand changes in the later positions.

    Two hands that do the same are described once, as both hands.
    """
    start = figure.hands("start")
    later = [figure.hands(which) for which in figure.poses()[1:]]
    said = {side: _hand(start, later, side) for side in ("left", "right")}
    if said["left"] and said["left"] == said["right"]:
        first, *rest = said["left"]
        plural = {"It ends": "They end", "It goes": "They go"}
        return [first.replace("The {side} hand is", "Both hands are"),
                *(plural[r[:7]] + r[7:] for r in rest)]  # fmt: skip
    return [line.replace("{side}", side) for side, lines in said.items() for line in lines]


def _hand(start: dict[str, str], later: list[dict[str, str]], side: str) -> list[str]:
    """One hand in words ("The {side} hand is ..."): its shape and palm, then its later shapes."""
    shape, palm = start.get(f"{side}.hand"), start.get(f"{side}.palm")
    out = []
    if shape or palm:
        words = [HAND_WORDS[shape] if shape else "held", *([PALM_WORDS[palm]] if palm else [])]
        out.append("The {side} hand is " + (", " if shape else " ").join(words) + ".")
    shapes = [s for s in (pose.get(f"{side}.hand") for pose in later) if s]
    if shapes and shapes != [shape] * len(shapes):
        if len(later) == 1:
            out.append(f"It ends {HAND_WORDS[shapes[0]]}.")
        else:
            out.append("It goes " + "; then ".join(HAND_WORDS[s] for s in shapes) + ".")
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
