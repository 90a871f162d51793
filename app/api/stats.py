"""GET /v1/stats/{dimension}: counts for charts, with the filters of the event list."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path
from pydantic import BaseModel

from app import crud
from app.api.deps import SessionDep
from app.api.errors import problem_responses
from app.api.events import event_filter

router = APIRouter(prefix="/v1/stats", tags=["stats"])

Dimension = Literal["year", "pair", "country", "topic", "speaker", "type"]


class StatRow(BaseModel):
    """One value of the dimension (a year, "BE-CN", a topic slug, a speaker's name...)."""

    key: str | None
    events: int
    statements: int


class Stats(BaseModel):
    dimension: Dimension
    items: list[StatRow]


@router.get(
    "/{dimension}", operation_id="getStats", response_model=Stats, responses=problem_responses(422)
)
def get_stats(
    session: SessionDep,
    dimension: Annotated[Dimension, Path(description="What to count by.")],
    flt: Annotated[crud.EventFilter, Depends(event_filter)],
) -> Stats:
    """Events and statements counted by year, pair, country, topic, speaker or type."""
    rows = crud.stats(session, dimension=dimension, flt=flt)
    return Stats(dimension=dimension, items=[StatRow(**row) for row in rows])
