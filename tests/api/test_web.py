"""Web plumbing: ETag and 304, Cache-Control, gzip, CORS."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from tests.api import world
from tests.conftest import configured


def test_reads_carry_an_etag_and_a_match_answers_304(client):
    world.build()
    first = client.get("/v1/events")
    tag = first.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    again = client.get("/v1/events", headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == tag


def test_the_etag_changes_with_the_data(client):
    world.build()
    tag = client.get("/v1/events").headers["etag"]
    from tests.factories import event, put_document

    put_document("Brazil and Norway met.", events=(event("e0", "meeting", "2020", ("BR", "NO")),))
    assert client.get("/v1/events", headers={"If-None-Match": tag}).status_code == 200


def test_errors_and_exports_are_not_tagged(client):
    assert "etag" not in client.get("/v1/events/12345").headers
    assert "etag" not in client.get("/v1/events", params={"format": "csv"}).headers


def test_large_answers_are_gzipped(client):
    world.build()
    answer = client.get("/v1/topics", headers={"Accept-Encoding": "gzip"})
    assert answer.headers["content-encoding"] == "gzip"
    assert answer.json()["items"]


@pytest.fixture
def cors_client(tmp_path, monkeypatch):
    with (
        configured(
            monkeypatch,
            READOUT_DATABASE_URL=f"sqlite:///{tmp_path / 'cors.db'}",
            READOUT_CORS_ORIGINS="https://newsroom.example",
        ),
        TestClient(create_app()) as client,
    ):
        yield client


def test_cors_allows_the_configured_origins_only(cors_client):
    allowed = cors_client.get("/v1/topics", headers={"Origin": "https://newsroom.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://newsroom.example"
    other = cors_client.get("/v1/topics", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers
    preflight = cors_client.options(
        "/v1/documents",
        headers={
            "Origin": "https://newsroom.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Authorization",
        },
    )
    assert preflight.status_code == 200
