"""A FIFO, socket or unreadable entry under content/ is an error at its path; the build never hangs."""

import contextlib
import os
import socket
import threading
from pathlib import Path

import pytest

from limber.load.sources import load_sources


def load_without_hanging(project: Path, fifos: list[Path]) -> list[str]:
    """load_sources in a thread; if it blocks on a FIFO, open the FIFO's other end to free it."""
    found: list[str] = []
    worker = threading.Thread(target=lambda: found.extend(str(p) for p in load_sources(project)[1]))
    worker.start()
    worker.join(timeout=20)
    hung = worker.is_alive()
    while worker.is_alive():
        for fifo in fifos:
            with contextlib.suppress(OSError):  # only the FIFO being read has a reader
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(timeout=0.1)
    assert not hung, "reading content/ blocked on a FIFO"
    return found


@pytest.fixture
def content(tmp_path: Path) -> Path:
    for folder in ("exercises", "images"):
        (tmp_path / "content" / folder).mkdir(parents=True)
    return tmp_path / "content"


def test_a_fifo_is_an_error_and_the_load_does_not_hang(content: Path):
    fifos = [content / "exercises" / "pipe.md", content / "images" / "pipe.png", content / "site.yaml"]
    for fifo in fifos:
        os.mkfifo(fifo)

    problems = load_without_hanging(content.parent, fifos)

    assert problems == [
        "content/exercises/pipe.md: error[not-a-regular-file]: this is a FIFO (named pipe), not a regular file; remove it",
        "content/images/pipe.png: error[not-a-regular-file]: this is a FIFO (named pipe), not a regular file; remove it",
        "content/site.yaml: error[not-a-regular-file]: this is a FIFO (named pipe), not a regular file; remove it",
    ]


def test_a_symlink_to_a_fifo_inside_content_is_an_error(content: Path):
    fifo = content / "exercises" / "pipe"
    os.mkfifo(fifo)
    (content / "exercises" / "link.md").symlink_to(fifo)

    problems = load_without_hanging(content.parent, [fifo])

    assert problems == [
        "content/exercises/link.md: error[not-a-regular-file]: this is a FIFO (named pipe), not a regular file; remove it",
        "content/exercises/pipe: warning[ignored-file]: not content: ignored, and not copied to the site",
    ]


def test_a_socket_is_an_error(content: Path):
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(content / "exercises" / "sock.md"))
        problems = load_without_hanging(content.parent, [])
    finally:
        server.close()

    assert problems == [
        "content/exercises/sock.md: error[not-a-regular-file]: this is a socket, not a regular file; remove it"
    ]


def test_a_dangling_symlink_is_an_error_not_a_traceback(content: Path):
    (content / "exercises" / "gone.md").symlink_to(content / "exercises" / "missing.md")

    problems = load_without_hanging(content.parent, [])

    assert problems == [
        "content/exercises/gone.md: error[unreadable-file]: cannot be read: No such file or directory"
    ]
