"""GET /v1/events: every filter, pagination, and the event's shape."""

from __future__ import annotations

import pytest

from tests.api import world
from tests.conftest import all_items, assert_problem


@pytest.fixture
def ids(client):
    docs = world.build()
    return {name: doc["events"][0] for name, doc in docs.items()}


def event_ids(client, **params) -> set[int]:
    return {e["id"] for e in all_items(client, "/v1/events", **params)}


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, {"ke_jp", "no_br", "ke_no", "jp_br", "ke_br"}),
        ({"country": "KE"}, {"ke_jp", "ke_no", "ke_br"}),
        ({"country": ["ke", "Norway"]}, {"ke_no"}),
        ({"country": "JPN"}, {"ke_jp", "jp_br"}),
        ({"pair": "NO-KE"}, {"ke_no"}),
        ({"pair": "ke-no"}, {"ke_no"}),
        ({"pair": "Brazil-NOR"}, {"no_br"}),
        ({"year": 2021}, {"no_br", "ke_no"}),
        ({"year": 2019}, {"jp_br"}),
        ({"date_from": "2021-06-01"}, {"ke_jp", "no_br"}),
        ({"date_to": "2021-01-31"}, {"ke_no", "jp_br"}),
        ({"date_from": "2019-05-01", "date_to": "2019-05-31"}, {"jp_br"}),
        ({"type": "meeting"}, {"no_br", "ke_br"}),
        ({"topic": "trade"}, {"ke_jp", "ke_no"}),
        ({"speaker": "AMINA ODHIAMBO"}, {"ke_jp", "ke_no", "ke_br"}),
        ({"speaker": "mendes"}, {"no_br", "jp_br", "ke_br"}),
        ({"q": "amazon"}, {"no_br"}),
        ({"q": "oslo"}, {"no_br"}),
        ({"country": "KE", "type": "meeting"}, {"ke_br"}),
        ({"topic": "trade", "year": 2021}, {"ke_no"}),
        ({"speaker": "Nobody Known"}, set()),
    ],
)
def test_filters(client, ids, params, expected):
    assert event_ids(client, **params) == {ids[name] for name in expected}


def test_speaker_filter_takes_an_id(client, ids):
    speaker = client.get("/v1/speakers", params={"q": "sato"}).json()["items"][0]
    assert event_ids(client, speaker=str(speaker["id"])) == {ids["ke_jp"], ids["jp_br"]}


def test_pages_cover_every_event_once_newest_first(client, ids):
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = client.get("/v1/events", params=params).json()
        seen += page["items"]
        pages += 1
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert pages == 3
    assert [e["id"] for e in seen] == [
        ids["ke_jp"],
        ids["no_br"],
        ids["ke_no"],
        ids["jp_br"],
        ids["ke_br"],
    ]


def test_event_shape(client, ids):
    (item,) = client.get("/v1/events", params={"pair": "JP-KE"}).json()["items"]
    assert item["date"] == "2022-03-04"
    assert item["date_precision"] == "day"
    assert item["year"] == 2022
    assert item["type"] == "video_call"
    assert item["countries"] == ["JP", "KE"]
    assert item["location"] is None
    assert item["primary"] is True
    assert item["topics"] == ["climate-change", "trade"]
    assert {(p["name"], p["title"], p["country"]) for p in item["participants"]} == {
        ("Amina Odhiambo", "President", "KE"),
        ("Kenji Sato", "Prime Minister", "JP"),
    }
    (source,) = item["sources"]
    assert source["published"] == "2022-03-05"
    assert source["title"] == "Kenya and Japan leaders talk"


def test_year_precision_and_undated_events(client, ids):
    message = client.get(f"/v1/events/{ids['jp_br']}").json()
    assert (message["date"], message["date_precision"], message["year"]) == ("2019", "year", 2019)
    undated = client.get(f"/v1/events/{ids['ke_br']}").json()
    assert (undated["date"], undated["date_precision"], undated["year"]) == (None, None, None)


def test_event_detail_has_statements_inline(client, ids):
    detail = client.get(f"/v1/events/{ids['ke_jp']}").json()
    assert [s["speaker"]["name"] for s in detail["statements"]] == ["Amina Odhiambo", "Kenji Sato"]
    assert all(s["event_id"] == ids["ke_jp"] for s in detail["statements"])


@pytest.mark.parametrize(
    "params, names",
    [
        ({"country": "Atlantis"}, "alpha-2"),
        ({"pair": "KE"}, "pair"),
        ({"pair": "KE-Narnia"}, "Narnia"),
        ({"type": "picnic"}, "phone_call"),
        ({"topic": "gardening"}, "trade"),
        ({"year": "last"}, "year"),
        ({"date_from": "2021-02-30"}, "date_from"),
        ({"date_from": "2022-01-01", "date_to": "2021-01-01"}, "date_from"),
        ({"limit": 501}, "limit"),
        ({"limit": 0}, "limit"),
    ],
)
def test_bad_filter_values_name_what_is_allowed(client, params, names):
    assert_problem(client.get("/v1/events", params=params), 422, detail_contains=names)


@pytest.mark.parametrize("cursor", ["abc", "eyJ4IjoxfQ", "WyIyMDIxIiwiMSJd", "W10", "%%%"])
def test_tampered_cursor_is_a_bad_request(client, cursor):
    assert_problem(
        client.get("/v1/events", params={"cursor": cursor}), 400, detail_contains="cursor"
    )


def test_unknown_event_is_404(client):
    assert_problem(client.get("/v1/events/999999"), 404, detail_contains="999999")


def test_topics_the_text_gives_the_event_itself_count_and_filter(client):
    from tests.factories import event, person, put_document

    text = "The two leaders discussed maritime security and fisheries."
    left, right = person("Ana Lima", "BR"), person("Tom Berg", "NO")
    put_document(
        text,
        people=(left, right),
        events=(
            event(
                "e0",
                "meeting",
                "2020-02-02",
                ("BR", "NO"),
                (left.id, right.id),
                topics=("maritime", "security"),
            ),
        ),
    )
    (item,) = all_items(client, "/v1/events", topic="maritime")
    assert item["topics"] == ["maritime", "security"]


def test_updated_since_returns_only_what_changed(client, ids):
    import datetime as dt
    import time

    everything = event_ids(client)
    time.sleep(0.01)
    mark = dt.datetime.now(dt.UTC).isoformat()
    assert event_ids(client, updated_since=mark) == set()
    from tests.factories import event, person, put_document

    left, right = person("Ana Lima", "BR"), person("Tom Berg", "NO")
    new = put_document(
        "Lima met Berg.",
        people=(left, right),
        events=(event("e0", "meeting", "2020-02-02", ("BR", "NO"), (left.id, right.id)),),
    )
    assert event_ids(client, updated_since=mark) == set(new["events"])
    assert event_ids(client, updated_since="2000-01-01T00:00:00Z") == everything | set(
        new["events"]
    )
    assert_problem(client.get("/v1/events", params={"updated_since": "soon"}), 422)


def test_updated_since_without_a_zone_is_read_as_utc(client, ids):
    assert event_ids(client, updated_since="2000-01-01T00:00:00") == set(ids.values())
    assert event_ids(client, updated_since="2999-01-01T00:00:00+02:00") == set()


def test_records_are_exactly_their_response_models(client, ids):
    """Pages are built as plain records for speed: each must be what its model would give."""
    from app.models import EventDetail, EventPublic

    for item in all_items(client, "/v1/events"):
        assert EventPublic.model_validate(item).model_dump(mode="json") == item
        assert list(item) == list(EventPublic.model_fields)
    detail = client.get(f"/v1/events/{ids['ke_jp']}").json()
    assert EventDetail.model_validate(detail).model_dump(mode="json") == detail
    assert detail["updated_at"].endswith("Z")
