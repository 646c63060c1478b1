"""Stage 4b (render): views -> Outputs (path, text) through Jinja, and the other outputs.

Render writes nothing. A template error becomes a Diagnostic at the template's file and
line, and the build writes nothing when there is one. Each output kind (pages, sitemap,
feed, robots.txt) is its own function; pipeline.build() lists them.

Templates link assets through `asset("css/screen.css")`, which gives the URL of the file's
published, content-hashed name (limber.render.assets.asset_names), and make a URL absolute with the
`absolute` filter (against the page's canonical URL), as Open Graph tags need.
"""

from __future__ import annotations

import json
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import jinja2

from limber import routes
from limber.diagnostics import Diagnostic
from limber.model.dosage import duration_text
from limber.model.records import Output
from limber.model.site_config import SiteConfig
from limber.render.assets import asset_names
from limber.routes import page_file
from limber.search import SEARCH_DATA
from limber.views.page_data import Feed, SiteView, View

if TYPE_CHECKING:
    from limber.views.saved_reads import KeptPage

TemplateError = (jinja2.UndefinedError, jinja2.TemplateNotFound, jinja2.TemplateSyntaxError, TypeError)


def _dumps(value: Any, **kwargs: Any) -> str:
    # Jinja escapes <, >, & and '; U+2028 and U+2029 are escaped here too.
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, **kwargs)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def make_env(templates: Path, assets: Path | None = None) -> jinja2.Environment:
    """The templates' environment; *assets* defaults to the `assets/` folder beside *templates*."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.policies["json.dumps_function"] = _dumps
    env.policies["json.dumps_kwargs"] = {}
    env.filters["duration"] = duration_text
    env.filters["absolute"] = _absolute
    env.globals["search_data"] = SEARCH_DATA.as_posix()  # under the site's top: the header box loads it
    env.globals["asset"] = _asset_function(
        asset_names(templates.parent / "assets" if assets is None else assets)
    )
    return env


def _asset_function(names: dict[str, str]) -> Callable[..., str]:
    @jinja2.pass_context
    def asset(context: jinja2.runtime.Context, path: str) -> str:
        """The URL of assets/<path> under its published name."""
        name = names.get(path)
        if name is None:
            raise jinja2.UndefinedError(f"asset('{path}'): there is no file assets/{path}")
        return str(context["site"].assets_url) + name

    return asset


@jinja2.pass_context
def _absolute(context: jinja2.runtime.Context, url: str) -> str:
    """A root-relative URL made absolute against the page's canonical URL."""
    return urljoin(str(context["page"].canonical), url)


def output_path(view: View) -> PurePosixPath:
    return PurePosixPath(page_file(view.path))


def render_page(env: jinja2.Environment, view: View, site: SiteView) -> Output:
    return Output(output_path(view), env.get_template(view.template).render(page=view, site=site))


def render_pages(
    views: Iterable[View],
    render: Callable[[View], Output],
    project: Path,
) -> tuple[list[Output], list[Diagnostic]]:
    """Every page through *render*; the first template error stops it and is reported at its line."""
    outputs = []
    for view in views:
        try:
            outputs.append(render(view))
        except TemplateError as err:
            return outputs, [template_problem(project, err)]
    return outputs, []


def sitemap(env: jinja2.Environment, views: Iterable[View | KeptPage]) -> Output:
    urls = sorted(v.canonical for v in views if v.path != routes.NOT_FOUND)
    return Output(PurePosixPath(routes.SITEMAP), env.get_template("sitemap.xml").render(urls=urls))


def feed(env: jinja2.Environment, entries: Feed) -> Output:
    return Output(PurePosixPath(routes.FEED), env.get_template("feed.xml").render(feed=entries))


def robots(config: SiteConfig) -> Output:
    text = f"User-agent: *\nAllow: /\nSitemap: {config.absolute_url(routes.SITEMAP)}\n"
    return Output(PurePosixPath(routes.ROBOTS), text)


def template_problem(project: Path, err: Exception) -> Diagnostic:
    """A template error at its file and line (the last template frame for runtime errors)."""
    if isinstance(err, jinja2.TemplateSyntaxError):
        return Diagnostic(
            _template_path(project, err.filename, err.name),
            err.lineno,
            "template-error",
            err.message or "syntax error",
        )
    frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename.endswith((".html", ".xml"))]
    if frames:
        frame = frames[-1]
        return Diagnostic(
            _template_path(project, frame.filename, None), frame.lineno, "template-error", str(err)
        )
    return Diagnostic(PurePosixPath("templates"), None, "template-error", f"{type(err).__name__}: {err}")


def _template_path(project: Path, filename: str | None, name: str | None) -> PurePosixPath:
    if filename:
        path = Path(filename)
        if path.is_relative_to(project):
            return PurePosixPath(path.relative_to(project).as_posix())
    return PurePosixPath("templates", name or "?")
