"""Whole filtered lists as CSV, NDJSON or PLOVER-style event data, streamed page by page.

Each export walks the same keyset pages as the JSON lists, 500 rows at a
time, in a session of its own, so memory stays flat however long the list.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pydantic_core
from pydantic import BaseModel
from sqlmodel import Session

from app import crud, publish
from app.db import get_engine
from app.models import SpeakerPublic, TopicPublic

PAGE = 500
LIST_SEPARATOR = "; "

# Readout types as PLOVER event types and modes, with their CAMEO codes.
PLOVER = {
    "phone_call": ("CONSULT", "phone", "041"),
    "video_call": ("CONSULT", "phone", "041"),
    "visit": ("CONSULT", "visit", "042"),
    "meeting": ("CONSULT", "meet", "040"),
    "summit": ("CONSULT", "meet", "040"),
    "message": ("CONSULT", "", "040"),
    "agreement": ("AGREE", "", "057"),
    "diplomatic_relations": ("COOPERATE", "", "054"),
    "statement": ("CONSULT", "", "010"),
    "other": ("CONSULT", "", "040"),
}


def _pages(
    read: Callable[[Session, tuple[str, int] | None], list],
    publish: Callable[[Session, list], list],
    after: tuple[str, int] | None,
) -> Iterator[Any]:
    """Read page after page, each in a short session of its own, until one comes back short."""
    while True:
        with Session(get_engine()) as session:
            rows = read(session, after)
            yield from publish(session, rows)
        if len(rows) < PAGE:
            return
        after = (rows[-1].date_key, rows[-1].id)


def iter_events(
    flt: crud.EventFilter, after: tuple[str, int] | None = None
) -> Iterator[dict[str, Any]]:
    """Every event matching `flt`, newest first, read in pages."""
    return _pages(
        lambda session, start: crud.list_events(session, flt=flt, limit=PAGE, after=start),
        publish.events,
        after,
    )


def iter_statements(
    flt: crud.StatementFilter, after: tuple[str, int] | None = None
) -> Iterator[dict[str, Any]]:
    """Every statement matching `flt`, newest event first, read in pages."""
    return _pages(
        lambda session, start: crud.list_statements(session, flt=flt, limit=PAGE, after=start),
        publish.statements,
        after,
    )


def iter_speakers(
    *, country: str | None, q: str | None, updated_since: dt.datetime | None = None
) -> Iterator[SpeakerPublic]:
    """Every speaker matching the filters, the most quoted first, read in pages."""
    after: tuple[int, int] | None = None
    while True:
        with Session(get_engine()) as session:
            page = crud.list_speakers(
                session, country=country, q=q, limit=PAGE, after=after, updated_since=updated_since
            )
        yield from page
        if len(page) < PAGE:
            return
        after = (page[-1].statement_count, page[-1].id)


def iter_topics(updated_since: dt.datetime | None = None) -> Iterator[TopicPublic]:
    """The whole taxonomy with statement counts."""
    with Session(get_engine()) as session:
        yield from crud.list_topics(session, limit=10_000, updated_since=updated_since)


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(_label(v)) for v in value)
    return "" if value is None else value


def _label(value: Any) -> Any:
    """A list item as one CSV word: a person's name, a source's document id."""
    if isinstance(value, dict):
        for key in ("name", "document_id", "id"):
            if key in value:
                return value[key]
    return value


def plain(record: BaseModel | dict[str, Any]) -> dict[str, Any]:
    """A record (a response model, or a dict in its shape) as JSON-ready values."""
    if isinstance(record, BaseModel):
        return record.model_dump(mode="json")
    return pydantic_core.to_jsonable_python(record)


def flatten(record: BaseModel | dict[str, Any]) -> dict[str, Any]:
    """One flat CSV row: nested objects become prefixed columns, lists `; `-joined."""
    row: dict[str, Any] = {}
    for key, value in plain(record).items():
        if isinstance(value, dict):
            for inner, inner_value in value.items():
                row[f"{key}_{inner}"] = _cell(inner_value)
        else:
            row[key] = _cell(value)
    return row


def columns(model: type[BaseModel]) -> list[str]:
    """The CSV header of a schema: nested objects become prefixed columns."""
    names = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            names += [f"{name}_{inner}" for inner in annotation.model_fields]
        else:
            names.append(name)
    return names


def csv_chunks(records: Iterable[Any], model: type[BaseModel]) -> Iterator[str]:
    """CSV text with a header row (even for no records), one chunk per record."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns(model), extrasaction="ignore")
    writer.writeheader()
    for record in records:
        writer.writerow(flatten(record))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def ndjson_chunks(
    records: Iterable[Any], shape: Callable[[Any], Any] | None = None
) -> Iterator[str]:
    """One JSON object per line."""
    for record in records:
        body = shape(record) if shape else plain(record)
        yield json.dumps(body, ensure_ascii=False) + "\n"


def plover(event: dict[str, Any]) -> dict[str, Any]:
    """An event record (EventPublic's shape) as a PLOVER-style record for event-data tools."""
    event = plain(event)
    event_type, mode, cameo = PLOVER.get(event["type"], PLOVER["other"])
    actors = sorted(event["countries"])
    return {
        "id": f"readout-{event['id']}",
        "date": event["date"],
        "date_precision": event["date_precision"],
        "event_type": event_type,
        "mode": mode,
        "cameo": cameo,
        "readout_type": event["type"],
        "actor1": actors[0] if actors else None,
        "actor2": actors[1] if len(actors) > 1 else None,
        "countries": actors,
        "participants": [
            {"name": p["name"], "title": p["title"], "country": p["country"]}
            for p in event["participants"]
        ],
        "location": event["location"],
        "topics": event["topics"],
        "sources": event["sources"],
    }
