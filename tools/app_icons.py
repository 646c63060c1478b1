"""Draw the installed app's PNG icons from assets/icons/favicon.svg, to commit with the assets.

    python tools/app_icons.py

Writes assets/icons/icon-192.png and icon-512.png (the icon as drawn, its rounded corners
transparent) and icon-maskable-512.png (the icon's background to every edge, the mark smaller,
inside the circle a phone may cut the icon to). The web app manifest lists
them (limber/views/offline.py, ICONS). Run it again after changing favicon.svg.

The SVG is drawn by Debian's Chromium through Playwright (as the figures' contact sheet is),
then saved as an optimised PNG with Pillow. The build does not do this: it would need a
browser, and the icons change only when the mark does.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "assets" / "icons"
CHROMIUM = "/usr/bin/chromium"
# The mark's scale in the maskable icon: its far end (14.1 of 32 from the middle) stays inside
# the safe circle (radius 40 % of the side).
MASKABLE_MARK = 0.75

# The favicon's background: one rounded <rect> filling the 32 x 32 view box, then the mark.
BACKGROUND = re.compile(r'<rect width="32" height="32" rx="[0-9.]+" fill="(?P<fill>#[0-9a-fA-F]{3,6})"/>')


def maskable(svg: str) -> str:
    """The favicon with its background square to every edge and the mark shrunk to the middle."""
    found = BACKGROUND.search(svg)
    if found is None:
        raise SystemExit("assets/icons/favicon.svg: expected a first <rect> of 32 x 32 as the background")
    offset = 16 * (1 - MASKABLE_MARK)
    mark = svg[found.end() : svg.rindex("</svg>")]
    square = f'<rect width="32" height="32" fill="{found["fill"]}"/>'
    group = f'<g transform="translate({offset:g} {offset:g}) scale({MASKABLE_MARK:g})">{mark}</g>'
    return svg[: found.start()] + square + group + "</svg>"


def draw(svg: str, size: int, page: Page) -> bytes:
    """*svg* drawn at *size* x *size* pixels, as PNG bytes with a transparent background."""
    sized = svg.replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)
    page.set_viewport_size({"width": size, "height": size})
    page.set_content(f"<!doctype html><body style='margin:0'>{sized}</body>")
    return page.screenshot(omit_background=True, clip={"x": 0, "y": 0, "width": size, "height": size})


def save(png: bytes, path: Path) -> None:
    with Image.open(io.BytesIO(png)) as image:
        image.save(path, optimize=True)
    sys.stdout.write(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes\n")


def main() -> int:
    svg = (ICONS / "favicon.svg").read_text(encoding="utf-8").strip()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(device_scale_factor=1)
        save(draw(svg, 192, page), ICONS / "icon-192.png")
        save(draw(svg, 512, page), ICONS / "icon-512.png")
        save(draw(maskable(svg), 512, page), ICONS / "icon-maskable-512.png")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
