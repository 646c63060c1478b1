"""The preview answers over-long paths quietly and only requests addressed to this machine."""

from __future__ import annotations

import base64
import http.client
import os

import pytest

from limber.serve.files import MAX_NAME, MAX_PATH
from tests.conftest import copy_project
from tests.preview import Preview, fetch, wait_until


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("hardened")
    preview = Preview(copy_project(root / "project"), root / "tmp")
    try:
        assert wait_until(lambda: fetch(preview.url)[0] == 200), preview.output
        yield preview
    finally:
        preview.stop()


def get(
    port: int, path: str, host: str | None = None, headers: dict[str, str] | None = None
) -> tuple[int, str]:
    """Status and body of GET *path* sent as written, with *host* as the Host header."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.putrequest("GET", path, skip_host=host is not None, skip_accept_encoding=True)
        if host is not None:
            connection.putheader("Host", host)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", errors="replace")
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/" + "a" * (MAX_NAME + 1), 404),
        ("/exercises/" + "%C3%A9" * 200 + "/", 404),  # 200 characters, 400 bytes
        ("/" + "/".join(["b" * 200] * 30), 414),
        ("/" + "c" * (MAX_PATH + 10), 414),
        ("/" + "d" * 5000 + "/", 414),
    ],
)
def test_an_over_long_path_is_answered_quietly(running, path, status):
    found, _ = get(running.port, path)

    assert found == status
    assert wait_until(lambda: get(running.port, "/")[0] == 200)
    assert "Traceback" not in running.output
    assert "OSError" not in running.output


@pytest.mark.parametrize(
    "host",
    ["evil.example", "evil.example:{port}", "127.0.0.1.nip.io:{port}", "localhost.evil.example:{port}"],
)
def test_a_host_that_is_not_this_machine_is_refused(running, host):
    status, body = get(running.port, "/", host.format(port=running.port))

    assert status == 403
    assert "chin" not in body.lower()


def test_a_reload_socket_for_another_host_is_refused(running):
    key = base64.b64encode(os.urandom(16)).decode()
    upgrade = {
        "Upgrade": "websocket",
        "Connection": "Upgrade",
        "Sec-WebSocket-Key": key,
        "Sec-WebSocket-Version": "13",
    }

    refused, _ = get(running.port, "/livereload", f"evil.example:{running.port}", upgrade)
    accepted, _ = get(running.port, "/livereload", f"127.0.0.1:{running.port}", upgrade)

    assert (refused, accepted) == (403, 101)


@pytest.mark.parametrize(
    "host", ["127.0.0.1:{port}", "localhost:{port}", "[::1]:{port}", "LOCALHOST:{port}", "127.0.0.1"]
)
def test_the_addresses_of_this_machine_are_served(running, host):
    status, body = get(running.port, "/", host.format(port=running.port))

    assert status == 200
    assert "<html" in body


def test_a_request_without_a_host_header_is_served(running: Preview):
    connection = http.client.HTTPConnection("127.0.0.1", running.port, timeout=30)
    try:
        connection._http_vsn, connection._http_vsn_str = 10, "HTTP/1.0"  # HTTP/1.0 needs no Host
        connection.putrequest("GET", "/", skip_host=True, skip_accept_encoding=True)
        connection.endheaders()
        assert connection.getresponse().status == 200
    finally:
        connection.close()
