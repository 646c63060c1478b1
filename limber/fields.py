"""The content schema, declared once: every front-matter field with its rule and its doc.

schema.py validates against these tables; content/README.md's field reference is generated
from them (tests/e2e/test_docs.py keeps the two identical).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Kind:
    """What a field holds. `expected` is how error messages and the docs name it."""

    name: str  # text | lines | int | flag | choice | term | terms | slug | slugs | date | group | steps
    expected: str
    lo: int | None = None  # numbers: minimum; text and lists: minimum length / items
    hi: int | None = None
    vocabulary: str | None = None  # term, terms
    choices: tuple[str, ...] = ()  # choice
    item_max: int | None = None  # lines: characters per item
    fields: tuple[Field, ...] = ()  # group, steps


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: Kind
    required: bool
    doc: str


def text(lo: int, hi: int) -> Kind:
    return Kind("text", "text", lo, hi)


def lines(lo: int, hi: int, item_max: int) -> Kind:
    return Kind("lines", "a list of text lines", lo, hi, item_max=item_max)


def whole(lo: int, hi: int, unit: str = "") -> Kind:
    return Kind("int", f"a whole number{unit}", lo, hi)


def choice(*choices: str) -> Kind:
    return Kind("choice", "one of " + ", ".join(choices), choices=choices)


def term(vocabulary: str) -> Kind:
    return Kind("term", f"a term from {vocabulary}", vocabulary=vocabulary)


def terms(vocabulary: str, lo: int, hi: int) -> Kind:
    return Kind("terms", f"a list of terms from {vocabulary}", lo, hi, vocabulary=vocabulary)


FLAG = Kind("flag", "true or false")
DATE = Kind("date", "a date YYYY-MM-DD")
SLUG = Kind("slug", "an exercise slug")


def slugs(hi: int) -> Kind:
    return Kind("slugs", "a list of exercise slugs", 0, hi)


def group(*fields: Field) -> Kind:
    return Kind("group", "a mapping of fields", fields=fields)


SECONDS = " of seconds"
FREQUENCY = (
    Field("times", whole(1, 10), True, "how many times"),
    Field("per", choice("day", "week"), True, "per day or per week"),
    Field("up_to", FLAG, False, '`true` reads "up to 3× a day"; default false'),
)
SIDES = choice("each", "alternating", "both")
SIDES_DOC = "`each`: all reps one side, then the other; `alternating`: left-right within the reps (reps count per side); `both`: symmetrical"
LICENSES = ("CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "own")

# Fields a routine step may override, shared with the exercise's dosage.
OVERRIDABLE = (
    Field(
        "hold",
        whole(1, 300, SECONDS),
        False,
        "seconds to hold each rep; excludes `time`",
    ),
    Field(
        "time",
        whole(10, 600, SECONDS),
        False,
        "seconds of continuous work (rolling); excludes `hold`",
    ),
    Field(
        "reps",
        whole(1, 50),
        False,
        "repetitions (number of holds); required unless `time` is given; with `time`, rounds",
    ),
    Field("sets", whole(1, 10), False, "sets; default 1"),
    Field("rest", whole(0, 300, SECONDS), False, "seconds of rest between sets; default 0"),
    Field("sides", SIDES, False, SIDES_DOC),
)

DOSAGE = (
    *OVERRIDABLE[:5],
    Field(
        "tempo",
        whole(1, 10, SECONDS),
        False,
        "seconds per unheld rep, for the time estimate; default 3",
    ),
    Field("sides", SIDES, True, SIDES_DOC),
    Field(
        "frequency",
        group(*FREQUENCY),
        False,
        "how often, e.g. `{times: 3, per: day, up_to: true}`",
    ),
    Field(
        "intensity",
        choice("gentle", "mild-to-moderate", "moderate", "light-resistance"),
        False,
        "default by type: stretch mild-to-moderate, mobility gentle, strength light-resistance, release moderate",
    ),
)

IMAGE = (
    Field(
        "src",
        text(1, 200),
        True,
        "path under `content/images/`; PNG, JPEG, WebP or script-free SVG",
    ),
    Field("alt", text(1, 200), True, "what the picture shows, for screen readers"),
    Field("credit", text(1, 120), False, "who made it"),
    Field("license", choice(*LICENSES), False, "the image's licence"),
    Field("source", text(1, 300), False, "where it came from (an http(s) URL)"),
)

EXERCISE = (
    Field("title", text(3, 80), True, "sentence case; never a time"),
    Field(
        "aliases",
        lines(0, 6, 60),
        False,
        "other names readers search for; no alias may equal another exercise's title",
    ),
    Field(
        "summary",
        text(1, 160),
        True,
        "one sentence: the meta description, search snippet and card subtitle",
    ),
    Field(
        "areas",
        terms("areas", 1, 3),
        True,
        "body areas; each primary muscle should share one",
    ),
    Field("muscles", terms("muscles", 1, 4), True, "primary muscles"),
    Field(
        "secondary_muscles",
        terms("muscles", 0, 6),
        False,
        "other muscles worked; none also in `muscles`",
    ),
    Field(
        "equipment",
        terms("equipment", 1, 11),
        True,
        "what you need; `none` stands alone",
    ),
    Field("level", term("levels"), True, "beginner, intermediate or advanced"),
    Field("position", term("positions"), True, "the starting position"),
    Field("type", term("types"), True, "stretch, mobility, strength or release"),
    Field("dosage", group(*DOSAGE), True, "how much to do (below)"),
    Field(
        "cues",
        lines(1, 3, 70),
        True,
        "1–3 short imperative lines: what the printed card shows",
    ),
    Field(
        "cautions",
        lines(0, 6, 120),
        False,
        "who should skip or adapt, and stop signs; start with a verb or 'If'; required for neck and advanced exercises",
    ),
    Field("related", slugs(6), False, "up to 6 other exercises"),
    Field("easier", SLUG, False, "an easier exercise sharing an area"),
    Field("harder", SLUG, False, "a harder exercise sharing an area"),
    Field("image", group(*IMAGE), False, "a picture (below)"),
    Field("reviewed", DATE, False, "when the text was last reviewed, `YYYY-MM-DD`"),
)

STEP = (
    Field("exercise", SLUG, True, "the exercise's slug"),
    *OVERRIDABLE,
    Field("note", text(1, 100), False, "printed in italics on the card"),
)

ROUTINE = (
    Field(
        "title",
        text(3, 80),
        True,
        "sentence case; never a time (the total is computed)",
    ),
    Field("summary", text(1, 160), True, "one sentence"),
    Field("goal", term("goals"), True, "what the routine is for"),
    Field("level", term("levels"), True, "at least the hardest step's level"),
    Field("frequency", group(*FREQUENCY), True, "how often to do the routine"),
    Field(
        "transition",
        whole(0, 60, SECONDS),
        False,
        "seconds between exercises; default 10",
    ),
    Field(
        "steps",
        Kind("steps", "a list of steps", 1, 12, fields=STEP),
        True,
        "1–12 steps, in order (below)",
    ),
    Field("reviewed", DATE, False, "when the routine was last reviewed, `YYYY-MM-DD`"),
)

PAGE = (
    Field("title", text(3, 80), True, "the page title"),
    Field("summary", text(1, 160), True, "one sentence, used as the meta description"),
)

TERM = (
    Field("slug", Kind("text", "a slug", 1, 80), True, "lowercase words joined by hyphens"),
    Field("name", text(1, 60), True, "display name"),
    Field("description", text(1, 200), True, "one line"),
    Field("anatomical", text(1, 100), False, "muscles: the anatomical name"),
    Field("areas", terms("areas", 1, 3), False, "muscles: the body areas it belongs to"),
    Field(
        "view",
        choice("front", "back"),
        False,
        "muscles: seen from the front or the back",
    ),
    Field("household", FLAG, False, "equipment: found in most homes"),
)

SITE = (
    Field("title", text(1, 80), True, "the site's name"),
    Field("description", text(1, 200), True, "one line about the site"),
    Field("language", text(2, 20), True, "language code, e.g. `en`"),
    Field(
        "base_url",
        text(8, 200),
        True,
        "absolute URL the site is served from; may include a sub-path",
    ),
)

# Which vocabulary-term keys each vocabulary allows beyond slug, name and description.
TERM_EXTRAS = {"muscles": ("anatomical", "areas", "view"), "equipment": ("household",)}


def _rule(kind: Kind) -> str:
    if kind.name == "int":
        return f"whole number {kind.lo}–{kind.hi}" + (" (seconds)" if "seconds" in kind.expected else "")
    if kind.name == "text":
        return (
            f"text, {kind.hi} characters at most"
            if kind.lo in (None, 1)
            else f"text, {kind.lo}–{kind.hi} characters"
        )
    if kind.name == "lines":
        return f"list of {kind.lo}–{kind.hi} lines, each ≤ {kind.item_max} characters"
    if kind.name == "terms":
        return f"list of {kind.lo}–{kind.hi} terms from `{kind.vocabulary}`"
    if kind.name == "term":
        return f"one term from `{kind.vocabulary}`"
    if kind.name == "choice":
        return "one of " + ", ".join(f"`{c}`" for c in kind.choices)
    if kind.name == "slugs":
        return f"list of up to {kind.hi} exercise slugs"
    if kind.name == "steps":
        return f"list of {kind.lo}–{kind.hi} steps"
    return {
        "flag": "`true` or `false`",
        "date": "date `YYYY-MM-DD` (quoted or not)",
        "slug": "an exercise slug",
        "group": "mapping",
    }[kind.name]


def _table(title: str, specs: tuple[Field, ...]) -> list[str]:
    rows = [f"### {title}", "", "| field | required | rule | what it is |", "| --- | --- | --- | --- |"]
    rows += [f"| `{s.name}` | {'yes' if s.required else 'no'} | {_rule(s.kind)} | {s.doc} |" for s in specs]
    return [*rows, ""]


def reference() -> str:
    """The field reference for content/README.md, generated from the tables above."""
    lines: list[str] = []
    for title, specs in (
        ("Exercise (`content/exercises/<slug>.md`)", EXERCISE),
        ("Exercise `dosage`", DOSAGE),
        ("`frequency` (in `dosage` and in routines)", FREQUENCY),
        ("Exercise `image`", IMAGE),
        ("Routine (`content/routines/<slug>.md`)", ROUTINE),
        ("Routine step (each item of `steps`)", STEP),
        ("Page (`content/pages/<slug>.md`)", PAGE),
        ("Vocabulary term (`content/taxonomies.yaml`)", TERM),
        ("Site settings (`content/site.yaml`)", SITE),
    ):
        lines += _table(title, specs)
    return "\n".join(lines)
