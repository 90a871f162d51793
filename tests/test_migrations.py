"""Migrations create the whole schema, agree with the models, keep rows and fill copies."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

import app.models  # noqa: F401  (the tables)
from app.db import make_engine, upgrade_schema
from tests.conftest import fresh_database


def test_upgrade_creates_every_table_on_an_empty_database(tmp_path):
    with fresh_database(tmp_path) as url:
        engine = make_engine(url)
        upgrade_schema(engine)
        tables = set(inspect(engine).get_table_names())
        engine.dispose()
    assert set(SQLModel.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_models_and_migrations_agree(tmp_path):
    with fresh_database(tmp_path) as url:
        engine = make_engine(url)
        upgrade_schema(engine)
        with engine.connect() as connection:
            differences = compare_metadata(
                MigrationContext.configure(connection), SQLModel.metadata
            )
        engine.dispose()
    assert differences == []


def test_upgrading_again_keeps_existing_rows(tmp_path):
    with fresh_database(tmp_path) as url:
        engine = make_engine(url)
        upgrade_schema(engine)
        with engine.begin() as connection:
            connection.execute(
                text("INSERT INTO topic (slug, label, description) VALUES ('x', 'Mine', 'kept')")
            )
        upgrade_schema(engine)
        with engine.connect() as connection:
            label = connection.execute(text("SELECT label FROM topic WHERE slug='x'")).scalar()
        engine.dispose()
    assert label == "Mine"


def upgrade_to(engine, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    from app.db import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def test_copies_of_dates_are_filled_on_upgrade(tmp_path):
    """0003, 0004 and 0007 copy each event's date_key onto its countries and participants
    and each statement's onto its topics, for lists by country and topic and for merging."""
    with fresh_database(tmp_path) as url:
        engine = make_engine(url)
        upgrade_to(engine, "0002")
        with engine.begin() as connection:
            for sql in (
                "INSERT INTO topic (slug, label, description) VALUES ('trade', 'Trade', '')",
                "INSERT INTO document (id, text, content_hash, ingested_at) "
                "VALUES (1, 'text', 'h', '2024-01-01 00:00:00')",
                "INSERT INTO person (id, name, name_key) VALUES (1, 'A B', 'a b')",
                "INSERT INTO event (id, date, date_precision, date_key, type, is_primary, "
                "updated_at) VALUES (1, '2021-12-07', 'day', '2021-12-07', 'meeting', true, "
                "'2024-01-01 00:00:00'), (2, NULL, NULL, '', 'call', false, "
                "'2024-01-01 00:00:00')",
                "INSERT INTO eventcountry (event_id, country) VALUES (1, 'CN'), (1, 'BE'), "
                "(2, 'CN')",
                "INSERT INTO statement (id, event_id, document_id, person_id, kind, text, "
                "char_start, char_end, date_key, year, updated_at) VALUES "
                "(1, 1, 1, 1, 'reported', 'x', 0, 1, '2021-12-07', 2021, '2024-01-01 00:00:00'), "
                "(2, 2, 1, 1, 'reported', 'y', 1, 2, '', NULL, '2024-01-01 00:00:00')",
                "INSERT INTO statementtopic (statement_id, topic) VALUES (1, 'trade'), "
                "(2, 'trade')",
                "INSERT INTO eventparticipant (event_id, person_id, document_id) VALUES "
                "(1, 1, 1), (2, 1, 1)",
            ):
                connection.execute(text(sql))
        upgrade_schema(engine)
        with engine.connect() as connection:
            countries = connection.execute(
                text("SELECT event_id, country, date_key FROM eventcountry ORDER BY 1, 2")
            ).all()
            topics = connection.execute(
                text("SELECT statement_id, date_key FROM statementtopic ORDER BY 1")
            ).all()
            participants = connection.execute(
                text("SELECT event_id, date_key FROM eventparticipant ORDER BY 1")
            ).all()
        engine.dispose()
    assert [tuple(r) for r in countries] == [
        (1, "BE", "2021-12-07"),
        (1, "CN", "2021-12-07"),
        (2, "CN", ""),
    ]
    assert [tuple(r) for r in topics] == [(1, "2021-12-07"), (2, "")]
    assert [tuple(r) for r in participants] == [(1, "2021-12-07"), (2, "")]


def test_the_write_counter_goes_down_and_up_again(tmp_path):
    """0005's table, triggers (and on PostgreSQL, function) leave on downgrade and come back."""
    from alembic import command
    from alembic.config import Config

    from app.db import MIGRATIONS_DIR

    def count_a_write(connection) -> int:
        """How far two writes move the counter (a migration's own writes move it too)."""
        before = connection.execute(text("SELECT n FROM datarevision")).scalar_one()
        connection.execute(
            text("INSERT INTO topic (slug, label, description) VALUES ('t', 'T', '')")
        )
        connection.execute(text("DELETE FROM topic WHERE slug = 't'"))
        return connection.execute(text("SELECT n FROM datarevision")).scalar_one() - before

    with fresh_database(tmp_path) as url:
        engine = make_engine(url)
        upgrade_schema(engine)
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with engine.begin() as connection:
            assert count_a_write(connection) == 2
            config.attributes["connection"] = connection
            command.downgrade(config, "0004")
        assert "datarevision" not in inspect(engine).get_table_names()
        with engine.begin() as connection:  # no trigger left to write to a missing table
            connection.execute(
                text("INSERT INTO topic (slug, label, description) VALUES ('u', 'U', '')")
            )
        upgrade_schema(engine)
        with engine.begin() as connection:
            assert count_a_write(connection) == 2
        engine.dispose()
