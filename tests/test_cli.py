"""`readout ingest DIR`: every *.txt with its manifest metadata, in batches of whole documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from app import cli, store
from app.cli import main
from app.db import get_engine
from app.models import Document, Event, EventSource, Statement
from tests.conftest import configured

TEXT_A = "Kenyan President Amina Odhiambo met Norwegian Foreign Minister Ingrid Hansen in Nairobi."
TEXT_B = "Japanese Prime Minister Kenji Sato spoke by phone with Ghanaian President Kofi Mensah."


@pytest.fixture
def database(tmp_path, monkeypatch):
    with configured(monkeypatch, READOUT_DATABASE_URL=f"sqlite:///{tmp_path / 'cli.db'}"):
        yield


def documents() -> list[Document]:
    with Session(get_engine()) as session:
        return list(session.exec(select(Document).order_by(Document.id)))


def test_ingest_reads_texts_and_manifest_and_is_idempotent(database, tmp_path, capsys):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (folder / "b.txt").write_text(TEXT_B, encoding="utf-8")
    (folder / "notes.md").write_text("not a text", encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "file,url,publisher,published,title\n"
        "a.txt,https://example.org/a,Example Wire,2023-05-04,Kenya and Norway\n",
        encoding="utf-8",
    )
    assert main(["ingest", str(folder)]) == 0
    assert "2 new, 0 already stored, 0 failed" in capsys.readouterr().out
    first, second = documents()
    assert (first.publisher, str(first.published), first.title) == (
        "Example Wire",
        "2023-05-04",
        "Kenya and Norway",
    )
    assert second.publisher is None and second.text == TEXT_B

    assert main(["ingest", str(folder), "--progress"]) == 0
    assert "0 new, 2 already stored" in capsys.readouterr().out
    assert len(documents()) == 2


def test_a_bad_file_is_reported_and_the_rest_ingested(database, tmp_path, capsys):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT_A, encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Caf\xe9 diplomacy".encode("latin-1"))
    (folder / "manifest.csv").write_text("file,published\ngood.txt,not-a-date\n", encoding="utf-8")
    assert main(["ingest", str(folder)]) == 1
    assert "0 new, 0 already stored, 2 failed" in capsys.readouterr().out
    (folder / "manifest.csv").write_text("file,published\ngood.txt,2023-05-04\n", encoding="utf-8")
    assert main(["ingest", str(folder)]) == 1
    assert [d.text for d in documents()] == [TEXT_A]


def _texts(folder, count: int) -> list[str]:
    """`count` texts of my own, one event each, as files of `folder`."""
    folder.mkdir()
    texts = [
        f"Kenyan President Amina Odhiambo held talks with Norwegian Prime Minister Lars Berg "
        f"in Oslo on May {day}, 2022. Odhiambo said Kenya would expand trade with Norway."
        for day in range(1, count + 1)
    ]
    for n, text in enumerate(texts):
        (folder / f"{n:02d}.txt").write_text(text, encoding="utf-8")
    return texts


def _count(model) -> int:
    with Session(get_engine()) as session:
        return session.exec(select(func.count()).select_from(model)).one()


def test_a_document_failing_midway_leaves_nothing_and_its_batch_goes_on(
    database, tmp_path, monkeypatch, capsys
):
    texts = _texts(tmp_path / "texts", 5)
    written = store._store_statements

    def fail_on_the_third(conn, *, extraction, **kwargs):
        if extraction.events[0].date == "2022-05-03":  # its document and event are written
            raise RuntimeError("disk trouble")
        return written(conn, extraction=extraction, **kwargs)

    monkeypatch.setattr(store, "_store_statements", fail_on_the_third)
    assert main(["ingest", str(tmp_path / "texts")]) == 1
    assert "4 new, 0 already stored, 1 failed" in capsys.readouterr().out
    assert [d.text for d in documents()] == texts[:2] + texts[3:]
    assert _count(Event) == _count(EventSource) == 4  # none left by the failed document
    assert _count(Statement) == 4

    monkeypatch.setattr(store, "_store_statements", written)
    assert main(["ingest", str(tmp_path / "texts")]) == 0
    assert "1 new, 4 already stored, 0 failed" in capsys.readouterr().out


def test_the_store_writes_no_dangling_reference_where_sqlite_checks_none(database, tmp_path):
    """`readout ingest` writes with SQLite's foreign key checks off (app.db.WRITE_UNCHECKED):
    every reference it writes is to a row it has just read or written, which this checks
    afterwards, on texts that make new events and texts that merge with known ones."""
    seeds = Path(__file__).resolve().parent.parent / "seed_data"
    assert main(["ingest", str(seeds)]) == 0
    _texts(tmp_path / "texts", 4)
    assert main(["ingest", str(tmp_path / "texts")]) == 0
    assert main(["ingest", str(tmp_path / "texts")]) == 0  # known texts: nothing written
    assert _count(Statement) > 20 and _count(Event) > 5
    with get_engine().connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []


@pytest.mark.parametrize(
    ("most", "seconds", "committed"),
    [(2, 3600, [0, 0, 2, 2, 4]), (50, 0, [0, 1, 2, 3, 4]), (50, 3600, [0, 0, 0, 0, 0])],
)
def test_documents_are_committed_in_batches(
    database, tmp_path, monkeypatch, capsys, most, seconds, committed
):
    """A batch ends at its count of documents or its time, whichever comes first."""
    _texts(tmp_path / "texts", 5)
    monkeypatch.setattr(cli, "BATCH_DOCUMENTS", most)
    monkeypatch.setattr(cli, "BATCH_SECONDS", seconds)
    ingest = store.ingest_document
    seen = []  # what another connection sees as each document starts

    def watched(session, **arguments):
        seen.append(len(documents()))
        return ingest(session, **arguments)

    monkeypatch.setattr(store, "ingest_document", watched)
    assert main(["ingest", str(tmp_path / "texts")]) == 0
    assert "5 new, 0 already stored, 0 failed" in capsys.readouterr().out
    assert seen == committed
    assert len(documents()) == 5


def test_a_batch_that_cannot_commit_counts_as_failed(database, tmp_path, monkeypatch, capsys):
    _texts(tmp_path / "texts", 5)
    monkeypatch.setattr(cli, "BATCH_DOCUMENTS", 2)
    monkeypatch.setattr(cli, "BATCH_SECONDS", 3600)
    commit = Session.commit
    calls = []

    def second_fails(self):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return commit(self)

    monkeypatch.setattr(Session, "commit", second_fails)
    assert main(["ingest", str(tmp_path / "texts")]) == 1
    assert "3 new, 0 already stored, 2 failed" in capsys.readouterr().out
    assert len(documents()) == 3
    monkeypatch.setattr(Session, "commit", commit)
    assert main(["ingest", str(tmp_path / "texts")]) == 0
    assert "2 new, 3 already stored, 0 failed" in capsys.readouterr().out


def test_ingest_refuses_a_missing_folder(database, tmp_path):
    with pytest.raises(SystemExit, match="not a folder"):
        main(["ingest", str(tmp_path / "nowhere")])


def test_export_and_stats_mirror_the_api(database, tmp_path, capsys):
    import json

    from tests.factories import event, person, put_document

    main(["ingest", str(tmp_path)])  # an empty folder: prepares the database
    capsys.readouterr()
    left, right = person("Ana Lima", "BR"), person("Tom Berg", "NO")
    put_document(
        "Lima spoke with Berg.",
        people=(left, right),
        events=(event("e0", "phone_call", "2020-02-02", ("BR", "NO"), (left.id, right.id)),),
    )
    assert main(["export", "--format", "plover", "--pair", "no-bra"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["mode"] == "phone"
    assert main(["export", "events", "--format", "csv", "--year", "1999"]) == 0
    assert capsys.readouterr().out.startswith("id,date,")
    assert main(["stats", "type"]) == 0
    assert capsys.readouterr().out.splitlines() == ["phone_call\t1\t0"]
    with pytest.raises(SystemExit, match="Unknown country"):
        main(["export", "--country", "Atlantis"])
