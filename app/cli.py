"""The `readout` command: ingest a folder of texts, serve the API."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError
from sqlmodel import Session, func, select

from app.db import begin_write, get_engine
from app.models import Document, DocumentCreate

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


def ingest_folder(folder: Path, *, progress: bool = False) -> tuple[int, int, int]:
    """Ingest every *.txt of a folder, one transaction each; returns (new, known, failed)."""
    from tqdm import tqdm

    from app import store
    from app.main import prepare_database

    if not folder.is_dir():
        raise SystemExit(f"{folder} is not a folder")
    prepare_database()
    manifest = read_manifest(folder)
    files = sorted(folder.glob("*.txt"))
    new = known = failed = 0
    bar = tqdm(files, unit="doc", disable=not progress, file=sys.stderr)
    for path in bar:
        meta = manifest.get(path.name, {})
        try:
            payload = DocumentCreate(text=path.read_text(encoding="utf-8"), **meta)  # type: ignore[arg-type]
        except (UnicodeDecodeError, ValidationError) as exc:
            failed += 1
            log.error("%s: skipped, %s", path.name, _first_line(exc))
            continue
        with Session(get_engine()) as session:
            begin_write(session)
            try:
                result = store.ingest_document(session, payload=payload)
                session.commit()
            except Exception:
                session.rollback()
                failed += 1
                log.exception("%s: failed, nothing of it was stored", path.name)
                continue
        if result.created:
            new += 1
        else:
            known += 1
        bar.set_postfix(new=new, known=known, failed=failed)
    return new, known, failed


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def database_is_empty() -> bool:
    with Session(get_engine()) as session:
        return session.exec(select(func.count()).select_from(Document)).one() == 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="readout", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    ingest = commands.add_parser("ingest", help="ingest every *.txt of DIR (manifest.csv optional)")
    ingest.add_argument("folder", type=Path, metavar="DIR")
    ingest.add_argument("--progress", action="store_true", help="show a progress bar")

    serve = commands.add_parser("serve", help="serve the API (upgrades the schema first)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--seed", type=Path, metavar="DIR", help="ingest DIR first when the database is empty"
    )

    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)

    if args.command == "ingest":
        started = dt.datetime.now()
        new, known, failed = ingest_folder(args.folder, progress=args.progress)
        seconds = (dt.datetime.now() - started).total_seconds()
        print(f"{new} new, {known} already stored, {failed} failed in {seconds:.1f} s")
        return 1 if failed else 0

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
