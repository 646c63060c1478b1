"""The built guide, read as a person in discomfort would: the safety page is one tap from every
page, and an area page leads with that area's routines and its gentlest exercises."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest


class Anchors(HTMLParser):
    """Every link of a page: (href, text, the classes of the elements around it)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, tuple[str, ...]]] = []
        self.stack: list[tuple[str, str]] = []  # (tag, class) of the open elements
        self.href: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.href, self.text = attrs.get("href") or "", []
        elif tag not in {"br", "img", "input", "meta", "link", "hr", "path"}:
            self.stack.append((tag, attrs.get("class") or ""))

    def handle_endtag(self, tag):
        if tag == "a" and self.href is not None:
            around = tuple(f"{t}.{c}" if c else t for t, c in self.stack)
            self.links.append((self.href, " ".join("".join(self.text).split()), around))
            self.href = None
        elif self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_data(self, data):
        if self.href is not None:
            self.text.append(data)


def anchors(page: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    parser = Anchors()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.links


@pytest.fixture(scope="module")
def built(real_build):
    _, out, result = real_build
    assert result.ok, [str(d) for d in result.diagnostics]
    return out, result.site


def test_every_page_has_safety_in_its_header_menu(built):
    out, site = built
    safety = site.config.url("safety/")
    pages = sorted(out.rglob("*.html"))

    def menu(page: Path) -> set[tuple[str, str]]:
        return {(href, text) for href, text, around in anchors(page) if "nav.site-nav" in around}

    missing = [str(p.relative_to(out)) for p in pages if (safety, "Safety") not in menu(p)]

    assert len(pages) > 100
    assert missing == []


@pytest.mark.parametrize("page", ["index.html", "about/index.html"])
def test_home_and_about_link_to_the_safety_page_where_they_ask_to_read_it(built, page):
    out, site = built

    in_main = [(href, text) for href, text, around in anchors(out / page) if "main.page" in around]

    assert (site.config.url("safety/"), "read the safety page first") in in_main


def area_links(out: Path, site, area: str) -> tuple[list[str], list[str]]:
    """The routines and the exercises an area page links to from its main part, in page order."""
    by_url = {site.config.url(r.path): r.slug for r in (*site.exercises.values(), *site.routines.values())}
    links = [
        (by_url[href], around)
        for href, _, around in anchors(out / "areas" / area / "index.html")
        if "main.page" in around and href in by_url
    ]
    routines = [slug for slug, around in links if "section.term__routines" in around]
    exercises = [slug for slug, around in links if slug in site.exercises]
    return routines, exercises


def test_an_area_page_leads_with_the_routines_that_work_that_area(built):
    out, site = built
    areas = [t.slug for t in site.vocabularies["areas"].terms]

    for area in areas:
        routines, _ = area_links(out, site, area)
        main_area = {
            r.slug: sum(site.exercises[s.exercise].areas[0] == area for s in r.steps) / len(r.steps)
            for r in site.routines.values()
        }
        works = {
            r.slug
            for r in site.routines.values()
            if any(area in site.exercises[s.exercise].areas for s in r.steps)
        }
        mostly = {slug for slug, share in main_area.items() if share > 0.5}

        assert set(routines) <= works, area  # each listed routine has a step for the area
        assert mostly <= set(routines), area  # a routine mostly for the area is always listed
    assert {"lower-back-desk-break", "lower-back-floor"} <= set(area_links(out, site, "lower-back")[0])


def test_an_area_page_lists_its_routines_before_its_exercises_and_the_gentlest_exercises_first(built):
    out, site = built
    rank = {t.slug: i for i, t in enumerate(site.vocabularies["levels"].terms)}
    checked = 0

    for term in site.vocabularies["areas"].terms:
        page = (out / "areas" / term.slug / "index.html").read_text(encoding="utf-8")
        routines, exercises = area_links(out, site, term.slug)
        levels = [rank[site.exercises[slug].level] for slug in exercises]
        members = [s for s in site.members[("areas", term.slug)] if s in site.exercises]

        assert sorted(exercises) == sorted(members), term.slug  # every exercise of the area, once
        assert levels == sorted(levels), term.slug
        if routines:
            assert page.index("term__routines") < page.index("<h2>Exercises</h2>"), term.slug
            checked += 1

    assert checked >= 5
