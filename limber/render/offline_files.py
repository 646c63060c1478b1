"""The files that let the guide install to a home screen and be read offline.

- the web app manifest (limber.views.offline.manifest), its icons under their published names;
- the offline page, shown by the worker for a page that is not saved;
- the service worker, at the top of the site so that it controls every page. It is two lines:
  its settings as JSON, then `importScripts` of assets/js/offline-worker.js, the worker's code,
  served as written under its content-hashed name. The settings name a version made from every
  file the worker saves when it is installed, so a build that changes any of them (or the
  worker's code) gives a new worker, which browsers install; a build that changes nothing gives
  the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from jinja2 import Environment

from limber.model.records import Exercise, Output, Routine
from limber.model.site_config import SiteConfig
from limber.render.assets import asset_names
from limber.render.templates import render_page
from limber.views import Context, site_view
from limber.views.offline import (
    ICONS,
    MANIFEST_PATH,
    NETWORK_TIMEOUT_MS,
    OFFLINE_PATH,
    PICTURE_KEY,
    SAVED_FIRST,
    WORKER_PATH,
    manifest,
    offline_page,
)
from limber.views.page_data import View
from limber.views.player import PLAY_FILE, play_path
from limber.views.saved_reads import KeptPage

WORKER_CODE = "js/offline-worker.js"
# Published assets saved when the worker is installed (assets/<folder>/...): what every page
# uses. Pictures (figures, content images) are saved as they are shown.
SAVED_ASSETS = ("css/", "js/", "icons/")
VERSION_LENGTH = 16  # hex digits of the version


@dataclass(frozen=True)
class Published:
    """What the worker saves on install, as the build publishes it."""

    config: SiteConfig
    asset_names: Mapping[str, str]  # "css/screen.css" -> "css/screen.1a2b3c4d.css"
    pages: tuple[Output, ...]  # SAVED_FIRST's pages
    data: tuple[Output, ...]  # the search data
    played: tuple[str, ...] = ()  # the folders whose pages have player data beside them ("exercises/")


def offline_files(
    ctx: Context, views: list[View | KeptPage], env: Environment, data: list[Output]
) -> list[Output]:
    """The offline page, the web app manifest and the service worker; *data* is the search data."""
    shared = site_view(ctx)
    offline = render_page(env, offline_page(ctx), shared)
    by_path = {view.path: view for view in views if isinstance(view, View)}  # SAVED_FIRST's are built
    pages = tuple(
        offline if path == OFFLINE_PATH else render_page(env, by_path[path], shared) for path in SAVED_FIRST
    )
    # The assets folder, found as limber.render.templates.make_env finds it: beside the templates.
    assets = Path(env.loader.searchpath[0]).parent / "assets"  # type: ignore[union-attr]
    records: list[Exercise | Routine] = [*ctx.site.exercises.values(), *ctx.site.routines.values()]
    played = tuple(sorted({f"{PurePosixPath(play_path(record)).parent.parent}/" for record in records}))
    return [offline, *app_files(Published(ctx.site.config, asset_names(assets), pages, tuple(data), played))]


def app_files(published: Published) -> list[Output]:
    """The web app manifest and the service worker."""
    config = published.config
    icons = {path: asset_url(config, published.asset_names, path) for path, _, _ in ICONS}
    manifest_text = json.dumps(manifest(config, icons), sort_keys=True, ensure_ascii=False, indent=1) + "\n"
    manifest_file = Output(PurePosixPath(MANIFEST_PATH), manifest_text)
    settings = worker_settings(published, [*published.pages, *published.data, manifest_file])
    code = asset_url(config, published.asset_names, WORKER_CODE)
    worker = (
        "/* The guide's offline worker: settings made by the build from the site settings, then the code. */\n"
        f"self.LIMBER_OFFLINE = {json.dumps(settings, sort_keys=True, ensure_ascii=False)};\n"
        f"importScripts({json.dumps(code)});\n"
    )
    return [manifest_file, Output(PurePosixPath(WORKER_PATH), worker)]


def worker_settings(published: Published, saved: list[Output]) -> dict[str, object]:
    """The worker's settings: where things are, what to save on install, and the version."""
    config, names = published.config, published.asset_names
    assets = sorted(
        asset_url(config, names, path)
        for path in names
        if path.startswith(SAVED_ASSETS) and path != WORKER_CODE
    )
    version = hashlib.sha256()
    for output in saved:
        version.update(f"{output.path}\0{output.text}\0".encode())
    version.update("\0".join(assets).encode())
    version.update(names[WORKER_CODE].encode())
    return {
        "version": version.hexdigest()[:VERSION_LENGTH],
        "scope": config.url(""),
        "assets": config.url("assets/"),
        "offline": config.url(OFFLINE_PATH),
        "pages": [config.url(path) for path in SAVED_FIRST],
        "precache": sorted({*assets, *(config.url(str(o.path)) for o in published.data)}),
        "manifest": config.url(MANIFEST_PATH),
        "timeout": NETWORK_TIMEOUT_MS,
        # Saved with each page in these folders: its player data and the pictures it names.
        "companion": {
            "file": PLAY_FILE,
            "under": [config.url(folder) for folder in published.played],
            "picture": PICTURE_KEY,
        },
    }


def asset_url(config: SiteConfig, names: Mapping[str, str], path: str) -> str:
    return config.url("assets/" + names[path])
