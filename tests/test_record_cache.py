"""Built records are reused until the database is written, by anyone, and never after."""

from __future__ import annotations

import importlib

import pytest
from sqlalchemy import text
from sqlmodel import SQLModel

from app.db import get_engine, make_engine
from app.record_cache import RecordCache
from tests.conftest import configured, seed_payloads

REVISION = importlib.import_module("migrations.versions.0005_data_revision")
PAIRS = importlib.import_module("migrations.versions.0006_event_pairs")
COUNTED = REVISION.TABLES + PAIRS.COUNTED  # the tables whose writes the counter counts


class Builder:
    """A `build` for RecordCache that records which ids it was asked for."""

    def __init__(self, text: str = "v1") -> None:
        self.asked: list[list[int]] = []
        self.text = text
        self.gone: set[int] = set()

    def __call__(self, found) -> list[dict]:
        self.asked.append(list(found))
        return [{"id": i, "v": self.text} for i in found if i not in self.gone]


def test_records_are_built_once_while_the_counter_stays():
    cache, build = RecordCache(10_000), Builder()
    first = cache.json_of(("e", 1), "event", [1, 2], build)
    again = cache.json_of(("e", 1), "event", [2, 3, 1], build)
    assert first == [b'{"id":1,"v":"v1"}', b'{"id":2,"v":"v1"}']
    assert again == [b'{"id":2,"v":"v1"}', b'{"id":3,"v":"v1"}', b'{"id":1,"v":"v1"}']
    assert build.asked == [[1, 2], [3]]


def test_a_new_counter_or_another_database_builds_again():
    cache, build = RecordCache(10_000), Builder()
    cache.json_of(("e", 1), "event", [1], build)
    cache.json_of(("e", 2), "event", [1], build)
    cache.json_of(("f", 2), "event", [1], build)
    assert build.asked == [[1], [1], [1]]


def test_it_holds_records_only_of_the_counter_it_was_last_asked_about():
    """What decides whether a page reads keys alone and builds what it lacks by id."""
    cache = RecordCache(10_000)
    assert not cache.holds(("e", 1))
    cache.json_of(("e", 1), "event", [1], Builder())
    assert cache.holds(("e", 1))
    assert not cache.holds(("e", 2))
    assert not RecordCache(0).holds(("e", 1))


def test_kinds_do_not_share_ids():
    cache = RecordCache(10_000)
    cache.json_of(("e", 1), "event", [1], Builder("event"))
    assert cache.json_of(("e", 1), "statement", [1], Builder("statement")) == [
        b'{"id":1,"v":"statement"}'
    ]


def test_past_its_memory_the_least_recently_used_record_goes():
    one = len(b'{"id":1,"v":"v1"}')
    cache, build = RecordCache(2 * one), Builder()
    cache.json_of(("e", 1), "event", [1, 2], build)
    cache.json_of(("e", 1), "event", [1], build)  # 1 used last: 2 is the one to go
    cache.json_of(("e", 1), "event", [3], build)
    cache.json_of(("e", 1), "event", [1, 2], build)
    assert build.asked == [[1, 2], [3], [2]]
    assert cache.size == (2, 2 * one)


def test_a_record_deleted_since_its_page_was_read_is_left_out():
    for memory in (10_000, 0):
        build = Builder()
        build.gone = {2}
        assert RecordCache(memory).json_of(("e", 1), "event", [3, 2, 1], build) == [
            b'{"id":3,"v":"v1"}',
            b'{"id":1,"v":"v1"}',
        ]


def test_with_no_memory_every_record_is_built_every_time():
    cache, build = RecordCache(0), Builder()
    cache.json_of(("e", 1), "event", [1], build)
    cache.json_of(("e", 1), "event", [1], build)
    assert build.asked == [[1], [1]]
    assert cache.size == (0, 0)


def test_records_read_before_a_newer_counter_was_seen_are_not_kept():
    """A request that read counter 1 builds while another reads counter 2: what the first
    built may predate the write, so it is served to its own request but not kept."""
    cache, late = RecordCache(10_000), Builder("old")

    def slow_build(found):
        cache.json_of(("e", 2), "event", [9], Builder())  # the other request
        return late(found)

    assert cache.json_of(("e", 1), "event", [1], slow_build) == [b'{"id":1,"v":"old"}']
    fresh = Builder("new")
    assert cache.json_of(("e", 2), "event", [1], fresh) == [b'{"id":1,"v":"new"}']
    assert fresh.asked == [[1]]


# ---------------------------------------------------------------- the counter


def counter(connection) -> int:
    return connection.execute(text("SELECT n FROM datarevision WHERE id = 1")).scalar_one()


def test_every_table_records_are_built_from_is_counted():
    """A table added later must be counted, or be named here as one no record shows."""
    not_shown = {"datarevision"}
    assert set(SQLModel.metadata.tables) - not_shown == set(COUNTED)


@pytest.fixture(scope="module")
def seeded_url(seeded) -> str:
    return get_engine().url.render_as_string(hide_password=False)


@pytest.mark.parametrize("table", COUNTED)
def test_a_write_to_any_of_those_tables_moves_the_counter(seeded, seeded_url, table):
    """Inserts, updates and deletes, from a connection the app does not own (as from a SQL
    shell), in a transaction rolled back after. An update of every row of each table
    (the seeds fill all of them but event topics, which get one row first)."""
    engine = make_engine(seeded_url)
    with engine.connect() as connection, connection.begin() as transaction:
        connection.execute(
            text(
                "INSERT INTO eventtopic (event_id, document_id, topic) "
                "SELECT event_id, document_id, 'trade' FROM eventsource LIMIT 1"
            )
        )
        assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() > 0
        before = counter(connection)
        column = next(iter(SQLModel.metadata.tables[table].columns)).name
        connection.execute(text(f"UPDATE {table} SET {column} = {column}"))
        assert counter(connection) > before
        transaction.rollback()
    engine.dispose()


def test_inserts_and_deletes_move_the_counter_too(seeded, seeded_url):
    engine = make_engine(seeded_url)
    with engine.connect() as connection, connection.begin() as transaction:
        before = counter(connection)
        connection.execute(
            text("INSERT INTO topic (slug, label, description) VALUES ('x-test', 'X', '')")
        )
        inserted = counter(connection)
        connection.execute(text("DELETE FROM topic WHERE slug = 'x-test'"))
        assert before < inserted < counter(connection)
        transaction.rollback()
    engine.dispose()


def test_reads_do_not_move_the_counter(seeded):
    with get_engine().connect() as connection:
        before = counter(connection)
    assert seeded.get("/v1/events", params={"limit": 5}).status_code == 200
    with get_engine().connect() as connection:
        assert counter(connection) == before


# ---------------------------------------------------------------- through the API


def test_a_change_written_elsewhere_shows_on_the_next_page(seeded, seeded_url):
    """A speaker renamed from a SQL shell: every page that shows them, already built and
    kept, shows the new name at once: events (participants) and statements (speaker)."""
    statement = seeded.get("/v1/statements", params={"limit": 1}).json()["items"][0]
    person = statement["speaker"]
    query = {"speaker": str(person["id"]), "limit": 50}
    assert seeded.get("/v1/events", params=query).json()["items"]  # built and kept
    engine = make_engine(seeded_url)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE person SET name = :name WHERE id = :id"),
            {"name": "Renamed Elsewhere", "id": person["id"]},
        )
    engine.dispose()
    try:
        statements = seeded.get("/v1/statements", params=query).json()["items"]
        events = seeded.get("/v1/events", params=query).json()["items"]
        assert {s["speaker"]["name"] for s in statements} == {"Renamed Elsewhere"}
        shown = [p["name"] for e in events for p in e["participants"] if p["id"] == person["id"]]
        assert shown and set(shown) == {"Renamed Elsewhere"}
    finally:
        engine = make_engine(seeded_url)
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE person SET name = :name WHERE id = :id"),
                {"name": person["name"], "id": person["id"]},
            )
        engine.dispose()


def test_pages_are_the_same_built_or_kept(seeded, seeded_url, monkeypatch):
    """The same pages, byte for byte, from an app that keeps nothing."""
    urls = ["/v1/events?limit=3", "/v1/statements?limit=4", "/v1/statements?topic=trade"]
    kept = [seeded.get(u).content for u in urls * 2]
    from fastapi.testclient import TestClient

    from app.main import create_app

    with (
        configured(monkeypatch, READOUT_DATABASE_URL=seeded_url, READOUT_RECORD_CACHE_MB="0"),
        TestClient(create_app()) as plain,
    ):
        built = [plain.get(u).content for u in urls * 2]
    assert built == kept
    assert all(b'"items":[{' in page for page in kept)


def test_a_document_posted_through_the_api_shows_at_once(client):
    """A second report of a seed event, posted after its first page was kept."""
    from tests.conftest import AUTH

    first = seed_payloads()[0]
    assert client.post("/v1/documents", json=first, headers=AUTH).status_code == 201
    (event,) = client.get("/v1/events", params={"limit": 1}).json()["items"]
    copy = {**first, "text": first["text"] + "\n", "url": "https://example.org/copy"}
    assert client.post("/v1/documents", json=copy, headers=AUTH).status_code == 201
    (again,) = client.get("/v1/events", params={"limit": 1}).json()["items"]
    assert again["id"] == event["id"]
    assert len(again["sources"]) == len(event["sources"]) + 1
