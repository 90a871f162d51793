"""POST, GET and DELETE /v1/documents: the write side, and source texts."""

from __future__ import annotations

from fastapi import APIRouter, Response, status
from sqlalchemy.exc import IntegrityError

from app import crud, store
from app.api.deps import DocumentDep, SessionDep, WriterDep
from app.api.errors import ProblemError, problem_responses
from app.config import get_settings
from app.db import begin_write
from app.models import DocumentCreate, DocumentWithText, IngestResult

router = APIRouter(prefix="/v1/documents", tags=["documents"])


@router.post(
    "",
    operation_id="createDocument",
    status_code=status.HTTP_201_CREATED,
    response_model=IngestResult,
    dependencies=[WriterDep],
    responses={
        200: {"model": IngestResult, "description": "Already stored: the same ids."},
        **problem_responses(400, 401, 403, 413, 422),
    },
)
def create_document(
    payload: DocumentCreate, session: SessionDep, response: Response
) -> IngestResult:
    """Ingest one source text: extract its events and statements and merge known events."""
    _check_text(payload)
    begin_write(session)
    try:
        result = store.ingest_document(session, payload=payload)
        session.commit()
    except IntegrityError:  # the same text committed meanwhile by another writer
        session.rollback()
        begin_write(session)
        result = store.ingest_document(session, payload=payload)
    if not result.created:
        response.status_code = status.HTTP_200_OK
    return result


def _check_text(payload: DocumentCreate) -> None:
    if not payload.text.strip():
        raise ProblemError(422, "text: the text is empty.")
    if len(payload.text.encode("utf-8", "surrogatepass")) > get_settings().max_text_bytes:
        raise ProblemError(
            413, f"text: longer than the limit of {get_settings().max_text_bytes} bytes."
        )
    fields = (payload.text, payload.url, payload.publisher, payload.title)
    if any(value and "\x00" in value for value in fields):
        raise ProblemError(422, "NUL characters are not allowed in a document.")
    try:
        payload.text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProblemError(422, "text: not valid Unicode (lone surrogate).") from exc


@router.get(
    "/{document_id}",
    operation_id="getDocument",
    response_model=DocumentWithText,
    responses=problem_responses(404, 422),
)
def get_document(document: DocumentDep, session: SessionDep) -> DocumentWithText:
    """One source text with its metadata and the ids of the records drawn from it."""
    event_ids, statement_ids = crud.document_records(session, document_id=document.id)
    return DocumentWithText(
        **document.model_dump(), event_ids=event_ids, statement_ids=statement_ids
    )


@router.delete(
    "/{document_id}",
    operation_id="deleteDocument",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[WriterDep],
    responses=problem_responses(401, 403, 404, 422),
)
def delete_document(document: DocumentDep, session: SessionDep) -> Response:
    """Remove a document, its statements, and every event only it supported."""
    document_id = document.id
    session.rollback()  # end the read that found it; the write takes the lock first
    begin_write(session)
    document = crud.get_document(session, document_id=document_id)
    if document is None:
        raise ProblemError(404, f"No document with id {document_id}.")
    store.delete_document(session, document=document)
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
