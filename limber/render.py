"""Stage 4 (render): the Jinja environment and views -> a list of Outputs (path, text).

Render writes nothing. A template error becomes a Diagnostic at the template's file and
line, and the build writes nothing when there is one.
"""

from __future__ import annotations

import json
import traceback
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2

from limber.diagnostics import Diagnostic
from limber.dosage import duration_text
from limber.model import Site
from limber.view_models import View
from limber.views import Views


@dataclass(frozen=True, slots=True)
class Output:
    path: PurePosixPath  # relative to the output folder
    text: str


def _dumps(value: Any, **kwargs: Any) -> str:
    # Jinja escapes <, >, & and '; U+2028 and U+2029 are escaped here too.
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, **kwargs)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def make_env(templates: Path) -> jinja2.Environment:
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
    return env


def output_path(view: View) -> PurePosixPath:
    if view.path.endswith(".html"):
        return PurePosixPath(view.path)
    return PurePosixPath(view.path, "index.html")


def render_site(site: Site, env: jinja2.Environment, project: Path) -> tuple[list[Output], list[Diagnostic]]:
    """Render every page, the sitemap, the feed and robots.txt; report template errors at their line."""
    views = Views(site)
    common = {"site": views.site_view()}
    outputs: list[Output] = []
    problems: list[Diagnostic] = []
    all_views = views.all_views()
    for view in all_views:
        try:
            text = env.get_template(view.template).render(page=view, **common)
        except jinja2.TemplateSyntaxError as err:
            problems.append(
                Diagnostic(
                    _template_path(project, err.filename, err.name),
                    err.lineno,
                    "template-error",
                    err.message or "syntax error",
                )
            )
            break
        except (jinja2.UndefinedError, jinja2.TemplateNotFound, TypeError) as err:
            problems.append(_runtime_error(project, err))
            break
        outputs.append(Output(output_path(view), text))
    if not problems:
        urls = [v.canonical for v in all_views if v.template != "404.html"]
        outputs.append(
            Output(PurePosixPath("sitemap.xml"), env.get_template("sitemap.xml").render(urls=sorted(urls)))
        )
        feed = env.get_template("feed.xml").render(feed=views.feed())
        outputs.append(Output(PurePosixPath("feed.xml"), feed))
        robots = f"User-agent: *\nAllow: /\nSitemap: {site.config.absolute_url('sitemap.xml')}\n"
        outputs.append(Output(PurePosixPath("robots.txt"), robots))
    return outputs, problems


def _template_path(project: Path, filename: str | None, name: str | None) -> PurePosixPath:
    if filename:
        path = Path(filename)
        if path.is_relative_to(project):
            return PurePosixPath(path.relative_to(project).as_posix())
    return PurePosixPath("templates", name or "?")


def _runtime_error(project: Path, err: Exception) -> Diagnostic:
    """Point at the last template frame of the traceback (the line that failed)."""
    frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename.endswith((".html", ".xml"))]
    if frames:
        frame = frames[-1]
        return Diagnostic(
            _template_path(project, frame.filename, None), frame.lineno, "template-error", str(err)
        )
    return Diagnostic(PurePosixPath("templates"), None, "template-error", f"{type(err).__name__}: {err}")
