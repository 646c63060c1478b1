"""The route table: every address the site uses, in one place.

Paths are relative to the site's base URL. A page's path ends in "/" (or is "" for the top)
and it is served from that folder's index.html (`page_file`, and back again `page_path`); any
other path names a file. Exercises and routines live in their kind's folder
(`exercises/<slug>/`); each vocabulary's terms under the vocabulary's name (`areas/neck/`,
limber.model.vocabulary.VOCABULARIES). The top-level names in TOP are what a free page may not take
(limber.link.linking.RESERVED adds the vocabularies); the free pages every page links are
limber.model.records.REQUIRED_PAGES.
"""

from __future__ import annotations

EXERCISES = "exercises/"
ROUTINES = "routines/"
SEARCH = "search/"
SEARCH_DATA = "search/index.json"
PLAY = "play/"  # the routine player
MY_ROUTINE = "my-routine/"
FIGURES = "figures/"  # each exercise's small drawing: figures/<slug>.svg
ASSETS = "assets/"  # styles, scripts and icons, under content-hashed names
IMAGES = "images/"  # pictures from content/images/, as they are
NOT_FOUND = "404.html"
OFFLINE = "offline.html"  # what the offline worker shows for a page it has not saved
SITEMAP = "sitemap.xml"
FEED = "feed.xml"
ROBOTS = "robots.txt"
MANIFEST = "manifest.webmanifest"
WORKER = "sw.js"  # at the top of the site: a worker controls only the pages under its own folder
PLAY_FILE = "play.json"  # beside each exercise's and each routine's page
SHARE_IMAGE = "share.{version}.png"  # beside each exercise's page: its picture for shared links

# What each top-level name is used for, as an editor is told when a page would take it.
TOP = {
    "exercises": "the exercise index",
    "routines": "the routine index",
    "search": "the search page",
    "play": "the routine player",
    "my-routine": "the reader's own routine",
    "figures": "the exercise drawings",
    "assets": "styles and scripts",
    "images": "pictures",
    "404": "the page-not-found page",
    "offline": "the offline page",
}


def exercise_path(slug: str) -> str:
    return f"{EXERCISES}{slug}/"


def routine_path(slug: str) -> str:
    return f"{ROUTINES}{slug}/"


def term_path(vocabulary: str, slug: str) -> str:
    return f"{vocabulary}/{slug}/"


def figure_path(slug: str) -> str:
    return f"{FIGURES}{slug}.svg"


def share_image_path(slug: str, version: str) -> str:
    """An exercise's shared-link picture; *version* changes with the picture, as social sites keep one per address."""
    return exercise_path(slug) + SHARE_IMAGE.format(version=version)


def page_file(path: str) -> str:
    """The file a page's path is served from: a folder's (and the top's) index.html."""
    return path + "index.html" if path == "" or path.endswith("/") else path


def page_path(file: str) -> str:
    """The page a built file is: the inverse of page_file ("exercises/x/index.html" -> "exercises/x/")."""
    return file.removesuffix("index.html") if file == "index.html" or file.endswith("/index.html") else file
