"""What the records keep between the stages."""

from __future__ import annotations

from app.extract.records import Sentence


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
