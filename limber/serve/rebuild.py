"""Rebuilds for the preview: the open pages at once, the whole site behind them.

Each batch of saves goes two ways. The fast render (limber.serve.fast), in this module's
thread, makes the saved records' pages and the pages open in a tab again from the site kept
in memory, and the server shows them on top of the last build straight away. The full build
(limber.serve.worker), in its own process, then builds the whole site as `build.py` does,
into the served folder; when it is of the latest saves, it replaces the fast pages. A save
made during a full build is rendered fast at once and built again when that build ends, so
the last save is always built, however quickly saves follow each other.

Every change of what is served becomes a Snapshot that the server publishes. A broken save
(found by either way) keeps the last good pages and shows its problems.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from limber.diagnostics import Diagnostic, has_errors, report
from limber.serve.fast import FastRender
from limber.serve.worker import Done, Job, Worker

# Saves the fast render fully shows: any other (an asset, an image) reloads the tabs when the full build ends.
SHOWN_FAST = ("content/", "templates/")


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the preview shows: the last good site, and the problems of the latest saves if they fail."""

    build: int  # each page carries it, so a tab can tell it is behind; a new one makes tabs reload
    root: Path | None  # the last good full build's folder; None until a build has succeeded
    problems: tuple[Diagnostic, ...] = ()  # empty when the latest saves built
    pages: Mapping[str, bytes] = field(
        default_factory=dict
    )  # page file -> fast-rendered page, served over root


class Rebuilder:
    """Turns each batch of saves into snapshots, through the fast render and the full build.

    *open_pages* gives the page files (`exercises/chin-tuck/index.html`) that tabs have open.
    """

    def __init__(
        self,
        project: Path,
        temp: Path,
        base_url: str,
        publish: Callable[[Snapshot], None],
        *,
        strict: bool = False,
        open_pages: Callable[[], Iterable[str]] = tuple,
    ) -> None:
        self._project = project
        self._folder = temp / "site"
        self._base_url = base_url
        self._publish = publish
        self._strict = strict
        self._open_pages = open_pages
        self._fast = FastRender(project, base_url)
        self._worker = Worker()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._changed: set[str] = set()
        self._finished: list[Done] = []
        self._stopping = False
        self._saves = 0  # batches of saves so far: which state of the files a full build is of
        self._said: set[Diagnostic] = set()  # problems printed since the last save: each once per save
        self._building: int | None = None  # the state the full build under way is of
        self._behind = True  # the files changed since the last full build started
        self._unseen = True  # a change the fast render did not show: reload tabs after the full build
        self._unbuilt: set[str] = set()  # files saved since the last full build started
        self._because: list[str] = []  # files saved before the full build under way, since the one before
        self.snapshot = Snapshot(0, None)
        self._thread = threading.Thread(target=self._run, name="limber-rebuild", daemon=True)
        self._listener = threading.Thread(target=self._listen, name="limber-build-results", daemon=True)

    def start(self) -> None:
        self._worker.start()
        self._listener.start()
        self._thread.start()

    def request(self, changed: Iterable[str] = ()) -> None:
        """Ask for a rebuild (thread-safe); *changed* names the saved files, project-relative."""
        with self._lock:
            self._changed.update(changed)
        self._wake.set()

    def stop(self) -> None:
        """Stop both ways: the fast render after its page, the full build at once."""
        with self._lock:
            self._stopping = True
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join()
        self._worker.stop()
        if self._listener.is_alive():
            self._listener.join()

    def _listen(self) -> None:
        while True:
            try:
                done = self._worker.receive()
            except (EOFError, OSError):
                return
            with self._lock:
                self._finished.append(done)
            self._wake.set()

    def _run(self) -> None:
        self._start_full()
        self._fast.load()
        while True:
            self._wake.wait()
            with self._lock:
                self._wake.clear()
                if self._stopping:
                    return
                changed, self._changed = sorted(self._changed), set()
                finished, self._finished = self._finished, []
            for done in finished:
                self._full_done(done)
            if changed:
                self._saves += 1
                self._said = set()
                self._behind = True
                self._unbuilt.update(changed)
                self._fast_pass(changed)
            if self._behind and self._building is None:
                self._start_full()

    def _show(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self._publish(snapshot)

    def _fast_pass(self, changed: list[str]) -> None:
        started = time.perf_counter()
        because = ", ".join(changed)
        if not all(path.startswith(SHOWN_FAST) for path in changed):
            self._unseen = True
        try:
            update = self._fast.update(changed)
            pages, problems = (
                self._fast.render([*update.own_pages, *self._open_pages()]) if update.ok else ({}, [])
            )
        except Exception:  # a generator bug: the full build follows and says what it is
            traceback.print_exc()
            self._unseen = True
            return
        previous = self.snapshot
        problems = [*update.problems, *problems]
        if problems if self._strict else has_errors(problems):  # as the full build will judge them
            self._say(problems)
            kept = "; still serving the last good version" if previous.root else ""
            print(f"The change to {because} did not build{kept}.", file=sys.stderr, flush=True)
            self._show(Snapshot(previous.build + 1, previous.root, tuple(problems), previous.pages))
            return
        if not pages or previous.root is None:
            self._unseen = True
            return
        self._show(Snapshot(previous.build + 1, previous.root, (), {**previous.pages, **pages}))
        took = (time.perf_counter() - started) * 1000
        count = f"{len(pages)} page{'' if len(pages) == 1 else 's'}"
        print(f"Updated {count} in {took:.0f} ms after a change to {because}; building the rest", flush=True)

    def _start_full(self) -> None:
        try:
            self._worker.send(Job(self._saves, self._project, self._folder, self._base_url, self._strict))
        except OSError:  # the build process is gone (killed, out of memory): say so where the editor looks
            message = "the build process stopped; stop the preview with Ctrl+C and start it again"
            problem = Diagnostic(PurePosixPath("build.py"), None, "internal-error", message)
            print(f"error: {message}", file=sys.stderr, flush=True)
            self._show(Snapshot(self.snapshot.build + 1, self.snapshot.root, (problem,), self.snapshot.pages))
            self._behind = False
            return
        self._building, self._behind = self._saves, False
        self._because, self._unbuilt = sorted(self._unbuilt), set()

    def _full_done(self, done: Done) -> None:
        self._building = None
        previous = self.snapshot
        if done.number != self._saves:  # of older files: the next build follows
            if done.ok and previous.root is None:
                self._show(Snapshot(previous.build + 1, self._folder, previous.problems, previous.pages))
            return
        self._say(done.diagnostics)
        took = f"{done.seconds * 1000:.0f} ms"
        because = ", ".join(self._because)
        if not done.ok:
            kept = "; still serving the last good version" if previous.root else ""
            print(f"The build failed{kept}.", file=sys.stderr, flush=True)
            # The fast pages stay: they are the last good version of the pages open, newer than root's.
            # Problems the tabs already show (found by the fast render) need no second reload.
            shown = set(done.diagnostics) == set(previous.problems)
            self._show(
                Snapshot(previous.build + (not shown), previous.root, done.diagnostics, previous.pages)
            )
            return
        print(f"Built in {took}" + (f" after a change to {because}" if because else ""), flush=True)
        shown = not self._unseen and not previous.problems and previous.root is not None
        if shown and all(self._on_disk(page) == text for page, text in previous.pages.items()):
            # The tabs already show what the build made: serve its files, with no reload.
            self._show(Snapshot(previous.build, self._folder))
        else:
            self._show(Snapshot(previous.build + 1, self._folder))
        self._unseen = False

    def _say(self, problems: Sequence[Diagnostic]) -> None:
        """Print the problems not yet printed since the last save, so each shows once per save.

        The fast render and the full build that follows it find the same problems.
        """
        new = [problem for problem in problems if problem not in self._said]
        self._said.update(new)
        if new:
            report(new, sys.stderr)

    def _on_disk(self, page: str) -> bytes | None:
        try:
            return (self._folder / page).read_bytes()
        except OSError:
            return None
