"""`build.py serve` run as a user runs it: a real process on a free port of 127.0.0.1.

Shared by the end-to-end and browser tests of the preview. Waiting is always polling with a
deadline, so a check passes as soon as the page changes and fails if it never does.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from tests.conftest import ROOT

DEADLINE = 180.0  # seconds: a cold build of the guide at a load of 12 on 2 cores; spent only on failure


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    """Status and text of *url*, 4xx and 5xx included."""
    try:
        with urllib.request.urlopen(url, timeout=DEADLINE / 2) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", errors="replace")


def wait_until(predicate: Callable[[], bool], seconds: float = DEADLINE) -> bool:
    """Poll *predicate* until it holds (True) or the deadline passes (False)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.05)
    return False


def run_serve(project: Path, temp: Path, *args: str) -> subprocess.Popen[str]:
    """Start `build.py serve` on *project*, with its temporary files under *temp*."""
    temp.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(temp), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "serve", "--project", str(project), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )


class Preview:
    """A running preview of *project*: its URL, its output so far, and a way to stop it."""

    def __init__(
        self, project: Path, temp: Path, *args: str, port: int | None = None, path: str = "/"
    ) -> None:
        self.project = project
        self.temp = temp
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}{path}"
        self.process = run_serve(project, temp, "--port", str(self.port), *args)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def page(self, path: str = "") -> str:
        return fetch(self.url + path)[1]

    def wait_for_text(self, path: str, text: str, seconds: float = DEADLINE) -> bool:
        return wait_until(lambda: text in self.page(path), seconds)

    def stop(self, signum: int = signal.SIGTERM) -> int:
        """Send *signum* and wait for the process to end; returns its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signum)
        try:
            code = self.process.wait(timeout=DEADLINE)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
        self._reader.join(timeout=5)
        return code
