"""Country names, codes and demonyms: a lookup shared by the extraction stages.

Names come from two places: `pycountry` (official, common and short names of
every ISO 3166-1 entry) and `lexicon/countries.csv`, which adds for every
country the aliases that English news uses ("Britain", "Türkiye", "DPRK") and
its demonyms ("Belgian", "Sri Lankan"). Rows coded `--` list phrases that look
like a country but are not one ("North American", "South China Sea"): they are
consumed by `find_countries` and produce nothing.

Matching is done on tokens, not characters, so that one dictionary look-up per
candidate span replaces a scan with hundreds of alternatives.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources

import pycountry

from app.extract.records import Sentence
from app.extract.tokens import ascii_words

BLOCKED = "--"
_MAX_TOKENS = 10

# letters, digits or one punctuation mark: "People's" -> People ' s
_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
# where a phrase can start: a capital letter that begins a word, and the word's letters (the
# phrase's first token). The capital comes first and the look-behind after it ("no letter or
# digit before it") so that the search only stops at capitals. The first class, A-Z or any
# non-ASCII character, is a plain range the search skips to fast; the look-behind right after
# it keeps of those the letters that are no digit, "_" or a-z (the ASCII ones are A-Z).
_CAPITAL_WORD = re.compile(r"[^\x00-@\[-\x7f](?<=[^\W\d_a-z])(?<![^\W_][^\W\d_a-z])[^\W\d_]*")
# the same in a text whose letters and digits are all ASCII ones (`tokens.ascii_words`)
_ASCII_CAPITAL_WORD = re.compile(r"[A-Z](?<![a-zA-Z0-9][A-Z])[a-zA-Z]*")


def _straight_apostrophes(text: str) -> str:
    # str.replace runs in C; str.translate with a dict is many times slower
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")


_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_CODE_LIKE = re.compile(r"^(?:[A-Z]\.?){2,4}$")
# ISO codes that are also English words in capitals (headlines, acronyms):
# they are accepted only through an explicit alias, never as bare codes.
_CODE_STOPWORDS = frozenset(
    {
        "AD",
        "AM",
        "AN",
        "AS",
        "AT",
        "BE",
        "BY",
        "DO",
        "GO",
        "HE",
        "HI",
        "IF",
        "IN",
        "IS",
        "IT",
        "ME",
        "MY",
        "NO",
        "OF",
        "ON",
        "OR",
        "SO",
        "TO",
        "UP",
        "US",
        "WE",
        "AND",
        "ARE",
        "CAN",
        "COM",
        "MAR",
        "NOR",
        "PER",
        "TON",
        "GAB",
        "BEL",
        "LIE",
        "ARM",
        "BEN",
        "CUB",
        "DOM",
        "FIN",
        "GIN",
        "PAN",
        "SEN",
    }
)


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(_straight_apostrophes(phrase)))


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("s", "sh", "ch", "x", "z", "ese")):
        return None
    return demonym + "s"


def _pycountry_names() -> dict[str, list[str]]:
    """Names of every ISO entry; "Korea, Republic of" becomes "Republic of Korea"."""
    names: dict[str, list[str]] = {}
    for entry in pycountry.countries:
        found = []
        for attr in ("name", "official_name", "common_name"):
            value = getattr(entry, attr, None)
            if not value:
                continue
            value = _LEADING_THE.sub("", value)
            head, sep, tail = value.partition(", ")
            if sep and (tail.endswith((" of", " of the")) or " " not in tail):
                found.append(f"{tail} {head}")
            elif not sep:
                found.append(value)
        names[entry.alpha_2] = found
    return names


@cache
def _lexicon() -> tuple[dict[tuple[str, ...], str], dict[tuple[str, ...], str]]:
    """Exact-case phrase table and a lower-case one (names only, never codes)."""
    exact = _exact_phrases()
    lower = {
        tuple(t.lower() for t in key): code
        for key, code in exact.items()
        if not _CODE_LIKE.match("".join(key))
    }
    return exact, lower


@cache
def _prefixes() -> frozenset[tuple[str, ...]]:
    """Every proper prefix of a known phrase, to stop a look-ahead early."""
    return frozenset(key[:n] for key in _exact_phrases() for n in range(1, len(key)))


@cache
def _first_words() -> frozenset[str]:
    """The first token of every known phrase: most capitalized words start none."""
    return frozenset(key[0] for key in _exact_phrases())


@cache
def _exact_phrases() -> dict[tuple[str, ...], str]:
    """Every name, alias and demonym, keyed by its tokens as written."""
    exact: dict[tuple[str, ...], str] = {}
    for code, names in _pycountry_names().items():
        for name in names:
            exact.setdefault(_key(name), code)
    text = resources.files("app.extract.lexicon").joinpath("countries.csv").read_text("utf-8")
    for row in csv.DictReader(text.splitlines()):
        code = row["alpha2"].strip()
        phrases = [a.strip() for a in (row["aliases"] or "").split(";") if a.strip()]
        for demonym in (d.strip() for d in (row["demonyms"] or "").split(";")):
            if demonym:
                phrases.append(demonym)
                plural = _plural(demonym)
                if plural:
                    phrases.append(plural)
        for phrase in phrases:
            exact[_key(phrase)] = code  # the data file overrides pycountry
    for key in _cities_named_for_other_states(exact):
        exact[key] = BLOCKED  # "Port of Spain" is no mention of Spain
    return exact


@cache
def cities() -> tuple[tuple[str, str], ...]:
    """(city, country code) of `lexicon/cities.csv`, in its order (a country's capital
    first): the city lexicon every stage reads."""
    text = resources.files("app.extract.lexicon").joinpath("cities.csv").read_text("utf-8")
    return tuple((row["city"], row["country"]) for row in csv.DictReader(text.splitlines()))


def _cities_named_for_other_states(exact: dict[tuple[str, ...], str]) -> list[tuple[str, ...]]:
    """Names in the city lexicon that hold, as a part, the name of another state than
    their own."""
    found = []
    for city, country in cities():
        key = _key(city)
        if key in exact:
            continue  # the city is named as a state is ("Singapore", "Hong Kong")
        parts = (key[i:j] for i in range(len(key)) for j in range(i + 1, len(key) + 1))
        if any(exact.get(part, country) not in (country, BLOCKED) for part in parts):
            found.append(key)
    return found


# demonyms of regions rather than states: "African" in "the East African Crude Oil
# Pipeline", "Asian" in "Central Asian states"
_REGIONAL_DEMONYMS = frozenset(
    {
        "African",
        "Asian",
        "European",
        "American",
        "Arab",
        "Arabian",
        "Nordic",
        "Baltic",
        "Balkan",
        "Caribbean",
        "Pacific",
        "Atlantic",
        "Mediterranean",
        "Scandinavian",
        "Caucasian",
        "Eurasian",
        "Oceanian",
        "Gulf",
        "Sahelian",
        "Andean",
        "Amazonian",
    }
)
_COMPASS = frozenset(
    {
        "North",
        "South",
        "East",
        "West",
        "Central",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Northeast",
        "Northwest",
        "Southeast",
        "Southwest",
        "Latin",
    }
)


@cache
def _demonyms() -> frozenset[str]:
    text = resources.files("app.extract.lexicon").joinpath("countries.csv").read_text("utf-8")
    return (
        frozenset(
            d.strip()
            for row in csv.DictReader(text.splitlines())
            for d in (row["demonyms"] or "").split(";")
            if d.strip()
        )
        | _REGIONAL_DEMONYMS
    )


def demonym_length(words: tuple[str, ...]) -> int:
    """How many of `words` make up a demonym they open with, as written ("Kenyan",
    "Sri Lankan", "East African", "Central Asian"); 0 if they open with none."""
    k = 0
    while k < len(words) and words[k] in _COMPASS:
        k += 1
    for end in range(len(words), k, -1):
        if " ".join(words[:end]) in _demonyms() or " ".join(words[k:end]) in _demonyms():
            return end
    return 0


def country_code(word: str) -> str | None:
    """Return the ISO alpha-2 code (or "EU") a country name, alias or demonym stands for.

    Reads one phrase ("the United States", "Belgian", "Türkiye", "ROK");
    a leading "the" and a trailing possessive are ignored. Names match in any
    case, codes only in capitals. Returns None for anything else.
    """
    phrase = _POSSESSIVE.sub("", _LEADING_THE.sub("", word.strip()))
    if not phrase:
        return None
    exact, lower = _lexicon()
    key = _key(phrase)
    code = exact.get(key)
    if code is None and not _CODE_LIKE.match(phrase):
        code = lower.get(tuple(t.lower() for t in key))
    if code is None and phrase.isalpha() and phrase.isupper() and phrase not in _CODE_STOPWORDS:
        entry = None
        if len(phrase) == 2:
            entry = pycountry.countries.get(alpha_2=phrase)
        elif len(phrase) == 3:
            entry = pycountry.countries.get(alpha_3=phrase)
        code = entry.alpha_2 if entry else None
    return None if code == BLOCKED else code


def sentence_countries(sentence: Sentence) -> list[tuple[int, int, str]]:
    """`find_countries` of a sentence's text, found once for every stage that asks (kept in
    `Sentence.derived`; the list is shared: read it, never change it)."""
    return sentence.once("countries", lambda s: find_countries(s.text))


def find_countries(text: str) -> list[tuple[int, int, str]]:
    """Find every country name, alias, code or demonym in `text`.

    Reads raw text; returns (start, end, alpha-2) triples in text order, the
    longest phrase winning at each position and no two spans overlapping
    ("Democratic People's Republic of Korea" is one KP span, not KR).
    Possessives are left outside the span ("Germany's" -> "Germany").
    """
    exact = _exact_phrases()
    prefixes = _prefixes()
    first_words = _first_words()
    normalized = _straight_apostrophes(text)
    found: list[tuple[int, int, str]] = []
    covered = 0
    capitals = _ASCII_CAPITAL_WORD if ascii_words(normalized) else _CAPITAL_WORD
    for capital in capitals.finditer(normalized):
        start = capital.start()
        if start < covered or capital.group() not in first_words:
            continue
        best: tuple[int, str] | None = None
        key: tuple[str, ...] = ()
        position = start
        for _ in range(_MAX_TOKENS):
            token = _TOKEN.match(normalized, position)
            if token is None:
                break
            key += (token.group(),)
            code = exact.get(key)
            if code is not None:
                best = (token.end(), code)
            if key not in prefixes:
                break
            position = token.end()
            if normalized.startswith(" ", position):
                position += 1  # one space between words; a line break or two spaces end a phrase
            elif position < len(normalized) and normalized[position].isspace():
                break
        if best is None:
            continue
        end, code = best
        covered = end
        if code != BLOCKED:
            found.append((start, end, code))
    return found
