"""The body map in a real headless Chromium: every area is a link the keyboard reaches, by name."""

import pytest

from limber.figures import body_map_svg

AREAS = ("neck", "upper-back", "shoulders", "chest", "arms", "core", "lower-back", "hips", "legs")


@pytest.fixture
def page(browser):  # the session's Chromium (tests/browser/conftest.py); never skipped
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_tab_reaches_every_area_of_the_body_map_in_order(page):
    links = {a: (f"/areas/{a}/", a.replace("-", " ").capitalize()) for a in AREAS}
    page.set_content(f"<!doctype html><title>t</title><main>{body_map_svg(links)}</main>")

    reached = []
    for _ in AREAS:
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate("[document.activeElement.getAttribute('href'), document.activeElement.textContent]")
        )

    assert reached == [[f"/areas/{a}/", links[a][1]] for a in AREAS]


def test_each_area_link_has_its_label_as_accessible_name(page):
    links = {a: (f"/areas/{a}/", f"{a} exercises") for a in AREAS}
    page.set_content(f"<!doctype html><title>t</title><main>{body_map_svg(links)}</main>")

    names = [page.get_by_role("link", name=f"{a} exercises", exact=True).count() for a in AREAS]

    assert names == [1] * len(AREAS)
