"""One project's linked site, kept in memory: brought up to date after a save, any page made at once.

The base of limber.build.pipeline.SiteBuild, which adds the whole build. After a save, `update`
reads only the saved files (a body edit needs no linking: limber.link.linking.replace_bodies), and
`render` makes the pages asked for from the same views and templates, through the same render
function, that SiteBuild.build() renders every page with.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from jinja2 import Environment

from limber.build.loading import Memory, load_and_link, record_at, saved_records
from limber.build.memo import MemoStore
from limber.diagnostics import Diagnostic, has_errors
from limber.link.linking import replace_bodies
from limber.model.records import Site
from limber.render import templates as render
from limber.render.documents import Document, DocumentsOnDemand, targets
from limber.render.markdown import Converter
from limber.render.templates import TemplateError, make_env, template_problem
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


class KeptSite:
    """The site as the files now on disk make it, and any of its pages on demand."""

    def __init__(self, project: Path, base_url: str | None) -> None:
        self.project = project
        self._base_url = base_url
        self._memory = Memory()
        self._memo = MemoStore()  # drawings, QR codes and print layouts, shared with the build
        self._site: Site | None = None
        self._problems: tuple[Diagnostic, ...] = ()
        self._documents: dict[str, Document] = {}  # record path -> its rendered body, for this site
        self._converter: Converter | None = None
        self._env: Environment | None = None
        # Content files saved since the last build; None when unknown (the next build looks at every file).
        self._unbuilt: set[PurePosixPath] | None = None

    def update(self, changed: Iterable[str]) -> Update:
        """Bring the site in memory up to date with the saved files *changed* (project-relative paths).

        When only records' bodies changed, the new records are put in place without linking
        again (limber.link.linking.replace_bodies); otherwise the site is read (only the saved
        files) and linked again. The next build() reads only the saved files too.
        """
        changed = sorted(changed)
        if any(path.startswith("assets/") for path in changed):
            self._env = None  # its asset() names files by their content
        # A saved template needs nothing here: Jinja compiles again what changed on disk since.
        saved = [PurePosixPath(path) for path in changed if path.startswith("content/")]
        if self._unbuilt is not None:
            self._unbuilt.update(saved)
        if not saved and self._site is not None:
            return Update(self._problems, ())
        self._memory.reads.forget(saved)
        records = saved_records(self.project, self._site, self._memory, saved)
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
        diagnostics: list[Diagnostic] = []
        site = load_and_link(self.project, self._base_url, diagnostics, None, self._memory, saved or None)
        self._loaded(site, diagnostics)
        own = [page_file(r.path) for path in saved if (r := record_at(self._site, path)) is not None]
        return Update(self._problems, tuple(own))

    def render(self, files: Iterable[str]) -> tuple[dict[str, bytes], list[Diagnostic]]:
        """The pages among *files* (page files, as page_file() names them), as build() makes them.

        Files that are not pages of the site now are left out; a template error is a problem
        at its line, and then no page is returned.
        """
        site = self._site
        if site is None:
            return {}, []
        if self._converter is None:
            self._converter = Converter(targets(site))
        if self._env is None:
            self._env = make_env(self.project / "templates")
        ctx = Context(site, DocumentsOnDemand(site, self._documents, self._converter), self._memo.memo)
        makers = view_makers(ctx)
        wanted = dict.fromkeys(page_path(path) for path in files)
        try:
            shared = site_view(ctx)
            outputs = [
                render.render_page(self._env, makers[path](), shared) for path in wanted if path in makers
            ]
        except TemplateError as err:
            return {}, [template_problem(self.project, err)]
        return {output.path.as_posix(): output.text.encode("utf-8") for output in outputs}, []

    def _loaded(self, site: Site | None, problems: list[Diagnostic]) -> None:
        """Keep a newly linked *site*: what was kept for the last one no longer holds."""
        self._site, self._problems = site, tuple(problems)
        self._documents.clear()
        self._converter = None
