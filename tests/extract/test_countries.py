import itertools
import re

import pytest

from app.extract import countries
from app.extract.countries import country_code, demonym_length, find_countries


@pytest.mark.parametrize(
    "word, expected",
    [
        ("Kenya", "KE"),
        ("Kenyan", "KE"),
        ("Kenyans", "KE"),
        ("the United States", "US"),
        ("United States of America", "US"),
        ("US", "US"),
        ("us", None),  # a pronoun, not a code
        ("UK", "GB"),
        ("Britain", "GB"),
        ("British", "GB"),
        ("ROK", "KR"),
        ("DPRK", "KP"),
        ("the Republic of Korea", "KR"),
        ("Democratic People's Republic of Korea", "KP"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("Turkish", "TR"),
        ("the Democratic Socialist Republic of Sri Lanka", "LK"),
        ("Sri Lankan", "LK"),
        ("Norwegian", "NO"),
        ("Emirati", "AE"),
        ("UAE", "AE"),
        ("Saudi", "SA"),
        ("Côte d’Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("Eswatini", "SZ"),
        ("Swaziland", "SZ"),
        ("Czechia", "CZ"),
        ("Filipino", "PH"),
        ("Kiribati", "KI"),
        ("Palestinian", "PS"),
        ("Kosovo", "XK"),
        ("European Union", "EU"),
        ("EU", "EU"),
        ("Norway's", "NO"),
        ("norway", "NO"),  # names match in any case
        ("FRA", "FR"),  # an ISO alpha-3 code in capitals
        ("IT", None),  # an English word in capitals, not Italy
        ("North American", None),
        ("Atlantis", None),
    ],
)
def test_country_code(word, expected):
    assert country_code(word) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kenyan President William Ruto", [("Kenyan", "KE")]),
        ("Norway-Kenya ties", [("Norway", "NO"), ("Kenya", "KE")]),
        (
            "the Democratic People’s Republic of Korea and the Republic of Korea",
            [("Democratic People’s Republic of Korea", "KP"), ("Republic of Korea", "KR")],
        ),
        (
            "Papua New Guinea and Guinea-Bissau",
            [("Papua New Guinea", "PG"), ("Guinea-Bissau", "GW")],
        ),
        ("South Sudan, not Sudan", [("South Sudan", "SS"), ("Sudan", "SD")]),
        ("Norway's envoy", [("Norway", "NO")]),
        ("the U.S. and the E.U.", [("U.S.", "US"), ("E.U.", "EU")]),
        ("North American trade in the South China Sea", []),
        ("Chinese Taipei athletes", [("Chinese Taipei", "TW")]),
        ("what it means for us in China", [("China", "CN")]),
        ("New Zealand\nZealand", [("New Zealand", "NZ")]),  # no phrase across a line break
        # a city named for another state names no state; one named for its own still does
        ("Guyana and Suriname met in Port of Spain", [("Guyana", "GY"), ("Suriname", "SR")]),
        ("talks in Mexico City", [("Mexico", "MX")]),
        ("Hong Kong and Macao", [("Hong Kong", "HK"), ("Macao", "MO")]),
    ],
)
def test_find_countries(text, expected):
    assert [(text[s:e], code) for s, e, code in find_countries(text)] == expected


def test_spans_do_not_overlap():
    text = "Bosnia and Herzegovina and the Dominican Republic and Dominica"
    spans = find_countries(text)
    assert [code for _, _, code in spans] == ["BA", "DO", "DM"]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_every_iso_country_resolves_from_its_names():
    import pycountry

    names = [
        (name, entry.alpha_2)
        for entry in pycountry.countries
        for name in (entry.name, getattr(entry, "official_name", None))
        if name and "," not in name
    ]
    assert [name for name, code in names if country_code(name) != code] == []


@pytest.mark.parametrize(
    "words, length",
    [
        (("Peruvian", "Copper"), 1),
        (("East", "African", "Gas"), 2),
        (("Sri", "Lankan", "Tea"), 2),
        (("Central", "Asian"), 2),
        (("Ana", "Lima"), 0),
        (("East", "Timor"), 0),
    ],
)
def test_demonym_length(words, length):
    assert demonym_length(words) == length


def test_capital_words_start_at_any_capital_not_inside_a_word():
    # the fast first class (A-Z or non-ASCII, then a look-behind) finds what the plain
    # class finds: capitals, and non-ASCII letters outside a-z, that open a word
    plain = re.compile(r"[^\W\d_a-z](?<![^\W_][^\W\d_a-z])[^\W\d_]*")
    text = "Åland, Türkiye and McKenzie met élan 3Dx in Ürümqi, _Abc, «Côte» ÉTATS 42 ½ Ⅻ"
    found = [m.group() for m in countries._CAPITAL_WORD.finditer(text)]
    assert found == [m.group() for m in plain.finditer(text)]
    assert found[:5] == ["Åland", "Türkiye", "McKenzie", "élan", "Ürümqi"]
    assert "Dx" not in found and "Kenzie" not in found


def test_a_sentences_countries_are_found_once():
    from app.extract.countries import sentence_countries
    from app.extract.records import Sentence

    text = "Kenya and Norway signed a deal."
    sentence = Sentence(0, 100, 100 + len(text), text, 0)
    assert sentence_countries(sentence) == find_countries(text) == [(0, 5, "KE"), (10, 16, "NO")]
    assert sentence_countries(sentence) is sentence.derived["countries"]


def test_no_country_phrase_runs_across_a_sentence_break():
    # the actors stage reads country phrases sentence by sentence: that must find what a
    # search of the whole text finds, abbreviations with inner full stops included
    import bisect

    from app.extract import clean, segment
    from app.extract.countries import sentence_countries
    from app.extract.records import Source

    text = (
        "Talks with the U.S. The U.S. Virgin Islands and St. Lucia joined.\n\nU.K. ministers "
        "met the U.S.A. envoy. Kenya's E.U. partners met. Then Norway spoke. Korea."
    )
    cleaned = clean.clean(Source(text=text))
    sentences = segment.segment(cleaned)
    assert len(sentences) >= 5
    whole = find_countries(cleaned.text)
    starts = [start for start, _, _ in whole]
    for s in sentences:
        inside = whole[bisect.bisect_left(starts, s.start) : bisect.bisect_left(starts, s.end)]
        assert [(s.start + a, s.start + b, c) for a, b, c in sentence_countries(s)] == inside


def test_capital_words_of_a_text_of_ascii_words_are_found_by_the_ascii_pattern():
    from app.extract.countries import _ASCII_CAPITAL_WORD, _CAPITAL_WORD
    from app.extract.tokens import ascii_words

    text = (
        "Kenya's President Ruto met \u201cNorway\u201d \u2014 aKenya 3Kenya _Kenya K2 at the "
        "U.S.-Kenya talks (Oslo) \u2026 THE END.Then\u00a0Chile"
    )
    assert ascii_words(text)
    assert [m.span() for m in _ASCII_CAPITAL_WORD.finditer(text)] == [
        m.span() for m in _CAPITAL_WORD.finditer(text)
    ]
    assert not ascii_words("Türkiye and Kenya")  # read with the Unicode pattern
    assert find_countries("Türkiye and Kenya") == [(0, 7, "TR"), (12, 17, "KE")]
