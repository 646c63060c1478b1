"""Rebuilds for the preview: the open pages at once, the whole site behind them.

Both come from the build process (limber.serve.worker), which keeps the site in memory. Each
batch of saves is sent to it as a Job; it answers first with the pages open in a tab and the
saved records' own pages (Shown), which the server shows on top of the last build straight
away, then with the whole site built into the served folder (Done). Saves made during a build
stop it and are built with it, so the last save is always built, however quickly saves
follow each other.

Every change of what is served becomes a Snapshot that the server publishes. A broken save
keeps the last good pages and shows its problems.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from limber.diagnostics import Diagnostic, has_errors, report
from limber.serve.worker import Done, Job, Shown, Worker

# Saves shown at once in full: any other (an asset, an image) reloads the tabs when the build ends.
SHOWN_AT_ONCE = ("content/", "templates/")


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the preview shows: the last good site, and the problems of the latest saves if they fail."""

    build: int  # each page carries it, so a tab can tell it is behind; a new one makes tabs reload
    root: Path | None  # the last good full build's folder; None until a build has succeeded
    problems: tuple[Diagnostic, ...] = ()  # empty when the latest saves built
    pages: Mapping[str, bytes] = field(
        default_factory=dict
    )  # page file -> page made at once after a save, served over root


class Rebuilder:
    """Turns each batch of saves into snapshots, from what the build process sends back.

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
        self._worker = Worker()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._changed: set[str] = set()
        self._received: list[Shown | Done] = []
        self._stopping = False
        self._saves = 0  # batches of saves so far: which state of the files a build is of
        self._asked = 0.0  # when the latest batch was sent
        self._said: set[Diagnostic] = set()  # problems printed since the last save: each once per save
        self._unseen = True  # a change not shown at once: reload tabs after the build
        self._unbuilt: list[str] = []  # files saved since the last build of the latest files
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
        """Stop the thread, then the build process at once."""
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
                message = self._worker.receive()
            except (EOFError, OSError):
                return
            with self._lock:
                self._received.append(message)
            self._wake.set()

    def _run(self) -> None:
        self._send(())
        while True:
            self._wake.wait()
            with self._lock:
                self._wake.clear()
                if self._stopping:
                    return
                changed, self._changed = sorted(self._changed), set()
                received, self._received = self._received, []
            for message in received:
                if isinstance(message, Shown):
                    self._shown(message)
                else:
                    self._done(message)
            if changed:
                self._saves += 1
                self._said = set()
                self._unbuilt = sorted({*self._unbuilt, *changed})
                if not all(path.startswith(SHOWN_AT_ONCE) for path in changed):
                    self._unseen = True
                self._send(changed)

    def _show(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self._publish(snapshot)

    def _send(self, changed: Sequence[str]) -> None:
        self._asked = time.perf_counter()
        first = tuple(self._open_pages()) if changed else ()
        job = Job(
            self._saves, self._project, self._folder, self._base_url, self._strict, tuple(changed), first
        )
        try:
            self._worker.send(job)
        except OSError:  # the build process is gone (killed, out of memory): say so where the editor looks
            message = "the build process stopped; stop the preview with Ctrl+C and start it again"
            problem = Diagnostic(PurePosixPath("build.py"), None, "internal-error", message)
            print(f"error: {message}", file=sys.stderr, flush=True)
            self._show(Snapshot(self.snapshot.build + 1, self.snapshot.root, (problem,), self.snapshot.pages))

    def _shown(self, shown: Shown) -> None:
        """The pages open in a tab, made at once: shown over the last build until the new one is in."""
        if shown.number != self._saves:  # newer saves are on their way
            return
        previous = self.snapshot
        because = ", ".join(self._unbuilt)
        problems = list(shown.problems)
        if problems if self._strict else has_errors(problems):  # as the build will judge them
            self._say(problems)
            kept = "; still serving the last good version" if previous.root else ""
            print(f"The change to {because} did not build{kept}.", file=sys.stderr, flush=True)
            self._show(Snapshot(previous.build + 1, previous.root, tuple(problems), previous.pages))
            return
        if not shown.pages or previous.root is None:
            self._unseen = True
            return
        self._show(Snapshot(previous.build + 1, previous.root, (), {**previous.pages, **shown.pages}))
        took = (time.perf_counter() - self._asked) * 1000
        count = f"{len(shown.pages)} page{'' if len(shown.pages) == 1 else 's'}"
        print(f"Updated {count} in {took:.0f} ms after a change to {because}; building the rest", flush=True)

    def _done(self, done: Done) -> None:
        previous = self.snapshot
        if done.number != self._saves:  # of older files: the build of the newer ones follows
            if done.ok and previous.root is None:
                self._show(Snapshot(previous.build + 1, self._folder, previous.problems, previous.pages))
            return
        self._say(done.diagnostics)
        took = f"{done.seconds * 1000:.0f} ms"
        because, self._unbuilt = ", ".join(self._unbuilt), []
        if not done.ok:
            kept = "; still serving the last good version" if previous.root else ""
            print(f"The build failed{kept}.", file=sys.stderr, flush=True)
            # The pages shown at once stay: they are the last good version of the pages open, newer than root's.
            # Problems the tabs already show (found at once after the save) need no second reload.
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

        The pages shown at once and the build that follows find the same problems.
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
