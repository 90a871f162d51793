"""A lookahead on first letters (app/extract/patterns.py) changes nothing a pattern finds."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from app.extract import pipeline  # noqa: F401  (every stage's patterns are made on import)
from app.extract.patterns import plain_forms, starting_with
from tests.extract.conftest import seed_texts

ROOT = Path(__file__).resolve().parents[2]


def _texts() -> list[str]:
    """Every text of seed_data/ and every sentence-length string of the test suite: a rule
    comes with a test on a sentence of its own, so a word a lookahead misses shows here."""
    texts = seed_texts()
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts += [node.value] if len(node.value) >= 15 else []
    return texts


TEXTS = _texts()


def _differences(fast: re.Pattern[str], plain: re.Pattern[str]) -> list[str]:
    return [
        text
        for text in TEXTS
        if [m.span() for m in fast.finditer(text)] != [m.span() for m in plain.finditer(text)]
    ]


@pytest.mark.parametrize(
    ("fast", "plain"), list(plain_forms().items()), ids=lambda p: p.pattern[:40]
)
def test_a_lookahead_finds_what_its_pattern_finds(fast, plain):
    assert plain.search(" ".join(TEXTS)), "no text to test it on"
    assert _differences(fast, plain) == []


def test_a_missing_first_letter_shows():
    fast = starting_with("b", r"\b(?:the\s+two\s+leaders|both\s+sides)\b", re.I)
    assert _differences(fast, plain_forms()[fast])  # "the two leaders" starts with a t


def test_clause_breaks_of_every_kind_are_found_by_the_rewrite():
    from app.extract.events import _CLAUSE_BREAK

    text = (
        "Li met Berg; they talked \u2014 at length \u2014 about trade, which grew,as He "
        "noted, while Kim spoke  when Berg left;; since they met"
    )
    spans = [m.span() for m in _CLAUSE_BREAK.finditer(text)]
    assert spans == [m.span() for m in plain_forms()[_CLAUSE_BREAK].finditer(text)]
    assert [text[a:b] for a, b in spans] == [
        ";", " \u2014 ", " \u2014 ", ", which", ",as ", ", while ", "  when ", ";", ";", " since "
    ]  # fmt: skip


def test_sentence_boundaries_and_their_parts_are_found_by_the_rewrite():
    from app.extract.segment import _BOUNDARY

    text = 'He left… Then?! "Yes." She said.) Done...  Next …» Last.'
    plain = plain_forms()[_BOUNDARY]

    def parts(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], ...]]:
        return [(m.span(), m.span("closers"), m.span("space")) for m in pattern.finditer(text)]

    assert parts(_BOUNDARY) == parts(plain)
    assert [m.group() for m in _BOUNDARY.finditer(text)] == [
        "… ", "?! ", '." ', ".) ", "...  ", "…» "
    ]  # fmt: skip


def test_tokens_of_every_kind_are_found_by_the_rewrite():
    from app.extract.tokens import _TOKEN

    text = (
        "Yoon Suk-yeol\u2011Kim met O'Brien's aide, the PM\u2019s 1,500.25 people (12:30) \u2014 "
        "'s 'S x's  Ω\u00e9t\u00e9 3rd _ \u2018quote\u2019 s'"
    )
    spans = [m.span() for m in _TOKEN.finditer(text)]
    assert spans == [m.span() for m in plain_forms()[_TOKEN].finditer(text)]
    assert [text[a:b] for a, b in spans] == [
        "Yoon", "Suk-yeol\u2011Kim", "met", "O'Brien", "'s", "aide", ",", "the", "PM",
        "\u2019s", "1,500.25", "people", "(", "12:30", ")", "\u2014", "'s", "'S", "x", "'s",
        "Ω\u00e9t\u00e9", "3", "rd", "_", "\u2018", "quote", "\u2019", "s", "'",
    ]  # fmt: skip


def test_holds_tells_whether_a_text_holds_one_of_the_words():
    from app.extract.patterns import holds

    assert holds(("will", "shall"), "Ruto will travel")
    assert not holds(("will", "shall"), "Ruto Will travel")  # the words keep their case
    assert not holds((), "Ruto will travel")


def test_the_leading_words_of_a_patterns_forms_are_held_by_every_match():
    from app.extract.patterns import first_letters, leading_words

    forms = (r"talked\s+about", r"cent(?:red|ered)\s+on", "emphasi[sz]ed", "agree", "agreed")
    assert leading_words(forms) == ("talked", "cent", "emphasi", "agree", "agreed")
    pattern = re.compile("|".join(forms))
    for text in ("talked  about", "centered on", "emphasized", "agreed"):
        match = pattern.fullmatch(text)
        assert match and any(w in match.group() for w in leading_words(forms))
    assert first_letters(leading_words(forms)) == "acet"
    with pytest.raises(ValueError, match="opens with no letter"):
        leading_words(("agreed", r"(?:re)?affirmed"))


def test_first_character_first_finds_what_a_boundary_and_the_alternation_find():
    from app.extract.patterns import first_character_first

    alternatives = ("visit", "visited", r"arrived\s+in", "at")
    fast = re.compile(first_character_first(alternatives) + r"\b")
    plain = re.compile(rf"\b(?:{'|'.join(alternatives)})\b")
    text = "Ruto visited Oslo, revisited Bergen, arrived  in Rome at noon; that visit, at last."
    assert [m.group() for m in fast.finditer(text)] == [
        "visited",
        "arrived  in",
        "at",
        "visit",
        "at",
    ]
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    with pytest.raises(ValueError):
        first_character_first(("in", r"\d+"))


@pytest.mark.parametrize("lower", [False, True])
def test_runs_are_the_words_a_class_and_its_repeat_find(lower: bool) -> None:
    import string

    from app.extract.patterns import run_table, runs

    characters = string.ascii_letters + string.digits + "&"
    table = run_table(characters, lower)
    word = re.compile(r"[A-Za-z0-9&]+")
    # every ASCII character, letters outside ASCII (one that matches an ASCII letter under
    # re.I, one whose lower case is longer), a lone surrogate, spaces at both ends
    samples = [
        "".join(map(chr, range(128))),
        " Yoon Suk-yeol met O\u2019Brien, R&D at G20\u2026 İstanbul \u212aelvin \ud800x \U0001f600 ",
        "",
        "  ",
        "x",
        *TEXTS,
    ]
    for text in samples:
        expected = [m.group().lower() if lower else m.group() for m in word.finditer(text)]
        assert runs(text, table) == (expected, [m.start() for m in word.finditer(text)])
    with pytest.raises(ValueError):
        run_table("ab?")
