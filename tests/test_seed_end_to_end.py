"""The whole journey on seed_data/: post the five texts, read back what a reader needs."""

from __future__ import annotations

import pytest

from tests.conftest import all_items


@pytest.fixture(scope="module")
def events(seeded):
    return all_items(seeded, "/v1/events")


@pytest.fixture(scope="module")
def statements(seeded):
    return all_items(seeded, "/v1/statements")


def speaker_of(statements, words: str) -> str | None:
    hits = [s["speaker"]["name"] for s in statements if words in s["text"]]
    return hits[0] if hits else None


def test_four_primary_events_one_per_real_event(events):
    primary = sorted((e["date"], e["type"]) for e in events if e["primary"])
    assert primary == [
        ("2020-04-02", "phone_call"),
        ("2021-12-07", "video_call"),
        ("2023-02-10", "phone_call"),
        ("2024-06-19", "meeting"),
    ]
    assert all(e["countries"] == ["BE", "CN"] for e in events if e["primary"])


def test_the_video_call_lists_both_of_its_sources(events):
    (call,) = [e for e in events if e["primary"] and e["type"] == "video_call"]
    assert len({s["document_id"] for s in call["sources"]}) == 2
    names = {p["name"] for p in call["participants"]}
    assert {"Li Keqiang", "Alexander De Croo"} <= names


def test_the_meeting_has_its_place(events):
    (meeting,) = [e for e in events if e["primary"] and e["type"] == "meeting"]
    assert meeting["location"] == "Brussels"


@pytest.mark.parametrize(
    "words, speaker",
    [
        ("China attaches great importance to its relations with Belgium", "Qin Gang"),
        ("Belgium adheres to the one-China policy", "Hadja Lahbib"),
        ("a friend in need is a friend indeed", "Philippe"),
        ("the virus knows no boundaries or races", "Xi Jinping"),
        ("Belgium values its relationship with China", "Alexander De Croo"),
        ("China-Belgium relations enjoy a sound momentum of development", "Li Keqiang"),
    ],
)
def test_statements_have_the_right_speaker(statements, words, speaker):
    assert speaker_of(statements, words) == speaker


def test_captions_and_joint_remarks_produce_no_statement(statements):
    for words in (
        "A staff member unloads a cargo container",
        "The two sides also exchanged views",
        "He Lifeng attended the above activity",
        "Suggest to a Friend",
    ):
        assert speaker_of(statements, words) is None


def test_every_statement_quotes_its_source_exactly(seeded, statements):
    texts: dict[int, str] = {}
    for statement in statements:
        document_id = statement["document_id"]
        if document_id not in texts:
            texts[document_id] = seeded.get(f"/v1/documents/{document_id}").json()["text"]
        assert texts[document_id][statement["start"] : statement["end"]] == statement["text"]


def test_filters_find_the_seed_events(seeded):
    assert len(all_items(seeded, "/v1/events", pair="be-chn", year=2023)) >= 1
    assert any(
        e["type"] == "phone_call" for e in all_items(seeded, "/v1/events", speaker="QIN GANG")
    )
    assert all_items(seeded, "/v1/statements", speaker="lahbib", topic="one-china")
