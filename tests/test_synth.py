"""`readout synth`: a skewed synthetic database that keeps the ingestion invariants."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlmodel import Session, func, select

from app.cli import main
from app.db import make_engine
from app.models import Document, Event, EventCountry, EventParticipant, Statement


def test_synth_fills_an_empty_database_consistently(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'synth.db'}"
    assert main(["synth", "--events", "600", "--db", url]) == 0
    assert "600 events" in capsys.readouterr().out
    engine = make_engine(url)
    with Session(engine) as session:
        statements = session.exec(select(Statement)).all()
        texts = dict(session.exec(select(Document.id, Document.text)).all())
        pairs = Counter(tuple(sorted(codes)) for codes in _countries_by_event(session).values())
    assert 3000 < len(statements) < 9000
    assert all(texts[s.document_id][s.char_start : s.char_end] == s.text for s in statements)
    top_share = sum(n for _, n in pairs.most_common(5)) / sum(pairs.values())
    assert top_share > 0.05  # a few pairs dominate, as in real event data
    with Session(engine) as session:
        events = session.exec(select(Event)).all()
        participants = session.exec(select(EventParticipant)).all()
    precisions = Counter(e.date_precision for e in events)
    assert precisions["day"] > 400 and precisions["month"] and precisions["year"]
    assert precisions[None] > 20  # undated, as some reports leave their events
    undated = [e for e in events if e.date_precision is None]
    assert all(e.date is None and e.date_key == "" and e.year is None for e in undated)
    key = {e.id: e.date_key for e in events}
    assert participants and all(p.date_key == key[p.event_id] for p in participants)
    with pytest.raises(SystemExit, match="already holds"):
        main(["synth", "--events", "10", "--db", url])
    engine.dispose()


def _countries_by_event(session: Session) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for event_id, code in session.exec(select(EventCountry.event_id, EventCountry.country)):
        found.setdefault(event_id, []).append(code)
    assert session.exec(select(func.count()).select_from(EventCountry)).one() == 2 * len(found)
    return found
