"""My routine in real headless Chromium, on the built guide: exercises added from their pages,
put in order, changed within their limits and named; the total time held to the build's own
formula; the printed card on one A4 and one Letter page, with 3 steps and with 12; a shared link
in a fresh browser; a tampered link; the keyboard alone; axe in light and dark; the page's policy
and its weight; and the page without JavaScript.

Expected values come from the build (each exercise's play.json, the dosage formula and limits in
limber), never from the page's own script.
"""

from __future__ import annotations

import dataclasses
import json
import urllib.request
from typing import Any

import pytest

from limber.model.dosage import Dosage, duration_text, minutes_text, routine_seconds
from limber.model.records import Routine
from limber.views.mine import STORAGE_KEY
from limber.views.player import limits
from tests.browser.conftest import SUB_PATH
from tests.browser.test_print import PAPERS, pdf_text, print_pdf, squash, url_lines
from tests.browser.test_quality import AXE, RECORD_VIOLATIONS, axe_violations
from tests.conftest import ROOT

MINE = "my-routine/"
THREE = ("neck-side-tilt", "chin-tuck", "cat-cow")  # held each side, held, reps at a tempo
EXERCISES = sorted(p.stem for p in (ROOT / "content" / "exercises").glob("*.md"))
PAGE_BUDGET = 60 * 1024
ROUTINE = {f.name: f for f in dataclasses.fields(Routine)}
TRANSITION = ROUTINE["transition"].default
MOST_STEPS = ROUTINE["steps"].metadata["limber"].kind.hi


def play(site_url: str, slug: str) -> dict[str, Any]:
    """An exercise's published player data."""
    with urllib.request.urlopen(f"{site_url}exercises/{slug}/play.json") as response:
        return json.load(response)


def total_text(dosages: list[dict[str, Any]]) -> str:
    """The total the page should show, by the build's formula."""
    total = routine_seconds([Dosage(**d) for d in dosages], TRANSITION)
    return f"{minutes_text(total)} ({duration_text(total)})"


@pytest.fixture
def reader(browser):
    """A new browser (nothing saved) that records console errors and policy violations."""
    contexts = []

    def open_context(**options):
        context = browser.new_context(**options)
        context.add_init_script(RECORD_VIOLATIONS)
        contexts.append(context)
        page = context.new_page()
        page.problems = []
        page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: page.problems.append(str(error)))
        return page

    yield open_context
    for context in contexts:
        context.close()


def problems(page) -> list[str]:
    """Console errors, uncaught errors and blocked requests so far on this page."""
    return page.problems + page.evaluate("window.__violations")


def add_from_pages(page, site_url: str, slugs) -> None:
    for slug in slugs:
        page.goto(f"{site_url}exercises/{slug}/")
        page.get_by_role("button", name="Add to my routine").click()
        page.wait_for_selector("#add-to-routine :text('Added')")


def open_mine(page, site_url: str, query: str = "") -> None:
    """Opens My routine and waits until it shows the routine, the empty state or a question."""
    page.goto(site_url + MINE + (f"?{query}" if query else ""))
    page.locator("#mine-steps li, #mine-empty:not([hidden]), #mine-ask:not([hidden])").first.wait_for()


def listed(page) -> list[str]:
    return page.locator("#mine-steps .step__title a").all_inner_texts()


def dosages_shown(page) -> list[str]:
    return [t.rsplit(" (", 1)[0] for t in page.locator("#mine-steps .step__dosage").all_inner_texts()]


def test_exercises_added_from_their_pages_are_listed_with_the_builds_total(reader, site_url):
    page = reader()
    data = [play(site_url, slug) for slug in THREE]

    add_from_pages(page, site_url, THREE)
    added = page.get_attribute("#add-to-routine a", "href")
    page.goto(f"{site_url}exercises/{THREE[0]}/")
    again = page.locator("#add-to-routine").inner_text()
    open_mine(page, site_url)

    assert added == SUB_PATH + MINE
    assert "This exercise is in My routine" in again
    assert page.get_by_role("button", name="Add to my routine").count() == 0
    assert listed(page) == [d["title"] for d in data]
    assert dosages_shown(page) == [d["dosage_text"] for d in data]
    total = sum(d["seconds"] for d in data) + (len(data) - 1) * TRANSITION
    assert page.inner_text("#mine-total") == f"{minutes_text(total)} ({duration_text(total)})"
    assert problems(page) == []


def test_a_reader_reorders_changes_within_the_limits_and_names_the_routine(reader, site_url):
    page = reader()
    data = {slug: play(site_url, slug) for slug in THREE}
    hold_lo, hold_hi = limits()["hold"]
    add_from_pages(page, site_url, THREE)
    open_mine(page, site_url)

    page.click("#mine-2-up")  # cat-cow before chin tucks
    page.fill("#mine-0-hold", "25")
    page.press("#mine-0-hold", "Tab")
    page.fill("#mine-2-reps", "5")
    page.press("#mine-2-reps", "Tab")
    before = page.inner_text("#mine-total")
    page.fill("#mine-0-hold", str(hold_hi + 1))
    page.press("#mine-0-hold", "Tab")
    refused = page.inner_text("#mine-0-problem")
    after_refusal = page.inner_text("#mine-total")
    page.fill("#mine-name", "Neck at noon")
    page.reload()
    open_mine(page, site_url)

    neck, chin, cat = (dict(data[s]["dosage"]) for s in THREE)
    neck["hold"], chin["reps"] = 25, 5
    assert listed(page) == [data[s]["title"] for s in ("neck-side-tilt", "cat-cow", "chin-tuck")]
    assert refused == f"Hold must be from {hold_lo} to {hold_hi}."
    assert after_refusal == before == total_text([neck, cat, chin])
    assert page.inner_text("#mine-total") == total_text([neck, cat, chin])
    assert dosages_shown(page)[0].startswith("Hold 25 s")
    assert page.input_value("#mine-0-hold") == "25"
    assert page.input_value("#mine-2-reps") == "5"
    assert page.inner_text("h1") == "Neck at noon"
    assert page.input_value("#mine-name") == "Neck at noon"
    assert problems(page) == []


def longest(site_url: str, count: int) -> list[str]:
    """The exercises with the most to print: the hardest twelve to fit on one page."""
    size = {}
    for slug in EXERCISES:
        data = play(site_url, slug)
        size[slug] = len(" ".join([data["title"], data["dosage_text"], *data["cues"], data["caution"] or ""]))
    return sorted(EXERCISES, key=lambda slug: (-size[slug], slug))[:count]


@pytest.mark.parametrize("count", [3, 12])
def test_the_card_prints_on_one_page_with_every_step_and_the_whole_link(reader, site_url, count):
    slugs = THREE if count == 3 else longest(site_url, count)
    titles = [play(site_url, slug)["title"] for slug in slugs]
    page = reader(viewport={"width": 375, "height": 800})
    open_mine(page, site_url, "name=Evening&" + "&".join(f"step={s}.sets2" for s in slugs))
    link = page.input_value("#mine-share-url")

    for paper in PAPERS:
        pdf = print_pdf(page, paper)
        text = pdf_text(pdf)

        assert len(pdf.pages) == 1, f"{count} steps print on {len(pdf.pages)} {paper} pages"
        assert all(squash(title) in squash(text) for title in titles)
        lines = url_lines(text, link)
        assert not any(line.endswith("-") for line in lines[:-1]), lines
    assert "sets2" in link and link.startswith(site_url + MINE)
    assert problems(page) == []


ROUTINES = sorted(p.stem for p in (ROOT / "content" / "routines").glob("*.md"))


def test_the_card_says_what_the_steps_need_as_each_routines_card_does(reader, site_url):
    page = reader()
    differ = {}

    for slug in ROUTINES:
        with urllib.request.urlopen(f"{site_url}routines/{slug}/play.json") as response:
            steps = [s["exercise"]["slug"] for s in json.load(response)["steps"]]
        page.goto(f"{site_url}routines/{slug}/")
        published = page.text_content(".card__needs")
        open_mine(page, site_url, "&".join(f"step={s}" for s in dict.fromkeys(steps)))
        if page.text_content("#mine .card__needs") != published:
            differ[slug] = (published, page.text_content("#mine .card__needs"))
        page.evaluate("localStorage.clear()")

    assert ROUTINES
    assert differ == {}
    assert problems(page) == []


def test_a_copied_link_opened_in_a_fresh_browser_gives_the_same_routine(reader, site_url):
    page = reader()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    add_from_pages(page, site_url, THREE)
    open_mine(page, site_url)
    page.fill("#mine-1-hold", "7")
    page.press("#mine-1-hold", "Tab")
    page.fill("#mine-name", "Morning, gently")
    page.click("#mine-2-up")
    page.click("#mine-copy")
    copied = page.evaluate("navigator.clipboard.readText()")
    shown = (listed(page), dosages_shown(page), page.inner_text("#mine-total"), page.inner_text("h1"))

    fresh = reader()
    open_mine(fresh, site_url, copied.split("?", 1)[1])

    assert copied == page.input_value("#mine-share-url")
    assert copied.startswith(site_url + MINE + "?")
    assert page.get_attribute("#mine-start", "href") == SUB_PATH + "play/?" + copied.split("?", 1)[1]
    assert (
        listed(fresh),
        dosages_shown(fresh),
        fresh.inner_text("#mine-total"),
        fresh.inner_text("h1"),
    ) == shown
    assert fresh.url == site_url + MINE  # the routine is saved; the address no longer holds it
    assert fresh.locator("#mine-notes").is_hidden()
    assert problems(page) == problems(fresh) == []


def test_a_tampered_link_keeps_what_is_sound_and_says_what_was_left_out(reader, site_url):
    page = reader()
    data = [play(site_url, slug) for slug in THREE]
    hold_hi = limits()["hold"][1]
    query = (
        "name=%3Cimg+src%3Dx%3E+Mine"
        f"&step=neck-side-tilt.hold{hold_hi + 1}&step=no-such-stretch&step=..%2F..%2Fsecret"
        "&step=chin-tuck.bogus&step=cat-cow.sets0.reps2"
    )

    open_mine(page, site_url, query)
    notes = page.locator("#mine-notes li").all_inner_texts()

    assert listed(page) == [d["title"] for d in data]
    assert dosages_shown(page)[:2] == [d["dosage_text"] for d in data[:2]]
    assert page.locator("#mine-notes").is_visible()
    assert [n for n in notes if f"hold{hold_hi + 1}" in n and data[0]["title"] in n]
    assert [n for n in notes if "no-such-stretch" in n]
    assert [n for n in notes if "../../secret" in n]
    assert [n for n in notes if "bogus" in n]
    assert [n for n in notes if "sets0" in n]
    assert page.inner_text("h1") == "<img src=x> Mine"
    assert page.locator("main img:not(.step__figure)").count() == 0
    assert problems(page) == []


def test_a_saved_exercise_the_guide_no_longer_has_is_named_and_kept_until_a_change(reader, site_url):
    page = reader()
    open_mine(page, site_url)
    page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)",
        [STORAGE_KEY, "step=retired-stretch&step=chin-tuck"],
    )

    open_mine(page, site_url)
    shown = (listed(page), page.inner_text("#mine-notes"))
    kept = page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY)
    page.click("#mine-0-remove")

    assert shown[0] == [play(site_url, "chin-tuck")["title"]]
    assert "saved routine" in shown[1] and "retired-stretch" in shown[1]
    assert "retired-stretch" in kept
    assert page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY) == ""
    assert problems(page) == []


def test_a_link_past_the_most_steps_keeps_the_first_ones_with_a_note(reader, site_url):
    page = reader()

    open_mine(page, site_url, "&".join(f"step={s}" for s in EXERCISES[: MOST_STEPS + 1]))

    assert len(listed(page)) == MOST_STEPS
    assert [n for n in page.locator("#mine-notes li").all_inner_texts() if f"first {MOST_STEPS}" in n]
    assert problems(page) == []


def test_a_link_asks_before_it_replaces_a_different_saved_routine(reader, site_url):
    page = reader()
    first = [play(site_url, s)["title"] for s in THREE[:2]]
    other = [play(site_url, THREE[2])["title"]]
    open_mine(page, site_url, "&".join(f"step={s}" for s in THREE[:2]))

    open_mine(page, site_url, f"name=Other&step={THREE[2]}")
    question = page.inner_text("#mine-ask")
    page.click("#mine-ask-keep")
    kept = listed(page)
    open_mine(page, site_url, f"name=Other&step={THREE[2]}")
    page.click("#mine-ask-replace")
    replaced = listed(page)
    page.reload()
    open_mine(page, site_url)

    assert "“Other” (1 exercise" in question and "(2 exercises" in question
    assert kept == first
    assert replaced == other
    assert listed(page) == other
    assert page.inner_text("h1") == "Other"
    assert problems(page) == []


def focus_by_tab(page, wanted: str, limit: int = 80) -> None:
    """Press Tab until the element *wanted* (a CSS selector) has the focus."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", wanted):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {wanted}")


def test_the_keyboard_alone_adds_reorders_changes_and_removes(reader, site_url):
    page = reader()
    data = [play(site_url, slug) for slug in THREE]
    for slug in THREE:
        page.goto(f"{site_url}exercises/{slug}/")
        focus_by_tab(page, "#add-to-routine button")
        page.keyboard.press("Enter")
        page.wait_for_selector("#add-to-routine :text('Added')")
    open_mine(page, site_url)

    focus_by_tab(page, "#mine-0-down")
    page.keyboard.press("Enter")
    moved = (listed(page), page.evaluate("document.activeElement.id"))
    focus_by_tab(page, "#mine-2-reps")
    page.keyboard.press("Control+A")
    page.keyboard.type("12")
    page.keyboard.press("Tab")
    changed = dosages_shown(page)[2]
    total = page.inner_text("#mine-total")
    focus_by_tab(page, "#mine-0-remove")
    page.keyboard.press("Space")

    assert moved == ([data[1]["title"], data[0]["title"], data[2]["title"]], "mine-1-down")
    cat = dict(data[2]["dosage"], reps=12)
    assert changed.startswith("12 ") and changed != data[2]["dosage_text"]
    assert total == total_text([data[1]["dosage"], data[0]["dosage"], cat])
    assert listed(page) == [data[0]["title"], data[2]["title"]]
    assert page.evaluate("document.activeElement.id") == "mine-0-remove"
    assert problems(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_the_page_with_steps_and_notes(reader, site_url, scheme):
    assert AXE.is_file(), f"axe-core is missing ({AXE.relative_to(ROOT)})"
    page = reader(bypass_csp=True, color_scheme=scheme)  # axe is added inline
    open_mine(page, site_url, "name=Mine&step=neck-side-tilt.sets2&step=no-such-stretch&step=cat-cow")
    page.fill("#mine-0-sets", "0")
    page.press("#mine-0-sets", "Tab")
    page.click("#mine-copy")

    assert page.locator("#mine-notes").is_visible() and page.inner_text("#mine-0-problem")
    assert axe_violations(page) == []


def test_the_page_with_steps_does_not_scroll_sideways_at_320_pixels(reader, site_url):
    page = reader(viewport={"width": 320, "height": 700})
    open_mine(page, site_url, "name=Evening&" + "&".join(f"step={s}.sets2" for s in THREE))

    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_an_empty_routine_explains_and_leads_to_the_exercises(reader, site_url):
    page = reader()

    open_mine(page, site_url)
    link = page.get_by_role("link", name="Choose from the exercises")

    assert page.locator("#mine-empty").is_visible()
    assert page.locator("#mine-fallback").is_hidden()
    assert link.get_attribute("href") == "/guide/exercises/"
    assert page.locator("#mine-tools").is_hidden()
    assert problems(page) == []


def test_without_javascript_the_page_says_it_needs_it_and_no_button_shows(reader, site_url):
    page = reader(java_script_enabled=False)

    page.goto(site_url + MINE)
    fallback = page.inner_text("#mine-fallback")
    app_hidden = page.locator("#mine-app").is_hidden()
    page.goto(f"{site_url}exercises/{THREE[0]}/")

    assert "This page needs JavaScript" in fallback
    assert app_hidden
    assert page.locator("#add-to-routine").is_hidden()


def test_every_page_links_my_routine_and_the_page_is_under_the_size_budget(site_url):
    home = urllib.request.urlopen(site_url).read().decode()
    page = urllib.request.urlopen(site_url + MINE).read()

    assert f'<a href="{SUB_PATH}{MINE}">My routine</a>' in home
    assert len(page) < PAGE_BUDGET
