"""The typed records validated content becomes, and the frozen Site that links them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from limber.config import SiteConfig
from limber.diagnostics import Origin

# Vocabulary name -> the heading readers see on its index page, in display order.
VOCABULARIES: Mapping[str, str] = {
    "areas": "Body areas",
    "muscles": "Muscles",
    "equipment": "Equipment",
    "levels": "Levels",
    "positions": "Positions",
    "types": "Types",
    "goals": "Routine goals",
}


@dataclass(frozen=True, slots=True)
class Term:
    """One entry of a controlled vocabulary (an area, a muscle, a piece of equipment, ...)."""

    vocabulary: str
    slug: str
    name: str
    description: str
    anatomical: str | None = None  # muscles
    areas: tuple[str, ...] = ()  # muscles
    view: str | None = None  # muscles: front or back
    household: bool | None = None  # equipment

    @property
    def path(self) -> str:
        return f"{self.vocabulary}/{self.slug}/"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    name: str
    title: str
    terms: tuple[Term, ...]

    @property
    def path(self) -> str:
        return f"{self.name}/"

    def get(self, slug: str) -> Term | None:
        return next((term for term in self.terms if term.slug == slug), None)

    def rank(self, slug: str) -> int:
        """Position in display order (levels use it to compare difficulty)."""
        return [term.slug for term in self.terms].index(slug)


@dataclass(frozen=True, slots=True)
class Frequency:
    times: int
    per: str  # day | week
    up_to: bool = False


@dataclass(frozen=True, slots=True)
class Dosage:
    """How much of an exercise to do; times are whole seconds."""

    sides: str  # each | alternating | both
    hold: int | None = None
    time: int | None = None
    reps: int | None = None
    sets: int = 1
    rest: int = 0
    tempo: int | None = None  # seconds per unheld rep; the time formula assumes 3
    frequency: Frequency | None = None
    intensity: str | None = None


@dataclass(frozen=True, slots=True)
class Image:
    src: str  # relative to content/images/
    alt: str
    credit: str | None = None
    license: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Exercise:
    slug: str
    title: str
    summary: str
    areas: tuple[str, ...]
    muscles: tuple[str, ...]
    equipment: tuple[str, ...]
    level: str
    position: str
    type: str
    dosage: Dosage
    cues: tuple[str, ...]
    body: str
    origin: Origin
    aliases: tuple[str, ...] = ()
    secondary_muscles: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    easier: str | None = None
    harder: str | None = None
    image: Image | None = None
    reviewed: str | None = None

    kind = "exercise"

    @property
    def path(self) -> str:
        return f"exercises/{self.slug}/"

    def terms(self) -> tuple[tuple[str, str], ...]:
        """Every (vocabulary, term) this exercise belongs to, secondary muscles included."""
        return (
            *(("areas", s) for s in self.areas),
            *(("muscles", s) for s in (*self.muscles, *self.secondary_muscles)),
            *(("equipment", s) for s in self.equipment),
            ("levels", self.level),
            ("positions", self.position),
            ("types", self.type),
        )


@dataclass(frozen=True, slots=True)
class RoutineStep:
    exercise: str  # slug
    dosage: Dosage  # the exercise's dosage with this step's overrides applied (set by link)
    note: str | None = None


@dataclass(frozen=True, slots=True)
class StepSpec:
    """A routine step as written: the exercise slug and only the fields it overrides."""

    exercise: str
    overrides: Mapping[str, object]
    note: str | None
    index: int  # 0-based position in `steps`, for line numbers


@dataclass(frozen=True, slots=True)
class Routine:
    slug: str
    title: str
    summary: str
    goal: str
    level: str
    frequency: Frequency
    steps: tuple[StepSpec, ...]
    body: str
    origin: Origin
    transition: int = 10
    reviewed: str | None = None

    kind = "routine"

    @property
    def path(self) -> str:
        return f"routines/{self.slug}/"


@dataclass(frozen=True, slots=True)
class Page:
    slug: str
    title: str
    summary: str
    body: str
    origin: Origin

    kind = "page"

    @property
    def path(self) -> str:
        return "" if self.slug == "home" else f"{self.slug}/"


Record = Exercise | Routine | Page


@dataclass(frozen=True, slots=True)
class Site:
    """Everything the renderer needs, resolved and indexed; built only by linking."""

    config: SiteConfig
    vocabularies: Mapping[str, Vocabulary]
    exercises: Mapping[str, Exercise]  # by slug, sorted by slug
    routines: Mapping[str, Routine]
    pages: Mapping[str, Page]
    steps: Mapping[str, tuple[RoutineStep, ...]]  # routine slug -> resolved steps
    related: Mapping[str, tuple[str, ...]]  # exercise slug -> explicit, then computed
    used_in: Mapping[str, tuple[str, ...]]  # exercise slug -> routine slugs
    linked_from: Mapping[str, tuple[str, ...]]  # slug -> slugs whose body links to it
    members: Mapping[tuple[str, str], tuple[str, ...]]  # (vocabulary, term) -> slugs
    images: Mapping[str, bytes] = field(default_factory=dict)  # src -> file content

    def record(self, slug: str) -> Exercise | Routine | None:
        return self.exercises.get(slug) or self.routines.get(slug)
