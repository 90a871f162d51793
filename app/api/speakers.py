"""GET /v1/speakers: people who made statements."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app import crud
from app.api.deps import Page, PageDep, SessionDep, decode_cursor, encode_cursor, parse_country
from app.api.errors import problem_responses
from app.models import SpeakerPublic

router = APIRouter(prefix="/v1/speakers", tags=["speakers"])


@router.get(
    "",
    operation_id="listSpeakers",
    response_model=Page[SpeakerPublic],
    responses=problem_responses(400, 422),
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
) -> Page[SpeakerPublic]:
    """Speakers with their statement and event counts, the most quoted first."""
    after = decode_cursor(page.cursor, int, int)
    speakers = crud.list_speakers(
        session,
        country=parse_country(country) if country else None,
        q=q or None,
        limit=page.limit + 1,
        after=after,  # type: ignore[arg-type]
    )
    more = len(speakers) > page.limit
    speakers = speakers[: page.limit]
    last = speakers[-1] if more else None
    return Page(
        items=speakers,
        next_cursor=encode_cursor(last.statement_count, last.id) if last else None,
    )
