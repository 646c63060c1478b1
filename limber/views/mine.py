"""The "My routine" page: a reader's own routine, kept in their browser and printed as a card.

The page is a frame that assets/js/my-routine.js fills: the reader's choice lives in their
browser (localStorage, as a share link's query, never sent anywhere) and each exercise comes
from its play.json (limber.views.player). The page carries, in its settings island, everything
the script may not type again: the time formula's constants, the dosage limits and the words
(limber.views.player.settings), and for the printed card the layouts to try, roomiest first
(limber.views.card), and the page's height. The card's fixed parts (the safety strip, the week
log, the link's label) are written here, in the same markup as a routine's card, so both print
alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from limber import routes
from limber.model.vocabulary import NO_EQUIPMENT
from limber.views import card, player
from limber.views.common import Context
from limber.views.page_data import Link, MineLinks, Printed, View
from limber.views.play import PLAY_PATH

MINE_PATH = routes.MY_ROUTINE
STORAGE_KEY = "limber-my-routine"  # where the browser keeps the reader's choice
DEFAULT_NAME = "My routine"
LINK_LABEL = "Go to this address for your routine and each exercise’s full instructions:"
# What each number a reader may change is called beside its box.
FIELD_LABELS = {
    "hold": "Hold (seconds)",
    "time": "Time (seconds)",
    "reps": "Times",
    "sets": "Sets",
    "rest": "Rest between sets (seconds)",
}
REPS_LABELS = {"time": "Rounds", "reps": "Reps"}  # "reps" of a timed exercise, of one not held


@dataclass(frozen=True, slots=True)
class MineView:
    settings: Mapping[str, Any]  # the page's JSON data island, read by assets/js/routine-data.js
    exercises_url: str  # where to choose exercises: the empty page and the page without JavaScript
    max_steps: int
    log_days: tuple[str, ...]  # the printed week log's columns: "Mon" … "Sun"
    log_rows: tuple[str, ...]  # its rows: ("Done",)
    printed: Printed  # the card's layout before the script measures it, the link's label, the safety line


def mine_links(ctx: Context) -> MineLinks:
    """What every page needs of "My routine": the footer's link and the exercise pages' button."""
    return MineLinks(ctx.url(MINE_PATH), STORAGE_KEY, player.settings(ctx)["max_steps"])


def mine_settings(ctx: Context) -> dict[str, Any]:
    """The player's settings, and what this page adds: where things are, the words, the card's fit."""
    return {
        **player.settings(ctx),
        "exercise_slugs": sorted(ctx.site.exercises),  # a shared link's unknown slug is not fetched
        "mine": {
            "storage_key": STORAGE_KEY,
            "page_url": ctx.site.config.absolute_url(MINE_PATH),
            "player_url": ctx.url(PLAY_PATH),
            "default_name": DEFAULT_NAME,
            "labels": FIELD_LABELS,
            "reps_labels": REPS_LABELS,
        },
        "card": {
            "layouts": _layout_classes(1),  # up to one_column_max steps
            "layouts_many": _layout_classes(card.ONE_COLUMN_MAX + 1),
            "one_column_max": card.ONE_COLUMN_MAX,
            "page_height_mm": card.PAGE_HEIGHT,
            # "You need:": the equipment's names in the vocabulary's order, as a routine's card has them
            "equipment": [
                [term.slug, term.name]
                for term in ctx.site.vocabularies["equipment"].terms
                if term.slug != NO_EQUIPMENT
            ],
            "nothing_needed": card.NOTHING_NEEDED,
        },
    }


def _layout_classes(step_count: int) -> list[str]:
    return [card.layout_classes(columns, density.name) for columns, density in card.layouts(step_count)]


def mine_page(ctx: Context) -> View:
    first_columns, first_density = card.layouts(1)[0]
    settings = mine_settings(ctx)
    data = MineView(
        settings=settings,
        exercises_url=ctx.url(routes.EXERCISES),
        max_steps=settings["max_steps"],
        log_days=card.DAYS,
        log_rows=card.day_rows(1),
        printed=Printed(
            classes=card.layout_classes(first_columns, first_density.name),
            url=ctx.site.config.absolute_url(MINE_PATH),
            url_parts=(),  # the share link, which the script prints
            qr_html="",
            link_label=LINK_LABEL,
            credit=card.credit(ctx, None),
            safety=card.SAFETY_LINE,
        ),
    )
    crumbs = ctx.crumbs(Link(DEFAULT_NAME, ctx.url(MINE_PATH)))
    description = "Your own routine: choose exercises, change their holds and reps, print it or share it."
    return ctx.view("my-routine.html", MINE_PATH, DEFAULT_NAME, description, data, crumbs)
