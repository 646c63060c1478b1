"""`build.py serve`: serves a fresh build, rebuilds on change, survives broken content."""

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


@pytest.fixture
def server(project):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "serve", "--project", str(project), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: "Chin tucks" in fetch(url + "exercises/")), "the server did not start"
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_rebuilds_on_change_and_keeps_the_last_good_site_on_errors(project, server):
    exercise = project / "content" / "exercises" / "chin-tuck.md"
    original = exercise.read_text()

    exercise.write_text(original.replace("title: Chin tucks", "title: Chin glides"))
    assert wait_for(lambda: "Chin glides" in fetch(server + "exercises/chin-tuck/"))

    exercise.write_text(original.replace("level: beginner", "level: expert"))
    time.sleep(2)
    assert "Chin glides" in fetch(server + "exercises/chin-tuck/")
    assert not (project / "site").exists()  # serve never writes site/
