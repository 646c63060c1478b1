"""The glossary (content/glossary.yaml): the names readers type for what the guide calls otherwise.

Each entry maps a common name or abbreviation ("QL", "pecs", "tech neck") to the guide's own
words, vocabulary terms and exercises. The search data gives the name to every exercise,
routine and page the entry reaches, so a reader who types it finds them. The entry's fields
are declared once, here, as the records' are in limber.model.records; `check` walks them with the
same checker and reports every problem at its line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from limber.diagnostics import Diagnostic, KeyPath, did_you_mean
from limber.load.checker import Checker, dotted
from limber.load.source_docs import SourceDoc
from limber.model.fields import declare, declared, lines, slugs, terms, text
from limber.model.records import Exercise, Page, Routine, Site
from limber.search.words import key, words

ENTRIES = "entries"  # the file's one key: the list of entries
# Characters of names the glossary may add to the search data, over all the records its entries
# reach (the guide's adds about 9,000): an entry that reaches every record is copied into each.
MAX_SEARCH_NAMES = 64 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class GlossaryEntry:
    """One name readers use, and what it leads to in the guide."""

    name: str = field(
        metadata=declare(
            text(2, 40), "what readers type: an abbreviation (`QL`) or a common name (`tech neck`)"
        )
    )
    also: tuple[str, ...] = field(
        default=(), metadata=declare(lines(0, 8, 40), "other spellings of the same name (`text neck`)")
    )
    means: str | None = field(
        default=None,
        metadata=declare(
            text(2, 80),
            "the guide's words for it; what has these words in its title, aliases or cues gets the name",
        ),
    )
    areas: tuple[str, ...] = field(
        default=(), metadata=declare(terms("areas", 0, 9), "what works these body areas gets the name")
    )
    muscles: tuple[str, ...] = field(
        default=(),
        metadata=declare(
            terms("muscles", 0, 10), "exercises with one of these as a primary muscle get the name"
        ),
    )
    equipment: tuple[str, ...] = field(
        default=(), metadata=declare(terms("equipment", 0, 11), "what uses this equipment gets the name")
    )
    positions: tuple[str, ...] = field(
        default=(),
        metadata=declare(terms("positions", 0, 8), "what is done in these positions gets the name"),
    )
    exercises: tuple[str, ...] = field(
        default=(), metadata=declare(slugs(20), "exercises the name stands for directly")
    )
    advice: str | None = field(
        default=None,
        metadata=declare(
            text(20, 240),
            "for a symptom that may need a health professional (`sciatica`, `numbness`): what the "
            "search page says first, with a link to the safety page, before the gentle results",
        ),
    )
    index: int = 0  # position in the file, for line numbers

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.also)


Glossary = tuple[GlossaryEntry, ...]
TERM_FIELDS = ("areas", "muscles", "equipment", "positions")


# --- which records an entry reaches ------------------------------------------------------------


def _holds(haystack: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return n > 0 and any(haystack[i : i + n] == phrase for i in range(len(haystack) - n + 1))


SearchRecord = Exercise | Routine | Page


@dataclass(frozen=True, slots=True)
class Findable:
    """A record as a glossary entry meets it: its terms, the words of its title, aliases and cues."""

    record: SearchRecord
    terms: Mapping[str, tuple[str, ...]]  # vocabulary -> slugs, in vocabulary order
    phrases: tuple[tuple[str, ...], ...]
    steps: tuple[Findable, ...] = ()  # a routine's exercises


def findables(site: Site) -> list[Findable]:
    """Every record the search data lists, in its order: exercises, routines, pages, each by slug."""
    exercises = {
        e.slug: Findable(e, record_terms(site, e), record_phrases(e)) for e in site.exercises.values()
    }
    routines = [
        Findable(
            r,
            record_terms(site, r),
            record_phrases(r),
            tuple(exercises[s.exercise] for s in site.steps[r.slug]),
        )
        for r in site.routines.values()
    ]
    pages = [Findable(p, {}, record_phrases(p)) for p in site.pages.values()]
    return [*exercises.values(), *routines, *pages]


def record_terms(site: Site, record: SearchRecord) -> dict[str, tuple[str, ...]]:
    """The terms a record is found by: an exercise's own, a routine's steps' together, a page none.

    Muscles are the primary muscles.
    """
    if isinstance(record, Page):
        return {}
    if isinstance(record, Exercise):
        exercises = [record]
    else:
        exercises = [site.exercises[s.exercise] for s in site.steps[record.slug]]
    found: dict[str, tuple[str, ...]] = {}
    for vocabulary in TERM_FIELDS:
        used = {s for e in exercises for s in _exercise_terms(e, vocabulary)}
        found[vocabulary] = tuple(t.slug for t in site.vocabularies[vocabulary].terms if t.slug in used)
    return found


def _exercise_terms(exercise: Exercise, vocabulary: str) -> tuple[str, ...]:
    if vocabulary == "positions":
        return (exercise.position,)
    values: tuple[str, ...] = getattr(exercise, vocabulary)
    return values


def record_phrases(record: SearchRecord) -> tuple[tuple[str, ...], ...]:
    """The texts an entry's `means` is looked for in: title, aliases and cues."""
    texts = [record.title]
    if isinstance(record, Exercise):
        texts += [*record.aliases, *record.cues]
    return tuple(words(t) for t in texts)


def reaches(entry: GlossaryEntry, findable: Findable) -> bool:
    """Whether *entry* leads to a record.

    An exercise: named in `exercises`, sharing a term, or holding the `means` words. A routine:
    every one of its exercises is reached, or its title holds the words. A page: its title does.
    """
    means = words(entry.means) if entry.means else ()
    if any(_holds(phrase, means) for phrase in findable.phrases):
        return True
    record = findable.record
    if isinstance(record, Routine):
        return bool(findable.steps) and all(reaches(entry, step) for step in findable.steps)
    if not isinstance(record, Exercise):
        return False
    return record.slug in entry.exercises or any(
        set(getattr(entry, name)) & set(findable.terms[name]) for name in TERM_FIELDS
    )


# --- checking the file -----------------------------------------------------------------------


def validate_glossary(
    doc: SourceDoc, site: Site, broken: frozenset[str] = frozenset()
) -> tuple[Glossary, list[Diagnostic]]:
    """Check glossary.yaml against the linked site; return its valid entries and every problem.

    *broken* holds the slugs of files that failed validation: naming one is not reported again.
    """
    checker = Checker(doc.origin, site.vocabularies)
    for name in doc.meta:
        if name != ENTRIES:
            checker.error(
                "unknown-field",
                f"unknown field '{name}'{did_you_mean(name, [ENTRIES])}; the file holds one list, '{ENTRIES}'",
                (name,),
            )
    raw = doc.meta.get(ENTRIES)
    if raw is None:
        checker.error("missing-field", f"missing required field '{ENTRIES}' (the list of entries)", ())
        return (), checker.problems
    if not isinstance(raw, list):
        checker.error("wrong-type", f"'{ENTRIES}' should be a list of entries", (ENTRIES,))
        return (), checker.problems
    entries: list[GlossaryEntry] = []
    seen: dict[str, int] = {}  # key -> line of its first use
    for i, item in enumerate(raw):
        where = (ENTRIES, i)
        before = len(checker.problems)
        clean = checker.group(item, declared(GlossaryEntry), where)
        for j, slug in enumerate(clean.get("exercises", ())):
            if slug not in site.exercises and slug not in broken:
                checker.error(
                    "unknown-exercise",
                    f"'{dotted((*where, 'exercises'))}' names unknown exercise '{slug}'{did_you_mean(slug, site.exercises)}",
                    (*where, "exercises", j),
                )
        _check_names(checker, clean, where, seen)
        written = item if isinstance(item, dict) else {}  # a field with an error still says where it leads
        if "name" in clean and not any(written.get(f) for f in ("means", "exercises", *TERM_FIELDS)):
            checker.error(
                "empty-glossary-entry",
                f"'{dotted(where)}' ('{clean['name']}') leads nowhere: give it 'means', terms ('muscles', 'areas', 'equipment', 'positions') or 'exercises'",
                where,
            )
        if len(checker.problems) == before:
            entries.append(GlossaryEntry(**clean, index=i))
    if not broken:  # with records missing, "reaches nothing" would be a guess
        _check_reach(checker, entries, findables(site))
    return tuple(entries), checker.problems


def _check_reach(checker: Checker, entries: list[GlossaryEntry], found: list[Findable]) -> None:
    """Each entry reaches some record, and all together add at most MAX_SEARCH_NAMES to the search data."""
    added = 0
    for entry in entries:
        reached = sum(reaches(entry, f) for f in found)
        where = (ENTRIES, entry.index)
        if not reached:
            checker.warn(
                "unused-glossary-entry",
                f"glossary entry '{entry.name}' reaches no exercise, routine or page; check its terms and 'means'",
                where,
            )
        added += reached * sum(len(name) for name in entry.names)
        if added > MAX_SEARCH_NAMES:
            checker.error(
                "glossary-too-large",
                f"with glossary entry '{entry.name}' (it reaches {reached} records), the glossary adds over "
                f"{MAX_SEARCH_NAMES // 1024} KiB of names to the search data; give the entries that reach "
                "many records fewer names, or fewer terms",
                where,
            )
            return


def _check_names(checker: Checker, clean: Mapping[str, Any], where: KeyPath, seen: dict[str, int]) -> None:
    """Each name and spelling holds a letter or digit and appears once in the whole glossary."""
    named: list[tuple[KeyPath, str]] = []
    if "name" in clean:
        named.append(((*where, "name"), clean["name"]))
    named += [((*where, "also", j), value) for j, value in enumerate(clean.get("also", ()))]
    for path, value in named:
        name_key = key(value)
        if not name_key:
            checker.error("bad-glossary-name", f"'{dotted(path)}' '{value}' has no letters or digits", path)
        elif name_key in seen:
            checker.error(
                "duplicate-glossary-name",
                f"'{dotted(path)}' '{value}' is already in the glossary (line {seen[name_key]}); keep one entry",
                path,
            )
        else:
            seen[name_key] = checker.origin.line_of(path)
