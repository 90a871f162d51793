"""Build the FastAPI app: routers, error handlers, middleware."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi_offline import FastAPIOffline
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app import store
from app.api import (
    documents,
    errors,
    events,
    explorer,
    health,
    speakers,
    statements,
    stats,
    topics,
)
from app.api.caching import ETagMiddleware
from app.api.limits import BodySizeLimit, NoNulInQuery
from app.api.ratelimit import RateLimiter
from app.config import get_settings
from app.db import get_engine, upgrade_schema

log = logging.getLogger(__name__)

DESCRIPTION = """
Diplomatic events and statements extracted from news texts, each record
traceable to the exact words of its source. Read freely; write with a key.
"""


def prepare_database(engine: Engine | None = None) -> None:
    """Upgrade the schema to the newest migration and add missing taxonomy topics."""
    engine = engine or get_engine()
    upgrade_schema(engine)
    with Session(engine) as session:
        if store.sync_topics(session):
            session.commit()


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    prepare_database()
    # What start-up built (the app, its schemas, the engine) lives as long as the process:
    # moved out of the collector's way, a full collection no longer walks it on a request.
    gc.freeze()
    yield


def create_app() -> FastAPI:
    # Swagger UI and ReDoc from assets installed with the package: no CDN, works offline.
    app = FastAPIOffline(
        title="Readout",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        # Any operation may refuse a malformed query (400) or fail (500); both are problems.
        responses=errors.problem_responses(400, 500),
    )
    errors.install(app)
    settings = get_settings()
    app.state.write_limiter = RateLimiter(settings.write_rate_per_minute)
    # Added innermost first: CORS answers preflights before anything else runs.
    app.add_middleware(ETagMiddleware)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(NoNulInQuery)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    if settings.allowed_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.allowed_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "If-None-Match"],
            expose_headers=["ETag", "Content-Disposition"],
        )
    for module in (documents, events, statements, topics, speakers, stats, health, explorer):
        app.include_router(module.router)
    app.mount("/explorer", explorer.assets, name="explorer")
    return app


app = create_app()
