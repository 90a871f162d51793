"""Published records kept per process as JSON, until the database is written.

A list page runs its filter query on every request, so which records it holds
and in what order is always current. What it reuses is the work of showing
each record (an event's countries, participants, topics and sources; a
statement's speaker, topics and corroborations): the JSON of a record, once
built, is kept by kind and id, as long as the database's write counter reads
the same.

The counter (models.DataRevision) is added to by triggers on every table a
record is built from, in the writing transaction, whoever writes: this
process, another worker, the CLI or a SQL shell. A request reads it before
anything else, and keeps what it builds only if no other request has seen
the counter move since. So a kept record is never older than the data a
request reading the same counter would see.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

import pydantic_core
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.models import DataRevision

Mark = tuple[str, int]  # (epoch, n) of the database's DataRevision row
Record = dict[str, Any]

CURRENT = f"SELECT epoch, n FROM {DataRevision.__tablename__} WHERE id = 1"


def current_mark(session: Session) -> Mark:
    """The database's write counter; read it before the records it is to vouch for.

    Read through the driver's cursor in the session's transaction: on every list
    request, the query layer's work would cost as much as the rest of the read."""
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(CURRENT)
        epoch, n = cursor.fetchone()
    finally:
        cursor.close()
    return epoch, n


class RecordCache:
    """The JSON of published records, least recently used dropped first past `max_bytes`."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._mark: Mark | None = None
        self._kept: OrderedDict[tuple[str, int], bytes] = OrderedDict()
        self._bytes = 0

    @property
    def size(self) -> tuple[int, int]:
        """How many records are kept and their bytes."""
        return len(self._kept), self._bytes

    def holds(self, mark: Mark) -> bool:
        """Whether records built at `mark` are kept (so a page may well find its own)."""
        return self.max_bytes > 0 and mark == self._mark and bool(self._kept)

    def json_of(
        self,
        mark: Mark,
        kind: str,
        ids: Sequence[int],
        build: Callable[[Sequence[int]], list[Record]],
    ) -> list[bytes]:
        """The JSON of the records of `ids`, in that order: kept ones reused, the others made
        by `build` (records of the ids given, each with its "id") and kept. An id `build`
        finds no record for (deleted since the page was read) is left out."""
        if self.max_bytes <= 0:
            return _in_order(ids, _json_by_id(build(ids)))
        with self._lock:
            if mark != self._mark:
                self._kept.clear()
                self._bytes = 0
                self._mark = mark
            known = {i: text for i in ids if (text := self._kept.get((kind, i))) is not None}
            for i in known:
                self._kept.move_to_end((kind, i))
        missing = [i for i in ids if i not in known]
        if not missing:
            return [known[i] for i in ids]
        made = _json_by_id(build(missing))
        with self._lock:
            if mark == self._mark:  # no request has seen a newer counter meanwhile
                for i, text in made.items():
                    self._keep((kind, i), text)
        return _in_order(ids, known | made)

    def _keep(self, key: tuple[str, int], text: bytes) -> None:
        if len(text) > self.max_bytes:
            return
        old = self._kept.pop(key, None)
        if old is not None:
            self._bytes -= len(old)
        self._kept[key] = text
        self._bytes += len(text)
        while self._bytes > self.max_bytes:
            _, dropped = self._kept.popitem(last=False)
            self._bytes -= len(dropped)


def _json_by_id(records: list[Record]) -> dict[int, bytes]:
    return {record["id"]: pydantic_core.to_json(record) for record in records}


def _in_order(ids: Sequence[int], texts: dict[int, bytes]) -> list[bytes]:
    return [texts[i] for i in ids if i in texts]


_CACHES: weakref.WeakKeyDictionary[Engine, RecordCache] = weakref.WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def cache_for(engine: Engine, max_bytes: int) -> RecordCache:
    """The cache of records read from `engine` (one per database this process reads)."""
    with _CACHES_LOCK:
        cache = _CACHES.get(engine)
        if cache is None:
            cache = _CACHES[engine] = RecordCache(max_bytes)
        return cache
