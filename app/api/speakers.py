"""GET /v1/speakers: people who made statements."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from app import crud, exports
from app.api.deps import (
    EXPORT_RESPONSES,
    FormatDep,
    Page,
    PageDep,
    SessionDep,
    decode_cursor,
    encode_cursor,
    export_response,
    parse_country,
    refuse_plover,
)
from app.api.errors import problem_responses
from app.models import SpeakerPublic

router = APIRouter(prefix="/v1/speakers", tags=["speakers"])


@router.get(
    "",
    operation_id="listSpeakers",
    response_model=Page[SpeakerPublic],
    responses={**EXPORT_RESPONSES, **problem_responses(400, 422)},
)
def list_speakers(
    session: SessionDep,
    page: PageDep,
    country: Annotated[
        str | None, Query(description="The speaker's country.", examples=["BE"], max_length=200)
    ] = None,
    q: Annotated[
        str | None, Query(description="Part of the name.", examples=["croo"], max_length=300)
    ] = None,
    updated_since: Annotated[
        dt.datetime | None,
        Query(
            description="Only speakers with a statement created or changed at or after this time.",
            examples=["2024-01-01T00:00:00Z"],
        ),
    ] = None,
    fmt: FormatDep = "json",
) -> Page[SpeakerPublic] | StreamingResponse:
    """Speakers with their statement and event counts, the most quoted first."""
    code = parse_country(country) if country else None
    refuse_plover(fmt)
    if fmt != "json":
        rows = exports.iter_speakers(country=code, q=q or None, updated_since=updated_since)
        return export_response(fmt, rows, SpeakerPublic, "speakers")
    after = decode_cursor(page.cursor, int, int)
    speakers = crud.list_speakers(
        session,
        country=code,
        q=q or None,
        limit=page.limit + 1,
        after=after,  # type: ignore[arg-type]
        updated_since=updated_since,
    )
    more = len(speakers) > page.limit
    speakers = speakers[: page.limit]
    last = speakers[-1] if more else None
    return Page(
        items=speakers,
        next_cursor=encode_cursor(last.statement_count, last.id) if last else None,
    )
