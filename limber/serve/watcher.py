"""Watches the project's sources with file-system events, in a thread of its own.

Saves that come within STEP_MS of each other are reported together, once they pause; nothing
is polled and nothing is dropped. Editor droppings (swap files, backups) are ignored.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import watchfiles

WATCHED = ("content", "templates", "assets")
STEP_MS = 50  # a batch of changes ends after this long without another
LONGEST_MS = 1000  # a steady stream of changes is still reported at least this often


class Watcher:
    """Calls *on_change* with the project-relative paths of each batch of changed files."""

    def __init__(self, project: Path, on_change: Callable[[list[str]], None]) -> None:
        self._project = project
        self._folders = [project / name for name in WATCHED if (project / name).is_dir()]
        self._on_change = on_change
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="limber-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        for changes in watchfiles.watch(
            *self._folders,
            debounce=LONGEST_MS,
            step=STEP_MS,
            stop_event=self._stop,
            raise_interrupt=False,
        ):
            # An editor's temporary file, made and removed within one batch, is not worth naming.
            fleeting = {path for change, path in changes if change is watchfiles.Change.added}
            named = {path for _, path in changes if path not in fleeting or Path(path).exists()}
            self._on_change(sorted(self._relative(path) for path in named))

    def _relative(self, path: str) -> str:
        try:
            return Path(path).relative_to(self._project).as_posix()
        except ValueError:
            return path
