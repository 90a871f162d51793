"""Statements compiled once per database and run on the driver's own cursor.

The store writes a document's rows in about a dozen inserts, and reads and updates the
events it merges with in a few more statements. Through the query layer each costs
Python beyond the database's own work (statement cache lookup, parameter processing,
result set-up: about 12 µs for a three-column row, 1.5 µs on the cursor), which was a
sixth of the store's time. A `Prepared` insert or a `Query` is compiled on first use for
a database dialect (and an insert's set of columns), keeps the column types' bind
processors (so a date or a datetime is stored as the query layer stores it) and result
processors (so a boolean is read as one), and runs on the connection's driver cursor:
inside the transaction and savepoint the query layer began, as the query layer's own
statements are.

A document's `savepoint` is the driver's too: the query layer's cost 0.9 M of a dev
document's 26 M instructions, in Python around two statements.

On SQLite an insert or an update is `OR FAIL`: a statement that fails keeps the rows it
wrote before it failed, where the default undoes them. So, with no foreign key to check
(`app.db.WRITE_UNCHECKED`), SQLite keeps no journal of the pages each statement changes.
Whoever runs these writes undoes more than the statement when one fails: the store
writes in a transaction, each document of `readout ingest` in a savepoint.

A driver error is raised as the query layer raises it (a duplicate key is
`sqlalchemy.exc.IntegrityError`), so callers catch the same exceptions either way.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sqlalchemy import exc
from sqlalchemy.engine import Compiled, Connection, Dialect
from sqlalchemy.sql import Executable
from sqlalchemy.sql.dml import Insert, Update
from sqlalchemy.sql.selectable import SelectBase


@dataclass(frozen=True)
class _Compiled:
    sql: str
    names: tuple[str, ...]  # parameters, in the order of a positional statement
    processors: dict[str, Callable[[Any], Any]]
    positional: bool
    expansion: tuple[tuple[str, tuple[str, ...]], ...] = ()  # an IN list's parameters
    results: tuple[Callable[[Any], Any] | None, ...] = ()  # a processor for each column
    defaults: tuple[tuple[str, Any], ...] = ()  # values the statement holds (a literal's)
    # made from `names` and `processors`: a row's values in the statement's order, read in
    # C, and the positions of the few values to process
    values_of: Callable[[Mapping[str, Any]], tuple[Any, ...]] = field(
        init=False, repr=False, compare=False
    )
    to_process: tuple[tuple[int, Callable[[Any], Any]], ...] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        get = itemgetter(*self.names) if self.names else (lambda _row: ())
        if len(self.names) == 1:
            get = _as_one_tuple(get)
        process = tuple(
            (k, self.processors[name])
            for k, name in enumerate(self.names)
            if name in self.processors
        )
        object.__setattr__(self, "values_of", get)
        object.__setattr__(self, "to_process", process)

    def parameters(self, row: Mapping[str, Any]) -> tuple[Any, ...] | dict[str, Any]:
        values: Any = self.values_of(row)
        if self.to_process:
            values = list(values)
            for k, process in self.to_process:
                values[k] = process(values[k])
        return tuple(values) if self.positional else dict(zip(self.names, values, strict=True))


def _as_one_tuple(get: Callable[[Any], Any]) -> Callable[[Any], tuple[Any, ...]]:
    """An itemgetter of one name gives the value; the statement takes a tuple."""
    return lambda row: (get(row),)


class Prepared:
    """An INSERT of a table's rows, given as dicts of column values."""

    def __init__(self, statement: Insert) -> None:
        self.statement = _or_fail(statement)
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
        with _QueryLayerErrors(conn, compiled.sql):
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
        with _QueryLayerErrors(conn, compiled.sql):
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
        processors = _bind_processors(dialect, compiled, {name: name for name in names})
        found = self._compiled[key] = _Compiled(compiled.string, names, processors, positional)
        return found


class Query:
    """A SELECT, UPDATE or DELETE given its values by name, run on the driver's cursor.

    A list bound to an IN (an expanding parameter) is padded to a power of two by
    repeating its last value, which matches the same rows, so that a few compiled
    statements serve every length. An empty list goes through the query layer, which
    renders an IN that matches nothing.
    """

    def __init__(self, statement: Executable) -> None:
        self.statement = _or_fail(statement) if isinstance(statement, Update) else statement
        keys = statement.selected_columns.keys() if isinstance(statement, SelectBase) else []
        self._row = namedtuple("Row", keys)  # type: ignore[misc]
        self._base: dict[str, tuple[Compiled, tuple[str, ...]]] = {}  # and its IN lists
        self._compiled: dict[tuple[str, tuple[int, ...]], _Compiled] = {}

    def rows(self, conn: Connection, params: Mapping[str, Any]) -> list[Any]:
        """The rows found, as named tuples of the selected columns."""
        compiled = self._compile(conn.dialect, params)
        if compiled is None:
            return [self._row._make(row) for row in conn.execute(self.statement, params)]
        found = self._run(conn, compiled, params, fetch=True)
        if any(compiled.results):
            process = compiled.results
            found = [
                [p(value) if p else value for p, value in zip(process, row, strict=True)]
                for row in found
            ]
        return [self._row._make(row) for row in found]

    def scalar(self, conn: Connection, params: Mapping[str, Any]) -> Any:
        """The first column of the first row found; None when there is none."""
        found = self.rows(conn, params)
        return found[0][0] if found else None

    def run(self, conn: Connection, params: Mapping[str, Any]) -> None:
        """Execute the statement (an update or a delete)."""
        compiled = self._compile(conn.dialect, params)
        if compiled is None:
            conn.execute(self.statement, params)
        else:
            self._run(conn, compiled, params, fetch=False)

    def _run(
        self, conn: Connection, compiled: _Compiled, params: Mapping[str, Any], *, fetch: bool
    ) -> list[Any]:
        values = dict(compiled.defaults)
        values.update(params)
        for name, expanded in compiled.expansion:
            given = list(params[name])
            values.update(
                zip(expanded, given + given[-1:] * (len(expanded) - len(given)), strict=True)
            )
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with _QueryLayerErrors(conn, compiled.sql):
            try:
                cursor.execute(compiled.sql, compiled.parameters(values))
                return cursor.fetchall() if fetch else []
            finally:
                cursor.close()

    def _compile(self, dialect: Dialect, params: Mapping[str, Any]) -> _Compiled | None:
        """The statement for these lengths of the IN lists; None if one is empty."""
        base = self._base.get(dialect.name)
        if base is None:
            compiled = self.statement.compile(dialect=dialect)
            lists = tuple(name for name, bind in compiled.binds.items() if bind.expanding)
            base = self._base[dialect.name] = (compiled, lists)
        compiled, lists = base
        lengths = tuple(len(params[name]) for name in lists)
        if 0 in lengths:
            return None
        key = (dialect.name, tuple(1 << (n - 1).bit_length() for n in lengths))
        found = self._compiled.get(key)
        if found is not None:
            return found
        state = compiled.construct_expanded_state(
            {name: None for name in compiled.binds}
            | dict(zip(lists, ([None] * n for n in key[1]), strict=True))
        )
        positional = state.positiontup is not None
        names = tuple(state.positiontup if positional else state.parameters)  # type: ignore[arg-type]
        expansion = tuple((name, tuple(each)) for name, each in state.parameter_expansion.items())
        origin = {one: name for name, expanded in expansion for one in expanded}
        processors = _bind_processors(dialect, compiled, {n: origin.get(n, n) for n in names})
        results: tuple[Callable[[Any], Any] | None, ...] = ()
        if isinstance(self.statement, SelectBase):
            results = tuple(
                c.type.dialect_impl(dialect).result_processor(dialect, None)
                for c in self.statement.selected_columns
            )
        defaults = tuple(
            (name, bind.effective_value)
            for name, bind in compiled.binds.items()
            if not bind.required
        )
        found = self._compiled[key] = _Compiled(
            state.statement, names, processors, positional, expansion, results, defaults
        )
        return found


@contextmanager
def savepoint(conn: Connection) -> Iterator[None]:
    """Undo what is written inside if it raises; keep it in the transaction if not.

    The savepoint is the driver's, unknown to the query layer: write inside it through
    `conn` and the driver (as the store does), not through an ORM session's pending objects.
    """
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute("SAVEPOINT readout_write")
        try:
            yield
        except BaseException:
            cursor.execute("ROLLBACK TO SAVEPOINT readout_write")
            cursor.execute("RELEASE SAVEPOINT readout_write")
            raise
        cursor.execute("RELEASE SAVEPOINT readout_write")
    finally:
        cursor.close()


def _or_fail(statement: Insert | Update) -> Any:
    """The write as `INSERT OR FAIL` or `UPDATE OR FAIL` on SQLite (see the module's doc)."""
    return statement.prefix_with("OR FAIL", dialect="sqlite")


def _bind_processors(
    dialect: Dialect, compiled: Compiled, names: Mapping[str, str]
) -> dict[str, Callable[[Any], Any]]:
    """The bind processor of each parameter that has one; `names` maps a parameter to the
    bind parameter it takes its type from (an IN list's, for each of its values)."""
    processors = {}
    for name, of in names.items():
        bind_type = compiled.binds[of].type  # type: ignore[attr-defined]
        process = bind_type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            processors[name] = process
    return processors


def _columns(rows: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    """The columns every row gives (the first row's, which the others must match)."""
    columns = tuple(rows[0])
    if any(len(row) != len(columns) for row in rows):
        raise ValueError(f"rows give different columns: {sorted(columns)} and others")
    return columns


class _QueryLayerErrors:
    """Raise a driver error as the query layer's exception of the same kind. A class, not a
    generator: it runs around every statement, and costs nothing unless one fails."""

    __slots__ = ("conn", "sql")

    def __init__(self, conn: Connection, sql: str) -> None:
        self.conn, self.sql = conn, sql

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, error: BaseException | None, traceback: Any) -> None:
        base = self.conn.dialect.loaded_dbapi.Error
        if isinstance(error, base):
            raise exc.DBAPIError.instance(
                self.sql, None, error, base, dialect=self.conn.dialect
            ) from error
