"""Database engine, SQLite pragmas, schema upgrades and request sessions."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from app.config import get_settings

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


WRITE = {"readout_write": True}  # execution options of a session that will write
# ... and of one whose every reference is to a row it has just read or written in its own
# transaction (the store writing `readout ingest`'s documents): SQLite checks no foreign key
# for it. A checked key may fail a statement midway, so SQLite keeps a journal of the pages
# each statement changes, to undo that statement alone: with the checks, a seed document
# cost 1.7 M more instructions of its 24.6 M (BENCHMARKS.md; app/prepared.py's `OR FAIL`
# is the other half of it). tests/test_cli.py checks the store's references afterwards.
WRITE_UNCHECKED = WRITE | {"readout_check_references": False}


# Whoever holds a connection is either one of the thread pool's threads (AnyIO lends 40
# by default: writes, exports, statistics) or the event loop, which runs the short reads
# one at a time. With room for all of them, taking a connection never waits, so a read on
# the event loop is never held up by writers queueing for SQLite's write lock. The pool
# hands out the connection returned last, so reads one after another on the event loop
# keep using one connection, whose page cache is warm.
THREAD_POOL_SIZE = 40
POOL = {"pool_size": 5, "max_overflow": THREAD_POOL_SIZE + 1 - 5, "pool_use_lifo": True}

# Pages a SQLite connection keeps between transactions, in KiB. SQLite's default (2 MB)
# is smaller than what one filtered page reads on a large database (an event list by a
# busy pair touches ~1,000 index pages), so every request read them from the file again.
SQLITE_CACHE_KIB = 16_000


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys, a busy timeout and write locks."""
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, **POOL
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, **POOL)


def _sqlite_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # Let SQLAlchemy emit BEGIN itself, so a writer can take the lock up front.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    # A savepoint's journal (the pages it first changes, which the store's per-document
    # savepoints fill with a few dozen) and temporary sorts stay in memory: in files, a
    # document cost about 200 writes to /var/tmp.
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def _sqlite_begin(connection) -> None:  # type: ignore[no-untyped-def]
    options = connection.get_execution_options()
    # Foreign keys are checked unless the transaction says otherwise (WRITE_UNCHECKED); the
    # setting is the connection's and holds outside a transaction only, so it is set here,
    # before BEGIN, each time it changes: the next transaction on the connection sets it back.
    checked = options.get("readout_check_references", True)
    info = connection.connection.info  # kept with the driver's connection, across checkouts
    if info.get("foreign_keys", True) != checked:
        connection.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if checked else 'OFF'}")
        info["foreign_keys"] = checked
    # A writer that began with a plain BEGIN could not upgrade its read lock while
    # another writer holds the database; BEGIN IMMEDIATE waits for the lock instead.
    immediate = options.get("readout_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@lru_cache
def get_engine() -> Engine:
    return make_engine(get_settings().database_url)


def upgrade_schema(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision; existing rows are kept."""
    from alembic import command
    from alembic.config import Config

    if not (MIGRATIONS_DIR / "env.py").exists():
        raise RuntimeError(f"Alembic migrations not found in {MIGRATIONS_DIR}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    log.info("database schema is at the newest migration")


def get_session() -> Iterator[Session]:
    with Session(get_engine()) as session:
        yield session


def begin_write(session: Session, *, check_references: bool = True) -> None:
    """Start the session's transaction as a writer (BEGIN IMMEDIATE on SQLite); with
    `check_references` False, one that SQLite trusts to write no dangling reference."""
    session.connection(execution_options=WRITE if check_references else WRITE_UNCHECKED)
