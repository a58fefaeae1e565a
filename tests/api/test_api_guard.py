"""The guard in front of the app: timeouts for slow handlers and slow senders, CORS only when asked for."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest
import uvicorn

from eventwire.api.guard import Guard, Limits


async def slow_app(scope, receive, send) -> None:
    """An ASGI app that answers after two seconds: longer than the limit the tests set."""
    if scope["type"] != "http":
        return
    await asyncio.sleep(2)
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"late"})


@pytest.fixture
def slow_server():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    limits = Limits(timeout_s=0.5, write_timeout_s=0.5)
    server = uvicorn.Server(uvicorn.Config(Guard(slow_app, limits), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def test_a_slow_handler_gets_503_in_time(slow_server):
    started = time.monotonic()
    response = httpx.get(slow_server + "/anything", timeout=10)
    assert response.status_code == 503 and "longer than 0.5 s" in response.json()["detail"]
    assert time.monotonic() - started < 1.8
    assert "content-security-policy" in response.headers


def test_a_body_sent_too_slowly_gets_408(slow_server):
    def trickle():
        yield b"["
        time.sleep(1.5)
        yield b"]"

    response = httpx.post(slow_server + "/api/documents", content=trickle(), timeout=10)
    assert response.status_code == 408


def test_cors_answers_only_the_origins_given(serve_with):
    server = serve_with(cors_origins=["https://newsroom.example"])
    allowed = httpx.get(server.base + "/api/events", headers={"Origin": "https://newsroom.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://newsroom.example"
    other = httpx.get(server.base + "/api/events", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers


def test_serve_fails_in_one_line_on_a_bad_database(tmp_path):
    done = subprocess.run([sys.executable, "-m", "eventwire.cli", "serve", "--db",
                           f"sqlite:///{tmp_path}/missing/dir/x.db", "--port", "1"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "database directory does not exist" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_serve_refuses_a_short_token(crisis_db):
    done = subprocess.run([sys.executable, "-m", "eventwire.cli", "serve", "--db", crisis_db, "--token", "abc"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "at least 8 characters" in done.stderr
