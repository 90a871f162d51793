"""Events and statements as the API shows them, built from plain rows.

A list page is read as rows of EVENT_COLUMNS or STATEMENT_COLUMNS (app.crud
applies the filters); this module completes them with a few queries over the
page's ids, each built once at import with an expanding IN parameter and run
on the session's connection, and returns plain dicts in the field order of
EventPublic, EventDetail and StatementPublic, ready to serialize.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import CompoundSelect, Row, Select, String, bindparam, cast, func, union
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.models import (
    Document,
    Event,
    EventCountry,
    EventParticipant,
    EventSource,
    EventTopic,
    Person,
    Statement,
    StatementTopic,
)

Record = dict[str, Any]

# What list pages select: the columns their records are built from.
EVENT_COLUMNS = (
    Event.id,
    Event.date,
    Event.date_precision,
    Event.year,
    Event.type,
    Event.location,
    Event.is_primary,
    Event.updated_at,
    Event.date_key,
)
STATEMENT_COLUMNS = (
    Statement.id,
    Statement.event_id,
    Statement.person_id,
    Statement.text,
    Statement.kind,
    Statement.document_id,
    Statement.char_start,
    Statement.char_end,
    Statement.group_id,
    Statement.updated_at,
    Statement.date_key,
)

IDS = bindparam("ids", expanding=True)

EVENT_BY_ID = select(*EVENT_COLUMNS).where(Event.id == bindparam("id"))
STATEMENT_BY_ID = select(*STATEMENT_COLUMNS).where(Statement.id == bindparam("id"))
EVENTS_BY_IDS = select(*EVENT_COLUMNS).where(col(Event.id).in_(IDS))
STATEMENTS_BY_IDS = select(*STATEMENT_COLUMNS).where(col(Statement.id).in_(IDS))
STATEMENTS_OF_EVENT = (
    select(*STATEMENT_COLUMNS)
    .where(Statement.event_id == bindparam("id"))
    .order_by(col(Statement.document_id), col(Statement.char_start))
)
COUNTRIES = (
    select(EventCountry.event_id, EventCountry.country)
    .where(col(EventCountry.event_id).in_(IDS))
    .order_by(col(EventCountry.country))
)
PARTICIPANTS = (
    select(
        EventParticipant.event_id,
        EventParticipant.title,
        Person.id,
        Person.name,
        Person.title,
        Person.country,
    )
    .join(Person, col(Person.id) == EventParticipant.person_id)
    .where(col(EventParticipant.event_id).in_(IDS))
    .order_by(col(EventParticipant.id))
)
# An event's topics: those of its statements and those its sources gave the event itself.
EVENT_TOPICS = union(
    select(Statement.event_id, StatementTopic.topic)
    .join(StatementTopic, col(StatementTopic.statement_id) == Statement.id)
    .where(col(Statement.event_id).in_(IDS)),
    select(EventTopic.event_id, EventTopic.topic).where(col(EventTopic.event_id).in_(IDS)),
)
SOURCES = (
    select(
        EventSource.event_id,
        EventSource.is_primary,
        Document.id,
        Document.url,
        Document.publisher,
        Document.published,
        Document.title,
    )
    .join(Document, col(Document.id) == EventSource.document_id)
    .where(col(EventSource.event_id).in_(IDS))
    .order_by(col(EventSource.document_id))
)
_OTHER = aliased(Statement)  # another statement of the same group
STATEMENT_DETAILS = (
    select(
        Statement.id,
        Person.id,
        Person.name,
        # the speaker's title at that event if a source gave one, else the latest known
        func.coalesce(
            select(EventParticipant.title)
            .where(
                EventParticipant.event_id == Statement.event_id,
                EventParticipant.person_id == Statement.person_id,
                col(EventParticipant.title).is_not(None),
            )
            .order_by(col(EventParticipant.id))
            .limit(1)
            .scalar_subquery(),
            Person.title,
        ),
        Person.country,
        select(func.aggregate_strings(StatementTopic.topic, ","))
        .where(StatementTopic.statement_id == Statement.id)
        .scalar_subquery(),
        select(func.aggregate_strings(cast(_OTHER.id, String), ","))
        .where(_OTHER.group_id == Statement.group_id, _OTHER.id != Statement.id)
        .scalar_subquery(),
    )
    .join(Person, col(Person.id) == Statement.person_id)
    .where(col(Statement.id).in_(IDS))
)


def rows(session: Session, query: Select | CompoundSelect, **params: Any) -> Sequence[Row]:
    """Run a select on the session's connection: plain rows, no ORM objects to build."""
    return session.connection().execute(query, params).all()


def _over(session: Session, query: Select | CompoundSelect, ids: Iterable[int]) -> Sequence[Row]:
    return rows(session, query, ids=list(ids))


def _person(person_id: int, name: str, title: str | None, country: str | None) -> Record:
    return {"id": person_id, "name": name, "title": title, "country": country}


# ---------------------------------------------------------------- events


def events(session: Session, found: Sequence[Row]) -> list[Record]:
    """Events (rows of EVENT_COLUMNS) as EventPublic records, with their countries,
    participants (each once, with their title at the event), topics and sources."""
    ids = [e.id for e in found]
    if not ids:
        return []
    countries: dict[int, list[str]] = defaultdict(list)
    for event_id, code in _over(session, COUNTRIES, ids):
        countries[event_id].append(code)

    participants: dict[int, dict[int, Record]] = defaultdict(dict)
    for event_id, title, person_id, name, person_title, country in _over(
        session, PARTICIPANTS, ids
    ):
        known = participants[event_id].get(person_id)
        if known is None or (known["title"] is None and title):
            participants[event_id][person_id] = _person(
                person_id, name, title or person_title, country
            )

    topics: dict[int, list[str]] = defaultdict(list)
    for event_id, topic in _over(session, EVENT_TOPICS, ids):  # each pair once (a union)
        topics[event_id].append(topic)

    sources: dict[int, dict[int, Record]] = defaultdict(dict)
    for event_id, is_primary, document_id, url, publisher, published, title in _over(
        session, SOURCES, ids
    ):
        known_source = sources[event_id].get(document_id)
        sources[event_id][document_id] = {
            "document_id": document_id,
            "url": url,
            "publisher": publisher,
            "published": published,
            "title": title,
            "primary": bool(is_primary or (known_source and known_source["primary"])),
        }

    return [
        {
            "id": e.id,
            "date": e.date,
            "date_precision": e.date_precision,
            "year": e.year,
            "type": e.type,
            "countries": countries[e.id],
            "location": e.location,
            "participants": list(participants[e.id].values()),
            "topics": sorted(topics[e.id]),
            "primary": e.is_primary,
            "sources": list(sources[e.id].values()),
            "updated_at": e.updated_at,
        }
        for e in found
    ]


def event_detail(session: Session, event_id: int) -> Record | None:
    """One event as an EventDetail record, its statements inline in source order."""
    found = rows(session, EVENT_BY_ID, id=event_id)
    if not found:
        return None
    (event,) = events(session, found)
    inline = statements(session, rows(session, STATEMENTS_OF_EVENT, id=event_id))
    return {**event, "statements": inline}


# ---------------------------------------------------------------- statements


def statements(session: Session, found: Sequence[Row]) -> list[Record]:
    """Statements (rows of STATEMENT_COLUMNS) as StatementPublic records, with the speaker
    (and their title at that event), topics and corroborating statements (one query)."""
    if not found:
        return []
    details = {row[0]: row[1:] for row in _over(session, STATEMENT_DETAILS, [s.id for s in found])}
    records = []
    for s in found:
        person_id, name, title, country, topics, others = details[s.id]
        records.append(
            {
                "id": s.id,
                "event_id": s.event_id,
                "speaker": _person(person_id, name, title, country),
                "text": s.text,
                "kind": s.kind,
                "topics": sorted(topics.split(",")) if topics else [],
                "document_id": s.document_id,
                "start": s.char_start,
                "end": s.char_end,
                "corroborated_by": sorted(int(i) for i in others.split(",")) if others else [],
                "updated_at": s.updated_at,
            }
        )
    return records


def statement(session: Session, statement_id: int) -> Record | None:
    """One statement as a StatementPublic record."""
    found = statements(session, rows(session, STATEMENT_BY_ID, id=statement_id))
    return found[0] if found else None


# ---------------------------------------------------------------- lists


@dataclass(frozen=True)
class Listing:
    """How a list page shows its kind of record: from the rows its query read, or from ids
    alone (when the query read only keys because most records were already built)."""

    kind: str
    from_rows: Callable[[Session, Sequence[Row]], list[Record]]
    by_ids: Select

    def from_ids(self, session: Session, ids: Iterable[int]) -> list[Record]:
        """Records of the ids that exist, in no set order."""
        return self.from_rows(session, _over(session, self.by_ids, ids))


EVENT_LISTING = Listing("event", events, EVENTS_BY_IDS)
STATEMENT_LISTING = Listing("statement", statements, STATEMENTS_BY_IDS)
