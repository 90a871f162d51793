"""POST, GET and DELETE /v1/documents: auth, idempotency, bad input that changes nothing."""

from __future__ import annotations

import pytest

from tests.conftest import AUTH, all_items, assert_problem

TEXT = (
    "NAIROBI, May 4 -- Kenyan President Amina Odhiambo held talks with visiting "
    "Norwegian Foreign Minister Ingrid Hansen in Nairobi on Tuesday. "
    "Odhiambo said Kenya values its partnership with Norway."
)
BODY = {
    "text": TEXT,
    "url": "https://example.org/a",
    "publisher": "Example Wire",
    "published": "2023-05-04",
    "title": "Kenya and Norway hold talks",
}


def counts(client) -> tuple[int, int]:
    return len(all_items(client, "/v1/events")), len(all_items(client, "/v1/statements"))


def test_post_stores_the_document_and_answers_its_ids(client):
    answer = client.post("/v1/documents", json=BODY, headers=AUTH)
    assert answer.status_code == 201
    body = answer.json()
    assert body["created"] is True
    document = client.get(f"/v1/documents/{body['document']['id']}").json()
    assert document["text"] == TEXT
    assert document["publisher"] == "Example Wire"
    assert document["published"] == "2023-05-04"
    assert document["event_ids"] == sorted(body["events"])
    assert document["statement_ids"] == body["statements"]


def test_the_same_text_is_stored_once(client):
    first = client.post("/v1/documents", json=BODY, headers=AUTH)
    again = client.post("/v1/documents", json={"text": TEXT}, headers=AUTH)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["document"]["id"] == first.json()["document"]["id"]
    assert again.json()["events"] == first.json()["events"]
    assert again.json()["statements"] == first.json()["statements"]
    assert again.json()["created"] is False


@pytest.mark.parametrize(
    "headers, status",
    [
        ({}, 401),
        ({"Authorization": "Bearer wrong"}, 403),
        ({"Authorization": "Basic abc"}, 401),
        ({"Authorization": "Bearer "}, 401),
    ],
)
def test_writing_needs_a_key(client, headers, status):
    assert_problem(client.post("/v1/documents", json=BODY, headers=headers), status)
    assert counts(client) == (0, 0)


def test_without_configured_keys_the_service_is_read_only(readonly_client):
    assert_problem(
        readonly_client.post("/v1/documents", json=BODY, headers=AUTH),
        403,
        detail_contains="READOUT_API_KEYS",
    )
    assert readonly_client.get("/v1/events").status_code == 200


@pytest.mark.parametrize(
    "body, status",
    [
        ({}, 422),
        ({"text": ""}, 422),
        ({"text": "   \n "}, 422),
        ({"text": 42}, 422),
        ({"text": "A text.", "published": "2023-02-30"}, 422),
        ({"text": "A text.", "published": "yesterday"}, 422),
        ({"text": "A text \u0000 with NUL."}, 422),
        ([], 422),
    ],
)
def test_bad_bodies_are_refused_and_change_nothing(client, body, status):
    assert_problem(client.post("/v1/documents", json=body, headers=AUTH), status)
    assert counts(client) == (0, 0)


def test_a_body_that_is_not_json_is_a_bad_request(client):
    answer = client.post(
        "/v1/documents",
        content=b'{"text": "unfinished',
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert_problem(answer, 400, detail_contains="JSON")


def test_text_over_the_limit_is_413(client):
    answer = client.post("/v1/documents", json={"text": "a" * 2_000_001}, headers=AUTH)
    assert_problem(answer, 413)
    assert counts(client) == (0, 0)


def test_a_body_over_the_request_limit_is_413_before_parsing(client):
    answer = client.post(
        "/v1/documents",
        content=b"x" * 8_000_001,
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert_problem(answer, 413)


def test_delete_removes_the_document_and_what_only_it_supported(client):
    created = client.post("/v1/documents", json=BODY, headers=AUTH).json()
    document_id = created["document"]["id"]
    assert_problem(client.delete(f"/v1/documents/{document_id}"), 401)
    assert client.delete(f"/v1/documents/{document_id}", headers=AUTH).status_code == 204
    assert_problem(client.get(f"/v1/documents/{document_id}"), 404)
    assert counts(client) == (0, 0)
    assert_problem(client.delete(f"/v1/documents/{document_id}", headers=AUTH), 404)


def test_writes_are_rate_limited_per_key(client):
    from app.api.ratelimit import RateLimiter

    client.app.state.write_limiter = RateLimiter(per_minute=2)
    for n in range(2):
        answer = client.post("/v1/documents", json={"text": f"Text number {n}."}, headers=AUTH)
        assert answer.status_code == 201
    refused = client.post("/v1/documents", json={"text": "One too many."}, headers=AUTH)
    assert_problem(refused, 429)
    assert int(refused.headers["retry-after"]) >= 1
    assert client.get("/v1/events").status_code == 200  # reading is not limited


def test_the_limiter_refills_with_time(monkeypatch):
    from app.api import ratelimit

    now = [1000.0]
    monkeypatch.setattr(ratelimit.time, "monotonic", lambda: now[0])
    limiter = ratelimit.RateLimiter(per_minute=60)
    assert all(limiter.wait_seconds("k") == 0 for _ in range(60))
    assert limiter.wait_seconds("k") == pytest.approx(1.0)
    assert limiter.wait_seconds("other key") == 0
    now[0] += 1.0
    assert limiter.wait_seconds("k") == 0
    assert ratelimit.RateLimiter(per_minute=0).wait_seconds("k") == 0
