"""The command line: build (default), check and serve. Prints diagnostics; sets exit codes.

Exit codes: 0 success, 1 content errors (or warnings under --strict), 2 usage errors.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from limber import __version__
from limber.build.cache import CACHE_DIR
from limber.build.pipeline import build
from limber.build.write import UnsafeOutput
from limber.diagnostics import report, visible
from limber.model.site_config import normalise_base_url

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="build.py",
        description="Build the Limber stretch guide from content/ and templates/ into a static site.",
        epilog="With no command, 'build' runs. Exit codes: 0 ok, 1 content errors, 2 usage errors.",
    )
    top.add_argument("--version", action="version", version=f"limber {__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--project",
            type=Path,
            default=Path.cwd(),
            help="project folder holding content/ and templates/ (default: current folder)",
        )
        sub.add_argument(
            "--base-url",
            help="absolute URL the site is served from, overriding content/site.yaml (e.g. https://example.org/guide/)",
        )
        sub.add_argument("--strict", action="store_true", help="treat warnings as errors")

    def cached(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--no-cache",
            action="store_true",
            help=f"ignore and do not update the build cache ({CACHE_DIR}/ in the project)",
        )

    sub = commands.add_parser("build", help="validate, render and write the site (the default)")
    common(sub)
    cached(sub)
    sub.add_argument("--out", type=Path, default=None, help="output folder (default: site/ in the project)")
    sub.add_argument("--quiet", action="store_true", help="print only problems")
    sub = commands.add_parser(
        "new",
        help='write a new exercise or routine to fill in, e.g. new exercise "Doorway chest stretch"',
        description="Write content/exercises/<slug>.md (or routines/) with every field, a comment on "
        "what each expects, and FILL-IN where you choose a value; `check` lists what is still to fill in.",
    )
    sub.add_argument("kind", choices=("exercise", "routine"))
    sub.add_argument("title", help="the title, in sentence case; the file name (slug) is made from it")
    sub.add_argument(
        "--position",
        metavar="SLUG",
        help="an exercise's starting position (a slug from `positions` in content/taxonomies.yaml, "
        "e.g. lying-back): fills in `position` and starts the figure from the named pose for it",
    )
    sub.add_argument(
        "--project", type=Path, default=Path.cwd(), help="project folder (default: current folder)"
    )
    sub = commands.add_parser("check", help="validate and link the content without writing anything")
    common(sub)
    cached(sub)
    sub = commands.add_parser(
        "serve",
        help="build into a temporary folder, serve it and rebuild on every change",
        description="Build into a temporary folder and serve only that build, with live reload. Every save "
        "in content/, templates/ or assets/ rebuilds; a failed build keeps the last good pages and "
        "shows its errors in the browser. Ctrl+C stops it.",
    )
    common(sub)
    sub.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only; other addresses print a warning)",
    )
    sub.add_argument(
        "--port",
        type=int,
        default=None,
        help="port to listen on (default: the --base-url's port, else 8000; 0 picks a free port)",
    )
    return top


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (args[0].startswith("-") and args[0] not in ("-h", "--help", "--version")):
        args.insert(0, "build")
    options = parser().parse_args(args)
    project = options.project.resolve()
    if getattr(options, "base_url", None) and normalise_base_url(options.base_url) is None:
        print(
            f"error: --base-url '{visible(options.base_url)}' must be an absolute http(s) URL, such as "
            "https://example.org/guide/, without spaces, control characters, user name, query or fragment",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if options.command == "new":
        from limber.editors.scaffold import ScaffoldError, project_rules, project_vocabularies, write_scaffold

        try:
            vocabularies = project_vocabularies(project)
            ruled = project_rules(project, vocabularies)
            path = write_scaffold(project, options.kind, options.title, vocabularies, ruled, options.position)
        except ScaffoldError as err:
            print(f"error: {err}", file=sys.stderr)
            return EXIT_USAGE
        print(f"Wrote {path.relative_to(project)}: replace every FILL-IN, then run `python build.py check`.")
        return EXIT_OK
    if options.command == "serve":
        from limber.serve import serve

        base_url = normalise_base_url(options.base_url) if options.base_url else None
        return serve(project, options.host, options.port, base_url, strict=options.strict)
    write = options.command == "build"
    out_dir = (options.out or project / "site") if write else None
    started = time.perf_counter()
    quiet = write and options.quiet
    cache_dir = None if options.no_cache else project / CACHE_DIR
    progress = Progress(sys.stderr) if not quiet and sys.stderr.isatty() else None
    try:
        result = build(
            project,
            out_dir,
            base_url=options.base_url,
            write=write,
            strict=options.strict,
            cache_dir=cache_dir,
            progress=progress,
            publishing=write,
        )
    except UnsafeOutput as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
    if progress is not None:
        progress.done()
    for notice in result.notices:
        print(f"note: {visible(notice)}", file=sys.stderr)
    errors = report(result.diagnostics, sys.stderr)
    if errors:
        return EXIT_CONTENT
    counts = result.counts
    summary = ", ".join(
        plural(counts.get(key, 0), word)
        for key, word in (("exercises", "exercise"), ("routines", "routine"), ("pages", "page"))
    )
    seconds = f"{time.perf_counter() - started:.2f} s"
    if quiet:
        pass
    elif result.unchanged and not write:
        print(f"Checked {summary}: no errors; nothing changed since the last check ({seconds}).")
    elif result.unchanged:
        print(f"Nothing changed: {out_dir} is up to date ({summary}; checked in {seconds}).")
    elif result.wrote:
        cached = f", {result.from_cache:,} from cache" if result.from_cache else ""
        print(f"Built {counts.get('html', 0):,} pages ({summary}) into {out_dir} in {seconds}{cached}.")
    else:
        print(f"Checked {summary}: no errors ({seconds}).")
    return EXIT_OK


class Progress:
    """A plain progress line on a terminal, shown only once work has taken two seconds."""

    def __init__(self, out: TextIO, after: float = 2.0) -> None:
        self.out = out
        self.start = time.perf_counter()
        self.after = after
        self.shown = False
        self.last = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if now - self.start < self.after or (now - self.last < 0.1 and done < total):
            return
        self.last = now
        width = 30
        filled = width * done // max(total, 1)
        bar = "#" * filled + "-" * (width - filled)
        self.out.write(f"\r{stage:<10} [{bar}] {done:,}/{total:,}")
        self.out.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            self.out.write("\r" + " " * 60 + "\r")
            self.out.flush()
