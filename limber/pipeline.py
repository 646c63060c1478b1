"""The build: load -> validate -> link -> documents -> views -> outputs -> write, gated on errors."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar, cast

from jinja2 import Environment

from limber import schema
from limber.body import body_problems
from limber.cache import Cache, tree_digest
from limber.content import ReadCache, SourceDoc, load_sources
from limber.diagnostics import Diagnostic, Severity, has_errors
from limber.documents import render_documents, targets
from limber.linking import link, missing_pages
from limber.memo import MemoStore, digest
from limber.model import Draft, Output, Record, Site, Vocabulary
from limber.output import check_out_dir, check_outputs, write_site
from limber.outputs import Made, other_outputs
from limber.parallel import run_all
from limber.render import TemplateError, make_env, render_page, render_pages, template_problem
from limber.rules import apply_rules, read_rules, screening
from limber.search import GlossaryEntry, validate_glossary
from limber.views import Context, all_views, site_view
from limber.views.card import card_problems, printout_jobs
from limber.views.drawings import drawing_jobs
from limber.views.models import SiteView, View

T = TypeVar("T")
VALIDATORS = {
    "exercise": schema.validate_exercise,
    "routine": schema.validate_routine,
    "page": schema.validate_page,
}


@dataclass
class BuildResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    site: Site | None = None
    outputs: list[Output] = field(default_factory=list)
    wrote: bool = False
    counts: dict[str, int] = field(default_factory=dict)  # exercises, routines, pages, html
    from_cache: int = 0  # pages not rendered again
    unchanged: bool = False  # nothing changed since the last build: nothing was done
    notices: list[str] = field(default_factory=list)  # said to the editor, never a failure (an ignored cache)

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def build(
    project: Path,
    out_dir: Path | None = None,
    *,
    base_url: str | None = None,
    write: bool = True,
    strict: bool = False,
    cache_dir: Path | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    memory: Memory | None = None,
    publishing: bool = False,
) -> BuildResult:
    """Build the site in *project* into *out_dir*; with write=False, check only.

    Nothing is written unless every stage finished without errors (or, with *strict*,
    without warnings either). With *cache_dir*, unchanged work is taken from the build
    cache (limber.cache), for a check as for a build, and with *memory*, unchanged files are not read again; the output
    is byte-identical either way.
    """
    if write:
        assert out_dir is not None
        check_out_dir(out_dir, project)
    result = BuildResult()
    # A check has a state of its own: it writes no folder, so its pages are known only by their views.
    where = str(out_dir.resolve()) if write and out_dir is not None else "check"
    target = (base_url or "", str(strict), str(publishing), where)
    cache = Cache.open(cache_dir, "\0".join(target)) if cache_dir is not None else None
    inputs = ""
    if cache is not None:
        result.notices += [cache.ignored] if cache.ignored else []
        inputs = cache.inputs_digest(project, target)
        if cache.unchanged(inputs, out_dir):
            result.diagnostics, result.counts, result.unchanged = list(cache.diagnostics), cache.counts, True
            return result

    def blocked() -> bool:
        if strict:
            result.diagnostics[:] = [promote(d) for d in result.diagnostics]
        return has_errors(result.diagnostics)

    # load, validate, link
    glossary: list[GlossaryEntry] = []
    site = load_and_link(project, base_url, result.diagnostics, glossary, memory, publishing=publishing)
    result.site = site
    if site is None or blocked():
        return result
    # documents: every body rendered once
    records: list[Record] = [*site.exercises.values(), *site.routines.values(), *site.pages.values()]
    documents = render_documents(records, targets(site), cache)
    memo = cache.memos if cache is not None else MemoStore()
    ctx = Context(site, documents, memo.memo)
    # drawings, QR codes and print layouts: made on every core before the views ask for them
    missing = memo.missing([*drawing_jobs(ctx), *printout_jobs(ctx)])
    memo.results.update(zip((key for key, _ in missing), run_all([make for _, make in missing]), strict=True))
    # views, then the outputs they make
    env = make_env(project / "templates")
    shared = site_view(ctx)
    views = all_views(ctx)
    result.diagnostics += card_problems(ctx)  # a printed card or page that cannot fit one page

    outputs, problems = pages(project, env, views, shared, cache, out_dir, progress)
    if not problems:
        try:
            outputs += other_outputs(Made(ctx, views, env, tuple(glossary)))
        except TemplateError as err:
            problems.append(template_problem(project, err))
    image_paths = [PurePosixPath("images", src) for src in site.images]
    result.diagnostics += problems + check_outputs(outputs, image_paths)
    if blocked():
        return result
    result.outputs = outputs
    result.counts = {
        "exercises": len(site.exercises),
        "routines": len(site.routines),
        "pages": len(site.pages),
        "html": sum(o.path.suffix == ".html" for o in outputs),
    }
    # write
    if write:
        assert out_dir is not None
        write_site(outputs, project / "assets", site.images, out_dir)
        result.wrote = True
    if cache is not None:
        result.from_cache = cache.reused
        cache.save(inputs, out_dir if write else None, outputs, result.counts, result.diagnostics)
    return result


def pages(
    project: Path,
    env: Environment,
    views: list[View],
    shared: SiteView,
    cache: Cache | None,
    out_dir: Path | None,
    progress: Callable[[str, int, int], None] | None,
) -> tuple[list[Output], list[Diagnostic]]:
    """Every page: unchanged ones linked from the last build, the rest rendered on every core."""
    reused: list[Output | None] = [None] * len(views)
    if cache is not None:
        # Every page shows the templates, the shared site view (title, navigation) and the
        # content-hashed names of the assets it links.
        templates = tree_digest(project / "templates", project / "assets") + digest(shared)
        reused = [cache.unchanged_page(view, templates, out_dir) for view in views]
    todo = [view for view, output in zip(views, reused, strict=True) if output is None]
    report = (lambda done, total: progress("Rendering", done, total)) if progress is not None else None
    try:
        fresh = iter(run_all([partial(render_page, env, view, shared) for view in todo], report))
    except TemplateError:
        # Say where: rendered again here, the first failing template is reported at its line.
        return render_pages(todo, lambda view: render_page(env, view, shared), project)
    return [output if output is not None else next(fresh) for output in reused], []


def check(doc: SourceDoc, vocabularies: Mapping[str, Vocabulary]) -> tuple[Record | None, list[Diagnostic]]:
    """One content file's record, if valid, and its problems."""
    record, found = VALIDATORS[doc.kind](doc, vocabularies)
    # The body is checked for every file read, valid or not, so one run shows everything.
    return record, found + body_problems(doc.kind, doc.body, doc.origin)


class Memory:
    """What a process that builds one project again and again (the preview) keeps between builds.

    Each file's reading and checking is kept with the inputs it was made from and used again
    while they are the same: an unchanged file is neither parsed nor checked again. Without
    one, a build keeps nothing.
    """

    def __init__(self) -> None:
        self.reads = ReadCache()
        self._checked: dict[PurePosixPath, tuple[tuple[object, ...], Any]] = {}

    def checked(self, path: PurePosixPath, inputs: tuple[object, ...], make: Callable[[], T]) -> T:
        """make(), or its result from the last call for *path* if *inputs* are the same."""
        kept = self._checked.get(path)
        if kept is not None and all(a is b or a == b for a, b in zip(kept[0], inputs, strict=True)):
            return cast(T, kept[1])
        result = make()
        self._checked[path] = (inputs, result)
        return result


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
    (only the search data uses it: the preview's fast render leaves it to the full build).
    With *memory*, files unchanged since its last build are neither read nor checked again,
    and with *changed* (the files saved since, as the preview's watcher reports them), the
    others are not even looked at (limber.content.load_sources).
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
            doc.path, (doc, base_url), partial(schema.validate_config, doc, base_url)
        )
        diagnostics += found
        if publishing and config is not None:
            diagnostics += schema.example_base_url(config, doc.origin, from_option=base_url is not None)
    if "taxonomies" in by_kind:
        doc = by_kind["taxonomies"][0]
        vocabularies, found = memory.checked(doc.path, (doc,), partial(schema.validate_taxonomies, doc))
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
            drafts.append(schema.draft(doc))
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
        diagnostics += found + apply_rules(site, rules)
        site = dataclasses.replace(site, screening=screening(site, rules))
    if glossary is not None:
        for doc in by_kind.get("glossary", ()):
            entries, found = validate_glossary(doc, site, frozenset(broken))
            diagnostics += found
            glossary += entries
    return site
