"""Date stage: find date expressions in sentences and resolve them to ISO dates.

Explicit dates ("December 7, 2021", "7 December 2021", "2021-12-07") resolve on
their own. Everything relative ("on Tuesday", "today (23)", "in October",
"later this year", "45 years ago", "this year marks the 50th anniversary")
resolves against the reference date of the text, and is dropped when there is
none. Vague references ("recently", "soon", "this week") produce nothing, nor
do deadlines ("by 2026", "until the end of March"): nothing happens at them. A
date without its year after an intention ("agreed to meet ... on 5 September")
is the next such day, as one after "will" is.

Each expression is resolved at the precision the text supports: a day, a
month or a year. An anniversary ("the 50th anniversary of ... next year")
resolves to the year of the event it celebrates, at year precision.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from app.extract.patterns import (
    CASE_FOLDED_ASCII,
    first_character_first,
    holds,
    may_hold,
    rewritten,
    starting_with,
)
from app.extract.records import DateMention, Precision, Sentence

_MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip

# Month names are matched in capitals only: "may" and "march" are also verbs.
_MONTH_FORMS = (
    "Jan(?:uary)?", "Feb(?:ruary)?", "Mar(?:ch)?", "Apr(?:il)?", "May", "June?", "July?",
    "Aug(?:ust)?", "Sep(?:t(?:ember)?)?", "Oct(?:ober)?", "Nov(?:ember)?", "Dec(?:ember)?",
)  # fmt: skip
_MONTH = rf"(?:{'|'.join(_MONTH_FORMS)})(?![a-z])\.?"
# `\b` and `_MONTH`, the month's first letter first (`patterns.first_character_first`)
_MONTH_FIRST = rf"{first_character_first(_MONTH_FORMS)}(?![a-z])\.?"
_MONTH_NAME = _MONTH[: -len(r"\.?")]  # without a trailing period that may end the sentence
_FULL_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_FULL_MONTH = rf"(?:{'|'.join(_FULL_MONTH_NAMES)})\b"
# a day, or the first of a range of days: "2-4", "2 to 4", "21 and 22"
_DAY_TAIL = (
    r"(?:st|nd|rd|th)?"
    r"(?:\s*[-–]\s*[0-3]?\d|\s+(?:to|and|until|till)\s+[0-3]?\d(?:st|nd|rd|th)?(?!\d))?"
)
_DAY = rf"(?:[0-3]?\d){_DAY_TAIL}"
# `\b` and `_DAY`, its first digit first: a search skips to digits, the boundary is looked
# behind, and "[0-3]?\d" reads as a digit then, after one of 0-3, maybe another
_DAY_FIRST = rf"\d(?<!\w\d)(?:(?<=[0-3])\d)?{_DAY_TAIL}"
_YEAR_FORMS = (r"1[89]\d\d", r"20\d\d")
_YEAR = rf"(?:{'|'.join(_YEAR_FORMS)})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_NUMBER = (
    r"(?:\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
)
_ORDINAL = (
    r"(?:\d{1,3}(?:st|nd|rd|th)|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?"
    r"(?:" + "|".join(_ORDINAL_WORDS) + r"))"
)
_PART_OF_DAY = r"(?:(?:the\s+)?(?:morning|afternoon|evening|night)\s+of\s+)"

# Explicit dates, tried first; their spans are not matched again by later patterns.
# Each is searched with its first character first, a class the search skips to, and the
# word boundary before it looked behind (`_MONTH_FIRST`, `_DAY_FIRST`); a boundary first
# would be tried at every position. Each keeps its plain form for tests/extract/test_patterns.
_ISO = rewritten(
    r"(?P<year>\d(?<!\w\d)\d{3})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b",
    r"\b(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b",
)
_MONTH_DAY_YEAR = rewritten(
    rf"(?P<mon>{_MONTH_FIRST})\s+(?P<day>{_DAY})(?:,\s*|\s+)(?P<year>{_YEAR})\b",
    rf"\b(?P<mon>{_MONTH})\s+(?P<day>{_DAY})(?:,\s*|\s+)(?P<year>{_YEAR})\b",
)
_DAY_MONTH_YEAR = rewritten(
    rf"(?P<day>{_DAY_FIRST})\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+(?P<year>{_YEAR})\b",
    rf"\b(?P<day>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+(?P<year>{_YEAR})\b",
)
_MONTH_YEAR = rewritten(
    rf"(?P<mon>{_MONTH_FIRST}),?\s+(?:of\s+)?(?P<year>{_YEAR})\b",
    rf"\b(?P<mon>{_MONTH}),?\s+(?:of\s+)?(?P<year>{_YEAR})\b",
)
_MONTH_DAY = rewritten(
    rf"(?P<mon>{_MONTH_FIRST})\s+(?P<day>{_DAY})\b(?![:.,]?\d)",
    rf"\b(?P<mon>{_MONTH})\s+(?P<day>{_DAY})\b(?![:.,]?\d)",
)
_DAY_MONTH = rewritten(
    rf"(?P<day>{_DAY_FIRST})\s+(?:of\s+)?(?P<mon>{_MONTH_NAME})",
    rf"\b(?P<day>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH_NAME})",
)
# Relative expressions.
_WEEKDAY_DATE = starting_with(
    "acelmnptFMSTW",
    rf"\b(?:(?P<rel>last|next|this|past|coming)\s+)?(?:{_PART_OF_DAY})?"
    rf"(?P<weekday>{_WEEKDAY})(?:\s*\((?P<day>[0-3]?\d)\))?",
)
_DAYS_AROUND = ("today", "tonight", "yesterday", "tomorrow")
_PARTS_OF_TODAY = ("morning", "afternoon", "evening")  # "this morning"
_DAY_WORD = starting_with(
    "ty",
    rf"\b(?P<word>{'|'.join(_DAYS_AROUND)}|this\s+(?:{'|'.join(_PARTS_OF_TODAY)}))\b"
    r"(?:\s*\((?P<day>[0-3]?\d)\))?",
    re.I,
)
_MONTH_WORD = re.compile(r"\b(?P<rel>this|last|next)\s+month\b", re.I)
_YEAR_WORD = re.compile(r"\b(?P<rel>this|last|next)\s+year\b", re.I)
# A season of the current, last or next year: "in the autumn", "next spring"
_SEASONS = ("spring", "summer", "autumn")
_SEASON = starting_with(
    "dilnt",
    rf"\b(?P<rel>this|last|next|in\s+the|during\s+the)\s+(?:{'|'.join(_SEASONS)})\b"
    r"(?!\s+of\b)",
    re.I,
)
# A part of the current year: "before the end of the year", "in the first half of the year"
_PART_OF_YEAR = starting_with(
    "abitu",
    r"\b(?:(?:before|by|until|towards?|at)\s+the\s+end"
    r"|(?:in\s+)?the\s+(?:first|second|latter)\s+half|(?:in\s+)?the\s+course)\s+of\s+the\s+year\b",
    re.I,
)
_BARE_MONTH = re.compile(
    r"\b(?P<prep>in|In|since|Since|until|Until|till|by|By|during|During|from|From|of|through"
    r"|before|Before|after|After|last|Last|next|Next|this|This)\s+"
    r"(?:(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|end\s+of)"
    rf"[\s-]+)?(?P<mon>{_FULL_MONTH})(?!\s+\d)"
)
_BARE_YEAR = re.compile(
    r"\b(?:in|In|since|Since|of|by|By|until|till|during|During|from|From|before|after|early"
    rf"|late|mid|year)[\s-]+(?P<year>{_YEAR})\b(?![-/]\d)"
)
_YEARS_AGO = starting_with(r"\daefhnost", rf"\b(?P<n>{_NUMBER}|a|an)\s+years?\s+ago\b", re.I)
_PAST_YEARS = re.compile(
    rf"\b(?:over|in|during|for)\s+the\s+(?:past|last)\s+(?P<n>{_NUMBER})\s+years\b", re.I
)
# A year that is the subject of a sentence: "2026 marks the 70th anniversary".
_SUBJECT_VERB = r"\s+(?:marks|marked|will\s+mark|is|was|will\s+be)\b"
_SUBJECT_YEAR = rewritten(
    rf"(?P<year>{first_character_first(_YEAR_FORMS)}){_SUBJECT_VERB}",
    rf"\b(?P<year>{_YEAR}){_SUBJECT_VERB}",
)
# A time ahead of the reference, only as precise as its year: "in the coming weeks".
_COMING = re.compile(
    r"\b(?:in|over|within|during)\s+the\s+(?:coming|next|following)\s+(?:few\s+)?"
    r"(?:days|weeks|months)\b",
    re.I,
)
_ANNIVERSARY_WORDS = r"\s+(?:anniversary|year\s+of)\b"
# An ordinal is one run of word characters and hyphens, the cue after it: the lookahead
# reads that shape at a word's start, where most words fail it, before the alternation of
# every ordinal word is tried there. Every match of the plain form has that shape.
_ANNIVERSARY = rewritten(
    rf"\b(?=[\w-]+{_ANNIVERSARY_WORDS})(?P<n>{_ORDINAL}){_ANNIVERSARY_WORDS}",
    rf"\b(?P<n>{_ORDINAL}){_ANNIVERSARY_WORDS}",
    re.I,
)
# Words that make a relative date point forward ("will travel on Wednesday").
_FUTURE = re.compile(
    r"\b(?:will|shall|would(?!\s+have)|is\s+(?:set|scheduled|expected|due|slated|going)\s+to"
    r"|are\s+(?:set|scheduled|expected|due|slated|going)\s+to|(?:is|are)\s+to\s+be"
    r"|to\s+be\s+held|upcoming"
    r"|forthcoming|towards?\s+the|preparations?\s+for)\b"
)
# An intention or arrangement before the date: "agreed to meet in Asuncion on 5 September"
_INTENT = re.compile(
    r"\b(?:agreed|agree|agrees|decided|decide|plans?|planned|intends?|intended|pledged"
    r"|promised|resolved|arranged|undertook)\s+to\b"
)
# A deadline, not a time anything happens: "by 2026", "until the end of March"
_DEADLINE = re.compile(
    r"\b(?:by|By|until|Until|till|no\s+later\s+than)\s+(?:the\s+(?:end|middle|start|beginning)"
    r"\s+of\s+)?(?:(?:early|late|mid)[\s-]+)?$"
)
_SPOKEN_ON = re.compile(
    r"\b(?:said|noted|stressed|added|told|announced|stated|explained|emphasi[sz]ed)"
    r"(?:\s+\w+)?\s+(?:on\s+|last\s+|this\s+)?$"
)
_COUNTS_BACK = re.compile(
    r"anniversar|\byears?\s+ago\b|\b(?:past|last)\s+\S+\s+years\b|\byear\s+of\b", re.I
)


# Cheap tests that let most sentences skip the patterns above.
_DIGIT = re.compile(r"\d")
_ASCII_DIGITS = tuple("0123456789")
_NAMED_YEAR = re.compile(_YEAR)  # in every explicit date and named year
_ANY_DATE = re.compile(
    r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day\b|today|tonight|tomorrow|yesterday"
    r"|morning|afternoon|evening|month|year|week|anniversar|spring|summer|autumn"
)  # on lower-cased text: four times as fast as ignoring case
_ANY_DATE_ANY_CASE = re.compile(_ANY_DATE.pattern, re.I)
# _ANY_DATE in parts (its words, then \d and day\b): a substring test per word runs at C
# speed, where one search for the alternation tries it at every position of the sentence
_DATE_WORDS = tuple(w for w in _ANY_DATE.pattern.split("|") if w.isalpha())
_DAY_END = re.compile(r"day\b")
_ORDINAL_CUE = re.compile(r"anniversar|year\s+of", re.I)
# A word every match of a pattern under re.I holds, in lower case (the words it is built
# from): a sentence with none of them needs no search (`patterns.may_hold`). The rules pass
# each tuple itself: a compiled pattern as a key would be hashed, its compiled code read,
# at every look-up. tests/extract/test_dates.py checks each pattern against its words.
_DAY_WORD_WORDS = _DAYS_AROUND + _PARTS_OF_TODAY
_ORDINAL_CUE_WORDS = ("anniversar", "year")
_YEARS_AGO_WORDS = ("ago",)
_PAST_YEARS_WORDS = ("past", "last")


def counts_back(expression: str) -> bool:
    """True when a date expression reckons back to an origin ("50th anniversary", "45 years ago").

    Reads the text of a `DateMention`; such dates name the year something
    began, not the time of the sentence's event.
    """
    return bool(_COUNTS_BACK.search(expression))


def _month_number(name: str) -> int:
    return _MONTH_NUMBERS[name[:3].lower()]


def _first_day(day: str) -> int:
    return int(re.match(r"\d+", day).group())  # type: ignore[union-attr]


def _number(word: str) -> int | None:
    word = word.lower()
    if word in ("a", "an"):
        return 1
    if word.isdigit():
        return int(word)
    total = 0
    for part in re.split(r"[- ]", word):
        if part not in _NUMBER_WORDS:
            return None
        total += _NUMBER_WORDS[part]
    return total or None


def _ordinal(word: str) -> int | None:
    word = word.lower()
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits.group())
    total = 0
    for part in word.split("-"):
        value = _ORDINAL_WORDS.get(part, _NUMBER_WORDS.get(part))
        if value is None:
            return None
        total += value
    return total or None


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _is_future(sentence: str, start: int) -> bool:
    """True when the sentence looks ahead, unless the date dates a past act of speech."""
    if _SPOKEN_ON.search(sentence, 0, start):
        return False  # "said on Tuesday that China will ..."
    return bool(_FUTURE.search(sentence) or _INTENT.search(sentence, 0, start))


def _yearless(month: int, day: int, ref: dt.date, future: bool) -> dt.date | None:
    """The month/day nearest the reference date on the side the sentence's tense points to."""
    slack = dt.timedelta(days=7)
    found = _safe(ref.year, month, day)
    if found is None:
        return None
    if future and found < ref - slack:
        return _safe(ref.year + 1, month, day)
    if not future and found > ref + slack:
        return _safe(ref.year - 1, month, day)
    return found


def _day_number(day: int, ref: dt.date) -> dt.date | None:
    """The date with this day of the month nearest the reference: "tomorrow (24)"."""
    months = [(ref.year, ref.month)]
    months.append((ref.year + (ref.month == 12), ref.month % 12 + 1))
    months.append((ref.year - (ref.month == 1), (ref.month - 2) % 12 + 1))
    candidates = [d for y, m in months if (d := _safe(y, m, day))]
    return min(candidates, key=lambda d: abs((d - ref).days), default=None)


def _weekday(name: str, rel: str | None, ref: dt.date, future: bool) -> dt.date:
    target = _WEEKDAYS[name.lower()]
    back = (ref.weekday() - target) % 7
    ahead = (target - ref.weekday()) % 7
    if rel == "next" or (future and rel not in ("last", "past")):
        return ref + dt.timedelta(days=ahead or (7 if rel == "next" else 0))
    if rel in ("last", "past"):
        return ref - dt.timedelta(days=back or 7)
    return ref - dt.timedelta(days=back)


def _bare_month(month: int, prep: str, ref: dt.date, future: bool) -> str:
    prep = prep.lower()
    if prep == "this":
        year = ref.year
    elif prep == "next" or (future and prep not in ("last", "since")):
        year = ref.year if month >= ref.month else ref.year + 1
        if prep == "next" and month == ref.month:
            year += 1
    elif prep == "last":
        year = ref.year if month < ref.month else ref.year - 1
    else:
        year = ref.year if month <= ref.month else ref.year - 1
    return f"{year:04d}-{month:02d}"


def _shift_month(ref: dt.date, delta: int) -> str:
    index = ref.year * 12 + ref.month - 1 + delta
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


class _Finder:
    """Collect non-overlapping date spans of one sentence, first pattern first."""

    def __init__(self, sentence: Sentence, lowered: str) -> None:
        self.sentence = sentence
        self.lowered = lowered  # the sentence's text in lower case, made once for every rule
        self.taken: list[tuple[int, int]] = []
        self.found: list[DateMention] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.taken)

    def add(self, start: int, end: int, value: str | None, precision: Precision) -> None:
        if value is None or not self.free(start, end):
            return
        self.taken.append((start, end))
        if _DEADLINE.search(self.sentence.text, 0, start):
            return  # "by 2026": a limit set, not the time of an event
        offset = self.sentence.start
        self.found.append(
            DateMention(offset + start, offset + end, self.sentence.index, value, precision)
        )


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _explicit(finder: _Finder, named_year: bool) -> None:
    """Dates with a year; `named_year` whether the sentence holds one (the patterns after
    the ISO one need it)."""
    text = finder.sentence.text
    for match in _ISO.finditer(text) if "-" in text else ():
        value = _safe(int(match["year"]), int(match["month"]), int(match["day"]))
        finder.add(match.start(), match.end(), _iso(value), "day")
    if not named_year:
        return
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        for match in pattern.finditer(text):
            value = _safe(int(match["year"]), _month_number(match["mon"]), _first_day(match["day"]))
            finder.add(match.start(), match.end(), _iso(value), "day")
    for match in _MONTH_YEAR.finditer(text):
        month = f"{int(match['year']):04d}-{_month_number(match['mon']):02d}"
        finder.add(match.start(), match.end(), month, "month")


def _relative(finder: _Finder, ref: dt.date, digits: bool) -> None:
    """Dates relative to the reference date; `digits` whether the sentence holds a digit."""
    text, lowered = finder.sentence.text, finder.lowered
    for pattern in (_MONTH_DAY, _DAY_MONTH) if digits else ():
        for match in pattern.finditer(text):
            future = _is_future(text, match.start())
            value = _yearless(_month_number(match["mon"]), _first_day(match["day"]), ref, future)
            finder.add(match.start(), match.end(), _iso(value), "day")
    for match in _DAY_WORD.finditer(text) if may_hold(_DAY_WORD_WORDS, text, lowered) else ():
        word = match["word"].lower()
        if match["day"]:
            value = _day_number(int(match["day"]), ref)
        else:
            shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
            value = ref + dt.timedelta(days=shift)
        finder.add(match.start(), match.end(), _iso(value), "day")
    for match in _WEEKDAY_DATE.finditer(text) if "day" in lowered else ():
        if not finder.free(match.end(), match.end() + 4):
            continue  # "Wednesday 21 June", "Friday Mar 23": the explicit date says it
        if match["day"]:
            value = _day_number(int(match["day"]), ref)
        else:
            rel = match["rel"].lower() if match["rel"] else None
            value = _weekday(match["weekday"], rel, ref, _is_future(text, match.start()))
        finder.add(match.start(), match.end(), _iso(value), "day")
    for match in _MONTH_WORD.finditer(text) if "month" in lowered else ():
        delta = {"last": -1, "past": -1, "next": 1}.get(match["rel"].lower(), 0)
        finder.add(match.start(), match.end(), _shift_month(ref, delta), "month")
    named_month = holds(_FULL_MONTH_NAMES, text)  # cheaper than the search
    for match in _BARE_MONTH.finditer(text) if named_month else ():
        future = _is_future(text, match.start())
        month = _bare_month(_month_number(match["mon"]), match["prep"], ref, future)
        finder.add(match.start("mon"), match.end("mon"), month, "month")


def _years(finder: _Finder, ref: dt.date | None, named_year: bool) -> None:
    """Years of the sentence; `named_year` whether it holds one in digits."""
    text, lowered = finder.sentence.text, finder.lowered
    bare_years = list(_BARE_YEAR.finditer(text)) if named_year else []
    explicit_years = [int(m["year"]) for m in bare_years]
    if named_year:
        explicit_years += [int(m["year"]) for m in _SUBJECT_YEAR.finditer(text)]
    cue = may_hold(_ORDINAL_CUE_WORDS, text, lowered) and _ORDINAL_CUE.search(text)
    anniversaries = _ANNIVERSARY.finditer(text) if cue else ()
    for match in anniversaries:
        years = _ordinal(match["n"])
        if not years or (years < 5 and "year" in match.group().lower()):
            continue  # "the second year of his term" is no anniversary
        base = _anniversary_base(text, ref, explicit_years, years)
        if base is not None:
            finder.add(match.start(), match.end(), f"{base - years:04d}", "year")
    if ref is not None and "year" in lowered:
        for pattern, words in ((_YEARS_AGO, _YEARS_AGO_WORDS), (_PAST_YEARS, _PAST_YEARS_WORDS)):
            for match in pattern.finditer(text) if may_hold(words, text, lowered) else ():
                years = _number(match["n"])
                if years:
                    finder.add(match.start(), match.end(), f"{ref.year - years:04d}", "year")
    for match in bare_years:
        finder.add(match.start("year"), match.end("year"), match["year"], "year")
    if ref is not None:
        for match in _COMING.finditer(text) if "coming" in text or "next" in text else ():
            finder.add(match.start(), match.end(), f"{ref.year:04d}", "year")
        for match in _YEAR_WORD.finditer(text) if "year" in lowered else ():
            delta = {"last": -1, "past": -1, "next": 1}.get(match["rel"].lower(), 0)
            finder.add(match.start(), match.end(), f"{ref.year + delta:04d}", "year")
        for match in _PART_OF_YEAR.finditer(text) if "of the year" in text else ():
            finder.add(match.start(), match.end(), f"{ref.year:04d}", "year")
        for match in _SEASON.finditer(text) if may_hold(_SEASONS, text, lowered) else ():
            delta = {"last": -1, "next": 1}.get(match["rel"].lower(), 0)
            finder.add(match.start(), match.end(), f"{ref.year + delta:04d}", "year")


def _anniversary_base(
    text: str, ref: dt.date | None, explicit_years: list[int], years: int
) -> int | None:
    """The year an anniversary falls in: a year the sentence names, else next/last/this year."""
    for year in explicit_years:
        if ref is None:
            return year
        if abs(year + years - ref.year) <= 1:
            return None  # the sentence names the origin itself ("established in 1979")
        if year > ref.year - 5:
            return year
    if ref is None:
        return None
    relative = _YEAR_WORD.search(text)
    if relative:
        return ref.year + {"last": -1, "past": -1, "next": 1}.get(relative["rel"].lower(), 0)
    return ref.year


def _has_digit(text: str) -> bool:
    """Whether `text` holds a digit (a match of `_DIGIT`). A substring test per ASCII digit
    runs in C at memchr speed, where the search reads every character's Unicode category;
    only a text with a character outside ASCII may hold another digit ("٣"): the search
    reads only such a text."""
    return holds(_ASCII_DIGITS, text) or (not text.isascii() and _DIGIT.search(text) is not None)


def _may_hold_a_date(text: str, digits: bool | None = None, lowered: str | None = None) -> bool:
    """Whether a date pattern could match; `digits`, when known, whether `text` holds a
    digit (lowering the text adds or removes none); `lowered`, when known, `text.lower()`."""
    lowered = text.lower() if lowered is None else lowered
    if digits is None:
        digits = _has_digit(text)
    if digits or holds(_DATE_WORDS, lowered) or _DAY_END.search(lowered):
        return True
    return holds(CASE_FOLDED_ASCII, text) and bool(_ANY_DATE_ANY_CASE.search(text))


def _sentence_dates(sentence: Sentence, ref: dt.date | None) -> Iterator[DateMention]:
    digits = _has_digit(sentence.text)  # asked once: three rules need it
    lowered = sentence.text.lower()
    if not _may_hold_a_date(sentence.text, digits, lowered):
        return
    finder = _Finder(sentence, lowered)
    named_year = digits and _NAMED_YEAR.search(sentence.text) is not None
    if digits:
        _explicit(finder, named_year)
    if ref is not None:
        _relative(finder, ref, digits)
    _years(finder, ref, named_year)
    yield from sorted(finder.found, key=lambda m: m.start)


def find_dates(
    sentences: tuple[Sentence, ...], reference_date: dt.date | None
) -> tuple[DateMention, ...]:
    """Find and resolve every date expression of the sentences.

    Reads sentence texts and the reference date relative expressions resolve
    against (None: only explicit dates and anniversaries with a named year
    resolve). Returns `DateMention`s in text order with document offsets, an
    ISO value ("2021-12-07", "2024-01", "1971") and its precision.
    """
    return tuple(m for s in sentences for m in _sentence_dates(s, reference_date))
