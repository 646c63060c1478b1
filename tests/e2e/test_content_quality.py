"""Content-quality invariants for the guide's own content/: what a reader sees, and the files.

The real content changes every week, so nothing here is golden: each test asserts one rule the
content must keep (STYLE.md §2.6, CONTENT-MODEL.md §3 and §7).
"""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from limber.dosage import routine_seconds
from limber.model import VOCABULARIES, Exercise, Routine, Site
from limber.pipeline import BuildResult

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

SEED_RUN = 8  # this many consecutive words shared with a seed text counts as copying

# Words that promise a cure; matched as whole words, case-insensitive (CONTENT-MODEL.md §7.5).
CURE_WORDS = ("cure", "cures", "cured", "heal", "heals", "fix", "fixes", "guaranteed", "miracle")
CURE_PATTERN = re.compile(r"\b(" + "|".join(CURE_WORDS) + r")\b", re.IGNORECASE)

# First words a caution may start with: an imperative verb, or "If" for a condition
# (CONTENT-MODEL.md §7.5: "`cautions` wording starts with a verb or 'If …'").
CAUTION_FIRST_WORDS = frozenset(
    {
        "Stop", "Skip", "Avoid", "Keep", "Check", "Ask", "Ease", "Use", "Move", "Go", "Do",
        "Don't", "Leave", "Switch", "Come", "If", "Hold", "Let", "Work", "Talk", "Start",
        "Take", "See", "Seek", "Get", "Put", "Support", "Warm",
    }
)  # fmt: skip

# A time in a title: digits followed by a unit ("5 min", "30s", "10-minute").
TIME_IN_TITLE = re.compile(r"\d+\s*-?\s*(s|secs?|seconds?|mins?|minutes?)\b", re.IGNORECASE)

MIN_EXERCISES, MIN_ROUTINES = 40, 8
MIN_STEPS, MAX_STEPS = 4, 10
MAX_CLICKS = 3


# ---------------------------------------------------------------- helpers


def words(text: str) -> list[str]:
    """Lowercase words with apostrophes dropped, so "don’t" and "dont" compare equal."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("'", "")
    return re.findall(r"[a-z0-9]+", text)


def runs(tokens: list[str], size: int = SEED_RUN) -> list[tuple[str, ...]]:
    return [tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)]


def content_files() -> list[Path]:
    """What readers see; content/README.md is the editors' guide, not guide content."""
    files = [*CONTENT.rglob("*.md"), *CONTENT.glob("*.yaml")]
    return sorted(f for f in files if f != CONTENT / "README.md")


class LinkCollector(HTMLParser):
    """Collects the href of every <a> element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def hrefs(html_file: Path) -> list[str]:
    collector = LinkCollector()
    collector.feed(html_file.read_text(encoding="utf-8"))
    collector.close()
    return collector.hrefs


def link_paths(html_file: Path) -> set[str]:
    """The URL paths (query and fragment dropped) this page links to."""
    return {urlsplit(href).path for href in hrefs(html_file)}


def url_to_file(path: str, out: Path, base_path: str) -> Path | None:
    """The built file a root-relative URL path under the base path is served from, or None."""
    if not path.startswith(base_path):
        return None
    relative = path[len(base_path) :]
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    return out / relative


# ---------------------------------------------------------------- the built site


@pytest.fixture(scope="module")
def built(real_build: tuple[Path, Path, BuildResult]) -> tuple[BuildResult, Path]:
    """The repository's guide, built once per session (see tests/conftest.py)."""
    _, out, result = real_build
    return result, out


@pytest.fixture(scope="module")
def site(built: tuple[BuildResult, Path]) -> Site:
    result, _ = built
    if result.site is None or not result.wrote:
        pytest.fail("the real site did not build:\n" + "\n".join(str(d) for d in result.diagnostics))
    return result.site


@pytest.fixture(scope="module")
def out(built: tuple[BuildResult, Path], site: Site) -> Path:
    return built[1]


# ---------------------------------------------------------------- 1. own words


def test_no_content_file_repeats_eight_words_in_a_row_from_a_seed_text() -> None:
    if not SEEDS.is_dir():
        pytest.fail(f"seed folder {SEEDS} is missing; CI keeps shared/seeds/ beside the checkout")
    seed_files = sorted(p for p in SEEDS.glob("*.txt") if p.name != "README.md")
    if not seed_files:
        pytest.fail(f"seed folder {SEEDS} holds no *.txt files to compare against")
    seed_runs = {run for seed in seed_files for run in runs(words(seed.read_text(encoding="utf-8")))}

    hits = [
        f"{path.relative_to(ROOT)}: {' '.join(run)}"
        for path in content_files()
        for run in runs(words(path.read_text(encoding="utf-8")))
        if run in seed_runs
    ]

    assert not hits, f"{len(hits)} run(s) of {SEED_RUN} words copied from a seed text:\n" + "\n".join(hits)


# ---------------------------------------------------------------- 2. clean build


def test_real_site_builds_with_no_errors_or_warnings(built: tuple[BuildResult, Path]) -> None:
    result, out = built

    problems = [str(d) for d in result.diagnostics]

    assert problems == [], "strict build reported:\n" + "\n".join(problems)
    assert result.wrote and (out / "index.html").is_file()


# ---------------------------------------------------------------- 3-4. term pages


def test_every_exercise_is_linked_from_the_page_of_each_term_it_names(site: Site, out: Path) -> None:
    missing = []

    for exercise in site.exercises.values():
        url = site.config.url(exercise.path)
        for vocabulary, term in exercise.terms():
            page = out / vocabulary / term / "index.html"
            if not page.is_file():
                missing.append(f"{exercise.slug}: no term page {vocabulary}/{term}/")
            elif url not in link_paths(page):
                missing.append(f"{exercise.slug}: not linked from {vocabulary}/{term}/")

    assert not missing, "\n".join(missing)


def test_no_term_page_is_empty(site: Site, out: Path) -> None:
    base = site.config.base_path
    records: list[Exercise | Routine] = [*site.exercises.values(), *site.routines.values()]
    record_urls = {site.config.url(r.path) for r in records}
    pages = sorted(page for vocabulary in VOCABULARIES for page in (out / vocabulary).glob("*/index.html"))
    expected = {
        out / vocabulary.name / term.slug / "index.html"
        for vocabulary in site.vocabularies.values()
        for term in vocabulary.terms
    }

    empty = [str(p.relative_to(out)) for p in pages if not link_paths(p) & record_urls]
    absent = sorted(str(p.relative_to(out)) for p in expected - set(pages))

    assert pages, f"no term pages were built under {base}"
    assert not empty, "term pages linking no exercise or routine:\n" + "\n".join(empty)
    assert not absent, "terms with no page:\n" + "\n".join(absent)


# ---------------------------------------------------------------- 5. navigation depth


def test_every_exercise_page_is_at_most_three_clicks_from_the_home_page(site: Site, out: Path) -> None:
    base = site.config.base_path
    home = out / "index.html"
    depth = {home: 0}
    queue = deque([home])

    while queue:
        page = queue.popleft()
        if depth[page] == MAX_CLICKS:
            continue
        for path in link_paths(page):
            target = url_to_file(path, out, base)
            if target is not None and target.suffix == ".html" and target.is_file() and target not in depth:
                depth[target] = depth[page] + 1
                queue.append(target)

    far = [
        slug for slug, exercise in site.exercises.items() if out / exercise.path / "index.html" not in depth
    ]
    assert not far, f"exercise pages more than {MAX_CLICKS} clicks from the home page: {far}"


# ---------------------------------------------------------------- 6. safety wording


def test_every_exercise_and_routine_body_says_pain_free(site: Site) -> None:
    records: list[Exercise | Routine] = [*site.exercises.values(), *site.routines.values()]

    lacking = [f"{r.kind} {r.slug}" for r in records if "pain-free" not in r.body.lower()]

    assert not lacking, "bodies without 'pain-free':\n" + "\n".join(lacking)


def test_no_content_file_promises_a_cure() -> None:
    hits = []

    for path in content_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for match in CURE_PATTERN.finditer(line):
                hits.append(f"{path.relative_to(ROOT)}:{number}: '{match.group(0)}' in: {line.strip()}")

    assert not hits, "cure wording:\n" + "\n".join(hits)


def test_every_caution_starts_with_an_imperative_verb_or_if(site: Site) -> None:
    bad = []

    for exercise in site.exercises.values():
        for caution in exercise.cautions:
            first = caution.split(maxsplit=1)[0].rstrip(",").replace("\u2019", "'") if caution.strip() else ""
            if first not in CAUTION_FIRST_WORDS:
                bad.append(f"{exercise.slug}: {caution!r}")

    assert not bad, "cautions not starting with an allowed word:\n" + "\n".join(bad)


def test_no_exercise_or_routine_title_states_a_time(site: Site) -> None:
    records: list[Exercise | Routine] = [*site.exercises.values(), *site.routines.values()]

    timed = [f"{r.kind} {r.slug}: {r.title!r}" for r in records if TIME_IN_TITLE.search(r.title)]

    assert not timed, "titles stating a time (the computed time is printed instead):\n" + "\n".join(timed)


# ---------------------------------------------------------------- 7. size of the guide


def test_guide_has_enough_exercises_and_routines_of_four_to_ten_steps(site: Site) -> None:
    step_counts = {slug: len(steps) for slug, steps in site.steps.items()}

    wrong = {slug: n for slug, n in step_counts.items() if not MIN_STEPS <= n <= MAX_STEPS}

    assert len(site.exercises) >= MIN_EXERCISES, f"only {len(site.exercises)} exercises"
    assert len(site.routines) >= MIN_ROUTINES, f"only {len(site.routines)} routines"
    assert set(step_counts) == set(site.routines)
    assert not wrong, f"routines outside {MIN_STEPS}-{MAX_STEPS} steps: {wrong}"


# ---------------------------------------------------------------- 8. worked example


def test_desk_break_routine_takes_394_seconds_and_shows_about_7_min(site: Site, out: Path) -> None:
    routine = site.routines["desk-break"]
    dosages = [step.dosage for step in site.steps["desk-break"]]

    total = routine_seconds(dosages, routine.transition)
    page = (out / routine.path / "index.html").read_text(encoding="utf-8")

    assert total == 394
    assert "About 7 min" in page


# ---------------------------------------------------------------- 9. cautions before steps


def test_every_exercise_page_shows_its_cautions_before_its_steps(site: Site, out: Path) -> None:
    misplaced = []

    for exercise in site.exercises.values():
        if not exercise.cautions:
            continue
        html = (out / exercise.path / "index.html").read_text(encoding="utf-8")
        cautions = html.find('class="cautions"')
        steps = html.find('id="how-to-do-it"')
        if cautions == -1:
            misplaced.append(f"{exercise.slug}: no cautions box")
        elif steps == -1:
            misplaced.append(f"{exercise.slug}: no 'How to do it' heading")
        elif cautions > steps:
            misplaced.append(f"{exercise.slug}: cautions box after the steps")

    assert not misplaced, "\n".join(misplaced)
