"""Fixtures: an app on a temporary SQLite database, with or without the seed texts."""

from __future__ import annotations

import csv
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, make_url, text

from app.config import get_settings
from app.db import get_engine
from app.main import create_app

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "seed_data"
KEY = "test-write-key"
AUTH = {"Authorization": f"Bearer {KEY}"}
# A PostgreSQL server to run the suite against (a URL to its maintenance database);
# unset, every test gets a SQLite file of its own.
POSTGRES_URL = os.environ.get("READOUT_TEST_POSTGRES_URL")


@contextmanager
def fresh_database(folder: Path) -> Iterator[str]:
    """The URL of an empty database, dropped afterwards."""
    if not POSTGRES_URL:
        yield f"sqlite:///{folder / 'readout.db'}"
        return
    name = f"readout_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def seed_payloads() -> list[dict]:
    """The seed texts with their manifest metadata, as POST /v1/documents bodies."""
    with (SEED_DIR / "manifest.csv").open(newline="", encoding="utf-8") as fh:
        meta = {
            row["file"]: {k: v for k, v in row.items() if k != "file" and v}
            for row in csv.DictReader(fh)
        }
    return [
        {"text": path.read_text(encoding="utf-8"), **meta.get(path.name, {})}
        for path in sorted(SEED_DIR.glob("*.txt"))
    ]


@contextmanager
def configured(monkeypatch: pytest.MonkeyPatch, **env: str) -> Iterator[None]:
    """Settings and engine made anew from `env` (READOUT_* variables) for the block."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    get_engine.cache_clear()
    try:
        yield
    finally:
        get_engine().dispose()
        get_engine.cache_clear()
        get_settings.cache_clear()


def _client(monkeypatch: pytest.MonkeyPatch, folder: Path, keys: str) -> Iterator[TestClient]:
    with (
        fresh_database(folder) as url,
        configured(monkeypatch, READOUT_DATABASE_URL=url, READOUT_API_KEYS=keys),
        TestClient(create_app()) as client,
    ):
        yield client


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """An app with an empty database and one write key (KEY)."""
    yield from _client(monkeypatch, tmp_path, KEY)


@pytest.fixture
def readonly_client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """An app with no write key configured."""
    yield from _client(monkeypatch, tmp_path, "")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """An app with the seed texts posted through the API (shared by a test module)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        folder = tmp_path_factory.mktemp("seeded")
        for client in _client(monkeypatch, folder, KEY):
            for body in seed_payloads():
                answer = client.post("/v1/documents", json=body, headers=AUTH)
                assert answer.status_code == 201, answer.text
            yield client


def all_items(client: TestClient, path: str, **params) -> list[dict]:
    """Every item of a list endpoint, following next_cursor."""
    items: list[dict] = []
    cursor = None
    while True:
        answer = client.get(path, params={**params, "cursor": cursor} if cursor else params)
        assert answer.status_code == 200, answer.text
        page = answer.json()
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items


def assert_problem(response, status: int, *, detail_contains: str | None = None) -> dict:
    """The error contract: RFC 9457 problem+json with type, title, status and detail."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert {"type", "title", "status", "detail"} <= body.keys()
    assert body["status"] == status
    assert isinstance(body["detail"], str) and body["detail"]
    if detail_contains:
        assert detail_contains.lower() in body["detail"].lower(), body["detail"]
    return body
