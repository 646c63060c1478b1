"""A real headless Chromium (Debian's package) driven by Playwright, against the built guide.

The site is built with a base URL that has a sub-path and served from 127.0.0.1 under that
sub-path only, so a link that ignores the base path fails here as it would on a real host.
"""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from limber.build.pipeline import build
from tests.conftest import copy_real_project

CHROMIUM = Path("/usr/bin/chromium")
SUB_PATH = "/guide/"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the site folder at SUB_PATH only; everything else is a 404."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(SUB_PATH):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(SUB_PATH) :])

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    project = copy_real_project(tmp_path_factory.mktemp("browser") / "project")
    out = project / "site"
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SubPathHandler, directory=str(out)))
    url = f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    result = build(project, out, base_url=url)
    assert result.ok, [str(d) for d in result.diagnostics]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    assert CHROMIUM.exists(), "Debian's chromium package is needed: apt-get install chromium"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport={"width": 360, "height": 780}, device_scale_factor=2, is_mobile=True
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.console_errors = errors
    yield page
    context.close()
