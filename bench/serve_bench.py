"""Edit-to-page latency of `build.py serve`: save a file, poll the served page until it shows the edit.

Runs the preview as a user does (a real process on a free port of 127.0.0.1) on a copy of
the real guide, and on copies grown with N synthetic exercises cloned from the real ones under
new slugs. For each case it times edits of one exercise's Markdown body and of its front
matter (the summary), and edits of a template that every page uses, and prints the median
and the maximum, the median times the preview reports for the open pages (made again at once)
and for the whole site behind them (every page current), and the slowest answer to any
poll (the server keeps answering meanwhile). The watched page is polled throughout, so the
preview counts it as open in a tab, as it is for an editor looking at it.

    .venv/bin/python bench/serve_bench.py                       # the real guide and 1,000 exercises
    .venv/bin/python bench/serve_bench.py --exercises 0 1000 10000 --edits 10
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TARGET = "chin-tuck"  # the exercise whose page is watched
POLL_S = 0.01
SETTLE_S = 0.5  # pause between edits, so each is timed on its own
START_DEADLINE_S = 900.0
EDIT_DEADLINE_S = 120.0
BUILT = re.compile(r"Built in (\d+) ms")  # the whole site, every page current
UPDATED = re.compile(r"Updated \d+ pages? in (\d+) ms")  # the open pages, made at once


@dataclass(frozen=True)
class Timing:
    case: str
    exercises: int
    kind: str
    samples: tuple[float, ...]  # seconds from save to page
    fast: tuple[float, ...]  # seconds until the open pages were made, as the preview reports it
    builds: tuple[float, ...]  # seconds until every page was current, as the preview reports it
    slowest_request: float  # seconds: the slowest answer to a poll, rebuilds running meanwhile

    def row(self) -> str:
        median, worst = statistics.median(self.samples) * 1000, max(self.samples) * 1000
        fast = statistics.median(self.fast) * 1000 if self.fast else float("nan")
        build = statistics.median(self.builds) * 1000 if self.builds else float("nan")
        return (
            f"| {self.case} | {self.exercises:,} | {self.kind} | {len(self.samples)} | {median:,.0f} "
            f"| {worst:,.0f} | {fast:,.0f} | {build:,.0f} | {self.slowest_request * 1000:,.0f} |"
        )


def make_project(target: Path, synthetic: int) -> int:
    """A copy of the guide with *synthetic* cloned exercises; returns the number of exercises."""
    for name in ("content", "templates", "assets"):
        shutil.copytree(ROOT / name, target / name)
    folder = target / "content" / "exercises"
    sources = sorted(folder.glob("*.md"))
    if synthetic:
        # The glossary is written for the guide as it is: with every exercise cloned many times
        # its names would outgrow the search data's limit (glossary-too-large). Search words
        # play no part in the preview's timing.
        (target / "content" / "glossary.yaml").unlink()
    for i in range(synthetic):
        source = sources[i % len(sources)]
        text = source.read_text(encoding="utf-8")
        # A clone: a new slug and title; aliases and easier/harder links stay with the original.
        lines = text.split("\n")
        at = next(n for n, line in enumerate(lines) if line.startswith("title: "))
        title = yaml.safe_load(lines[at].removeprefix("title: "))
        lines[at] = "title: " + json.dumps(f"{title} (copy {i + 1})")  # a JSON string is a YAML string
        text = "\n".join(lines)
        text = re.sub(r"^(aliases|easier|harder): .*\n", "", text, flags=re.MULTILINE)
        (folder / f"{source.stem}-copy-{i + 1:05d}.md").write_text(text, encoding="utf-8")
    return len(sources) + synthetic


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str, durations: list[float] | None = None) -> tuple[int, str]:
    """Status and text of *url*; its duration in seconds is appended to *durations*."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, ""
    finally:
        if durations is not None:
            durations.append(time.perf_counter() - started)


def wait_until(predicate: Callable[[], bool], seconds: float, server: Server | None = None) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server is not None and server.process.poll() is not None:
            raise SystemExit(f"the preview stopped (exit code {server.process.returncode}):\n{server.output}")
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(POLL_S)
    return False


class Server:
    """`build.py serve` on *project*, its output kept for when something goes wrong."""

    def __init__(self, project: Path, temp: Path, case: str, exercises: int) -> None:
        self.case, self.exercises = case, exercises
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = {**os.environ, "TMPDIR": str(temp), "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "build.py"),
                "serve",
                "--project",
                str(project),
                "--port",
                str(self.port),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def output(self) -> str:
        return "".join(self.lines[-30:])

    def building(self) -> bool:
        """Whether the last save has not been built in full yet (by what the preview printed)."""
        last = max((n for n, line in enumerate(self.lines) if UPDATED.match(line)), default=-1)
        return last >= 0 and not any(BUILT.match(line) for line in self.lines[last:])

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=120)


def time_edits(
    server: Server, path: Path, page: str, kind: str, edit: Callable[[str, int], str], edits: int
) -> Timing:
    """Seconds from each save of *path* to *page* showing it; one unmeasured warm-up edit first."""
    original = path.read_text(encoding="utf-8")
    samples: list[float] = []
    fast: list[float] = []
    durations: list[float] = []
    first = len(server.lines)
    for k in range(edits + 1):
        seen = len(server.lines)
        marker = f"Bench edit {k} {path.stem}"
        text = edit(original, k).replace("BENCH_MARKER", marker)
        started = time.perf_counter()
        path.write_text(text, encoding="utf-8")
        if not wait_until(
            lambda m=marker: m in fetch(server.url + page, durations)[1], EDIT_DEADLINE_S, server
        ):
            raise SystemExit(f"edit {k} of {path.name} never reached {page}:\n{server.output}")
        if k:
            samples.append(time.perf_counter() - started)
        time.sleep(SETTLE_S)
        if k:
            fast += reported(server.lines[seen:], UPDATED)[-1:]
    path.write_text(original, encoding="utf-8")
    wait_until(lambda: not server.building(), EDIT_DEADLINE_S * 10, server)  # the next case starts from rest
    # A build still running at the next save stops and is built with it; only finished ones are reported.
    builds = reported(server.lines[first:], BUILT)
    return Timing(
        server.case, server.exercises, kind, tuple(samples), tuple(fast), tuple(builds), max(durations)
    )


def reported(lines: list[str], pattern: re.Pattern[str]) -> list[float]:
    """Seconds from each line the preview printed that *pattern* matches."""
    return [float(m.group(1)) / 1000 for line in lines if (m := pattern.match(line))]


def markdown_edit(text: str, k: int) -> str:
    """A new sentence at the end of the exercise's body."""
    return text.rstrip("\n") + "\n\nBENCH_MARKER.\n"


def front_matter_edit(text: str, k: int) -> str:
    """A new summary: a field every list of exercises shows, so the site is linked again."""
    return re.sub(
        r"^summary: .*$", "summary: BENCH_MARKER, a new summary.", text, count=1, flags=re.MULTILINE
    )


def template_edit(text: str, k: int) -> str:
    """A new line at the end of the footer that every page includes."""
    return text + "<p>BENCH_MARKER</p>\n"


def run_case(synthetic: int, edits: int) -> list[Timing]:
    case = "real guide" if synthetic == 0 else f"+{synthetic:,} synthetic"
    with tempfile.TemporaryDirectory(prefix="limber-bench-") as temp_name:
        temp = Path(temp_name)
        project = temp / "project"
        count = make_project(project, synthetic)
        (temp / "tmp").mkdir()
        server = Server(project, temp / "tmp", case, count)
        try:
            started = time.perf_counter()
            if not wait_until(lambda: fetch(server.url)[0] == 200, START_DEADLINE_S, server):
                raise SystemExit(f"the preview did not start:\n{server.output}")
            print(f"{case}: first build served after {time.perf_counter() - started:.1f} s", flush=True)
            page = f"exercises/{TARGET}/"
            exercise = project / "content" / "exercises" / f"{TARGET}.md"
            footer = project / "templates" / "partials" / "footer.html"
            timings = [
                time_edits(server, exercise, page, "Markdown edit", markdown_edit, edits),
                time_edits(server, exercise, page, "front-matter edit", front_matter_edit, edits),
                time_edits(server, footer, page, "template edit", template_edit, edits),
            ]
        finally:
            server.stop()
    for timing in timings:
        print(timing.row(), flush=True)
    return timings


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument(
        "--exercises",
        type=int,
        nargs="+",
        default=[0, 1000],
        help="synthetic exercises to add for each case; 0 is the real guide (default: 0 1000)",
    )
    options.add_argument("--edits", type=int, default=10, help="timed edits per kind (default: 10)")
    args = options.parse_args()
    timings = [t for synthetic in args.exercises for t in run_case(synthetic, args.edits)]
    print()
    print(
        "| case | exercises | edit | edits | median ms | max ms | median open pages ms "
        "| median whole site ms | slowest request ms |"
    )
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for timing in timings:
        print(timing.row())


if __name__ == "__main__":
    main()
