"""What the records keep between the stages."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import pickle
from pathlib import Path

import pytest

from app.extract import records
from app.extract.records import Actors, Event, Mention, Sentence, Statement, amended

RECORDS = [
    value
    for value in vars(records).values()
    if dataclasses.is_dataclass(value) and value.__module__ == records.__name__
]


def test_a_sentence_computes_what_stages_ask_once_and_compares_without_it():
    sentence = Sentence(index=0, start=10, end=27, text="Ruto met Hansen.", block=0)
    calls = []

    def words(s: Sentence) -> list[str]:
        calls.append(s.index)
        return s.text.split()

    first = sentence.once("words", words)
    assert first == ["Ruto", "met", "Hansen."]
    assert sentence.once("words", words) is first
    assert calls == [0]
    assert sentence.once("length", lambda s: len(s.text)) == 16
    assert sentence == Sentence(index=0, start=10, end=27, text="Ruto met Hansen.", block=0)


def test_the_mentions_of_a_sentence_are_its_own_in_text_order():
    mentions = (
        Mention("p1", 0, 4, 0, "name"),
        Mention("p2", 30, 34, 1, "name"),
        Mention("p1", 10, 12, 0, "pronoun"),
        Mention("p1", 40, 42, 1, "pronoun"),
    )
    actors = Actors(people=(), mentions=mentions)
    assert actors.in_sentence(0) == (mentions[0], mentions[2])
    assert actors.in_sentence(1) == (mentions[1], mentions[3])
    assert actors.in_sentence(2) == ()
    assert actors == Actors(people=(), mentions=mentions)  # the index is no field


def test_a_sentence_reads_its_tokens_once():
    sentence = Sentence(index=2, start=100, end=117, text="Ruto met Hansen.", block=1)
    tokens = sentence.tokens
    assert [(t.start, t.text) for t in tokens][:2] == [(100, "Ruto"), (105, "met")]
    assert sentence.tokens is tokens


def _annotations(record: type) -> dict[str, str]:
    """The record's fields as written in records.py (compiled, a field's type reads `type`)."""
    tree = ast.parse(Path(records.__file__).with_name("records.py").read_text("utf-8"))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == record.__name__)
    return {
        s.target.id: ast.unparse(s.annotation)
        for s in cls.body
        if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
    }


def _value_for(annotation: str, n: int) -> object:
    """A value of a field's declared type, different for each n where the type allows."""
    if annotation.startswith("int"):
        return n
    if annotation.startswith("bool"):
        return True
    if annotation.startswith("dt.date"):
        return dt.date(2000, 1, n)
    if annotation.startswith("tuple[str"):
        return (f"v{n}",)
    if annotation.startswith("tuple"):
        return ()
    return f"v{n}"  # str, a Literal of strings, or an optional str


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.__name__)
def test_each_record_is_made_from_its_fields_in_order_with_their_defaults(record):
    """Each record writes its own __init__: it must take what @dataclass would have."""
    specs = [spec for spec in dataclasses.fields(record) if spec.init]
    written = _annotations(record)
    values = {spec.name: _value_for(written[spec.name], n) for n, spec in enumerate(specs, 1)}
    made = record(*values.values())
    assert {name: getattr(made, name) for name in values} == values
    assert record(**values) == made
    required = {s.name: values[s.name] for s in specs if s.default is dataclasses.MISSING}
    defaulted = record(**required)
    for spec in specs:
        if spec.default is not dataclasses.MISSING:
            assert getattr(defaulted, spec.name) == spec.default, spec.name


def test_a_record_made_sets_every_field_and_stays_frozen():
    event = Event("e0", "meeting", "2024-05-02", "day", ("FR", "KE"), "Paris", ("p1",), True, 3)
    assert [getattr(event, f.name) for f in dataclasses.fields(event)] == [
        "e0", "meeting", "2024-05-02", "day", ("FR", "KE"), "Paris", ("p1",), True, 3, ()
    ]  # fmt: skip
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.location = "Nairobi"  # type: ignore[misc]


def test_records_go_through_pickle_unchanged():
    """The worker processes send their extractions to the storing process by pickle."""
    said = Statement("Ana Lima", "direct", 4, 30, '"We agree," Ana Lima said.', "e0", ("trade",))
    sentence = Sentence(index=0, start=10, end=27, text="Ruto met Hansen.", block=0)
    sentence.once("length", lambda s: len(s.text))
    for record in (said, sentence):
        copy = pickle.loads(pickle.dumps(record))
        assert copy == record and repr(copy) == repr(record)
    assert pickle.loads(pickle.dumps(sentence)).derived == {}  # what was found is not sent


def test_amended_copies_a_record_with_new_field_values():
    said = Statement("Ana Lima", "direct", 4, 30, '"We agree," Ana Lima said.')
    tagged = amended(said, topics=("trade",), event_key="e0")
    # the same record as `dataclasses.replace` makes, and the original untouched
    assert tagged == dataclasses.replace(said, topics=("trade",), event_key="e0")
    assert repr(tagged) == repr(dataclasses.replace(said, topics=("trade",), event_key="e0"))
    assert said.topics == () and said.event_key is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        tagged.topics = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        amended(said, topic=("trade",))  # no such field


def test_amended_starts_afresh_what_a_record_found_from_its_old_fields():
    sentence = Sentence(index=0, start=0, end=8, text="we agree", block=0)
    assert [t.text for t in sentence.tokens] == ["we", "agree"]  # now kept on the sentence
    changed = amended(sentence, text="we disagree strongly", end=20)
    assert [t.text for t in changed.tokens] == ["we", "disagree", "strongly"]
    assert sentence.derived and changed.derived is not sentence.derived
