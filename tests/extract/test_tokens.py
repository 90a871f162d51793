from app.extract.tokens import ending_at, index_from, starting_at, tokenize

TEXT = "Ruto met Eide in Nairobi."
TOKENS = tokenize(TEXT)  # Ruto(0-4) met(5-8) Eide(9-13) in(14-16) Nairobi(17-24) .(24-25)


def test_index_from_finds_the_first_token_at_or_after_an_offset():
    expected = {0: 0, 1: 1, 5: 1, 13: 3, 24: 5, 25: 6, 99: 6}  # offset -> token index
    assert {offset: index_from(TOKENS, offset) for offset in expected} == expected


def test_starting_at_and_ending_at_find_a_token_by_its_offsets():
    assert starting_at(TOKENS, 9) == 2
    assert starting_at(TOKENS, 10) is None
    assert ending_at(TOKENS, 24) == 4
    assert ending_at(TOKENS, 25) == 5
    assert ending_at(TOKENS, 23) is None
    assert starting_at((), 0) is None
    assert ending_at((), 0) is None


def test_the_ascii_classes_agree_with_the_unicode_ones_on_every_character_they_may_see():
    import re
    import sys

    # what the ASCII pattern may see: ASCII, and anything outside it that is no word character
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    seen = re.sub(r"[^\x00-\x7f](?<=\w)", "", every)
    assert len(seen) > 900_000 and "é" not in seen and "—" in seen
    for ascii_class, unicode_class in (
        ("[a-zA-Z]", r"[^\W\d_]"),
        ("[0-9]", r"\d"),
        ("[a-zA-Z0-9_]", r"\w"),
        ("[a-zA-Z0-9]", r"[^\W_]"),  # of countries._ASCII_CAPITAL_WORD
        ("[A-Z]", r"[^\x00-@\[-\x7f](?<=[^\W\d_a-z])"),
    ):
        assert re.findall(ascii_class, seen) == re.findall(unicode_class, seen)


def test_a_text_of_ascii_words_gets_the_tokens_of_the_unicode_pattern():
    from app.extract.tokens import _ASCII_TOKEN, _NON_ASCII_WORD, _TOKEN, tokens_of

    text = (
        "Yoon Suk-yeol\u2011Kim met O\u2019Brien's aide \u2014 \u201cthe PM\u2019s 1,500.25\u201d "
        "(12:30) 's 'S x's  3rd _ \u2018quote\u2019 s' \u00a0\u2026 \u00bb"
    )
    assert _NON_ASCII_WORD.search(text) is None
    assert [m.span() for m in _ASCII_TOKEN.finditer(text)] == [
        m.span() for m in _TOKEN.finditer(text)
    ]
    # a letter or digit outside ASCII: the Unicode pattern reads the text
    for word in ("Türkiye", "São", "٣"):
        assert _NON_ASCII_WORD.search(f"in {word} now")
        assert [t.text for t in tokens_of(f"in {word}'s", 0)] == ["in", word, "'s"]


def test_the_tokens_of_ascii_words_are_those_read_match_by_match():
    import re

    from app.extract.tokens import _ASCII_TOKEN, _ascii_tokens, ascii_words

    # hyphens, apostrophes straight and curly, a possessive, numbers, marks outside ASCII,
    # a symbol with a lower case ("Ⓐ") and no character between two tokens ("Suk-yeol,")
    text = (
        "Yoon Suk-yeol\u2011Kim met O\u2019Brien's aide \u2014 \u201cthe PM\u2019S 1,500.25\u201d"
        "(12:30)\u2026 \u24b6bc X's 'S x\u2019s  3rd _\u00bbEND\u00ab.  "
    )
    assert ascii_words(text)
    low = text.lower().replace("\u2019", "'")
    expected = tuple(
        (100 + m.start(), 100 + m.end(), m.group(), low[m.start() : m.end()])
        for m in _ASCII_TOKEN.finditer(text)
    )
    assert _ascii_tokens(text, 100) == expected
    assert _ascii_tokens("", 7) == () and _ascii_tokens("  ", 7) == ()
    # the possessive repeats find the spans of the plain ones, on every ASCII character too
    plain = re.compile(_ASCII_TOKEN.pattern.replace("*+", "*").replace("++", "+"))
    for sample in (text, "".join(map(chr, range(128))) + " Ab-cd'ef 'S 12.5:7 "):
        assert [m.span() for m in _ASCII_TOKEN.finditer(sample)] == [
            m.span() for m in plain.finditer(sample)
        ]
