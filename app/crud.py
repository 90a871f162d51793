"""Keyword-only queries shared by the API and the ingestion store.

Lists use keyset pagination: rows are ordered by (date_key desc, id desc) and a
page starts strictly after the (date_key, id) of the previous page's last row.
"""

from __future__ import annotations

import datetime as dt
import functools
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Integer,
    Row,
    Select,
    and_,
    bindparam,
    func,
    literal,
    or_,
    tuple_,
)
from sqlmodel import Session, col, select

from app.models import (
    Document,
    Event,
    EventCountry,
    EventPair,
    EventParticipant,
    EventSource,
    EventTopic,
    Person,
    SpeakerPublic,
    Statement,
    StatementTopic,
    Topic,
    TopicPublic,
    pair_key,
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


# How each filter reads, as a condition on a parameter: a list query is built once per
# shape (which filters are set, and how each is read) and then run with the values of
# each request. Building a query and computing its cache key cost more than running it.
Condition = Callable[[BindParameter], ColumnElement[bool]]
Param = tuple[str, str, Any]  # (how the filter reads, parameter name, value)
LIST_VALUED = {"speakers", "countries"}  # parameters that carry a list of values


def _country_listed(event_id) -> Condition:  # type: ignore[no-untyped-def]
    """`event_id` (a column) is among the events of a country: built from the id list."""
    return lambda code: col(event_id).in_(
        select(EventCountry.event_id).where(EventCountry.country == code)
    )


def _country_checked(event_id) -> Condition:  # type: ignore[no-untyped-def]
    """`event_id` (a column) has the country: checked row by row, walking the date index."""
    return lambda code: (
        select(literal(1))
        .where(EventCountry.event_id == event_id, EventCountry.country == code)
        .exists()
    )


def _event_matches_text(pattern: BindParameter) -> ColumnElement[bool]:
    return or_(
        func.lower(Event.location).like(pattern, escape="\\"),
        col(Event.id).in_(
            select(Statement.event_id).where(func.lower(Statement.text).like(pattern, escape="\\"))
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


EVENT_CONDITIONS: dict[str, Condition] = {
    # A pair leads an event list: its page is read from that pair's events in date order.
    "pair_leading": lambda v: col(Event.id).in_(
        select(EventPair.event_id).where(EventPair.pair == v)
    ),
    # The first country of an event list: its page is read from that country's events in
    # date order (see _page_query); as a plain condition (statistics) it reads like a list.
    "country_leading": _country_listed(Event.id),
    "country_listed": _country_listed(Event.id),
    "country_checked": _country_checked(Event.id),
    "year": lambda v: Event.year == v,
    "date_from": lambda v: col(Event.date_end) >= v,
    "date_to": lambda v: col(Event.date_start) <= v,
    "type": lambda v: Event.type == v,
    "topic": lambda v: or_(
        col(Event.id).in_(
            select(Statement.event_id)
            .join(StatementTopic, col(StatementTopic.statement_id) == Statement.id)
            .where(StatementTopic.topic == v)
        ),
        col(Event.id).in_(select(EventTopic.event_id).where(EventTopic.topic == v)),
    ),
    "speakers": lambda ids: or_(
        col(Event.id).in_(
            select(EventParticipant.event_id).where(col(EventParticipant.person_id).in_(ids))
        ),
        col(Event.id).in_(select(Statement.event_id).where(col(Statement.person_id).in_(ids))),
    ),
    "updated_since": lambda v: col(Event.updated_at) >= v,
    "q": _event_matches_text,
}

STATEMENT_CONDITIONS: dict[str, Condition] = {
    "countries": lambda codes: col(Statement.person_id).in_(
        select(Person.id).where(col(Person.country).in_(codes))
    ),
    "country_listed": _country_listed(Statement.event_id),
    "country_checked": _country_checked(Statement.event_id),
    "year": lambda v: Statement.year == v,
    "topic_listed": lambda v: col(Statement.id).in_(
        select(StatementTopic.statement_id).where(StatementTopic.topic == v)
    ),
    "topic_checked": lambda v: (
        select(literal(1))
        .where(StatementTopic.statement_id == Statement.id, StatementTopic.topic == v)
        .exists()
    ),
    "speakers": lambda ids: col(Statement.person_id).in_(ids),
    "event_id": lambda v: Statement.event_id == v,
    "kind": lambda v: Statement.kind == v,
    "updated_since": lambda v: col(Statement.updated_at) >= v,
    "q": lambda pattern: func.lower(Statement.text).like(pattern, escape="\\"),
}


def _country_params(session: Session, codes: Iterable[str]) -> list[Param]:
    params: list[Param] = []
    for i, code in enumerate(codes):
        rare = _is_rare(session, EventCountry.country, code)
        params.append(("country_listed" if rare else "country_checked", f"country_{i}", code))
    return params


def _common_params(
    session: Session, flt: EventFilter | StatementFilter, plain: tuple[str, ...]
) -> list[Param]:
    """Parameters of the filters both lists take, and of `plain` ones (named as they read)."""
    params: list[Param] = [(name, name, getattr(flt, name)) for name in plain]
    if flt.speaker is not None:
        ids = list(find_speaker_ids(session, speaker=flt.speaker))
        params.append(("speakers", "speakers", ids))
    if flt.updated_since is not None:
        params.append(("updated_since", "updated_since", _aware(flt.updated_since)))
    if flt.q:
        params.append(("q", "q", _like(flt.q)))
    return [param for param in params if param[2] is not None]


def _leading_pair(pair: tuple[str, str] | None) -> list[Param]:
    """A pair of two countries as the filter that leads its list (a country twice is that
    country, left to the country filters)."""
    if pair is None or pair[0] == pair[1]:
        return []
    return [("pair_leading", "leading_pair", pair_key(*pair))]


def _event_params(session: Session, flt: EventFilter) -> list[Param]:
    """The filters `flt` sets, as parameters of EVENT_CONDITIONS: a pair leads, else the
    rarest country."""
    lead = _leading_pair(flt.pair)
    codes = dict.fromkeys(list(flt.countries) + list(flt.pair or ()))
    if lead:  # the pair's own countries are read with it
        codes = dict.fromkeys(c for c in codes if c not in (flt.pair or ()))
    countries = _country_params(session, codes)
    if countries and not lead:
        _lead_with_rarest(countries)
    return (
        lead
        + countries
        + _common_params(session, flt, ("year", "date_from", "date_to", "type", "topic"))
    )


def _lead_with_rarest(countries: list[Param]) -> None:
    """Make one country of `countries` lead the page, a rare one if any: its walk is short
    whatever the other filters match."""
    lead = next((p for p in countries if p[0] == "country_listed"), countries[0])
    countries.remove(lead)
    countries.insert(0, ("country_leading", "leading_country", lead[2]))


def _statement_params(session: Session, flt: StatementFilter) -> list[Param]:
    """The filters `flt` sets, as parameters of STATEMENT_CONDITIONS.

    A topic leads the page, else the pair (the statements of its events); but a speaker's
    or an event's statements are few, and then those lead.
    """
    may_lead = flt.speaker is None and flt.event_id is None
    lead = _leading_pair(flt.pair) if may_lead and flt.topic is None else []
    params = lead or _country_params(session, dict.fromkeys(flt.pair or ()))
    if flt.countries:
        params.append(("countries", "countries", list(flt.countries)))
    if flt.topic is not None and may_lead:
        params.insert(0, ("topic_leading", "leading_topic", flt.topic))
    elif flt.topic is not None:
        rare = _is_rare(session, StatementTopic.topic, flt.topic)
        params.append(("topic_listed" if rare else "topic_checked", "topic", flt.topic))
    return params + _common_params(session, flt, ("year", "event_id", "kind"))


def _event_conditions(session: Session, flt: EventFilter) -> list[ColumnElement[bool]]:
    """The conditions of `flt` with their values bound in, for a query built per call."""
    return [
        EVENT_CONDITIONS[how](bindparam(name, value, expanding=how in LIST_VALUED))
        for how, name, value in _event_params(session, flt)
    ]


@functools.lru_cache(maxsize=256)
def _page_query(
    model: type[Event | Statement], shape: tuple[tuple[str, str], ...], paged: bool, keys: bool
) -> Select:
    """The list query of one shape: (how, name) of each filter; `paged` when it starts
    after a cursor; `keys` for rows of (date_key, id) alone. Values are bound at each run:
    the filters', limit, after_key, after_id."""
    columns, conditions = _PAGES[model]
    table = model.__table__  # type: ignore[attr-defined]
    query = select(*((table.c.date_key, table.c.id) if keys else columns))
    where = []
    order = (table.c.date_key, table.c.id)
    if shape and shape[0][0] in _LEADING:
        # Walk the leading value's (value, date_key, id) index newest first: the page costs
        # as many rows as it shows and the other filters reject, not a walk of every row
        # checking the value. The copied date_key is the row's own, so is the order.
        (how, name), shape = shape[0], shape[1:]
        leading_model, column, reference = _LEADING[how]
        leading = leading_model.__table__.alias(how)  # type: ignore[attr-defined]
        if reference in table.c:  # a statement's event leads: its statements, by id
            joined = table.c[reference] == leading.c[reference]
            order = (leading.c.date_key, table.c.id)
        else:  # the leading row names the listed row itself: the index holds the order
            joined = table.c.id == leading.c[reference]
            order = (leading.c.date_key, leading.c[reference])
        query = query.select_from(leading.join(table, joined))
        where.append(leading.c[column] == bindparam(name, required=True))
        if any(how == "year" for how, _ in shape):  # a year is a date_key prefix
            where.append(leading.c.date_key >= bindparam("year_start", required=True))
            where.append(leading.c.date_key < bindparam("year_end", required=True))
    where += [
        conditions[how](bindparam(name, required=True, expanding=how in LIST_VALUED))
        for how, name in shape
    ]
    if paged:
        # A row-value comparison, which SQLite and PostgreSQL both read straight off the
        # (date_key, id) index; the equivalent OR of two conditions can fall back to a sort.
        key = bindparam("after_key", type_=table.c.date_key.type)
        last_id = bindparam("after_id", type_=table.c.id.type)
        where.append(tuple_(*order) < tuple_(key, last_id))
    return (
        query.where(*where)
        .order_by(order[0].desc(), order[1].desc())
        .limit(bindparam("limit", type_=Integer()))
    )


# Filters that may lead a page: the table whose (value, date_key, ...) index is walked,
# the value's column, and the column that names the listed row (an event country names
# its event; for a statement list, the statements of that event).
_LEADING = {
    "country_leading": (EventCountry, "country", "event_id"),
    "pair_leading": (EventPair, "pair", "event_id"),
    "topic_leading": (StatementTopic, "topic", "statement_id"),
}

_PAGES = {
    Event: (EVENT_COLUMNS, EVENT_CONDITIONS),
    Statement: (STATEMENT_COLUMNS, STATEMENT_CONDITIONS),
}


def page_query(
    model: type[Event | Statement],
    params: list[Param],
    *,
    limit: int,
    after: tuple[str, int] | None,
    keys: bool = False,
) -> tuple[Select, dict[str, Any]]:
    """The list query of `model` for filter `params`, and the values to run it with."""
    shape = tuple((how, name) for how, name, _ in params)
    query = _page_query(model, shape, after is not None, keys)
    values = {name: value for _, name, value in params} | {"limit": limit}
    if "year" in values:  # the date_keys of a year: "2021", "2021-05", "2021-05-03" ...
        values |= {"year_start": f"{values['year']:04d}", "year_end": f"{values['year']:04d}~"}
    if after is not None:
        values |= {"after_key": after[0], "after_id": after[1]}
    return query, values


def _page(
    session: Session,
    model: type[Event | Statement],
    params: list[Param],
    limit: int,
    after: tuple[str, int] | None,
    keys: bool,
) -> list[Row]:
    query, values = page_query(model, params, limit=limit, after=after, keys=keys)
    return list(rows(session, query, **values))


# ---------------------------------------------------------------- events


def list_events(
    session: Session,
    *,
    flt: EventFilter,
    limit: int,
    after: tuple[str, int] | None = None,
    keys: bool = False,
) -> list[Row]:
    """A page of events matching `flt`, newest first, as rows of EVENT_COLUMNS (of date_key
    and id alone with `keys`)."""
    return _page(session, Event, _event_params(session, flt), limit, after, keys)


# ---------------------------------------------------------------- statements


def list_statements(
    session: Session,
    *,
    flt: StatementFilter,
    limit: int,
    after: tuple[str, int] | None = None,
    keys: bool = False,
) -> list[Row]:
    """A page of statements matching `flt`, newest event first, as rows of STATEMENT_COLUMNS
    (of date_key and id alone with `keys`)."""
    return _page(session, Statement, _statement_params(session, flt), limit, after, keys)


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
