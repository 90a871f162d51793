"""A realistic synthetic database for benchmarks, written through the project's own models.

Skewed like real event data: a few country pairs, speakers and topics account
for most records (Zipf-like weights), dates spread over 1990-2026. Every
statement's offsets index the text of its synthetic source document, so the
database satisfies the same invariants as one filled by ingestion.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from itertools import accumulate

import pycountry
from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.extract.topics import taxonomy
from app.merge import date_range
from app.models import (
    Document,
    Event,
    EventCountry,
    EventPair,
    EventParticipant,
    EventSource,
    Person,
    Statement,
    StatementTopic,
    pairs_of,
    utcnow,
)

TYPES = ["meeting", "phone_call", "video_call", "visit", "message", "agreement", "summit"]
TYPE_WEIGHTS = [40, 25, 8, 12, 8, 4, 3]
PRECISION_WEIGHTS = [82, 7, 3, 8]  # day, month, year, undated
FIRST = [
    "Amina",
    "Lars",
    "Kenji",
    "Carla",
    "Kofi",
    "Marta",
    "Piotr",
    "Nadia",
    "Ethan",
    "Lucia",
    "Ravi",
    "Giulia",
    "Mateo",
    "Ingrid",
    "Youssef",
    "Chidi",
    "Olivia",
    "Hana",
    "Omar",
    "Ines",
]
LAST = [
    "Odhiambo",
    "Berg",
    "Sato",
    "Rojas",
    "Mensah",
    "Nowak",
    "Hassan",
    "Reid",
    "Vargas",
    "Sharma",
    "Ricci",
    "Quispe",
    "Lind",
    "Alaoui",
    "Okafor",
    "Tremblay",
    "Novak",
    "Kaya",
    "Silva",
    "Dubois",
    "Tanaka",
    "Kim",
    "Nguyen",
    "Haddad",
    "Costa",
]
PHRASES = [
    "would deepen cooperation on",
    "stressed the importance of",
    "called for progress on",
    "welcomed the talks on",
    "said both sides should work together on",
]
BATCH = 20_000
# Written in this order, so that every foreign key points at a row already there.
TABLES = (
    Document,
    Event,
    EventCountry,
    EventPair,
    EventSource,
    EventParticipant,
    Statement,
    StatementTopic,
)


def _zipf_cumulative(n: int, s: float = 1.1) -> list[float]:
    return list(accumulate(1 / (rank**s) for rank in range(1, n + 1)))


def _inserted(session: Session, model: type, rows: list[dict]) -> None:
    for start in range(0, len(rows), BATCH):
        session.execute(insert(model), rows[start : start + BATCH])


def synthesize(
    engine: Engine,
    *,
    events: int = 100_000,
    statements_per_event: int = 10,
    countries: int = 200,
    speakers: int = 2_000,
    seed: int = 1,
    progress: Callable[[int], None] | None = None,
) -> dict[str, int]:
    """Fill an empty, migrated database; returns the number of rows written per table."""
    rng = random.Random(seed)
    codes = [c.alpha_2 for c in pycountry.countries][:countries]
    country_weights = _zipf_cumulative(len(codes))
    speaker_weights = _zipf_cumulative(speakers)
    topics = list(taxonomy())
    topic_weights = _zipf_cumulative(len(topics), 0.8)
    now = utcnow()
    counts = dict.fromkeys(("documents", "events", "statements", "people"), 0)
    with Session(engine) as session:
        people = []
        for i in range(speakers):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
            people.append(
                {
                    "id": i + 1,
                    "name": name,
                    "name_key": name.lower(),
                    "country": rng.choices(codes, cum_weights=country_weights)[0],
                    "title": rng.choice(["President", "Prime Minister", "Foreign Minister"]),
                }
            )
        _inserted(session, Person, people)
        counts["people"] = speakers
        statement_id = 0
        for first in range(0, events, 5_000):
            rows: dict[type, list[dict]] = {model: [] for model in TABLES}
            for event_id in range(first + 1, min(first + 5_000, events) + 1):
                statement_id = _event(
                    rng,
                    rows,
                    event_id,
                    statement_id,
                    codes,
                    country_weights,
                    people,
                    speaker_weights,
                    topics,
                    topic_weights,
                    statements_per_event,
                    now,
                )
            for model in TABLES:
                _inserted(session, model, rows[model])
            session.commit()
            counts["documents"] += len(rows[Document])
            counts["events"] += len(rows[Event])
            counts["statements"] += len(rows[Statement])
            if progress:
                progress(len(rows[Event]))
    return counts


def _event(
    rng,
    rows,
    event_id,
    statement_id,
    codes,
    country_weights,
    people,
    speaker_weights,  # type: ignore[no-untyped-def]
    topics,
    topic_weights,
    per_event,
    now,
) -> int:
    pair: set[str] = set()
    while len(pair) < 2:
        pair.add(rng.choices(codes, cum_weights=country_weights)[0])
    day = dt.date(1990, 1, 1) + dt.timedelta(days=rng.randrange(13_500))
    # as reports date their events: mostly to the day, some to a month or year, some not
    precision = rng.choices(["day", "month", "year", None], PRECISION_WEIGHTS)[0]
    date = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}.get(
        precision or "", ""
    )
    start, end = date_range(date) or (None, None)
    kind = rng.choices(TYPES, TYPE_WEIGHTS)[0]
    speakers = {rng.choices(people, cum_weights=speaker_weights)[0]["id"] for _ in range(2)}
    sentences, spans = [], []
    offset = 0
    for _ in range(max(1, int(rng.expovariate(1 / per_event)))):
        speaker = rng.choice(sorted(speakers))
        topic = rng.choices(topics, cum_weights=topic_weights)[0]
        sentence = f"{people[speaker - 1]['name']} {rng.choice(PHRASES)} {topic.replace('-', ' ')}."
        sentences.append(sentence)
        spans.append((speaker, topic, offset, offset + len(sentence), sentence))
        offset += len(sentence) + 1
    text = " ".join(sentences)
    rows[Document].append(
        {
            "id": event_id,
            "text": text,
            "content_hash": f"synthetic-{event_id}",
            "published": end or day,
            "title": f"Synthetic report {event_id}",
            "ingested_at": now,
        }
    )
    rows[Event].append(
        {
            "id": event_id,
            "date": date or None,
            "date_precision": precision,
            "date_key": date,
            "date_start": start,
            "date_end": end,
            "year": start.year if start else None,
            "type": kind,
            "location": None,
            "is_primary": True,
            "updated_at": now,
        }
    )
    rows[EventCountry] += [
        {"event_id": event_id, "country": c, "date_key": date} for c in sorted(pair)
    ]
    rows[EventPair] += [{"event_id": event_id, "pair": p, "date_key": date} for p in pairs_of(pair)]
    rows[EventSource].append(
        {
            "event_id": event_id,
            "document_id": event_id,
            "is_primary": True,
            "type": kind,
            "date": date or None,
            "date_precision": precision,
            "location": None,
            "countries": ",".join(sorted(pair)),
        }
    )
    rows[EventParticipant] += [
        {
            "event_id": event_id,
            "person_id": p,
            "document_id": event_id,
            "title": None,
            "date_key": date,
        }
        for p in sorted(speakers)
    ]
    for speaker, topic, begin, finish, sentence in spans:
        statement_id += 1
        rows[Statement].append(
            {
                "id": statement_id,
                "event_id": event_id,
                "document_id": event_id,
                "person_id": speaker,
                "kind": "reported",
                "text": sentence,
                "char_start": begin,
                "char_end": finish,
                "group_id": None,
                "date_key": date,
                "year": start.year if start else None,
                "updated_at": now,
            }
        )
        rows[StatementTopic].append(
            {"statement_id": statement_id, "topic": topic, "date_key": date}
        )
    return statement_id
