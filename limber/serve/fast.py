"""Fast render: the pages an editor is looking at, made again at once after a save.

The full build of a big site takes seconds (a minute at 10,000 exercises), so the preview
does not wait for it to show a save. It keeps the linked site in memory here; after a save it
reads and checks only the saved files, and when only their bodies changed it puts the new
records in place without linking again (limber.linking.replace_bodies). Then it renders only
the pages open in a tab and the saved records' own pages, which the server shows on top of the
last build until the full build (limber.serve.worker) has caught up. Hugo's server does the
same ("fast render"). The pages are the ones the full build makes, byte for byte: the same
views and templates, from the same site.
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath

from jinja2 import Environment

from limber.content import KINDS
from limber.diagnostics import Diagnostic, has_errors
from limber.documents import Document, render_document, targets
from limber.linking import replace_bodies
from limber.markdown import Converter
from limber.memo import MemoStore
from limber.model import Record, Site
from limber.pipeline import Memory, check, load_and_link
from limber.render import TemplateError, make_env, render_page, template_problem
from limber.routes import page_file, page_path
from limber.views import Context, site_view, view_makers


@dataclass(frozen=True, slots=True)
class Update:
    """The state after a save: every problem known, and the pages the saved records have."""

    problems: tuple[Diagnostic, ...]
    own_pages: tuple[str, ...]  # page files, as page_file() names them

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


class FastRender:
    """The site as the files now on disk make it, kept in memory, and any of its pages on demand."""

    def __init__(self, project: Path, base_url: str) -> None:
        self._project = project
        self._base_url = base_url
        self._memory = Memory()
        self._site: Site | None = None
        self._problems: tuple[Diagnostic, ...] = ()
        self._documents: dict[str, Document] = {}  # record path -> its rendered body
        self._converter: Converter | None = None
        self._memo = MemoStore()
        self._env: Environment | None = None

    def load(self, saved: Collection[PurePosixPath] | None = None) -> Update:
        """Read, check and link everything; unchanged files come from memory.

        With *saved*, the files saved since the last load, no other file is looked at.
        """
        diagnostics: list[Diagnostic] = []
        self._site = load_and_link(self._project, self._base_url, diagnostics, None, self._memory, saved)
        self._problems = tuple(diagnostics)
        self._documents.clear()
        self._converter = None
        # What is kept lives until the next load: the cycle collector need not look at it again.
        # At 10,000 exercises each of its full passes took up to half a second of a save's
        # render (measured); objects dropped later are still freed as their last use ends.
        # The last load's frozen objects are let go and collected first, so what this load
        # replaced (a site graph has cycles) is freed rather than frozen for good.
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        return Update(self._problems, ())

    def update(self, changed: Iterable[str]) -> Update:
        """Bring the site up to date with the saved files *changed* (project-relative paths)."""
        changed = sorted(changed)
        if any(path.startswith("assets/") for path in changed):
            self._env = None  # its asset() names files by their content
        # A saved template needs nothing here: Jinja compiles again what changed on disk since.
        saved = [PurePosixPath(path) for path in changed if path.startswith("content/")]
        if not saved:
            return Update(self._problems, ())
        self._memory.reads.forget(saved)
        records = self._records(saved)
        if records is not None and self._site is not None and not has_errors(self._problems):
            swapped = replace_bodies(self._site, (record for record, _ in records))
            if swapped is not None:
                self._site, link_problems = swapped
                kept = [d for d in self._problems if d.path not in saved]
                found = [d for _, problems in records for d in problems]
                self._problems = tuple(kept + found + link_problems)
                for record, _ in records:
                    self._documents.pop(record.path, None)
                return Update(self._problems, tuple(page_file(r.path) for r, _ in records))
        update = self.load(saved)
        own = [page_file(r.path) for path in saved if (r := self._record_at(path)) is not None]
        return Update(update.problems, tuple(own))

    def render(self, files: Iterable[str]) -> tuple[dict[str, bytes], list[Diagnostic]]:
        """The pages among *files* (page files, as page_file() names them) as the full build makes them.

        Files that are not pages of the site now are left out; a template error is a problem
        at its line, and then no page is returned.
        """
        site = self._site
        if site is None:
            return {}, []
        if self._converter is None:
            self._converter = Converter(targets(site))
        if self._env is None:
            self._env = make_env(self._project / "templates")
        ctx = Context(site, _Documents(site, self._documents, self._converter), self._memo.memo)
        makers = view_makers(ctx)
        wanted = dict.fromkeys(page_path(path) for path in files)
        try:
            shared = site_view(ctx)
            outputs = [render_page(self._env, makers[path](), shared) for path in wanted if path in makers]
        except TemplateError as err:
            return {}, [template_problem(self._project, err)]
        return {output.path.as_posix(): output.text.encode("utf-8") for output in outputs}, []

    def _records(self, saved: list[PurePosixPath]) -> list[tuple[Record, list[Diagnostic]]] | None:
        """The saved files' records and problems, if all are valid records of the site's vocabularies."""
        site = self._site
        if site is None:
            return None
        out = []
        for path in saved:
            kind = KINDS.get(path.parent.name) if path.parent.parent == PurePosixPath("content") else None
            file = self._project / path
            if kind is None or path.suffix != ".md" or not file.is_file():
                return None
            doc, problems = self._memory.reads.read(file, path, kind)
            if doc is None:
                return None
            record, found = self._memory.checked(
                path, (doc, site.vocabularies), partial(check, doc, site.vocabularies)
            )
            if record is None:
                return None
            out.append((record, problems + found))
        return out

    def _record_at(self, path: PurePosixPath) -> Record | None:
        site = self._site
        if site is None:
            return None
        records: list[Mapping[str, Record]] = [site.exercises, site.routines, site.pages]
        found = next((table.get(path.stem) for table in records if path.stem in table), None)
        return found if found is not None and found.origin.path == path else None


class _Documents(Mapping[str, Document]):
    """Site path -> Document, each body rendered when a view first asks for it."""

    def __init__(self, site: Site, kept: dict[str, Document], converter: Converter) -> None:
        records: list[Record] = [*site.exercises.values(), *site.routines.values(), *site.pages.values()]
        self._records = {r.path: r for r in records}
        self._kept = kept
        self._converter = converter

    def __getitem__(self, path: str) -> Document:
        found = self._kept.get(path)
        if found is None:
            found = self._kept[path] = render_document(self._records[path], self._converter)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)
