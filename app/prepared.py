"""Inserts compiled once per database and run on the driver's own cursor.

The store writes a document's rows in about a dozen inserts. Through the query layer
each costs Python beyond the database's own work (statement cache lookup, parameter
processing, result set-up: about 12 µs for a three-column row, 1.5 µs on the cursor),
which was a sixth of the store's time. A `Prepared`
insert is compiled on first use for a database dialect and a set of columns, keeps the
column types' bind processors (so a date or a datetime is stored as the query layer
stores it), and runs on the connection's driver cursor: inside the transaction and
savepoint the query layer began, as the query layer's own statements are.

A driver error is raised as the query layer raises it (a duplicate key is
`sqlalchemy.exc.IntegrityError`), so callers catch the same exceptions either way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exc
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.sql.dml import Insert


@dataclass(frozen=True)
class _Compiled:
    sql: str
    names: tuple[str, ...]  # parameters, in the order of a positional statement
    processors: dict[str, Callable[[Any], Any]]
    positional: bool

    def parameters(self, row: Mapping[str, Any]) -> tuple[Any, ...] | dict[str, Any]:
        values = [
            process(row[name]) if (process := self.processors.get(name)) else row[name]
            for name in self.names
        ]
        return tuple(values) if self.positional else dict(zip(self.names, values, strict=True))


class Prepared:
    """An INSERT of a table's rows, given as dicts of column values."""

    def __init__(self, statement: Insert) -> None:
        self.statement = statement
        self._compiled: dict[tuple[str, tuple[str, ...], bool], _Compiled] = {}

    def insert_one(self, conn: Connection, row: Mapping[str, Any]) -> int:
        """Insert one row; its id."""
        (found,) = self.insert_each(conn, [row])
        return found

    def insert_each(self, conn: Connection, rows: Sequence[Mapping[str, Any]]) -> list[int]:
        """Insert rows one statement each; their ids, in the order of `rows`.

        A statement a row: a batch's RETURNING does not give its ids in the order of its
        rows on SQLite, and a row costs the driver a few microseconds."""
        if not rows:
            return []
        returning = conn.dialect.name != "sqlite"  # SQLite tells the row id without it
        compiled = self._compile(conn.dialect, _columns(rows), returning=returning)
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        ids = []
        with _query_layer_errors(conn, compiled.sql):
            try:
                for row in rows:
                    cursor.execute(compiled.sql, compiled.parameters(row))
                    ids.append(int(cursor.fetchone()[0] if returning else cursor.lastrowid))
            finally:
                cursor.close()
        return ids

    def insert_many(self, conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
        """Insert rows that all give the same columns; nothing when there are none."""
        if not rows:
            return
        compiled = self._compile(conn.dialect, _columns(rows), returning=False)
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with _query_layer_errors(conn, compiled.sql):
            try:
                cursor.executemany(compiled.sql, [compiled.parameters(row) for row in rows])
            finally:
                cursor.close()

    def _compile(self, dialect: Dialect, columns: tuple[str, ...], *, returning: bool) -> _Compiled:
        key = (dialect.name, columns, returning)
        found = self._compiled.get(key)
        if found is not None:
            return found
        statement = self.statement
        if returning:
            statement = statement.returning(statement.table.c.id)  # type: ignore[attr-defined]
        compiled = statement.compile(dialect=dialect, column_keys=list(columns))
        positional = compiled.positiontup is not None
        names = tuple(compiled.positiontup if positional else compiled.binds)  # type: ignore[arg-type]
        missing = sorted(set(names) - set(columns))
        if missing:  # a column default the query layer would compute per row
            raise ValueError(f"{statement.table}: give every column; missing {missing}")  # type: ignore[attr-defined]
        processors = {}
        for name in names:
            bind_type = compiled.binds[name].type
            process = bind_type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None:
                processors[name] = process
        found = self._compiled[key] = _Compiled(compiled.string, names, processors, positional)
        return found


def _columns(rows: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    """The columns every row gives (the first row's, which the others must match)."""
    columns = tuple(rows[0])
    if any(len(row) != len(columns) for row in rows):
        raise ValueError(f"rows give different columns: {sorted(columns)} and others")
    return columns


@contextmanager
def _query_layer_errors(conn: Connection, sql: str) -> Iterator[None]:
    """Raise a driver error as the query layer's exception of the same kind."""
    base = conn.dialect.loaded_dbapi.Error
    try:
        yield
    except base as error:
        raise exc.DBAPIError.instance(sql, None, error, base, dialect=conn.dialect) from error
