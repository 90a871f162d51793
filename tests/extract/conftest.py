"""Helpers that run the first stages of the pipeline on a text written for a test."""

from __future__ import annotations

import datetime as dt

import pytest

from app.extract.actors import find_actors
from app.extract.clean import clean
from app.extract.records import Actors, Cleaned, Sentence, Source, Statement
from app.extract.segment import segment
from app.extract.statements import find_statements
from tests.conftest import SEED_DIR


def seed_texts() -> list[str]:
    """The texts of seed_data/, in file order: real readouts that a pattern's gate must pass
    wherever the pattern matches."""
    return [path.read_text(encoding="utf-8") for path in sorted(SEED_DIR.glob("*.txt"))]


class Run:
    """The cleaned text, sentences, actors and statements of one test text."""

    def __init__(self, text: str, published: dt.date | None = None, title: str | None = None):
        self.cleaned: Cleaned = clean(Source(text=text, published=published, title=title))
        self.sentences: tuple[Sentence, ...] = segment(self.cleaned)
        self.actors: Actors = find_actors(self.cleaned.text, self.sentences)
        self.statements: tuple[Statement, ...] = find_statements(
            self.cleaned.text, self.sentences, self.actors
        )

    def person(self, name: str):
        return next((p for p in self.actors.people if p.name == name), None)

    def names(self) -> set[str]:
        return {p.name for p in self.actors.people}

    def referred(self) -> list[tuple[str, str]]:
        """(text of the mention, person id) in text order."""
        text = self.cleaned.text
        return [(text[m.start : m.end], m.person_id) for m in self.actors.mentions]


@pytest.fixture
def run():
    return Run
