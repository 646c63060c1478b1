"""A reader in discomfort, on a small phone and on a laptop: the steps, the safety advice and the
right routine come within the first two screens.

Each width is paired with a common screen height (a 375 × 667 phone, a 1280 × 800 laptop); a
"screen" is that height, and the whole "How to do it" heading must be on the first two.
"""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

SCREENS = {"phone": {"width": 375, "height": 667}, "laptop": {"width": 1280, "height": 800}}
EXERCISES = sorted(p.stem for p in (ROOT / "content" / "exercises").glob("*.md"))

HEADING_BOTTOM = "document.getElementById('how-to-do-it').getBoundingClientRect().bottom + window.scrollY"


@pytest.fixture(params=sorted(SCREENS))
def screen(request, browser):
    viewport = SCREENS[request.param]
    context = browser.new_context(viewport=viewport, is_mobile=request.param == "phone")
    page = context.new_page()
    yield page, viewport["height"]
    context.close()


def test_the_steps_begin_within_the_first_two_screens_of_every_exercise_page(screen, site_url):
    page, height = screen
    late = {}

    for slug in EXERCISES:
        page.goto(f"{site_url}exercises/{slug}/")
        bottom = page.evaluate(HEADING_BOTTOM)
        if bottom > 2 * height:
            late[slug] = round(bottom)

    assert EXERCISES
    assert late == {}, f"'How to do it' ends below {2 * height} px"


def test_the_cautions_come_between_the_key_facts_and_the_steps(screen, site_url):
    page, _ = screen
    checked, out_of_order = 0, []

    for slug in EXERCISES:
        page.goto(f"{site_url}exercises/{slug}/")
        if page.locator(".cautions").count() == 0:  # cautions are required only for some exercises
            continue
        tops = [page.locator(s).bounding_box()["y"] for s in (".key-facts", ".cautions", "#how-to-do-it")]
        checked += 1
        if tops != sorted(tops):
            out_of_order.append(slug)

    assert checked > 0
    assert out_of_order == []


PAGE_KINDS = [
    "",
    "exercises/",
    "exercises/chin-tuck/",
    "routines/neck-relief/",
    "areas/lower-back/",
    "muscles/upper-trapezius/",
    "search/?q=neck",
    "about/",
    "404.html",
]


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_the_safety_page_is_one_tap_away_on_the_first_screen(screen, site_url, path):
    page, height = screen
    page.goto(site_url + path)
    link = page.locator(".site-nav").get_by_role("link", name="Safety", exact=True)

    box = link.bounding_box()
    link.click()

    assert box["y"] >= 0 and box["y"] + box["height"] <= height
    assert box["width"] >= 24 and box["height"] >= 24
    assert page.url == site_url + "safety/"
    assert page.get_by_role("heading", level=1).inner_text() == "Safety"
