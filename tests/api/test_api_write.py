"""Writing through the API, and the limits in front of every request: a real server, a real SQLite file."""

from __future__ import annotations

import httpx

from eventwire.api.guard import Limits

ARTICLE = {
    "id": "vd-bridge",
    "title": "<script>alert('t')</script>Bridge closed near Osterby",
    "text": "Engineers closed the old bridge near Osterby on March 6 after shelling damaged its pillars. "
            "<img src=x onerror=alert('x')> Officials said 300 residents were evacuated.",
    "published": "2031-03-07",
}


def post(server, body, token: str | None = None, authorization: str | None = None) -> httpx.Response:
    authorization = authorization or (f"Bearer {token}" if token else None)
    headers = {"Authorization": authorization} if authorization else {}
    return httpx.post(server.base + "/api/documents", json=body, headers=headers, timeout=120)


def test_loopback_without_token_ingests_once_and_shows_it_escaped(serve_with, tmp_path):
    server = serve_with(db_url=f"sqlite:///{tmp_path / 'w.db'}")
    first = post(server, ARTICLE)
    assert first.status_code == 201, first.text
    assert first.json() == {"stored": 1, "documents": ["vd-bridge"], "errors": []}
    assert post(server, [ARTICLE]).json()["stored"] == 0  # idempotent
    assert httpx.get(server.base + "/api/documents").json()["count"] == 1
    page = httpx.get(server.base + "/documents/vd-bridge").text
    assert "Engineers closed the old bridge" in page
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;Bridge closed" in page  # Jinja2 autoescape: ' is &#39;


def test_a_token_is_required_when_set(serve_with, tmp_path):
    server = serve_with(db_url=f"sqlite:///{tmp_path / 'w.db'}", token="s3cret-token")
    assert post(server, ARTICLE).status_code == 401
    assert post(server, ARTICLE, token="s3cret-tokem").status_code == 401
    assert post(server, ARTICLE, authorization="Basic s3cret-token").status_code == 401
    assert post(server, ARTICLE, token="s3cret-token").status_code == 201
    assert httpx.get(server.base + "/api/documents").status_code == 200  # reading stays open


def test_a_public_address_without_token_refuses_writes(serve_with, tmp_path):
    server = serve_with(db_url=f"sqlite:///{tmp_path / 'w.db'}", host="0.0.0.0")
    response = post(server, ARTICLE)
    assert response.status_code == 403 and "--token" in response.json()["detail"]


def test_bad_bodies_get_one_clear_answer(serve_with, tmp_path):
    server = serve_with(db_url=f"sqlite:///{tmp_path / 'w.db'}")
    malformed = httpx.post(server.base + "/api/documents", content=b"{not json", timeout=30)
    assert malformed.status_code == 400 and "malformed JSON" in malformed.json()["detail"]
    wrong = post(server, [{"id": "x"}, 42])
    assert wrong.status_code == 422
    assert len(wrong.json()["errors"]) == 2 and wrong.json()["stored"] == 0
    assert post(server, [ARTICLE] * 201).status_code == 413
    assert post(server, []).status_code == 422


def test_request_size_and_rate_limits(serve_with, tmp_path):
    server = serve_with(db_url=f"sqlite:///{tmp_path / 'w.db'}",
                        limits=Limits(max_body_bytes=2000, rate_per_second=0.5, burst=4))
    assert post(server, {**ARTICLE, "text": "x" * 5000}).status_code == 413
    # a body that declares no length is counted as it streams in
    chunks = (b"[" + b" " * 1000 for _ in range(5))
    assert httpx.post(server.base + "/api/documents", content=chunks, timeout=30).status_code == 413
    answers = [httpx.get(server.base + "/api/health").status_code for _ in range(4)]
    assert answers[-1] == 429 and answers[0] == 200
