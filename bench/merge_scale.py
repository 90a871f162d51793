"""Ingestion cost as the database grows: time per document at 1,000 and 10,000.

    python bench/merge_scale.py [--sizes 1000 10000] [--database-dir DIR]
    python bench/merge_scale.py --texts seed_data --sizes 1000

Generates short readout-style texts (random leaders of random countries,
calls, meetings and visits on random dates, with reported speech; a share of
them re-report an earlier event so merging has work to do), ingests them
through the real write path (extraction, merge lookup, store) into a fresh
SQLite file per size, and prints documents/s, ms per document and the mean
document size for each size, and the ratio of the last to the first.

With --texts, the documents are the real texts of a folder instead (*.txt with
its manifest.csv), repeated to each size. Each round moves every year of the
texts and their publication dates one year back, so a copy reports events of
its own, as a stream of new texts would; each copy also ends with a line of
its own (the store keeps one copy of a text). With --same-years, the copies
keep their years: each is another report of the same events, so that stream
is all merging, and an event gains a source at every round.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import re
import tempfile
import time
from pathlib import Path

from sqlmodel import Session

from app import store
from app.cli import read_manifest
from app.db import begin_write, make_engine
from app.main import prepare_database
from app.models import DocumentCreate
from app.synth import FIRST, LAST

COUNTRIES = [
    ("Kenyan", "Kenya"),
    ("Norwegian", "Norway"),
    ("Japanese", "Japan"),
    ("Brazilian", "Brazil"),
    ("Ghanaian", "Ghana"),
    ("Chilean", "Chile"),
    ("Polish", "Poland"),
    ("Thai", "Thailand"),
    ("Egyptian", "Egypt"),
    ("Canadian", "Canada"),
    ("Mexican", "Mexico"),
    ("Indian", "India"),
    ("Italian", "Italy"),
    ("Peruvian", "Peru"),
    ("Swedish", "Sweden"),
    ("Moroccan", "Morocco"),
    ("Nigerian", "Nigeria"),
    ("Australian", "Australia"),
]
TITLES = ["President", "Prime Minister", "Foreign Minister"]
VERBS = [
    ("held a phone call with", "telephone"),
    ("held talks with", "meeting"),
    ("held a video conference with", "video"),
]
TOPICS = [
    "trade and investment",
    "climate change",
    "regional security",
    "energy cooperation",
    "public health",
    "people-to-people exchanges",
]


def generate(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    leaders = {
        country: [(rng.choice(TITLES), f"{rng.choice(FIRST)} {rng.choice(LAST)}") for _ in range(3)]
        for country in COUNTRIES
    }
    texts, reported = [], []
    for i in range(count):
        if reported and rng.random() < 0.3:
            base, day = rng.choice(reported)  # another source on a known event
            texts.append(f"{base} (Report {i}, second source.)")
            continue
        (dem1, name1), (dem2, _name2) = rng.sample(COUNTRIES, 2)
        title1, person1 = rng.choice(leaders[(dem1, name1)])
        title2, person2 = rng.choice(leaders[(dem2, _name2)])
        verb, _ = rng.choice(VERBS)
        day = dt.date(1995, 1, 1) + dt.timedelta(days=rng.randrange(11000))
        topic = rng.choice(TOPICS)
        text = (
            f"{dem1} {title1} {person1} {verb} {dem2} {title2} {person2} on "
            f"{day:%B} {day.day}, {day.year}.\n\n"
            f"{person1.split()[-1]} said that {name1} is ready to deepen cooperation with "
            f"{_name2} on {topic}.\n\n"
            f"{person2.split()[-1]} said {_name2} values its ties with {name1} (ref {i})."
        )
        reported.append((text, day))
        texts.append(text)
    return texts


YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def real(folder: Path, count: int, move_years: bool = True) -> list[DocumentCreate]:
    """The texts of `folder` with their manifest's metadata, repeated to `count`; round r
    moved r years back unless not `move_years`."""
    manifest = read_manifest(folder)
    texts = [
        (path.read_text(encoding="utf-8"), manifest.get(path.name, {}))
        for path in sorted(folder.glob("*.txt"))
    ]
    if not texts:
        raise SystemExit(f"no *.txt in {folder}")
    documents = []
    for i, (text, meta) in zip(range(count), itertools.cycle(texts), strict=False):
        back = i // len(texts) if move_years else 0

        def moved(match: re.Match[str], back: int = back) -> str:
            return str(int(match.group()) - back)

        published = meta.get("published")
        documents.append(
            DocumentCreate(
                text=f"{YEAR.sub(moved, text)}\n\n(Copy {i}.)",
                published=YEAR.sub(moved, published) if published else None,
                title=meta.get("title"),
                publisher=meta.get("publisher"),
            )
        )
    return documents


def run(documents: list[DocumentCreate], folder: Path) -> float:
    engine = make_engine(f"sqlite:///{folder / f'merge_{len(documents)}.db'}")
    prepare_database(engine)
    started = time.perf_counter()
    for document in documents:
        with Session(engine) as session:
            begin_write(session)
            store.ingest_document(session, payload=document)
            session.commit()
    seconds = time.perf_counter() - started
    engine.dispose()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--database-dir", type=Path)
    parser.add_argument("--texts", type=Path, help="a folder of real texts to ingest instead")
    parser.add_argument(
        "--same-years", action="store_true", help="with --texts: copies keep their years"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.database_dir or Path(tmp)
        per_doc = {}
        for size in args.sizes:
            if args.texts:
                documents = real(args.texts, size, not args.same_years)
            else:
                documents = [DocumentCreate(text=text) for text in generate(size)]
            kb = sum(len(d.text.encode()) for d in documents) / size / 1024
            seconds = run(documents, folder)
            per_doc[size] = 1000 * seconds / size
            print(
                f"{size} documents ({kb:.1f} KB each on average): {seconds:.1f} s, "
                f"{size / seconds:.0f} documents/s, {per_doc[size]:.2f} ms/document"
            )
        first, last = args.sizes[0], args.sizes[-1]
        print(f"ms/document at {last} / at {first}: {per_doc[last] / per_doc[first]:.2f}")


if __name__ == "__main__":
    main()
