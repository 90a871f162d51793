"""What one request costs the app itself: CPU ms per request, in process, no HTTP server.

    python bench/request_cost.py bench.db [--requests 300]
    READOUT_RECORD_CACHE_MB=0 python bench/request_cost.py bench.db   # every record built

Calls the ASGI app directly (no socket, no server, no load tool) with the
URLs of bench/compare_datasette.py on the same database, after a warm-up, and
prints for each the CPU time per request (the process's own, so other load on
the machine matters less than in wall time), the wall time and the size of
the answer. Under closed-loop load the latency a client sees is about
connections x cost / cores, so this is the figure to lower for a better p99.
After the warm-up a list's records are kept (app.record_cache) unless the
cache is turned off as above: the two figures are the cost of a page while
the database is not written, and right after a write.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from pathlib import Path

from compare_datasette import pick, queries


async def call(app, url: str) -> tuple[int, bytes]:  # type: ignore[no-untyped-def]
    """One GET through the whole app (middleware, routing, handler), as a server would."""
    path, _, query = url.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "headers": [(b"host", b"bench")],
        "client": ("127.0.0.1", 1),
        "server": ("bench", 80),
        "root_path": "",
    }
    status, body = 0, []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            body.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(body)


async def measure(db: Path, requests: int) -> None:
    os.environ["READOUT_DATABASE_URL"] = f"sqlite:///{db}"
    from app.main import app  # settings are read at import: the database first

    print(f"database: {db.name}; {requests} requests per URL, in process, after 50 to warm up\n")
    header = f"{'query':<30} {'CPU ms':>7} {'wall ms':>8} {'bytes':>7}"
    print(header)
    print("-" * len(header))
    async with app.router.lifespan_context(app):
        for query in queries(db.stem, pick(db)):
            url = query["readout"]
            for _ in range(50):
                status, body = await call(app, url)
            if status != 200:
                raise SystemExit(f"{url} answered {status}: {body[:200]!r}")
            cpu, wall = time.process_time(), time.perf_counter()
            for _ in range(requests):
                await call(app, url)
            cpu_ms = 1000 * (time.process_time() - cpu) / requests
            wall_ms = 1000 * (time.perf_counter() - wall) / requests
            print(f"{query['name']:<30} {cpu_ms:>7.2f} {wall_ms:>8.2f} {len(body):>7}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    asyncio.run(measure(args.db.resolve(), args.requests))


if __name__ == "__main__":
    main()
