"""What each page's view read, kept by the build cache, so a new process builds only the views an edit touches.

The preview's process keeps the last site and its views in memory (limber.views.reads.KeptViews).
A new process has neither. The cache keeps, for each page, what its view read (a Recording),
with a digest of the view and the page's address, and a digest of each entry of each table of
the site it read them from. The entries whose digest changed are what changed; a page whose
view read none of them is a KeptPage: its view is not built again, and its file is left in
place, as the page cache finds it (the pipeline builds the view after all if the file is not).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass
from typing import Any

from limber.build.memo import digest
from limber.link.related import related_inputs
from limber.model.records import Site
from limber.render.documents import Document
from limber.views import view_makers
from limber.views.common import Context
from limber.views.page_data import View
from limber.views.reads import DOCUMENTS, OWN_TABLES, RELATED, Changes, Digests, Recording

# What a page's view read: its digest, its canonical address, the (table, key) entries and the tables read whole.
PageReads = tuple[str, str, tuple[tuple[str, Hashable], ...], tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class KeptPage:
    """A page whose view read nothing that changed since the last build: what the build needs of it."""

    path: str
    canonical: str


def saved_views(
    ctx: Context, saved: Mapping[str, Any] | None, always: Collection[str]
) -> tuple[list[View | KeptPage], dict[str, Any]]:
    """Every page's view, or a KeptPage where the *saved* reads say nothing it read changed.

    The pages in *always* get their view whatever they read (the offline files render them).
    Returns the views in page order, and what to keep for the next build.
    """
    site, documents = ctx.site, ctx.documents
    recording = Recording(site, documents)
    makers = view_makers(dataclasses.replace(ctx, site=recording.site, documents=recording.documents))
    now = entry_digests(site, documents)
    last: Mapping[str, PageReads] = saved["views"] if saved else {}
    changes = Changes.of_digests(saved["digests"] if saved else {}, now)
    own = {r.path: (table, r.slug) for table in OWN_TABLES for r in getattr(site, table).values()}
    views: list[View | KeptPage] = []
    reads: dict[str, PageReads] = {}
    for path, make in makers.items():
        before = last.get(path)
        if (
            before is not None
            and path not in always
            and not changes.touch(before[2], before[3], own.get(path))
        ):
            views.append(KeptPage(path, before[1]))
            reads[path] = before
        else:
            view, read = recording.reading(make)
            views.append(view)
            reads[path] = (digest(view), view.canonical, tuple(read.entries), tuple(read.tables))
    return views, {"digests": now, "views": reads}


def entry_digests(site: Site, documents: Mapping[str, Document]) -> Digests:
    """A digest of each entry of each table of *site* and of the documents, and of its settings."""
    found: Digests = {}
    for f in dataclasses.fields(Site):
        value = getattr(site, f.name)
        if f.name == RELATED:
            found[f.name] = digest([related_inputs(e) for e in site.exercises.values()])
        elif isinstance(value, Mapping):
            found[f.name] = [(key, digest(entry)) for key, entry in value.items()]
        else:
            found[f.name] = digest(value)
    found[DOCUMENTS] = [(key, digest(entry)) for key, entry in documents.items()]
    return found
