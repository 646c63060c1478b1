"""Rebuilds for the preview, in a worker thread so the server keeps answering during one.

A build writes beside the served folder and swaps it in only when it succeeded (limber.output),
so a request made while a build runs gets the last good site at once, and a failed build leaves
it as it was. The build cache in the project makes a rebuild redo only what an edit touched.
Each finished build, good or failed, becomes a Snapshot that the server publishes.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from limber.cache import CACHE_DIR
from limber.diagnostics import Diagnostic, report
from limber.pipeline import build


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the preview shows: the last good site, and the problems of the latest build if it failed."""

    build: int  # finished builds so far; each page carries it, so a tab can tell it is behind
    root: Path | None  # the last good site's folder; None until a build has succeeded
    problems: tuple[Diagnostic, ...] = ()  # empty when the latest build succeeded


class Rebuilder:
    """Builds *project* into *temp*/site whenever asked, one build at a time, never dropping the last request.

    A request that arrives during a build starts another build when it ends, so the last
    save is always built, however quickly saves follow each other.
    """

    def __init__(
        self,
        project: Path,
        temp: Path,
        base_url: str,
        publish: Callable[[Snapshot], None],
        *,
        strict: bool = False,
    ) -> None:
        self._project = project
        self._folder = temp / "site"
        self._base_url = base_url
        self._publish = publish
        self._strict = strict
        self._wanted = threading.Event()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._changed: set[str] = set()
        self.snapshot = Snapshot(0, None)
        self._thread = threading.Thread(target=self._run, name="limber-rebuild", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def request(self, changed: Iterable[str] = ()) -> None:
        """Ask for a build (thread-safe); *changed* names the files that prompted it."""
        with self._lock:
            self._changed.update(changed)
        self._wanted.set()

    def stop(self) -> None:
        """Finish the build under way, if any, and start no other."""
        self._stopping.set()
        self._wanted.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        while True:
            self._wanted.wait()
            if self._stopping.is_set():
                return
            self._wanted.clear()
            with self._lock:
                changed, self._changed = sorted(self._changed), set()
            self._publish(self.build_once(changed))

    def build_once(self, changed: Iterable[str] = ()) -> Snapshot:
        """Build now, print what happened, and return (and keep) the new snapshot."""
        previous = self.snapshot
        because = ", ".join(changed)
        started = time.perf_counter()
        try:
            result = build(
                self._project,
                self._folder,
                base_url=self._base_url,
                strict=self._strict,
                cache_dir=self._project / CACHE_DIR,
            )
        except (
            Exception
        ) as err:  # a generator bug must not end the preview; the traceback goes to the terminal
            traceback.print_exc()
            crash = Diagnostic(
                PurePosixPath("build.py"),
                None,
                "internal-error",
                f"the build stopped with {type(err).__name__}: {err} (the terminal shows where)",
            )
            self.snapshot = Snapshot(previous.build + 1, previous.root, (crash,))
            return self.snapshot
        report(result.diagnostics, sys.stderr)
        took = f"{(time.perf_counter() - started) * 1000:.0f} ms"
        if result.ok:  # written, or found unchanged in the cache
            print(f"Built in {took}" + (f" after a change to {because}" if because else ""), flush=True)
            self.snapshot = Snapshot(previous.build + 1, self._folder, ())
        else:
            kept = "; still serving the last good version" if previous.root else ""
            print(f"The build failed{kept}.", file=sys.stderr, flush=True)
            self.snapshot = Snapshot(previous.build + 1, previous.root, tuple(result.diagnostics))
        return self.snapshot
