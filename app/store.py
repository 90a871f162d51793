"""The pipeline's store step: write one document's records, merged with known events.

Each function works inside the caller's transaction; the caller commits once
per document, so a failure leaves nothing half-written.
"""

from __future__ import annotations

import csv
import hashlib
import logging
from collections.abc import Iterable
from importlib import resources

from sqlalchemy import func, or_, update
from sqlmodel import Session, col, delete, select

from app import crud
from app.extract import pipeline
from app.extract.records import Extraction, Source
from app.merge import EventView, SourceView, best_match, date_range, derive, same_words
from app.models import (
    Document,
    DocumentCreate,
    DocumentPublic,
    Event,
    EventCountry,
    EventParticipant,
    EventSource,
    EventTopic,
    IngestResult,
    Person,
    Statement,
    StatementTopic,
    Topic,
    utcnow,
)

log = logging.getLogger(__name__)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ingest_document(session: Session, *, payload: DocumentCreate) -> IngestResult:
    """Store a document and what the pipeline finds in it; the same text is stored once."""
    digest = content_hash(payload.text)
    existing = crud.get_document_by_hash(session, content_hash=digest)
    if existing is not None:
        event_ids, statement_ids = crud.document_records(session, document_id=existing.id)
        return IngestResult(
            document=DocumentPublic.model_validate(existing),
            events=event_ids,
            statements=statement_ids,
            created=False,
        )
    extraction = pipeline.extract(
        Source(
            text=payload.text,
            published=payload.published,
            title=payload.title,
            publisher=payload.publisher,
            url=payload.url,
        )
    )
    document = Document(**payload.model_dump(), content_hash=digest)
    session.add(document)
    session.flush()
    event_ids, statement_ids = store_extraction(session, document=document, extraction=extraction)
    return IngestResult(
        document=DocumentPublic.model_validate(document),
        events=event_ids,
        statements=statement_ids,
        created=True,
    )


def store_extraction(
    session: Session, *, document: Document, extraction: Extraction
) -> tuple[list[int], list[int]]:
    """Write people, events (merged with known ones) and statements of one document."""
    assert document.id is not None
    people = _people(session, extraction)
    event_of_key: dict[str, int] = {}
    claimed: set[int] = set()
    for found in extraction.events:
        participants = {people[pid].id: pid for pid in found.participants if pid in people}
        view = EventView(
            type=found.type,
            date=found.date,
            countries=frozenset(found.countries),
            participants=frozenset(p for p in participants if p is not None),
            primary=found.primary,
        )
        event_id = _match(session, view=view, exclude=claimed)
        if event_id is None:
            event = Event(type=found.type)
            session.add(event)
            session.flush()
            event_id = event.id
        assert event_id is not None
        claimed.add(event_id)
        event_of_key[found.key] = event_id
        session.add(
            EventSource(
                event_id=event_id,
                document_id=document.id,
                is_primary=found.primary,
                type=found.type,
                date=found.date,
                date_precision=found.precision,
                location=found.location,
                countries=",".join(found.countries),
            )
        )
        session.add_all(
            EventTopic(event_id=event_id, document_id=document.id, topic=slug)
            for slug in dict.fromkeys(found.topics)
        )
        session.add_all(
            EventParticipant(
                event_id=event_id,
                person_id=person_id,
                document_id=document.id,
                title=_title_of(extraction, pid),
            )
            for person_id, pid in participants.items()
        )
    session.flush()

    primary_event = next((event_of_key[e.key] for e in extraction.events if e.primary), None)
    stored: list[tuple[Statement, tuple[str, ...]]] = []
    for found in extraction.statements:
        event_id = event_of_key.get(found.event_key or "", primary_event)
        speaker = people.get(found.speaker)
        if event_id is None or speaker is None:
            continue  # a statement needs an event and a known speaker
        statement = Statement(
            event_id=event_id,
            document_id=document.id,
            person_id=speaker.id,  # type: ignore[arg-type]
            kind=found.kind,
            text=found.text,
            char_start=found.start,
            char_end=found.end,
        )
        stored.append((statement, found.topics))
    session.add_all(statement for statement, _ in stored)
    session.flush()  # one batch of inserts assigns every id
    session.add_all(
        StatementTopic(statement_id=statement.id, topic=slug)  # type: ignore[arg-type]
        for statement, topics in stored
        for slug in dict.fromkeys(topics)
    )
    _link_corroborations(session, statements=[statement for statement, _ in stored])
    session.flush()
    for event_id in claimed:
        refresh_event(session, event_id=event_id)
    statement_ids = [statement.id for statement, _ in stored]
    return list(dict.fromkeys(event_of_key.values())), statement_ids  # type: ignore[return-value]


def _title_of(extraction: Extraction, person_id: str) -> str | None:
    return next((p.title for p in extraction.people if p.id == person_id), None)


def _people(session: Session, extraction: Extraction) -> dict[str, Person]:
    """Each extracted person as a stored Person, matched by normalised name (one query)."""
    keys = {p.id: crud.name_key(p.name) for p in extraction.people}
    with session.no_autoflush:
        known = {
            person.name_key: person
            for person in session.exec(
                select(Person).where(col(Person.name_key).in_(set(keys.values())))
            )
        }
    for found in extraction.people:
        key = keys[found.id]
        person = known.get(key)
        if person is None:
            person = Person(name=found.name, name_key=key, title=found.title, country=found.country)
            known[key] = person
        else:
            if person.country is None and found.country:
                person.country = found.country
            if found.title:
                person.title = found.title
        session.add(person)
    session.flush()
    return {found.id: known[keys[found.id]] for found in extraction.people}


def _match(session: Session, *, view: EventView, exclude: set[int]) -> int | None:
    """Find the known event this report describes, through an indexed lookup."""
    if not view.countries:
        return None
    anchor = sorted(view.countries)[0]
    query = (
        select(Event)
        .join(EventCountry, col(EventCountry.event_id) == Event.id)
        .where(EventCountry.country == anchor, Event.type == view.type)
    )
    span = date_range(view.date)
    if span is not None:
        start, end = span
        query = query.where(
            (col(Event.date_start).is_(None))
            | ((col(Event.date_start) <= end) & (col(Event.date_end) >= start))
        )
    candidates = [e for e in session.exec(query) if e.id not in exclude]
    if not candidates:
        return None
    ids = [e.id for e in candidates]
    countries: dict[int, set[str]] = {i: set() for i in ids}  # type: ignore[misc]
    for event_id, code in session.exec(
        select(EventCountry.event_id, EventCountry.country).where(
            col(EventCountry.event_id).in_(ids)
        )
    ):
        countries[event_id].add(code)
    participants: dict[int, set[int]] = {i: set() for i in ids}  # type: ignore[misc]
    for event_id, person_id in session.exec(
        select(EventParticipant.event_id, EventParticipant.person_id).where(
            col(EventParticipant.event_id).in_(ids)
        )
    ):
        participants[event_id].add(person_id)
    views = [
        (
            e.id,
            EventView(
                type=e.type,
                date=e.date,
                countries=frozenset(countries[e.id]),  # type: ignore[index]
                participants=frozenset(participants[e.id]),  # type: ignore[index]
                primary=e.is_primary,
            ),
        )
        for e in candidates
    ]
    return best_match(view, views)  # type: ignore[arg-type]


def _link_corroborations(session: Session, *, statements: list[Statement]) -> None:
    """Group each new statement with the same speaker's same words from another source."""
    if not statements:
        return
    document_id = statements[0].document_id
    others: dict[tuple[int, int], list[Statement]] = {}
    for other in session.exec(
        select(Statement).where(
            col(Statement.event_id).in_({s.event_id for s in statements}),
            Statement.document_id != document_id,
        )
    ):
        others.setdefault((other.event_id, other.person_id), []).append(other)
    for statement in statements:
        for other in others.get((statement.event_id, statement.person_id), []):
            if same_words(statement.text, other.text):
                if other.group_id is None:
                    other.group_id = other.id
                    session.add(other)
                statement.group_id = other.group_id
                session.add(statement)
                break


def refresh_event(session: Session, *, event_id: int) -> Event | None:
    """Re-derive an event from its sources; delete it when no source is left."""
    event = session.get(Event, event_id)
    if event is None:
        return None
    sources = session.exec(select(EventSource).where(EventSource.event_id == event_id)).all()
    if not sources:
        session.exec(
            delete(StatementTopic).where(  # type: ignore[call-overload]
                col(StatementTopic.statement_id).in_(
                    select(Statement.id).where(Statement.event_id == event_id)
                )
            )
        )
        session.exec(delete(Statement).where(col(Statement.event_id) == event_id))  # type: ignore[call-overload]
        session.exec(delete(EventTopic).where(col(EventTopic.event_id) == event_id))  # type: ignore[call-overload]
        session.exec(delete(EventParticipant).where(col(EventParticipant.event_id) == event_id))  # type: ignore[call-overload]
        session.exec(delete(EventCountry).where(col(EventCountry.event_id) == event_id))  # type: ignore[call-overload]
        session.delete(event)
        return None
    derived = derive(
        [
            SourceView(
                document_id=s.document_id,
                primary=s.is_primary,
                type=s.type,
                date=s.date,
                location=s.location,
                countries=frozenset(c for c in s.countries.split(",") if c),
            )
            for s in sources
        ]
    )
    span = date_range(derived.date)
    event.is_primary = derived.primary
    event.type = derived.type
    event.date = derived.date
    event.date_precision = derived.precision
    event.date_key = derived.date or ""
    event.date_start, event.date_end = span if span else (None, None)
    event.year = span[0].year if span else None
    event.location = derived.location
    event.updated_at = utcnow()
    session.add(event)
    _set_countries(session, event_id=event_id, countries=derived.countries)
    session.flush()
    session.exec(  # type: ignore[call-overload]
        update(Statement)
        .where(
            col(Statement.event_id) == event_id,
            or_(
                col(Statement.date_key) != event.date_key,
                func.coalesce(col(Statement.year), -1) != (event.year if event.year else -1),
            ),
        )
        .values(date_key=event.date_key, year=event.year, updated_at=event.updated_at)
        .execution_options(synchronize_session="fetch")
    )
    return event


def _set_countries(session: Session, *, event_id: int, countries: Iterable[str]) -> None:
    wanted = set(countries)
    have = set(session.exec(select(EventCountry.country).where(EventCountry.event_id == event_id)))
    for code in have - wanted:
        session.exec(
            delete(EventCountry).where(  # type: ignore[call-overload]
                col(EventCountry.event_id) == event_id, col(EventCountry.country) == code
            )
        )
    for code in wanted - have:
        session.add(EventCountry(event_id=event_id, country=code))


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
