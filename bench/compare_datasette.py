"""Readout against Datasette on the same SQLite file, the same machine, the same load.

    readout synth --events 100000 --db sqlite:///bench.db
    python bench/compare_datasette.py bench.db [--seconds 10] [--connections 16]
        [--record-cache-mb 0]

Starts Readout with its production command (README, "Production") and
`datasette serve --immutable` on the same file, drives both with wrk (Debian's
package) at the same concurrency for the same time, for equivalent queries,
and prints requests/s, p50 and p99 for each side, the ratio Readout/Datasette
(requests/s), Readout's server memory (RSS), and the raw SQLite time of the
same SQL as the floor. Datasette is measured with its defaults and with its
fastest table JSON (_nocount=1, _nofacet=1, _nosuggest=1). Each run starts
once the machine is idle. Readout keeps the records it built until the file
is written; --record-cache-mb 0 measures it building every record every time.
Needs `wrk` and a `datasette` executable (pip install datasette; --datasette PATH).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FAST = "&_nocount=1&_nofacet=1&_nosuggest=1"
WARM_UP_SECONDS = 2


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen) -> None:
    for _ in range(600):
        if process.poll() is not None:
            raise SystemExit(f"server exited while starting: {url}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"no answer from {url}")


def cursor(date_key: str, row_id: int) -> str:
    raw = json.dumps([date_key, row_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def datasette_token(*values: object) -> str:
    """Datasette's _next token: comma-joined, each value tilde-encoded."""

    def tilde(value: object) -> str:
        return "".join(c if c.isalnum() or c in "_-" else f"~{ord(c):02X}" for c in str(value))

    return ",".join(tilde(v) for v in values)


def pick(db: Path) -> dict:
    """Typical filter values: the busiest pair and its busiest year, a busy speaker, a topic."""
    with sqlite3.connect(db) as con:
        a, b, _count = con.execute(
            "SELECT a.country, b.country, count(*) AS n FROM eventcountry a JOIN eventcountry b "
            "ON a.event_id = b.event_id AND a.country < b.country GROUP BY 1, 2 "
            "ORDER BY n DESC LIMIT 1"
        ).fetchone()
        year = con.execute(
            "SELECT e.year FROM event e JOIN eventcountry x ON x.event_id = e.id AND x.country=? "
            "JOIN eventcountry y ON y.event_id = e.id AND y.country=? "
            "WHERE e.year IS NOT NULL GROUP BY e.year ORDER BY count(*) DESC LIMIT 1",
            (a, b),
        ).fetchone()[0]
        speaker = con.execute(
            "SELECT person_id FROM statement GROUP BY person_id "
            "ORDER BY count(*) DESC LIMIT 1 OFFSET 10"
        ).fetchone()[0]
        topic = con.execute(
            "SELECT topic FROM statementtopic GROUP BY topic "
            "ORDER BY count(*) DESC LIMIT 1 OFFSET 3"
        ).fetchone()[0]
        deep = con.execute(
            "SELECT date_key, id FROM statement ORDER BY date_key DESC, id DESC "
            "LIMIT 1 OFFSET 99999"
        ).fetchone()
    return {"a": a, "b": b, "year": year, "speaker": speaker, "topic": topic, "deep": deep}


def queries(db_name: str, v: dict) -> list[dict]:
    a, b, year, topic = v["a"], v["b"], v["year"], v["topic"]
    in_pair = (
        f"event_id in (select event_id from eventcountry where country='{a}') and "
        f"event_id in (select event_id from eventcountry where country='{b}')"
    )
    event_pair = in_pair.replace("event_id in (select", "id in (select")
    with_topic = f"id in (select statement_id from statementtopic where topic='{topic}')"
    order = "ORDER BY date_key DESC, id DESC LIMIT 51"
    table = f"/{db_name}/statement.json?_size=50&_sort_desc=date_key"
    return [
        {
            "name": "statements by pair and year",
            "readout": f"/v1/statements?pair={a}-{b}&year={year}&limit=50",
            "datasette": f"{table}&year={year}&_where={urllib.parse.quote(in_pair)}",
            "sql": f"SELECT * FROM statement WHERE year={year} AND {in_pair} {order}",
        },
        {
            "name": "statements by speaker",
            "readout": f"/v1/statements?speaker={v['speaker']}&limit=50",
            "datasette": f"{table}&person_id={v['speaker']}",
            "sql": f"SELECT * FROM statement WHERE person_id={v['speaker']} {order}",
        },
        {
            "name": "statements by topic and year",
            "readout": f"/v1/statements?topic={topic}&year={year}&limit=50",
            "datasette": f"{table}&year={year}&_where={urllib.parse.quote(with_topic)}",
            "sql": f"SELECT * FROM statement WHERE year={year} AND {with_topic} {order}",
        },
        {
            "name": "events by pair",
            "readout": f"/v1/events?pair={a}-{b}&limit=50",
            "datasette": f"/{db_name}/event.json?_size=50&_sort_desc=date_key"
            f"&_where={urllib.parse.quote(event_pair)}",
            "sql": f"SELECT * FROM event WHERE {event_pair} {order}",
        },
        {
            "name": "first page",
            "readout": "/v1/statements?limit=50",
            "datasette": table,
            "sql": f"SELECT * FROM statement {order}",
        },
        {
            "name": "deep page (100,000 rows in)",
            "readout": f"/v1/statements?limit=50&cursor={cursor(*v['deep'])}",
            "datasette": f"{table}&_next={datasette_token(*v['deep'])}",
            "sql": f"SELECT * FROM statement WHERE (date_key, id) < ('{v['deep'][0]}', "
            f"{v['deep'][1]}) {order}",
        },
        {  # not a target of its own: the cost of the stack with one record's work
            "name": "one statement by id",
            "readout": f"/v1/statements/{v['deep'][1]}",
            "datasette": f"/{db_name}/statement/{v['deep'][1]}.json?",
            "sql": f"SELECT * FROM statement WHERE id={v['deep'][1]}",
        },
    ]


def wrk(url: str, seconds: float, connections: int) -> dict:
    out = subprocess.run(
        [
            "wrk",
            "-t",
            "2",
            "-c",
            str(connections),
            "-d",
            f"{max(1, round(seconds))}s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def latency(pct: str) -> float:
        value, unit = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\b", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": int(non_2xx.group(1)) if non_2xx else 0,
    }


def sqlite_floor(db: Path, sql: str, runs: int = 20) -> float:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        con.execute(sql).fetchall()
        started = time.perf_counter()
        for _ in range(runs):
            con.execute(sql).fetchall()
        return 1000 * (time.perf_counter() - started) / runs


def _tree(pid: int) -> list[int]:
    """A process and its children (uvicorn workers)."""
    children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [pid] + [int(p) for p in children.stdout.split()]


def busy_seconds() -> float:
    """CPU time the whole machine has spent busy so far, all cores (from /proc/stat)."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def settle(most: float = 120) -> None:
    """Wait until the machine is idle: a side's run must not share the CPU with requests the
    other side is still working through after its load tool stopped (a Datasette request can
    run for seconds, and wrk leaves 16 of them queued), nor with other work on the machine."""
    deadline = time.monotonic() + most
    while time.monotonic() < deadline:
        before = busy_seconds()
        time.sleep(0.5)
        if busy_seconds() - before < 0.05:  # under 10 % of one core
            return
    print(f"(the machine was still busy after {most:.0f} s: this run shares it)")


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (uvicorn workers), in MB."""
    total = 0
    for p in _tree(pid):
        status = Path(f"/proc/{p}/status").read_text()
        total += int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))
    return total / 1024


def _ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}" if theirs else "inf (Datasette answered nothing in time)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--datasette", default=shutil.which("datasette") or "datasette")
    parser.add_argument(
        "--record-cache-mb",
        type=float,
        help="Readout's READOUT_RECORD_CACHE_MB (0: build every record on every request)",
    )
    args = parser.parse_args()
    db = args.db.resolve()
    values = pick(db)
    readout_port, datasette_port = free_port(), free_port()
    env = {**os.environ, "READOUT_DATABASE_URL": f"sqlite:///{db}"}
    if args.record_cache_mb is not None:
        env["READOUT_RECORD_CACHE_MB"] = str(args.record_cache_mb)
    readout = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "app.main:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(readout_port),
            "--workers",
            str(args.workers),
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    datasette = subprocess.Popen(
        [args.datasette, "serve", "--immutable", str(db), "--port", str(datasette_port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    readout_base = f"http://127.0.0.1:{readout_port}"
    datasette_base = f"http://127.0.0.1:{datasette_port}"
    try:
        wait_for(readout_base + "/healthz", readout)
        wait_for(datasette_base + "/-/versions.json", datasette)
        print(f"database: {db.name}; values: {values}")
        print(
            f"load: wrk, {args.connections} connections, {args.seconds:.0f} s per run; "
            f"Readout with {args.workers} worker(s), record cache "
            f"{env.get('READOUT_RECORD_CACHE_MB', '16 (default)')} MB; each run starts once the "
            "machine is idle\n"
        )
        header = (
            f"{'query':<30} {'side':<18} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}"
        )
        print(header)
        print("-" * len(header))
        for query in queries(db.stem, values):
            for url in (readout_base + query["readout"], datasette_base + query["datasette"]):
                urllib.request.urlopen(url, timeout=60).read()  # fail loudly on a bad URL
            for url in (
                readout_base + query["readout"],
                datasette_base + query["datasette"] + FAST,
            ):  # the same short warm-up for both sides: caches filled, connections open
                wrk(url, WARM_UP_SECONDS, args.connections)
            runs = {
                "readout": readout_base + query["readout"],
                "datasette fastest": datasette_base + query["datasette"] + FAST,
                "datasette default": datasette_base + query["datasette"],
            }
            sides = {}
            for side, url in runs.items():
                settle()
                sides[side] = wrk(url, args.seconds, args.connections)
            for side, r in sides.items():
                print(
                    f"{query['name']:<30} {side:<18} {r['rps']:>8.0f} {r['p50']:>8.2f} "
                    f"{r['p99']:>8.2f} {r['errors']:>6}"
                )
            fastest = sides["datasette fastest"]["rps"]
            default = sides["datasette default"]["rps"]
            floor = sqlite_floor(db, query["sql"])
            print(
                f"{'':<30} ratio Readout/Datasette: {_ratio(sides['readout']['rps'], fastest)} "
                f"(fastest), {_ratio(sides['readout']['rps'], default)} (default); "
                f"raw SQLite {floor:.2f} ms\n"
            )
        print(f"Readout server memory (RSS, all workers): {rss_mb(readout.pid):.0f} MB")
    finally:
        for process in (readout, datasette):
            process.terminate()
            process.wait(timeout=20)


if __name__ == "__main__":
    main()
