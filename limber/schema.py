"""Stage 2 (validate): check front matter against the schema and build typed records.

The generic walk over fields.py reports every unknown field, missing field, wrong type,
out-of-range number and unknown term; the per-kind functions below add the rules that tie
fields together. A record with any error is dropped, so one bad file does not cascade.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from limber import fields as F
from limber.config import SiteConfig, normalise_base_url
from limber.content import SourceDoc
from limber.diagnostics import Diagnostic, KeyPath, Origin, did_you_mean
from limber.model import (
    VOCABULARIES,
    Dosage,
    Exercise,
    Frequency,
    Image,
    Page,
    Routine,
    StepSpec,
    Term,
    Vocabulary,
)

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG = 80
_DURATION = re.compile(r"\d+:\d{1,2}")
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")
CAUTION_STARTS = ("If",)  # besides an imperative verb, which the wording test checks


def dotted(key: KeyPath) -> str:
    """("steps", 2, "hold") -> "steps[3].hold" (steps count from 1, as editors do)."""
    out = ""
    for part in key:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "nothing"


@dataclass
class Checker:
    """Walks one document's front matter against field tables, collecting problems."""

    origin: Origin
    vocabularies: Mapping[str, Vocabulary]
    problems: list[Diagnostic] = field(default_factory=list)

    def error(self, code: str, message: str, key: KeyPath) -> None:
        self.problems.append(self.origin.error(code, message, key))

    def warn(self, code: str, message: str, key: KeyPath) -> None:
        self.problems.append(self.origin.warning(code, message, key))

    def group(self, meta: Any, specs: tuple[F.Field, ...], key: KeyPath = ()) -> dict[str, Any]:
        """Check a mapping against *specs*; return the valid fields, converted."""
        if not isinstance(meta, dict):
            self.error(
                "wrong-type",
                f"'{dotted(key)}' should be a mapping of fields, got {describe(meta)}",
                key,
            )
            return {}
        names = [spec.name for spec in specs]
        for name in meta:
            if name not in names:
                where = f"'{dotted((*key, name))}'"
                self.error(
                    "unknown-field",
                    f"unknown field {where}{did_you_mean(name, names)}",
                    (*key, name),
                )
        clean: dict[str, Any] = {}
        for spec in specs:
            if meta.get(spec.name) is None:
                if spec.required:
                    self.error(
                        "missing-field",
                        f"missing required field '{dotted((*key, spec.name))}'",
                        key,
                    )
                continue
            value = self.value(meta[spec.name], spec.kind, (*key, spec.name))
            if value is not None:
                clean[spec.name] = value
        return clean

    def value(self, value: Any, kind: F.Kind, key: KeyPath) -> Any:
        """One field's value converted, or None (after reporting) if it is invalid."""
        name = dotted(key)
        if kind.name in ("text", "date", "choice", "term", "slug") and not isinstance(value, str):
            self.wrong_type(name, kind, value, key)
            return None
        if kind.name in ("lines", "terms", "slugs", "steps") and not isinstance(value, list):
            if isinstance(value, str) and kind.name != "steps":
                value = [value]  # a single item without brackets is a list of one
            else:
                self.wrong_type(name, kind, value, key)
                return None
        check = getattr(self, f"check_{kind.name}")
        return check(value, kind, key, name)

    def wrong_type(self, name: str, kind: F.Kind, value: Any, key: KeyPath) -> None:
        hint = ""
        if kind.name == "int" and isinstance(value, str) and _DURATION.fullmatch(value):
            minutes, secs = value.split(":")
            hint = f"; durations are whole seconds: write {int(minutes) * 60 + int(secs)}"
        self.error(
            "wrong-type",
            f"'{name}' should be {kind.expected}, got {describe(value)}{hint}",
            key,
        )

    def length(self, name: str, count: int, kind: F.Kind, key: KeyPath, unit: str) -> bool:
        if kind.lo is not None and count < kind.lo:
            self.error(
                "too-short",
                f"'{name}' has {count} {unit}; at least {kind.lo} needed",
                key,
            )
            return False
        if kind.hi is not None and count > kind.hi:
            self.error(
                "too-long",
                f"'{name}' has {count} {unit}; at most {kind.hi} allowed",
                key,
            )
            return False
        return True

    def check_text(self, value: str, kind: F.Kind, key: KeyPath, name: str) -> str | None:
        value = value.strip()
        if "\n" in value:
            self.error("multi-line", f"'{name}' must be one line", key)
            return None
        return value if self.length(name, len(value), kind, key, "characters") else None

    def check_lines(self, value: list[Any], kind: F.Kind, key: KeyPath, name: str) -> tuple[str, ...] | None:
        item_kind = F.text(1, kind.item_max or 200)
        items = []
        for i, item in enumerate(value):
            label = f"{name}[{i + 1}]"
            if not isinstance(item, str):
                self.wrong_type(label, item_kind, item, (*key, i))
                return None
            line = self.check_text(item, item_kind, (*key, i), label)
            if line is None:
                return None
            items.append(line)
        return tuple(items) if self.length(name, len(items), kind, key, "items") else None

    def check_int(self, value: Any, kind: F.Kind, key: KeyPath, name: str) -> int | None:
        # bool is a subclass of int: 'hold: true' must not pass as 1.
        if isinstance(value, bool) or not isinstance(value, int):
            self.wrong_type(name, kind, value, key)
            return None
        assert kind.lo is not None and kind.hi is not None
        if not kind.lo <= value <= kind.hi:
            self.error(
                "out-of-range",
                f"'{name}' must be between {kind.lo} and {kind.hi}, got {value}",
                key,
            )
            return None
        return value

    def check_flag(self, value: Any, kind: F.Kind, key: KeyPath, name: str) -> bool | None:
        if not isinstance(value, bool):
            self.wrong_type(name, kind, value, key)
            return None
        return value

    def check_choice(self, value: str, kind: F.Kind, key: KeyPath, name: str) -> str | None:
        if value not in kind.choices:
            allowed = ", ".join(kind.choices)
            self.error(
                "unknown-value",
                f"'{name}' is '{value}'{did_you_mean(value, kind.choices)}; expected one of: {allowed}",
                key,
            )
            return None
        return value

    def check_term(self, value: str, kind: F.Kind, key: KeyPath, name: str) -> str | None:
        assert kind.vocabulary is not None
        vocabulary = self.vocabularies.get(kind.vocabulary)
        if vocabulary is None:
            return value  # the vocabulary file is broken; that is reported there
        slugs = [t.slug for t in vocabulary.terms]
        if value not in slugs:
            what = kind.vocabulary.rstrip("s") if kind.vocabulary != "equipment" else "equipment"
            self.error(
                "unknown-term",
                f"unknown {what} '{value}' in '{name}'{did_you_mean(value, slugs)}; allowed: {', '.join(slugs)}",
                key,
            )
            return None
        return value

    def check_terms(self, value: list[Any], kind: F.Kind, key: KeyPath, name: str) -> tuple[str, ...] | None:
        return self.unique_list(value, kind, key, name, F.term(kind.vocabulary or ""))

    def check_slug(self, value: str, kind: F.Kind, key: KeyPath, name: str) -> str | None:
        return value.strip()  # whether it names an exercise is the link stage's question

    def check_slugs(self, value: list[Any], kind: F.Kind, key: KeyPath, name: str) -> tuple[str, ...] | None:
        return self.unique_list(value, kind, key, name, F.SLUG)

    def unique_list(
        self, value: list[Any], kind: F.Kind, key: KeyPath, name: str, item_kind: F.Kind
    ) -> tuple[str, ...] | None:
        items = [self.value(item, item_kind, (*key, i)) for i, item in enumerate(value)]
        if None in items:
            return None
        for i, item in enumerate(items):
            if item in items[:i]:
                self.error("duplicate-item", f"'{name}' lists '{item}' twice", (*key, i))
                return None
        return tuple(items) if self.length(name, len(items), kind, key, "items") else None

    def check_date(self, value: str, kind: F.Kind, key: KeyPath, name: str) -> str | None:
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError
            datetime.date.fromisoformat(value)
        except ValueError:
            self.error(
                "bad-date",
                f"'{name}' is '{value}', not a real date written YYYY-MM-DD",
                key,
            )
            return None
        return value

    def check_group(self, value: Any, kind: F.Kind, key: KeyPath, name: str) -> dict[str, Any] | None:
        before = len(self.problems)
        clean = self.group(value, kind.fields, key)
        return clean if len(self.problems) == before else None

    def check_steps(
        self, value: list[Any], kind: F.Kind, key: KeyPath, name: str
    ) -> list[dict[str, Any]] | None:
        steps = [self.check_group(item, kind, (*key, i), name) for i, item in enumerate(value)]
        if None in steps or not self.length(name, len(steps), kind, key, "steps"):
            return None
        return steps  # type: ignore[return-value]


# --- vocabularies and site config -------------------------------------------------------


def validate_taxonomies(
    doc: SourceDoc,
) -> tuple[dict[str, Vocabulary], list[Diagnostic]]:
    """Read taxonomies.yaml: every vocabulary, each a list of terms in display order."""
    checker = Checker(doc.origin, {})
    for name in doc.meta:
        if name not in VOCABULARIES:
            checker.error(
                "unknown-field",
                f"unknown vocabulary '{name}'{did_you_mean(name, VOCABULARIES)}",
                (name,),
            )
    for name in VOCABULARIES:
        if name not in doc.meta:
            checker.error("missing-field", f"missing vocabulary '{name}'", ())
    vocabularies: dict[str, Vocabulary] = {}
    for name in VOCABULARIES:
        raw = doc.meta.get(name)
        if raw is None:
            continue
        if not isinstance(raw, list) or not raw:
            checker.error("wrong-type", f"'{name}' should be a list of terms", (name,))
            continue
        allowed = ("slug", "name", "description", *F.TERM_EXTRAS.get(name, ()))
        specs = tuple(s for s in F.TERM if s.name in allowed)
        terms: list[Term] = []
        for i, item in enumerate(raw):
            clean = checker.group(item, specs, (name, i))
            slug = clean.get("slug")
            if slug is None or len(clean) < 3:
                continue
            if not SLUG.fullmatch(slug):
                checker.error(
                    "bad-slug",
                    f"term slug '{slug}' must be lowercase letters and digits joined by single hyphens",
                    (name, i, "slug"),
                )
                continue
            if any(t.slug == slug for t in terms):
                checker.error(
                    "duplicate-slug",
                    f"term '{slug}' appears twice in '{name}'",
                    (name, i, "slug"),
                )
                continue
            terms.append(
                Term(
                    name,
                    slug,
                    clean["name"],
                    clean["description"],
                    clean.get("anatomical"),
                    tuple(clean.get("areas", ())),
                    clean.get("view"),
                    clean.get("household"),
                )
            )
        vocabularies[name] = Vocabulary(name, VOCABULARIES[name], tuple(terms))
    # Muscles name areas: check them now that the areas are known.
    area_slugs = {t.slug for t in vocabularies.get("areas", Vocabulary("areas", "", ())).terms}
    for i, muscle in enumerate(vocabularies.get("muscles", Vocabulary("muscles", "", ())).terms):
        for area in muscle.areas:
            if area not in area_slugs:
                checker.error(
                    "unknown-term",
                    f"muscle '{muscle.slug}' names unknown area '{area}'{did_you_mean(area, area_slugs)}",
                    ("muscles", i, "areas"),
                )
    return vocabularies, checker.problems


# --- exercises ----------------------------------------------------------------------------


def _slug_problems(doc: SourceDoc) -> list[Diagnostic]:
    slug = doc.slug
    if len(slug) > MAX_SLUG:
        return [
            doc.origin.error(
                "bad-slug",
                f"file name '{slug}' is {len(slug)} characters; the limit is {MAX_SLUG}",
            )
        ]
    if not SLUG.fullmatch(slug):
        fixed = "-".join(re.findall(r"[a-z0-9]+", slug.lower()))
        return [
            doc.origin.error(
                "bad-slug",
                f"file name '{slug}' is not a slug: use lowercase letters, digits and single hyphens (rename it to '{fixed}.md')",
            )
        ]
    return []


def _dosage(clean: dict[str, Any]) -> Dosage:
    frequency = clean.get("frequency")
    return Dosage(
        sides=clean["sides"],
        hold=clean.get("hold"),
        time=clean.get("time"),
        reps=clean.get("reps"),
        sets=clean.get("sets", 1),
        rest=clean.get("rest", 0),
        tempo=clean.get("tempo"),
        frequency=Frequency(**frequency) if frequency else None,
        intensity=clean.get("intensity"),
    )


def check_dosage_fields(
    checker: Checker, dosage: Mapping[str, Any], key: KeyPath, *, needs_reps: bool
) -> None:
    if "hold" in dosage and "time" in dosage:
        checker.error(
            "hold-and-time",
            f"'{dotted(key)}' has both 'hold' and 'time'; keep one (hold for held positions, time for continuous work)",
            (*key, "time"),
        )
    if needs_reps and "reps" not in dosage and "time" not in dosage:
        checker.error(
            "missing-field",
            f"missing required field '{dotted((*key, 'reps'))}' (reps are needed unless 'time' is given)",
            key,
        )


def sentence_case_problem(title: str) -> str | None:
    """A reason the title is not in sentence case, or None."""
    words = title.split()
    for word in words[1:]:
        bare = word.strip("()[],:;'\"")
        if len(bare) > 1 and bare[0].isupper() and bare[1:].islower():
            return f"'{bare}' is capitalised; titles use sentence case (only the first word and names)"
    if words and words[0][0].islower():
        return "starts with a lowercase letter; titles use sentence case"
    return None


def _text_warnings(checker: Checker, clean: Mapping[str, Any]) -> None:
    title, summary = clean.get("title"), clean.get("summary")
    if title and (reason := sentence_case_problem(title)):
        checker.warn("title-case", f"title {reason}", ("title",))
    if summary and _SENTENCE_END.search(summary):
        checker.warn(
            "summary-sentences",
            "summary has more than one sentence; keep it to one",
            ("summary",),
        )


def validate_exercise(
    doc: SourceDoc, vocabularies: Mapping[str, Vocabulary]
) -> tuple[Exercise | None, list[Diagnostic]]:
    """Return an Exercise, or None and every problem found in *doc* (not just the first)."""
    checker = Checker(doc.origin, vocabularies)
    checker.problems += _slug_problems(doc)
    clean = checker.group(doc.meta, F.EXERCISE)
    dosage = clean.get("dosage")
    if dosage is not None:
        check_dosage_fields(checker, dosage, ("dosage",), needs_reps=True)
    equipment = clean.get("equipment", ())
    if "none" in equipment and len(equipment) > 1:
        checker.error(
            "none-with-equipment",
            "'equipment' lists 'none' with other equipment; 'none' must stand alone",
            ("equipment",),
        )
    overlap = set(clean.get("muscles", ())) & set(clean.get("secondary_muscles", ()))
    for muscle in sorted(overlap):
        checker.error(
            "muscle-twice",
            f"'{muscle}' is in both 'muscles' and 'secondary_muscles'; keep it in one",
            ("secondary_muscles",),
        )
    for name in ("related", "easier", "harder"):
        value = clean.get(name)
        if value and doc.slug in ((value,) if isinstance(value, str) else value):
            checker.error("self-reference", f"'{name}' names this exercise itself", (name,))
    needs_caution = "neck" in clean.get("areas", ()) or clean.get("level") == "advanced"
    if needs_caution and not clean.get("cautions"):
        why = "neck exercises" if "neck" in clean.get("areas", ()) else "advanced exercises"
        checker.error(
            "missing-cautions",
            f"'cautions' is required for {why}: say who should skip it and when to stop",
            ("cautions",) if "cautions" in doc.meta else (),
        )
    muscles_vocab = vocabularies.get("muscles")
    if muscles_vocab and clean.get("areas"):
        for muscle_slug in clean.get("muscles", ()):
            muscle = muscles_vocab.get(muscle_slug)
            if muscle and not set(muscle.areas) & set(clean["areas"]):
                checker.warn(
                    "muscle-area",
                    f"muscle '{muscle_slug}' belongs to {', '.join(muscle.areas)}, none of which is in 'areas'",
                    ("muscles",),
                )
    _text_warnings(checker, clean)
    image = clean.get("image")
    if image is not None:
        _check_image(checker, image)
    if any(p.is_error for p in checker.problems):
        return None, checker.problems
    return Exercise(
        slug=doc.slug,
        title=clean["title"],
        summary=clean["summary"],
        areas=clean["areas"],
        muscles=clean["muscles"],
        equipment=clean["equipment"],
        level=clean["level"],
        position=clean["position"],
        type=clean["type"],
        dosage=_dosage(clean["dosage"]),
        cues=clean["cues"],
        body=doc.body,
        origin=doc.origin,
        aliases=clean.get("aliases", ()),
        secondary_muscles=clean.get("secondary_muscles", ()),
        cautions=clean.get("cautions", ()),
        related=clean.get("related", ()),
        easier=clean.get("easier"),
        harder=clean.get("harder"),
        image=Image(**image) if image else None,
        reviewed=clean.get("reviewed"),
    ), checker.problems


def _check_image(checker: Checker, image: Mapping[str, Any]) -> None:
    src = image["src"]
    if src.startswith("/") or ".." in src.split("/") or "\\" in src:
        checker.error(
            "bad-image",
            f"'image.src' '{src}' must be a path under content/images/ without '..'",
            ("image", "src"),
        )
    source = image.get("source")
    if source and not re.match(r"https?://", source):
        checker.error(
            "bad-image",
            f"'image.source' '{source}' must be an http(s) URL",
            ("image", "source"),
        )


# --- routines and pages --------------------------------------------------------------------


def validate_routine(
    doc: SourceDoc, vocabularies: Mapping[str, Vocabulary]
) -> tuple[Routine | None, list[Diagnostic]]:
    checker = Checker(doc.origin, vocabularies)
    checker.problems += _slug_problems(doc)
    clean = checker.group(doc.meta, F.ROUTINE)
    steps: list[StepSpec] = []
    for i, step in enumerate(clean.get("steps") or ()):
        check_dosage_fields(checker, step, ("steps", i), needs_reps=False)
        overrides = {k: v for k, v in step.items() if k not in ("exercise", "note")}
        steps.append(StepSpec(step["exercise"], overrides, step.get("note"), i))
    _text_warnings(checker, clean)
    if any(p.is_error for p in checker.problems):
        return None, checker.problems
    return Routine(
        slug=doc.slug,
        title=clean["title"],
        summary=clean["summary"],
        goal=clean["goal"],
        level=clean["level"],
        frequency=Frequency(**clean["frequency"]),
        steps=tuple(steps),
        body=doc.body,
        origin=doc.origin,
        transition=clean.get("transition", 10),
        reviewed=clean.get("reviewed"),
    ), checker.problems


def validate_page(
    doc: SourceDoc, vocabularies: Mapping[str, Vocabulary]
) -> tuple[Page | None, list[Diagnostic]]:
    checker = Checker(doc.origin, vocabularies)
    checker.problems += _slug_problems(doc)
    clean = checker.group(doc.meta, F.PAGE)
    _text_warnings(checker, clean)
    if any(p.is_error for p in checker.problems):
        return None, checker.problems
    return Page(doc.slug, clean["title"], clean["summary"], doc.body, doc.origin), checker.problems


def validate_config(
    doc: SourceDoc, base_url: str | None = None
) -> tuple[SiteConfig | None, list[Diagnostic]]:
    """Read site.yaml; *base_url* (from the command line) overrides the file's."""
    checker = Checker(doc.origin, {})
    clean = checker.group(doc.meta, F.SITE)
    url = base_url or clean.get("base_url")
    normal = normalise_base_url(url) if url else None
    if url and normal is None:
        checker.error(
            "bad-base-url",
            f"base URL '{url}' must be an absolute http(s) URL such as https://example.org/guide/",
            ("base_url",),
        )
    if any(p.is_error for p in checker.problems):
        return None, checker.problems
    assert normal is not None
    return SiteConfig(clean["title"], clean["description"], clean["language"], normal), checker.problems
