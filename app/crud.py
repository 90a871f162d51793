"""Keyword-only queries shared by the API and the ingestion store.

Lists use keyset pagination: rows are ordered by (date_key desc, id desc) and a
page starts strictly after the (date_key, id) of the previous page's last row.
"""

from __future__ import annotations

import datetime as dt
import time
import unicodedata
from dataclasses import dataclass

from sqlalchemy import Row, and_, func, literal, or_, tuple_
from sqlmodel import Session, col, select

from app.models import (
    Document,
    Event,
    EventCountry,
    EventParticipant,
    EventSource,
    EventTopic,
    Person,
    SpeakerPublic,
    Statement,
    StatementTopic,
    Topic,
    TopicPublic,
)
from app.publish import EVENT_COLUMNS, STATEMENT_COLUMNS, rows


def name_key(name: str) -> str:
    """Normalise a person's name for identity and lookup: no accents, lower case."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().replace("\u2019", "'").split())


def _aware(moment: dt.datetime) -> dt.datetime:
    """A time without a zone is read as UTC, the zone every stored time is in."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _like(text: str) -> str:
    escaped = text.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# ---------------------------------------------------------------- filters


@dataclass(frozen=True)
class EventFilter:
    countries: tuple[str, ...] = ()
    pair: tuple[str, str] | None = None
    year: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    type: str | None = None
    topic: str | None = None
    speaker: str | None = None  # an id, a full name or a surname
    q: str | None = None
    updated_since: dt.datetime | None = None


@dataclass(frozen=True)
class StatementFilter:
    countries: tuple[str, ...] = ()
    pair: tuple[str, str] | None = None
    year: int | None = None
    topic: str | None = None
    speaker: str | None = None
    event_id: int | None = None
    kind: str | None = None
    q: str | None = None
    updated_since: dt.datetime | None = None


# Below this many index entries, a filter value's id list is cheap to build, so the
# query starts from it ("id IN (...)"); above it, matches are dense and walking the
# date index while checking each row ("EXISTS") reaches a page sooner.
RARE = 5_000


# A value's frequency changes slowly and only picks the query plan, never the results,
# so the answer is remembered for a while (per database, column and value).
RARITY_SECONDS = 300.0
_rarity: dict[tuple[str, str, object, int], tuple[float, bool]] = {}


def _is_rare(session: Session, column, value: object) -> bool:  # type: ignore[no-untyped-def]
    key = (str(session.get_bind().url), str(column), value, RARE)
    now = time.monotonic()
    known = _rarity.get(key)
    if known is not None and now - known[0] < RARITY_SECONDS:
        return known[1]
    sample = select(literal(1)).where(column == value).limit(RARE).subquery()
    rare = session.exec(select(func.count()).select_from(sample)).one() < RARE
    if len(_rarity) >= 10_000:  # a bound on memory: countries and topics are far fewer
        _rarity.clear()
    _rarity[key] = (now, rare)
    return rare


def _takes_part(session: Session, event_id, code: str):  # type: ignore[no-untyped-def]
    """The event whose id is `event_id` (a column) has `code` among its countries."""
    if _is_rare(session, EventCountry.country, code):
        return col(event_id).in_(select(EventCountry.event_id).where(EventCountry.country == code))
    return (
        select(literal(1))
        .where(EventCountry.event_id == event_id, EventCountry.country == code)
        .exists()
    )


def _event_conditions(session: Session, flt: EventFilter) -> list:
    conditions: list = []
    codes = list(flt.countries) + (list(flt.pair) if flt.pair else [])
    conditions += [_takes_part(session, Event.id, code) for code in dict.fromkeys(codes)]
    if flt.year is not None:
        conditions.append(Event.year == flt.year)
    if flt.date_from is not None:
        conditions.append(col(Event.date_end) >= flt.date_from)
    if flt.date_to is not None:
        conditions.append(col(Event.date_start) <= flt.date_to)
    if flt.type is not None:
        conditions.append(Event.type == flt.type)
    if flt.topic is not None:
        conditions.append(
            or_(
                col(Event.id).in_(
                    select(Statement.event_id)
                    .join(StatementTopic, col(StatementTopic.statement_id) == Statement.id)
                    .where(StatementTopic.topic == flt.topic)
                ),
                col(Event.id).in_(select(EventTopic.event_id).where(EventTopic.topic == flt.topic)),
            )
        )
    if flt.speaker is not None:
        ids = list(find_speaker_ids(session, speaker=flt.speaker))
        conditions.append(
            or_(
                col(Event.id).in_(
                    select(EventParticipant.event_id).where(
                        col(EventParticipant.person_id).in_(ids)
                    )
                ),
                col(Event.id).in_(
                    select(Statement.event_id).where(col(Statement.person_id).in_(ids))
                ),
            )
        )
    if flt.updated_since is not None:
        conditions.append(col(Event.updated_at) >= _aware(flt.updated_since))
    if flt.q:
        pattern = _like(flt.q)
        conditions.append(
            or_(
                func.lower(Event.location).like(pattern, escape="\\"),
                col(Event.id).in_(
                    select(Statement.event_id).where(
                        func.lower(Statement.text).like(pattern, escape="\\")
                    )
                ),
                col(Event.id).in_(
                    select(EventSource.event_id)
                    .join(Document, col(Document.id) == EventSource.document_id)
                    .where(func.lower(Document.title).like(pattern, escape="\\"))
                ),
                col(Event.id).in_(
                    select(EventParticipant.event_id)
                    .join(Person, col(Person.id) == EventParticipant.person_id)
                    .where(col(Person.name_key).like(pattern, escape="\\"))
                ),
            )
        )
    return conditions


def _statement_conditions(session: Session, flt: StatementFilter) -> list:
    conditions: list = []
    if flt.countries:
        conditions.append(
            col(Statement.person_id).in_(
                select(Person.id).where(col(Person.country).in_(list(flt.countries)))
            )
        )
    if flt.pair:
        conditions += [_takes_part(session, Statement.event_id, code) for code in flt.pair]
    if flt.year is not None:
        conditions.append(Statement.year == flt.year)
    if flt.topic is not None:
        if _is_rare(session, StatementTopic.topic, flt.topic):
            conditions.append(
                col(Statement.id).in_(
                    select(StatementTopic.statement_id).where(StatementTopic.topic == flt.topic)
                )
            )
        else:
            conditions.append(
                select(literal(1))
                .where(
                    StatementTopic.statement_id == Statement.id,
                    StatementTopic.topic == flt.topic,
                )
                .exists()
            )
    if flt.speaker is not None:
        ids = list(find_speaker_ids(session, speaker=flt.speaker))
        conditions.append(col(Statement.person_id).in_(ids))
    if flt.event_id is not None:
        conditions.append(Statement.event_id == flt.event_id)
    if flt.kind is not None:
        conditions.append(Statement.kind == flt.kind)
    if flt.updated_since is not None:
        conditions.append(col(Statement.updated_at) >= _aware(flt.updated_since))
    if flt.q:
        conditions.append(func.lower(Statement.text).like(_like(flt.q), escape="\\"))
    return conditions


def _after(model, after: tuple[str, int] | None) -> list:  # type: ignore[no-untyped-def]
    if after is None:
        return []
    key, last_id = after
    # A row-value comparison, which SQLite and PostgreSQL both read straight off the
    # (date_key, id) index; the equivalent OR of two conditions can fall back to a sort.
    return [tuple_(model.date_key, model.id) < tuple_(key, last_id)]


# ---------------------------------------------------------------- events


def list_events(
    session: Session, *, flt: EventFilter, limit: int, after: tuple[str, int] | None = None
) -> list[Row]:
    """A page of events matching `flt`, newest first, as rows of EVENT_COLUMNS."""
    query = (
        select(*EVENT_COLUMNS)
        .where(*_event_conditions(session, flt), *_after(Event, after))
        .order_by(col(Event.date_key).desc(), col(Event.id).desc())
        .limit(limit)
    )
    return list(rows(session, query))


# ---------------------------------------------------------------- statements


def list_statements(
    session: Session, *, flt: StatementFilter, limit: int, after: tuple[str, int] | None = None
) -> list[Row]:
    """A page of statements matching `flt`, newest event first, as rows of STATEMENT_COLUMNS."""
    query = (
        select(*STATEMENT_COLUMNS)
        .where(*_statement_conditions(session, flt), *_after(Statement, after))
        .order_by(col(Statement.date_key).desc(), col(Statement.id).desc())
        .limit(limit)
    )
    return list(rows(session, query))


# ---------------------------------------------------------------- people


def find_speaker_ids(session: Session, *, speaker: str) -> tuple[int, ...]:
    """Ids of people matching a speaker id, a full name or a surname (any case)."""
    if speaker.isascii() and speaker.isdigit():
        return (int(speaker),) if int(speaker) < 2**31 else ()
    key = name_key(speaker)
    if not key:
        return ()
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    query = select(Person.id).where(
        or_(
            Person.name_key == key,
            col(Person.name_key).like(f"% {escaped}", escape="\\"),
            col(Person.name_key).like(f"{escaped} %", escape="\\"),
        )
    )
    return tuple(session.exec(query))


def list_speakers(
    session: Session,
    *,
    country: str | None,
    q: str | None,
    limit: int,
    after: tuple[int, int] | None = None,
    updated_since: dt.datetime | None = None,
) -> list[SpeakerPublic]:
    """People who made statements, the most quoted first."""
    count = func.count(col(Statement.id))
    query = (
        select(Person, count, func.count(func.distinct(Statement.event_id)))
        .join(Statement, col(Statement.person_id) == Person.id)
        .group_by(col(Person.id))
    )
    if country:
        query = query.where(Person.country == country)
    if q:
        query = query.where(col(Person.name_key).like(_like(name_key(q)), escape="\\"))
    if updated_since is not None:  # speakers with a statement created or changed since
        query = query.having(func.max(Statement.updated_at) >= _aware(updated_since))
    if after is not None:
        last_count, last_id = after
        query = query.having(
            or_(count < last_count, and_(count == last_count, Person.id > last_id))
        )
    query = query.order_by(count.desc(), col(Person.id)).limit(limit)
    return [
        SpeakerPublic(
            id=p.id,
            name=p.name,
            title=p.title,
            country=p.country,
            statement_count=n,
            event_count=m,
        )
        for p, n, m in session.exec(query)
    ]


# ---------------------------------------------------------------- topics


def list_topics(
    session: Session,
    *,
    limit: int,
    after: str | None = None,
    updated_since: dt.datetime | None = None,
) -> list[TopicPublic]:
    """The taxonomy in slug order, each topic with its statement count."""
    query = (
        select(Topic, func.count(col(StatementTopic.statement_id)))
        .join(StatementTopic, col(StatementTopic.topic) == Topic.slug, isouter=True)
        .group_by(col(Topic.slug))
        .order_by(col(Topic.slug))
        .limit(limit)
    )
    if after is not None:
        query = query.where(Topic.slug > after)
    if updated_since is not None:  # topics whose count changed: a statement of theirs is new
        query = query.where(
            col(Topic.slug).in_(
                select(StatementTopic.topic)
                .join(Statement, col(Statement.id) == StatementTopic.statement_id)
                .where(col(Statement.updated_at) >= _aware(updated_since))
            )
        )
    return [
        TopicPublic(slug=t.slug, label=t.label, description=t.description, statement_count=n)
        for t, n in session.exec(query)
    ]


def topic_slugs(session: Session) -> list[str]:
    return list(session.exec(select(Topic.slug).order_by(col(Topic.slug))))


# ---------------------------------------------------------------- documents


def get_document(session: Session, *, document_id: int) -> Document | None:
    return session.get(Document, document_id)


def get_document_by_hash(session: Session, *, content_hash: str) -> Document | None:
    return session.exec(select(Document).where(Document.content_hash == content_hash)).first()


def document_records(session: Session, *, document_id: int) -> tuple[list[int], list[int]]:
    """The ids of the events and statements a document contributed to."""
    event_ids = sorted(
        set(
            session.exec(select(EventSource.event_id).where(EventSource.document_id == document_id))
        )
    )
    statement_ids = list(
        session.exec(
            select(Statement.id)
            .where(Statement.document_id == document_id)
            .order_by(col(Statement.char_start))
        )
    )
    return event_ids, statement_ids  # type: ignore[return-value]


# ---------------------------------------------------------------- aggregations

STAT_DIMENSIONS = ("year", "pair", "country", "topic", "speaker", "type")


def stats(session: Session, *, dimension: str, flt: EventFilter) -> list[dict]:
    """Counts of events and statements per value of a dimension, over events matching `flt`."""
    events = select(Event.id).where(*_event_conditions(session, flt)).subquery()
    in_events = col(Statement.event_id).in_(select(events.c.id))
    event_counts: dict[str, int] = {}
    statement_counts: dict[str, int] = {}
    if dimension in ("year", "type"):
        column = Event.year if dimension == "year" else Event.type
        for key, n in session.exec(
            select(column, func.count())
            .where(col(Event.id).in_(select(events.c.id)))
            .group_by(column)
        ):
            event_counts[str(key) if key is not None else ""] = n
        for key, n in session.exec(
            select(column, func.count(col(Statement.id)))
            .join(Event, col(Event.id) == Statement.event_id)
            .where(in_events)
            .group_by(column)
        ):
            statement_counts[str(key) if key is not None else ""] = n
    elif dimension == "country":
        for key, n in session.exec(
            select(EventCountry.country, func.count())
            .where(col(EventCountry.event_id).in_(select(events.c.id)))
            .group_by(col(EventCountry.country))
        ):
            event_counts[key] = n
        for key, n in session.exec(
            select(EventCountry.country, func.count(col(Statement.id)))
            .join(Statement, col(Statement.event_id) == EventCountry.event_id)
            .where(in_events)
            .group_by(col(EventCountry.country))
        ):
            statement_counts[key] = n
    elif dimension == "pair":
        first, second = (
            EventCountry.__table__.alias("first"),
            EventCountry.__table__.alias("second"),
        )
        pair = (
            select(first.c.event_id, first.c.country.label("a"), second.c.country.label("b"))
            .join(
                second,
                (second.c.event_id == first.c.event_id) & (first.c.country < second.c.country),
            )
            .where(first.c.event_id.in_(select(events.c.id)))
            .subquery()
        )
        for a, b, n in session.exec(
            select(pair.c.a, pair.c.b, func.count()).group_by(pair.c.a, pair.c.b)
        ):
            event_counts[f"{a}-{b}"] = n
        for a, b, n in session.exec(
            select(pair.c.a, pair.c.b, func.count(col(Statement.id)))
            .join(Statement, col(Statement.event_id) == pair.c.event_id)
            .group_by(pair.c.a, pair.c.b)
        ):
            statement_counts[f"{a}-{b}"] = n
    elif dimension == "topic":
        statement_topics = (
            select(Statement.event_id, StatementTopic.topic)
            .join(StatementTopic, col(StatementTopic.statement_id) == Statement.id)
            .where(in_events)
        )
        event_topics = select(EventTopic.event_id, EventTopic.topic).where(
            col(EventTopic.event_id).in_(select(events.c.id))
        )
        both = statement_topics.union(event_topics).subquery()
        for key, n in session.exec(
            select(both.c.topic, func.count(func.distinct(both.c.event_id))).group_by(both.c.topic)
        ):
            event_counts[key] = n
        for key, n in session.exec(
            select(StatementTopic.topic, func.count())
            .join(Statement, col(Statement.id) == StatementTopic.statement_id)
            .where(in_events)
            .group_by(col(StatementTopic.topic))
        ):
            statement_counts[key] = n
    elif dimension == "speaker":
        for name, n, m in session.exec(
            select(
                Person.name,
                func.count(func.distinct(Statement.event_id)),
                func.count(col(Statement.id)),
            )
            .join(Statement, col(Statement.person_id) == Person.id)
            .where(in_events)
            .group_by(col(Person.id), col(Person.name))
        ):
            event_counts[name], statement_counts[name] = n, m
    else:
        raise ValueError(f"unknown dimension {dimension!r}")
    keys = set(event_counts) | set(statement_counts)
    items = [
        {
            "key": key or None,
            "events": event_counts.get(key, 0),
            "statements": statement_counts.get(key, 0),
        }
        for key in keys
    ]
    order = (
        (lambda i: (i["key"] is None, i["key"] or ""))
        if dimension == "year"
        else (lambda i: (-i["events"], -i["statements"], i["key"] or ""))
    )
    return sorted(items, key=order)
