"""GET /v1/topics: the taxonomy with statement counts."""

from __future__ import annotations

from fastapi import APIRouter

from app import crud
from app.api.deps import Page, PageDep, SessionDep, decode_cursor, encode_cursor
from app.api.errors import problem_responses
from app.models import TopicPublic

router = APIRouter(prefix="/v1/topics", tags=["topics"])


@router.get(
    "",
    operation_id="listTopics",
    response_model=Page[TopicPublic],
    responses=problem_responses(400, 422),
)
def list_topics(session: SessionDep, page: PageDep) -> Page[TopicPublic]:
    """Every topic of the taxonomy with the number of statements that address it."""
    after = decode_cursor(page.cursor, str)
    topics = crud.list_topics(session, limit=page.limit + 1, after=after[0] if after else None)
    more = len(topics) > page.limit
    topics = topics[: page.limit]
    return Page(items=topics, next_cursor=encode_cursor(topics[-1].slug) if more else None)
