"""The build: load -> validate -> link -> documents -> views -> outputs -> write, gated on errors.

`SiteBuild` is the one path by which a page or any other file of the site is made. `build()`
makes the whole site (the `build` and `check` commands, and the preview's build process);
`update(changed)` brings the site kept in memory up to date with saved files, and `render()`
then makes any of its pages at once, as `build()` makes it: the same views, from the same
site, through the same render function. The preview's build process calls `update` and
`render` for the pages open in a tab, sends them to the server, then calls `build()`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path, PurePosixPath
from typing import cast

from jinja2 import Environment

from limber.build.cache import Cache
from limber.build.input_digests import tree_digest
from limber.build.kept_site import KeptSite
from limber.build.loading import Memory, load_and_link, promote
from limber.build.memo import digest
from limber.build.parallel import run_all
from limber.build.result import BuildResult, Superseded
from limber.build.write import Staging, Written, check_out_dir, check_outputs
from limber.diagnostics import Diagnostic, has_errors
from limber.model.records import Output, Record
from limber.render import templates as render
from limber.render.documents import render_documents, targets
from limber.render.outputs import Made, other_outputs
from limber.render.templates import TemplateError, make_env, render_pages, template_problem
from limber.search import GlossaryEntry
from limber.views import Context, all_views, site_view, view_makers
from limber.views.card import card_problems, printout_jobs
from limber.views.drawings import drawing_jobs
from limber.views.offline import SAVED_FIRST
from limber.views.page_data import SiteView, View
from limber.views.reads import KeptViews
from limber.views.saved_reads import KeptPage, saved_views
from limber.views.share import share_jobs


def build(
    project: Path,
    out_dir: Path | None = None,
    *,
    base_url: str | None = None,
    write: bool = True,
    strict: bool = False,
    cache_dir: Path | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    publishing: bool = False,
) -> BuildResult:
    """Build the site in *project* into *out_dir* once; with write=False, check only (SiteBuild.build)."""
    site = SiteBuild(project, base_url=base_url, strict=strict, cache_dir=cache_dir, publishing=publishing)
    return site.build(out_dir, write=write, progress=progress)


class SiteBuild(KeptSite):
    """One project's site, kept in memory between builds (the module's docstring says how it is used)."""

    def __init__(
        self,
        project: Path,
        *,
        base_url: str | None = None,
        strict: bool = False,
        publishing: bool = False,
        cache_dir: Path | None = None,
        incremental: bool = False,
    ) -> None:
        """A build of *project* with these options, kept in memory.

        *incremental*: this object builds the site again and again (the preview's process); it
        then records what each view read, and builds again only the views an edit touches.
        """
        super().__init__(project, base_url)
        self._incremental = incremental
        self._strict = strict
        self._publishing = publishing  # the `build` command warns of an example domain; the preview does not
        self._cache_dir = cache_dir
        self._wrote: tuple[Path, Written] | None = None  # the folder the last build wrote, and what
        self._views = KeptViews()  # incremental: each view with what it read
        self._kept_cache: Cache | None = None  # incremental: the build cache, kept in memory
        self._remembered = False  # the cache's memory of read and checked files was looked at

    # --- the whole site ---

    def build(
        self,
        out_dir: Path | None = None,
        *,
        write: bool = True,
        progress: Callable[[str, int, int], None] | None = None,
        stop: Callable[[], bool] | None = None,
    ) -> BuildResult:
        """Build the site into *out_dir*; with write=False, check only.

        Nothing is written unless every stage finished without errors (or, when strict,
        without warnings either). With a cache folder, unchanged work is taken from the build
        cache (limber.build.cache), for a check as for a build; the output is byte-identical either
        way. *stop* is asked between stages: when it says yes, Superseded is raised and
        nothing is written.
        """
        project = self.project
        if write:
            assert out_dir is not None
            check_out_dir(out_dir, project)
        result = BuildResult()
        # A check has a state of its own: it writes no folder, so its pages are known only by their views.
        where = str(out_dir.resolve()) if write and out_dir is not None else "check"
        target = (self._base_url or "", str(self._strict), str(self._publishing), where)
        cache = self._open_cache(target)
        inputs = ""
        if cache is not None and cache is not self._kept_cache:  # a kept one: asked because files changed
            result.notices += [cache.ignored] if cache.ignored else []
            inputs = cache.inputs_digest(project, target)
            if cache.unchanged(inputs, out_dir):
                result.diagnostics, result.counts, result.unchanged = (
                    list(cache.diagnostics),
                    cache.counts,
                    True,
                )
                return result
            ignored = cache.load_rest()
            result.notices += [ignored] if ignored else []
        # The first build here takes what the last process read and checked, and keeps what it adds.
        remember, self._remembered = cache is not None and not self._remembered, True
        if remember and cache is not None:
            kept, ignored = cache.kept_memory()
            self._memory = Memory(kept) if kept is not None else self._memory
            result.notices += [ignored] if ignored else []

        def blocked() -> bool:
            if self._strict:
                result.diagnostics[:] = [promote(d) for d in result.diagnostics]
            return has_errors(result.diagnostics)

        def go_on() -> None:
            if stop is not None and stop():
                raise Superseded

        # load, validate, link
        glossary: list[GlossaryEntry] = []
        saved, self._unbuilt = self._unbuilt, set()
        site = load_and_link(
            project,
            self._base_url,
            result.diagnostics,
            glossary,
            self._memory,
            saved,
            publishing=self._publishing,
        )
        self._loaded(site, result.diagnostics)
        result.site = site
        if remember and cache is not None and self._memory.changed:
            cache.keep_memory(self._memory.kept())
        if site is None or blocked():
            return result
        go_on()
        # documents: every body rendered once
        records: list[Record] = [*site.exercises.values(), *site.routines.values(), *site.pages.values()]
        documents = render_documents(records, targets(site), cache)
        memo = cache.memos if cache is not None else self._memo
        self._documents, self._memo = dict(documents), memo
        ctx = Context(site, documents, memo.memo)
        go_on()
        # drawings, QR codes and print layouts: made on every core before the views ask for them
        # (share pictures only for publishing: nothing that the preview or a check shows needs them)
        shares = share_jobs(ctx) if self._publishing else []
        missing = memo.missing([*drawing_jobs(ctx), *printout_jobs(ctx), *shares])
        memo.results.update(
            zip((key for key, _ in missing), run_all([make for _, make in missing]), strict=True)
        )
        go_on()
        # views, then the outputs they make
        if self._env is None:  # kept while the assets are the same: it compiles each template once
            self._env = make_env(project / "templates")
        env = self._env
        shared = site_view(ctx)
        views: list[View | KeptPage]
        if self._incremental:
            views = list(self._views.views(ctx, go_on))
        elif cache is not None:  # a new process: the cache says what each view read last time
            views, cache.new_views = saved_views(ctx, cache.views, SAVED_FIRST)
        else:
            views = list(all_views(ctx))
        result.diagnostics += card_problems(ctx)  # a printed card or page that cannot fit one page
        go_on()
        # pages go to the staging folder as they are rendered; it is the site's only at commit()
        staging = Staging(out_dir) if write and out_dir is not None else None
        try:
            outputs, problems = self._pages(ctx, env, views, shared, cache, out_dir, staging, progress, go_on)
            if not problems:
                try:
                    outputs += other_outputs(Made(ctx, views, env, tuple(glossary), self._publishing))
                except TemplateError as err:
                    problems.append(template_problem(project, err))
            image_paths = [PurePosixPath("images", src) for src in site.images]
            result.diagnostics += problems + check_outputs(outputs, image_paths)
            if blocked():
                return result
            go_on()
            result.outputs = outputs
            result.counts = {
                "exercises": len(site.exercises),
                "routines": len(site.routines),
                "pages": len(site.pages),
                "html": sum(o.path.suffix == ".html" for o in outputs),
            }
            # write
            if staging is not None:
                assert out_dir is not None
                assets, last = project / "assets", self._wrote
                self._wrote = None  # until the folder is whole again
                known = last[1] if last is not None and last[0] == out_dir else None
                written = staging.commit(outputs, assets, site.images, known)
                result.wrote = True
                self._wrote = (out_dir, written) if self._incremental else None
        finally:
            if staging is not None:
                staging.discard()
        if cache is not None:
            result.from_cache = cache.reused
            if self._incremental:
                cache.again(out_dir if write else None, outputs)
                self._kept_cache, self._memo = cache, cache.memos
            else:
                cache.save(inputs, out_dir if write else None, outputs, result.counts, result.diagnostics)
        return result

    def _open_cache(self, target: tuple[str, ...]) -> Cache | None:
        """The build cache for *target*: kept in memory between builds when incremental."""
        if self._cache_dir is None:
            return None
        key = "\0".join(target)
        if self._kept_cache is not None and self._kept_cache.target == Cache.target_name(key):
            self._kept_cache.begin()
            return self._kept_cache
        self._kept_cache = None
        return Cache.open(self._cache_dir, key)

    def _pages(
        self,
        ctx: Context,
        env: Environment,
        views: list[View | KeptPage],
        shared: SiteView,
        cache: Cache | None,
        out_dir: Path | None,
        staging: Staging | None,
        progress: Callable[[str, int, int], None] | None,
        go_on: Callable[[], None],
    ) -> tuple[list[Output], list[Diagnostic]]:
        """Every page: unchanged ones left in place, the rest rendered on every core (into *staging*)."""
        reused: list[Output | None] = [None] * len(views)
        if cache is not None:
            # Every page shows the templates, the shared site view (title, navigation) and the
            # content-hashed names of the assets it links.
            templates = tree_digest(self.project / "templates", self.project / "assets") + digest(shared)
            known = cache.new_views["views"] if cache.new_views else {}  # each view's digest, if worked out

            def view_digest(view: View | KeptPage) -> str:
                return known[view.path][0] if view.path in known else self._views.digest(cast(View, view))

            reused = [
                cache.unchanged_page(view.path, templates, out_dir, view_digest(view)) for view in views
            ]
        # A kept page whose file is not as the last build left it: its view is built after all.
        makers = view_makers(ctx) if any(isinstance(v, KeptPage) for v in views) else {}
        todo = [
            makers[view.path]() if isinstance(view, KeptPage) else view
            for view, output in zip(views, reused, strict=True)
            if output is None
        ]

        def report(done: int, total: int) -> None:
            go_on()  # newer saves: stop between pages too, the longest stage after a template edit
            if progress is not None:
                progress("Rendering", done, total)

        try:
            # The preview keeps its pages' text: a newer save would wait for a half-made staging folder to go.
            staged, keep = (None, True) if self._incremental else (staging, False)
            fresh = iter(
                run_all([partial(_rendered, env, view, shared, staged, keep) for view in todo], report)
            )
        except TemplateError:
            # Say where: rendered again here, the first failing template is reported at its line.
            return render_pages(todo, lambda view: render.render_page(env, view, shared), self.project)
        return [output if output is not None else next(fresh) for output in reused], []


def _rendered(env: Environment, view: View, shared: SiteView, staging: Staging | None, keep: bool) -> Output:
    """A page as render_page makes it, put in *staging* by the process that rendered it.

    Without one, its text is kept (*keep*) or, for a check, which renders a page only to find
    its problems, dropped.
    """
    output = render.render_page(env, view, shared)
    if staging is not None:
        return staging.page(output)
    return output if keep else Output(output.path, "")
