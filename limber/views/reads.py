"""What each page view read, recorded while it is built, and which views a new site leaves as they were.

A view is built from the linked Site and the rendered documents only. Built through a
`Recording` (a stand-in for the Site and the documents that notes each table entry read, and
each table read whole), a view's reads are its dependencies, as Lektor records them. After an
edit, `Changes` compares the new site with the last one table by table; a view that read
nothing that changed is the view it was, and its page need not be made again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from limber.build.memo import digest
from limber.link.related import related_inputs
from limber.model.records import Site
from limber.render.documents import Document
from limber.views import view_makers
from limber.views.common import Context
from limber.views.page_data import View

DOCUMENTS = "documents"  # the documents, read as a table beside the site's
RELATED = "related"  # a table worked out on demand from fields of every exercise: it changes whole
# A digest of each entry of each table of a site, as (key, digest) in the table's order; or one
# digest for a value read whole (the settings) or worked out from every exercise (related).
Digests = dict[str, list[tuple[Hashable, str]] | str]
# Tables each page of a record reads: its own entry, whatever its view does.
OWN_TABLES = ("exercises", "routines", "pages")
CHECK_EVERY = 50  # views built between two chances to stop (about 40 ms at 1,000 exercises)


@dataclass
class Reads:
    """One view's dependencies: the (table, key) entries it read, and the tables it read whole."""

    entries: set[tuple[str, Hashable]] = field(default_factory=set)
    tables: set[str] = field(default_factory=set)


class _Table(Mapping[Hashable, Any]):
    """A table of the site (or the documents) that notes what is read of it."""

    def __init__(self, name: str, table: Mapping[Any, Any], recording: Recording) -> None:
        self._name, self._table, self._recording = name, table, recording

    def __getitem__(self, key: Hashable) -> Any:
        self._recording.note(self._name, key)
        return self._table[key]

    def __contains__(self, key: object) -> bool:
        self._recording.note(self._name, key)
        return key in self._table

    def __iter__(self) -> Iterator[Hashable]:
        self._recording.note_table(self._name)
        return iter(self._table)

    def __len__(self) -> int:
        self._recording.note_table(self._name)
        return len(self._table)


class _SiteReads:
    """The Site as a view sees it through a Recording: every table read is noted."""

    def __init__(self, site: Site, recording: Recording) -> None:
        self._site, self._recording = site, recording

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._site, name)
        if name in self._recording.tables:
            return _Table(name, value, self._recording)
        if callable(value):  # a method of Site (record()): run against the tables noted here
            return getattr(Site, name).__get__(self)
        self._recording.note_table(name)  # a whole field: the settings
        return value


class Recording:
    """The site and documents for views to read, and what each view read (`reading(make)`)."""

    def __init__(self, site: Site, documents: Mapping[str, Document]) -> None:
        self.tables = {f.name for f in dataclasses.fields(Site) if isinstance(getattr(site, f.name), Mapping)}
        self.site = cast(Site, _SiteReads(site, self))
        self.documents = cast(Mapping[str, Document], _Table(DOCUMENTS, documents, self))
        self._now: Reads | None = None

    def note(self, table: str, key: Hashable) -> None:
        if self._now is not None:
            self._now.entries.add((table, key))

    def note_table(self, table: str) -> None:
        if self._now is not None:
            self._now.tables.add(table)

    def reading(self, make: Callable[[], Any]) -> tuple[Any, Reads]:
        """make()'s result and what it read."""
        self._now = reads = Reads()
        try:
            return make(), reads
        finally:
            self._now = None


class Changes:
    """What differs between the last site and documents and the new ones, table by table."""

    def __init__(self, everything: bool, keys: dict[str, set[Hashable]]) -> None:
        self.everything = everything or bool(keys.get("vocabularies"))  # terms show on every page
        self.keys = keys

    @classmethod
    def between(
        cls,
        old: Site,
        new: Site,
        old_documents: Mapping[str, Document],
        new_documents: Mapping[str, Document],
    ) -> Changes:
        """The changes from one site in memory to the next (a process that keeps the last one)."""
        everything, keys = False, dict[str, set[Hashable]]()
        for f in dataclasses.fields(Site):
            before, after = getattr(old, f.name), getattr(new, f.name)
            if before is after:
                continue
            if not isinstance(after, Mapping):
                everything |= before != after  # the settings: every page shows them
            elif f.name == RELATED:
                # Worked out on demand from fields of every exercise: the same while none of
                # those changed, and then every list may have.
                if cls._related_inputs_changed(old, new):
                    keys[f.name] = set(before) | set(after)
            else:
                keys[f.name] = _differing(before, after)
        keys[DOCUMENTS] = _differing(old_documents, new_documents)
        return cls(everything, keys)

    @classmethod
    def of_digests(cls, before: Digests, after: Digests) -> Changes:
        """The same, from digests of each entry of the last site and the new one (a new process)."""
        everything, keys = False, dict[str, set[Hashable]]()
        for name, now in after.items():
            last = before.get(name)
            if isinstance(now, str):  # a value read whole, or worked out from every exercise
                if last != now and name == RELATED:
                    exercises = [table.get("exercises") for table in (before, after)]
                    keys[name] = {key for found in exercises if isinstance(found, list) for key, _ in found}
                everything |= last != now and name != RELATED  # the settings
            else:
                keys[name] = _differing(dict(last) if isinstance(last, list) else {}, dict(now))
        return cls(everything, keys)

    @staticmethod
    def _related_inputs_changed(old: Site, new: Site) -> bool:
        if list(old.exercises) != list(new.exercises):
            return True
        return any(
            related_inputs(after) != related_inputs(before)
            for slug, after in new.exercises.items()
            if (before := old.exercises[slug]) is not after
        )

    def touch(
        self, entries: Iterable[tuple[str, Hashable]], tables: Iterable[str], own: tuple[str, Hashable] | None
    ) -> bool:
        """True when a view that read these *entries* and *tables* (and its own record *own*) may differ now."""
        if self.everything:
            return True
        if any(self.keys.get(table) for table in tables):
            return True
        return any(key in self.keys.get(table, ()) for table, key in (*entries, *([own] if own else [])))


def _differing(before: Mapping[Any, Any], after: Mapping[Any, Any]) -> set[Hashable]:
    """The keys whose values differ (or that are in one table only); a new order counts as all."""
    if list(before) != list(after):
        return set(before) | set(after)
    return {key for key, value in after.items() if (old := before[key]) is not value and old != value}


class KeptViews:
    """Each page's view with what it read, kept by a process that builds one site again and again."""

    def __init__(self) -> None:
        self._read: dict[str, tuple[View, Reads]] = {}  # page path -> its view, what it read
        self._from: tuple[Site, Mapping[str, Document]] | None = None  # what those views read
        self._digests: dict[str, tuple[View, str]] = {}  # page path -> its last view and its digest

    def views(self, ctx: Context, go_on: Callable[[], None] = lambda: None) -> list[View]:
        """Every page's view: those that read nothing that changed since the last call as they were.

        *go_on* is called every CHECK_EVERY views built, so a build can be stopped here too.
        """
        site, documents = ctx.site, ctx.documents
        recording = Recording(site, documents)
        makers = view_makers(dataclasses.replace(ctx, site=recording.site, documents=recording.documents))
        last = self._from
        changes = Changes.between(last[0], site, last[1], documents) if last is not None else None
        own = {r.path: (table, r.slug) for table in OWN_TABLES for r in getattr(site, table).values()}
        kept: dict[str, tuple[View, Reads]] = {}
        built = 0
        for path, make in makers.items():
            before = self._read.get(path)
            if (
                before is not None
                and changes is not None
                and not changes.touch(before[1].entries, before[1].tables, own.get(path))
            ):
                kept[path] = before
            else:
                kept[path] = recording.reading(make)
                built += 1
                if built % CHECK_EVERY == 0:
                    go_on()
        self._read, self._from = kept, (site, documents)
        return [view for view, _ in kept.values()]

    def digest(self, view: View) -> str:
        """memo.digest(view), worked out once for a view used again."""
        kept = self._digests.get(view.path)
        if kept is not None and kept[0] is view:
            return kept[1]
        found = digest(view)
        self._digests[view.path] = (view, found)
        return found
