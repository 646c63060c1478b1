"""The preview's full builds, in a process of their own.

A full build of a big site takes seconds, a minute at 10,000 exercises. Run in a child
process, it never holds up the server or the fast render (limber.serve.fast), it can use
both cores (a process with threads may not fork; this one has none), and it works at a lower
priority, so the fast render of the next save is not kept waiting for a core. The process
starts once and keeps a Memory, so each build reads and checks only the files that changed;
the build cache in the project keeps the rest. Builds write the served folder as `build.py`
does: a failed one leaves it as it was.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path, PurePosixPath

from limber.cache import CACHE_DIR
from limber.diagnostics import Diagnostic
from limber.pipeline import Memory, build

NICENESS = 10
STOP_WAIT_S = 5.0


@dataclass(frozen=True, slots=True)
class Job:
    number: int  # which state of the files this build is of (the preview counts them)
    project: Path
    out: Path
    base_url: str
    strict: bool


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

    def receive(self) -> Done:
        """The next finished build; EOFError once the process has stopped."""
        done = self._conn.recv()
        assert isinstance(done, Done)
        return done

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
    memory = Memory()
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        started = time.perf_counter()
        try:
            result = build(
                job.project,
                job.out,
                base_url=job.base_url,
                strict=job.strict,
                cache_dir=job.project / CACHE_DIR,
                memory=memory,
            )
            ok, diagnostics = result.ok, tuple(result.diagnostics)
        except (
            Exception
        ) as err:  # a generator bug must not end the preview; the traceback goes to the terminal
            traceback.print_exc()
            message = f"the build stopped with {type(err).__name__}: {err} (the terminal shows where)"
            ok, diagnostics = False, (Diagnostic(PurePosixPath("build.py"), None, "internal-error", message),)
        conn.send(Done(job.number, ok, diagnostics, time.perf_counter() - started))
