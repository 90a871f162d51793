"""Fixtures: an app on a temporary SQLite database, with or without the seed texts."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import get_settings
from app.db import get_engine
from app.main import create_app

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "seed_data"
KEY = "test-write-key"
AUTH = {"Authorization": f"Bearer {KEY}"}


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


def _client(monkeypatch: pytest.MonkeyPatch, db_path: Path, keys: str) -> Iterator[TestClient]:
    monkeypatch.setenv("READOUT_DATABASE_URL", f"sqlite:///{db_path}")
    monkeypatch.setenv("READOUT_API_KEYS", keys)
    get_settings.cache_clear()
    get_engine.cache_clear()
    with TestClient(create_app()) as client:
        yield client
    get_engine().dispose()
    get_engine.cache_clear()
    get_settings.cache_clear()


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """An app with an empty database and one write key (KEY)."""
    yield from _client(monkeypatch, tmp_path / "readout.db", KEY)


@pytest.fixture
def readonly_client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """An app with no write key configured."""
    yield from _client(monkeypatch, tmp_path / "readout.db", "")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """An app with the seed texts posted through the API (shared by a test module)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        db_path = tmp_path_factory.mktemp("seeded") / "readout.db"
        for client in _client(monkeypatch, db_path, KEY):
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
