"""Stage 2 (validate): check front matter against the schema and build typed records.

checker.py walks the fields; the per-kind functions here add the rules that tie fields
together. A record with any error is dropped, so one bad file does not cascade. The site-wide
files are checked beside this: taxonomies.yaml in limber.load.taxonomies, site.yaml in
limber.load.site_settings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeVar

from limber.diagnostics import Diagnostic, KeyPath, Severity
from limber.figures import Figure, validate_figure
from limber.load.checker import Checker, dotted
from limber.load.source_docs import SourceDoc
from limber.model import fields as F
from limber.model.records import Draft, Exercise, Page, Routine
from limber.model.vocabulary import NO_EQUIPMENT, Vocabulary

R = TypeVar("R")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG = 80
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")


# --- records ------------------------------------------------------------------------------


def make(record: type[R], clean: Mapping[str, Any], **given: Any) -> R:
    """A record from checked values, nested groups and steps included (limber.model.fields.declared)."""
    values: dict[str, Any] = {}
    for spec in F.declared(record):
        if spec.name not in clean:
            continue
        value = clean[spec.name]
        if spec.kind.name == "group":
            assert spec.kind.record is not None
            value = make(spec.kind.record, value)
        elif spec.kind.name == "steps":
            assert spec.kind.record is not None
            value = tuple(make(spec.kind.record, item, index=i) for i, item in enumerate(value))
        values[spec.name] = value
    return record(**values, **given)


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
    clean = checker.group(doc.meta, F.declared(Exercise))
    dosage = clean.get("dosage")
    if dosage is not None:
        check_dosage_fields(checker, dosage, ("dosage",), needs_reps=True)
    equipment = clean.get("equipment", ())
    if NO_EQUIPMENT in equipment and len(equipment) > 1:
        checker.error(
            "none-with-equipment",
            f"'equipment' lists '{NO_EQUIPMENT}' with other equipment; '{NO_EQUIPMENT}' must stand alone",
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
    _check_cautions(checker, clean, vocabularies, "cautions" in doc.meta)
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
    if "figure" in clean:
        clean["figure"] = _check_figure(checker, clean["figure"], clean.get("position"))
    image = clean.get("image")
    if image is not None:
        _check_image(checker, image)
    if any(p.is_error for p in checker.problems):
        return None, checker.problems
    return make(Exercise, clean, slug=doc.slug, body=doc.body, origin=doc.origin), checker.problems


def _check_cautions(
    checker: Checker, clean: Mapping[str, Any], vocabularies: Mapping[str, Vocabulary], written: bool
) -> None:
    """Cautions are required when a term of the exercise says so (the neck area, advanced)."""
    if clean.get("cautions"):
        return
    for vocabulary, name in (("areas", "areas"), ("levels", "level")):
        value = clean.get(name)
        for slug in (value,) if isinstance(value, str) else value or ():
            found = vocabularies[vocabulary].get(slug) if vocabulary in vocabularies else None
            if found is not None and found.needs_cautions:
                checker.error(
                    "missing-cautions",
                    f"'cautions' is required for {found.name.lower()} exercises: say who should skip it and when to stop",
                    ("cautions",) if written else (),
                )
                return


def _check_figure(checker: Checker, raw: Any, position: str | None) -> Figure | None:
    """The figure, drawn from data (limber.figures): its problems at their own lines."""
    figure, problems = validate_figure(raw, default_base=position)
    for problem in problems:
        key = ("figure", *problem.key)
        report = checker.error if problem.severity is Severity.ERROR else checker.warn
        report(problem.code, problem.message, key)
    return figure


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
    clean = checker.group(doc.meta, F.declared(Routine))
    for i, step in enumerate(clean.get("steps") or ()):
        check_dosage_fields(checker, step, ("steps", i), needs_reps=False)
    _text_warnings(checker, clean)
    if any(p.is_error for p in checker.problems):
        return None, checker.problems
    return make(Routine, clean, slug=doc.slug, body=doc.body, origin=doc.origin), checker.problems


def draft(doc: SourceDoc) -> Draft:
    """The references a broken file makes, read leniently: whatever parses is kept."""
    meta = doc.meta if isinstance(doc.meta, dict) else {}
    checker = Checker(doc.origin, {})  # its problems were reported by the validator

    def slug(value: Any, key: KeyPath) -> str | None:
        found = checker.value(value, F.SLUG, key) if value is not None else None
        return found if isinstance(found, str) else None

    related = checker.value(meta.get("related"), F.slugs(50), ("related",)) if "related" in meta else ()
    steps: list[Any] = meta["steps"] if isinstance(meta.get("steps"), list) else []
    return Draft(
        kind=doc.kind,
        slug=doc.slug,
        origin=doc.origin,
        body=doc.body,
        related=tuple(related or ()),
        easier=slug(meta.get("easier"), ("easier",)),
        harder=slug(meta.get("harder"), ("harder",)),
        steps=tuple(
            (i, found)
            for i, step in enumerate(steps)
            if isinstance(step, dict) and (found := slug(step.get("exercise"), ("steps", i, "exercise")))
        ),
    )


def validate_page(
    doc: SourceDoc, vocabularies: Mapping[str, Vocabulary]
) -> tuple[Page | None, list[Diagnostic]]:
    checker = Checker(doc.origin, vocabularies)
    checker.problems += _slug_problems(doc)
    clean = checker.group(doc.meta, F.declared(Page))
    _text_warnings(checker, clean)
    if any(p.is_error for p in checker.problems):
        return None, checker.problems
    return make(Page, clean, slug=doc.slug, body=doc.body, origin=doc.origin), checker.problems
