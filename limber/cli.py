"""The command line: build (default), check and serve. Prints diagnostics; sets exit codes.

Exit codes: 0 success, 1 content errors (or warnings under --strict), 2 usage errors.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from limber import __version__
from limber.config import normalise_base_url
from limber.diagnostics import report, visible
from limber.output import UnsafeOutput
from limber.pipeline import build

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

    sub = commands.add_parser("build", help="validate, render and write the site (the default)")
    common(sub)
    sub.add_argument("--out", type=Path, default=None, help="output folder (default: site/ in the project)")
    sub = commands.add_parser("check", help="validate and link the content without writing anything")
    common(sub)
    sub = commands.add_parser(
        "serve", help="build into a temporary folder, serve it and rebuild on every change"
    )
    common(sub)
    sub.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    sub.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    return top


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (args[0].startswith("-") and args[0] not in ("-h", "--help", "--version")):
        args.insert(0, "build")
    options = parser().parse_args(args)
    project = options.project.resolve()
    if options.base_url and normalise_base_url(options.base_url) is None:
        print(
            f"error: --base-url '{visible(options.base_url)}' must be an absolute http(s) URL, such as "
            "https://example.org/guide/, without spaces, control characters, user name, query or fragment",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if options.command == "serve":
        from limber.serve import serve

        return serve(project, options.host, options.port, options.base_url)
    write = options.command == "build"
    out_dir = (options.out or project / "site") if write else None
    try:
        result = build(project, out_dir, base_url=options.base_url, write=write, strict=options.strict)
    except UnsafeOutput as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
    errors = report(result.diagnostics, sys.stderr)
    if errors:
        return EXIT_CONTENT
    site = result.site
    assert site is not None
    summary = ", ".join(
        plural(n, word)
        for n, word in (
            (len(site.exercises), "exercise"),
            (len(site.routines), "routine"),
            (len(site.pages), "page"),
        )
    )
    if result.wrote:
        assert out_dir is not None
        pages = sum(o.path.suffix == ".html" for o in result.outputs)
        print(f"Built {plural(pages, 'page')} ({summary}) into {out_dir}.")
    else:
        print(f"Checked {summary}: no errors.")
    return EXIT_OK
