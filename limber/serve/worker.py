"""The preview's builds, in a process of their own that keeps the site in memory.

The process starts once and keeps one SiteBuild (limber.build.pipeline), the path `build.py` builds
by. For each batch of saves it brings the site up to date (only the saved files are read; a
body edit needs no linking), renders the pages open in a tab and the saved records' own pages
and sends them at once (Shown), then builds the whole site into the served folder (Done), as
`build.py` does: a failed build leaves the folder as it was. A newer batch of saves stops a
build between its stages (Superseded): the newer one is what the editor wants to see.

In a child process a build never holds up the server, it can use both cores (a process with
threads may not fork; this one has none), and it works at a lower priority than the server.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
import traceback
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path, PurePosixPath

from limber.build.cache import CACHE_DIR
from limber.build.pipeline import SiteBuild
from limber.build.result import Superseded
from limber.diagnostics import Diagnostic

NICENESS = 10
STOP_WAIT_S = 5.0


@dataclass(frozen=True, slots=True)
class Job:
    number: int  # which state of the files this build is of (the preview counts them)
    project: Path
    out: Path
    base_url: str
    strict: bool
    changed: tuple[str, ...] = ()  # the files saved since the last job, project-relative
    first: tuple[str, ...] = ()  # page files to render and send before the whole build

    def after(self, earlier: Job) -> Job:
        """The job that does this one and an *earlier* one not yet started: both batches of saves."""
        changed = tuple(sorted({*earlier.changed, *self.changed}))
        return replace(self, changed=changed, first=tuple(dict.fromkeys((*self.first, *earlier.first))))


@dataclass(frozen=True, slots=True)
class Shown:
    """The pages open in a tab and the saved records' own pages, made at once after a save."""

    number: int
    pages: dict[str, bytes]  # page file -> page
    problems: tuple[Diagnostic, ...]


@dataclass(frozen=True, slots=True)
class Done:
    number: int
    ok: bool  # built and written
    diagnostics: tuple[Diagnostic, ...]
    seconds: float


class Worker:
    """The build process: send() a Job, receive() its Done, one at a time."""

    def __init__(self) -> None:
        context = multiprocessing.get_context(
            "spawn"
        )  # a fresh interpreter: the server's threads stay behind
        self._conn, child = context.Pipe()
        self._child = child
        self._process = context.Process(target=main, args=(child,), name="limber-build")

    def start(self) -> None:
        self._process.start()
        self._child.close()

    def send(self, job: Job) -> None:
        self._conn.send(job)

    def receive(self) -> Shown | Done:
        """The next pages shown or build finished; EOFError once the process has stopped."""
        message = self._conn.recv()
        assert isinstance(message, Shown | Done)
        return message

    def stop(self) -> None:
        """Stop the process and its build's workers, mid-build if need be.

        The half-written folder is the server's to remove.
        """
        for signum in (signal.SIGTERM, signal.SIGKILL):
            if not self._process.is_alive():
                break
            pid = self._process.pid
            assert pid is not None  # alive, so started
            try:  # the process group: the build process and the pool workers it forked
                os.killpg(pid, signum)
            except (ProcessLookupError, PermissionError):  # not its own group yet
                os.kill(pid, signum)
            self._process.join(STOP_WAIT_S)
        self._conn.close()


def main(conn: Connection) -> None:
    """The build process: build each Job received, until the server closes the connection."""
    # A process group of its own: Ctrl+C in the terminal reaches the server alone, and the
    # server stops this process and its pool workers together (Worker.stop). SIGTERM keeps its
    # default, which ends a process outright: a handler would be inherited by the pool
    # workers, which Pool itself stops with SIGTERM (with one, a pool could hang at its end).
    os.setpgrp()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    site: SiteBuild | None = None
    kept_for: tuple[object, ...] = ()  # the project and options the site in memory is built with
    while True:
        try:
            job = conn.recv()
            while conn.poll():  # saves come faster than builds: take them all in one
                job = conn.recv().after(job)
        except EOFError:
            return
        if site is None or kept_for != (job.project, job.base_url, job.strict):
            kept_for = (job.project, job.base_url, job.strict)
            site = SiteBuild(
                job.project,
                base_url=job.base_url,
                strict=job.strict,
                cache_dir=job.project / CACHE_DIR,
                incremental=True,
            )
        started = time.perf_counter()
        try:
            if job.changed:
                update = site.update(job.changed)
                pages, problems = site.render([*update.own_pages, *job.first]) if update.ok else ({}, [])
                conn.send(Shown(job.number, pages, (*update.problems, *problems)))
            result = site.build(job.out, stop=conn.poll)
            ok, diagnostics = result.ok, tuple(result.diagnostics)
        except Superseded:
            continue  # the next job, already sent, builds the newer files
        except (
            Exception
        ) as err:  # a generator bug must not end the preview; the traceback goes to the terminal
            traceback.print_exc()
            message = f"the build stopped with {type(err).__name__}: {err} (the terminal shows where)"
            ok, diagnostics = False, (Diagnostic(PurePosixPath("build.py"), None, "internal-error", message),)
        conn.send(Done(job.number, ok, diagnostics, time.perf_counter() - started))
