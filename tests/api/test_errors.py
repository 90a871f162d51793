"""Every 4xx and 5xx is RFC 9457 problem+json, whoever raises it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from tests.conftest import assert_problem


@pytest.mark.parametrize(
    "method, path, status",
    [
        ("GET", "/no/such/route", 404),
        ("GET", "/v1/events/0", 422),
        ("GET", "/v1/events/abc", 422),
        ("GET", "/v1/documents/999", 404),
        ("PUT", "/v1/events", 405),
        ("DELETE", "/v1/topics", 405),
        ("POST", "/v1/events", 405),
        ("GET", "/v1/events?limit=many", 422),
    ],
)
def test_framework_errors_are_problems(client, method, path, status):
    assert_problem(client.request(method, path), status)


def test_a_long_query_string_is_refused_cleanly(client):
    assert_problem(client.get("/v1/events", params={"q": "x" * 10_000}), 422)


def test_unexpected_failures_are_problems_without_internals(client, monkeypatch):
    from app import crud

    def broken(*args, **kwargs):
        raise RuntimeError("secret internals: SELECT * FROM event")

    monkeypatch.setattr(crud, "list_events", broken)
    app = create_app()
    with TestClient(app, raise_server_exceptions=False) as failing:
        body = assert_problem(failing.get("/v1/events"), 500)
    assert "SELECT" not in body["detail"] and "secret" not in body["detail"]


def test_health(client):
    assert client.get("/healthz").json() == {"status": "ok"}
