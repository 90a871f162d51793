"""Concurrency and crash safety against a real server process."""

from __future__ import annotations

import json
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests import server as server_process

ROOT = Path(__file__).resolve().parent.parent


def test_writers_and_readers_at_once_lose_nothing():
    result = subprocess.run(
        [
            sys.executable,
            "bench/concurrency.py",
            "--writers",
            "8",
            "--readers",
            "32",
            "--seconds",
            "5",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    figures = dict(line.split(": ", 1) for line in result.stdout.splitlines() if ": " in line)
    assert result.returncode == 0, result.stdout + result.stderr
    assert int(figures["documents_posted"]) > 0
    assert (figures["errors"], figures["documents_lost"], figures["duplicate_events"]) == (
        "0",
        "0",
        "0",
    )


def _serve(database: Path, key: str) -> tuple[subprocess.Popen, str]:
    return server_process.start(
        {
            "READOUT_DATABASE_URL": f"sqlite:///{database}",
            "READOUT_API_KEYS": key,
            "READOUT_WRITE_RATE_PER_MINUTE": "0",
        }
    )


def _post(base: str, key: str, body: dict) -> tuple[int, dict | None]:
    request = urllib.request.Request(
        base + "/v1/documents",
        data=json.dumps(body).encode(),
        method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {key}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, None


def _get(base: str, path: str) -> tuple[int, dict | None]:
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, None


BATCH = [
    {
        "text": f"Kenyan President Amina Odhiambo held talks with Norwegian Prime Minister "
        f"Lars Berg in Oslo on May {day}, 2022. Odhiambo said Kenya would expand trade "
        f"with Norway. Berg said Norway valued the partnership (report {day}).",
        "published": f"2022-05-{day:02d}",
    }
    for day in range(1, 29)
]


def test_a_killed_server_leaves_whole_documents_and_a_rerun_completes_them(tmp_path):
    key = secrets.token_hex(8)
    database = tmp_path / "crash.db"
    process, base = _serve(database, key)
    answered: list[int] = []

    def ingest() -> None:
        for body in BATCH:
            try:
                status, answer = _post(base, key, body)
            except OSError:
                return  # the server is gone
            if status == 201:
                answered.append(answer["document"]["id"])

    writer = threading.Thread(target=ingest)
    writer.start()
    while len(answered) < 8:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    writer.join()

    process, base = _serve(database, key)
    try:
        stored = []
        for document_id in range(1, len(BATCH) + 2):
            status, document = _get(base, f"/v1/documents/{document_id}")
            if status == 200:
                stored.append(document)
        assert {d["id"] for d in stored} >= set(answered)
        for document in stored:  # whole: every record it produced is there and points back
            assert document["event_ids"] and len(document["statement_ids"]) == 2
            for statement_id in document["statement_ids"]:
                status, statement = _get(base, f"/v1/statements/{statement_id}")
                assert status == 200 and statement["document_id"] == document["id"]
        assert len(stored) < len(BATCH), "the kill came too late to test anything"

        statuses = [_post(base, key, body)[0] for body in BATCH]
        assert statuses.count(200) == len(stored)
        assert statuses.count(201) == len(BATCH) - len(stored)
        _, events = _get(base, "/v1/events?limit=500")
        dates = [e["date"] for e in events["items"]]
        assert sorted(dates) == sorted(f"2022-05-{day:02d}" for day in range(1, 29))
    finally:
        server_process.stop(process)


def test_reads_answer_while_writers_queue_for_the_write_lock(tmp_path):
    """More writers wait on SQLite's write lock than the old pool had connections (15):
    each holds one while it waits, and a read must still get its own at once."""
    import sqlite3

    key = secrets.token_hex(8)
    database = tmp_path / "queue.db"
    process, base = _serve(database, key)
    lock = sqlite3.connect(database, timeout=30, isolation_level=None)
    waiting = [threading.Thread(target=_post, args=(base, key, body)) for body in BATCH[:20]]
    try:
        lock.execute("BEGIN IMMEDIATE")  # every POST below now waits for the lock
        for thread in waiting:
            thread.start()
        time.sleep(1.0)  # let them all reach the lock
        started = time.monotonic()
        status, page = _get(base, "/v1/statements?limit=5")
        waited = time.monotonic() - started
        assert status == 200 and page["items"] == []
        assert waited < 10, f"a read waited {waited:.1f} s behind writers queueing for the lock"
    finally:
        lock.execute("ROLLBACK")
        lock.close()
        for thread in waiting:
            thread.join()
        server_process.stop(process)
    status, events = _get_after_restart(database, key)
    assert status == 200 and len(events["items"]) == 20


def _get_after_restart(database: Path, key: str) -> tuple[int, dict | None]:
    process, base = _serve(database, key)
    try:
        return _get(base, "/v1/events?limit=500")
    finally:
        server_process.stop(process)
