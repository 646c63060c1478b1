"""The search data (search/index.json) and the pages that lead to it, built from fixture sites."""

import gzip
import json
import re

from limber.build.pipeline import build
from limber.search.index import MAX_TEXT, bounded

DATA = "search/index.json"


def built(project):
    """Each text file of the built site, by its path."""
    out = project / "site"
    result = build(project, out)
    assert result.ok, [str(d) for d in result.diagnostics]
    return {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
        for p in out.rglob("*")
        if p.suffix in (".html", ".json", ".xml")
    }


def search_data(project):
    return json.loads(built(project)[DATA])


def test_every_exercise_routine_and_free_page_is_listed_once_in_a_fixed_order(project):
    data = search_data(project)

    assert data["version"] == 1
    assert data["site"] == {"title": "Mini guide", "url": "https://example.org/guide/", "language": "en"}
    assert [(r["kind"], r["slug"], r["url"]) for r in data["records"]] == [
        ("exercise", "chin-tuck", "/guide/exercises/chin-tuck/"),
        ("exercise", "shoulder-blade-squeeze", "/guide/exercises/shoulder-blade-squeeze/"),
        ("exercise", "upper-trapezius-stretch", "/guide/exercises/upper-trapezius-stretch/"),
        ("routine", "desk-minute", "/guide/routines/desk-minute/"),
        ("page", "safety", "/guide/safety/"),  # the home page's introduction is not a result
    ]


def test_an_exercise_carries_its_facts_and_the_plain_text_of_its_rendered_body(project):
    chin_tuck = search_data(project)["records"][0]

    assert chin_tuck == {
        "kind": "exercise",
        "slug": "chin-tuck",
        "title": "Chin tucks",
        "summary": "Slide your head straight back to wake up the deep front neck muscles.",
        "url": "/guide/exercises/chin-tuck/",
        "areas": ["neck"],
        "muscles": ["deep-neck-flexors"],
        "equipment": ["none"],
        "level": "beginner",
        "type": "strength",
        "position": "seated",
        "time": 50,
        "cues": ["Glide the head back, eyes level"],
        # [[upper-trapezius-stretch|the trapezius stretch]] and **pain-free** as a reader sees them
        "text": "A small move for a head that drifts forward. Pair it with the trapezius stretch. "
        "How to do it. Sit tall and look straight ahead. Slide your chin straight back, keeping it "
        "pain-free. Hold for 3 seconds, then relax. Tips. Think of making a double chin. Avoid. "
        "Tipping the head down.",
    }


def test_a_routine_lists_its_steps_time_and_what_its_exercises_need(project):
    files = built(project)
    routine = json.loads(files[DATA])["records"][3]

    assert routine["steps"] == ["chin-tuck", "upper-trapezius-stretch", "shoulder-blade-squeeze"]
    assert routine["areas"] == ["neck", "upper-back"]
    assert routine["equipment"] == ["none", "chair"]
    assert routine["positions"] == ["seated"]
    assert routine["types"] == ["stretch", "strength"]
    assert (routine["level"], routine["goal"]) == ("intermediate", "desk-break")
    assert routine["time"] == 179
    assert "(2 min 59 s)" in files["routines/desk-minute/index.html"]  # the time the page shows


def test_term_display_names_come_along_in_vocabulary_order_with_the_filter_flags(project):
    terms = search_data(project)["terms"]

    assert list(terms) == ["areas", "equipment", "goals", "levels", "muscles", "positions", "types"]
    assert terms["areas"] == [{"slug": "neck", "name": "Neck"}, {"slug": "upper-back", "name": "Upper back"}]
    assert terms["equipment"][1] == {"slug": "chair", "name": "Sturdy chair", "household": True}
    assert terms["positions"] == [{"slug": "seated", "name": "Seated on a chair", "desk": True}]


def test_the_file_is_compact_with_sorted_keys_and_the_same_bytes_every_build(project):
    first = built(project)[DATA]
    second = built(project)[DATA]

    assert first == second
    assert (
        first
        == json.dumps(json.loads(first), sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"
    )


def test_long_body_text_is_cut_at_a_word_boundary(project):
    page = project / "content" / "exercises" / "chin-tuck.md"
    page.write_text(page.read_text() + "\n" + "Breathe out slowly and rest. " * 80, encoding="utf-8")

    text = search_data(project)["records"][0]["text"]

    assert MAX_TEXT - 30 < len(text) <= MAX_TEXT
    assert text.split()[-1] in ("Breathe", "out", "slowly", "and", "rest.")  # a whole word
    assert bounded("one two three", 9) == "one two"
    assert bounded("one two", 9) == "one two"


def test_the_search_page_has_a_labelled_box_the_data_url_and_links_to_browse_without_javascript(project):
    page = built(project)["search/index.html"]

    assert '<label class="search__label" id="search-q-label" for="search-q">' in page
    assert '<input class="search-box__input" id="search-q" type="search" name="q"' in page
    assert 'data-index="/guide/search/index.json"' in page
    assert "Search works in your browser with JavaScript" in page
    for path in ("exercises/", "routines/", "areas/", "equipment/", "positions/"):
        assert f'<li><a href="/guide/{path}">' in page
    assert 'id="site-search"' not in page  # its own box replaces the header's


def test_every_page_has_a_search_box_for_the_search_page_and_no_inline_script(project):
    files = built(project)
    pages = {path: text for path, text in files.items() if path.endswith(".html")}

    for path, text in pages.items():
        scripts = re.findall(r"<script\b[^>]*>", text)
        search = [
            s for s in scripts if re.fullmatch(r'<script src="/guide/assets/js/search(\.\w+)?\.js" defer>', s)
        ]
        assert len(search) == 1, path
        assert all("src=" in s or re.search(r'type="application/(ld\+)?json"', s) for s in scripts), (
            path
        )  # data
        assert not re.search(r"\son[a-z]+=", text), path
        if path not in (
            "search/index.html",
            "play/index.html",
        ):  # the player keeps the screen for the routine
            form = '<form class="search-box" role="search" aria-labelledby="site-search-label" action="/guide/search/" method="get"'
            assert re.search(re.escape(form) + r'(?: data-index="/guide/search/index\.json")?>', text), path
    assert 'id="home-search"' in pages["index.html"]


def test_the_real_guide_search_data_stays_small_and_lists_every_page_it_links(real_build):
    _, out, result = real_build
    raw = (out / DATA).read_bytes()
    data = json.loads(raw)

    assert len(gzip.compress(raw, 9)) < 60 * 1024
    assert {r["slug"] for r in data["records"] if r["kind"] == "exercise"} == set(result.site.exercises)
    assert {r["slug"] for r in data["records"] if r["kind"] == "routine"} == set(result.site.routines)
    base = "/limber/"
    for record in data["records"]:
        assert record["url"].startswith(base)
        assert (out / record["url"][len(base) :] / "index.html").is_file(), record["url"]
        assert len(record.get("text", "")) <= MAX_TEXT
    assert any("QL" in r.get("keywords", ()) for r in data["records"])
