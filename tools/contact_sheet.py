"""Render figures to one contact sheet PNG, to look at every figure at once.

    python tools/contact_sheet.py content/exercises --out bench-out/figures.png
    python tools/contact_sheet.py tests/fixtures/figures --size both --dark
    python tools/contact_sheet.py --maps --out bench-out/maps.png
    python tools/contact_sheet.py content/exercises --steps --per-sheet 12 --out bench-out/look.png


Arguments are exercise files (`.md`, the `figure:` key of the front matter; the exercise's
`position` stands in for a missing `base`), figure files (`.yaml` with `title:` and `figure:`),
or folders of either. Exercises without a figure get an empty, labelled cell, so the sheet also
shows what is missing. Problems are printed as file:line: code: message. With --maps the sheet
also holds the home page's body map and a sample muscle map. With --steps each exercise's
numbered steps ("How to do it") stand beside its figure, to check the drawing against the text;
--per-sheet N writes one PNG per N figures (look-1.png, look-2.png, ...). The page is
screenshotted with Playwright and Debian's chromium (/usr/bin/chromium).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path, PurePosixPath
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from limber.figures import body_map_svg, figure_svg, muscle_map_svg, validate_figure  # noqa: E402
from limber.load.source_docs import parse_doc  # noqa: E402
from limber.load.yaml_reader import YamlProblem, parse_yaml  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
STEPS_HEADING = "## How to do it"
STEP_LINE = re.compile(r"^\d+\.\s+(.*)")
AREAS = ("neck", "upper-back", "shoulders", "chest", "arms", "core", "lower-back", "hips", "legs")


@dataclass(frozen=True)
class Cell:
    title: str
    source: str
    svgs: tuple[str, ...]
    note: str
    steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """What one file holds for the sheet."""

    title: str
    raw: Any  # the figure as written, or None
    default_base: str | None
    lines: dict[tuple[Any, ...], int]
    steps: tuple[str, ...]


def numbered_steps(body: str) -> tuple[str, ...]:
    """The numbered steps under the body's "How to do it" heading, each on one line."""
    _, found, rest = body.partition(STEPS_HEADING)
    steps: list[str] = []
    for line in rest.splitlines()[1:] if found else ():
        if line.startswith("## "):
            break
        if match := STEP_LINE.match(line):
            steps.append(match[1])
        elif steps and line.strip():
            steps[-1] += " " + line.strip()
    return tuple(steps)


def read_entry(path: Path) -> Entry:
    """What the sheet shows of one exercise or figure file."""
    if path.suffix == ".md":
        doc, problems = parse_doc(PurePosixPath(path.name), path.read_bytes(), "exercise")
        if doc is None:
            raise ValueError("; ".join(str(p) for p in problems))
        meta = doc.meta
        return Entry(
            str(meta.get("title", path.stem)),
            meta.get("figure"),
            meta.get("position"),
            dict(doc.origin.key_lines),
            numbered_steps(doc.body),
        )
    try:
        data, lines = parse_yaml(path.read_text(encoding="utf-8"))
    except YamlProblem as problem:
        raise ValueError(f"line {problem.line}: {problem.message}") from None
    return Entry(str(data.get("title", path.stem)), data.get("figure"), None, lines, ())


def line_of(lines: dict[tuple[Any, ...], int], key: tuple[Any, ...]) -> int:
    key = ("figure", *key)
    while key:
        if key in lines:
            return lines[key]
        key = key[:-1]
    return 1


def collect(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p for p in path.iterdir() if p.suffix in (".md", ".yaml") and p.name != "README.md"
            )
        else:
            files.append(path)
    return files


def cells(files: list[Path], sizes: tuple[str, ...]) -> tuple[list[Cell], int]:
    out, bad = [], 0
    for path in files:
        try:
            entry = read_entry(path)
        except ValueError as err:
            sys.stderr.write(f"{path}: {err}\n")
            bad += 1
            continue
        title = entry.title
        if entry.raw is None:
            out.append(Cell(title, path.name, (), "no figure yet", entry.steps))
            continue
        figure, problems = validate_figure(entry.raw, default_base=entry.default_base)
        for p in problems:
            sys.stderr.write(f"{path}:{line_of(entry.lines, p.key)}: {p.code}: {p.message}\n")
        if figure is None:
            bad += 1
            out.append(Cell(title, path.name, (), f"{len(problems)} problem(s)", entry.steps))
            continue
        svgs = tuple(figure_svg(figure, title=title, size=s, uid=f"{path.stem}-{s}") for s in sizes)
        out.append(Cell(title, path.name, svgs, "", entry.steps))
    return out, bad


def sample_maps() -> list[str]:
    links = {a: (f"/areas/{a}/", a.replace("-", " ").capitalize()) for a in AREAS}
    muscles = {
        "levator-scapulae": ("back", ("neck", "upper-back")),
        "upper-trapezius": ("back", ("neck", "shoulders")),
        "neck-extensors": ("back", ("neck",)),
        "pectoralis-major": ("front", ("chest",)),
        "hamstrings": ("back", ("legs",)),
    }
    return [
        body_map_svg(links),
        muscle_map_svg(
            ["levator-scapulae", "pectoralis-major"], ["upper-trapezius", "neck-extensors"], muscles
        ),
    ]


def page(cells_: list[Cell], maps: list[str], columns: int, dark: bool, steps: bool) -> str:
    colors = "background:#1b1d21;color:#e8e6e1" if dark else "background:#fff;color:#1f2328"
    items = []
    for cell in cells_:
        body = "".join(cell.svgs) or f'<div class="empty">{escape(cell.note)}</div>'
        listed = "".join(f"<li>{escape(step)}</li>" for step in cell.steps)
        beside = f"<ol>{listed}</ol>" if steps and listed else ""
        items.append(
            f"<figure><div class=row><div>{body}</div>{beside}</div><figcaption><b>{escape(cell.title)}</b>"
            f" <small>{escape(cell.source)}</small></figcaption></figure>"
        )
    items += [f'<figure class="map">{m}</figure>' for m in maps]
    return (
        "<!doctype html><meta charset=utf-8><style>"
        f"body{{{colors};font:13px system-ui,sans-serif;margin:12px}}"
        f".grid{{display:grid;grid-template-columns:repeat({columns},auto);gap:10px;justify-content:start}}"
        "figure{margin:0;padding:6px;border:1px solid #8884}figure.map{grid-column:1/-1}"
        "figcaption{max-width:320px}.empty{width:320px;height:240px;display:grid;place-items:center;opacity:.6}"
        "svg{display:inline-block;vertical-align:bottom}.row{display:flex;gap:8px;align-items:start}"
        "ol{width:300px;margin:0;padding-left:18px;font-size:11px;line-height:1.3}"
        f"</style><div class=grid>{''.join(items)}</div>"
    )


def screenshot(html: str, out: Path, width: int) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "sheet.html"
        page_file.write_text(html, encoding="utf-8")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            tab = browser.new_page(viewport={"width": width, "height": 600}, device_scale_factor=1.5)
            tab.goto(page_file.as_uri())
            out.parent.mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(out), full_page=True)
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="exercise or figure files, or folders of them")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out" / "contact-sheet.png")
    parser.add_argument("--size", choices=("full", "small", "both"), default="full")
    parser.add_argument("--columns", type=int, default=4)
    parser.add_argument("--dark", action="store_true", help="light text on a dark page")
    parser.add_argument("--maps", action="store_true", help="add the body map and a sample muscle map")
    parser.add_argument("--html", type=Path, help="also write the sheet's HTML here")
    parser.add_argument("--steps", action="store_true", help="each exercise's steps beside its figure")
    parser.add_argument("--per-sheet", type=int, default=0, help="figures on each PNG (0: all on one)")
    args = parser.parse_args(argv)
    sizes = ("full", "small") if args.size == "both" else (args.size,)
    found, bad = cells(collect(args.paths), sizes)
    per_sheet = args.per_sheet or max(len(found), 1)
    sheets = [found[start : start + per_sheet] for start in range(0, max(len(found), 1), per_sheet)]
    cell_width = 340 + (130 if args.size == "both" else 0) + (310 if args.steps else 0)
    for number, sheet in enumerate(sheets, start=1):
        maps = sample_maps() if args.maps and number == len(sheets) else []
        html = page(sheet, maps, args.columns, args.dark, args.steps)
        out = args.out if len(sheets) == 1 else args.out.with_stem(f"{args.out.stem}-{number}")
        if args.html:
            args.html.with_stem(out.stem).write_text(html, encoding="utf-8")
        screenshot(html, out, max(args.columns * (cell_width + 12) + 24, 900))
    drawn = sum(1 for c in found if c.svgs)
    where = args.out if len(sheets) == 1 else f"{len(sheets)} sheets beside {args.out}"
    sys.stdout.write(
        f"{drawn} figure(s) drawn, {len(found) - drawn} without, {bad} with problems -> {where}\n"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
