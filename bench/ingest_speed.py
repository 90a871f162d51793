"""Documents per second of `readout ingest DIR`, the command line's batch ingestion.

    python bench/ingest_speed.py [CORPUS_DIR] [--documents 1000] [--runs 3] [--onto FILE]
                                 [--jobs N]

Writes --documents texts of CORPUS_DIR (default: seed_data/) to a folder with
their manifest, as `bench/merge_scale.py --texts` makes them (round r moves
every year r back, so each copy reports events of its own), then runs the
command's ingestion, in this process, into a fresh SQLite file per run (with
--onto, a copy of that SQLite file, such as `readout synth` makes: ingestion
into a large database). Prints for each run documents/s and the CPU time a
document took, which other work on the machine moves less than the clock.
--jobs is the command's option: N worker processes extract ahead of the
process that stores (default 1: one process); their CPU time is counted too.
Everything `readout ingest` does is timed: reading the files, extraction,
merging, storing and committing; the schema is made before the clock starts.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from merge_scale import real

from app import cli
from app.config import get_settings
from app.db import get_engine
from app.extract import compiled
from app.main import prepare_database


def write_folder(corpus: Path, count: int, folder: Path) -> float:
    """The texts as files with a manifest; their mean size in KB."""
    documents = real(corpus, count)
    with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "publisher", "published", "title"])
        for n, document in enumerate(documents):
            name = f"{n:06d}.txt"
            (folder / name).write_text(document.text, encoding="utf-8")
            published = document.published.isoformat() if document.published else ""
            writer.writerow([name, document.publisher or "", published, document.title or ""])
    return sum(len(d.text.encode()) for d in documents) / len(documents) / 1024


def run(
    folder: Path, database: Path, onto: Path | None = None, jobs: int = 1
) -> tuple[float, float]:
    """Seconds `readout ingest` takes on `folder` into a new database file, or a copy of
    `onto`, and the CPU seconds it used (this process and its worker processes)."""
    if onto is not None:
        shutil.copyfile(onto, database)
        # the copy's pages reach the disk now, not during the run: SQLite's first sync of
        # the file (a checkpoint) would wait for all of them, and the clock with it
        with database.open("rb+") as fh:
            os.fsync(fh.fileno())
    os.environ["READOUT_DATABASE_URL"] = f"sqlite:///{database}"
    get_settings.cache_clear()
    get_engine.cache_clear()
    prepare_database()
    started, cpu = time.perf_counter(), _cpu_seconds()
    new, known, failed = cli.ingest_folder(folder, jobs=jobs)
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    get_engine().dispose()
    if known or failed:
        raise SystemExit(f"expected only new documents: {new} new, {known} known, {failed} failed")
    return seconds, cpu


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the --jobs workers)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parent.parent / "seed_data"
    parser.add_argument("corpus", nargs="?", type=Path, default=default)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--onto", type=Path, help="ingest into a copy of this SQLite file")
    parser.add_argument("--jobs", type=int, default=1, help="extraction processes (--jobs)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        kb = write_folder(args.corpus, args.documents, folder)
        print(f"corpus: {args.corpus}, {args.documents} documents of {kb:.1f} KB on average")
        print(f"extraction stages: {'compiled' if compiled() else 'plain Python'}")
        print(f"Python: {sys.version.split()[0]} at {sys.executable}")
        for n in range(args.runs):
            database = Path(tmp) / f"ingest_{n}.db"
            seconds, cpu = run(folder, database, args.onto, args.jobs)
            database.unlink()
            print(
                f"run {n + 1}: {seconds:.1f} s, {args.documents / seconds:.0f} documents/s, "
                f"{1000 * seconds / args.documents:.2f} ms/document, "
                f"CPU {1000 * cpu / args.documents:.2f} ms/document"
            )


if __name__ == "__main__":
    main()
