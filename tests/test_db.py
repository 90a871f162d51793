"""The engine: SQLite's settings on every connection, and which pooled connection comes back."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from app.db import SQLITE_CACHE_KIB, WRITE, WRITE_UNCHECKED, make_engine


def test_sqlite_connections_are_set_up_for_concurrent_reads(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'settings.db'}")
    with engine.connect() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "busy_timeout", "cache_size", "temp_store")
        }
    engine.dispose()
    assert pragma == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "busy_timeout": 30000,
        "cache_size": -SQLITE_CACHE_KIB,
        "temp_store": 2,  # memory
    }


def test_the_pool_hands_out_the_connection_returned_last(tmp_path):
    """Reads one after another reuse one connection, whose page cache stays warm."""
    engine = make_engine(f"sqlite:///{tmp_path / 'pool.db'}")
    first, second = engine.connect(), engine.connect()
    first_raw, second_raw = first.connection.dbapi_connection, second.connection.dbapi_connection
    first.close()
    second.close()
    with engine.connect() as again:
        assert again.connection.dbapi_connection is second_raw
        assert again.connection.dbapi_connection is not first_raw
    engine.dispose()


def test_an_unchecked_writer_turns_foreign_keys_off_for_its_transaction_only(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'keys.db'}")
    with engine.connect() as setup:
        setup.exec_driver_sql("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
        setup.exec_driver_sql("CREATE TABLE child (parent_id INTEGER REFERENCES parent (id))")
        setup.commit()
    orphan = "INSERT INTO child (parent_id) VALUES (7)"
    with engine.connect().execution_options(**WRITE_UNCHECKED) as unchecked:
        raw = unchecked.connection.dbapi_connection
        unchecked.exec_driver_sql(orphan)  # trusted: no parent is looked for
        unchecked.rollback()
    for options in (WRITE, {}):  # the next transactions on the same connection check again
        with engine.connect().execution_options(**options) as checked:
            assert checked.connection.dbapi_connection is raw
            with pytest.raises(IntegrityError):
                checked.exec_driver_sql(orphan)
            checked.rollback()
    engine.dispose()
