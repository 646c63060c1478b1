"""The editors' live preview: build into a temporary folder, serve it, rebuild on change.

A failed rebuild prints its diagnostics and keeps serving the last good site; nothing a
rebuild raises for content reasons escapes the callback. `site/` is never touched.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

from livereload import Server

from limber.diagnostics import report
from limber.pipeline import build

WATCHED = ("content", "templates", "assets")


def serve(project: Path, host: str, port: int, base_url: str | None = None) -> int:
    """Serve until interrupted; returns the exit code."""
    url = base_url or f"http://{host}:{port}/"
    with tempfile.TemporaryDirectory(prefix="limber-serve-") as temp:
        out_dir = Path(temp) / "site"

        def rebuild() -> None:
            result = build(project, out_dir, base_url=url)
            if report(result.diagnostics, sys.stderr) == 0:
                print(f"Rebuilt {url}", flush=True)

        rebuild()
        if not out_dir.exists():
            print("The first build failed; fix the errors above, then run serve again.", file=sys.stderr)
            return 1
        server = Server()
        for folder in WATCHED:
            server.watch(str(project / folder), rebuild, delay=0.3)
        print(f"Serving {project.name} at {url} (Ctrl+C to stop)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve(host=host, port=port, root=str(out_dir), open_url_delay=None)
    return 0
