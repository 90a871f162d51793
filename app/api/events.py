"""GET /v1/events and /v1/events/{id}."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from app import crud, exports, publish
from app.api.deps import (
    EXPORT_RESPONSES,
    MAX_ID,
    FormatDep,
    Page,
    PageDep,
    TopicSlug,
    decode_cursor,
    export_response,
    keyset_page,
    parse_country,
    parse_pair,
    record_or_404,
)
from app.api.errors import ProblemError, problem_responses
from app.models import EventDetail, EventPublic, EventType

router = APIRouter(prefix="/v1/events", tags=["events"])


async def event_filter(
    country: Annotated[
        list[str],
        Query(
            description="A country that takes part (repeatable: all must take part).",
            examples=["BE"],
        ),
    ] = [],  # noqa: B006 (FastAPI copies defaults)
    pair: Annotated[
        str | None,
        Query(description="Two countries, either order.", examples=["CN-BE"], max_length=200),
    ] = None,
    year: Annotated[
        int | None, Query(ge=1, le=9999, description="The year of the event.", examples=[2021])
    ] = None,
    date_from: Annotated[
        dt.date | None, Query(description="Events on or after this date.", examples=["2020-01-01"])
    ] = None,
    date_to: Annotated[
        dt.date | None, Query(description="Events on or before this date.", examples=["2024-12-31"])
    ] = None,
    type: Annotated[EventType | None, Query(description="Event type.")] = None,
    topic: Annotated[
        TopicSlug | None, Query(description="A topic slug of the taxonomy.", examples=["trade"])
    ] = None,
    speaker: Annotated[
        str | None,
        Query(
            description="A participant or speaker: id, full name or surname, any case.",
            examples=["Li Keqiang"],
            max_length=300,
        ),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            description="Words in statements, titles, places or names.",
            examples=["free trade"],
            max_length=300,
        ),
    ] = None,
    updated_since: Annotated[
        dt.datetime | None,
        Query(
            description="Only events created or changed at or after this time (ISO 8601).",
            examples=["2024-01-01T00:00:00Z"],
        ),
    ] = None,
) -> crud.EventFilter:
    if date_from and date_to and date_from > date_to:
        raise ProblemError(422, "date_from is after date_to.")
    return crud.EventFilter(
        countries=tuple(parse_country(c) for c in country),
        pair=parse_pair(pair) if pair else None,
        year=year,
        date_from=date_from,
        date_to=date_to,
        type=type,
        topic=topic,
        speaker=speaker,
        q=q or None,
        updated_since=updated_since,
    )


@router.get(
    "",
    operation_id="listEvents",
    response_model=Page[EventPublic],
    responses={**EXPORT_RESPONSES, **problem_responses(400, 422)},
)
async def list_events(
    page: PageDep,
    flt: Annotated[crud.EventFilter, Depends(event_filter)],
    fmt: FormatDep,
) -> Response:
    """Events matching every filter given, newest first (format=plover: PLOVER-style lines)."""
    after = decode_cursor(page.cursor, str, int)
    if fmt != "json":
        shape = exports.plover if fmt == "plover" else None
        events = exports.iter_events(flt, after)  # type: ignore[arg-type]
        return export_response(fmt, events, EventPublic, "events", shape)
    return await keyset_page(
        page.limit,
        partial(crud.list_events, flt=flt, after=after),
        publish.EVENT_LISTING,
        may_scan=flt.q is not None,
    )


@router.get(
    "/{event_id}",
    operation_id="getEvent",
    response_model=EventDetail,
    responses=problem_responses(404, 422),
)
async def get_event(
    event_id: Annotated[int, Path(ge=1, le=MAX_ID, description="Event id.", examples=[1])],
) -> Response:
    """One event with its statements inline."""
    return await record_or_404(
        lambda session: publish.event_detail(session, event_id), f"No event with id {event_id}."
    )
