"""GET /v1/topics: the taxonomy with statement counts."""

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
    refuse_plover,
)
from app.api.errors import problem_responses
from app.models import TopicPublic

router = APIRouter(prefix="/v1/topics", tags=["topics"])


@router.get(
    "",
    operation_id="listTopics",
    response_model=Page[TopicPublic],
    responses={**EXPORT_RESPONSES, **problem_responses(400, 422)},
)
def list_topics(
    session: SessionDep,
    page: PageDep,
    updated_since: Annotated[
        dt.datetime | None,
        Query(
            description="Only topics with a statement created or changed at or after this time.",
            examples=["2024-01-01T00:00:00Z"],
        ),
    ] = None,
    fmt: FormatDep = "json",
) -> Page[TopicPublic] | StreamingResponse:
    """Every topic of the taxonomy with the number of statements that address it."""
    refuse_plover(fmt)
    if fmt != "json":
        return export_response(fmt, exports.iter_topics(updated_since), TopicPublic, "topics")
    after = decode_cursor(page.cursor, str)
    topics = crud.list_topics(
        session,
        limit=page.limit + 1,
        after=after[0] if after else None,
        updated_since=updated_since,
    )
    more = len(topics) > page.limit
    topics = topics[: page.limit]
    return Page(items=topics, next_cursor=encode_cursor(topics[-1].slug) if more else None)
