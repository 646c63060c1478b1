"""The player page: times a routine, one exercise or a reader's own routine in the browser.

The page itself is a frame: assets/js/player.js reads which routine or exercise to play from
the address (`?routine=<slug>`, `?exercise=<slug>`, or a shared list of steps), fetches its
play.json (limber.views.player) and walks through it. The page carries what the script may not
type again: the time formula's constants and the words (the settings island), the days of the
printed week log, and where the routines and exercises are for a reader without JavaScript.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from limber import routes
from limber.model.records import SAFETY_PAGE, Exercise, Routine
from limber.views import player
from limber.views.card import DAYS
from limber.views.common import Context
from limber.views.page_data import Link, View

PLAY_PATH = routes.PLAY


@dataclass(frozen=True, slots=True)
class PlayView:
    settings: Mapping[str, Any]  # published as the page's JSON data island (limber.views.player.settings)
    log_days: tuple[str, ...]  # the week log's columns, as the printed card has them: "Mon" … "Sun"
    routines_url: str  # where each routine's play.json is found: <routines_url><slug>/play.json
    browse: tuple[Link, ...]  # the routines and the exercises: shown without JavaScript
    safety_url: str | None  # the safety page, which the finish screen points to


def play_page(ctx: Context) -> View:
    data = PlayView(
        settings=player.settings(ctx),
        log_days=DAYS,
        routines_url=ctx.url(routes.ROUTINES),
        safety_url=ctx.url(f"{SAFETY_PAGE}/") if SAFETY_PAGE in ctx.site.pages else None,
        browse=(Link("Routines", ctx.url(routes.ROUTINES)), Link("Exercises A–Z", ctx.url(routes.EXERCISES))),
    )
    description = (
        "Be timed through a routine or an exercise: holds counted down, reps paced, sides and sets called."
    )
    return ctx.view("play.html", PLAY_PATH, "Player", description, data)


def play_url(ctx: Context, record: Exercise | Routine) -> str:
    """The player's address for one routine, or one exercise at its own dosage."""
    kind = "routine" if isinstance(record, Routine) else "exercise"
    return ctx.url(PLAY_PATH) + "?" + urlencode({kind: record.slug})
