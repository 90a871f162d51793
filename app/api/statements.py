"""GET /v1/statements and /v1/statements/{id}."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Annotated, Literal

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
    refuse_plover,
)
from app.api.errors import problem_responses
from app.models import StatementPublic

router = APIRouter(prefix="/v1/statements", tags=["statements"])


async def statement_filter(
    country: Annotated[
        list[str],
        Query(description="The speaker's country (repeatable: any of them).", examples=["CN"]),
    ] = [],  # noqa: B006
    pair: Annotated[
        str | None,
        Query(
            description="The event's two countries, either order.",
            examples=["CN-BE"],
            max_length=200,
        ),
    ] = None,
    year: Annotated[
        int | None,
        Query(ge=1, le=9999, description="The year of the statement's event.", examples=[2021]),
    ] = None,
    topic: Annotated[
        TopicSlug | None, Query(description="A topic slug of the taxonomy.", examples=["trade"])
    ] = None,
    speaker: Annotated[
        str | None,
        Query(description="Speaker id, full name or surname.", examples=["Lahbib"], max_length=300),
    ] = None,
    event_id: Annotated[
        int | None,
        Query(ge=1, le=MAX_ID, description="Statements made at this event.", examples=[1]),
    ] = None,
    kind: Annotated[
        Literal["direct", "reported"] | None,
        Query(description="direct: inside quotation marks; reported: indirect speech."),
    ] = None,
    q: Annotated[
        str | None,
        Query(description="Words in the statement.", examples=["supply chains"], max_length=300),
    ] = None,
    updated_since: Annotated[
        dt.datetime | None,
        Query(
            description="Only statements created or changed at or after this time (ISO 8601).",
            examples=["2024-01-01T00:00:00Z"],
        ),
    ] = None,
) -> crud.StatementFilter:
    return crud.StatementFilter(
        countries=tuple(parse_country(c) for c in country),
        pair=parse_pair(pair) if pair else None,
        year=year,
        topic=topic,
        speaker=speaker,
        event_id=event_id,
        kind=kind,
        q=q or None,
        updated_since=updated_since,
    )


@router.get(
    "",
    operation_id="listStatements",
    response_model=Page[StatementPublic],
    responses={**EXPORT_RESPONSES, **problem_responses(400, 422)},
)
async def list_statements(
    page: PageDep,
    flt: Annotated[crud.StatementFilter, Depends(statement_filter)],
    fmt: FormatDep,
) -> Response:
    """Statements matching every filter given, newest event first."""
    refuse_plover(fmt)
    after = decode_cursor(page.cursor, str, int)
    if fmt != "json":
        statements = exports.iter_statements(flt, after)  # type: ignore[arg-type]
        return export_response(fmt, statements, StatementPublic, "statements")
    return await keyset_page(
        page.limit,
        partial(crud.list_statements, flt=flt, after=after),
        publish.STATEMENT_LISTING,
        may_scan=flt.q is not None,
    )


@router.get(
    "/{statement_id}",
    operation_id="getStatement",
    response_model=StatementPublic,
    responses=problem_responses(404, 422),
)
async def get_statement(
    statement_id: Annotated[int, Path(ge=1, le=MAX_ID, description="Statement id.", examples=[1])],
) -> Response:
    """One statement with its speaker, topics and span in the source."""
    return await record_or_404(
        lambda session: publish.statement(session, statement_id),
        f"No statement with id {statement_id}.",
    )
