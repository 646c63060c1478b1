"""The typed records validated content becomes, and the frozen Site that links them.

Each front-matter field is declared once, on the record that holds it, as dataclass metadata
(limber.model.fields): here, or in limber.model.dosage (the dosage) and limber.model.vocabulary (a term's keys).
A declaration gives the field's kind and limits, its editors' text and (through the dataclass
default) its default. The checker, the record builder, the editors' field reference, the JSON
Schema and the `new` scaffold all read these declarations.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from limber import routes
from limber.diagnostics import Origin
from limber.model.dosage import HOLD, REPS, REST, SETS, SIDES_FIELD, TIME, Dosage, Frequency
from limber.model.fields import (
    DATA,
    DATE,
    FILL_IN,
    SECONDS,
    SLUG,
    choice,
    declare,
    group,
    lines,
    slugs,
    steps,
    term,
    terms,
    text,
    whole,
)
from limber.model.site_config import SiteConfig
from limber.model.vocabulary import Vocabulary

# --- exercises ----------------------------------------------------------------------------

LICENSES = ("CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "own")


@dataclass(frozen=True, slots=True, kw_only=True)
class Image:
    src: str = field(
        metadata=declare(text(1, 200), "path under `content/images/`; PNG, JPEG, WebP or script-free SVG")
    )
    alt: str = field(metadata=declare(text(1, 200), "what the picture shows, for screen readers"))
    credit: str | None = field(default=None, metadata=declare(text(1, 120), "who made it"))
    license: str | None = field(default=None, metadata=declare(choice(*LICENSES), "the image's licence"))
    source: str | None = field(
        default=None, metadata=declare(text(1, 300), "where it came from (an http(s) URL)")
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Exercise:
    slug: str
    title: str = field(metadata=declare(text(3, 80), "sentence case; never a time"))
    aliases: tuple[str, ...] = field(
        default=(),
        metadata=declare(
            lines(0, 6, 60), "other names readers search for; no alias may equal another exercise's title"
        ),
    )
    summary: str = field(
        metadata=declare(text(1, 160), "one sentence: the meta description, search snippet and card subtitle")
    )
    areas: tuple[str, ...] = field(
        metadata=declare(terms("areas", 1, 3), "body areas; each primary muscle should share one")
    )
    muscles: tuple[str, ...] = field(metadata=declare(terms("muscles", 1, 4), "primary muscles"))
    secondary_muscles: tuple[str, ...] = field(
        default=(), metadata=declare(terms("muscles", 0, 6), "other muscles worked; none also in `muscles`")
    )
    equipment: tuple[str, ...] = field(
        metadata=declare(terms("equipment", 1, 11), "what you need; `none` stands alone")
    )
    level: str = field(metadata=declare(term("levels"), "how demanding it is"))
    position: str = field(metadata=declare(term("positions"), "the starting position"))
    type: str = field(metadata=declare(term("types"), "what kind of exercise it is"))
    movements: tuple[str, ...] = field(
        default=(),
        metadata=declare(
            terms("movements", 1, 6),
            "what it does to the body (spinal rotation, deep hip flexion, ...); the safety rules follow from it",
            [FILL_IN],
        ),
    )
    dosage: Dosage = field(metadata=declare(group(Dosage), "how much to do (below)"))
    cues: tuple[str, ...] = field(
        metadata=declare(lines(1, 3, 70), "1–3 short imperative lines: what the printed card shows")
    )
    cautions: tuple[str, ...] = field(
        default=(),
        metadata=declare(
            lines(0, 6, 120),
            "who should skip or adapt, and stop signs; the first one is printed on routine cards (see `content/rules.yaml`)",
            [FILL_IN],
        ),
    )
    related: tuple[str, ...] = field(default=(), metadata=declare(slugs(6), "up to 6 other exercises"))
    easier: str | None = field(default=None, metadata=declare(SLUG, "an easier exercise sharing an area"))
    harder: str | None = field(default=None, metadata=declare(SLUG, "a harder exercise sharing an area"))
    image: Image | None = field(default=None, metadata=declare(group(Image), "a picture (below)"))
    figure: Any = field(  # a limber.figures.Figure once checked
        default=None, metadata=declare(DATA, "the figure drawn for the exercise (see Figures below)")
    )
    reviewed: str | None = field(
        default=None, metadata=declare(DATE, "when a person last checked the text, `YYYY-MM-DD`")
    )
    body: str
    origin: Origin

    kind = "exercise"

    @property
    def path(self) -> str:
        return routes.exercise_path(self.slug)

    def terms(self) -> tuple[tuple[str, str], ...]:
        """Every (vocabulary, term) this exercise belongs to, secondary muscles included."""
        return (
            *(("areas", s) for s in self.areas),
            *(("muscles", s) for s in (*self.muscles, *self.secondary_muscles)),
            *(("equipment", s) for s in self.equipment),
            ("levels", self.level),
            ("positions", self.position),
            ("types", self.type),
            *(("movements", s) for s in self.movements),
        )


# --- routines and pages -------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class StepSpec:
    """A routine step as written: the exercise and only the dosage fields it overrides."""

    exercise: str = field(metadata=declare(SLUG, "the exercise's slug"))
    hold: int | None = field(default=None, metadata=HOLD)
    time: int | None = field(default=None, metadata=TIME)
    reps: int | None = field(default=None, metadata=REPS)
    sets: int | None = field(default=None, metadata=SETS)
    rest: int | None = field(default=None, metadata=REST)
    sides: str | None = field(default=None, metadata=SIDES_FIELD)
    note: str | None = field(default=None, metadata=declare(text(1, 100), "printed in italics on the card"))
    index: int = 0  # 0-based position in `steps`, for line numbers

    @property
    def overrides(self) -> dict[str, object]:
        """The dosage fields this step sets."""
        names = ("hold", "time", "reps", "sets", "rest", "sides")
        return {name: getattr(self, name) for name in names if getattr(self, name) is not None}


@dataclass(frozen=True, slots=True)
class RoutineStep:
    exercise: str  # slug
    dosage: Dosage  # the exercise's dosage with this step's overrides applied (set by link)
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Routine:
    slug: str
    title: str = field(metadata=declare(text(3, 80), "sentence case; never a time (the total is computed)"))
    summary: str = field(metadata=declare(text(1, 160), "one sentence"))
    goal: str = field(metadata=declare(term("goals"), "what the routine is for"))
    level: str = field(metadata=declare(term("levels"), "at least the hardest step's level"))
    frequency: Frequency = field(metadata=declare(group(Frequency), "how often to do the routine"))
    transition: int = field(default=10, metadata=declare(whole(0, 60, SECONDS), "seconds between exercises"))
    steps: tuple[StepSpec, ...] = field(
        metadata=declare(steps(StepSpec, 1, 12), "1–12 steps, in order (below)")
    )
    reviewed: str | None = field(
        default=None, metadata=declare(DATE, "when a person last checked the routine, `YYYY-MM-DD`")
    )
    body: str
    origin: Origin

    kind = "routine"

    @property
    def path(self) -> str:
        return routes.routine_path(self.slug)


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    slug: str
    title: str = field(metadata=declare(text(3, 80), "the page title"))
    summary: str = field(metadata=declare(text(1, 160), "one sentence, used as the meta description"))
    body: str
    origin: Origin

    kind = "page"

    @property
    def path(self) -> str:
        return "" if self.slug == HOME_PAGE else f"{self.slug}/"


HOME_PAGE = "home"  # content/pages/home.md: the home page's introduction, at the site's root
SAFETY_PAGE = "safety"  # the free page that search advice, the header and the footer point to
# Free pages the templates link from every page: a site without one would link nowhere.
REQUIRED_PAGES = {
    SAFETY_PAGE: "every page's header and footer, each routine and the search advice link to it"
}

Record = Exercise | Routine | Page


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    """The references of a file that failed validation, so they are checked in the same run."""

    kind: str
    slug: str
    origin: Origin
    body: str
    related: tuple[str, ...] = ()
    easier: str | None = None
    harder: str | None = None
    steps: tuple[tuple[int, str], ...] = ()  # (index in `steps`, exercise slug)


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
    screening: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # routine slug -> lines (rules)
    images: Mapping[str, bytes] = field(default_factory=dict)  # src -> file content

    def record(self, slug: str) -> Exercise | Routine | None:
        return self.exercises.get(slug) or self.routines.get(slug)


@dataclass(frozen=True, slots=True)
class Output:
    """One file of the built site: rendered by render, written by write."""

    path: PurePosixPath  # relative to the output folder
    text: str
    source: Path | None = None  # unchanged since the last build: link this file instead of writing text
    data: bytes | None = None  # a picture (a PNG): these bytes are the file, not text
