"""SQLModel tables and the public schemas the API returns, one family per entity.

An event is an aggregate over its sources: every document that reports or
mentions it leaves an `EventSource` row with what that document said (type,
date, place, countries) and `EventParticipant` rows; the event's own columns
are re-derived from those rows whenever a source is added or deleted.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable

from sqlalchemy import BigInteger, Column, ForeignKey, Index, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

# One vocabulary for the pipeline's records and the API's schemas.
from app.extract.records import EventType, Precision, StatementKind


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _fk(target: str, *, index: bool = True) -> Column:
    return Column(Integer, ForeignKey(target, ondelete="CASCADE"), nullable=False, index=index)


# ---------------------------------------------------------------- documents


class DocumentBase(SQLModel):
    url: str | None = Field(default=None, max_length=2048)
    publisher: str | None = Field(default=None, max_length=500)
    published: dt.date | None = None
    title: str | None = Field(default=None, max_length=1000)


# Stored source texts; `content_hash` makes ingestion idempotent.
class Document(DocumentBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str = Field(max_length=64, unique=True, index=True)
    ingested_at: dt.datetime = Field(default_factory=utcnow)


# What POST /v1/documents and GET /v1/documents/{id} return about a document.
class DocumentPublic(DocumentBase):
    id: int
    content_hash: str
    ingested_at: dt.datetime


# GET /v1/documents/{id}: the metadata with the full text.
class DocumentWithText(DocumentPublic):
    text: str
    event_ids: list[int] = []
    statement_ids: list[int] = []


# ---------------------------------------------------------------- people


# A person across documents, identified by a normalised name.
class Person(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=300)
    name_key: str = Field(max_length=300, unique=True, index=True)
    country: str | None = Field(default=None, max_length=2, index=True)
    title: str | None = Field(default=None, max_length=300)  # the latest title seen


# ---------------------------------------------------------------- events


# One real-world event, derived from its EventSource rows.
class Event(SQLModel, table=True):
    __table_args__ = (
        Index("ix_event_date_key_id", "date_key", "id"),
        Index("ix_event_year_date_key_id", "year", "date_key", "id"),
        Index("ix_event_type_date_key_id", "type", "date_key", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    date: str | None = Field(default=None, max_length=10)
    date_precision: str | None = Field(default=None, max_length=5)
    date_key: str = Field(default="", max_length=10)  # `date` or "": the sort key
    date_start: dt.date | None = Field(default=None, index=True)  # first day the date covers
    date_end: dt.date | None = Field(default=None, index=True)  # last day the date covers
    year: int | None = None
    type: str = Field(max_length=30)
    location: str | None = Field(default=None, max_length=200)
    is_primary: bool = False
    updated_at: dt.datetime = Field(default_factory=utcnow, index=True)


# The countries of an event, one row each, for the country and pair filters.
class EventCountry(SQLModel, table=True):
    # A country's events newest first: a list filtered by country reads its page here.
    __table_args__ = (
        Index("ix_eventcountry_country_date_key_event", "country", "date_key", "event_id"),
    )

    event_id: int = Field(
        sa_column=Column(Integer, ForeignKey("event.id", ondelete="CASCADE"), primary_key=True)
    )
    country: str = Field(max_length=2, primary_key=True)
    date_key: str = Field(default="", max_length=10)  # copied from the event for ordering


# Each two countries of an event, once: a list filtered by pair reads its page here, that
# pair's events newest first (kept by the store with the event's countries and date).
class EventPair(SQLModel, table=True):
    __table_args__ = (Index("ix_eventpair_pair_date_key_event", "pair", "date_key", "event_id"),)

    event_id: int = Field(
        sa_column=Column(Integer, ForeignKey("event.id", ondelete="CASCADE"), primary_key=True)
    )
    pair: str = Field(max_length=5, primary_key=True)  # pair_key of two of its countries
    date_key: str = Field(default="", max_length=10)  # copied from the event for ordering


def pair_key(first: str, second: str) -> str:
    """Two country codes as one key, in alphabetical order: 'BE-CN' for CN and BE."""
    return "-".join(sorted((first, second)))


def pairs_of(countries: Iterable[str]) -> list[str]:
    """The pair keys of every two of `countries`."""
    return [pair_key(a, b) for a, b in itertools.combinations(sorted(set(countries)), 2)]


# What one document says about one event.
class EventSource(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(sa_column=_fk("event.id"))
    document_id: int = Field(sa_column=_fk("document.id"))
    is_primary: bool = False
    type: str = Field(max_length=30)
    date: str | None = Field(default=None, max_length=10)
    date_precision: str | None = Field(default=None, max_length=5)
    location: str | None = Field(default=None, max_length=200)
    countries: str = Field(default="", max_length=200)  # comma-separated alpha-2


# A person taking part in an event according to one document, with the title then held.
class EventParticipant(SQLModel, table=True):
    # A person's events by date: a report looks up the known events it may describe,
    # of its participants and dates, here (app/store.py).
    __table_args__ = (
        UniqueConstraint("event_id", "person_id", "document_id"),
        Index("ix_eventparticipant_person_event", "person_id", "event_id"),
        Index("ix_eventparticipant_person_date_key_event", "person_id", "date_key", "event_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(sa_column=_fk("event.id"))
    person_id: int = Field(sa_column=_fk("person.id", index=False))
    document_id: int = Field(sa_column=_fk("document.id"))
    title: str | None = Field(default=None, max_length=300)
    date_key: str = Field(default="", max_length=10)  # copied from the event


# A topic one document says an event addressed outside any statement ("the leaders discussed ...").
class EventTopic(SQLModel, table=True):
    __table_args__ = (Index("ix_eventtopic_topic_event", "topic", "event_id"),)

    event_id: int = Field(
        sa_column=Column(Integer, ForeignKey("event.id", ondelete="CASCADE"), primary_key=True)
    )
    document_id: int = Field(
        sa_column=Column(Integer, ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    )
    topic: str = Field(foreign_key="topic.slug", primary_key=True, max_length=60)


# ---------------------------------------------------------------- statements


# What a named speaker said at an event, with its exact span in one document.
class Statement(SQLModel, table=True):
    __table_args__ = (
        Index("ix_statement_date_key_id", "date_key", "id"),
        Index("ix_statement_person_date_key_id", "person_id", "date_key", "id"),
        Index("ix_statement_year_date_key_id", "year", "date_key", "id"),
        Index("ix_statement_kind_date_key_id", "kind", "date_key", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(sa_column=_fk("event.id"))
    document_id: int = Field(sa_column=_fk("document.id"))
    person_id: int = Field(sa_column=_fk("person.id", index=False))
    kind: str = Field(max_length=10)
    text: str = Field(sa_column=Column(Text, nullable=False))
    char_start: int
    char_end: int
    group_id: int | None = Field(default=None, index=True)  # same words, several sources
    date_key: str = Field(default="", max_length=10)  # copied from the event for ordering
    year: int | None = None
    updated_at: dt.datetime = Field(default_factory=utcnow, index=True)


# ---------------------------------------------------------------- topics


# The curated taxonomy (app/extract/lexicon/topics.csv).
class Topic(SQLModel, table=True):
    slug: str = Field(primary_key=True, max_length=60)
    label: str = Field(max_length=200)
    description: str = Field(default="", max_length=1000)


class StatementTopic(SQLModel, table=True):
    # A topic's statements newest first: a list filtered by topic reads its page here.
    __table_args__ = (
        Index("ix_statementtopic_topic_date_key_statement", "topic", "date_key", "statement_id"),
    )

    statement_id: int = Field(
        sa_column=Column(Integer, ForeignKey("statement.id", ondelete="CASCADE"), primary_key=True)
    )
    topic: str = Field(foreign_key="topic.slug", primary_key=True, max_length=60)
    date_key: str = Field(default="", max_length=10)  # copied from the statement for ordering


# ---------------------------------------------------------------- changes


# One row: how many times the records' tables have been written. Triggers of migration
# 0005 add one on every insert, update or delete of a table records are built from, in
# the writing transaction, so whoever reads `n` before reading records knows that records
# it kept from a read at the same `n` are still current (app.record_cache). `epoch` is
# drawn when the row is made: another database never passes for this one.
class DataRevision(SQLModel, table=True):
    id: int = Field(default=1, primary_key=True)
    n: int = Field(sa_column=Column(BigInteger, nullable=False))
    epoch: str = Field(max_length=32)


# ---------------------------------------------------------------- public schemas


# A participant or speaker as the API shows them.
class PersonPublic(SQLModel):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {"id": 7, "name": "Qin Gang", "title": "Foreign Minister", "country": "CN"}
            ]
        }
    }

    id: int
    name: str
    title: str | None
    country: str | None


# One source of an event in GET /v1/events.
class SourcePublic(SQLModel):
    document_id: int
    url: str | None
    publisher: str | None
    published: dt.date | None
    title: str | None
    primary: bool


# A statement in GET /v1/statements and inline in GET /v1/events/{id}.
class StatementPublic(SQLModel):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "id": 41,
                    "event_id": 3,
                    "speaker": {
                        "id": 7,
                        "name": "Qin Gang",
                        "title": "Foreign Minister",
                        "country": "CN",
                    },
                    "text": "China and Europe enjoy broad common interests, instead of "
                    "geopolitical conflicts, Qin noted.",
                    "kind": "reported",
                    "topics": ["eu-relations"],
                    "document_id": 4,
                    "start": 1168,
                    "end": 1256,
                    "corroborated_by": [],
                    "updated_at": "2026-11-23T13:29:02Z",
                }
            ]
        }
    }

    id: int
    event_id: int
    speaker: PersonPublic
    text: str
    kind: StatementKind
    topics: list[str]
    document_id: int
    start: int
    end: int
    corroborated_by: list[int] = Field(
        default=[], description="Ids of statements from other sources reporting the same words."
    )
    updated_at: dt.datetime


# An event in GET /v1/events.
class EventPublic(SQLModel):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "id": 3,
                    "date": "2023-02-10",
                    "date_precision": "day",
                    "year": 2023,
                    "type": "phone_call",
                    "countries": ["BE", "CN"],
                    "location": None,
                    "participants": [
                        {"id": 7, "name": "Qin Gang", "title": "Foreign Minister", "country": "CN"},
                        {
                            "id": 8,
                            "name": "Hadja Lahbib",
                            "title": "Minister of Foreign Affairs",
                            "country": "BE",
                        },
                    ],
                    "topics": ["one-china", "supply-chains", "trade"],
                    "primary": True,
                    "sources": [
                        {
                            "document_id": 4,
                            "url": None,
                            "publisher": "Xinhua",
                            "published": "2023-02-11",
                            "title": "China ready to deepen ties with Belgium: FM",
                            "primary": True,
                        }
                    ],
                    "updated_at": "2026-11-23T13:29:02Z",
                }
            ]
        }
    }

    id: int
    date: str | None
    date_precision: Precision | None
    year: int | None
    type: EventType
    countries: list[str]
    location: str | None
    participants: list[PersonPublic]
    topics: list[str]
    primary: bool
    sources: list[SourcePublic]
    updated_at: dt.datetime


# GET /v1/events/{id}: the event with its statements inline.
class EventDetail(EventPublic):
    statements: list[StatementPublic]


class TopicPublic(SQLModel):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "slug": "trade",
                    "label": "Trade",
                    "description": "Bilateral trade, exports and imports, market access",
                    "statement_count": 12,
                }
            ]
        }
    }

    slug: str
    label: str
    description: str
    statement_count: int


class SpeakerPublic(PersonPublic):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    **{"id": 7, "name": "Qin Gang", "title": "Foreign Minister", "country": "CN"},
                    "statement_count": 6,
                    "event_count": 1,
                }
            ]
        }
    }

    statement_count: int
    event_count: int


# 201/200 answer of POST /v1/documents.
class IngestResult(SQLModel):
    document: DocumentPublic
    events: list[int]
    statements: list[int]
    created: bool


# What a client posts to POST /v1/documents.
class DocumentCreate(SQLModel):
    text: str = Field(min_length=1, description="The source text, as published.")
    url: str | None = Field(default=None, max_length=2048)
    publisher: str | None = Field(default=None, max_length=500)
    published: dt.date | None = Field(default=None, description="Publication date, YYYY-MM-DD.")
    title: str | None = Field(default=None, max_length=1000)
