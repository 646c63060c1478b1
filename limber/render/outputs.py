"""The outputs registry: every file the build makes besides the pages, one entry each.

An entry is a name and a function from what the build has made (the site, its views, the
templates' environment, the glossary) to the files it gives. `pipeline.build()` makes every
entry in order; a new kind of output (a data file, the web app manifest, the service worker)
is one more line here, never a new step in the pipeline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from jinja2 import Environment

from limber.model.records import Output
from limber.render.offline_files import offline_files
from limber.render.templates import feed, robots, sitemap
from limber.search import GlossaryEntry, search_data
from limber.views import Context
from limber.views import feed as feed_view
from limber.views.drawings import figure_files
from limber.views.page_data import View
from limber.views.player import play_files
from limber.views.saved_reads import KeptPage
from limber.views.share import share_images


@dataclass(frozen=True)
class Made:
    """What an output's function may read: the build so far, and the earlier entries' outputs.

    *earlier* holds each entry's outputs by name as they are made, so nothing is made twice.
    """

    ctx: Context
    views: list[View | KeptPage]  # a KeptPage: a page whose view was not built again
    env: Environment
    glossary: tuple[GlossaryEntry, ...]
    publishing: bool = False  # the `build` command: the files only a published site needs too
    earlier: dict[str, list[Output]] = field(default_factory=dict)


OUTPUTS: tuple[tuple[str, Callable[[Made], list[Output]]], ...] = (
    ("sitemap", lambda m: [sitemap(m.env, m.views)]),
    ("feed", lambda m: [feed(m.env, feed_view(m.ctx))]),
    ("robots.txt", lambda m: [robots(m.ctx.site.config)]),
    ("figure files", lambda m: figure_files(m.ctx)),
    ("search data", lambda m: [search_data(m.ctx.site, m.ctx.documents, m.glossary)]),
    ("offline reading", lambda m: offline_files(m.ctx, m.views, m.env, m.earlier["search data"])),
    ("player data", lambda m: play_files(m.ctx)),
    ("share images", lambda m: share_images(m.ctx) if m.publishing else []),
)


def other_outputs(made: Made) -> list[Output]:
    """Every registered output, in the registry's order."""
    for name, make in OUTPUTS:
        made.earlier[name] = make(made)
    return [output for outputs in made.earlier.values() for output in outputs]
