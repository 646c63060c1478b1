"""What the preview adds to each HTML page: the reload script and, after a failed build, its errors.

Pure functions from a page's text and the latest build to the text that is served. Every piece
of data is escaped here; the banner needs no script, so it shows even with JavaScript off.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from limber.diagnostics import Diagnostic, sort_key

SHOWN = 50  # problems listed in the banner; the terminal has them all

HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
# The pages' Content-Security-Policy allows no inline script or style, which the reload script
# and the banner are: the preview serves its pages without the policy (the built site keeps it).
POLICY = re.compile(r"<meta\s+http-equiv=\"Content-Security-Policy\"[^>]*>\n?", re.IGNORECASE)
PREVIEW_MARK = "limber-preview"  # <meta name=...> on every page the preview serves
BODY_START = re.compile(r"<body(\s[^>]*)?>", re.IGNORECASE)

BANNER_STYLE = """<style>
.limber-preview-errors{position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:45vh;
overflow:auto;margin:0;padding:.75rem 1rem;background:#fff8f6;color:#3b0a00;border-top:4px solid #b3261e;
font:15px/1.45 system-ui,sans-serif;box-shadow:0 -2px 12px rgba(0,0,0,.25)}
.limber-preview-errors summary{cursor:pointer;font-weight:700}
.limber-preview-errors ol{margin:.5rem 0 0;padding-left:1.5rem}
.limber-preview-errors li{margin:.25rem 0;overflow-wrap:anywhere}
.limber-preview-errors code{font:13px/1.4 ui-monospace,monospace;font-weight:700}
</style>
"""


def reload_script(build: int, port: int) -> str:
    """The scripts that connect a page to the preview's live reload, and the preview's mark.

    livereload.js asks every window.LiveReloadPlugin* for data and sends it to the server when
    it connects; this one says which build the page shows, so a tab that loaded its page just
    before a rebuild finished is told to reload as soon as it connects.
    """
    plugin = "window.LiveReloadPluginLimber"
    return (
        # The guide's offline worker stays out of the preview (assets/js/offline.js): it would
        # keep old pages and fight the live reload.
        f'<meta name="{PREVIEW_MARK}" content="live reload">\n'
        f"<script>{plugin}=function(){{}};{plugin}.identifier='limber';{plugin}.version='1';"
        f"{plugin}.prototype.analyze=function(){{return {{build:{int(build)}}};}};</script>\n"
        f'<script src="/livereload.js?port={int(port)}"></script>\n'
    )


def text(value: str) -> str:
    """*value* escaped for an element's text."""
    return html.escape(value, quote=False)


def banner(problems: Sequence[Diagnostic], *, has_site: bool) -> str:
    """The error banner for a failed build, naming each problem's file:line and message."""
    ordered = sorted(set(problems), key=sort_key)
    errors = sum(d.is_error for d in ordered)
    count = f"{errors} error{'' if errors == 1 else 's'}"
    if has_site:
        summary = f"The latest edit did not build ({count}); this page is the last good version."
    else:
        summary = f"The guide could not be built ({count})."
    items = []
    for problem in ordered[:SHOWN]:
        where = f"{problem.path}:{problem.line}" if problem.line else str(problem.path)
        what = f"{problem.severity.value}[{problem.code}]: {problem.message}"
        items.append(f"<li><code>{text(where)}</code> {text(what)}</li>\n")
    if len(ordered) > SHOWN:
        items.append(f"<li>… and {len(ordered) - SHOWN} more: the terminal lists them all.</li>\n")
    return (
        '<aside class="limber-preview-errors" role="alert" aria-label="Build errors">\n'
        f"<details open>\n<summary>{text(summary)} Fix the file and save; this note goes away.</summary>\n"
        f"<ol>\n{''.join(items)}</ol>\n</details>\n</aside>\n"
    )


def inject(page: str, *, build: int, port: int, problems: Sequence[Diagnostic] = ()) -> str:
    """*page* with the reload script at the end of its head and, if *problems*, the banner.

    The page's Content-Security-Policy meta tag is taken out (see POLICY).
    """
    head = reload_script(build, port) + (BANNER_STYLE if problems else "")
    page = POLICY.sub("", page, count=1)
    found = HEAD_END.search(page)
    page = page[: found.start()] + head + page[found.start() :] if found else head + page
    if problems:
        notice = banner(problems, has_site=True)
        body = BODY_START.search(page)
        page = page[: body.end()] + "\n" + notice + page[body.end() :] if body else page + notice
    return page


def placeholder(*, build: int, port: int, problems: Sequence[Diagnostic] = ()) -> str:
    """The page served before any build has succeeded: still building, or why it failed."""
    if problems:
        main = banner(problems, has_site=False)
        title = "The guide could not be built"
    else:
        main = "<p>Building the guide… this page reloads by itself when it is ready.</p>\n"
        title = "Building…"
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n{reload_script(build, port)}{BANNER_STYLE if problems else ''}"
        f"</head>\n<body>\n<h1>{title}</h1>\n{main}</body>\n</html>\n"
    )
