"""GET /healthz for load balancers."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from app.api.deps import SessionDep
from app.api.errors import problem_responses

router = APIRouter(tags=["health"])


@router.get("/healthz", operation_id="health", responses=problem_responses(500))
def health(session: SessionDep) -> dict[str, str]:
    """Answers 200 when the service can reach its database."""
    session.exec(text("SELECT 1"))  # type: ignore[call-overload]
    return {"status": "ok"}
