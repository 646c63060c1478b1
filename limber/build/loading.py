"""Stages 1-3 (load, validate, link): content files -> a linked Site and every problem found.

A Memory kept between runs (the preview's build process keeps one) lets unchanged files be
neither read nor checked again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Hashable, Mapping
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar, cast

from limber.diagnostics import Diagnostic, Severity, has_errors
from limber.link.linking import link, missing_pages
from limber.load import front_matter, site_settings, taxonomies
from limber.load.body_text import body_problems
from limber.load.content_files import KINDS
from limber.load.source_docs import SourceDoc
from limber.load.sources import ReadCache, load_sources
from limber.model.records import Draft, Record, Site
from limber.model.vocabulary import Vocabulary
from limber.rules import Rule, apply_rules, read_rules, screening
from limber.search import GlossaryEntry, validate_glossary

T = TypeVar("T")
VALIDATORS = {
    "exercise": front_matter.validate_exercise,
    "routine": front_matter.validate_routine,
    "page": front_matter.validate_page,
}


def check(doc: SourceDoc, vocabularies: Mapping[str, Vocabulary]) -> tuple[Record | None, list[Diagnostic]]:
    """One content file's record, if valid, and its problems."""
    record, found = VALIDATORS[doc.kind](doc, vocabularies)
    # The body is checked for every file read, valid or not, so one run shows everything.
    return record, found + body_problems(doc.kind, doc.body, doc.origin)


class Memory:
    """What is kept of reading and checking content files, between builds.

    Each file's reading and checking is kept with the inputs it was made from and used again
    while they are the same: an unchanged file is neither parsed nor checked again. A process
    that builds one project again and again (the preview) keeps one; a build with a cache keeps
    what kept() gives in the cache folder for the next process (Memory(kept)), whose files are
    then vouched for by their bytes (limber.load.sources.ReadCache). Without one, a build keeps
    nothing.
    """

    def __init__(self, kept: Mapping[str, Any] | None = None) -> None:
        self.reads = ReadCache(kept["reads"] if kept else None)
        self._checked: dict[Hashable, tuple[tuple[object, ...], Any]] = dict(kept["checked"]) if kept else {}
        self._made = 0  # results made afresh by this process

    def checked(self, path: Hashable, inputs: tuple[object, ...], make: Callable[[], T]) -> T:
        """make(), or its result from the last call for *path* if *inputs* are the same."""
        kept = self._checked.get(path)
        if kept is not None and all(a is b or a == b for a, b in zip(kept[0], inputs, strict=True)):
            return cast(T, kept[1])
        result = make()
        self._checked[path] = (inputs, result)
        self._made += 1
        return result

    def found_in(self, rules: tuple[Rule, ...], record: Record) -> dict[Any, Any]:
        """What the *rules* found in *record*'s own words, kept while both are the same (apply_rules)."""
        return self.checked((record.origin.path, "rules"), (record, rules), dict)

    @property
    def changed(self) -> bool:
        """Whether this process parsed or checked anything afresh: else kept() holds nothing new."""
        return bool(self.reads.parsed or self._made)

    def kept(self) -> dict[str, Any]:
        """Plain data for a later process: each file this one read, and what was checked from it."""
        reads = self.reads.kept()
        return {
            "reads": reads,
            "checked": {
                key: entry
                for key, entry in self._checked.items()
                if (key[0] if isinstance(key, tuple) else key) in reads
            },
        }


def promote(diagnostic: Diagnostic) -> Diagnostic:
    """The same diagnostic as an error (for --strict)."""
    return dataclasses.replace(diagnostic, severity=Severity.ERROR)


def load_and_link(
    project: Path,
    base_url: str | None,
    diagnostics: list[Diagnostic],
    glossary: list[GlossaryEntry] | None = None,
    memory: Memory | None = None,
    changed: Collection[PurePosixPath] | None = None,
    *,
    publishing: bool = False,
) -> Site | None:
    """Stages 1-3. Appends every problem to *diagnostics*; returns None if linking is impossible.

    *publishing* (the `build` command, not the preview) warns of a base URL on an example domain.

    With a *glossary* list, content/glossary.yaml is checked too and its entries appended
    (only the search data uses it: the pages made at once after a save leave it to the build).
    With *memory*, files unchanged since its last build are neither read nor checked again,
    and with *changed* (the files saved since, as the preview's watcher reports them), the
    others are not even looked at (limber.load.sources.load_sources).
    """
    memory = memory or Memory()
    sources, problems = load_sources(project, reads=memory.reads, changed=changed)
    diagnostics += problems
    by_kind: dict[str, list[SourceDoc]] = {}
    for doc in sources.docs:
        by_kind.setdefault(doc.kind, []).append(doc)
    config = vocabularies = None
    for kind, name in (("site", "site.yaml"), ("taxonomies", "taxonomies.yaml")):
        if kind not in by_kind and not any(d.path.name == name for d in diagnostics):
            diagnostics.append(
                Diagnostic(PurePosixPath("content", name), None, "missing-file", f"content/{name} is missing")
            )
    if "site" in by_kind:
        doc = by_kind["site"][0]
        config, found = memory.checked(
            doc.path, (doc, base_url), partial(site_settings.validate_config, doc, base_url)
        )
        diagnostics += found
        if publishing and config is not None:
            diagnostics += site_settings.example_base_url(
                config, doc.origin, from_option=base_url is not None
            )
    if "taxonomies" in by_kind:
        doc = by_kind["taxonomies"][0]
        vocabularies, found = memory.checked(doc.path, (doc,), partial(taxonomies.validate_taxonomies, doc))
        diagnostics += found
    if vocabularies is None:
        return None
    records: list[Record] = []
    drafts: list[Draft] = []  # files with errors: their references are still checked
    broken: set[str] = set()
    for doc in sources.docs:
        if doc.kind in VALIDATORS:
            record, found = memory.checked(doc.path, (doc, vocabularies), partial(check, doc, vocabularies))
            diagnostics += found
            if record is not None:
                records.append(record)
                continue
            drafts.append(front_matter.draft(doc))
            if doc.kind != "page":
                broken.add(doc.slug)
    broken |= {d.path.stem for d in problems if d.is_error and d.path.suffix == ".md"}
    taxonomies_origin = by_kind["taxonomies"][0].origin
    if config is None or has_errors(d for d in diagnostics if d.path == taxonomies_origin.path):
        return None  # the records are checked; linking needs whole vocabularies and settings
    site, found = link(
        config, vocabularies, records, sources.images, taxonomies_origin, frozenset(broken), drafts
    )
    diagnostics += found + missing_pages(site, frozenset(broken))
    for doc in by_kind.get("rules", ()):
        rules, found = memory.checked(doc.path, (doc, vocabularies), partial(read_rules, doc, vocabularies))
        diagnostics += found + apply_rules(site, rules, partial(memory.found_in, rules))
        site = dataclasses.replace(site, screening=screening(site, rules))
    if glossary is not None:
        for doc in by_kind.get("glossary", ()):
            entries, found = validate_glossary(doc, site, frozenset(broken))
            diagnostics += found
            glossary += entries
    return site


def saved_records(
    project: Path, site: Site | None, memory: Memory, saved: list[PurePosixPath]
) -> list[tuple[Record, list[Diagnostic]]] | None:
    """The *saved* files' records and problems, if all are valid records of *site*'s vocabularies."""
    if site is None:
        return None
    out = []
    for path in saved:
        kind = KINDS.get(path.parent.name) if path.parent.parent == PurePosixPath("content") else None
        file = project / path
        if kind is None or path.suffix != ".md" or not file.is_file():
            return None
        doc, problems = memory.reads.read(file, path, kind)
        if doc is None:
            return None
        record, found = memory.checked(path, (doc, site.vocabularies), partial(check, doc, site.vocabularies))
        if record is None:
            return None
        out.append((record, problems + found))
    return out


def record_at(site: Site | None, path: PurePosixPath) -> Record | None:
    """The record *site* read from the content file at *path*, if any."""
    if site is None:
        return None
    records: list[Mapping[str, Record]] = [site.exercises, site.routines, site.pages]
    found = next((table.get(path.stem) for table in records if path.stem in table), None)
    return found if found is not None and found.origin.path == path else None
