"""Extraction in worker processes, for `readout ingest --jobs N`.

Extraction is most of a document's cost and needs nothing but the text, so N worker
processes can run it while this process stores the results: the database keeps a
single writer, and the documents are stored in the order given. At most WINDOW_PER_JOB
documents per worker are in flight, so a folder of any size takes bounded memory.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from app.extract import pipeline
from app.extract.records import Extraction, Source
from app.models import DocumentCreate
from app.store import source_of

T = TypeVar("T")
WINDOW_PER_JOB = 8

Extracted = Extraction | BaseException | None  # None: not extracted here, the store will


def extract_ahead(
    items: Iterable[tuple[T, DocumentCreate]],
    jobs: int,
    wanted: Callable[[DocumentCreate], bool] = lambda payload: True,
    extract: Callable[[Source], Extraction] = pipeline.extract,
) -> Iterator[tuple[T, DocumentCreate, Extracted]]:
    """Each item with its extraction by `extract` (a module-level function: the workers
    import it), in the order given.

    With one job nothing is extracted ahead: None, the store extracts. Nor is a payload
    that is not `wanted` (a text already stored). An extraction that failed comes as its
    exception; a worker that died stops the run (BrokenProcessPool).
    """
    if jobs <= 1:
        for key, payload in items:
            yield key, payload, None
        return
    # Workers are started afresh (spawn), not forked from a process that holds database
    # connections and threads.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        window: deque[tuple[T, DocumentCreate, Future[Extraction] | None]] = deque()
        for key, payload in items:
            future = pool.submit(extract, source_of(payload)) if wanted(payload) else None
            window.append((key, payload, future))
            if len(window) >= jobs * WINDOW_PER_JOB:
                yield _result(*window.popleft())
        while window:
            yield _result(*window.popleft())


def _result(
    key: T, payload: DocumentCreate, future: Future[Extraction] | None
) -> tuple[T, DocumentCreate, Extracted]:
    if future is None:
        return key, payload, None
    error = future.exception()
    if isinstance(error, BrokenProcessPool):
        raise error
    return key, payload, error if error is not None else future.result()
