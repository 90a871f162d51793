"""`readout ingest DIR`: every *.txt with its manifest metadata, one transaction each."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from app.cli import main
from app.db import get_engine
from app.models import Document
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
