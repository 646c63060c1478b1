"""Search benchmark: the search page in headless Chromium over a guide with 1,000 synthetic exercises.

    python bench/search_bench.py                    # 1,000 synthetic exercises, 15 page loads
    python bench/search_bench.py --exercises 2000 --loads 25

It copies the real guide, adds N synthetic exercises made from the real ones (each real file
again under a new slug, its title and aliases given an extra word, its body a paragraph of
made-up words, so the vocabulary grows as a real guide's would), builds it, serves it from
127.0.0.1 and drives Debian's Chromium through Playwright with the browser tests' settings.

It measures, in the page itself:
- first results: a reader on the home page opens /search/?q=shoulder with an empty HTTP
  cache (cleared before each load), so the page, its script and the search data are all
  fetched; the time from that navigation's start, and from its load event, to the first
  results on the page, the search data parsed and the index built on the way (`performance`
  marks set by assets/js/search.js);
- keystroke to results: each character of 20 reader queries (with typos) typed into the box
  with real key presses, from the input event's time stamp to the moment the results and the
  status are on the page and laid out (a listener after the page's own, forcing layout); once
  with the filters closed, as the page opens, and once more on a fresh page with the filters
  open, so every option's count is worked out and shown at each key as well;
- the header box: on an exercise page with an empty HTTP cache, from the moment the reader puts
  the focus in the box and types "neck" (the search data is loaded only then) to the first
  results listed under it;
and prints medians, p95 and maxima, with the search data's size raw and gzipped and the
machine's load average (the numbers are only as quiet as the machine).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from limber.build.pipeline import build  # noqa: E402
from limber.search import glossary  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, SUB_PATH, SubPathHandler  # noqa: E402

QUERIES = [
    "sholder",
    "neck stretch",
    "foam roller",
    "trapezus",
    "thred the needle",
    "pull apart",
    "ql seated",
    "upper trap",
    "no equipment beginner",
    "hamstirng",
    "chin tuk",
    "wall angles",
    "levator scapula strech",
    "tech neck",
    "swiss ball",
    "doorway chest",
    "shoulder blade squeeze",
    "lower back floor",
    "wrist",
    "xyzzy",
]
SYLLABLES = [c + v for c in "bdklmnrstv" for v in "aeo"]  # ba be bo da ...


def made_up_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def synthetic_guide(target: Path, count: int, seed: int = 7) -> Path:
    """A copy of the real guide plus *count* exercises made from the real ones."""
    for name in ("content", "templates", "assets"):
        shutil.copytree(ROOT / name, target / name)
    rng = random.Random(seed)
    folder = target / "content" / "exercises"
    real = sorted(folder.glob("*.md"))
    for i in range(count):
        source = real[i % len(real)]
        text = source.read_text(encoding="utf-8")
        word = made_up_word(rng)

        def titled(match: re.Match[str], word: str = word) -> str:
            return f"title: {json.dumps(match.group(1).strip(chr(34)) + ' ' + word)}"

        def aliased(match: re.Match[str], word: str = word, i: int = i) -> str:
            names = [a.strip().strip('"') for a in match.group(1).split(",") if a.strip()]
            return "aliases: " + json.dumps([f"{a[:40]} {word} {i}" for a in names[:2]])

        text = re.sub(r"^title: (.*)$", titled, text, count=1, flags=re.M)
        text = re.sub(r"^aliases: \[(.*)\]$", aliased, text, count=1, flags=re.M)
        text = re.sub(r"^(?:easier|harder): .*\n", "", text, flags=re.M)  # pairs name the real files
        filler = " ".join(made_up_word(rng) for _ in range(40))
        text = text.replace("\n## How to do it", f"\n{filler.capitalize()}.\n\n## How to do it", 1)
        (folder / f"{source.stem}-{i:04d}.md").write_text(text, encoding="utf-8")
    return target


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summary(name: str, values: list[float]) -> str:
    return (
        f"{name:<34} median {statistics.median(values):7.2f} ms   p95 {percentile(values, 0.95):7.2f} ms"
        f"   max {max(values):7.2f} ms   (n={len(values)})"
    )


# In the page: the input event's time stamp to the end of the page's own input handler plus a
# forced layout. Registered on the document, so it runs after the handler on the box itself.
MEASURE = """() => {
  window.__latencies = [];
  window.__typed = [];
  document.addEventListener("input", (event) => {
    void document.body.offsetHeight;
    window.__latencies.push(performance.now() - event.timeStamp);
    window.__typed.push(event.target.value);
  });
}"""


def type_queries(page: Page, url: str, *, filters_open: bool) -> tuple[list[float], list[str]]:
    """Type every query into a freshly opened search page; the latency of each key and the text."""
    page.goto(url + "search/")
    page.wait_for_selector("#search[data-ready]")
    if filters_open:
        page.locator("#search-filters summary").click()
    page.evaluate(MEASURE)
    box = page.locator("#search-q")
    for query in QUERIES:
        box.fill("")
        page.evaluate("window.__latencies.pop(), window.__typed.pop()")  # clearing is not a keystroke
        box.press_sequentially(query)
    return page.evaluate("window.__latencies"), page.evaluate("window.__typed")


def header_box(page: Page, url: str) -> float:
    """Milliseconds from focusing the header box of an exercise page (and typing) to its first results."""
    page.goto(url + "exercises/chin-tuck/")
    page.wait_for_load_state("load")
    started = float(page.evaluate("() => performance.now()"))
    box = page.locator("#site-search")
    box.focus()
    box.press_sequentially("neck")
    page.wait_for_function("() => performance.getEntriesByName('limber-search:box').length > 0")
    return (
        float(page.evaluate("() => performance.getEntriesByName('limber-search:box')[0].startTime")) - started
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--exercises", type=int, default=1000, help="synthetic exercises to add (default 1000)"
    )
    parser.add_argument(
        "--loads", type=int, default=15, help="page loads for the first-results time (default 15)"
    )
    parser.add_argument("--verbose", action="store_true", help="also list the slowest keystrokes")
    parser.add_argument(
        "--keep", type=Path, help="build the guide in this folder, or reuse the one built there before"
    )
    options = parser.parse_args()
    load_before = os.getloadavg()[0]

    with tempfile.TemporaryDirectory(prefix="limber-search-bench-") as tmp:
        project = (options.keep or Path(tmp)) / "project"
        out = project / "site"
        handler = functools.partial(SubPathHandler, directory=str(out))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        url = f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
        if not (out / "search" / "index.json").is_file():
            synthetic_guide(project, options.exercises)
            # The glossary's bound on the names it adds is set for the real guide: copied into
            # every synthetic exercise its entries reach, they would pass it.
            glossary.MAX_SEARCH_NAMES = sys.maxsize
            started = time.perf_counter()
            result = build(project, out, base_url=url)
            if not result.ok:
                print("\n".join(str(d) for d in result.diagnostics if d.is_error), file=sys.stderr)
                return 1
            print(f"Built in {time.perf_counter() - started:.1f} s")
        raw = (out / "search" / "index.json").read_bytes()
        data = json.loads(raw)
        kinds = [r["kind"] for r in data["records"]]
        print(f"Guide: {kinds.count('exercise')} exercises, {len(kinds)} records")
        print(f"Search data: {len(raw) / 1024:.1f} KB raw, {len(gzip.compress(raw, 9)) / 1024:.1f} KB gzip")
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                first, after_load, ready = [], [], []
                context = browser.new_context()
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                for _ in range(options.loads):
                    page.goto(url)
                    cdp.send("Network.clearBrowserCache")
                    page.goto(url + "search/?q=shoulder")
                    page.wait_for_selector("#search[data-ready]")
                    marks = page.evaluate(
                        """() => ({
                          results: performance.getEntriesByName("limber-search:results")[0].startTime,
                          ready: performance.getEntriesByName("limber-search:ready")[0].startTime,
                          load: performance.getEntriesByType("navigation")[0].loadEventStart,
                        })"""
                    )
                    first.append(marks["results"])
                    after_load.append(marks["results"] - marks["load"])
                    ready.append(marks["ready"])
                boxed = []
                for _ in range(options.loads):
                    page.goto(url)
                    cdp.send("Network.clearBrowserCache")
                    boxed.append(header_box(page, url))
                context.close()
                typed, texts = type_queries(browser.new_page(), url, filters_open=False)
                typed_open, _ = type_queries(browser.new_page(), url, filters_open=True)
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
    print(
        f"Load average before the run: {load_before:.1f}, during it: {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs)"
    )
    print(summary("index built (navigation start)", ready))
    print(summary("first results (navigation start)", first))
    print(summary("first results (after load event)", after_load))
    print(summary("header box: focus to first results", boxed))
    print(summary("keystroke to results", typed))
    print(summary("  ... with the filters open", typed_open))
    if options.verbose:
        slowest = sorted(zip(typed, texts, strict=True), reverse=True)[:10]
        print("slowest keystrokes: " + ", ".join(f"{text!r} {ms:.1f} ms" for ms, text in slowest))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
