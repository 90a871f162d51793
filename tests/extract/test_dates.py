"""Date stage: explicit and relative dates resolved at the precision the text supports."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from app.extract.dates import _ANNIVERSARY, _has_digit, _may_hold_a_date, counts_back, find_dates
from app.extract.records import Sentence
from tests.extract.conftest import seed_texts

# A Thursday.
REF = dt.date(2019, 3, 14)


def _sentence(text: str, index: int = 0, start: int = 0) -> Sentence:
    return Sentence(index=index, start=start, end=start + len(text), text=text, block=0)


def _dates(text: str, ref: dt.date | None = REF) -> list[tuple[str, str, str]]:
    sentence = _sentence(text)
    return [(text[m.start : m.end], m.value, m.precision) for m in find_dates((sentence,), ref)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # explicit dates in the common English forms
        ("Ruto met Kishida on March 5, 2019 in Nairobi.", ("March 5, 2019", "2019-03-05", "day")),
        ("The accord was signed on 5 March 2019.", ("5 March 2019", "2019-03-05", "day")),
        ("Talks ended Feb. 28, 2019, officials said.", ("Feb. 28, 2019", "2019-02-28", "day")),
        ("The record is dated 2018-11-30 in the archive.", ("2018-11-30", "2018-11-30", "day")),
        (
            "On the evening of 3rd of January 2019 they dined.",
            ("3rd of January 2019", "2019-01-03", "day"),
        ),
        ("The forum ran from October 8-10, 2018.", ("October 8-10, 2018", "2018-10-08", "day")),
        # a range of days written with words starts on its first day
        ("The visit runs from 4 to 6 March 2019.", ("4 to 6 March 2019", "2019-03-04", "day")),
        ("The envoys met on March 11 and 12.", ("March 11 and 12", "2019-03-11", "day")),
        # day and month without a year take the reference year, never far in the future
        ("The envoys met on 2 March.", ("2 March", "2019-03-02", "day")),
        ("The ministers spoke on March 16.", ("March 16", "2019-03-16", "day")),
        ("The summit took place on 20 December.", ("20 December", "2018-12-20", "day")),
        # ... unless the sentence looks ahead
        ("The president will travel to Accra on 2 February.", ("2 February", "2020-02-02", "day")),
        ("Two accords are to be signed on 2 February.", ("2 February", "2020-02-02", "day")),
        # month and year, month alone, year alone
        ("Kenyatta visited Brazil in March 2018.", ("March 2018", "2018-03", "month")),
        ("In October, the two ministers exchanged letters.", ("October", "2018-10", "month")),
        ("In February, the envoy presented credentials.", ("February", "2019-02", "month")),
        ("He is expected to visit Tokyo in late June.", ("June", "2019-06", "month")),
        ("Relations were established in 1964.", ("1964", "1964", "year")),
        ("Trade has doubled since 2010.", ("2010", "2010", "year")),
        # years reckoned back
        ("The treaty was signed 25 years ago.", ("25 years ago", "1994", "year")),
        ("Ties were set up thirty years ago.", ("thirty years ago", "1989", "year")),
        (
            "Over the past 30 years, cooperation has grown.",
            ("Over the past 30 years", "1989", "year"),
        ),
        # relative years and months
        ("Both sides will meet again later this year.", ("this year", "2019", "year")),
        ("The visit is planned for later this month.", ("this month", "2019-03", "month")),
        ("The accord expired last year.", ("last year", "2018", "year")),
        # a coming stretch of time is known only to its year
        (
            "The envoy will travel to Lima in the coming weeks.",
            ("in the coming weeks", "2019", "year"),
        ),
        (
            "Talks are planned over the next few months.",
            ("over the next few months", "2019", "year"),
        ),
        # working towards an event looks ahead
        (
            "They pledged cooperation towards the summit in Hanoi in February.",
            ("February", "2020-02", "month"),
        ),
        # a season is known only to its year
        (
            "The ministers will meet again in Dakar in the autumn.",
            ("in the autumn", "2019", "year"),
        ),
        ("The envoy visited Quito last summer.", ("last summer", "2018", "year")),
        ("A joint commission will convene next spring.", ("next spring", "2020", "year")),
    ],
)
def test_single_date(text: str, expected: tuple[str, str, str]) -> None:
    assert _dates(text) == [expected]


@pytest.mark.parametrize(
    "text, value",
    [
        ("Ruto spoke with Kishida by video link on Thursday.", "2019-03-14"),  # the reference day
        ("The ministers met on Tuesday in Nairobi.", "2019-03-12"),
        ("The Kenyan leader said Friday that talks went well.", "2019-03-08"),
        ("They met last Thursday.", "2019-03-07"),
        ("They will meet next Monday.", "2019-03-18"),
        ("The delegation will arrive on Saturday.", "2019-03-16"),
        ("Ruto meets Kishida today.", "2019-03-14"),
        ("The Prime Minister spoke to the President this morning.", "2019-03-14"),
        ("The talks were held yesterday.", "2019-03-13"),
        ("The summit opens tomorrow (15) in Nairobi.", "2019-03-15"),
        ("On Monday (18), the minister travels to Kampala.", "2019-03-18"),
        ("The envoy arrived today (14).", "2019-03-14"),
    ],
)
def test_relative_days(text: str, value: str) -> None:
    found = _dates(text)
    assert [(v, p) for _, v, p in found] == [(value, "day")]


@pytest.mark.parametrize(
    "text, value",
    [
        # an arrangement looks ahead: the next such day after the reference date
        ("The ministers agreed to meet again in Lusaka on 2 February.", "2020-02-02"),
        ("Both leaders decided to hold the next round on January 20.", "2020-01-20"),
        ("The envoys plan to sign the accord on 10 April.", "2019-04-10"),
        # told as done, the day lies before the reference date
        ("The ministers met in Lusaka on 2 February.", "2019-02-02"),
        ("On 20 January the leaders agreed to hold talks.", "2019-01-20"),
    ],
)
def test_a_yearless_day_after_an_intention_is_the_next_one(text: str, value: str) -> None:
    assert [(v, p) for _, v, p in _dates(text)] == [(value, "day")]


@pytest.mark.parametrize(
    "text",
    [
        "Zambia aims to double its copper exports by 2030.",
        "The border posts should be modernised by the end of October.",
        "Sanctions remain in force until 12 June 2021.",
        "The road must be finished no later than mid-2027.",
    ],
)
def test_a_deadline_dates_no_event(text: str) -> None:
    assert _dates(text) == []


def test_weekday_followed_by_an_explicit_date_is_one_date() -> None:
    assert _dates("On Tuesday 12 March, the ministers met.") == [("12 March", "2019-03-12", "day")]
    assert _dates("Friday Mar 8 2019 Nairobi") == [("Mar 8 2019", "2019-03-08", "day")]


@pytest.mark.parametrize(
    "text, origin",
    [
        ("This year marks the 55th anniversary of diplomatic relations.", "1964"),
        ("Next year marks the 30th anniversary of the establishment of ties.", "1990"),
        ("Last year they celebrated the 40th anniversary of the treaty.", "1978"),
        ("The two nations marked the sixtieth anniversary of their relations in 2017.", "1957"),
        ("They celebrated their 20th year of partnership in 2015.", "1995"),
        ("The 25th anniversary of relations is celebrated on Thursday.", "1994"),
        # the year the sentence makes its subject is the anniversary's year
        ("Both sides noted that 2020 marks the 40th anniversary of their ties.", "1980"),
        ("2018 was the 50th anniversary of relations.", "1968"),
    ],
)
def test_anniversaries_resolve_to_the_origin_year(text: str, origin: str) -> None:
    found = find_dates((_sentence(text),), REF)
    origins = [m for m in found if counts_back(text[m.start : m.end])]
    assert [(m.value, m.precision) for m in origins] == [(origin, "year")]


def test_anniversary_naming_its_origin_adds_no_second_origin() -> None:
    text = "The 55th anniversary of relations established in 1964 falls this year."
    values = [v for _, v, _ in _dates(text)]
    assert "1964" in values
    assert values.count("1964") == 1


@pytest.mark.parametrize(
    "text",
    [
        "The two sides recently agreed to deepen ties.",
        "They will meet soon.",
        "The leaders may also discuss trade.",  # "may" is no month
        "The protesters march on the capital.",
        "This week the envoy met students.",
        "He thanked 215 volunteers.",
    ],
)
def test_vague_or_false_dates_give_nothing(text: str) -> None:
    assert _dates(text) == []


def test_relative_dates_need_a_reference_date() -> None:
    assert _dates("The ministers met on Tuesday, 25 years after ties began.", ref=None) == []
    assert _dates("The accord was signed on 5 March 2019.", ref=None) == [
        ("5 March 2019", "2019-03-05", "day")
    ]


def test_offsets_are_document_offsets() -> None:
    prefix = "Title line.\n"
    text = "Ruto met Kishida on 5 March 2019."
    sentence = _sentence(text, index=3, start=len(prefix))
    document = prefix + text
    (mention,) = find_dates((sentence,), REF)
    assert document[mention.start : mention.end] == "5 March 2019"
    assert mention.sentence == 3


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The forum will meet in Accra before the end of the year.",
         [("before the end of the year", "2019", "year")]),
        ("They will hold talks in Lima in the first half of the year.",
         [("in the first half of the year", "2019", "year")]),
        ("The envoys meet by the end of the year.", [("by the end of the year", "2019", "year")]),
        ("She was named player of the year.", []),
    ],
)  # fmt: skip
def test_part_of_the_current_year(text, expected):
    assert _dates(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("THE TALKS WILL RESUME NEXT WEEK.", True),  # any case
        ("They met on the 4th.", True),
        ("Both sides called for restraint.", False),
        ("The ſummer ſession opens.", True),  # a long s: a letter only when case is ignored
        ("Talks resume next wee\u212a.", True),  # a Kelvin sign for the k
    ],
)
def test_the_quick_test_for_a_date_misses_none_the_full_one_would_read(text, expected):
    assert _may_hold_a_date(text) is expected


def test_every_match_of_a_gated_pattern_holds_one_of_its_words():
    from app.extract import dates
    from app.extract.patterns import may_hold

    words_of = {
        dates._DAY_WORD: dates._DAY_WORD_WORDS,
        dates._SEASON: dates._SEASONS,
        dates._ORDINAL_CUE: dates._ORDINAL_CUE_WORDS,
        dates._YEARS_AGO: dates._YEARS_AGO_WORDS,
        dates._PAST_YEARS: dates._PAST_YEARS_WORDS,
    }

    texts = seed_texts()
    texts += [
        "This morning, Ruto said. Tonight and TOMORROW (24) too; the 60th ANNIVERSARY this "
        "spring, during the Summer and last autumn, in the year of the dragon, yesterday.",
        "Ties began twenty-one years ago; over the past TWO years they grew.",
    ]
    for pattern, words in words_of.items():
        found = [m.group().lower() for text in texts for m in pattern.finditer(text)]
        assert found, pattern.pattern
        assert [m for m in found if not any(w in m for w in words)] == []
    # a long s matches "s" when case is ignored: no lower-cased word tells it apart
    assert may_hold(dates._DAY_WORD_WORDS, "Xi left ſoon", "xi left ſoon")
    assert not may_hold(dates._DAY_WORD_WORDS, "Xi left soon", "xi left soon")


def test_has_digit_finds_ascii_digits_and_others_only_in_a_text_beyond_ascii():
    assert _has_digit("Ruto met Eide on 5 May.")
    assert not _has_digit("Ruto met Eide on Monday.")
    assert not _has_digit("“We agree,” Ruto said on Monday.")  # beyond ASCII, no digit
    assert _has_digit("Ruto met Eide on \u0663 May.")  # an Arabic-Indic three


def test_the_anniversary_lookahead_keeps_every_ordinal_form():
    text = (
        "They marked the 50th anniversary, the Thirty-Fifth Anniversary and the first "
        "year of ties; a second-year student and the fiftieth  year  of relations."
    )
    found = [m["n"] for m in _ANNIVERSARY.finditer(text)]
    assert found == ["50th", "Thirty-Fifth", "first", "fiftieth"]


def test_patterns_searched_first_character_first_find_what_their_plain_forms_find():
    from app.extract import dates
    from app.extract.patterns import plain_forms

    text = (
        "On 12 March 2024, x5 May, 45 March, 2-4 June and \u0663 July 2023, Ruto (in 1999) "
        "met Eide; since 2020 ties grew.  By December 3, 2024 they will sign, as 2026 marks "
        "it; they agreed to meet inJune or in June, the 2024-05-01 text said, planned to go."
    )
    fast_forms = [
        p for p in vars(dates).values() if isinstance(p, re.Pattern) and p in plain_forms()
    ]
    assert len(fast_forms) >= 10
    for fast in fast_forms:
        plain = plain_forms()[fast]
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert [m.groupdict() for m in fast.finditer(text)] == [
            m.groupdict() for m in plain.finditer(text)
        ]
    # "45" is no day, "x5" no word of its own
    assert [m["day"] for m in dates._DAY_MONTH.finditer(text)] == ["12", "2-4", "\u0663"]
