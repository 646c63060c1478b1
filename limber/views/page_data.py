"""What templates see: one frozen record per page kind, already sorted, counted and worded.

limber.views builds these from the Site. `*_html` fields hold HTML produced from Markdown by
limber.render.markdown (sanitised); they are the only values a template marks safe.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Chip:
    label: str  # "Area"
    name: str  # "Upper back"
    url: str


@dataclass(frozen=True, slots=True)
class Card:
    """An exercise or routine in a list: title, link, one line of summary and facts."""

    title: str
    url: str
    summary: str
    facts: str  # "Beginner · Seated · Hold 30 s · 2 times · each side"
    # A small drawing of the exercise (an SVG file), or "". Decorative beside the linked title:
    # the exercise page describes it in words, so a list read aloud is not a list of poses.
    figure_url: str = ""


@dataclass(frozen=True, slots=True)
class TermSummary:
    name: str
    url: str
    description: str
    count: int


@dataclass(frozen=True, slots=True)
class AppLinks:
    """What every page's head needs to install and read offline (limber.views.offline)."""

    manifest_url: str
    worker_url: str
    scope: str  # the site's top: the worker's scope
    theme_color: str


@dataclass(frozen=True, slots=True)
class MineLinks:
    """The reader's own routine: its page, and how the browser keeps it (limber.views.mine)."""

    url: str
    storage_key: str  # localStorage key of the chosen steps, a share link's query
    max_steps: int


@dataclass(frozen=True, slots=True)
class SiteView:
    title: str
    description: str
    language: str
    home_url: str
    assets_url: str
    safety_url: str
    feed_url: str
    nav: tuple[Link, ...]
    repository_url: str = ""  # the guide's source, when site.yaml names it
    app: AppLinks | None = None  # the web app manifest and the offline worker
    mine: MineLinks | None = None  # "My routine": the footer's link, the exercise pages' "Add" button


@dataclass(frozen=True, slots=True)
class ShareImage:
    """A page's own picture for shared links (limber.views.share), and the same in words."""

    url: str  # root-relative
    alt: str


@dataclass(frozen=True, slots=True)
class View:
    """One output page: which template shows it and the facts every page has."""

    template: str
    path: str  # site path, "" for home, "exercises/x/"
    title: str
    description: str
    canonical: str
    url: str  # root-relative: "/guide/exercises/x/"
    section: str  # the URL of the header link for the part of the site this page is in, or ""
    breadcrumbs: tuple[Link, ...] = ()
    jsonld: Mapping[str, Any] | None = None
    data: Any = None  # the page-kind view below
    edit_url: str = ""  # where an editor changes the page's source file, when the repository is known
    share_image: ShareImage | None = None  # None: a shared link shows the site's own picture


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    html: str


@dataclass(frozen=True, slots=True)
class Printed:
    """What a page adds on paper: its layout, the way back to the page, and the safety line."""

    classes: str  # layout classes chosen by limber.views.card: "print-card--2col print-card--tight"
    url: str  # the page's absolute URL, printed as text
    url_parts: tuple[str, ...]  # the same, cut where a printed line may break (limber.views.card.url_parts)
    qr_html: str  # the same URL as an inline <svg> QR code (limber.views.qr)
    link_label: str  # "Scan the code or go to this page for the full instructions:"
    credit: str  # "Limber · reviewed 2026-11-30"
    safety: str  # the one-line safety reminder


@dataclass(frozen=True, slots=True)
class ExerciseView:
    title: str
    slug: str  # how a reader's own routine names it
    aliases: tuple[str, ...]
    summary: str
    chips: tuple[Chip, ...]
    dosage: str
    frequency: str | None
    intensity: str
    time: str  # "About 3 min"
    exact_time: str  # "2 min 13 s"
    cues: tuple[str, ...]
    cautions: tuple[str, ...]
    intro_html: str
    steps: Section  # "How to do it": right after the cautions, and the only section printed
    sections: tuple[Section, ...]  # Tips, Avoid, then any others
    related: tuple[Card, ...]
    easier: Link | None
    harder: Link | None
    used_in: tuple[Link, ...]
    linked_from: tuple[Link, ...]
    image: Mapping[str, str] | None
    reviewed: str | None
    printed: Printed
    figure_html: str  # the drawn figure, inline SVG made by limber.figures, or ""
    muscle_map_html: str  # front and back outlines with the muscles marked
    level: Link  # "Beginner" and its page: with time, dosage and equipment, the facts at the top
    equipment: tuple[Link, ...]  # what the reader needs, each with its page ("No equipment" too)
    play_url: str = ""  # the player, timing this exercise at its own dosage (limber.views.play)


@dataclass(frozen=True, slots=True)
class StepView:
    number: int
    starts_column: bool  # printed in two columns, this step heads the second
    title: str
    url: str
    dosage: str
    time: str
    cues: tuple[str, ...]
    note: str | None
    caution: str | None
    figure_url: str = ""  # the exercise's small drawing (an SVG file), or ""
    figure_alt: str = ""


@dataclass(frozen=True, slots=True)
class RoutineView:
    title: str
    summary: str
    chips: tuple[Chip, ...]
    time: str
    exact_time: str
    frequency: str
    equipment: str  # "a sturdy chair (no wheels), a wall" or "nothing"
    intro_html: str
    steps: tuple[StepView, ...]
    linked_from: tuple[Link, ...]
    reviewed: str | None
    card_facts: str  # "Desk break · Beginner · About 6 min · 6 exercises · up to 3× a day"
    log_days: tuple[str, ...]  # the printed log's columns: "Mon" … "Sun"
    log_rows: tuple[str, ...]  # its rows: ("Done",) or ("1st", "2nd", "3rd")
    screening: tuple[str, ...]  # "Before you start": what the rules say a reader must know first
    screening_label: str  # how the card leads those lines
    safety_url: str | None  # the safety page, which the screening box links to
    printed: Printed
    play_url: str = ""  # the player, timing this routine (limber.views.play)


@dataclass(frozen=True, slots=True)
class ListView:
    intro: str
    groups: tuple[tuple[str, tuple[Card, ...]], ...]  # (heading, cards)
    has_letters: bool = False  # show the A–Z jump links
    compact: bool = False  # cards without their summary line: a long index stays short


@dataclass(frozen=True, slots=True)
class FeedEntry:
    title: str
    url: str  # absolute
    summary: str
    updated: str  # YYYY-MM-DD, from the content's `reviewed`


@dataclass(frozen=True, slots=True)
class Feed:
    title: str
    url: str  # the feed's own absolute URL
    site_url: str
    updated: str
    entries: tuple[FeedEntry, ...]


@dataclass(frozen=True, slots=True)
class VocabularyView:
    intro: str
    terms: tuple[TermSummary, ...]


@dataclass(frozen=True, slots=True)
class CardGroup:
    """Part of a list of cards under its own heading (an area's exercises of one level)."""

    heading: str  # "" for a list with no parts
    note: str  # a line under the heading, or ""
    cards: tuple[Card, ...]
    card_level: int  # the heading level of each card's title


@dataclass(frozen=True, slots=True)
class TermView:
    name: str
    description: str
    facts: tuple[str, ...]  # "Anatomical name: ...", "Seen from the back"
    lead_routines: tuple[Card, ...]  # areas: the routines that work the area, before the exercises
    lead_heading: str  # "Routines for the lower back"
    exercises: tuple[CardGroup, ...]  # areas: by level, gentlest first; others: one group
    secondary: tuple[Card, ...]  # muscles: exercises that work it as a secondary muscle
    routines: tuple[Card, ...]


@dataclass(frozen=True, slots=True)
class HomeView:
    intro_html: str
    areas: tuple[TermSummary, ...]
    routines: tuple[Card, ...]
    browse: tuple[Link, ...]
    exercise_count: int
    exercises_url: str
    body_map_html: str  # front and back outlines; each body area links to its page


@dataclass(frozen=True, slots=True)
class TextView:
    body_html: str
    safety_url: str = ""  # the safety page, pointed to at the top; "" on that page itself
