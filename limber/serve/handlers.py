"""The preview's HTTP handlers: the built site (with reload script and error banner) and the reload socket.

Everything here runs on the serving loop's thread; builds reach it only through Preview.publish.
"""

from __future__ import annotations

import asyncio
import json
import threading
from dataclasses import dataclass
from typing import Any

from livereload.handlers import LiveReloadHandler
from tornado import web
from tornado.websocket import WebSocketClosedError, WebSocketHandler

from limber.routes import page_file
from limber.serve.files import MAX_PATH, Redirect, content_type, is_local_host, locate, relative
from limber.serve.overlay import inject, placeholder
from limber.serve.rebuild import Snapshot

SWAP_WAITS, SWAP_WAIT_S = 100, 0.005  # at most half a second
OPEN_PAGES = 8  # the pages served most lately count as open in a tab, and are rendered first after a save
RELOAD = {"command": "reload", "path": "*", "liveCSS": False, "liveImg": False}


class Preview:
    """What the handlers serve: the latest snapshot, under the base URL's path, reloading on port *port*."""

    def __init__(self, base_path: str, port: int, host: str) -> None:
        self.base_path = base_path
        self.port = port
        self.host = host  # the address it listens on, as given; see is_local_host
        self.snapshot = Snapshot(0, None)
        self._visited: dict[str, None] = {}  # page files served lately, the latest last
        self._lock = threading.Lock()  # the rebuild thread reads what the loop's thread writes

    def publish(self, snapshot: Snapshot) -> None:
        """Serve *snapshot* from now on; if its build is new, tell every open tab to reload (on the loop's thread)."""
        previous, self.snapshot = self.snapshot, snapshot
        if snapshot.build == previous.build:
            return
        for tab in list(LiveReloadHandler.waiters):
            try:
                tab.write_message(RELOAD)
            except WebSocketClosedError:
                LiveReloadHandler.waiters.discard(tab)

    def visit(self, page: str) -> None:
        """Note that *page* (a page file) was served: a tab may have it open."""
        with self._lock:
            self._visited.pop(page, None)
            self._visited[page] = None
            while len(self._visited) > OPEN_PAGES:
                del self._visited[next(iter(self._visited))]

    def open_pages(self) -> list[str]:
        """The page files tabs may have open, the latest served first (thread-safe)."""
        with self._lock:
            return list(reversed(list(self._visited)))

    def close_tabs(self) -> None:
        for tab in list(LiveReloadHandler.waiters):
            tab.close()
        LiveReloadHandler.waiters.clear()


class ReloadSocket(LiveReloadHandler):  # type: ignore[misc]
    """livereload's socket, which also reloads a tab at once if its page is from an older build."""

    def initialize(self, preview: Preview) -> None:
        self.preview = preview

    def prepare(self) -> None:
        refuse_foreign_host(self, self.preview)

    def check_origin(self, origin: str) -> bool:
        # Only pages served by this preview may connect (livereload allows any origin).
        return bool(WebSocketHandler.check_origin(self, origin))

    def on_message(self, message: str | bytes) -> None:
        super().on_message(message)
        data = json.loads(message)
        if isinstance(data, dict) and data.get("command") == "info":
            shown = (data.get("plugins") or {}).get("limber", {}).get("build")
            if shown != self.preview.snapshot.build:
                self.write_message(RELOAD)


def refuse_foreign_host(handler: web.RequestHandler, preview: Preview) -> None:
    """Answer 403 to a request whose Host header names another site (DNS rebinding)."""
    if not is_local_host(handler.request.host, preview.host):
        raise web.HTTPError(403, reason="Host not allowed")


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    content_type: str
    body: bytes


class SiteHandler(web.RequestHandler):
    """Serves the last good build, and before there is one, a page saying why not."""

    def initialize(self, preview: Preview) -> None:
        self.preview = preview

    def prepare(self) -> None:
        refuse_foreign_host(self, self.preview)
        if len(self.request.path) > MAX_PATH:
            raise web.HTTPError(414)

    async def get(self) -> None:
        # A rebuild swaps the new site in with two renames; for that instant the folder is
        # missing, so a request that meets it waits a moment instead of seeing a 404.
        for _ in range(SWAP_WAITS):
            try:
                found = self._response()
                break
            except FileNotFoundError:
                await asyncio.sleep(SWAP_WAIT_S)
        else:
            found = Response(503, "text/plain; charset=utf-8", b"The site is being replaced; reload.\n")
        if isinstance(found, Redirect):
            self.redirect(found.location)
            return
        self.set_status(found.status)
        self.set_header("Content-Type", found.content_type)
        self.finish(found.body)

    async def head(self) -> None:
        await self.get()  # tornado sends the headers only

    def set_default_headers(self) -> None:
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")

    def _response(self) -> Response | Redirect:
        """What to send; FileNotFoundError while a rebuild swaps the site in."""
        snapshot, port = self.preview.snapshot, self.preview.port
        if snapshot.root is None:
            page = placeholder(build=snapshot.build, port=port, problems=snapshot.problems)
            return Response(500 if snapshot.problems else 503, "text/html; charset=utf-8", page.encode())
        if not snapshot.root.is_dir():
            raise FileNotFoundError(snapshot.root)
        rel = relative(self.request.path, self.preview.base_path)
        page = page_file(rel) if isinstance(rel, str) else ""
        fast = snapshot.pages.get(page)
        if fast is not None:  # made at once after a save, newer than the last build
            self.preview.visit(page)
            return Response(200, "text/html; charset=utf-8", self._shown(fast, snapshot))
        found = locate(self.request.path, self.preview.base_path, snapshot.root)
        if isinstance(found, Redirect):
            return found
        status = 200
        if found is None:
            if not snapshot.root.is_dir():  # swapped out between the two looks
                raise FileNotFoundError(snapshot.root)
            status, found = 404, snapshot.root / "404.html"
            if not found.is_file():
                return Response(404, "text/plain; charset=utf-8", b"Not found\n")
        kind = content_type(found)
        body = found.read_bytes()
        if kind.startswith("text/html"):
            if status == 200:
                self.preview.visit(found.relative_to(snapshot.root.resolve()).as_posix())
            body = self._shown(body, snapshot)
        return Response(status, kind, body)

    def _shown(self, page: bytes, snapshot: Snapshot) -> bytes:
        """A built page as the preview serves it: with the reload script and any problems."""
        text = page.decode("utf-8", errors="replace")
        return inject(text, build=snapshot.build, port=self.preview.port, problems=snapshot.problems).encode()

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(f"{status_code} {self._reason}\n")
