"""Render figures to one contact sheet PNG, to look at every figure at once.

    python tools/contact_sheet.py content/exercises --out bench-out/figures.png
    python tools/contact_sheet.py tests/fixtures/figures --size both --dark
    python tools/contact_sheet.py --maps --out bench-out/maps.png

Arguments are exercise files (`.md`, the `figure:` key of the front matter; the exercise's
`position` stands in for a missing `base`), figure files (`.yaml` with `title:` and `figure:`),
or folders of either. Exercises without a figure get an empty, labelled cell, so the sheet also
shows what is missing. Problems are printed as file:line: code: message. With --maps the sheet
also holds the home page's body map and a sample muscle map. The page is screenshotted with
Playwright and Debian's chromium (/usr/bin/chromium).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path, PurePosixPath
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from limber.content import parse_doc  # noqa: E402
from limber.figures import body_map_svg, figure_svg, muscle_map_svg, validate_figure  # noqa: E402
from limber.yaml_reader import YamlProblem, parse_yaml  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
AREAS = ("neck", "upper-back", "shoulders", "chest", "arms", "core", "lower-back", "hips", "legs")


@dataclass(frozen=True)
class Cell:
    title: str
    source: str
    svgs: tuple[str, ...]
    note: str


def read_entry(path: Path) -> tuple[str, Any, str | None, dict[tuple[Any, ...], int]]:
    """(title, raw figure or None, default base, key lines) of one file."""
    if path.suffix == ".md":
        doc, problems = parse_doc(PurePosixPath(path.name), path.read_bytes(), "exercise")
        if doc is None:
            raise ValueError("; ".join(str(p) for p in problems))
        meta = doc.meta
        return (
            str(meta.get("title", path.stem)),
            meta.get("figure"),
            meta.get("position"),
            dict(doc.origin.key_lines),
        )
    try:
        data, lines = parse_yaml(path.read_text(encoding="utf-8"))
    except YamlProblem as problem:
        raise ValueError(f"line {problem.line}: {problem.message}") from None
    return str(data.get("title", path.stem)), data.get("figure"), None, lines


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
            title, raw, default_base, lines = read_entry(path)
        except ValueError as err:
            sys.stderr.write(f"{path}: {err}\n")
            bad += 1
            continue
        if raw is None:
            out.append(Cell(title, path.name, (), "no figure yet"))
            continue
        figure, problems = validate_figure(raw, default_base=default_base)
        for p in problems:
            sys.stderr.write(f"{path}:{line_of(lines, p.key)}: {p.code}: {p.message}\n")
        if figure is None:
            bad += 1
            out.append(Cell(title, path.name, (), f"{len(problems)} problem(s)"))
            continue
        svgs = tuple(figure_svg(figure, title=title, size=s, uid=f"{path.stem}-{s}") for s in sizes)
        out.append(Cell(title, path.name, svgs, ""))
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


def page(cells_: list[Cell], maps: list[str], columns: int, dark: bool) -> str:
    colors = "background:#1b1d21;color:#e8e6e1" if dark else "background:#fff;color:#1f2328"
    items = []
    for cell in cells_:
        body = "".join(cell.svgs) or f'<div class="empty">{escape(cell.note)}</div>'
        items.append(
            f"<figure>{body}<figcaption><b>{escape(cell.title)}</b> <small>{escape(cell.source)}</small>"
            f"</figcaption></figure>"
        )
    items += [f'<figure class="map">{m}</figure>' for m in maps]
    return (
        "<!doctype html><meta charset=utf-8><style>"
        f"body{{{colors};font:13px system-ui,sans-serif;margin:12px}}"
        f".grid{{display:grid;grid-template-columns:repeat({columns},auto);gap:10px;justify-content:start}}"
        "figure{margin:0;padding:6px;border:1px solid #8884}figure.map{grid-column:1/-1}"
        "figcaption{max-width:320px}.empty{width:320px;height:240px;display:grid;place-items:center;opacity:.6}"
        "svg{display:inline-block;vertical-align:bottom}"
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
    args = parser.parse_args(argv)
    sizes = ("full", "small") if args.size == "both" else (args.size,)
    found, bad = cells(collect(args.paths), sizes)
    html = page(found, sample_maps() if args.maps else [], args.columns, args.dark)
    if args.html:
        args.html.write_text(html, encoding="utf-8")
    cell_width = 340 + (130 if args.size == "both" else 0)
    screenshot(html, args.out, max(args.columns * (cell_width + 12) + 24, 900))
    drawn = sum(1 for c in found if c.svgs)
    sys.stdout.write(
        f"{drawn} figure(s) drawn, {len(found) - drawn} without, {bad} with problems -> {args.out}\n"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
