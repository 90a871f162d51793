"""The pipeline's store step: write one document's records, merged with known events.

Each function works inside the caller's transaction; the caller commits once
per document, so a failure leaves nothing half-written. The write path runs
Core statements, built once per process, on the session's connection: a
document costs a dozen round trips and no ORM bookkeeping.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import logging
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    bindparam,
    distinct,
    exists,
    func,
    insert,
    or_,
    union_all,
    update,
)
from sqlmodel import Session, col, delete, select

from app import crud
from app.extract import pipeline
from app.extract.records import Event as FoundEvent
from app.extract.records import Extraction, Source
from app.merge import (
    ONCE_PER_PAIR,
    Derived,
    EventView,
    SourceView,
    best_match,
    date_range,
    derive,
    participants_matter,
    same_countries,
    same_word_sets,
    unique_best,
    word_set,
)
from app.models import (
    Document,
    DocumentCreate,
    DocumentPublic,
    Event,
    EventCountry,
    EventPair,
    EventParticipant,
    EventSource,
    EventTopic,
    IngestResult,
    Person,
    Statement,
    StatementTopic,
    Topic,
    pairs_of,
    utcnow,
)
from app.prepared import Prepared, Query

log = logging.getLogger(__name__)

# ---------------------------------------------------------------- statements
# Built once per process; an execution only binds its values. Every statement a document
# runs goes through the driver's cursor (app/prepared).

_DOCUMENT_BY_HASH = Query(
    select(Document.id).where(col(Document.content_hash) == bindparam("digest"))
)
_INSERT_DOCUMENT = Prepared(insert(Document))
_PEOPLE_BY_KEY = Query(
    select(Person.id, Person.name_key, Person.title, Person.country).where(
        col(Person.name_key).in_(bindparam("keys", expanding=True))
    )
)
_INSERT_PERSON = Prepared(insert(Person))
_UPDATE_PERSON = Query(
    update(Person)
    .where(col(Person.id) == bindparam("person_id"))
    .values(title=bindparam("new_title"), country=bindparam("new_country"))
)
# The known events a report may describe: of its type, with its countries, dated
# within a span that overlaps its own, and (app/merge.py) sharing a participant with it
# or dated to its day, but for events that happen once per pair of states. A day overlaps
# the undated events and those dated its year, its month or itself; a month or a year,
# the undated ones, those dated its year, and every one within it (a date_key that starts
# with it); an undated report, every one. A report's day is searched through the (type,
# date_key) index, and the other overlapping dates among its participants' events,
# through (person_id, date_key): searched by date alone, every undated event of the type
# would be read, whatever its country and people. Once-per-pair events, rare, are
# searched by type and date.
_CANDIDATE_COLUMNS = (
    Event.id,
    Event.type,
    Event.date,
    Event.is_primary,
    Event.date_key,
    Event.year,
)


def _with_country(name: str, event_id: Any = Event.id) -> ColumnElement[bool]:
    """The event (of `event_id`) has the country bound to `name`."""
    return exists().where(
        col(EventCountry.event_id) == event_id, col(EventCountry.country) == bindparam(name)
    )


def _of_type(*on_dates: ColumnElement[bool]) -> Select:
    """Events of the report's type with its first country, dated as `on_dates` say."""
    return select(*_CANDIDATE_COLUMNS).where(
        col(Event.type) == bindparam("type"), *on_dates, _with_country("anchor")
    )


def _sharing(*on_dates: ColumnElement[bool]) -> Select:
    """Events with the report's first two countries and one of its participants, dated
    as `on_dates` say. Of any type: SQLite given the type would read every event of it,
    where it should read the participants' few; the caller keeps the report's type."""
    person = col(EventParticipant.person_id).in_(bindparam("persons", expanding=True))
    participants = select(EventParticipant.event_id).where(person, *on_dates)
    return select(*_CANDIDATE_COLUMNS).where(
        col(Event.id).in_(participants), _with_country("anchor"), _with_country("second")
    )


def _country_count(event_id: ColumnElement[int], *, named: bool = False) -> ColumnElement[int]:
    """How many countries the event has; with `named`, how many of those bound to `codes`."""
    where = [col(EventCountry.event_id) == event_id]
    if named:
        where.append(col(EventCountry.country).in_(bindparam("codes", expanding=True)))
    return select(func.count()).where(*where).scalar_subquery()


def _around_day(key: ColumnElement[str]) -> ColumnElement[bool]:
    """The keys of the periods a day falls in, and the undated key."""
    return key.in_([bindparam("undated"), bindparam("in_year"), bindparam("in_month")])


def _in_period(key: ColumnElement[str]) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """The keys named, the keys within: two index searches that find no event twice."""
    named = key.in_([bindparam("undated"), bindparam("in_year"), bindparam("period")])
    return named, and_(key > bindparam("period"), key < bindparam("after_period"))


_ON_DAY = col(Event.date_key) == bindparam("on_day")
_CANDIDATES_ON_DAY = Query(_of_type(_ON_DAY))
_CANDIDATES_AROUND_DAY = Query(
    union_all(_of_type(_ON_DAY), _sharing(_around_day(col(EventParticipant.date_key))))
)
_CANDIDATES_IN_PERIOD = Query(
    union_all(*(_sharing(on) for on in _in_period(col(EventParticipant.date_key))))
)
# An undated report with people matches, among the known events of its type and of its
# countries exactly, the one that shares the most of them (`match_score` then scores
# only the people shared): counted here, so a busy person's hundreds of events are not
# read one by one. Led by the people's index, each event read by its key: first its two
# countries (a small index), then its type (the event's row), then its other countries.
_SHARED = func.count(distinct(EventParticipant.person_id))


def _most_shared_query(*, many_countries: bool) -> Query:
    """The lookup for a report of three countries or more (`many_countries`), or fewer."""
    event_id = EventParticipant.event_id
    checks = [
        _with_country("anchor", event_id),
        _with_country("second", event_id),
        exists().where(col(Event.id) == event_id, col(Event.type) == bindparam("type")),
        _country_count(event_id) == bindparam("count"),
    ]
    if many_countries:  # of one or two, the two tests above find them, and the count the rest
        checks.append(_country_count(event_id, named=True) == bindparam("count"))
    return Query(
        select(event_id, _SHARED.label("shared"))
        .where(col(EventParticipant.person_id).in_(bindparam("persons", expanding=True)), *checks)
        .group_by(col(event_id))
        .order_by(_SHARED.desc(), col(event_id))
        .limit(bindparam("limit"))
    )


_MOST_SHARED = _most_shared_query(many_countries=True)
_MOST_SHARED_PAIR = _most_shared_query(many_countries=False)  # a report of one or two
_DATING_OF = Query(select(Event.date_key, Event.year).where(col(Event.id) == bindparam("event_id")))
_PAIR_EVENTS_ON_DAY = Query(
    _of_type(
        col(Event.date_key).in_(
            [bindparam(k) for k in ("undated", "in_year", "in_month", "on_day")]
        )
    )
)
_PAIR_EVENTS_IN_PERIOD = Query(union_all(*(_of_type(on) for on in _in_period(col(Event.date_key)))))
_PAIR_EVENTS = Query(_of_type())
_COUNTRIES_OF = Query(
    select(EventCountry.event_id, EventCountry.country).where(
        col(EventCountry.event_id).in_(bindparam("ids", expanding=True))
    )
)
_PARTICIPANTS_OF = Query(
    select(EventParticipant.event_id, EventParticipant.person_id).where(
        col(EventParticipant.event_id).in_(bindparam("ids", expanding=True))
    )
)
_SOURCES_OF = Query(
    select(
        EventSource.event_id,
        EventSource.document_id,
        EventSource.is_primary,
        EventSource.type,
        EventSource.date,
        EventSource.location,
        EventSource.countries,
    ).where(col(EventSource.event_id).in_(bindparam("ids", expanding=True)))
)
_INSERT_EVENT = Prepared(insert(Event))
# An event's columns derived from its sources (_event_values), each given as new_<column>.
_DERIVED_COLUMNS = (
    "is_primary",
    "type",
    "date",
    "date_precision",
    "date_key",
    "date_start",
    "date_end",
    "year",
    "location",
    "updated_at",
)
_UPDATE_EVENT = Query(
    update(Event)
    .where(col(Event.id) == bindparam("event_id"))
    .values({name: bindparam(f"new_{name}") for name in _DERIVED_COLUMNS})
)
_DELETE_COUNTRIES = Query(
    delete(EventCountry).where(
        col(EventCountry.event_id) == bindparam("of_event"),
        col(EventCountry.country).in_(bindparam("gone", expanding=True)),
    )
)
_DELETE_PAIRS = Query(delete(EventPair).where(col(EventPair.event_id) == bindparam("of_event")))
_REDATE_STATEMENTS = Query(
    update(Statement)
    .where(
        col(Statement.event_id) == bindparam("of_event"),
        or_(
            col(Statement.date_key) != bindparam("new_date_key"),
            func.coalesce(col(Statement.year), -1) != bindparam("year_or_minus_one"),
        ),
    )
    .values(
        date_key=bindparam("new_date_key"),
        year=bindparam("new_year"),
        updated_at=bindparam("new_updated_at"),
    )
)
_REDATE_TOPICS = Query(
    update(StatementTopic)
    .where(
        col(StatementTopic.statement_id).in_(
            select(Statement.id).where(col(Statement.event_id) == bindparam("of_event"))
        ),
        col(StatementTopic.date_key) != bindparam("new_date_key"),
    )
    .values(date_key=bindparam("new_date_key"))
)


def _redate_copies(model: type[EventCountry | EventPair | EventParticipant]) -> Query:
    """Give an event's rows of `model` its new date_key (only those that differ)."""
    return Query(
        update(model)
        .where(
            col(model.event_id) == bindparam("of_event"),
            col(model.date_key) != bindparam("new_date_key"),
        )
        .values(date_key=bindparam("new_date_key"))
    )


_REDATE_COUNTRIES = _redate_copies(EventCountry)
_REDATE_PAIRS = _redate_copies(EventPair)
_REDATE_PARTICIPANTS = _redate_copies(EventParticipant)
_OTHER_SOURCES_STATEMENTS = Query(
    select(
        Statement.id, Statement.event_id, Statement.person_id, Statement.text, Statement.group_id
    )
    .where(
        col(Statement.event_id).in_(bindparam("event_ids", expanding=True)),
        col(Statement.person_id).in_(bindparam("person_ids", expanding=True)),
        col(Statement.document_id) != bindparam("document_id"),
    )
    .order_by(col(Statement.id))
)
_START_GROUPS = Query(
    update(Statement)
    .where(col(Statement.id).in_(bindparam("ids", expanding=True)))
    .values(group_id=Statement.id)
)
_INSERT_STATEMENT = Prepared(insert(Statement))
_INSERT_EVENT_COUNTRIES = Prepared(insert(EventCountry))
_INSERT_PAIRS = Prepared(insert(EventPair))
_INSERT_SOURCES = Prepared(insert(EventSource))
_INSERT_EVENT_TOPICS = Prepared(insert(EventTopic))
_INSERT_PARTICIPANTS = Prepared(insert(EventParticipant))
_INSERT_STATEMENT_TOPICS = Prepared(insert(StatementTopic))


# ---------------------------------------------------------------- ingestion


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_of(payload: DocumentCreate) -> Source:
    """What the pipeline reads of a document."""
    return Source(
        text=payload.text,
        published=payload.published,
        title=payload.title,
        publisher=payload.publisher,
        url=payload.url,
    )


def stored_document(conn: Connection, text: str) -> int | None:
    """The id of the stored document with this text, if any."""
    return _stored_id(conn, content_hash(text))


def _stored_id(conn: Connection, digest: str) -> int | None:
    return _DOCUMENT_BY_HASH.scalar(conn, {"digest": digest})


def ingest_document(
    session: Session, *, payload: DocumentCreate, extraction: Extraction | None = None
) -> IngestResult:
    """Store a document and what the pipeline finds in it; the same text is stored once.

    `extraction`, when given, is the pipeline's output for this payload, computed
    elsewhere (`readout ingest --jobs`)."""
    digest = content_hash(payload.text)
    session.flush()  # what follows goes to the connection, past the session
    conn = session.connection()
    known = _stored_id(conn, digest)
    if known is not None:
        event_ids, statement_ids = crud.document_records(session, document_id=known)
        return IngestResult(
            document=DocumentPublic.model_validate(session.get_one(Document, known)),
            events=event_ids,
            statements=statement_ids,
            created=False,
        )
    if extraction is None:
        extraction = pipeline.extract(source_of(payload))
    values = payload.model_dump() | {"content_hash": digest, "ingested_at": utcnow()}
    document_id = _INSERT_DOCUMENT.insert_one(conn, values)
    event_ids, statement_ids = _store(conn, document_id=document_id, extraction=extraction)
    return IngestResult(
        document=DocumentPublic.model_validate(values | {"id": document_id}),
        events=event_ids,
        statements=statement_ids,
        created=True,
    )


def store_extraction(
    session: Session, *, document_id: int, extraction: Extraction
) -> tuple[list[int], list[int]]:
    """Write people, events (merged with known ones) and statements of one document."""
    session.flush()  # what follows goes to the connection, past the session
    return _store(session.connection(), document_id=document_id, extraction=extraction)


def _store(
    conn: Connection, *, document_id: int, extraction: Extraction
) -> tuple[list[int], list[int]]:
    """The ids of the events and statements written for one document's extraction."""
    people = _people(conn, extraction)
    placed = _place_events(conn, document_id=document_id, extraction=extraction, people=people)
    statement_ids = _store_statements(
        conn, document_id=document_id, extraction=extraction, people=people, placed=placed
    )
    return list(dict.fromkeys(placed.of_key.values())), statement_ids


@dataclass(frozen=True)
class _Dating:
    """The event columns its statements copy."""

    date_key: str
    year: int | None
    updated_at: dt.datetime


@dataclass(frozen=True)
class _Placed:
    """Where one document's events went."""

    of_key: dict[str, int]  # extracted event key -> stored event id
    dating: dict[int, _Dating]  # stored event id -> what its statements copy
    merged: frozenset[int]  # the known events among them; the others are new


class _Known(NamedTuple):
    """A known event a report describes, as it was before the report."""

    event_id: int
    countries: frozenset[str]
    dated: tuple[str, int | None]  # (date_key, year)


def _people(conn: Connection, extraction: Extraction) -> dict[str, int]:
    """Each extracted person's stored id, matched by normalised name (one query).

    A known person takes the latest title seen, and a country if it had none.
    """
    keys = {p.id: crud.name_key(p.name) for p in extraction.people}
    if not keys:
        return {}
    known = {
        row.name_key: row._asdict()
        for row in _PEOPLE_BY_KEY.rows(conn, {"keys": sorted(set(keys.values()))})
    }
    wanted = {key: dict(row) for key, row in known.items()}
    for found in extraction.people:
        row = wanted.get(keys[found.id])
        if row is None:
            wanted[keys[found.id]] = {
                "name": found.name,
                "name_key": keys[found.id],
                "title": found.title,
                "country": found.country,
            }
            continue
        if row["country"] is None and found.country:
            row["country"] = found.country
        if found.title:
            row["title"] = found.title
    changed = [row for key, row in wanted.items() if key in known and row != known[key]]
    for row in changed:
        _UPDATE_PERSON.run(
            conn,
            {"person_id": row["id"], "new_title": row["title"], "new_country": row["country"]},
        )
    new = [row for key, row in wanted.items() if key not in known]
    for row, person_id in zip(new, _INSERT_PERSON.insert_each(conn, new), strict=True):
        row["id"] = person_id
    return {pid: wanted[key]["id"] for pid, key in keys.items()}


def _place_events(
    conn: Connection, *, document_id: int, extraction: Extraction, people: dict[str, int]
) -> _Placed:
    """Match each extracted event with a known one or create it; write what this source says."""
    of_key: dict[str, int] = {}
    dating: dict[int, _Dating] = {}
    known: dict[int, _Known] = {}  # the known events matched
    sources: list[dict[str, Any]] = []
    topics: list[dict[str, Any]] = []
    participants: list[dict[str, Any]] = []
    for found in extraction.events:
        persons = {people[pid]: pid for pid in found.participants if pid in people}
        source = _source_row(document_id, found)
        view = EventView(
            type=found.type,
            date=found.date,
            countries=frozenset(found.countries),
            participants=frozenset(persons),
            primary=found.primary,
        )
        match = _match(conn, view=view, exclude=set(of_key.values()))
        if match is None:
            event_id, dating[event_id] = _create_event(conn, source=_source_view(source))
            date_key = dating[event_id].date_key
        else:
            event_id = match.event_id
            known[event_id] = match
            date_key = match.dated[0]  # re-dated with the event's other copies below
        of_key[found.key] = event_id
        sources.append(source | {"event_id": event_id})
        topics += (
            {"event_id": event_id, "document_id": document_id, "topic": slug}
            for slug in dict.fromkeys(found.topics)
        )
        participants += (
            {
                "event_id": event_id,
                "person_id": person_id,
                "document_id": document_id,
                "title": _title_of(extraction, pid),
                "date_key": date_key,
            }
            for person_id, pid in persons.items()
        )
    _INSERT_SOURCES.insert_many(conn, sources)
    _INSERT_EVENT_TOPICS.insert_many(conn, topics)
    _INSERT_PARTICIPANTS.insert_many(conn, participants)
    for event_id, derived in _derive_events(conn, known).items():
        dating[event_id] = _write_derived(
            conn,
            event_id=event_id,
            derived=derived,
            countries_before=known[event_id].countries,
            dated_before=known[event_id].dated,
        )
    return _Placed(of_key=of_key, dating=dating, merged=frozenset(known))


def _title_of(extraction: Extraction, person_id: str) -> str | None:
    return next((p.title for p in extraction.people if p.id == person_id), None)


def _source_row(document_id: int, found: FoundEvent) -> dict[str, Any]:
    """The EventSource columns of one extracted event, but its event id."""
    return {
        "document_id": document_id,
        "is_primary": found.primary,
        "type": found.type,
        "date": found.date,
        "date_precision": found.precision,
        "location": found.location,
        "countries": ",".join(found.countries),
    }


def _source_view(row: Mapping[str, Any]) -> SourceView:
    return SourceView(
        document_id=row["document_id"],
        primary=row["is_primary"],
        type=row["type"],
        date=row["date"],
        location=row["location"],
        countries=frozenset(c for c in row["countries"].split(",") if c),
    )


def _match(conn: Connection, *, view: EventView, exclude: Collection[int]) -> _Known | None:
    """The known event this report describes, with its countries, through an indexed lookup."""
    if not view.countries:
        return None
    codes = sorted(view.countries)
    params: dict[str, Any] = {
        "anchor": codes[0],
        "second": codes[1] if len(codes) > 1 else codes[0],
        "type": view.type,
        "persons": sorted(view.participants),
    }
    date = view.date or ""
    span = date_range(date)
    once = view.type in ONCE_PER_PAIR
    if span is not None and span[0] == span[1]:  # a day
        params |= {"undated": "", "in_year": date[:4], "in_month": date[:7], "on_day": date}
        if once:
            query = _PAIR_EVENTS_ON_DAY
        else:
            query = _CANDIDATES_AROUND_DAY if view.participants else _CANDIDATES_ON_DAY
    elif not once and not view.participants:
        return None  # nothing it could share with a known event
    elif span is not None:  # a month or a year
        params |= {
            "undated": "",
            "in_year": date[:4],
            "period": date,
            "after_period": date + "~",  # after every date_key that starts with it
        }
        query = _PAIR_EVENTS_IN_PERIOD if once else _CANDIDATES_IN_PERIOD
    elif once:
        query = _PAIR_EVENTS
    else:  # undated, with people
        return _most_shared(conn, view=view, exclude=exclude)
    candidates = [
        row for row in query.rows(conn, params) if row.type == view.type and row.id not in exclude
    ]
    if not candidates:
        return None
    countries: dict[int, set[str]] = {row.id: set() for row in candidates}
    for event_id, code in _COUNTRIES_OF.rows(conn, {"ids": list(countries)}):
        countries[event_id].add(code)
    # Only events of the report's countries can match: the others' people are not read.
    candidates = [row for row in candidates if same_countries(view, countries[row.id])]
    if not candidates:
        return None
    participants: dict[int, set[int]] = {row.id: set() for row in candidates}
    if participants_matter(view):
        for event_id, person_id in _PARTICIPANTS_OF.rows(conn, {"ids": list(participants)}):
            participants[event_id].add(person_id)
    views = {
        row.id: EventView(
            type=row.type,
            date=row.date,
            countries=frozenset(countries[row.id]),
            participants=frozenset(participants[row.id]),
            primary=row.is_primary,
        )
        for row in candidates
    }
    best = best_match(view, views.items())
    if best is None:
        return None
    row = next(row for row in candidates if row.id == best)
    return _Known(best, views[best].countries, (row.date_key, row.year))


def _most_shared(conn: Connection, *, view: EventView, exclude: Collection[int]) -> _Known | None:
    """The known event an undated report with people describes: of its type and
    countries, the one that shares the most of its people (`_MOST_SHARED`)."""
    codes = sorted(view.countries)
    params = {
        "persons": sorted(view.participants),
        "type": view.type,
        "anchor": codes[0],
        "second": codes[1] if len(codes) > 1 else codes[0],
        "codes": codes,
        "count": len(codes),
        "limit": 2 + len(exclude),  # the two best that are not excluded
    }
    query = _MOST_SHARED if len(codes) > 2 else _MOST_SHARED_PAIR
    rows = [row for row in query.rows(conn, params) if row.event_id not in exclude]
    best = unique_best((row.shared, row.event_id) for row in rows[:2])
    if best is None:
        return None
    (dating,) = _DATING_OF.rows(conn, {"event_id": best})
    return _Known(best, view.countries, (dating.date_key, dating.year))


def _create_event(conn: Connection, *, source: SourceView) -> tuple[int, _Dating]:
    """Insert an event derived from its first source, with its countries."""
    derived = derive([source])
    values = _event_values(derived)
    event_id = _INSERT_EVENT.insert_one(conn, values)
    _INSERT_EVENT_COUNTRIES.insert_many(
        conn,
        [
            {"event_id": event_id, "country": c, "date_key": values["date_key"]}
            for c in derived.countries
        ],
    )
    _INSERT_PAIRS.insert_many(conn, _pair_rows(event_id, derived.countries, values["date_key"]))
    return event_id, _Dating(values["date_key"], values["year"], values["updated_at"])


def _pair_rows(event_id: int, countries: Iterable[str], date_key: str) -> list[dict[str, Any]]:
    return [{"event_id": event_id, "pair": p, "date_key": date_key} for p in pairs_of(countries)]


def _event_values(derived: Derived) -> dict[str, Any]:
    """An event's columns as derived from its sources, stamped now."""
    span = date_range(derived.date)
    return {
        "is_primary": derived.primary,
        "type": derived.type,
        "date": derived.date,
        "date_precision": derived.precision,
        "date_key": derived.date or "",
        "date_start": span[0] if span else None,
        "date_end": span[1] if span else None,
        "year": span[0].year if span else None,
        "location": derived.location,
        "updated_at": utcnow(),
    }


def _store_statements(
    conn: Connection,
    *,
    document_id: int,
    extraction: Extraction,
    people: dict[str, int],
    placed: _Placed,
) -> list[int]:
    """Insert the statements that have an event and a known speaker, with their topics."""
    primary_event = next((placed.of_key[e.key] for e in extraction.events if e.primary), None)
    rows: list[dict[str, Any]] = []
    topics: list[tuple[str, ...]] = []
    for found in extraction.statements:
        event_id = placed.of_key.get(found.event_key or "", primary_event)
        speaker = people.get(found.speaker)
        if event_id is None or speaker is None:
            continue  # a statement needs an event and a known speaker
        dating = placed.dating[event_id]
        rows.append(
            {
                "event_id": event_id,
                "document_id": document_id,
                "person_id": speaker,
                "kind": found.kind,
                "text": found.text,
                "char_start": found.start,
                "char_end": found.end,
                "group_id": None,
                "date_key": dating.date_key,
                "year": dating.year,
                "updated_at": dating.updated_at,
            }
        )
        topics.append(found.topics)
    if not rows:
        return []
    _link_corroborations(conn, document_id=document_id, rows=rows, known_events=placed.merged)
    ids = _INSERT_STATEMENT.insert_each(conn, rows)
    _INSERT_STATEMENT_TOPICS.insert_many(
        conn,
        [
            {"statement_id": statement_id, "topic": slug, "date_key": row["date_key"]}
            for statement_id, row, slugs in zip(ids, rows, topics, strict=True)
            for slug in dict.fromkeys(slugs)
        ],
    )
    return ids


def _link_corroborations(
    conn: Connection,
    *,
    document_id: int,
    rows: list[dict[str, Any]],
    known_events: Collection[int],
) -> None:
    """Group each new statement row with the same speaker's same words from another source.

    A statement that gains its first partner starts a group named by its own id. Only
    known events have other sources' statements.
    """
    event_ids = sorted({row["event_id"] for row in rows} & set(known_events))
    if not event_ids:
        return
    params = {
        "event_ids": event_ids,
        "person_ids": sorted({row["person_id"] for row in rows}),
        "document_id": document_id,
    }
    others: dict[tuple[int, int], list[tuple[int, str]]] = {}  # (event, speaker) -> (id, text)
    group_of: dict[int, int | None] = {}
    for other_id, event_id, person_id, text, group_id in _OTHER_SOURCES_STATEMENTS.rows(
        conn, params
    ):
        others.setdefault((event_id, person_id), []).append((other_id, text))
        group_of[other_id] = group_id
    words_of: dict[int, frozenset[str]] = {}  # read once, and only if compared
    started: list[int] = []
    for row in rows:
        candidates = others.get((row["event_id"], row["person_id"]))
        if not candidates:
            continue
        words = word_set(row["text"])
        for other_id, text in candidates:
            if other_id not in words_of:
                words_of[other_id] = word_set(text)
            if same_word_sets(words, words_of[other_id]):
                group = group_of[other_id]
                if group is None:
                    group = group_of[other_id] = other_id
                    started.append(other_id)
                row["group_id"] = group
                break
    if started:
        _START_GROUPS.run(conn, {"ids": started})


# ---------------------------------------------------------------- re-deriving events


def refresh_event(session: Session, *, event_id: int) -> None:
    """Re-derive an event from its sources; delete it when no source is left."""
    session.flush()  # what follows goes to the connection, past the session
    conn = session.connection()
    derived = _derive_events(conn, [event_id]).get(event_id)
    if derived is None:
        _delete_event(conn, event_id=event_id)
        return
    countries = _COUNTRIES_OF.rows(conn, {"ids": [event_id]})
    _write_derived(
        conn,
        event_id=event_id,
        derived=derived,
        countries_before=frozenset(code for _, code in countries),
    )


def _derive_events(conn: Connection, event_ids: Collection[int]) -> dict[int, Derived]:
    """Each event derived from all its stored sources (one query); sourceless ones left out."""
    if not event_ids:
        return {}
    sources: dict[int, list[SourceView]] = {}
    for row in _SOURCES_OF.rows(conn, {"ids": sorted(event_ids)}):
        sources.setdefault(row.event_id, []).append(_source_view(row._asdict()))
    return {event_id: derive(views) for event_id, views in sources.items()}


def _write_derived(
    conn: Connection,
    *,
    event_id: int,
    derived: Derived,
    countries_before: frozenset[str],
    dated_before: tuple[str, int | None] | None = None,
) -> _Dating:
    """Store an event's derived columns and countries; re-date the copies of its date that
    differ. Every copy holds the event's date_key and year as they were (`dated_before`),
    so when they stay, no copy is to change, and none is looked at."""
    values = _event_values(derived)
    _UPDATE_EVENT.run(
        conn, {f"new_{name}": value for name, value in values.items()} | {"event_id": event_id}
    )
    gone = countries_before - set(derived.countries)
    if gone:
        _DELETE_COUNTRIES.run(conn, {"of_event": event_id, "gone": sorted(gone)})
    added = [c for c in derived.countries if c not in countries_before]
    _INSERT_EVENT_COUNTRIES.insert_many(
        conn,
        [{"event_id": event_id, "country": c, "date_key": values["date_key"]} for c in added],
    )
    if gone or added:
        _DELETE_PAIRS.run(conn, {"of_event": event_id})
        _INSERT_PAIRS.insert_many(conn, _pair_rows(event_id, derived.countries, values["date_key"]))
    dating = _Dating(values["date_key"], values["year"], values["updated_at"])
    if dated_before == (dating.date_key, dating.year):
        return dating
    for redate in (_REDATE_COUNTRIES, _REDATE_PAIRS, _REDATE_PARTICIPANTS, _REDATE_TOPICS):
        redate.run(conn, {"of_event": event_id, "new_date_key": dating.date_key})
    _REDATE_STATEMENTS.run(
        conn,
        {
            "of_event": event_id,
            "new_date_key": dating.date_key,
            "year_or_minus_one": dating.year if dating.year else -1,
            "new_year": dating.year,
            "new_updated_at": dating.updated_at,
        },
    )
    return dating


def _delete_event(conn: Connection, *, event_id: int) -> None:
    """Delete an event and every row that refers to it."""
    conn.execute(
        delete(StatementTopic).where(
            col(StatementTopic.statement_id).in_(
                select(Statement.id).where(Statement.event_id == event_id)
            )
        )
    )
    for model in (Statement, EventTopic, EventParticipant, EventCountry, EventPair):
        conn.execute(delete(model).where(model.event_id == event_id))  # type: ignore[attr-defined]
    conn.execute(delete(Event).where(col(Event.id) == event_id))


# ---------------------------------------------------------------- deletion and topics


def delete_document(session: Session, *, document: Document) -> list[int]:
    """Remove a document and what it contributed; re-derive the events it shared."""
    assert document.id is not None
    event_ids = sorted(
        set(
            session.exec(select(EventSource.event_id).where(EventSource.document_id == document.id))
        )
        | set(session.exec(select(Statement.event_id).where(Statement.document_id == document.id)))
    )
    statement_ids = select(Statement.id).where(Statement.document_id == document.id)
    # Statements of other sources that were grouped with this document's lose that link
    # only if their group would be left with a single member; re-grouped below.
    session.exec(delete(StatementTopic).where(col(StatementTopic.statement_id).in_(statement_ids)))  # type: ignore[call-overload]
    session.exec(delete(Statement).where(col(Statement.document_id) == document.id))  # type: ignore[call-overload]
    session.exec(delete(EventParticipant).where(col(EventParticipant.document_id) == document.id))  # type: ignore[call-overload]
    session.exec(delete(EventTopic).where(col(EventTopic.document_id) == document.id))  # type: ignore[call-overload]
    session.exec(delete(EventSource).where(col(EventSource.document_id) == document.id))  # type: ignore[call-overload]
    session.delete(document)
    session.flush()
    for event_id in event_ids:
        refresh_event(session, event_id=event_id)
        _regroup(session, event_id=event_id)
    return event_ids


def _regroup(session: Session, *, event_id: int) -> None:
    """Drop corroboration groups of an event that are left with one statement."""
    members: dict[int, list[Statement]] = {}
    for statement in session.exec(
        select(Statement).where(
            Statement.event_id == event_id, col(Statement.group_id).is_not(None)
        )
    ):
        members.setdefault(statement.group_id, []).append(statement)  # type: ignore[arg-type]
    for group in members.values():
        if len(group) == 1:
            group[0].group_id = None
            session.add(group[0])


def sync_topics(session: Session) -> int:
    """Insert taxonomy topics missing from the database; existing rows are left alone."""
    known = set(session.exec(select(Topic.slug)))
    added = 0
    with resources.files("app.extract.lexicon").joinpath("topics.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["slug"] not in known:
                session.add(
                    Topic(slug=row["slug"], label=row["label"], description=row["description"])
                )
                added += 1
    return added
