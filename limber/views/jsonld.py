"""schema.org JSON-LD for each page kind (content/README.md, "Structured data").

Plain dicts, because this is JSON going out; templates emit them with |tojson, which
escapes <, >, & and ' (and our policy adds U+2028/U+2029) so nothing breaks out of the script.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from limber import routes
from limber.model.dosage import SIDES, iso_duration
from limber.model.records import Exercise, Routine, Site
from limber.model.vocabulary import Term
from limber.views.page_data import ExerciseView, RoutineView

SCHEMA = "https://schema.org/"


def _graph(node: dict[str, Any]) -> dict[str, Any]:
    pruned: dict[str, Any] = _prune(node)
    return pruned


def _prune(value: Any) -> Any:
    """Drop empty properties: None, "", [] and {} never reach the page."""
    if isinstance(value, dict):
        pruned = {k: _prune(v) if isinstance(v, dict | list) else v for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in _EMPTY}
    if isinstance(value, list):
        return [_prune(v) if isinstance(v, dict | list) else v for v in value]
    return value


_EMPTY: tuple[object, ...] = (None, "", [], {})


def _website_id(site: Site) -> str:
    return site.config.absolute_url("#website")


def _crumbs(site: Site, *trail: tuple[str, str | None]) -> dict[str, Any]:
    items = [("Home", ""), *trail]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": i,
                "name": name,
                "item": site.config.absolute_url(path) if path is not None else None,
            }
            for i, (name, path) in enumerate(items, start=1)
        ],
    }


def website(site: Site) -> dict[str, Any]:
    config = site.config
    node = {
        "@type": "WebSite",
        "@id": _website_id(site),
        "name": config.title,
        "url": config.base_url,
        "description": config.description,
        "inLanguage": config.language,
    }
    return _graph({"@context": "https://schema.org", **node})


def _type(site: Site, slug: str) -> Term:
    found = site.vocabularies["types"].get(slug)
    assert found is not None
    return found


def _muscles(site: Site, slugs: Sequence[str]) -> list[dict[str, str]]:
    vocab = site.vocabularies["muscles"]
    return [{"@type": "Muscle", "name": term.name} for s in slugs if (term := vocab.get(s))]


def _tools(site: Site, slugs: Sequence[str]) -> list[dict[str, str]]:
    vocab = site.vocabularies["equipment"]
    return [
        {"@type": "HowToTool", "name": term.name} for s in slugs if s != "none" and (term := vocab.get(s))
    ]


def exercise(
    site: Site, record: Exercise, view: ExerciseView, steps: Sequence[str], total: int
) -> dict[str, Any]:
    url = site.config.absolute_url(record.path)
    dosage = record.dosage
    kind = _type(site, record.type)
    sides = f", {SIDES[dosage.sides]}" if SIDES[dosage.sides] else ""
    variable = f"Hold {dosage.hold} seconds{sides}" if dosage.hold else view.dosage
    node = {
        "@type": ["HowTo", "ExercisePlan"],
        "@id": url + "#exercise",
        "url": url,
        "name": record.title,
        "alternateName": list(record.aliases),
        "description": record.summary,
        "inLanguage": site.config.language,
        "exerciseType": kind.activity or kind.name,
        "category": SCHEMA + (kind.category or ""),
        "associatedAnatomy": _muscles(site, record.muscles),
        "tool": _tools(site, record.equipment),
        "repetitions": dosage.reps,
        "additionalVariable": variable,
        "intensity": view.intensity,
        "activityFrequency": view.frequency,
        "totalTime": iso_duration(total),
        "activityDuration": iso_duration(total),
        "step": [
            {"@type": "HowToStep", "position": i, "text": text} for i, text in enumerate(steps, start=1)
        ],
        "isPartOf": {"@id": _website_id(site)},
    }
    crumbs = _crumbs(site, ("Exercises", routes.EXERCISES), (record.title, None))
    return _graph({"@context": "https://schema.org", "@graph": [node, crumbs]})


def routine(site: Site, record: Routine, view: RoutineView, total: int) -> dict[str, Any]:
    url = site.config.absolute_url(record.path)
    resolved = site.steps[record.slug]
    exercises = [site.exercises[s.exercise] for s in resolved]
    equipment = list(dict.fromkeys(s for e in exercises for s in e.equipment))
    steps = [
        {
            "@type": "HowToStep",
            "position": step.number,
            "name": step.title,
            "url": site.config.absolute_url(e.path),
            "text": step.dosage + (f". {step.note}" if step.note else ""),
        }
        for step, e in zip(view.steps, exercises, strict=True)
    ]
    node = {
        "@type": ["HowTo", "ExercisePlan"],
        "@id": url + "#routine",
        "url": url,
        "name": record.title,
        "description": record.summary,
        "inLanguage": site.config.language,
        "category": sorted({SCHEMA + (_type(site, e.type).category or "") for e in exercises}),
        "tool": _tools(site, equipment),
        "activityFrequency": view.frequency,
        "additionalVariable": "Do the exercises in the order shown",
        "totalTime": iso_duration(total),
        "activityDuration": iso_duration(total),
        "step": steps,
        "isPartOf": {"@id": _website_id(site)},
    }
    crumbs = _crumbs(site, ("Routines", routes.ROUTINES), (record.title, None))
    return _graph({"@context": "https://schema.org", "@graph": [node, crumbs]})


def term(site: Site, record: Term, member_paths: Sequence[str]) -> dict[str, Any]:
    vocab = site.vocabularies[record.vocabulary]
    about: dict[str, Any]
    if record.vocabulary == "muscles":
        about = {"@type": "Muscle", "name": record.name, "alternateName": record.anatomical}
    else:
        set_url = site.config.absolute_url(vocab.path)
        about = {
            "@type": "DefinedTerm",
            "name": record.name,
            "description": record.description,
            "inDefinedTermSet": {"@type": "DefinedTermSet", "@id": set_url, "name": vocab.title},
        }
    node = {
        "@type": "CollectionPage",
        "url": site.config.absolute_url(record.path),
        "name": record.name,
        "about": about,
        "mainEntity": {
            "@type": "ItemList",
            "itemListElement": [
                {"@type": "ListItem", "position": i, "url": site.config.absolute_url(p)}
                for i, p in enumerate(member_paths, start=1)
            ],
        },
        "isPartOf": {"@id": _website_id(site)},
    }
    return _graph({"@context": "https://schema.org", **node})
