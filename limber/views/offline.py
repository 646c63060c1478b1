"""Reading offline: where the manifest, the worker and the offline page live, and what they say.

The guide installs to a home screen through its manifest and keeps the pages a reader visited
through a service worker (limber.render.offline_files makes both files). Every page links the manifest and
tells its script (assets/js/offline.js) where the worker is (AppLinks); the worker sits at the
top of the site so that its scope covers every page, under any base path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from limber import routes
from limber.model.site_config import SiteConfig
from limber.views.common import Context
from limber.views.mine import MINE_PATH
from limber.views.page_data import AppLinks, Link, View
from limber.views.play import PLAY_PATH
from limber.views.search import SEARCH_PATH

MANIFEST_PATH = routes.MANIFEST
WORKER_PATH = routes.WORKER
OFFLINE_PATH = routes.OFFLINE
# Saved when the worker is installed, so they work offline from the first visit on (with the
# search data, the stylesheets, scripts and icons): the home page, search, the player, My
# routine and the offline page.
SAVED_FIRST = ("", SEARCH_PATH, PLAY_PATH, MINE_PATH, OFFLINE_PATH)
# The palette's main colour (--accent) and page colour (--paper) in assets/css/screen.css, light
# scheme: the colour of the browser's bar and of the installed app's splash screen.
THEME_COLOR = "#1d6a57"
BACKGROUND_COLOR = "#f6f4ef"
# The icons, drawn from assets/icons/favicon.svg (README, "Reading offline"): name, size, purpose.
ICONS = (
    ("icons/icon-192.png", 192, "any"),
    ("icons/icon-512.png", 512, "any"),
    ("icons/icon-maskable-512.png", 512, "maskable"),
)
# The key under which an exercise's player data names its drawing (limber.views.player).
PICTURE_KEY = "figure"
# Waiting longer than this for a page, the worker shows the saved copy if there is one.
NETWORK_TIMEOUT_MS = 4000


@dataclass(frozen=True, slots=True)
class OfflineView:
    saved_first: tuple[Link, ...]  # pages saved on every device with the worker: home, search, My routine


def app_links(config: SiteConfig) -> AppLinks:
    return AppLinks(config.url(MANIFEST_PATH), config.url(WORKER_PATH), config.url(""), THEME_COLOR)


def manifest(config: SiteConfig, icon_urls: dict[str, str]) -> dict[str, Any]:
    """The web app manifest; *icon_urls* maps each of ICONS' paths to its published URL."""
    return {
        "name": config.title,
        "short_name": config.title,
        "description": config.description,
        "lang": config.language,
        "id": config.url(""),
        "start_url": config.url(""),
        "scope": config.url(""),
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            {"src": icon_urls[path], "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
            for path, size, purpose in ICONS
        ],
    }


def offline_page(ctx: Context) -> View:
    """The page the worker shows for a page that is not saved, while there is no connection."""
    text = "This page is not saved on this device, so it cannot be shown without a connection."
    saved = (("Home", ""), ("Search", SEARCH_PATH), ("My routine", MINE_PATH))
    data = OfflineView(tuple(Link(title, ctx.url(path)) for title, path in saved))
    return ctx.view("offline.html", OFFLINE_PATH, "You are offline", text, data)
