"""Content-quality invariants for the guide's own content/: what a reader sees, and the files.

The real content changes every week, so nothing here is golden: each test asserts one property of
the built guide or one check that cannot be a content rule (copied text, introductions that read
alike). The safety and house rules are content (content/rules.yaml), applied by `check`: the
strict build below runs them, and tests/e2e/test_rules.py holds their engine to its messages.

Run as a script to rebuild the seed fingerprints from the source notes:
`python -m tests.e2e.test_content_quality NOTES.txt ... > tests/e2e/seed_shingles.txt`.
"""

from __future__ import annotations

import difflib
import hashlib
import itertools
import re
import sys
from collections import deque
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from limber.build.result import BuildResult
from limber.model.dosage import routine_seconds
from limber.model.records import Exercise, Routine, Site
from limber.model.vocabulary import VOCABULARIES

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
# Fingerprints of the source notes the first content was drawn from: the truncated SHA-256 of every
# run of SEED_RUN normalised words, one a line. Hashes carry no sentences, so the repository holds
# no copy of the notes, and the check needs nothing outside the checkout.
SEED_SHINGLES = Path(__file__).with_name("seed_shingles.txt")
SEED_RUN = 8  # this many consecutive words shared with a seed text counts as copying
SHINGLE_HEX = 16  # hex digits kept of each SHA-256
MIN_SHINGLES = 1000  # the notes are about 1,800 words; fewer fingerprints means a broken file

MIN_EXERCISES, MIN_ROUTINES = 85, 21
MIN_STEPS, MAX_STEPS = 4, 10
MAX_CLICKS = 3

# Two introductions (or two of their paragraphs) this similar read as the same text.
MAX_INTRO_SIMILARITY = 0.6
# An opening sentence that frames the exercise as an answer to desks and screens.
DESK_STORY = re.compile(
    r"\b(?:desks?|screens?|keyboards?|typing|laptops?|phones?|computers?|office|working day"
    r"|hours|long spells?|sitting still)\b",
    re.IGNORECASE,
)
MAX_DESK_OPENINGS = 5

# ---------------------------------------------------------------- helpers


def words(text: str) -> list[str]:
    """Lowercase words with apostrophes dropped, so "don’t" and "dont" compare equal."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("'", "")
    return re.findall(r"[a-z0-9]+", text)


def runs(tokens: list[str], size: int = SEED_RUN) -> list[tuple[str, ...]]:
    return [tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)]


def shingle(run: Iterable[str]) -> str:
    """The fingerprint of one run of words: its SHA-256, truncated."""
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:SHINGLE_HEX]


def seed_shingles() -> set[str]:
    """The stored fingerprints (blank lines and # comments ignored)."""
    lines = SEED_SHINGLES.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def introduction(exercise: Exercise) -> list[str]:
    """The paragraphs before "## How to do it", lowercased, with whitespace collapsed."""
    head = exercise.body.split("## How to do it", 1)[0]
    return [" ".join(p.split()).lower() for p in re.split(r"\n\s*\n", head) if p.strip()]


def first_sentence(paragraphs: list[str]) -> str:
    return re.split(r"(?<=[.!?])\s", paragraphs[0], maxsplit=1)[0] if paragraphs else ""


def similarity(a: str, b: str) -> float:
    """Share of words the two texts have in the same order (difflib's ratio over words).

    The quick upper bounds skip the exact comparison when it cannot reach the limit.
    """
    matcher = difflib.SequenceMatcher(None, words(a), words(b), autojunk=False)
    if matcher.real_quick_ratio() < MAX_INTRO_SIMILARITY or matcher.quick_ratio() < MAX_INTRO_SIMILARITY:
        return 0.0
    return matcher.ratio()


def steps_text(exercise: Exercise) -> str:
    """The numbered steps of the body."""
    return exercise.body.split("## How to do it", 1)[-1].split("## Tips", 1)[0]


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
    fingerprints = seed_shingles()
    if len(fingerprints) < MIN_SHINGLES or not all(re.fullmatch(r"[0-9a-f]{16}", f) for f in fingerprints):
        pytest.fail(f"{SEED_SHINGLES.name} should hold at least {MIN_SHINGLES} 16-digit hex fingerprints")

    hits = [
        f"{path.relative_to(ROOT)}: {' '.join(run)}"
        for path in content_files()
        for run in runs(words(path.read_text(encoding="utf-8")))
        if shingle(run) in fingerprints
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


def test_every_term_page_can_be_reached_from_the_home_page(site: Site, out: Path) -> None:
    base = site.config.base_path
    seen = {out / "index.html"}
    queue = deque(seen)
    while queue:
        for path in link_paths(queue.popleft()):
            target = url_to_file(path, out, base)
            if target is not None and target.suffix == ".html" and target.is_file() and target not in seen:
                seen.add(target)
                queue.append(target)
    terms = [
        out / term.path / "index.html"
        for vocabulary in site.vocabularies.values()
        for term in vocabulary.terms
    ]

    unreached = [str(page.relative_to(out)) for page in terms if page not in seen]

    assert terms and not unreached, "term pages no link leads to from the home page:\n" + "\n".join(unreached)


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


# ---------------------------------------------------------------- 10. introductions (not content rules: they compare files)


def test_no_two_exercise_introductions_are_60_percent_the_same(site: Site) -> None:
    intros = {slug: introduction(e) for slug, e in site.exercises.items()}
    wholes = [(slug, " ".join(paragraphs)) for slug, paragraphs in intros.items()]
    paragraphs = [(f"{slug} ¶{n}", p) for slug, ps in intros.items() for n, p in enumerate(ps, start=1)]
    same = []

    for texts in (wholes, paragraphs):
        for (a, text_a), (b, text_b) in itertools.combinations(texts, 2):
            if a.split()[0] != b.split()[0] and (ratio := similarity(text_a, text_b)) >= MAX_INTRO_SIMILARITY:
                same.append(f"{ratio:.0%}: {a} / {b}")

    assert not same, "introductions that read alike; say what is particular to each:\n" + "\n".join(same)


def test_few_introductions_open_with_the_desk_and_screen_story(site: Site) -> None:
    openings = {slug: first_sentence(introduction(e)) for slug, e in site.exercises.items()}

    desk = [f"{slug}: {sentence}" for slug, sentence in openings.items() if DESK_STORY.search(sentence)]

    assert len(desk) <= MAX_DESK_OPENINGS, (
        f"{len(desk)} introductions open with desks, screens or long hours (at most {MAX_DESK_OPENINGS}):\n"
        + "\n".join(desk)
    )


if __name__ == "__main__":
    # Fingerprint the source notes named on the command line (see the module docstring).
    print(f"# SHA-256 of every run of {SEED_RUN} words of the source notes, first {SHINGLE_HEX} hex digits.")
    print("# Words: lowercase, apostrophes dropped, [a-z0-9]+ runs, joined by one space (see words()).")
    print(
        "# Regenerate: python -m tests.e2e.test_content_quality NOTES.txt ... > tests/e2e/seed_shingles.txt"
    )
    notes = [words(Path(name).read_text(encoding="utf-8")) for name in sys.argv[1:]]
    print("\n".join(sorted({shingle(run) for tokens in notes for run in runs(tokens)})))
