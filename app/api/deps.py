"""Shared dependencies: session, pagination, filters' parsing, write keys, 404 checks."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import math
from collections.abc import Callable, Iterator, Sequence
from typing import Annotated, Any, Generic, Literal, TypeVar

import pycountry
import pydantic_core
from fastapi import Depends, Header, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel
from sqlmodel import Session

from app import crud, exports
from app.api.errors import ProblemError
from app.api.ratelimit import RateLimiter
from app.config import get_settings
from app.db import get_engine, get_session
from app.extract import countries
from app.extract.topics import taxonomy
from app.models import Document
from app.publish import Listing
from app.record_cache import cache_for, current_mark

SessionDep = Annotated[Session, Depends(get_session)]

# Codes that are not ISO 3166-1 but that clients write.
T = TypeVar("T")
MAX_ID = 2**31 - 1  # ids are 32-bit integers on PostgreSQL

COUNTRY_ALIASES = {"EU": "EU", "EUROPEAN UNION": "EU", "UK": "GB"}


class Page(BaseModel, Generic[T]):
    """A page of a list; pass `next_cursor` back as `cursor` for the next one."""

    items: list[T]
    next_cursor: str | None


class PageParams(BaseModel):
    limit: int
    cursor: str | None


async def page_params(
    limit: Annotated[
        int, Query(ge=1, le=500, description="Items per page (1-500).", examples=[50])
    ] = 50,
    cursor: Annotated[
        str | None,
        Query(
            max_length=500,
            description="Opaque cursor from the previous page's next_cursor.",
            examples=["WyIyMDIxLTEyLTA3IiwgMTJd"],
        ),
    ] = None,
) -> PageParams:
    return PageParams(limit=limit, cursor=cursor)


PageDep = Annotated[PageParams, Depends(page_params)]


def encode_cursor(*values: Any) -> str:
    raw = json.dumps(list(values), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def json_response(body: Any) -> Response:
    """Serialize an answer once, in pydantic's JSON form: its records were built in the shape of
    the response model, which FastAPI would otherwise validate a second time."""
    return Response(pydantic_core.to_json(body), media_type="application/json")


async def in_session(work: Callable[[Session], T], *, may_scan: bool = False) -> T:
    """Run a read with a session of its own.

    List and detail reads are index-backed and take a millisecond or two: they run right
    here on the event loop, because handing them to a worker thread costs more than the
    read itself (the thread and the event loop wait on each other for the GIL). A read
    that `may_scan` many rows (a text search) goes to the thread pool, so it cannot hold
    up the requests behind it. Exports, statistics and writes use the thread pool too.
    """

    def run() -> T:
        with Session(get_engine()) as session:
            return work(session)

    return await run_in_threadpool(run) if may_scan else run()


async def keyset_page(
    limit: int,
    read: Callable[..., Sequence[Any]],
    listing: Listing,
    *,
    may_scan: bool,
) -> Response:
    """A JSON page of the rows `read` returns in (date_key, id) order, shown by `listing`.

    `read(session, limit=n, keys=...)` is asked for `limit + 1` rows (the extra one means
    there is a next page), of (date_key, id) alone when `keys`. Records built since the database was
    last written are reused (app.record_cache): while some are kept, the page reads keys
    and builds the records it lacks by id; else it builds them from the rows it read.
    """

    def run(session: Session) -> Response:
        mark = current_mark(session)  # first: the rows read next are at least this new
        cache = cache_for(get_engine(), get_settings().record_cache_bytes)
        keys = cache.holds(mark)
        rows = read(session, limit=limit + 1, keys=keys)
        shown = rows[:limit]
        last = shown[-1] if len(rows) > limit else None
        read_rows = {row.id: row for row in shown}

        def build(ids: Sequence[int]) -> list[dict]:
            if keys:
                return listing.from_ids(session, ids)
            return listing.from_rows(session, [read_rows[i] for i in ids])

        items = cache.json_of(mark, listing.kind, list(read_rows), build)
        cursor = encode_cursor(last.date_key, last.id) if last else None
        body = b'{"items":[' + b",".join(items) + b'],"next_cursor":'
        return Response(body + pydantic_core.to_json(cursor) + b"}", media_type="application/json")

    return await in_session(run, may_scan=may_scan)


async def record_or_404(read: Callable[[Session], Any], missing: str) -> Response:
    """The record `read` finds, as JSON; 404 with `missing` as the detail when it finds none."""
    found = await in_session(read)
    if found is None:
        raise ProblemError(404, missing)
    return json_response(found)


def decode_cursor(cursor: str | None, *types: type) -> tuple | None:
    """Decode a cursor made by `encode_cursor` with values of `types`; 400 if it was not."""
    if cursor is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        values = None
    if (
        not isinstance(values, list)
        or len(values) != len(types)
        or not all(type(v) is t for v, t in zip(values, types, strict=True))
    ):
        raise ProblemError(400, "The cursor is not one this API gave out; start from page one.")
    if any(isinstance(v, int) and not 0 <= v <= MAX_ID for v in values) or any(
        isinstance(v, str) and ("\x00" in v or len(v) > 100) for v in values
    ):
        raise ProblemError(400, "The cursor is not one this API gave out; start from page one.")
    return tuple(values)


def parse_country(value: str) -> str:
    """ISO alpha-2 code of a country given as alpha-2, alpha-3 or English name."""
    text = value.strip()
    alias = COUNTRY_ALIASES.get(text.upper())
    if alias:
        return alias
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        pass
    common = countries.country_code(text) or countries.country_code(text.title())
    if common:
        return common
    raise ProblemError(
        422,
        f"Unknown country {value!r}: use an ISO 3166 alpha-2 code (BE), alpha-3 code (BEL) "
        "or English name (Belgium).",
    )


def parse_pair(value: str) -> tuple[str, str]:
    parts = value.split("-")
    if len(parts) != 2 or not all(parts):
        raise ProblemError(
            422, f"A pair is two countries joined by '-', like CN-BE; got {value!r}."
        )
    first, second = (parse_country(p) for p in parts)
    return first, second


# The taxonomy's slugs, as an enum in the OpenAPI schema (generated clients get the list).
TopicSlug = Literal[taxonomy()]  # type: ignore[valid-type]


def require_writer(
    request: Request,
    authorization: Annotated[
        str | None,
        Header(
            description="`Bearer <key>`, a key from READOUT_API_KEYS.",
            examples=["Bearer some-secret"],
        ),
    ] = None,
) -> None:
    """Allow the request only with a configured write key (compared in constant time)."""
    keys = get_settings().write_keys
    if not keys:
        raise ProblemError(403, "Writing is disabled: no READOUT_API_KEYS are configured.")
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise ProblemError(
            401,
            "Send a write key as 'Authorization: Bearer <key>'.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    supplied = token.strip().encode()
    valid = False
    for key in keys:
        valid |= hmac.compare_digest(supplied, key.encode())
    if not valid:
        raise ProblemError(403, "This key may not write.")
    # The bucket is named by a digest, so the key itself is never kept in memory twice.
    limiter: RateLimiter = request.app.state.write_limiter
    wait = limiter.wait_seconds(hashlib.sha256(supplied).hexdigest())
    if wait:
        raise ProblemError(
            429,
            f"Too many writes with this key; try again in {math.ceil(wait)} s.",
            headers={"Retry-After": str(math.ceil(wait))},
        )


WriterDep = Depends(require_writer)


def get_document_or_404(
    session: SessionDep,
    document_id: Annotated[int, Path(ge=1, le=MAX_ID, description="Document id.", examples=[1])],
) -> Document:
    document = crud.get_document(session, document_id=document_id)
    if document is None:
        raise ProblemError(404, f"No document with id {document_id}.")
    return document


DocumentDep = Annotated[Document, Depends(get_document_or_404)]


# ---------------------------------------------------------------- exports

Format = Literal["json", "csv", "ndjson", "plover"]
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "ndjson": "application/x-ndjson",
    "plover": "application/x-ndjson",
}
EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The page as JSON; with format=csv or ndjson (or Accept: text/csv or "
        "application/x-ndjson), every matching record, streamed.",
        "content": {"text/csv": {}, "application/x-ndjson": {}},
    }
}


async def output_format(
    request: Request,
    format: Annotated[
        Format | None,
        Query(description="json (a page), csv or ndjson (every matching record, streamed)."),
    ] = None,
) -> Format:
    """The format asked for by `format`, else by the Accept header, else JSON."""
    if format:
        return format
    accept = request.headers.get("accept", "")
    if "text/csv" in accept:
        return "csv"
    if "application/x-ndjson" in accept:
        return "ndjson"
    return "json"


FormatDep = Annotated[Format, Depends(output_format)]


def export_response(
    fmt: Format,
    records: Iterator[BaseModel],
    model: type[BaseModel],
    name: str,
    shape: Callable[[Any], Any] | None = None,
) -> StreamingResponse:
    """Stream records as CSV or NDJSON (through `shape` if given), with a download name."""
    if fmt == "csv":
        chunks, extension = exports.csv_chunks(records, model), "csv"
    else:
        chunks, extension = exports.ndjson_chunks(records, shape), "ndjson"
    return StreamingResponse(
        chunks,
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="readout-{name}.{extension}"'},
    )


def refuse_plover(fmt: Format) -> None:
    if fmt == "plover":
        raise ProblemError(422, "format=plover is for events; use json, csv or ndjson.")
