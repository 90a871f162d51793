"""Statements run on the driver's cursor store and read what the query layer does, in its
transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy import text as sql
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.db import begin_write, get_engine
from app.models import Event, EventCountry, Person
from app.prepared import Prepared, Query, savepoint


def event_row(**changes) -> dict:
    row = {
        "is_primary": True,
        "type": "meeting",
        "date": "2023-04",
        "date_precision": "month",
        "date_key": "2023-04",
        "date_start": dt.date(2023, 4, 1),
        "date_end": dt.date(2023, 4, 30),
        "year": 2023,
        "location": None,
        "updated_at": dt.datetime(2024, 1, 2, 3, 4, 5, 600, tzinfo=dt.UTC),
    }
    return row | changes


STORED = (
    "SELECT is_primary, date_start, date_end, year, location, updated_at FROM event WHERE id = "
)


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"updated_at": dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)},  # no microseconds
        {"is_primary": False, "date": None, "date_start": None, "date_end": None, "year": None},
    ],
)
def test_a_prepared_insert_stores_what_the_query_layer_stores(client, changes):
    row = event_row(**changes)
    with Session(get_engine()) as session:
        begin_write(session)
        conn = session.connection()
        fast = Prepared(insert(Event)).insert_one(conn, row)
        (layer,) = conn.execute(insert(Event), row).inserted_primary_key
        assert fast != layer
        stored = [conn.exec_driver_sql(STORED + str(i)).one() for i in (fast, layer)]
        session.commit()
        read = session.get_one(Event, fast)
    assert stored[0] == stored[1]
    assert (read.date_start, read.updated_at, read.is_primary) == (
        row["date_start"],
        row["updated_at"],
        row["is_primary"],
    )


def test_many_rows_go_in_and_none_is_nothing(client):
    prepared = Prepared(insert(EventCountry))
    with Session(get_engine()) as session:
        begin_write(session)
        conn = session.connection()
        event_id = Prepared(insert(Event)).insert_one(conn, event_row())
        prepared.insert_many(conn, [])
        prepared.insert_many(
            conn, [{"event_id": event_id, "country": c, "date_key": "2023-04"} for c in "AB"]
        )
        found = conn.execute(sql("SELECT country FROM eventcountry ORDER BY country")).all()
        session.commit()
    assert [c for (c,) in found] == ["A", "B"]


@pytest.mark.parametrize("titles", [("A", "B", "C"), ("A", "A", "A")])  # apart; alike
def test_rows_inserted_together_get_their_ids_in_order(client, titles):
    rows = [
        {"name": name, "name_key": name.lower(), "title": title, "country": "NO"}
        for name, title in zip(["Zola Ama", "Ada Berg", "Mia Cruz"], titles, strict=True)
    ]
    with Session(get_engine()) as session:
        begin_write(session)
        conn = session.connection()
        ids = Prepared(insert(Person)).insert_each(conn, rows)
        stored = dict(conn.execute(sql("SELECT id, name FROM person")).all())
        session.commit()
    assert [stored[i] for i in ids] == ["Zola Ama", "Ada Berg", "Mia Cruz"]


def test_rows_that_give_other_columns_are_refused(client):
    rows = [{"event_id": 1, "country": "A", "date_key": ""}, {"event_id": 1, "country": "B"}]
    with Session(get_engine()) as session:
        begin_write(session)
        with pytest.raises(ValueError, match="different columns"):
            Prepared(insert(EventCountry)).insert_many(session.connection(), rows)


def test_the_rows_belong_to_the_savepoint_and_transaction_they_were_written_in(client):
    prepared = Prepared(insert(Event))
    with Session(get_engine()) as session:
        begin_write(session)
        conn = session.connection()
        kept = prepared.insert_one(conn, event_row(location="kept"))
        savepoint = conn.begin_nested()
        prepared.insert_one(conn, event_row(location="undone"))
        savepoint.rollback()
        session.commit()
    with Session(get_engine()) as session:
        begin_write(session)
        prepared.insert_one(session.connection(), event_row(location="never committed"))
        session.rollback()
    with Session(get_engine()) as session:
        rows = session.connection().execute(sql("SELECT id, location FROM event")).all()
    assert [tuple(r) for r in rows] == [(kept, "kept")]


def test_a_duplicate_key_raises_the_query_layers_integrity_error(client):
    row = {"event_id": None, "country": "KE", "date_key": ""}
    prepared = Prepared(insert(EventCountry))
    with Session(get_engine()) as session:
        begin_write(session)
        conn = session.connection()
        row["event_id"] = Prepared(insert(Event)).insert_one(conn, event_row())
        prepared.insert_many(conn, [row])
        savepoint = conn.begin_nested()
        with pytest.raises(IntegrityError):
            prepared.insert_many(conn, [row])
        savepoint.rollback()
        assert conn.execute(sql("SELECT count(*) FROM eventcountry")).scalar_one() == 1


def test_a_write_failing_midway_is_undone_by_the_savepoint_around_it(client):
    """On SQLite a write is `OR FAIL`: the rows it changed before the failing one stay until
    whoever runs it undoes more (here a savepoint), and SQLite keeps no journal to undo
    them alone."""
    rename = Query(
        update(EventCountry)
        .where(EventCountry.event_id == bindparam("of_event"))
        .values(country=bindparam("new_country"))
    )
    with Session(get_engine()) as session:
        begin_write(session)
        conn = session.connection()
        event_id = Prepared(insert(Event)).insert_one(conn, event_row())
        Prepared(insert(EventCountry)).insert_many(
            conn, [{"event_id": event_id, "country": c, "date_key": ""} for c in ("KE", "NO")]
        )
        savepoint = conn.begin_nested()
        with pytest.raises(IntegrityError):  # the second row would have the first one's key
            rename.run(conn, {"of_event": event_id, "new_country": "GH"})
        if conn.dialect.name == "sqlite":  # PostgreSQL reads nothing in a failed transaction
            changed = conn.execute(sql("SELECT country FROM eventcountry ORDER BY 1")).scalars()
            assert len({*changed} - {"KE", "NO"}) == 1  # one row renamed before the failure
        savepoint.rollback()
        found = conn.execute(sql("SELECT country FROM eventcountry ORDER BY 1")).scalars().all()
    assert found == ["KE", "NO"]


def test_a_row_without_a_column_the_table_defaults_is_refused(client):
    row = event_row()
    del row["updated_at"]  # the query layer would stamp it; the driver cannot
    with Session(get_engine()) as session:
        begin_write(session)
        with pytest.raises(ValueError, match="updated_at"):
            Prepared(insert(Event)).insert_one(session.connection(), row)


def _events(conn, locations) -> list[int]:
    return Prepared(insert(Event)).insert_each(
        conn,
        [event_row(location=place, is_primary=n % 2 == 0) for n, place in enumerate(locations)],
    )


BY_LOCATION = select(Event.id, Event.location, Event.is_primary).where(
    Event.location.in_(bindparam("places", expanding=True))  # type: ignore[union-attr]
)


@pytest.mark.parametrize("count", [0, 1, 2, 3, 5, 8, 9])
def test_a_query_reads_what_the_query_layer_reads_for_any_length_of_list(client, count):
    places = [f"city {n}" for n in range(12)]
    query = Query(BY_LOCATION.order_by(Event.id))
    with Session(get_engine()) as session:
        begin_write(session)
        conn = session.connection()
        _events(conn, places)
        wanted = {"places": places[:count]}
        found = query.rows(conn, wanted)
        layer = conn.execute(query.statement, wanted).all()
    assert [tuple(row) for row in found] == [tuple(row) for row in layer]
    assert len(found) == count
    assert all(type(row.is_primary) is bool for row in found)  # SQLite stores 0 and 1
    assert [row.location for row in found] == places[:count]


def test_a_query_fills_in_the_values_its_statement_holds(client):
    # The literal 0 is a value of the statement, not a parameter the caller gives.
    query = Query(select(func.coalesce(Event.year, 0)).where(Event.id == bindparam("event_id")))
    with Session(get_engine()) as session:
        begin_write(session)
        conn = session.connection()
        dated, undated = Prepared(insert(Event)).insert_each(
            conn, [event_row(), event_row(year=None)]
        )
        assert query.scalar(conn, {"event_id": dated}) == 2023
        assert query.scalar(conn, {"event_id": undated}) == 0
        assert query.scalar(conn, {"event_id": -1}) is None


def test_a_query_updates_in_the_transaction(client):
    rename = Query(
        update(Event)
        .where(Event.id.in_(bindparam("ids", expanding=True)))  # type: ignore[union-attr]
        .values(location=bindparam("new_location"))
    )
    with Session(get_engine()) as session:
        begin_write(session)
        conn = session.connection()
        ids = _events(conn, ["a", "b", "c"])
        rename.run(conn, {"ids": ids[:2], "new_location": "moved"})
        rename.run(conn, {"ids": [], "new_location": "nowhere"})  # nothing to move
        session.commit()
    with Session(get_engine()) as session:
        rows = session.connection().execute(sql("SELECT location FROM event ORDER BY id")).all()
    assert [r for (r,) in rows] == ["moved", "moved", "c"]


def test_a_savepoint_undoes_what_was_written_inside_when_it_raises(client):
    with Session(get_engine()) as session:
        begin_write(session)
        conn = session.connection()
        _events(conn, ["before"])
        with savepoint(conn):
            _events(conn, ["kept"])
        with pytest.raises(RuntimeError, match="midway"), savepoint(conn):
            _events(conn, ["undone"])
            raise RuntimeError("midway")
        with pytest.raises(IntegrityError), savepoint(conn):  # the database refused it
            _events(conn, ["undone too"])
            Prepared(insert(EventCountry)).insert_many(
                conn, [{"event_id": -5, "country": "KE", "date_key": ""}] * 2
            )
        _events(conn, ["after"])  # the transaction goes on
        session.commit()
    with Session(get_engine()) as session:
        rows = session.connection().execute(sql("SELECT location FROM event ORDER BY id")).all()
    assert [r for (r,) in rows] == ["before", "kept", "after"]
