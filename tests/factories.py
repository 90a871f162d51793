"""Hand-made extractions written through the real store step, for API and merge tests."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from app import store
from app.db import get_engine
from app.extract.records import Event, Extraction, Person, Statement
from app.merge import PRECISION_OF_LENGTH
from app.models import Document


def person(name: str, country: str | None, title: str | None = None) -> Person:
    return Person(id=name, name=name, title=title, country=country)


def event(
    key: str,
    type: str,
    date: str | None,
    countries: tuple[str, ...],
    participants: tuple[str, ...] = (),
    *,
    primary: bool = True,
    location: str | None = None,
    topics: tuple[str, ...] = (),
) -> Event:
    return Event(
        key=key,
        type=type,  # type: ignore[arg-type]
        date=date,
        precision=PRECISION_OF_LENGTH.get(len(date)) if date else None,  # type: ignore[arg-type]
        countries=tuple(sorted(countries)),
        location=location,
        participants=participants,
        primary=primary,
        sentence=0,
        topics=topics,
    )


def said(
    text: str,
    words: str,
    speaker: str,
    *,
    event_key: str = "e0",
    topics: tuple[str, ...] = (),
    kind: str = "reported",
) -> Statement:
    start = text.index(words)
    return Statement(
        speaker=speaker,
        kind=kind,
        start=start,
        end=start + len(words),  # type: ignore[arg-type]
        text=words,
        event_key=event_key,
        topics=topics,
    )


def put_document(
    text: str,
    *,
    people: tuple[Person, ...] = (),
    events: tuple[Event, ...] = (),
    statements: tuple[Statement, ...] = (),
    published: dt.date | None = None,
    title: str | None = None,
) -> dict:
    """Store a document with the given records; returns the ids the store assigned."""
    with Session(get_engine()) as session:
        document = Document(
            text=text, content_hash=store.content_hash(text), published=published, title=title
        )
        session.add(document)
        session.flush()
        assert document.id is not None
        event_ids, statement_ids = store.store_extraction(
            session,
            document_id=document.id,
            extraction=Extraction(people=people, events=events, statements=statements),
        )
        session.commit()
        return {"document": document.id, "events": event_ids, "statements": statement_ids}
