"""Every filter of the contract, alone and combined, reads through an index (SQLite plans).

A later change that turns a filter into a table scan fails here. The one
exception is `q`, a substring search over statement text, which scans in
date order and stops at the page size.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from sqlalchemy import text
from sqlmodel import Session

from app import crud, store
from app.db import make_engine, upgrade_schema
from app.models import Event, Statement

TABLES = (
    "event",
    "statement",
    "eventcountry",
    "eventparticipant",
    "statementtopic",
    "eventtopic",
    "person",
    "document",
    "eventsource",
)

EVENT_FILTERS = {
    "country": {"countries": ("CN",)},
    "pair": {"pair": ("CN", "BE")},
    "year": {"year": 2021},
    "dates": {"date_from": dt.date(2020, 1, 1), "date_to": dt.date(2020, 12, 31)},
    "type": {"type": "meeting"},
    "topic": {"topic": "trade"},
    "speaker": {"speaker": "5"},
    "updated_since": {"updated_since": dt.datetime(2024, 1, 1, tzinfo=dt.UTC)},
}
STATEMENT_FILTERS = {
    "country": {"countries": ("CN",)},
    "pair": {"pair": ("CN", "BE")},
    "year": {"year": 2021},
    "topic": {"topic": "trade"},
    "speaker": {"speaker": "5"},
    "event_id": {"event_id": 3},
    "kind": {"kind": "direct"},
    "updated_since": {"updated_since": dt.datetime(2024, 1, 1, tzinfo=dt.UTC)},
}


def combos(filters: dict) -> list[tuple[str, dict]]:
    cases = [(name, spec) for name, spec in filters.items()]
    cases += [
        (f"{a}+{b}", {**filters[a], **filters[b]}) for a, b in itertools.combinations(filters, 2)
    ]
    return [("none", {}), *cases]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('plans') / 'plans.db'}")
    upgrade_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture(params=["rare", "common"])
def session(request, engine, monkeypatch):
    """Both ways a filter value is read: its id list (rare) or a check per row (common)."""
    monkeypatch.setattr(crud, "RARE", 10**9 if request.param == "rare" else 0)
    with Session(engine) as session:
        yield session


def plan(engine, query) -> list[str]:
    sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
    with engine.connect() as connection:
        return [row[3] for row in connection.execute(text("EXPLAIN QUERY PLAN " + sql))]


def scans(lines: list[str]) -> list[str]:
    """Plan lines that read a whole table without an index."""
    return [
        line
        for line in lines
        if line.startswith("SCAN ") and "USING" not in line and line.split()[1] in TABLES
    ]


@pytest.mark.parametrize(
    "name, spec", combos(EVENT_FILTERS), ids=lambda v: v if isinstance(v, str) else ""
)
def test_event_filters_use_indexes(engine, session, name, spec):
    params = crud._event_params(session, crud.EventFilter(**spec))
    query, values = crud.page_query(Event, params, limit=50, after=("2021-05-01", 10))
    lines = plan(engine, query.params(values))
    assert not scans(lines), lines


@pytest.mark.parametrize(
    "name, spec", combos(STATEMENT_FILTERS), ids=lambda v: v if isinstance(v, str) else ""
)
def test_statement_filters_use_indexes(engine, session, name, spec):
    params = crud._statement_params(session, crud.StatementFilter(**spec))
    query, values = crud.page_query(Statement, params, limit=50, after=("2021-05-01", 10))
    lines = plan(engine, query.params(values))
    assert not scans(lines), lines


@pytest.mark.parametrize(
    "model, spec, index",
    [
        (Event, {"countries": ("CN",)}, "ix_eventcountry_country_date_key_event"),
        (Event, {"pair": ("CN", "BE")}, "ix_eventpair_pair_date_key_event"),
        (Event, {"pair": ("CN", "BE"), "year": 2021}, "ix_eventpair_pair_date_key_event"),
        (Event, {"pair": ("CN", "BE"), "countries": ("FR",)}, "ix_eventpair_pair_date_key_event"),
        (Statement, {"pair": ("CN", "BE"), "year": 2021}, "ix_eventpair_pair_date_key_event"),
        (Statement, {"topic": "trade"}, "ix_statementtopic_topic_date_key_statement"),
        (
            Statement,
            {"topic": "trade", "year": 2021, "kind": "direct"},
            "ix_statementtopic_topic_date_key_statement",
        ),
    ],
)
def test_a_country_pair_or_topic_list_reads_its_index_in_order(engine, session, model, spec, index):
    """Led by the value's (value, date_key, id) index, newest first: no sort of every match
    (statements led by their events' pair sort only those of one date, by id)."""
    if model is Event:
        params = crud._event_params(session, crud.EventFilter(**spec))
    else:
        params = crud._statement_params(session, crud.StatementFilter(**spec))
    query, values = crud.page_query(model, params, limit=50, after=("2021-05-01", 10))
    lines = plan(engine, query.params(values))
    assert index in lines[0] and "date_key" in lines[0] and lines[0].startswith("SEARCH"), lines
    sorts = [line for line in lines if "TEMP B-TREE" in line]
    assert sorts in ([], ["USE TEMP B-TREE FOR RIGHT PART OF ORDER BY"]), lines


@pytest.mark.parametrize(
    ("query", "reads"),
    [
        ("_CANDIDATES_ON_DAY", ["event: type=? AND date_key=?"]),
        ("_CANDIDATES_AROUND_DAY", ["event: type=? AND date_key=?", "participants: date_key=?"]),
        ("_CANDIDATES_IN_PERIOD", ["participants: date_key=?", "participants: date_key>?"]),
        ("_MOST_SHARED", ["participants: person_id=?"]),
        ("_MOST_SHARED_PAIR", ["participants: person_id=?"]),
        ("_PAIR_EVENTS_ON_DAY", ["event: type=? AND date_key=?"]),
        ("_PAIR_EVENTS_IN_PERIOD", ["event: type=? AND date_key=?", "event: date_key>?"]),
    ],
)
def test_merge_candidates_are_searched_by_date_and_participants(engine, query, reads):
    """A report looks up the known events of its day and those of its participants at
    compatible dates: index searches bounded by date and person, never every event of
    its type (a type is not a search key: SQLite would walk the type's events)."""
    values = {"type": "meeting", "anchor": "BE", "second": "CN", "persons": [3, 5]}
    values |= {"codes": ["BE", "CN"], "count": 2, "limit": 2}
    values |= {"undated": ""}
    values |= {"in_year": "2021", "in_month": "2021-12", "on_day": "2021-12-07"}
    values |= {"period": "2021-12", "after_period": "2021-12~"}
    executed: list[str] = []  # as the driver runs it, its values written in
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        driver.set_trace_callback(executed.append)
        try:
            getattr(store, query).rows(connection, values)
        finally:
            driver.set_trace_callback(None)
        lines = [row[3] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + executed[-1])]
    searches = [line for line in lines if line.startswith("SEARCH event ")]
    assert all(
        "(type=? AND date_key" in line or "INTEGER PRIMARY KEY" in line for line in searches
    ), lines
    for read in reads:
        table, _, key = read.partition(": ")
        index = {
            "event": "ix_event_type_date_key_id",
            "participants": "ix_eventparticipant_person_",
        }[table]
        assert any(index in line and key in line for line in lines), (read, lines)
    assert not scans(lines)
