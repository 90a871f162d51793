"""What the records keep between the stages."""

from __future__ import annotations

import dataclasses

import pytest

from app.extract.records import Actors, Mention, Sentence, Statement, amended, kept


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


def test_a_kept_value_is_found_on_first_use_and_then_read_from_the_instance():
    calls = []

    class Record:
        @kept
        def words(self) -> list[str]:
            """The words."""
            calls.append(1)
            return ["a", "b"]

    record = Record()
    first = record.words
    assert record.words is first and calls == [1]  # the second read calls nothing
    assert record.__dict__["words"] is first
    assert Record().words == first and calls == [1, 1]  # each instance keeps its own
    assert isinstance(Record.__dict__["words"], kept) and Record.words.__doc__ == "The words."


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


def test_amended_drops_a_value_kept_from_the_old_fields():
    @dataclasses.dataclass(frozen=True)
    class Quote:
        text: str

        @kept
        def words(self) -> tuple[str, ...]:
            return tuple(self.text.split())

    quote = Quote("we agree")
    assert quote.words == ("we", "agree")  # now kept on the instance
    assert amended(quote, text="we disagree strongly").words == ("we", "disagree", "strongly")
