"""Stage 2 (validate): taxonomies.yaml checked into vocabularies, each a list of terms.

Exercises and routines name terms, so these are read before any of them (limber.build.loading).
"""

from __future__ import annotations

import dataclasses

from limber.diagnostics import Diagnostic, did_you_mean
from limber.load.checker import Checker
from limber.load.front_matter import SLUG, make
from limber.load.source_docs import SourceDoc
from limber.model import fields as F
from limber.model.vocabulary import VOCABULARIES, Term, Vocabulary


def term_fields(vocabulary: str) -> tuple[F.Field, ...]:
    """The keys a term of *vocabulary* may have, with that vocabulary's required extras."""
    spec = VOCABULARIES[vocabulary]
    allowed = ("slug", "name", "description", *spec.extras)
    return tuple(
        dataclasses.replace(f, required=True) if f.name in spec.required else f
        for f in F.declared(Term)
        if f.name in allowed
    )


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
    for name, spec in VOCABULARIES.items():
        raw = doc.meta.get(name)
        if raw is None:
            continue
        if not isinstance(raw, list) or not raw:
            checker.error("wrong-type", f"'{name}' should be a list of terms", (name,))
            continue
        specs = term_fields(name)
        terms: list[Term] = []
        seen: set[str] = set()
        for i, item in enumerate(raw):
            clean = checker.group(item, specs, (name, i))
            slug = clean.get("slug")
            if slug is None:
                continue
            if not SLUG.fullmatch(slug):
                checker.error(
                    "bad-slug",
                    f"term slug '{slug}' must be lowercase letters and digits joined by single hyphens",
                    (name, i, "slug"),
                )
                continue
            if slug in seen:
                checker.error(
                    "duplicate-slug",
                    f"term '{slug}' appears twice in '{name}'",
                    (name, i, "slug"),
                )
                continue
            seen.add(slug)
            # A term with a broken field is kept (and reported) so content naming it still checks.
            clean.setdefault("name", slug)
            clean.setdefault("description", "")
            terms.append(make(Term, clean, vocabulary=name))
        vocabularies[name] = Vocabulary(name, spec.title, tuple(terms))
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
