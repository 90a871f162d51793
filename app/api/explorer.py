"""GET /: the explorer page, static files shipped with the package (no build step)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

ASSETS = Path(__file__).resolve().parent.parent / "explorer"

router = APIRouter(include_in_schema=False)


@router.get("/")
def explorer() -> FileResponse:
    """The explorer: filters, a timeline, events with statements and their sources."""
    return FileResponse(ASSETS / "index.html")


assets = StaticFiles(directory=ASSETS)
