"""What a drawing is made of before it becomes SVG: outlined shapes and dots, each with a role.

The role decides the look (drawn in svg.py): the whole figure uses one line style, so only a
handful of roles exist.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from limber.figures.geometry import Point

ROLES = (
    "body",  # the start pose: outlined, lightly tinted
    "far",  # limbs on the far side in the side view: fainter
    "ghost",  # the end pose: dashed, no tint
    "hatch",  # a marked muscle or area: hatched
    "dots",  # a lightly marked (secondary) muscle: dotted
    "edge",  # a plain line of the body (neck sides, spine line)
    "neck-tint",  # the neck's tint, without an outline across its ends
    "prop",  # props and the floor: outlined, no tint
    "prop-tint",  # a prop with some body (roller, balls): outlined, lightly tinted
    "ball",  # a small prop pressed into the body (a massage ball): full outline, strongly tinted
    "strap",  # a band or towel: a thicker line
    "arrow",  # the movement arrow's shaft
    "ink",  # filled shapes: arrowheads, eyes
    "label",  # a number drawn in strokes: the order of close-ups
)


@dataclass(frozen=True, slots=True)
class Item:
    """A polygon or polyline (points), or a circle (center and radius), in y-up drawing units."""

    role: str
    points: tuple[Point, ...] = ()
    closed: bool = True
    center: Point | None = None
    radius: float = 0.0
    tucked: tuple[Point, ...] = ()  # a shape drawn earlier that still hides this one's lines (a leg's root)

    def all_points(self) -> list[Point]:
        if self.center is not None:
            (x, y), r = self.center, self.radius
            return [(x - r, y - r), (x + r, y + r)]
        return list(self.points)

    def moved(self, f: Callable[[Point], Point]) -> Item:
        center = None if self.center is None else f(self.center)
        tucked = tuple(f(p) for p in self.tucked)
        return replace(self, points=tuple(f(p) for p in self.points), center=center, tucked=tucked)


def poly(role: str, points: Iterable[Point], closed: bool = True) -> Item:
    return Item(role, tuple(points), closed)


def circle(role: str, center: Point, radius: float) -> Item:
    return Item(role, center=center, radius=radius)
