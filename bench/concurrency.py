"""Writers and readers at once against one server; ends with the integrity figures.

    python bench/concurrency.py [--writers 8] [--readers 32] [--seconds 60]
                                [--base-url URL --key KEY]

Without --base-url it starts `uvicorn app.main:app` on a free port with a fresh
SQLite database (WAL, busy timeout) and no write rate limit. Writers post
distinct generated documents, readers page through lists and read events;
afterwards it checks that every posted document is present and that no
event was stored twice. Prints the figures; exits 1 on any error or loss.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

COUNTRIES = [
    ("Kenyan", "KE"),
    ("Norwegian", "NO"),
    ("Japanese", "JP"),
    ("Chilean", "CL"),
    ("Ghanaian", "GH"),
    ("Polish", "PL"),
    ("Thai", "TH"),
    ("Peruvian", "PE"),
]
NAMES = [
    "Amina Odhiambo",
    "Lars Berg",
    "Kenji Sato",
    "Carla Rojas",
    "Kofi Mensah",
    "Marta Nowak",
    "Somchai Chai",
    "Lucia Vargas",
]


def document(writer: int, n: int) -> dict:
    rng = random.Random(writer * 100_000 + n)
    (dem1, _), (dem2, _) = rng.sample(COUNTRIES, 2)
    first, second = rng.sample(NAMES, 2)
    day = rng.randrange(1, 28)
    text = (
        f"{dem1} Foreign Minister {first} held talks with {dem2} Foreign Minister {second} "
        f"in Geneva on March {day}, 2021. {first.split()[-1]} said the two countries "
        f"would expand trade. (Writer {writer}, document {n}.)"
    )
    return {"text": text, "published": f"2021-03-{day:02d}"}


def call(base: str, method: str, path: str, key: str | None = None, body: dict | None = None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if key:
        request.add_header("Authorization", f"Bearer {key}")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, None


def start_server(folder: Path, key: str) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "READOUT_DATABASE_URL": f"sqlite:///{folder / 'concurrency.db'}",
        "READOUT_API_KEYS": key,
        "READOUT_WRITE_RATE_PER_MINUTE": "0",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "app.main:app",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            return process, base
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


def run(base: str, key: str, writers: int, readers: int, seconds: float) -> dict:
    deadline = time.monotonic() + seconds
    errors: list[str] = []
    posted: list[int] = []
    reads = Counter()
    lock = threading.Lock()

    def write(writer: int) -> None:
        n = 0
        while time.monotonic() < deadline:
            status, answer = call(base, "POST", "/v1/documents", key, document(writer, n))
            with lock:
                if status == 201:
                    posted.append(answer["document"]["id"])
                else:
                    errors.append(f"POST -> {status}")
            n += 1

    def read(reader: int) -> None:
        rng = random.Random(reader)
        paths = [
            "/v1/events?limit=20",
            "/v1/statements?limit=20",
            "/v1/speakers",
            "/v1/topics",
            "/v1/stats/pair",
            "/v1/events?pair=KE-NO",
        ]
        while time.monotonic() < deadline:
            status, _ = call(base, "GET", rng.choice(paths))
            with lock:
                reads[status] += 1
                if status != 200:
                    errors.append(f"GET -> {status}")

    threads = [threading.Thread(target=write, args=(w,)) for w in range(writers)]
    threads += [threading.Thread(target=read, args=(r,)) for r in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    missing = [i for i in posted if call(base, "GET", f"/v1/documents/{i}")[0] != 200]
    events, cursor = [], None
    while True:
        _, page = call(
            base, "GET", "/v1/events?limit=500" + (f"&cursor={cursor}" if cursor else "")
        )
        events += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            break
    keys = Counter(
        (
            e["date"],
            e["type"],
            tuple(e["countries"]),
            tuple(sorted(p["name"] for p in e["participants"])),
        )
        for e in events
    )
    return {
        "documents_posted": len(posted),
        "reads": sum(reads.values()),
        "errors": len(errors),
        "documents_lost": len(missing),
        "events": len(events),
        "duplicate_events": sum(n - 1 for n in keys.values() if n > 1),
        "error_samples": errors[:5],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--readers", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--base-url")
    parser.add_argument("--key")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        process = None
        key = args.key or secrets.token_hex(16)
        base = args.base_url
        if not base:
            process, base = start_server(Path(tmp), key)
        try:
            figures = run(base, key, args.writers, args.readers, args.seconds)
        finally:
            if process:
                process.terminate()
                process.wait(timeout=20)
    for name, value in figures.items():
        print(f"{name}: {value}")
    bad = figures["errors"] or figures["documents_lost"] or figures["duplicate_events"]
    raise SystemExit(1 if bad else 0)


if __name__ == "__main__":
    main()
