"""The body map in a real headless Chromium: every area is a link the keyboard reaches, by name,
and on the home page a target a thumb can hit, on a phone and on a wide screen."""

import re

import pytest
from playwright.sync_api import expect

from limber.figures import body_map_svg

AREAS = ("neck", "upper-back", "shoulders", "chest", "arms", "core", "lower-back", "hips", "legs")
MIN_TARGET = 24  # CSS px each way: WCAG 2.5.8, target size (minimum)
MIN_TEXT = 14  # CSS px: a label read at arm's length, not the 9 px it once was
WIDTHS = (320, 375, 1280)

# Each area's button on the page: its box in CSS px and its label's size as drawn.
MEASURE = """() => [...document.querySelectorAll(".body-map-area")].map(a => {
  const button = a.querySelector(".body-map-area__button").getBoundingClientRect();
  const text = a.querySelector("text");
  return {
    href: new URL(a.getAttribute("href"), location.href).href, name: a.getAttribute("aria-label"),
    x: button.x + scrollX, y: button.y + scrollY, width: button.width, height: button.height,
    text: parseFloat(text.getAttribute("font-size")) * text.getScreenCTM().a,
  };
})"""


@pytest.fixture
def page(browser):  # the session's Chromium (tests/browser/conftest.py); never skipped
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_tab_reaches_every_area_of_the_body_map_in_the_order_of_the_map(page):
    links = {a: (f"/areas/{a}/", a.replace("-", " ").capitalize()) for a in AREAS}
    page.set_content(f"<!doctype html><title>t</title><main>{body_map_svg(links)}</main>")

    reached = []
    for _ in AREAS:
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                "[document.activeElement.getAttribute('href'), document.activeElement.textContent,"
                " document.activeElement.closest('svg').getAttribute('aria-labelledby'),"
                " document.activeElement.querySelector('rect').getBoundingClientRect().y]"
            )
        )

    assert sorted(href for href, *_ in reached) == sorted(url for url, _ in links.values())
    assert all(text == links[href.split("/")[2]][1] for href, text, *_ in reached)
    pictures = [picture for _, _, picture, _ in reached]
    assert pictures == sorted(pictures, key=pictures.index)  # one picture, then the other
    for picture in set(pictures):  # top to bottom within each
        heights = [y for _, _, p, y in reached if p == picture]
        assert heights == sorted(heights)


def test_each_area_link_has_its_label_as_accessible_name(page):
    links = {a: (f"/areas/{a}/", f"{a} exercises") for a in AREAS}
    page.set_content(f"<!doctype html><title>t</title><main>{body_map_svg(links)}</main>")

    names = [page.get_by_role("link", name=f"{a} exercises", exact=True).count() for a in AREAS]

    assert names == [1] * len(AREAS)


def home(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, has_touch=True)
    page = context.new_page()
    page.goto(site_url)
    return context, page


@pytest.mark.parametrize("width", WIDTHS)
def test_every_body_map_target_is_big_enough_and_its_label_readable(browser, site_url, width):
    context, page = home(browser, site_url, width)

    targets = page.evaluate(MEASURE)

    assert len(targets) == len(AREAS)
    for target in targets:
        assert target["width"] >= MIN_TARGET and target["height"] >= MIN_TARGET, target
        assert target["text"] >= MIN_TEXT, target
    for i, a in enumerate(targets):  # no two targets overlap
        for b in targets[i + 1 :]:
            apart = (
                a["x"] + a["width"] <= b["x"]
                or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"]
                or b["y"] + b["height"] <= a["y"]
            )
            assert apart, (a["name"], b["name"])
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


@pytest.mark.parametrize("width", (375, 1280))
def test_tapping_each_target_opens_its_area_page(browser, site_url, width):
    context, page = home(browser, site_url, width)
    targets = page.evaluate(MEASURE)

    for target in targets:
        page.goto(site_url)
        page.evaluate(f"window.scrollTo(0, {target['y'] - 200})")
        y = target["y"] + target["height"] / 2 - page.evaluate("scrollY")
        page.touchscreen.tap(target["x"] + target["width"] / 2, y)

        expect(page).to_have_url(target["href"])
        expect(page.locator("h1")).to_have_text(re.compile(re.escape(target["name"]), re.I))
    context.close()
