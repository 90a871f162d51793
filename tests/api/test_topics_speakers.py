"""GET /v1/topics and /v1/speakers."""

from __future__ import annotations

import csv

from app.extract import lexicon
from tests.api import world
from tests.conftest import all_items, assert_problem


def taxonomy() -> list[str]:
    path = lexicon.__path__[0] + "/topics.csv"
    with open(path, encoding="utf-8") as fh:
        return [row["slug"] for row in csv.DictReader(fh)]


def test_topics_list_the_whole_taxonomy_with_counts(client):
    world.build()
    topics = all_items(client, "/v1/topics", limit=7)
    assert [t["slug"] for t in topics] == sorted(taxonomy())
    counts = {t["slug"]: t["statement_count"] for t in topics}
    assert counts["trade"] == 2
    assert counts["investment"] == 1
    assert counts["afghanistan"] == 0
    assert all(t["label"] for t in topics)


def test_speakers_with_counts_most_quoted_first(client):
    world.build()
    speakers = all_items(client, "/v1/speakers", limit=1)
    assert [(s["name"], s["statement_count"], s["event_count"]) for s in speakers] == [
        ("Amina Odhiambo", 2, 2),
        ("Carlos Mendes", 2, 2),
        ("Kenji Sato", 1, 1),
        ("Ingrid Hansen", 1, 1),
    ]


def test_speakers_filters(client):
    world.build()
    assert [s["name"] for s in all_items(client, "/v1/speakers", country="Kenya")] == [
        "Amina Odhiambo"
    ]
    assert [s["name"] for s in all_items(client, "/v1/speakers", q="HANS")] == ["Ingrid Hansen"]
    assert_problem(client.get("/v1/speakers", params={"country": "Mordor"}), 422)
