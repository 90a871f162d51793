"""The first migration creates the whole schema, agrees with the models, keeps rows."""

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
