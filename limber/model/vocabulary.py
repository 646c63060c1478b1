"""The controlled vocabularies: the terms of each, and what the code knows of them.

A term's own keys (its display name, its areas, the behaviour written on it in
taxonomies.yaml) are declared here, once, as dataclass metadata (limber.model.fields), as the
records' fields are in limber.model.records.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from limber import routes
from limber.model.fields import FLAG, SLUG_TEXT, choice, declare, terms, text

# How strong an exercise should feel, in the words the exercise page shows: the default a type
# gives and the `intensity` a dosage may set.
INTENSITIES: Mapping[str, str] = {
    "gentle": "Gentle and slow, within a pain-free range",
    "mild-to-moderate": "A mild to moderate stretch, pain-free",
    "moderate": "Moderate pressure, never sharp, pain-free",
    "light-resistance": "Light resistance, pain-free",
}
# schema.org PhysicalActivityCategory values a type may map to.
ACTIVITY_CATEGORIES = (
    "AerobicActivity",
    "AnaerobicActivity",
    "Balance",
    "Flexibility",
    "LeisureTimeActivity",
    "OccupationalActivity",
    "StrengthTraining",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    """One entry of a controlled vocabulary (an area, a muscle, a piece of equipment, ...).

    Behaviour that depends on a term (dosage wording, default intensity, whether a caution
    is required) is written on the term in taxonomies.yaml, so a new term needs no code.
    """

    vocabulary: str = ""
    slug: str = field(metadata=declare(SLUG_TEXT, "lowercase words joined by hyphens"))
    name: str = field(metadata=declare(text(1, 60), "display name"))
    description: str = field(metadata=declare(text(1, 200), "one line"))
    anatomical: str | None = field(default=None, metadata=declare(text(1, 100), "the anatomical name"))
    areas: tuple[str, ...] = field(
        default=(), metadata=declare(terms("areas", 1, 3), "the body areas it belongs to")
    )
    view: str | None = field(
        default=None, metadata=declare(choice("front", "back"), "seen from the front or the back")
    )
    household: bool | None = field(default=None, metadata=declare(FLAG, "found in most homes"))
    desk: bool = field(
        default=False,
        metadata=declare(FLAG, "`true`: can be done at a desk (with household equipment, desk-friendly)"),
    )
    floor: bool = field(
        default=False,
        metadata=declare(FLAG, "`true`: done down on the floor (for the rules on trips to the floor)"),
    )
    needs_cautions: bool = field(
        default=False,
        metadata=declare(FLAG, "`true`: every exercise with this term must have `cautions`"),
    )
    intensity: str | None = field(
        default=None,
        metadata=declare(choice(*INTENSITIES), "the default `dosage.intensity` of exercises of this type"),
    )
    category: str | None = field(
        default=None,
        metadata=declare(choice(*ACTIVITY_CATEGORIES), "schema.org activity category, for structured data"),
    )
    activity: str | None = field(
        default=None,
        metadata=declare(text(1, 40), "the exercise type in structured data; default: the name"),
    )
    rep_word: str = field(
        default="rep",
        metadata=declare(text(1, 30), 'how one repetition is called in the dosage line ("slow rep")'),
    )
    time_verb: str = field(
        default="Keep going for",
        metadata=declare(text(1, 30), 'how timed work starts in the dosage line ("Roll for")'),
    )

    @property
    def path(self) -> str:
        return routes.term_path(self.vocabulary, self.slug)


@dataclass(frozen=True, slots=True)
class VocabularySpec:
    """A vocabulary as the code knows it: its headings, and which term keys it uses."""

    title: str  # the index page's heading
    singular: str  # the chip label: "Area"
    intro: str  # the index page's introduction
    extras: tuple[str, ...] = ()  # term keys beyond slug, name and description
    required: tuple[str, ...] = ()  # extras every term must give


VOCABULARIES: Mapping[str, VocabularySpec] = {
    "areas": VocabularySpec(
        "Body areas", "Area", "Pick the part of the body you want to ease.", ("needs_cautions",)
    ),
    "muscles": VocabularySpec(
        "Muscles",
        "Muscle",
        "Find exercises by the muscle they stretch or strengthen.",
        ("anatomical", "areas", "view"),
        ("areas", "view"),
    ),
    "equipment": VocabularySpec(
        "Equipment",
        "Equipment",
        "Most exercises need nothing, or what you already have at home.",
        ("household",),
        ("household",),
    ),
    "levels": VocabularySpec(
        "Levels",
        "Level",
        "Start with beginner exercises; move on when they feel easy and pain-free.",
        ("needs_cautions",),
    ),
    "positions": VocabularySpec(
        "Positions",
        "Position",
        "Choose by where you are: at your desk, standing, or on the floor.",
        ("desk", "floor"),
    ),
    "types": VocabularySpec(
        "Types",
        "Type",
        "Stretches are held; mobility moves are slow repetitions; strength work builds support; release uses a roller or ball.",
        ("intensity", "category", "activity", "rep_word", "time_verb"),
        ("intensity", "category"),
    ),
    "movements": VocabularySpec(
        "Movements",
        "Movement",
        "What each exercise does to the body: the safety notes that apply follow from these.",
    ),
    "goals": VocabularySpec("Routine goals", "Goal", "Routines grouped by what they are for."),
}
NO_EQUIPMENT = "none"  # the equipment term that must stand alone


@dataclass(frozen=True, slots=True)
class Vocabulary:
    name: str
    title: str
    terms: tuple[Term, ...]
    index: Mapping[str, int] = field(default_factory=dict)  # slug -> position

    def __post_init__(self) -> None:
        if not self.index:
            object.__setattr__(self, "index", {t.slug: i for i, t in enumerate(self.terms)})

    @property
    def path(self) -> str:
        return f"{self.name}/"

    def get(self, slug: str) -> Term | None:
        i = self.index.get(slug)
        return None if i is None else self.terms[i]

    def rank(self, slug: str) -> int:
        """Position in display order (levels use it to compare difficulty)."""
        return self.index[slug]
