"""The `readout` command: ingest a folder of texts, serve the API."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import logging
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from sqlmodel import Session, func, select

from app.db import begin_write, get_engine
from app.models import Document, DocumentCreate

if TYPE_CHECKING:
    from app.extract.records import Extraction

log = logging.getLogger("readout")


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """Metadata per file name from DIR/manifest.csv (file,url,publisher,published,title)."""
    manifest = folder / "manifest.csv"
    if not manifest.exists():
        return {}
    with manifest.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if "file" not in (reader.fieldnames or []):
            raise SystemExit(f"{manifest}: the header needs a 'file' column")
        return {
            row["file"]: {k: v for k, v in row.items() if k and k != "file" and v} for row in reader
        }


# The command commits documents in batches: one commit's cost is shared by up to this many
# documents, and a writer waiting for the write lock (the API) waits at most about this long.
BATCH_DOCUMENTS = 50
BATCH_SECONDS = 0.5


def ingest_folder(folder: Path, *, progress: bool = False, jobs: int = 1) -> tuple[int, int, int]:
    """Ingest every *.txt of a folder; returns (new, known, failed).

    Each document is whole or absent: it is written inside a savepoint, so one that fails
    leaves nothing and the batch goes on. A batch commits after BATCH_DOCUMENTS documents
    or BATCH_SECONDS; a run stopped midway loses only its last batch, which running the
    command again ingests (stored texts are recognised and skipped). With `jobs` > 1,
    that many worker processes extract the texts ahead (app/workers.py); this process
    still stores every document, in order.
    """
    from tqdm import tqdm

    from app.main import prepare_database
    from app.workers import extract_ahead

    if not folder.is_dir():
        raise SystemExit(f"{folder} is not a folder")
    prepare_database()
    manifest = read_manifest(folder)
    files = sorted(folder.glob("*.txt"))
    counts = {"new": 0, "known": 0, "failed": 0}
    bar = tqdm(total=len(files), unit="doc", disable=not progress, file=sys.stderr)
    batch = _Batch()
    readable = _payloads(files, manifest, counts, bar)
    try:
        for name, payload, extraction in extract_ahead(readable, jobs, wanted=batch.is_new):
            batch.ingest(name, payload, counts, extraction)
            bar.update()
            bar.set_postfix(counts)
    except BrokenProcessPool as exc:
        batch.commit(counts)
        raise SystemExit(
            f"an extraction worker stopped ({exc}); new documents stored so far: "
            f"{counts['new']}; running the command again goes on from there"
        ) from exc
    batch.commit(counts)
    bar.close()
    return counts["new"], counts["known"], counts["failed"]


def _payloads(
    files: list[Path], manifest: dict[str, dict[str, str]], counts: dict[str, int], bar: Any
) -> Iterator[tuple[str, DocumentCreate]]:
    """Each readable file's name and document; the others are counted as failed."""
    for path in files:
        meta = manifest.get(path.name, {})
        try:
            payload = DocumentCreate(text=path.read_text(encoding="utf-8"), **meta)  # type: ignore[arg-type]
        except (UnicodeDecodeError, ValidationError) as exc:
            counts["failed"] += 1
            log.error("%s: skipped, %s", path.name, _first_line(exc))
            bar.update()
            continue
        yield path.name, payload


class _Batch:
    """Documents written in one transaction, each in a savepoint, counted once committed."""

    def __init__(self) -> None:
        self.session: Session | None = None
        self.pending: dict[str, int] = {"new": 0, "known": 0}
        self.started = 0.0

    def open(self) -> Session:
        if self.session is None:
            self.session = Session(get_engine())
            begin_write(self.session, check_references=False)
            self.started = time.monotonic()
        return self.session

    def is_new(self, payload: DocumentCreate) -> bool:
        """Whether the text is not stored yet (committed or in this batch)."""
        from app import store

        return store.stored_document(self.open().connection(), payload.text) is None

    def ingest(
        self,
        name: str,
        payload: DocumentCreate,
        counts: dict[str, int],
        extraction: Extraction | BaseException | None = None,
    ) -> None:
        """Store one document; `extraction` is the pipeline's output if computed already,
        or the exception that stopped it."""
        from app import store
        from app.prepared import savepoint

        if isinstance(extraction, BaseException):
            counts["failed"] += 1
            log.error("%s: failed, nothing of it was stored", name, exc_info=extraction)
            return
        session = self.open()
        try:
            # The driver's savepoint: the store writes through the connection, past the session.
            with savepoint(session.connection()):
                result = store.ingest_document(session, payload=payload, extraction=extraction)
        except Exception:
            counts["failed"] += 1
            log.exception("%s: failed, nothing of it was stored", name)
        else:
            self.pending["new" if result.created else "known"] += 1
        if (
            sum(self.pending.values()) >= BATCH_DOCUMENTS
            or time.monotonic() - self.started >= BATCH_SECONDS
        ):
            self.commit(counts)

    def commit(self, counts: dict[str, int]) -> None:
        """Commit the batch and count its documents; if the commit fails, they failed."""
        if self.session is None:
            return
        done = sum(self.pending.values())
        try:
            self.session.commit()
        except Exception:
            self.session.rollback()
            counts["failed"] += done
            log.exception("a batch of %d documents could not be committed; none is stored", done)
        else:
            for key, n in self.pending.items():
                counts[key] += n
        finally:
            self.session.close()
            self.session = None
            self.pending = {"new": 0, "known": 0}


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return int(value)


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def database_is_empty() -> bool:
    with Session(get_engine()) as session:
        return session.exec(select(func.count()).select_from(Document)).one() == 0


def _filter_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--country", action="append", default=[], help="repeatable")
    parser.add_argument("--pair", help="two countries, like CN-BE")
    parser.add_argument("--year", type=int)
    parser.add_argument("--type", dest="event_type")
    parser.add_argument("--topic")
    parser.add_argument("--speaker")


def _read_command(args: argparse.Namespace) -> int:
    """`readout export` and `readout stats`: the API's exports and counts, on stdout."""
    from app import crud, exports
    from app.api.deps import parse_country, parse_pair
    from app.api.errors import ProblemError
    from app.main import prepare_database
    from app.models import EventPublic, StatementPublic

    prepare_database()
    try:
        countries = tuple(parse_country(c) for c in args.country)
        pair = parse_pair(args.pair) if args.pair else None
    except ProblemError as exc:
        raise SystemExit(exc.detail) from exc
    flt = crud.EventFilter(
        countries=countries,
        pair=pair,
        year=args.year,
        type=args.event_type,
        topic=args.topic,
        speaker=args.speaker or None,
    )
    with Session(get_engine()) as session:
        if args.topic and args.topic not in crud.topic_slugs(session):
            raise SystemExit(f"unknown topic {args.topic!r}")
        if args.command == "stats":
            for row in crud.stats(session, dimension=args.dimension, flt=flt):
                print(f"{row['key'] or '-'}\t{row['events']}\t{row['statements']}")
            return 0
    if args.what == "events":
        records = exports.iter_events(flt)
        model: type = EventPublic
    else:
        if args.format == "plover":
            raise SystemExit("--format plover is for events")
        flt_s = crud.StatementFilter(
            countries=countries,
            pair=pair,
            year=args.year,
            topic=args.topic,
            speaker=args.speaker or None,
        )
        records = exports.iter_statements(flt_s)  # type: ignore[assignment]
        model = StatementPublic
    if args.format == "csv":
        chunks = exports.csv_chunks(records, model)
    else:
        chunks = exports.ndjson_chunks(records, exports.plover if args.format == "plover" else None)
    for chunk in chunks:
        sys.stdout.write(chunk)
    return 0


def _synth(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from app.db import make_engine
    from app.main import prepare_database
    from app.synth import synthesize

    engine = make_engine(args.db)
    prepare_database(engine)
    with Session(engine) as session:
        if session.exec(select(func.count()).select_from(Document)).one():
            raise SystemExit(f"{args.db} already holds documents; synth needs an empty database")
    with tqdm(total=args.events, unit="event", file=sys.stderr) as bar:
        counts = synthesize(
            engine,
            events=args.events,
            seed=args.seed,
            statements_per_event=args.statements_per_event,
            progress=bar.update,
        )
    print(", ".join(f"{n} {table}" for table, n in counts.items()))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="readout", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    ingest = commands.add_parser("ingest", help="ingest every *.txt of DIR (manifest.csv optional)")
    ingest.add_argument("folder", type=Path, metavar="DIR")
    ingest.add_argument("--progress", action="store_true", help="show a progress bar")
    ingest.add_argument(
        "--jobs",
        type=_positive,
        default=1,
        metavar="N",
        help="processes that extract texts ahead of this one, which stores them (default 1:"
        " this process does both)",
    )

    serve = commands.add_parser("serve", help="serve the API (upgrades the schema first)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--seed", type=Path, metavar="DIR", help="ingest DIR first when the database is empty"
    )

    export = commands.add_parser("export", help="write events or statements to standard output")
    export.add_argument("what", choices=["events", "statements"], nargs="?", default="events")
    export.add_argument("--format", choices=["plover", "csv", "ndjson"], default="ndjson")
    _filter_arguments(export)

    stats = commands.add_parser("stats", help="count events and statements by a dimension")
    stats.add_argument("dimension", choices=["year", "pair", "country", "topic", "speaker", "type"])
    _filter_arguments(stats)

    synth = commands.add_parser(
        "synth", help="fill an empty database with realistic synthetic data"
    )
    synth.add_argument("--events", type=int, default=100_000)
    synth.add_argument("--statements-per-event", type=int, default=10)
    synth.add_argument("--db", required=True, help="SQLAlchemy URL of an empty database")
    synth.add_argument("--seed", type=int, default=1)

    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)

    if args.command == "ingest":
        started = dt.datetime.now()
        new, known, failed = ingest_folder(args.folder, progress=args.progress, jobs=args.jobs)
        seconds = (dt.datetime.now() - started).total_seconds()
        print(f"{new} new, {known} already stored, {failed} failed in {seconds:.1f} s")
        return 1 if failed else 0

    if args.command in ("export", "stats"):
        return _read_command(args)

    if args.command == "synth":
        return _synth(args)

    if args.command == "serve":
        import uvicorn

        from app.main import prepare_database

        prepare_database()
        if args.seed and database_is_empty():
            new, _, failed = ingest_folder(args.seed, progress=True)
            print(f"seeded {new} documents from {args.seed} ({failed} failed)")
        uvicorn.run("app.main:app", host=args.host, port=args.port)
        return 0
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
