"""CSV, NDJSON and PLOVER-style exports of whole filtered lists."""

from __future__ import annotations

import csv
import io
import json

import pytest

from app import exports
from tests.api import world
from tests.conftest import assert_problem


@pytest.fixture
def docs(client, monkeypatch):
    monkeypatch.setattr(exports, "PAGE", 2)  # so that five events take three pages
    return world.build()


def rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.text)))


def test_events_as_csv_one_flat_row_each(client, docs):
    answer = client.get("/v1/events", params={"format": "csv"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert 'filename="readout-events.csv"' in answer.headers["content-disposition"]
    table = rows(answer)
    assert len(table) == 5
    (call,) = [r for r in table if r["type"] == "video_call"]
    assert call["countries"] == "JP; KE"
    assert call["participants"] == "Amina Odhiambo; Kenji Sato"
    assert call["topics"] == "climate-change; trade"
    assert call["date"] == "2022-03-04"


def test_accept_header_chooses_csv_and_filters_apply(client, docs):
    answer = client.get(
        "/v1/statements", params={"speaker": "mendes"}, headers={"Accept": "text/csv"}
    )
    table = rows(answer)
    assert {r["speaker_name"] for r in table} == {"Carlos Mendes"}
    assert len(table) == 2
    assert {"speaker_country", "start", "end", "text"} <= set(table[0])


def test_an_empty_export_still_has_its_header(client):
    answer = client.get("/v1/statements", params={"format": "csv", "q": "nothing like this"})
    assert answer.text.splitlines()[0].startswith("id,event_id,speaker_id")
    assert rows(answer) == []


def test_ndjson_streams_every_page(client, docs):
    answer = client.get("/v1/events", params={"format": "ndjson"})
    assert answer.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in answer.text.splitlines()]
    assert len(lines) == 5
    assert len({e["id"] for e in lines}) == 5
    assert [e["date"] for e in lines][:3] == ["2022-03-04", "2021-06-10", "2021-01-15"]


def test_plover_lines_for_event_data_tools(client, docs):
    answer = client.get("/v1/events", params={"format": "plover", "type": "phone_call"})
    (record,) = [json.loads(line) for line in answer.text.splitlines()]
    assert (record["event_type"], record["mode"], record["cameo"]) == ("CONSULT", "phone", "041")
    assert (record["actor1"], record["actor2"]) == ("KE", "NO")
    assert record["date"] == "2021-01-15"


def test_plover_is_only_for_events(client):
    assert_problem(client.get("/v1/statements", params={"format": "plover"}), 422)
    assert_problem(client.get("/v1/events", params={"format": "xlsx"}), 422)


def test_topics_and_speakers_export_too(client, docs):
    topics = rows(client.get("/v1/topics", params={"format": "csv"}))
    assert {"slug", "label", "statement_count"} <= set(topics[0])
    assert {t["slug"]: t["statement_count"] for t in topics}["trade"] == "2"
    speakers = client.get("/v1/speakers", params={"format": "ndjson", "country": "BR"})
    assert [json.loads(line)["name"] for line in speakers.text.splitlines()] == ["Carlos Mendes"]
    assert_problem(client.get("/v1/topics", params={"format": "plover"}), 422)


def test_speakers_updated_since(client, docs):
    everyone = client.get("/v1/speakers").json()["items"]
    assert len(everyone) == 4
    later = client.get("/v1/speakers", params={"updated_since": "2999-01-01T00:00:00Z"})
    assert later.json()["items"] == []


def test_topics_updated_since(client, docs):
    assert len(client.get("/v1/topics", params={"limit": 500}).json()["items"]) > 30
    since = client.get("/v1/topics", params={"updated_since": "2000-01-01T00:00:00Z"}).json()
    assert {t["slug"] for t in since["items"]} == {
        "trade",
        "investment",
        "climate-change",
        "green-development",
        "security",
    }
    future = client.get("/v1/topics", params={"updated_since": "2999-01-01T00:00:00Z"})
    assert future.json()["items"] == []
