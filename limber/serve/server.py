"""`build.py serve`: build into a temporary folder, serve it, rebuild on every change.

Threads for the serving loop (this module, with the handlers), the watcher and the rebuilder
(limber.serve.rebuild: what each save sets off), and a process that keeps the site in memory and
builds it (limber.serve.worker: the open pages at once, then the whole site). Requests never wait for a build. A failed build keeps the last good
site and shows its errors in the page; Ctrl+C and SIGTERM stop it all cleanly and remove its
temporary folder. `site/` is never touched.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import ipaddress
import shutil
import signal
import socket
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from livereload.handlers import LiveReloadJSHandler
from tornado import netutil, web
from tornado.httpserver import HTTPServer

from limber.serve.handlers import Preview, ReloadSocket, SiteHandler
from limber.serve.rebuild import Rebuilder, Snapshot
from limber.serve.watcher import Watcher

EXIT_OK, EXIT_USAGE = 0, 2
DEFAULT_PORT = 8000
WILDCARD_HOSTS = ("", "0.0.0.0", "::")
SWITCH_INTERVAL_S = 0.0005


class PortError(Exception):
    """The preview cannot listen where it was asked to; the message says why, in one line."""


def serve(
    project: Path, host: str, port: int | None = None, base_url: str | None = None, *, strict: bool = False
) -> int:
    """Serve until Ctrl+C or SIGTERM; returns the exit code.

    *base_url* (already normalised) sets the sub-path the site is served under; *port*
    defaults to the base URL's port, else 8000, and 0 picks a free one.
    """
    if port is None:
        port = (urlsplit(base_url).port if base_url else None) or DEFAULT_PORT
    try:
        sockets = listen(host, port)
    except PortError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
    if not is_loopback(host):
        print(
            f"warning: --host {host} lets other machines on the network see this preview; "
            "use it only on a network you trust",
            file=sys.stderr,
        )
    real_port = sockets[0].getsockname()[1]
    shown_host = "127.0.0.1" if host in WILDCARD_HOSTS else host
    if ":" in shown_host:
        shown_host = f"[{shown_host}]"
    origin = f"http://{shown_host}:{real_port}"
    url = base_url or origin + "/"
    base_path = urlsplit(url).path or "/"
    temp = Path(tempfile.mkdtemp(prefix="limber-serve-"))
    # SIGTERM stops the preview as Ctrl+C does, so the temporary folder is removed either way.
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    # The rebuild thread holds the GIL for up to the switch interval at a time, and a request
    # waits for it at every file-system call: a shorter interval keeps answers quick (measured
    # in bench/serve_bench.py, when the whole build ran in that thread: the slowest answer
    # during rebuilds fell from ~190 ms to ~55 ms).
    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    try:
        asyncio.run(run(project, temp, url, sockets, Preview(base_path, real_port, host), origin, strict))
    except KeyboardInterrupt:
        pass
    finally:
        # A second Ctrl+C or SIGTERM while stopping must not leave the temporary folder half removed.
        interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        for sock in sockets:
            sock.close()
        shutil.rmtree(temp, ignore_errors=True)
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, interrupt)
        sys.setswitchinterval(switch_interval)
    print("Stopped.", flush=True)
    return EXIT_OK


async def run(
    project: Path,
    temp: Path,
    url: str,
    sockets: list[socket.socket],
    preview: Preview,
    origin: str,
    strict: bool,
) -> None:
    """Serve *preview*, rebuilding on every change, until SIGINT or SIGTERM."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)

    def publish(snapshot: Snapshot) -> None:
        # RuntimeError: the loop closed while the last build ran; there is no tab left to tell.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(preview.publish, snapshot)

    rebuilder = Rebuilder(project, temp, url, publish, strict=strict, open_pages=preview.open_pages)
    watcher = Watcher(project, rebuilder.request)
    app = web.Application(
        [
            (r"/livereload", ReloadSocket, {"preview": preview}),
            (r"/livereload\.js", LiveReloadJSHandler),
            (r".*", SiteHandler, {"preview": preview}),
        ],
        log_function=lambda handler: None,  # no access log: the terminal is for build results
    )
    server = HTTPServer(app)
    watcher.start()  # before the first build, so no save is missed
    rebuilder.request()
    rebuilder.start()
    server.add_sockets(sockets)
    print(f"Serving {project.name} at {origin}{preview.base_path} (Ctrl+C to stop)", flush=True)
    try:
        await stop.wait()
    finally:
        print("Stopping…", flush=True)
        server.stop()
        preview.close_tabs()
        await asyncio.to_thread(watcher.stop)
        await asyncio.to_thread(rebuilder.stop)
        await server.close_all_connections()


def listen(host: str, port: int) -> list[socket.socket]:
    """Bound, listening sockets for *host*:*port*, or a PortError saying why not."""
    if not 0 <= port <= 65535:
        raise PortError(f"--port {port} is out of range; use a port from 1 to 65535 (or 0 for any free port)")
    try:
        return netutil.bind_sockets(port, address=host or None)
    except socket.gaierror as err:
        raise PortError(f"--host {host} is not an address of this machine ({err.strerror})") from None
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            raise PortError(
                f"port {port} on {host} is already in use; stop the other server or pick another with --port"
            ) from None
        if err.errno == errno.EACCES:
            raise PortError(
                f"port {port} on {host} needs administrator rights; pick a port above 1023 with --port"
            ) from None
        if err.errno == errno.EADDRNOTAVAIL:
            raise PortError(f"--host {host} is not an address of this machine") from None
        raise PortError(f"cannot listen on {host} port {port}: {err.strerror or err}") from None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
