"""Documents per second of the extraction pipeline in one process.

    python bench/extract_speed.py [CORPUS_DIR] [--documents 1000]

Reads every *.txt of CORPUS_DIR (default: seed_data/) with its manifest.csv,
repeats the texts until at least --documents have been run, and prints the
figures. Nothing is stored: this measures extraction alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import sys
import time
from pathlib import Path

from app.cli import read_manifest
from app.extract import compiled
from app.extract.pipeline import extract
from app.extract.records import Source


def load(folder: Path) -> list[Source]:
    manifest = read_manifest(folder)
    sources = []
    for path in sorted(folder.glob("*.txt")):
        meta = manifest.get(path.name, {})
        published = meta.get("published")
        sources.append(
            Source(
                text=path.read_text(encoding="utf-8"),
                published=dt.date.fromisoformat(published) if published else None,
                title=meta.get("title"),
                publisher=meta.get("publisher"),
                url=meta.get("url"),
            )
        )
    return sources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "corpus", nargs="?", type=Path, default=Path(__file__).resolve().parent.parent / "seed_data"
    )
    parser.add_argument("--documents", type=int, default=1000)
    args = parser.parse_args()
    sources = load(args.corpus)
    if not sources:
        raise SystemExit(f"no *.txt in {args.corpus}")
    for source in sources:  # warm up: lexicons load once
        extract(source)
    runs = list(itertools.islice(itertools.cycle(sources), max(args.documents, len(sources))))
    started = time.perf_counter()
    statements = 0
    for source in runs:
        statements += len(extract(source).statements)
    seconds = time.perf_counter() - started
    kb = sum(len(s.text) for s in runs) / 1024
    print(f"corpus: {args.corpus} ({len(sources)} texts, repeated to {len(runs)} documents)")
    print(f"extraction stages: {'compiled' if compiled() else 'plain Python'}")
    print(f"Python: {sys.version.split()[0]} at {sys.executable}")
    print(f"documents/s: {len(runs) / seconds:.0f}")
    print(f"KB/s: {kb / seconds:.0f}")
    print(f"ms/document: {1000 * seconds / len(runs):.2f}")
    print(f"statements found: {statements}")


if __name__ == "__main__":
    main()
