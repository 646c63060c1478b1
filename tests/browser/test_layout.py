"""The guide on a phone: every page kind fits the screen, links work under a sub-path."""

import pytest

PAGES = [
    "",
    "exercises/",
    "exercises/upper-trapezius-stretch/",
    "exercises/prone-ytw/",
    "routines/",
    "routines/desk-break/",
    "areas/",
    "areas/upper-back/",
    "muscles/upper-trapezius/",
    "equipment/resistance-band/",
    "about/",
    "safety/",
]


@pytest.mark.parametrize("path", PAGES)
def test_each_page_kind_fits_a_phone_screen_without_sideways_scrolling(phone, site_url, path):
    response = phone.goto(site_url + path)

    assert response.status == 200
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert phone.console_errors == []


def test_the_stylesheet_loads_under_the_sub_path(phone, site_url):
    phone.goto(site_url + "exercises/upper-trapezius-stretch/")

    border = phone.eval_on_selector(".dosage", "el => getComputedStyle(el).borderTopStyle")
    assert border == "solid"


def test_a_reader_reaches_an_exercise_from_home_by_body_area(phone, site_url):
    phone.goto(site_url)

    phone.locator(".terms").get_by_role("link", name="Neck", exact=True).click()  # the list under the map
    phone.get_by_role("link", name="Chin tucks").click()

    assert phone.url == site_url + "exercises/chin-tuck/"
    assert phone.get_by_role("heading", level=1).inner_text() == "Chin tucks"
    facts = phone.locator(".key-facts").bounding_box()  # the dose, at the top
    cautions = phone.locator(".cautions").bounding_box()
    steps = phone.locator("#how-to-do-it").bounding_box()
    assert facts["y"] < cautions["y"] < steps["y"]


def test_the_missing_page_is_served_as_404_with_working_links(phone, site_url):
    phone.goto(site_url + "404.html")

    phone.get_by_role("link", name="home page").click()

    assert phone.url == site_url
    assert "Browse by body area" in phone.content()
