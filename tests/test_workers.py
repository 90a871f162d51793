"""`readout ingest --jobs N`: worker processes extract ahead, this process stores in order."""

from __future__ import annotations

import os
import shutil
from concurrent.futures.process import BrokenProcessPool

import pytest
from sqlmodel import Session, select

from app import cli, workers
from app.db import get_engine
from app.extract.pipeline import extract
from app.extract.records import Extraction, Source
from app.models import Document, DocumentCreate, Event, Statement
from tests.conftest import SEED_DIR, configured

FAIL = "This text makes the test extractor fail."
DIE = "This text makes the test extractor's process exit."
EXTRACT_AHEAD = workers.extract_ahead  # as the module has it, before a test replaces it


def failing_extract(source: Source) -> Extraction:
    """The pipeline, but for the two texts above (module level: the workers import it)."""
    if source.text == FAIL:
        raise ValueError("cannot read this")
    if source.text == DIE:
        os._exit(3)
    return extract(source)


def items(*texts: str) -> list[tuple[int, DocumentCreate]]:
    return [(n, DocumentCreate(text=text)) for n, text in enumerate(texts)]


TEXTS = [
    f"Kenyan President Amina Odhiambo met Japanese envoy Kenji Sato{'.' * n}" for n in range(1, 40)
]


@pytest.mark.parametrize("jobs", [1, 2])
def test_each_text_gets_its_own_extraction_in_order(jobs):
    found = list(workers.extract_ahead(items(*TEXTS), jobs=jobs))
    assert [key for key, _, _ in found] == list(range(len(TEXTS)))
    for _, payload, extraction in found:
        assert extraction == extract(Source(text=payload.text))


@pytest.mark.parametrize("jobs", [1, 2])
def test_unwanted_texts_are_not_extracted(jobs):
    wanted = [TEXTS[1]]
    found = workers.extract_ahead(items(*TEXTS[:3]), jobs, wanted=lambda p: p.text in wanted)
    assert [x is not None for _, _, x in found] == [False, True, False]


@pytest.mark.parametrize("jobs, ahead", [(1, workers.CHUNK), (2, 2 * workers.WINDOW_PER_JOB)])
def test_texts_are_read_only_a_window_ahead(jobs, ahead):
    read: list[int] = []

    def reading():
        for key, payload in items(*TEXTS):
            read.append(key)
            yield key, payload

    found = workers.extract_ahead(reading(), jobs=jobs)
    assert next(found)[0] == 0
    assert len(read) == ahead < len(TEXTS)
    assert [key for key, _, _ in found] == list(range(1, len(TEXTS)))


def test_one_job_hands_on_a_failed_extraction_as_its_error():
    found = list(workers.extract_ahead(items(TEXTS[0], FAIL, TEXTS[1]), 1, extract=failing_extract))
    assert isinstance(found[1][2], ValueError)
    assert found[0][2] == extract(Source(text=TEXTS[0])) and found[2][2] is not None


def test_a_failed_extraction_comes_as_its_error_and_a_dead_worker_stops_the_run():
    found = list(workers.extract_ahead(items(TEXTS[0], FAIL, TEXTS[1]), 2, extract=failing_extract))
    assert isinstance(found[1][2], ValueError)
    assert isinstance(found[0][2], Extraction) and isinstance(found[2][2], Extraction)
    with pytest.raises(BrokenProcessPool):
        list(workers.extract_ahead(items(TEXTS[0], DIE), 2, extract=failing_extract))


@pytest.fixture
def database(tmp_path, monkeypatch):
    with configured(monkeypatch, READOUT_DATABASE_URL=f"sqlite:///{tmp_path / 'jobs.db'}"):
        yield


def records() -> tuple[list, list]:
    with Session(get_engine()) as session:
        events = session.exec(select(Event.type, Event.date, Event.location).order_by(Event.id))
        statements = session.exec(
            select(Statement.text, Statement.char_start, Statement.person_id).order_by(Statement.id)
        )
        return list(events), list(statements)


def test_jobs_store_what_one_process_stores(tmp_path, monkeypatch):
    stored = []
    for jobs in (1, 2):
        url = f"sqlite:///{tmp_path / f'jobs{jobs}.db'}"
        with configured(monkeypatch, READOUT_DATABASE_URL=url):
            assert cli.ingest_folder(SEED_DIR, jobs=jobs) == (5, 0, 0)
            stored.append(records())
    assert stored[0] == stored[1] and stored[0][1]


def test_stored_texts_are_not_extracted_again(database, tmp_path, monkeypatch):
    folder = tmp_path / "texts"
    shutil.copytree(SEED_DIR, folder)
    assert cli.ingest_folder(folder) == (5, 0, 0)
    extracted = []

    def spying(readable, jobs, wanted):
        for key, payload, extraction in EXTRACT_AHEAD(readable, jobs, wanted=wanted):
            extracted.append((payload.text, extraction is not None))
            yield key, payload, extraction

    monkeypatch.setattr(workers, "extract_ahead", spying)
    (folder / "new.txt").write_text(TEXTS[0], encoding="utf-8")
    assert cli.ingest_folder(folder, jobs=2) == (1, 5, 0)
    assert len(extracted) == 6
    assert [text for text, done in extracted if done] == [TEXTS[0]]


@pytest.fixture
def failing_folder(tmp_path, monkeypatch):
    """A folder of two texts around one the test extractor fails on; ingestion uses the
    test extractor."""
    folder = tmp_path / "texts"
    folder.mkdir()
    for n, text in enumerate([TEXTS[0], FAIL, TEXTS[1]]):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")

    def with_test_extractor(readable, jobs, wanted):
        return EXTRACT_AHEAD(readable, jobs, wanted=wanted, extract=failing_extract)

    monkeypatch.setattr(workers, "extract_ahead", with_test_extractor)
    return folder


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_extraction_is_counted_and_the_others_are_stored(
    database, failing_folder, caplog, jobs
):
    assert cli.ingest_folder(failing_folder, jobs=jobs) == (2, 0, 1)
    assert "1.txt: failed, nothing of it was stored" in caplog.text
    with Session(get_engine()) as session:
        assert set(session.exec(select(Document.text)).all()) == {TEXTS[0], TEXTS[1]}


def test_a_dead_worker_keeps_what_was_stored(database, failing_folder, monkeypatch):
    assert cli.ingest_folder(failing_folder, jobs=2) == (2, 0, 1)
    (failing_folder / "1.txt").write_text(TEXTS[2], encoding="utf-8")
    (failing_folder / "3.txt").write_text(DIE, encoding="utf-8")
    # 1.txt is stored unless the dying worker takes its extraction down with it
    with pytest.raises(SystemExit, match=r"new documents stored so far: [01];"):
        cli.ingest_folder(failing_folder, jobs=2)
    monkeypatch.setattr(workers, "extract_ahead", EXTRACT_AHEAD)  # the pipeline reads DIE
    new, known, failed = cli.ingest_folder(failing_folder)  # goes on from there
    assert (new + known, failed) == (4, 0) and new in (1, 2)
    with Session(get_engine()) as session:
        assert len(session.exec(select(Document)).all()) == 4


@pytest.mark.parametrize("jobs", ["0", "-2", "two"])
def test_jobs_must_be_a_positive_number(capsys, jobs):
    with pytest.raises(SystemExit):
        cli.main(["ingest", "somewhere", "--jobs", jobs])
    assert f"{jobs} is not a positive number" in capsys.readouterr().err
