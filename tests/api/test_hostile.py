"""Hostile requests: each answered 4xx problem+json, and the database unchanged."""

from __future__ import annotations

import json

import pytest
from sqlmodel import Session, func, select

from app.db import get_engine
from app.models import Document, Event, Statement
from tests.api import world
from tests.conftest import AUTH, all_items, assert_problem


def snapshot() -> tuple[int, int, int]:
    with Session(get_engine()) as session:
        return tuple(  # type: ignore[return-value]
            session.exec(select(func.count()).select_from(model)).one()
            for model in (Document, Event, Statement)
        )


@pytest.fixture
def stored(client):
    world.build()
    return snapshot()


JSON = {**AUTH, "Content-Type": "application/json"}


@pytest.mark.parametrize(
    "content, headers, status",
    [
        (b"", JSON, 422),
        (b"null", JSON, 422),
        (b"[1, 2]", JSON, 422),
        (b'{"text": ["a list"]}', JSON, 422),
        (b'{"text": "ok", "published": 20240101}', JSON, 422),
        (b'{"text": "ok", "published": "2024-02-30"}', JSON, 422),
        (b'{"text": "ok", "published": "0000-00-00"}', JSON, 422),
        (b'{"text": "\xff\xfe invalid utf-8"}', JSON, 400),
        (b'{"text": "NUL \\u0000 inside"}', JSON, 422),
        (b'{"text": "a", "url": "' + b"x" * 5000 + b'"}', JSON, 422),
        (b"[" * 10_000 + b"]" * 10_000, JSON, 400),
        (b"text=hello", {**AUTH, "Content-Type": "application/x-www-form-urlencoded"}, 422),
        (b"just some text", {**AUTH, "Content-Type": "text/plain"}, 422),
        (
            b'{"text": "forged"}',
            {"Authorization": "Bearer ' OR 1=1 --", "Content-Type": "application/json"},
            403,
        ),
    ],
)
def test_bad_writes_change_nothing(client, stored, content, headers, status):
    answer = client.post("/v1/documents", content=content, headers=headers)
    assert (
        answer.status_code in (400, 422) if status in (400, 422) else answer.status_code == status
    )
    assert_problem(answer, answer.status_code)
    assert snapshot() == stored


@pytest.mark.parametrize(
    "path, params",
    [
        ("/v1/events", {"q": "'; DROP TABLE event; --"}),
        ("/v1/events", {"speaker": "x' OR '1'='1"}),
        ("/v1/statements", {"q": "%_%"}),
        ("/v1/statements", {"q": "<script>alert(1)</script>"}),
        ("/v1/speakers", {"q": "\\"}),
    ],
)
def test_injection_strings_are_just_text(client, stored, path, params):
    answer = client.get(path, params=params)
    assert answer.status_code in (200, 422)
    if answer.status_code == 200:
        assert answer.json()["items"] == []
    else:
        assert_problem(answer, 422)
    assert snapshot() == stored


@pytest.mark.parametrize("path", ["/v1/events", "/v1/statements", "/v1/speakers"])
def test_nul_in_a_query_is_refused_on_every_database(client, stored, path):
    assert_problem(client.get(path, params={"q": "\u202e\u0000"}), 400, detail_contains="NUL")
    assert snapshot() == stored


@pytest.mark.parametrize(
    "path",
    [
        "/v1/events/2147483648",
        "/v1/documents/99999999999",
        "/v1/statements/4294967296",
        "/v1/statements?event_id=2147483648",
        "/v1/events?speaker=99999999999",
    ],
)
def test_ids_beyond_32_bits_are_refused_or_match_nothing(client, stored, path):
    answer = client.get(path)
    if answer.status_code == 200:
        assert answer.json()["items"] == []
    else:
        assert_problem(answer, 422)


@pytest.mark.parametrize(
    "params",
    [
        {"country": "BE' OR 1=1"},
        {"pair": "CN-BE-FR"},
        {"year": "2021; DROP"},
        {"limit": "-1"},
        {"type": "<b>meeting</b>"},
        {"cursor": "eyJkYXRlIjoiJyBPUiAxPTEifQ"},
        {"date_from": "2021-13-01"},
        {"updated_since": "yesterday"},
        {"q": "x" * 10_000},
    ],
)
def test_bad_filters_are_refused(client, stored, params):
    answer = client.get("/v1/events", params=params)
    assert answer.status_code in (400, 422)
    assert_problem(answer, answer.status_code)


def test_html_in_a_document_comes_back_as_inert_text(client):
    text = 'Kenyan President <img src=x onerror=alert(1)> said "<script>x()</script>" today.'
    created = client.post(
        "/v1/documents", json={"text": text, "title": "<b>bold</b>"}, headers=AUTH
    ).json()
    answer = client.get(f"/v1/documents/{created['document']['id']}")
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.json()["text"] == text
    assert answer.json()["title"] == "<b>bold</b>"


def test_wrong_methods_and_unknown_routes(client, stored):
    for method, path in [
        ("PATCH", "/v1/documents/1"),
        ("PUT", "/v1/documents"),
        ("POST", "/v1/statements"),
        ("GET", "/v1/documents"),
    ]:
        answer = client.request(method, path, headers=AUTH)
        assert answer.status_code in (404, 405)
        assert_problem(answer, answer.status_code)
    assert snapshot() == stored


def test_no_answer_carries_a_stack_trace_or_sql(client, stored):
    bodies = [
        client.get("/v1/events", params={"cursor": "Wy"}).text,
        client.post("/v1/documents", content=b"{", headers=JSON).text,
        client.get("/v1/events/99999999").text,
    ]
    for body in bodies:
        assert "Traceback" not in body and "SELECT" not in body and "sqlite" not in body.lower()
    assert len(all_items(client, "/v1/events")) == stored[1]
    assert json.loads(bodies[0])["status"] == 400


@pytest.mark.parametrize("speaker", ["²", "١٢", "３"])
def test_digits_that_are_not_ascii_are_names_not_ids(client, stored, speaker):
    assert client.get("/v1/statements", params={"speaker": speaker}).json()["items"] == []
