"""Third stage: the people of a text and every later reference to them.

A capitalized run of words becomes a person only with evidence that it names
one: an office title, honorific or rank before it ("Belgian Prime Minister
Alexander De Croo", "Mr. Ding Xuexiang", "Cabinet Secretary Maj. Teddy Indra
Wijaya"), an appositive with a title ("Dmytro Kuleba, Minister of Foreign
Affairs of Ukraine"; "the Prime Minister, Mark Carney,"), or, for runs of two
words or more, a reporting or meeting verb after it ("He Lifeng attended") or
one of its words used alone elsewhere ("Emmanuel Macron" ... "Macron").
Headlines are never evidence: title case makes every word look like a name.

References to a known person (`Mention`):
- name: the full name, or another full form of it ("Joseph R. Biden");
- surname: the surname (first word for Chinese, Korean and Vietnamese
  names, the particle phrase "De Croo", "da Silva"), or any word of the name
  that the text uses alone ("Lula", "Mr. Alexander");
- title: "the Belgian premier", "the king", "said the Chinese president",
  resolved only when exactly one known person holds that office (and country);
  a title that also names someone else in the text is never resolved;
- pronoun: he/she/his/her, resolved to the person in focus (the last speaker,
  or the subject of the last sentence about a person), and only when nothing
  competes: a plural or unresolved human subject in between ("The two
  leaders", "A spokesperson") breaks the chain, and so does a gender clash.

The lexicon files (titles, modifiers, ministries, honorifics, ranks, speech
and person verbs, non-name words) are general English data, loaded once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Container, Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from itertools import compress, count
from typing import Final, NamedTuple

from app.extract.countries import cities, demonym_length, sentence_countries
from app.extract.records import Actors, Mention, Person, Sentence
from app.extract.tokens import Token, ending_at, index_from, starting_at, tokenize

_ARABIC_PREFIX = re.compile(r"^(?:al|el|ad|ash|as|at|az|ar|an|ben|bin|abu|ibn)-[^\W\d_]", re.I)
# regnal numbers after a name ("Harald V"): a set, not a pattern, as it is asked per name word
_REGNAL = frozenset({"II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"})
_ARABIC_PREFIX_TEXT = re.compile(r"^(?:al|el|ad|ash|as|at|az|ar|an)-(?=[^\W\d_])", re.I)
_HYPHEN_PREFIX = re.compile(r"^(?:then|ex|former)-", re.I)
_ELECT = "-elect"
_LONGEST_TITLE = 11  # in tokens: "High Representative of the Union for ... Security Policy"
_MAX_PHRASE = 6  # the longest modifier, honorific, rank or verb phrase, in tokens
_SURNAME_FIRST = frozenset({"CN", "TW", "HK", "MO", "KR", "KP", "VN", "SG"})
# A romanised East Asian given name after the surname: "Min-seo", "Mei-ling"
_ROMANISED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")
_PARTICLES = frozenset(
    {
        "da",
        "de",
        "do",
        "dos",
        "das",
        "di",
        "del",
        "della",
        "des",
        "du",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "bin",
        "binti",
        "bint",
        "ibn",
        "al",
        "el",
        "y",
        "zu",
    }
)
_COUNTERPART = frozenset({"counterpart"})
_OFFICIAL = frozenset({"official"})
_OFFICIAL_NOUN = "official"  # "a Kenyan official said": someone the text does not name
# words that follow "official" as a noun ("an official who ...", "an official from ...")
_AFTER_A_NOUN = frozenset({"who", "from", "of", "at", "in", "with", "close", "familiar"})
# a short circumstance between a subject and its verb: "Ruto on Monday said"
_CIRCUMSTANCE_OPENERS = frozenset({"on", "in", "at", "during", "earlier", "later", "last",
                                   "yesterday", "today", "tonight", "separately"})  # fmt: skip
_CIRCUMSTANCE_WORDS = _CIRCUMSTANCE_OPENERS | frozenset(
    {"a", "an", "the", "his", "her", "this", "that", "late", "early", "morning", "afternoon",
     "evening", "night", "week", "month", "year", "statement", "interview", "speech",
     "message", "letter", "video", "post", "call", "conference", "press", "joint", "televised",
     "address", "remarks", "briefing", "written", "separate", "also", "further", "then"}
)  # fmt: skip
# a run of capitalized words after these is a place ("talks in Addis Ababa")
_LOCATIVE = frozenset({"in", "at", "to", "from", "near", "via", "across", "outside", "inside"})
# words that end an organisation's name: "head of the ministry and ..." stops at "and"
_STOP_ORG = frozenset({"and", "or", "who", "which", "that", "said", "says", "was", "is", "has"})
# Nouns that end a ministry's portfolio beyond those of ministries.txt
_PORTFOLIO_NOUNS = frozenset(
    {"cooperation", "expatriates", "union", "integration", "diaspora", "development",
     "relations", "affairs", "trade", "worship", "communities", "abroad", "nationals",
     "investment", "tourism", "commerce", "industry", "planning", "economy", "europe",
     "francophonie", "commonwealth", "migration", "emigrants", "regions", "partnerships"}
)  # fmt: skip
_SUFFIXES = frozenset({"Jr", "Sr", "Jnr", "Snr"})
_SURNAME_PARTICLES = frozenset({"de", "da", "van", "von", "le", "la", "du", "del", "di", "dos"})
_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_SUBJECT_PRONOUNS = frozenset({"he", "she"})
# subjects after which a pronoun could mean several people
_PLURAL_SUBJECTS = frozenset(
    {
        "they",
        "both",
        "the two",
        "the leaders",
        "the two leaders",
        "the two sides",
        "both sides",
        "the sides",
        "leaders",
        "we",
    }
)
_HUMAN_NOUNS = frozenset(
    {
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "official",
        "officials",
        "minister",
        "president",
        "leader",
        "premier",
        "diplomat",
        "envoy",
        "ambassador",
        "aide",
        "aides",
        "source",
        "sources",
        "analyst",
        "analysts",
        "observer",
        "observers",
        "watchers",
        "chancellor",
        "king",
        "queen",
        "secretary",
        "counterpart",
        "guest",
        "host",
    }
)
_INTRO_WORDS = frozenset(
    {
        "for",
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "while",
        "when",
        "as",
        "with",
        "despite",
        "noting",
        "stressing",
        "underscoring",
        "speaking",
        "referring",
        "calling",
        "commenting",
        "asked",
        "responding",
        "according",
        "looking",
        "addressing",
        "meeting",
        "welcoming",
        "recalling",
        "pointing",
        "expressing",
        "highlighting",
        "saying",
        "adding",
        "since",
        "although",
        "though",
        "besides",
        "regarding",
        "turning",
        "also",
        "however",
        "meanwhile",
        "earlier",
        "later",
        "separately",
        "moreover",
        "furthermore",
        "still",
        "then",
        "now",
        "yet",
        "but",
        "and",
        "quote",
        "details",
        "background",
    }
)
AUXILIARIES = frozenset(
    {
        "also",
        "further",
        "then",
        "had",
        "has",
        "have",
        "once",
        "again",
        "later",
        "earlier",
        "repeatedly",
        "publicly",
        "firmly",
        "strongly",
        "clearly",
        "separately",
        "previously",
        "recently",
        "reportedly",
        "has also",
        "had also",
        "would",
        "will",
        "did",
        "does",
    }
)
_DASHES = frozenset({"--", "—", "–", "-"})
_OPEN_QUOTES = frozenset({'"', "“", "«"})
_CLOSE_QUOTES = frozenset({'"', "”", "»", "'", "’"})


# The classes the stage makes many of write their own __init__ (init=False), as the records
# do: compiled, the one @dataclass would generate runs as Python (records.py says more).
@dataclass(frozen=True, init=False)
class Title:
    """An office title found at a token position."""

    end: int  # token index after the title
    text: str
    roles: frozenset[str]
    gender: str | None
    country: str | None

    def __init__(
        self,
        end: int,
        text: str,
        roles: frozenset[str],
        gender: str | None,
        country: str | None,
    ) -> None:
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "roles", roles)
        object.__setattr__(self, "gender", gender)
        object.__setattr__(self, "country", country)


@dataclass(frozen=True)
class Lexicon:
    """Every word list the actor and statement stages use."""

    titles: dict[tuple[str, ...], tuple[str, str | None]]
    title_starts: frozenset[str]
    title_prefixes: frozenset[tuple[str, ...]]  # every title's first words, at each length
    modifiers: dict[tuple[str, ...], bool]
    honorifics: dict[tuple[str, ...], str | None]
    ranks: frozenset[tuple[str, ...]]
    speech: dict[tuple[str, ...], bool]  # verb phrase -> only after the words it reports
    addressing: frozenset[tuple[str, ...]]  # verbs whose person after them is addressed
    person_verbs: frozenset[tuple[str, ...]]
    non_names: frozenset[str]  # organisation, place and event nouns, and function words
    org_nouns: frozenset[str]  # the nouns alone: "Ministry", "Airport", "Initiative"
    form_words: frozenset[str]  # every word of an honorific or rank ("His", "Highness")
    places: frozenset[tuple[str, ...]]  # city names, lower case: "New Delhi" is no person
    title_ends: frozenset[str]  # last words of titles ("minister")
    portfolio_nouns: frozenset[str]  # last words of ministries' names ("Cooperation")
    form_starts: frozenset[str]  # first words of honorifics and ranks ("Mr", "Maj")
    form_ends: frozenset[str]  # their last tokens ("Mr", ".", "Excellency")
    modifier_starts: frozenset[str]
    speech_starts: frozenset[str]
    person_verb_starts: frozenset[str]
    epithets: frozenset[
        tuple[str, ...]
    ]  # "sister", "republic of": "of the sister Republic of Togo"
    abbreviations: frozenset[str]  # joined capitals that are no initials: "u.n.", "p.m."


def lexicon_lines(name: str) -> Iterable[str]:
    """The lines of a list in `lexicon/`, without blank lines and # comments."""
    data = resources.files("app.extract.lexicon").joinpath(name).read_text("utf-8")
    for line in data.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(t.low for t in tokenize(phrase))


def _places() -> frozenset[tuple[str, ...]]:
    """The names of the city lexicon."""
    return frozenset(_words(city) for city, _ in cities())


@cache
def lexicon() -> Lexicon:
    """Load the lexicon files once."""
    titles: dict[tuple[str, ...], tuple[str, str | None]] = {}
    for line in lexicon_lines("titles.txt"):
        entry, _, gender = (part.strip() for part in line.partition("|"))
        title, _, role = (part.strip() for part in entry.partition("="))
        titles[_words(title)] = (role or title, gender or None)
    for line in lexicon_lines("ministries.txt"):
        of_form, _, adjective = (part.strip() for part in line.partition("|"))
        role = f"{adjective} minister"
        for phrase in (
            f"minister of {of_form}",
            f"minister for {of_form}",
            f"{adjective} minister",
            f"{adjective} secretary",
            f"{of_form} minister",  # "Home Affairs Minister", "Trade and Industry Minister"
            f"secretary of {of_form}",
            f"secretary for {of_form}",
            f"{of_form} cs",  # "Foreign Affairs CS", "Energy CS": a cabinet secretary
            f"{adjective} cs",
            f"{of_form} cabinet secretary",
            f"{adjective} cabinet secretary",
        ):
            titles.setdefault(_words(phrase), (role, None))
    portfolio_nouns = _PORTFOLIO_NOUNS | {
        word
        for line in lexicon_lines("ministries.txt")
        for word in _words(line.partition("|")[0])
        if word not in ("and", "of", "the", "for")
    }
    modifiers = {}
    for line in lexicon_lines("modifiers.txt"):
        word, _, kind = (part.strip() for part in line.partition("|"))
        modifiers[_words(word)] = kind == "role"
    honorifics: dict[tuple[str, ...], str | None] = {}
    for line in lexicon_lines("honorifics.txt"):
        form, _, gender = (part.strip() for part in line.partition("="))
        honorifics[tuple(t.text for t in tokenize(form))] = gender or None
    speech = {}
    addressing = set()
    for line in lexicon_lines("speech_verbs.txt"):
        verb, _, kind = (part.strip() for part in line.partition("|"))
        speech[_words(verb)] = kind == "tail"
        if kind == "object":
            addressing.add(_words(verb))
    ranks = frozenset(tuple(t.text for t in tokenize(r)) for r in lexicon_lines("ranks.txt"))
    person_verbs = frozenset(_words(v) for v in lexicon_lines("person_verbs.txt"))
    org_nouns = frozenset(w.lower() for w in lexicon_lines("non_names.txt"))
    return Lexicon(
        modifier_starts=frozenset(key[0] for key in modifiers),
        speech_starts=frozenset(key[0] for key in speech),
        person_verb_starts=frozenset(key[0] for key in person_verbs),
        form_starts=frozenset(key[0] for key in (*honorifics, *ranks)),
        form_ends=frozenset(key[-1] for key in (*honorifics, *ranks)) | {"."},
        titles=titles,
        portfolio_nouns=frozenset(portfolio_nouns),
        title_ends=frozenset(key[-1] for key in titles),
        title_starts=frozenset(key[0] for key in titles),
        title_prefixes=frozenset(key[:n] for key in titles for n in range(1, len(key) + 1)),
        modifiers=modifiers,
        honorifics=honorifics,
        ranks=ranks,
        speech=speech,
        addressing=frozenset(addressing),
        person_verbs=person_verbs,
        non_names=org_nouns | frozenset(w.lower() for w in lexicon_lines("function_words.txt")),
        org_nouns=org_nouns,
        places=_places(),
        form_words=frozenset(w for key in (*honorifics, *ranks) for w in key if w != "."),
        epithets=frozenset(_words(line) for line in lexicon_lines("epithets.txt")),
        abbreviations=frozenset(line.lower() for line in lexicon_lines("abbreviations.txt")),
    )


# ---------------------------------------------------------------- token helpers


def _longest(
    tokens: tuple[Token, ...],
    i: int,
    table: Container[tuple[str, ...]],
    starts: Container[str],
    exact: bool = False,
) -> int:
    """Token index after the longest phrase of `table` starting at `i`, or `i`.

    `starts` holds the first words of the table's phrases: most tokens start none."""
    if i >= len(tokens) or (tokens[i].text if exact else tokens[i].low) not in starts:
        return i
    words = tuple([t.text if exact else t.low for t in tokens[i : i + _MAX_PHRASE]])
    for size in range(len(words), 0, -1):
        if words[:size] in table:
            return i + size
    return i


def _honorific_at(tokens: tuple[Token, ...], i: int, lex: Lexicon) -> tuple[int, str | None]:
    """(index after an honorific and its period, implied gender); (i, None) if none."""
    j = _longest(tokens, i, lex.honorifics, lex.form_starts, exact=True)
    if j == i:
        return i, None
    gender = lex.honorifics[tuple(t.text for t in tokens[i:j])]
    if j < len(tokens) and tokens[j].text == "." and not tokens[j - 1].text.endswith("."):
        j += 1
    return j, gender


def _forms_at(
    tokens: tuple[Token, ...], i: int, lex: Lexicon
) -> tuple[int, str | None, str | None]:
    """Honorifics and ranks before a name ("His Highness Sheikh", "H.E. Dr.", "Lt. Gen."):
    (index after them, implied gender, a "His/Her ..." honorific that may stand alone)."""
    gender = styled = None
    while True:
        if i < len(tokens) and tokens[i].low == "the":
            j, found_gender = _honorific_at(tokens, i + 1, lex)  # "Dr. the Hon.", "the Most Hon."
            if j > i + 1:
                gender = gender or found_gender
                i = j
                continue
        j, found_gender = _honorific_at(tokens, i, lex)
        if j > i:
            gender = gender or found_gender
            if tokens[i].text in ("His", "Her") and styled is None:
                styled = " ".join(t.text for t in tokens[i:j])
        else:
            j = _rank_at(tokens, i, lex)
        if j == i:
            return i, gender, styled
        i = j


def _rank_at(tokens: tuple[Token, ...], i: int, lex: Lexicon) -> int:
    j = _longest(tokens, i, lex.ranks, lex.form_starts, exact=True)
    if j > i and j < len(tokens) and tokens[j].text == ".":
        j += 1
    return j


# Words after which a reporting verb's form is a noun: "heads of state", "the note", "his
# comments", "a report".
_NOUN_BEFORE = frozenset(
    {"the", "a", "an", "of", "his", "her", "its", "their", "our", "my", "your"}
)  # fmt: skip


def speech_verb_at(tokens: tuple[Token, ...], i: int, lex: Lexicon | None = None) -> int:
    """Token index after a reporting verb ("said", "pointed out") starting at `i`, or `i`.
    A form after an article, "of" or a possessive is a noun ("heads of state")."""
    lex = lex or lexicon()
    if i >= len(tokens) or tokens[i].low not in lex.speech_starts:
        return i
    if i > 0 and tokens[i - 1].low in _NOUN_BEFORE:
        return i
    best = i
    words = tuple([t.low for t in tokens[i : i + 4]])
    for size in range(1, len(words) + 1):
        if words[:size] in lex.speech:
            best = i + size
    return best


def is_tail_only(tokens: tuple[Token, ...], i: int, j: int) -> bool:
    """True for verbs that report speech only after the words they report."""
    return lexicon().speech.get(tuple(t.low for t in tokens[i:j]), False)


def addresses(tokens: tuple[Token, ...], i: int, j: int) -> bool:
    """True for verbs whose person after them is the one addressed ("welcomed", "told")."""
    return tuple(t.low for t in tokens[i:j]) in lexicon().addressing


def skip_auxiliaries(tokens: tuple[Token, ...], i: int) -> int:
    """Skip adverbs and auxiliaries between a subject and its verb ("also", "had")."""
    while i < len(tokens) and tokens[i].low in AUXILIARIES:
        i += 1
    return i


# a plural office title: (token index after it, the singular title as written, its roles,
# its gender)
_Plural = tuple[int, str, frozenset[str], str | None]


class _WordKind(NamedTuple):
    """What a word is, whatever its neighbours."""

    name: bool  # a name word
    starts: bool  # a name, title, honorific or rank may start with it
    title_start: bool  # a title, or a plural one ("Presidents"), may start with it
    capital: bool  # in capitals, or capitalized: a name word in some places ("Mr. TANAKA")
    unsure: bool  # capitalized but no name word: its neighbours may still make it one
    honorific: bool  # a capitalized honorific of one word ("Sheikh"): inside a name, a name word
    particle: bool  # a particle in lower case ("van", "de"): a surname may open with it
    form_end: bool  # the last token of an honorific or rank ("Mr", "Excellency", ".")
    article: bool  # "the": a title after it may refer to someone ("the president")
    pronoun: bool  # he, him, his, she, her or hers, in any case


# Words recur in a text and across texts: each is judged once and kept by its text, with the
# lower case it was judged with (a text lowers the same everywhere but in rare contexts).
# A dict read from compiled code, where lru_cache would hash and compare a key tuple for
# each word; it starts afresh once it holds 16,384 words (a few MB).
_JUDGED: Final[dict[str, tuple[str, _WordKind]]] = {}
_MAX_JUDGED: Final = 1 << 14


def _word_kind(text: str, low: str) -> _WordKind:
    """What the word `text` (in lower case `low`) is, judged once."""
    known = _JUDGED.get(text)
    if known is not None and known[0] == low:
        return known[1]
    kind = _judge_word(text, low)
    if len(_JUDGED) >= _MAX_JUDGED:
        _JUDGED.clear()
    _JUDGED[text] = (low, kind)
    return kind


def _judge_word(text: str, low: str) -> _WordKind:
    lex = lexicon()
    if not text[0].isupper():
        name = "-" in text and bool(_ARABIC_PREFIX.match(text))  # "al-Sisi"
    elif text == low.upper():
        name = False  # all capitals: an acronym, not a name
    else:
        name = (
            low not in lex.non_names
            and low not in lex.title_starts
            and _singular(low) not in lex.title_starts  # "Prime Ministers Ana Lima ..."
            and text not in lex.form_words
        )
    title_start = low in lex.title_starts or _singular(low) in lex.title_starts
    starts = (
        text == "He"
        or text in lex.form_starts
        or low in lex.modifier_starts
        or title_start
        or ("-" in low and _HYPHEN_PREFIX.sub("", low).removesuffix(_ELECT) in lex.title_starts)
    )
    capital = text[:1].isupper() or text.isupper()
    honorific = text[:1].isupper() and (text,) in lex.honorifics
    particle = low in _PARTICLES and text.islower()
    return _WordKind(name, starts, title_start, capital, capital and not name, honorific,
                     particle, text in lex.form_ends, low == "the", low in _PRONOUNS)  # fmt: skip


def _particles_then_name(a: _Analysed, j: int) -> int:
    """Index after lower-case particles ("van der") that a name word follows, else `j`."""
    k = j
    while k < len(a.tokens) and a.tokens[k].low in _PARTICLES and a.tokens[k].text.islower():
        k += 1
    return k if k > j and k < len(a.tokens) and a.name_ok[k] else j


def _name_run(a: _Analysed, i: int, particle_start: bool = False) -> int:
    """Index after a run of name words starting at `i` ("Luiz Inácio Lula da Silva",
    "Harald V"); `particle_start` lets it open with a particle ("Mrs. van der Berg")."""
    if not particle_start and (i >= len(a.tokens) or not a.name_ok[i]):
        return i  # most positions asked: no name word opens a run there
    key = -1 - i if particle_start else i  # the rules ask about many of the same positions
    end = a.runs.get(key)
    if end is None:
        end = a.runs[key] = _read_name_run(a, i, particle_start)
    return end


def _read_name_run(a: _Analysed, i: int, particle_start: bool) -> int:
    tokens, ok = a.tokens, a.name_ok
    j, count = i, 0
    if particle_start:
        j = _particles_then_name(a, i)
    while j < len(tokens) and count < 6:
        token = tokens[j]
        if j in a.country_tokens:
            break
        if _initial_at(tokens, j) and (count > 0 or ok[j]):  # "Antony J. Blinken", "S. Jaishankar"
            j, count = j + 2, count + 1
        elif ok[j]:
            j, count = j + 1, count + 1
        elif count > 0 and _particles_then_name(a, j) > j:
            j = _particles_then_name(a, j)
        elif count > 0 and token.text in _REGNAL:
            j += 1  # "Harald V", "Abdullah II"
            break
        else:
            break
    return j if count else i


def _run_at(a: _Analysed, i: int) -> int:
    """Like `_name_run`, but "He" followed by a name is a surname ("He Lifeng attended")."""
    if a.tokens[i].text == "He" and i + 1 < len(a.tokens):
        end = _name_run(a, i + 1)
        if end > i + 1:
            return end
    return _name_run(a, i)


def _name_words(tokens: tuple[Token, ...]) -> tuple[str, ...]:
    return tuple(t.text for t in tokens if t.text != ".")


# ---------------------------------------------------------------- titles


def _country_tokens(
    tokens: tuple[Token, ...], spans: list[tuple[int, int, str]]
) -> dict[int, tuple[int, str]]:
    """Token index where a country phrase starts -> (token index after it, code)."""
    found: dict[int, tuple[int, str]] = {}
    for c_start, c_end, code in spans:
        first, last = starting_at(tokens, c_start), ending_at(tokens, c_end)
        if first is not None and last is not None:
            found[first] = (last + 1, code)
    return found


def _of_country(
    tokens: tuple[Token, ...], i: int, countries: dict[int, tuple[int, str]]
) -> tuple[int, str | None]:
    """ "of (the) <country>" at `i`: (index after it, code), else (i, None); a word of
    courtesy may stand before the state ("of the sister Republic of Tunisia")."""
    if i < len(tokens) and tokens[i].low == "of":
        j = i + 1
        if j < len(tokens) and tokens[j].low == "the":
            j += 1
        epithets = lexicon().epithets
        while j not in countries and j < len(tokens):
            size = next(
                (n for n in (3, 2, 1) if tuple(t.low for t in tokens[j : j + n]) in epithets), 0
            )
            if not size:
                break
            j += size
        if j in countries:
            return countries[j]
    return i, None


def _title_text(words: list[str]) -> str:
    return _title_case(tuple(words))


@lru_cache(maxsize=1 << 12)
def _title_case(words: tuple[str, ...]) -> str:
    """ "prime minister" -> "Prime Minister": titles recur, each is cased once (the latest
    4,096 a process met are kept)."""
    small = {"of", "and", "the", "for", "to"}
    out = []
    for n, word in enumerate(words):
        if n and word in small:
            out.append(word)
        else:
            out.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
    return " ".join(out).replace("-Elect", "-elect")


def title_at(
    tokens: tuple[Token, ...],
    i: int,
    countries: dict[int, tuple[int, str]],
    lex: Lexicon | None = None,
) -> Title | None:
    """An office title starting at token `i` ("Deputy Prime Minister and Foreign Minister",
    "caretaker Prime Minister", "President-elect", "head of the Turkish Foreign Ministry")."""
    lex = lex or lexicon()
    if i >= len(tokens):
        return None
    first = tokens[i].low
    if (
        first not in lex.title_starts
        and first not in lex.modifier_starts
        and i not in countries
        and "-" not in first
    ):
        return None  # most words start no title
    parts: list[Title] = []
    j = i
    while True:
        part = _single_title(tokens, j, countries, lex)
        if part is None:
            break
        parts.append(part)
        j = part.end
        if j + 1 < len(tokens) and tokens[j].low == "and":
            nxt = _single_title(tokens, j + 1, countries, lex)
            if nxt is not None:
                j += 1
                continue
        break
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]  # the common case: one office, as `_single_title` read it
    return Title(
        end=parts[-1].end,
        text=" and ".join(p.text for p in parts),
        roles=frozenset(r for p in parts for r in p.roles),
        gender=next((p.gender for p in parts if p.gender), None),
        country=next((p.country for p in parts if p.country), None),
    )


def _single_title(
    tokens: tuple[Token, ...], i: int, countries: dict[int, tuple[int, str]], lex: Lexicon
) -> Title | None:
    words: list[str] = []
    role_words: list[str] = []
    j = i
    country = None
    # modifiers: "Vice", "caretaker", "newly appointed", "then-"
    while j < len(tokens):
        k = _longest(tokens, j, lex.modifiers, lex.modifier_starts)
        if k == j:
            break
        phrase = tuple(t.low for t in tokens[j:k])
        if lex.modifiers[phrase]:
            words.extend(phrase)
            role_words.extend(phrase)
        j = k
    if j in countries:  # "the newly appointed Turkish Foreign Minister"
        j, country = countries[j]
    if j >= len(tokens):
        return None
    first = tokens[j].low
    if "-" in first:  # "then-President", "ex-minister"
        first = _HYPHEN_PREFIX.sub("", first)
    if first not in lex.title_starts and first.removesuffix(_ELECT) not in lex.title_starts:
        return None
    lows = [t.low for t in tokens[j : j + _LONGEST_TITLE]]
    if lows and "-" in lows[0] and _HYPHEN_PREFIX.match(lows[0]):  # most words: no hyphen
        lows[0] = _HYPHEN_PREFIX.sub("", lows[0])
    best: tuple[int, str, str | None, bool] | None = None
    for size in range(1, len(lows) + 1):
        key = tuple(lows[:size])
        elect = key[-1].endswith(_ELECT)
        if elect:
            key = (*key[:-1], key[-1][: -len(_ELECT)])
        if key in lex.titles:
            role, gender = lex.titles[key]
            best = (size, role, gender, elect)
        if key not in lex.title_prefixes:
            break  # no longer title begins with these words
    if best is None:
        return None
    size, role, gender, elect = best
    base = [t.low for t in tokens[j : j + size]]
    j += size
    words.extend(base)
    role_words.extend(role.split())
    if elect and not role_words[-1].endswith(_ELECT):
        role_words[-1] += _ELECT
    role_text = " ".join(role_words)
    # "head of the Turkish Foreign Ministry", "Minister of Foreign Affairs of Ukraine"; a state
    # that ends the phrase is no organisation ("of the Republic of Togo, Mr. ...")
    k, of_code = _of_country(tokens, j, countries)
    state_ends = of_code is not None and (k >= len(tokens) or not tokens[k].text[:1].isalpha())
    if j < len(tokens) and tokens[j].low in ("of", "for") and not state_ends:
        k = j + 1 + (j + 1 < len(tokens) and tokens[j + 1].low == "the")
        org_end, inner = _organisation(tokens, k, countries, lex)
        if org_end > k:
            head = _title_text(words)
            org = tokens[j].text and f"{head} {_span_text(tokens, j, org_end)}"
            return Title(org_end, org, frozenset({org.lower()}), gender, country or inner)
    if role_text.endswith(("minister", "secretary")):
        # "Minister for Foreign Affairs, European Union and Cooperation, Ana Ruiz"
        j = _portfolio_list(tokens, j, countries, lex)
    else:
        j = _portfolio(tokens, j, lex)
    k, of_code = _of_country(tokens, j, countries)
    if of_code:
        country = country or of_code
        j = k
    return Title(
        end=j,
        text=_title_text(words),
        roles=frozenset({role_text}),
        gender=gender,
        country=country,
    )


def _portfolio(tokens: tuple[Token, ...], j: int, lex: Lexicon) -> int:
    """The end of a portfolio after an office other than a minister's: "Commissioner for
    Trade, ...", "Special Envoy for the Sahel who ...". Capitalized words before a comma or
    the sentence's end are the portfolio; otherwise a name may end them, so the words of
    ministries' portfolios are read as far as they go ("Commissioner for Trade Ana Ruiz
    in ..."), and words of no portfolio count only before a lower-case word."""
    if j >= len(tokens) or tokens[j].low != "for":
        return j
    k = j + 1 + (j + 1 < len(tokens) and tokens[j + 1].low == "the")
    end = k
    while end < len(tokens) and (
        tokens[end].text[:1].isupper() or (tokens[end].low == "and" and end > k)
    ):
        end += 1
    if end == k or tokens[end - 1].low == "and":
        return j
    if end == len(tokens) or tokens[end].text == ",":
        return end
    known = k
    while known < end and (
        tokens[known].low in lex.portfolio_nouns or (tokens[known].low == "and" and known > k)
    ):
        known += 1
    while known > k and tokens[known - 1].low == "and":
        known -= 1
    if known > k:
        return known  # "for Trade" then "Ines Aaltonen in ...": the rest is a name
    return end if tokens[end].text[:1].islower() else j


def _portfolio_list(
    tokens: tuple[Token, ...], i: int, countries: dict[int, tuple[int, str]], lex: Lexicon
) -> int:
    """The rest of a ministry's name after a comma: ", European Union and Cooperation",
    ", Trade and Development" - capitalized items, each ending in a portfolio noun, the
    last after "and". Token index after it, or `i`."""
    if i >= len(tokens) or tokens[i].text != ",":
        return i
    k, after_and = i + 1, False
    while True:
        start = k
        while k < len(tokens):
            if k in countries:
                k = countries[k][0]
            elif tokens[k].text[:1].isupper() and tokens[k].text.isalpha():
                k += 1
            else:
                break
        if k == start or tokens[k - 1].low not in lex.portfolio_nouns:
            return i
        if after_and:
            return k
        if k < len(tokens) and tokens[k].low == "and":
            after_and = True
        elif not (k < len(tokens) and tokens[k].text == ","):
            return i
        k += 1


def _span_text(tokens: tuple[Token, ...], i: int, j: int) -> str:
    """The words of tokens[i:j] with their original spacing."""
    out = tokens[i].text
    for prev, token in zip(tokens[i : j - 1], tokens[i + 1 : j], strict=True):
        out += (" " if token.start > prev.end else "") + token.text
    return out


def _organisation(
    tokens: tuple[Token, ...], i: int, countries: dict[int, tuple[int, str]], lex: Lexicon
) -> tuple[int, str | None]:
    """An organisation ending in an organisation noun: "Turkish Foreign Ministry",
    "Ethiopian foreign ministry", "main opposition party"."""
    j, country, last_org = i, None, i
    while j < len(tokens) and j - i < 8:
        if j in countries:
            j, country = countries[j][0], countries[j][1]
            continue
        if (
            _longest(tokens, j, lex.person_verbs, lex.person_verb_starts) > j
            or speech_verb_at(tokens, j, lex) > j
        ):
            break  # "Minister of Foreign Affairs of Ukraine Taras Hnatiuk held talks"
        token = tokens[j]
        if token.low in ("'s", "’s") or (token.text.isalpha() and token.low not in _STOP_ORG):
            j += 1
            if token.low in lex.org_nouns:
                last_org = j
            continue
        break
    return (last_org, country) if last_org > i else (i, None)


# ---------------------------------------------------------------- candidates


@dataclass(init=False)
class _Candidate:
    words: tuple[str, ...]
    text: str
    position: int
    strong: bool
    title: str | None = None
    roles: frozenset[str] = frozenset()
    country: str | None = None
    gender: str | None = None
    styled: str | None = None  # "His Highness": how the text may refer to them later
    written: tuple[str, ...] | None = None  # the words as written, if reordered
    counterpart: bool = False  # "counterpart" with no office known where it is named

    def __init__(
        self,
        words: tuple[str, ...],
        text: str,
        position: int,
        strong: bool,
        title: str | None = None,
        roles: frozenset[str] = frozenset(),
        country: str | None = None,
        gender: str | None = None,
        styled: str | None = None,
        written: tuple[str, ...] | None = None,
        counterpart: bool = False,
    ) -> None:
        self.words = words
        self.text = text
        self.position = position
        self.strong = strong
        self.title = title
        self.roles = roles
        self.country = country
        self.gender = gender
        self.styled = styled
        self.written = written
        self.counterpart = counterpart


def _named(
    a: _Analysed,
    start: int,
    end: int,
    strong: bool,
    title: str | None = None,
    roles: frozenset[str] = frozenset(),
    country: str | None = None,
    gender: str | None = None,
    styled: str | None = None,
    counterpart: bool = False,
) -> _Candidate:
    """The person tokens[start:end] of the sentence name, with the cue that names them. (The
    cue's fields are spelled out: compiled, a call with them is a direct one, where one
    with **keywords builds a dict and calls the class through the interpreter.)"""
    tokens, offset = a.tokens, a.sentence.start
    return _Candidate(
        words=_name_words(tokens[start:end]),
        text=a.sentence.text[tokens[start].start - offset : _name_end(tokens, end) - offset],
        position=tokens[start].start,
        strong=strong,
        title=title,
        roles=roles,
        country=country,
        gender=gender,
        styled=styled,
        counterpart=counterpart,
    )


@dataclass(init=False)
class _Person:
    words: tuple[str, ...]
    text: str
    title: str | None
    roles: frozenset[str]
    country: str | None
    gender: str | None
    forms: set[tuple[str, ...]] = field(default_factory=set)
    styled: str | None = None
    named_country: str | None = None  # the country the text names with the person
    counterpart_at: list[int] = field(default_factory=list)  # offsets of "counterpart X"

    def __init__(
        self,
        words: tuple[str, ...],
        text: str,
        title: str | None,
        roles: frozenset[str],
        country: str | None,
        gender: str | None,
        forms: set[tuple[str, ...]] | None = None,
        styled: str | None = None,
        named_country: str | None = None,
        counterpart_at: list[int] | None = None,
    ) -> None:
        self.words = words
        self.text = text
        self.title = title
        self.roles = roles
        self.country = country
        self.gender = gender
        self.forms = set() if forms is None else forms
        self.styled = styled
        self.named_country = named_country
        self.counterpart_at = [] if counterpart_at is None else counterpart_at


# one is made per sentence; nothing compares or hashes it, and nothing assigns its fields later
@dataclass(eq=False, slots=True, init=False)
class _Analysed:
    """A sentence's tokens and where its country phrases are."""

    sentence: Sentence
    tokens: tuple[Token, ...]
    countries: dict[int, tuple[int, str]]
    country_tokens: frozenset[int]
    name_ok: tuple[bool, ...]  # whether each token can be part of a name
    may_start: tuple[bool, ...]  # whether a name, title, honorific or rank may start there
    title_start: tuple[bool, ...]  # whether a title, or a plural one, may start there
    particle: tuple[bool, ...]  # `_WordKind.particle` of each token
    form_end: tuple[bool, ...]  # `_WordKind.form_end` of each token
    article: tuple[bool, ...]  # `_WordKind.article` of each token
    pronouns: list[int]  # the tokens whose `_WordKind.pronoun` holds, in order
    titles: dict[int, Title | None] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    # `_name_run` from each token asked (-1 - i: from token i, a particle allowed first)
    runs: dict[int, int] = field(default_factory=dict, init=False, compare=False, repr=False)
    # `_plural_title_at` in any case from each token asked
    plurals: dict[int, _Plural | None] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def __init__(
        self,
        sentence: Sentence,
        tokens: tuple[Token, ...],
        countries: dict[int, tuple[int, str]],
        country_tokens: frozenset[int],
        name_ok: tuple[bool, ...],
        may_start: tuple[bool, ...],
        title_start: tuple[bool, ...],
        particle: tuple[bool, ...],
        form_end: tuple[bool, ...],
        article: tuple[bool, ...],
        pronouns: list[int],
    ) -> None:
        self.sentence = sentence
        self.tokens = tokens
        self.countries = countries
        self.country_tokens = country_tokens
        self.name_ok = name_ok
        self.may_start = may_start
        self.title_start = title_start
        self.particle = particle
        self.form_end = form_end
        self.article = article
        self.pronouns = pronouns
        self.titles = {}
        self.runs = {}
        self.plurals = {}

    @property
    def subject(self) -> int:
        """Where the main clause starts (`subject_start`), found once: several rules ask."""
        return sentence_subject(self.sentence)

    def plural_title_at(self, i: int, lex: Lexicon, any_case: bool = False) -> _Plural | None:
        """`_plural_title_at` over this sentence, read once for each token in any case: the
        pair rules ask at the same positions. The plural title without `any_case` is that
        one when all its words are capitalized, and none otherwise (the capitalized reading
        stops at the first word that is not, before any longer title)."""
        if i not in self.plurals:
            self.plurals[i] = _plural_title_at(self.tokens, i, lex, any_case=True)
        found = self.plurals[i]
        if any_case or found is None:
            return found
        return found if all(t.text[:1].isupper() for t in self.tokens[i : found[0]]) else None

    def title_at(self, i: int, lex: Lexicon) -> Title | None:
        """`title_at` over this sentence, read once for each token: the rules for people,
        appositives and titles used alone ask about many of the same positions."""
        if i not in self.titles:
            self.titles[i] = title_at(self.tokens, i, self.countries, lex)
        return self.titles[i]


def _capital_surname(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    """A surname in capitals before the given name, after a title or honorific ("Mr.
    TANAKA Hiroshi", "Prime Minister TANAKA Hiroshi")."""
    token = tokens[k]
    if not (0 < k < len(tokens) - 1 and len(token.text) > 2 and token.text.isalpha()):
        return False
    if not token.text.isupper() or token.low in lex.non_names:
        return False
    given, before = tokens[k + 1], tokens[k - 1]
    return (
        given.text[:1].isupper()
        and not given.text.isupper()
        and _word_kind(given.text, given.low).name
        and (before.text in lex.form_ends or before.low in lex.title_ends)
    )


def _loose_form_word(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    """A capitalized word of a longer honorific or rank ("Tan" of "Tan Sri") that is no
    part of one here is a name word: "Prime Minister Tan", "Marcus Tan Wei Ming"."""
    token = tokens[k]
    if (
        token.text not in lex.form_words
        or not token.text[:1].isupper()
        or token.text in ("His", "Her", "The")
        or token.low in lex.non_names
        or token.low in lex.title_starts
        or (token.text,) in lex.honorifics
        or (token.text,) in lex.ranks
    ):
        return False
    return all(_forms_at(tokens, h, lex)[0] <= k for h in range(max(0, k - 3), k + 1))


def _initial_at(tokens: tuple[Token, ...], j: int) -> bool:
    """A capital letter and its full stop ("J." of "Antony J. Blinken")."""
    token = tokens[j]
    return (
        len(token.text) == 1
        and token.text.isupper()
        and j + 1 < len(tokens)
        and tokens[j + 1].text == "."
    )


def _leading_initial(
    tokens: tuple[Token, ...], k: int, names: tuple[bool, ...], lex: Lexicon, inside: frozenset[int]
) -> bool:
    """An initial that opens a name: one spaced from what follows ("S. Jaishankar", "M. K.
    Stalin"), or two or three joined ("J.D. Vance"). Joined capitals are no initials where
    they name a country ("U.S. Treasury"), follow "the" ("the U.N. envoy"), or are an
    abbreviation the lexicon lists ("U.N.", "P.M.")."""
    if k > 0 and tokens[k - 1].end == tokens[k].start:
        return False
    joined = _joined_initials_end(tokens, k)
    if joined > k:
        written = "".join(t.text for t in tokens[k:joined]).lower()
        if k in inside or written in lex.abbreviations or (k > 0 and tokens[k - 1].low == "the"):
            return False
        return joined < len(tokens) and names[joined]
    for j in range(k, min(k + 6, len(tokens) - 2), 2):
        dot, after = tokens[j + 1], tokens[j + 2]
        if not _initial_at(tokens, j) or dot.start != tokens[j].end or after.start == dot.end:
            return False  # "S." must stand alone: "U.S." is no initial
        if names[j + 2]:
            return True
    return False


def _joined_initials_end(tokens: tuple[Token, ...], k: int) -> int:
    """The token after two or three initials joined from token k ("J.D.", "A.B.C."), or k."""
    j = k
    while j - k < 6 and j < len(tokens) and _initial_at(tokens, j):
        if tokens[j + 1].start != tokens[j].end or (j > k and tokens[j].start != tokens[j - 1].end):
            break
        j += 2
    if k < j < len(tokens) and tokens[j].start == tokens[j - 1].end:
        return k  # more joined after them, or no space before the name: "U.S.-led", "A.B.C.D."
    return j if j - k >= 4 else k


def _romanised_surname(
    tokens: tuple[Token, ...], k: int, lex: Lexicon, surnames: frozenset[str]
) -> bool:
    """A surname that is also a common noun, before a romanised given name ("Foreign
    Minister Park Min-seo") or, once the text names such a person, alone ("Park said")."""
    token = tokens[k]
    if not token.text[:1].isupper() or token.text.isupper() or token.low not in lex.non_names:
        return False
    if token.low in lex.title_starts:
        return False
    given = tokens[k + 1].text if k + 1 < len(tokens) else ""
    return token.low in surnames or ("-" in given and bool(_ROMANISED_GIVEN.fullmatch(given)))


def _surname_first_caps(words: tuple[str, ...]) -> tuple[str, ...]:
    """("TANAKA", "Hiroshi") -> ("Hiroshi", "Tanaka"): the order and case of the rest of
    the text."""
    if len(words) == 2 and len(words[0]) > 2 and words[0].isupper() and not words[1].isupper():
        return (words[1], words[0].capitalize())
    return words


def _analyse(
    text: str,
    sentence: Sentence,
    spans: list[tuple[int, int, str]],
    surnames: frozenset[str] = frozenset(),
) -> _Analysed:
    tokens = sentence.tokens
    countries = _country_tokens(tokens, spans)
    inside = frozenset(k for first, (after, _) in countries.items() for k in range(first, after))
    lex = lexicon()
    kinds = [_word_kind(token.text, token.low) for token in tokens]
    if not kinds:
        return _Analysed(sentence, tokens, countries, inside, (), (), (), (), (), (), [])
    # the kinds' fields as columns, one tuple each: a compiled loop per column reads each
    # field by its index (`_WordKind`'s order), where zip(*kinds) called the interpreter
    # and built a tuple per column through an iterator per word
    name_ok = [kind[0] for kind in kinds]
    title_start = tuple(kind[2] for kind in kinds)
    honorific = tuple(kind[5] for kind in kinds)
    particle = tuple(kind[6] for kind in kinds)
    form_end = tuple(kind[7] for kind in kinds)
    article = tuple(kind[8] for kind in kinds)
    # the pronouns' positions, read by `_resolve_pronouns` (most sentences have none)
    pronouns = [k for k, kind in enumerate(kinds) if kind[9]]
    names = tuple(name_ok)
    # a capitalized word that is no name word may be one beside its neighbours: only those
    # words are visited
    for k in [k for k, kind in enumerate(kinds) if kind[4]]:
        name_ok[k] = (
            _capital_surname(tokens, k, lex)
            or _loose_form_word(tokens, k, lex)
            or _romanised_surname(tokens, k, lex, surnames)
            or _leading_initial(tokens, k, names, lex, inside)
        )
    named = _inner_honorifics(honorific, name_ok)
    # a compiled loop (`_WordKind.starts` is field 1): map(or_, ...) called `or_` through
    # the interpreter for every word
    may_start = tuple([named[k] or kind[1] for k, kind in enumerate(kinds)])
    return _Analysed(
        sentence, tokens, countries, inside, named, may_start, title_start,
        particle, form_end, article, pronouns,
    )  # fmt: skip


def _inner_honorifics(honorific: tuple[bool, ...], name_ok: list[bool]) -> tuple[bool, ...]:
    """An honorific of one word between two name words is a word of the name: "Hassan
    Sheikh Mohamud", "Sharif Sheikh Ahmed". Before a name it would style the name; after
    one, nothing styles a person. `honorific` says of each word whether it is one
    (`_WordKind.honorific`)."""
    last = len(name_ok) - 1
    inner = [
        k
        for k in compress(count(), honorific)
        if 0 < k < last and not name_ok[k] and name_ok[k - 1] and name_ok[k + 1]
    ]
    for k in inner:  # the common case: none, and the words stay as they are
        name_ok[k] = True
    return tuple(name_ok)


def _appositive(a: _Analysed, j: int, lex: Lexicon) -> Title | None:
    """ ", (the|a) [country] Title [of Country]" after a name at token `j`."""
    tokens = a.tokens
    if j >= len(tokens) or tokens[j].text != ",":
        return None
    k = j + 1
    if k < len(tokens) and tokens[k].low in ("the", "a", "an"):
        k += 1
    country = None
    if k in a.countries:
        k, country = a.countries[k]
        if k < len(tokens) and tokens[k].low == "'s":
            k += 1  # "Kenya's Cabinet Secretary"
    title = a.title_at(k, lex)
    if title is None:
        return None
    end = title.end
    # "X, the president, ..." must end the appositive; a capital after it means a list
    if (
        end < len(tokens)
        and tokens[end].text not in (",", ".", ";", ")", "—", "–")
        and tokens[end].text[:1].isupper()
    ):
        return None
    return Title(title.end, title.text, title.roles, title.gender, title.country or country)


def _after_gloss(tokens: tuple[Token, ...], j: int) -> int:
    """Past the office's name in the local language, in brackets, after the office:
    "The Head of Government (Cap de Govern), Marc Casals,"."""
    if j >= len(tokens) or tokens[j].text != "(":
        return j
    for k in range(j + 1, min(j + 6, len(tokens))):
        if tokens[k].text == ")":
            return k + 1 if k > j + 1 else j
        if not tokens[k].text[:1].isalpha():
            return j
    return j


def _courtesy_rank(a: _Analysed, title: Title, i: int, lex: Lexicon) -> int | None:
    """Where the name starts after the rank of a career diplomat who holds a minister's
    office ("Brazil's Minister of Foreign Affairs, Ambassador Rui Costa,"); None when no
    such rank and closed name follow. The minister's office is the one held."""
    if not any(r.endswith(("minister", "secretary")) for r in title.roles):
        return None
    rank = a.title_at(i, lex)
    if rank is None or rank.roles != frozenset({"ambassador"}) or rank.country is not None:
        return None
    return rank.end if _closed_appositive(a, rank.end, lex) else None


def _closed_appositive(a: _Analysed, i: int, lex: Lexicon) -> bool:
    """A name at `i` that a comma, a period or the end closes: "Vice Premier, Mr. Ding, met"."""
    j = _forms_at(a.tokens, i, lex)[0]  # "Dr. the Hon.", "Lt. Gen."
    end = _name_run(a, j)
    return end > j and (end == len(a.tokens) or a.tokens[end].text in (",", ".", ";", ")"))


def _singular(word: str) -> str:
    """ "presidents" -> "president", "secretaries" -> "secretary"; other words unchanged."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _plural_title_at(
    tokens: tuple[Token, ...], i: int, lex: Lexicon, any_case: bool = False
) -> _Plural | None:
    """A plural office title starting at `i` ("Presidents", "Foreign Ministers"): (index
    after it, the singular title as written, its roles, its gender), or None. Lower case
    ("the foreign ministers of ...") only with `any_case`."""
    if i >= len(tokens) or not (any_case or tokens[i].text[:1].isupper()):
        return None
    if not _word_kind(tokens[i].text, tokens[i].low).title_start:
        return None  # no title's first word, in the singular or plural
    for size in range(1, 5):
        if i + size > len(tokens):
            return None
        last = tokens[i + size - 1]
        if not (any_case or last.text[:1].isupper()):
            return None
        singular = _singular(last.low)
        if singular != last.low:
            key = (*(t.low for t in tokens[i : i + size - 1]), singular)
            if key in lex.titles:
                role, gender = lex.titles[key]
                return i + size, _title_text(list(key)), frozenset({role}), gender
    return None


def _plural_title_pair(a: _Analysed, i: int, lex: Lexicon) -> tuple[list[_Candidate], int]:
    """ "Presidents Ana Lima and Tom Berg": two people, each with the singular title,
    and the token index after the second name; ([], i) if there is no such pair. Each
    name may be followed by its state ("Presidents Ana Lima of Chile and Tom Berg of
    Norway"), which is then that person's country."""
    if i >= len(a.tokens) or not a.title_start[i]:
        return [], i  # the common case, read from the analysis: no title starts here
    plural = a.plural_title_at(i, lex)
    if plural is None:
        return [], i
    j, title, roles, gender = plural
    first_end = _name_run(a, j, particle_start=True)
    and_at, first_country = _of_country(a.tokens, first_end, a.countries)
    if first_end == j or and_at >= len(a.tokens) or a.tokens[and_at].low != "and":
        return [], i
    second_end = _name_run(a, and_at + 1, particle_start=True)
    if second_end == and_at + 1:
        return [], i
    after_pair, second_country = _of_country(a.tokens, second_end, a.countries)
    if (first_country is None) != (second_country is None):
        after_pair = second_end  # one state for two people is no pair of states
        first_country = second_country = None
    spans = ((j, first_end, first_country), (and_at + 1, second_end, second_country))
    return _titled_pair(a, spans, title, roles, gender), after_pair


def _titled_pair(
    a: _Analysed,
    spans: tuple[tuple[int, int, str | None], ...],
    title: str,
    roles: frozenset[str],
    gender: str | None,
) -> list[_Candidate]:
    """The people a plural title names, each (start, end, state) with the singular title."""
    return [
        _named(a, start, end, strong=True, title=title, roles=roles, country=country, gender=gender)
        for start, end, country in spans
    ]


def _respective_pair(a: _Analysed, i: int, lex: Lexicon) -> tuple[list[_Candidate], int]:
    """ "the presidents of Chile and Norway, Ana Lima and Tom Berg,": two people, each with
    the singular title and, in the order written, the state named for them; ([], i) if
    there is no such pair."""
    tokens = a.tokens
    plural = a.plural_title_at(i, lex, any_case=True)
    if plural is None:
        return [], i
    j, title, roles, gender = plural
    and_at, first_country = _of_country(tokens, j, a.countries)
    if first_country is None or and_at >= len(tokens) or tokens[and_at].low != "and":
        return [], i
    k = and_at + 1
    if k < len(tokens) and tokens[k].low == "the":
        k += 1
    if k not in a.countries:
        return [], i
    comma, second_country = a.countries[k]
    if comma >= len(tokens) or tokens[comma].text != "," or second_country == first_country:
        return [], i
    first_end = _name_run(a, comma + 1, particle_start=True)
    if first_end == comma + 1 or first_end >= len(tokens) or tokens[first_end].low != "and":
        return [], i
    second_end = _name_run(a, first_end + 1, particle_start=True)
    if second_end == first_end + 1 or (
        second_end < len(tokens) and tokens[second_end].text not in (",", ".", ";")
    ):
        return [], i
    spans = ((comma + 1, first_end, first_country), (first_end + 1, second_end, second_country))
    return _titled_pair(a, spans, title, roles, gender), second_end


def _candidates(a: _Analysed, lex: Lexicon) -> list[_Candidate]:
    """People named in one body sentence, with the cue that names them."""
    tokens, found = a.tokens, []
    opens: Iterable[bool] = a.may_start
    if a.countries:  # a country phrase may open a title ("Kenyan Foreign Minister")
        opens = list(opens)
        for k in a.countries:
            opens[k] = True
    i = 0  # the first token not read yet
    # most words start nothing (a title starts only where `may_start` says one may): compress
    # picks the others in C, where a Python loop would test every word
    for start in compress(count(), opens):
        if start < i:
            continue  # inside a name or title read from an earlier token
        i = start
        if a.title_start[i]:
            pair, after_pair = _respective_pair(a, i, lex)
            if pair:
                found.extend(pair)
                i = after_pair
                continue
        pair, after_pair = _plural_title_pair(a, i, lex)
        if pair:
            found.extend(pair)
            i = after_pair
            continue
        country = None
        start = i
        if i in a.countries:
            after, country = a.countries[i]
            if after < len(tokens) and tokens[after].low == "'s":
                after += 1
            if a.title_at(after, lex) is None:
                i = a.countries[i][0]
                continue
            i = after
        title = a.title_at(i, lex)
        gender = None
        if title is not None:
            j = _after_gloss(tokens, title.end)
            if j < len(tokens) and tokens[j].text == "," and _closed_appositive(a, j + 1, lex):
                j += 1  # "the Prime Minister, Mark Carney,"
            elif j < len(tokens) and tokens[j].text == ",":
                j = _courtesy_rank(a, title, j + 1, lex) or j
            j, gender, styled = _forms_at(tokens, j, lex)
            styled = styled or _style_before(tokens, start, lex)
            end = _name_run(a, j, particle_start=True)
            if end > j:
                after_name, of_code = _of_country(tokens, end, a.countries)
                office: tuple[str | None, frozenset[str]] = (title.text, title.roles)
                if title.roles == _COUNTERPART:
                    office = _counterpart_office(tokens, start, found)
                found.append(
                    _named(
                        a,
                        j,
                        end,
                        strong=True,
                        title=office[0],
                        roles=office[1],
                        country=country or title.country or of_code,
                        gender=gender or title.gender,
                        styled=styled,
                        counterpart=title.roles == _COUNTERPART
                        and not office[1]
                        and bool(start)
                        and tokens[start - 1].low in ("his", "her"),
                    )
                )
                i = after_name
                continue
            i = max(title.end, start + 1)
            continue
        if country is not None:
            i = a.countries[start][0]
            continue
        j, gender, styled = _forms_at(tokens, i, lex)
        cue = j > i
        end = _name_run(a, j, particle_start=True) if cue else _run_at(a, j)
        if end == j:
            i = max(j, i + 1)
            continue
        words = _name_words(tokens[j:end])
        apposition = _appositive(a, end, lex)
        after_name, of_code = _of_country(tokens, end, a.countries)
        verb_at = skip_auxiliaries(tokens, end)
        verb = speech_verb_at(tokens, verb_at, lex) > verb_at or (
            _longest(tokens, verb_at, lex.person_verbs, lex.person_verb_starts) > verb_at
        )
        preceded_by_the = j > 0 and tokens[j - 1].low == "the"
        followed_by_org = (
            end < len(tokens)
            and tokens[end].low in lex.non_names
            and tokens[end].text[:1].isupper()
        )
        a_place = _lower(words) in lex.places  # (asked once: two rules read it)
        place = a_place or (j > 0 and tokens[j - 1].low in _LOCATIVE)
        if not cue and (a_place or preceded_by_the):
            # "talks in Bishkek, the Tajik president's office said"; "activities in the
            # Pacific, the New Zealand leader said": a place before the office, no name
            apposition = None
        strong = cue or apposition is not None
        weak = (
            len(words) >= 2
            and not preceded_by_the
            and not followed_by_org
            and not place
            and not demonym_length(words)  # "the East African Crude Oil Pipeline"
        )
        if strong or weak:
            found.append(
                _named(
                    a,
                    j,
                    end,
                    strong=strong or (weak and verb),
                    title=apposition.text if apposition else None,
                    roles=apposition.roles if apposition else frozenset(),
                    country=(apposition.country if apposition else None) or of_code,
                    gender=gender or (apposition.gender if apposition else None),
                    styled=styled,
                )
            )
        i = apposition.end if apposition else max(after_name, end)
    for n, cand in enumerate(found):
        words = _surname_first_caps(cand.words)
        if words != cand.words:
            found[n] = replace(cand, words=words, text=" ".join(words), written=cand.words)
    return found


def _counterpart_office(
    tokens: tuple[Token, ...], start: int, found: list[_Candidate]
) -> tuple[str | None, frozenset[str]]:
    """ "his Ghanaian counterpart Ama Boateng": she holds the office of the person "his"
    refers to, the last one named before it in the sentence."""
    if start and tokens[start - 1].low in ("his", "her") and found and found[-1].roles:
        return found[-1].title, found[-1].roles
    return None, frozenset()


def _name_end(tokens: tuple[Token, ...], end: int) -> int:
    """Document offset where a name ending before token `end` stops: a suffix keeps its
    period ("Ferdinand R. Marcos Jr.")."""
    last = tokens[end - 1]
    if (
        last.text in _SUFFIXES
        and end < len(tokens)
        and tokens[end].text == "."
        and tokens[end].start == last.end
    ):
        return tokens[end].end
    return last.end


def _style_before(tokens: tuple[Token, ...], i: int, lex: Lexicon) -> str | None:
    """A "His/Her ..." style right before a title at `i` ("His Majesty King Abdullah",
    "His Highness the Crown Prince Sheikh ..."): the text may later call the person by
    the style alone."""
    ends = (i, i - 1) if i and tokens[i - 1].low == "the" else (i,)
    for h in range(max(0, i - 5), i):
        if tokens[h].text in ("His", "Her"):
            end = _honorific_at(tokens, h, lex)[0]
            if end in ends and end > h:
                return " ".join(t.text for t in tokens[h:end])
    return None


def _alone_words(analysed: list[_Analysed], lex: Lexicon) -> set[str]:
    """Words used alone as a one-word name somewhere in the body ("Macron defeated")."""
    alone = set()
    for a in analysed:
        if a.sentence.kind != "body":
            continue
        free = 0  # the first token after the runs read
        # only name words open a run: compress picks them in C
        for i in compress(count(), a.name_ok):
            if i < free:
                continue
            end = _name_run(a, i)
            if end == i + 1:
                alone.add(a.tokens[i].text)
            free = max(end, i + 1)
    return alone


def _compatible(words: tuple[str, ...], person: _Person) -> bool:
    """Same person: one name's words inside the other's, or same surname and initial."""
    mine, theirs = {w.lower() for w in words}, {w.lower() for w in person.words}
    if mine <= theirs or theirs <= mine:
        return True
    return (
        len(words) > 1
        and len(person.words) > 1
        and words[-1].lower() == person.words[-1].lower()
        and words[0][0] == person.words[0][0]
    )


def _merge(candidates: list[_Candidate], alone: set[str]) -> list[_Person]:
    people: list[_Person] = []
    multi = [c for c in candidates if len(c.words) > 1 and (c.strong or set(c.words) & alone)]
    single = [c for c in candidates if len(c.words) == 1]
    for cand in sorted(multi, key=lambda c: c.position) + single:
        matches = [p for p in people if _compatible(cand.words, p)]
        if len(matches) > 1:
            exact = [p for p in matches if cand.words in p.forms]
            matches = exact if len(exact) == 1 else matches
        if len(matches) == 1:
            person = matches[0]
            if {w.lower() for w in person.words} < {w.lower() for w in cand.words}:
                person.words, person.text = cand.words, cand.text  # a fuller form
            person.forms.add(cand.words)
            if cand.written:
                person.forms.add(cand.written)
            person.title = person.title or cand.title
            person.roles = person.roles or cand.roles
            person.country = person.country or cand.country
            person.gender = person.gender or cand.gender
            person.styled = person.styled or cand.styled
            if cand.counterpart:
                person.counterpart_at.append(cand.position)
        elif not matches and (len(cand.words) > 1 or cand.strong):
            people.append(
                _Person(
                    words=cand.words,
                    text=cand.text,
                    title=cand.title,
                    roles=cand.roles,
                    country=cand.country,
                    gender=cand.gender,
                    forms={cand.words, *([cand.written] if cand.written else [])},
                    styled=cand.styled,
                    counterpart_at=[cand.position] if cand.counterpart else [],
                )
            )
    return people


def _counterpart_offices(
    analysed: list[_Analysed], per_sentence: list[list[Reference]], people: list[_Person]
) -> None:
    """ "With his Iraqi counterpart Ali Kareem, Aydin said ...": when nobody with an office is
    named before the counterpart, the one other person of the sentence, once the text has
    given them an office, is whose office the counterpart holds. Two or more others, or one
    without an office, give nothing."""
    for person in people:
        if person.roles or not person.counterpart_at:
            continue
        me = people.index(person)
        for a, refs in zip(analysed, per_sentence, strict=True):
            if not any(a.sentence.start <= at < a.sentence.end for at in person.counterpart_at):
                continue
            others = {r.person for r in refs if r.person is not None and r.person != me}
            if len(others) == 1:
                (other,) = others
                if people[other].roles:
                    person.title, person.roles = people[other].title, people[other].roles
            break


# ---------------------------------------------------------------- mentions


def _surname(person: _Person) -> tuple[str, ...]:
    words = person.words
    while len(words) > 1 and (words[-1] in _SUFFIXES or words[-1] in _REGNAL):
        words = words[:-1]  # "Ferdinand Marcos Jr" -> Marcos
    if len(words) == 1:
        return words
    if person.country in _SURNAME_FIRST or (
        len(words) == 2 and _ROMANISED_GIVEN.fullmatch(words[1])
    ):
        return words[:1]
    for k in range(1, len(words) - 1):
        if words[k].lower() in _SURNAME_PARTICLES:
            return words[k:]
    return words[-1:]


def _noun_surnames(people: list[_Person], lex: Lexicon) -> frozenset[str]:
    """Surnames of the text's people that are also common nouns ("Park" of "Park Min-seo")."""
    found = set()
    for person in people:
        surname = _surname(person)
        if len(surname) == 1 and len(person.words) > 1 and surname[0].lower() in lex.non_names:
            found.add(surname[0].lower())
    return frozenset(found)


def _aliases(
    people: list[_Person],
    alone: set[str],
    lex: Lexicon,
    noun_surnames: frozenset[str] = frozenset(),
) -> dict[tuple[str, ...], tuple[int, str]]:
    """Word tuple -> (person index, mention kind); ambiguous aliases are dropped. A surname
    that is also a noun ("Park") is an alias only when `noun_surnames` holds it."""
    table: dict[tuple[str, ...], set[tuple[int, str]]] = defaultdict(set)
    for n, person in enumerate(people):
        for form in person.forms | {person.words}:
            kind = "name" if len(form) > 1 or form == person.words else "surname"
            table[_lower(form)].add((n, kind))
        surname = _surname(person)
        if (
            len(surname) > 1
            or surname[0].lower() not in lex.non_names
            or surname[0].lower() in noun_surnames
        ):
            table[_lower(surname)].add((n, "surname"))
        for word in person.words:
            if word in alone and word.lower() not in lex.non_names:
                table[(word.lower(),)].add((n, "surname"))
            bare = _ARABIC_PREFIX_TEXT.sub("", word) if "-" in word else word  # "al-", "el-"
            if bare != word and bare in alone:
                table[(bare.lower(),)].add((n, "surname"))  # "al-Sisi" -> "Sisi"
    result = {}
    for words, owners in table.items():
        who = {n for n, _ in owners}
        if len(who) == 1:
            kinds = {k for _, k in owners}
            result[words] = (who.pop(), "name" if "name" in kinds else "surname")
    return result


def _lower(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(str.lower, words))


def _match_name(
    tokens: tuple[Token, ...],
    i: int,
    end: int,
    aliases: dict[tuple[str, ...], tuple[int, str]],
    headline: bool,
) -> tuple[int, int, str] | None:
    """(person, token end, kind) for a known name in the run tokens[i:end]."""
    words = [(k, t.low) for k, t in enumerate(tokens[i:end], start=i) if t.text != "."]
    for size in range(len(words), 0, -1):
        key = tuple(w for _, w in words[:size])
        if key in aliases and (size == len(words) or headline):
            person, kind = aliases[key]
            return person, words[size - 1][0] + 1, kind
    return None


@dataclass(init=False)
class Reference:
    """A reference to a person in a sentence: `person` indexes the people list, `token`
    is the index of its first token in the sentence."""

    start: int
    end: int
    kind: str
    person: int | None = None
    roles: frozenset[str] = frozenset()
    country: str | None = None
    gender: str | None = None
    token: int = 0
    style: str | None = None  # "His Highness", for a style used alone

    def __init__(
        self,
        start: int,
        end: int,
        kind: str,
        person: int | None = None,
        roles: frozenset[str] = frozenset(),
        country: str | None = None,
        gender: str | None = None,
        token: int = 0,
        style: str | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.person = person
        self.roles = roles
        self.country = country
        self.gender = gender
        self.token = token
        self.style = style


def _title_refs(a: _Analysed, lex: Lexicon) -> list[Reference]:
    """Titles used as references: "the [country] title [of country]", or a capitalized
    title without article ("Prime Minister conveyed his greetings"), not followed by a
    name; and styles used alone ("His Highness thanked ...")."""
    tokens, refs = a.tokens, []
    # where a name, title or style may start, an article, a country phrase
    for i in _title_positions(a):
        token = tokens[i]
        if token.text in ("His", "Her"):
            end, _ = _honorific_at(tokens, i, lex)
            after_forms = _forms_at(tokens, i, lex)[0]
            k = after_forms + (after_forms < len(tokens) and tokens[after_forms].low == "the")
            title = a.title_at(k, lex)
            if title is not None:
                named = _forms_at(tokens, title.end, lex)[0]
                if _name_run(a, named) > named:
                    continue  # "His Majesty King Abdullah II", "His Highness the Amir Sheikh
                    # Tamim": the style of a name
            if end > i + 1 and not (after_forms < len(tokens) and a.name_ok[after_forms]):
                style = " ".join(t.text for t in tokens[i:end])
                refs.append(Reference(token.start, tokens[end - 1].end, "title", token=i,
                                      style=style))  # fmt: skip
            continue
        if token.low == "the":
            k = i + 1
        elif a.title_start[i] and _bare_title_start(a, i, lex):
            k = i  # (a bare title's first word is a title's: `title_start` holds for it)
        elif (
            i in a.countries
            and a.countries[i][0] < len(tokens)
            and tokens[a.countries[i][0]].low == "'s"
            and not (i and tokens[i - 1].low == "the")
        ):
            k = i  # "Norway's foreign minister"
        else:
            continue
        country = None
        if k in a.countries:
            after, country = a.countries[k]
            k = after + (after < len(tokens) and tokens[after].low == "'s")
        title = a.title_at(k, lex)
        if title is None or title.roles == _COUNTERPART:
            continue
        if title.roles == _OFFICIAL and not (country or title.country):
            continue  # "the official visit", "the official": no state, nobody in particular
        end = title.end
        if end + 1 < len(tokens) and tokens[end].text == "/":
            other = a.title_at(end + 1, lex)
            end = (
                other.end if other is not None else end
            )  # "the High Representative/Vice-President"
        glossed = _after_gloss(tokens, end)
        if end < len(tokens) and (
            _name_run(a, end, particle_start=True) > end
            or (
                glossed < len(tokens)
                and tokens[glossed].text == ","
                and (
                    _name_after_forms(a, glossed + 1, lex)
                    or _courtesy_rank(a, title, glossed + 1, lex) is not None
                )
            )
            or _forms_at(tokens, end, lex)[0] > end
            or tokens[end].low == "'s"
        ):
            continue  # a title that introduces a name, or an office: "Prime Minister's Office"
        refs.append(
            Reference(
                tokens[i].start,
                tokens[end - 1].end,
                "title",
                roles=title.roles,
                country=country or title.country,
                gender=title.gender,
                token=i,
            )
        )
    return refs


def _name_after_forms(a: _Analysed, i: int, lex: Lexicon) -> bool:
    """A name at `i`, after any honorifics: "Mark Carney", "Dr. the Hon. Mia Ellis"."""
    j = _forms_at(a.tokens, i, lex)[0]
    return _name_run(a, j) > j


def _title_key(ref: Reference) -> tuple[frozenset[str], str | None]:
    return (ref.roles or frozenset({ref.style or ""}), ref.country)


def _bare_title_start(a: _Analysed, i: int, lex: Lexicon) -> bool:
    """A capitalized title with no article or country before it ("thanked Prime Minister")."""
    token = a.tokens[i]
    if not token.text[:1].isupper() or token.low not in lex.title_starts:
        return False
    if i == 0:
        return True
    previous = a.tokens[i - 1]
    return not previous.text[:1].isupper() and previous.low not in ("the", "a", "an", "'s")


_LEADER_ROLES = frozenset(
    {"president", "prime minister", "chancellor", "king", "queen", "emir", "sultan", "emperor",
     "president-elect", "prime minister-elect", "head of state", "head of government",
     "supreme leader", "taoiseach", "monarch", "crown prince"}
)  # fmt: skip


_HEADS_OF_STATE = frozenset(
    {"president", "king", "queen", "emir", "sultan", "emperor", "monarch", "grand duke"}
)
_HEADS_OF_GOVERNMENT = frozenset(
    {"prime minister", "chancellor", "taoiseach", "first minister", "president of the government"}
)


_DIPLOMATS = frozenset({"ambassador", "envoy", "special envoy", "high representative"})


def _plain_roles(held: frozenset[str]) -> frozenset[str]:
    """ "president of the republic" is also a "president"; a "secretary of state" is "the
    Secretary" of a readout."""
    return (
        held
        | {r.removesuffix(" of the republic") for r in held}
        | {"secretary" for r in held if r.startswith("secretary of ")}
    )


def _role_fits(wanted: frozenset[str], held: frozenset[str]) -> bool:
    held = _plain_roles(held)
    if wanted & held:
        return True
    if wanted & {"minister", "secretary"}:
        # "the Norwegian minister" for a foreign minister, never for a prime minister
        heads = {w for w in wanted if w in ("minister", "secretary")}
        return any(r.endswith(tuple(f" {h}" for h in heads)) and "prime" not in r for r in held)
    if "leader" in wanted:
        return bool(held & _LEADER_ROLES)
    if "official" in wanted:  # "the Vietnamese official": anyone who holds an office
        return bool(held)
    if "diplomat" in wanted:  # "the Bulgarian diplomat", "Georgia's top diplomat"
        return any("foreign" in r or r in _DIPLOMATS for r in held)
    if "head of state" in wanted:
        return bool(held & _HEADS_OF_STATE)
    if "head of government" in wanted:
        return bool(held & _HEADS_OF_GOVERNMENT)
    if "monarch" in wanted:
        return bool(held & {"king", "queen", "emperor", "sultan", "emir"})
    return False


def _title_candidates(ref: Reference, people: list[_Person]) -> list[int]:
    if ref.style is not None:
        return [n for n, p in enumerate(people) if p.styled == ref.style]
    fits = [n for n, p in enumerate(people) if _role_fits(ref.roles, p.roles)]
    if ref.country is None:
        # "The Prime Minister congratulated ..." after "Prime Minister Jan Nowak spoke with
        # the Prime Minister of Latvia, ...": a text qualifies the foreign office holder by
        # country and leaves its own unqualified, so the one without a country is meant.
        home = [n for n in fits if people[n].named_country is None]
        return home if len(home) == 1 and len(fits) > 1 else fits
    same = [n for n in fits if people[n].country == ref.country]
    if same:
        return same
    stateless = [n for n in fits if people[n].country is None]
    # "The Honduran foreign minister" names a foreign minister of unknown state only
    # when nobody else could be meant. The host's state is the one texts leave
    # unsaid, so the office holder of unknown state may be the host and the Honduran
    # another: a person named with no known office ("... met Pedro Ramos") may hold
    # it, and a text with no other office holder (of another or unknown state) may
    # speak of one it never names ("her Honduran counterpart").
    others = [p for n, p in enumerate(people) if n not in stateless]
    if any(p.country is None and not p.roles for p in others):
        return []
    if not any(p.roles and p.country != ref.country for p in others):
        return []
    return stateless


def _dateline_before(tokens: tuple[Token, ...], dash: int) -> bool:
    """Tokens before a dash are a dateline: "BEIJING, Feb. 10 (Xinhua)", or a place in
    title case, a comma and only capitalized words, numbers and marks ("Tehran, IRNA",
    "Doha, June 02 (QNA)")."""
    if tokens[0].text.isupper():
        return True
    return (
        dash > 2
        and tokens[0].text[:1].isupper()
        and tokens[1].text == ","
        and all(not t.text[:1].islower() for t in tokens[2:dash])
    )


def dateline_end(tokens: tuple[Token, ...]) -> int:
    """Index of the first token after a dateline and its dash ("BEIJING, Feb. 10 (Xinhua)
    --"), 0 when the sentence opens with none."""
    for k, token in enumerate(tokens[:16]):
        if token.text in _DASHES and k + 1 < len(tokens) and _dateline_before(tokens, k):
            return k + 1
    return 0


def sentence_dateline_end(sentence: Sentence) -> int:
    """`dateline_end` of the sentence's tokens, found once for every stage that asks."""
    return sentence.once("dateline_end", lambda s: dateline_end(s.tokens))


def sentence_subject(sentence: Sentence) -> int:
    """`subject_start` of the sentence's tokens, found once for every stage that asks."""
    return sentence.once("subject", lambda s: subject_start(s.tokens, sentence_dateline_end(s)))


def sentence_joint_subject(sentence: Sentence) -> bool:
    """`joint_subject` at the sentence's subject, found once for every stage that asks."""
    return sentence.once("joint_subject", lambda s: joint_subject(s.tokens, sentence_subject(s)))


def subject_start(tokens: tuple[Token, ...], after_dateline: int | None = None) -> int:
    """Index of the first token of the main clause: after a dateline ("BEIJING, Feb. 10
    (Xinhua) --"), a label ("Details:") or an introductory phrase ending in a comma.
    `after_dateline`, when known, is `dateline_end(tokens)`."""
    i = dateline_end(tokens) if after_dateline is None else after_dateline
    if i + 1 < len(tokens) and tokens[i + 1].text == ":" and tokens[i].text[:1].isupper():
        i += 2
    if i < len(tokens) and tokens[i].low in _INTRO_WORDS:
        depth = 0
        for k in range(i, len(tokens)):
            text = tokens[k].text
            if text in _OPEN_QUOTES or text == "”":
                depth ^= 1
            elif text == "," and not depth:
                return k + 1
        return i
    return i


@dataclass(init=False)
class _Focus:
    """Who a pronoun would refer to after the sentences read so far."""

    person: int | None = None
    blocked: bool = False

    def __init__(self, person: int | None = None, blocked: bool = False) -> None:
        self.person = person
        self.blocked = blocked


def _first_np(tokens: tuple[Token, ...], i: int) -> str:
    words = []
    for token in tokens[i : i + 4]:
        if not token.text[:1].isalpha():
            break
        words.append(token.low)
    return " ".join(words)


def _next_focus(a: _Analysed, refs: list[Reference], focus: _Focus, lex: Lexicon) -> _Focus:
    """The person a later pronoun would mean: the speaker, else the subject."""
    tokens = a.tokens
    subject = a.subject
    head = subject_reference(tokens, subject, refs)
    speakers = {r.person for r in refs if r.person is not None and _speaks(tokens, r, head, lex)}
    if len(speakers) == 1:
        return _Focus(speakers.pop())
    if len(speakers) > 1 or sentence_joint_subject(a.sentence):
        return _Focus(None, True)
    if head is not None and head.person is not None:
        return _Focus(head.person)
    np = _first_np(tokens, subject)
    if any(np.startswith(p) for p in _PLURAL_SUBJECTS) or (head is not None):
        return _Focus(None, True)
    if any(w in _HUMAN_NOUNS for w in np.split()):
        return _Focus(None, True)
    return focus


def _speaks(
    tokens: tuple[Token, ...], ref: Reference, head: Reference | None, lex: Lexicon
) -> bool:
    """A reference next to a reporting verb: "Li said", "..., Qin noted", "..., said Qin"."""
    start = noun_phrase_start(tokens, ref.token)
    opens_clause = ref is head or (
        start > 0 and (tokens[start - 1].text == "," or tokens[start - 1].text in _CLOSE_QUOTES)
    )
    k = verb_after_subject(tokens, index_from(tokens, ref.end))
    if opens_clause and speech_verb_at(tokens, k, lex) > k:
        return True
    # inverted: '..., said the Chinese president'
    for size in (1, 2, 3):
        verb = start - size
        if verb >= 1 and speech_verb_at(tokens, verb, lex) == start:
            before = tokens[verb - 1].text
            return before == "," or before in _CLOSE_QUOTES
    return False


def verb_after_subject(tokens: tuple[Token, ...], k: int) -> int:
    """Where the verb of a subject ending before token `k` should be: past an appositive
    or relative clause ("Sulyok, who was on his first visit, said") and adverbs."""
    lex = lexicon()
    if k + 1 < len(tokens) and tokens[k].text == "," and speech_verb_at(tokens, k + 1) > k + 1:
        return k + 1  # the comma closing "A spokesman for the ministry, Nebiat Getachew,"
    if (
        k + 2 < len(tokens)
        and tokens[k].text == ","
        and tokens[k + 1].text.isdigit()
        and tokens[k + 2].text == ","
    ):
        return skip_auxiliaries(tokens, k + 3)  # an age: "Berg, 52, said"
    if (
        k + 1 < len(tokens)
        and tokens[k].text == ","
        and (tokens[k + 1].text[:1].islower() or tokens[k + 1].low in lex.title_starts)
    ):
        for j in range(k + 1, min(k + 30, len(tokens))):
            if tokens[j].text in (";", ":") or tokens[j].text in _OPEN_QUOTES:
                break
            if tokens[j].text == ",":
                return skip_auxiliaries(tokens, j + 1)
    k = skip_auxiliaries(tokens, k)
    # "Ruto on Monday said", "Eide in a televised address stressed"
    if k < len(tokens) and tokens[k].low in _CIRCUMSTANCE_OPENERS:
        for j in range(k + 1, min(k + 6, len(tokens))):
            if speech_verb_at(tokens, j) > j:
                return j
            if not (tokens[j].low in _CIRCUMSTANCE_WORDS or tokens[j].text[:1].isupper()
                    or tokens[j].text.isdigit()):  # fmt: skip
                break
    return k


def noun_phrase_start(tokens: tuple[Token, ...], k: int) -> int:
    """First token of the noun phrase ending with a name at `k`: the titles, honorifics
    and country words before it ("Chinese Foreign Minister Qin Gang")."""
    lex = lexicon()
    while k > 0:
        token = tokens[k - 1]
        if (
            token.text[:1].isupper()
            or token.text in (".", "'s", "’s")
            or token.low in lex.title_starts
            or (token.low,) in lex.modifiers
            or token.low == "the"
        ):
            k -= 1
        else:
            break
    return k


def joint_subject(tokens: tuple[Token, ...], subject: int) -> bool:
    """Whether the main clause opens with two people joined by "and" ("Ruto and Foreign
    Minister Eide met"); "and" inside a compound title ("Deputy Prime Minister and
    Foreign Minister Bui Thanh Son", "Trade and Industry Minister Ana Ruiz") does not
    count."""
    lex = lexicon()
    title_end = 0
    for k in range(subject, min(subject + 14, len(tokens))):
        token = tokens[k]
        if k >= title_end and (token.low in lex.title_starts or token.low in lex.modifier_starts):
            title = title_at(tokens, k, {}, lex)
            title_end = title.end if title is not None else 0
        if token.low in ("and", "&"):
            previous = tokens[k - 1] if k > subject else None
            if k < title_end:
                continue
            return previous is not None and (
                previous.text[:1].isupper() and previous.low not in lex.title_starts
            )
        if not (
            token.text[:1].isupper()
            or token.text in (".", "'s", "’s", ",")
            or token.low in lex.title_starts
            or (token.low,) in lex.modifiers
            or token.low in ("the", "of")
        ):
            return False
    return False


def subject_reference(
    tokens: tuple[Token, ...], subject: int, refs: list[Reference]
) -> Reference | None:
    """The reference that opens the main clause, after any title, honorific or country
    words before it ("Chinese Premier Li Keqiang", "Mr. Ding", "The Chinese president")."""
    lex = lexicon()
    for ref in sorted(refs, key=lambda r: r.start):
        if ref.token < subject:
            continue
        between = tokens[subject : ref.token]
        if (
            between
            and between[-1].text == ","
            and len(between) <= 14
            and any(t.low in lex.title_starts for t in between)
        ):
            return ref  # "A spokesman for the ministry, Nebiat Getachew, said"
        if all(
            t.text[:1].isupper()
            or t.text in (".", "'s", "’s", ",")
            or t.low in lex.title_starts
            or t.low in ("the", "and")
            or (t.low,) in lex.modifiers
            for t in between
        ):
            return ref
        return None
    return None


def _resolve_pronouns(
    a: _Analysed, refs: list[Reference], focus: _Focus, people: list[_Person]
) -> list[Reference]:
    """Pronoun references of one sentence resolved against the focus."""
    tokens = a.tokens
    found: list[Reference] = []
    if not a.pronouns:
        return found  # most sentences: no pronoun (the analysis says where they are)
    subject = a.subject
    named = sorted((r for r in refs if r.person is not None), key=lambda r: r.start)
    for k in a.pronouns:
        token = tokens[k]
        gender = _PRONOUNS[token.low]
        if not token.text[0].isalpha():
            continue
        if k + 1 < len(tokens) and a.name_ok[k + 1] and token.text[0].isupper():
            continue  # "He Lifeng": a name, not a pronoun
        if _honorific_at(tokens, k, lexicon())[0] > k + 1:
            continue  # "His Highness": a style, not a pronoun
        person: int | None = None
        before = [r for r in named if r.start < token.start]
        if k < subject and named and subject < len(tokens):
            # "For her part, Lahbib said": the pronoun looks ahead to the subject
            head = subject_reference(tokens, subject, named)
            person = head.person if head else None
        elif before:
            first = before[0]
            if (
                token.low in _SUBJECT_PRONOUNS
                and len({r.person for r in before}) == 1
                and (subject_reference(tokens, subject, before) is first)
            ):
                person = first.person
        elif not focus.blocked:
            person = focus.person
        if person is None:
            continue
        known = people[person].gender
        if known is not None and known != gender:
            continue
        found.append(Reference(token.start, token.end, "pronoun", person=person, token=k))
    return found


def _in_text(spans: list[tuple[int, int, str]], offset: int) -> list[tuple[int, int, str]]:
    """Country spans of a sentence beginning at `offset`, in document offsets."""
    return [(offset + start, offset + end, code) for start, end, code in spans]


def find_actors(text: str, sentences: tuple[Sentence, ...]) -> Actors:
    """Find the people of a text and every reference to them.

    Reads the document text and its sentences; returns `Actors`: the people
    (full name without title, office, country) and their mentions (name,
    surname, title or pronoun) with offsets and sentence index.
    """
    lex = lexicon()
    # Country phrases sentence by sentence, kept on each sentence for the later stages. A
    # search of the whole text finds the same ones: a phrase never runs across a sentence
    # break (a line break ends it, and none goes on after a full stop that ends a sentence).
    spans = [_in_text(sentence_countries(s), s.start) for s in sentences]
    analysed = [_analyse(text, s, found) for s, found in zip(sentences, spans, strict=True)]
    alone = _alone_words(analysed, lex)
    candidates = [c for a in analysed if a.sentence.kind == "body" for c in _candidates(a, lex)]
    people = _merge(candidates, alone)
    for person in people:
        person.named_country = person.country
    noun_surnames = _noun_surnames(people, lex)
    if noun_surnames:  # "Park said": read again with the surname as a name word
        analysed = [
            _analyse(text, s, found, noun_surnames)
            for s, found in zip(sentences, spans, strict=True)
        ]
        alone = _alone_words(analysed, lex)
    aliases = _aliases(people, alone, lex, noun_surnames)

    per_sentence: list[list[Reference]] = []
    poisoned: set[tuple[frozenset[str], str | None]] = set()
    for a in analysed:
        refs: list[Reference] = []
        i = 0  # the first token not read yet
        for opens in _may_refer(a):
            if opens < i:
                continue  # inside a name read from an earlier token
            i = opens
            after_form = i > 0 and a.form_end[i - 1]
            particle = a.particle[i]
            end = _run_at(a, i)
            if end == i and (after_form or particle):
                # "Mrs. van der Berg"; "President von der Leyen" when the text knows her
                end = _name_run(a, i, particle_start=True)
            if end > i:
                hit = _match_name(a.tokens, i, end, aliases, a.sentence.kind == "title")
                if not hit and particle and not after_form:
                    continue
                if hit:
                    number, stop, kind = hit
                    refs.append(
                        Reference(
                            a.tokens[i].start, a.tokens[stop - 1].end, kind, person=number, token=i
                        )
                    )
                i = end
        for ref in _title_refs(a, lex):
            fits = _title_candidates(ref, people)
            named_here = {r.person for r in refs}
            if len(fits) == 1 and fits[0] in named_here and not _adjacent(ref, refs):
                poisoned.add(_title_key(ref))  # the title names someone else
            refs.append(ref)
        per_sentence.append(refs)

    _counterpart_offices(analysed, per_sentence, people)
    if any(_unnamed_official(a) for a in analysed):
        # "A Kenyan official said ..." then "the Kenyan official added": someone never named
        poisoned |= {_title_key(r) for rs in per_sentence for r in rs if r.roles == _OFFICIAL}
    _countries_from_titles(per_sentence, people, poisoned)

    mentions: list[Mention] = []
    focus = _Focus()
    for a, refs in zip(analysed, per_sentence, strict=True):
        for ref in refs:
            if ref.kind == "title":
                fits = _title_candidates(ref, people)
                if len(fits) == 1 and _title_key(ref) not in poisoned:
                    ref.person = fits[0]
        resolved = [r for r in refs if r.person is not None]
        pronouns = _resolve_pronouns(a, resolved, focus, people)
        every = sorted(resolved + pronouns, key=lambda r: r.start)
        if a.sentence.kind == "body":
            focus = _next_focus(a, every, focus, lex)
        for ref in every:
            mentions.append(
                Mention(
                    person_id=people[ref.person].text,  # type: ignore[index]
                    start=ref.start,
                    end=ref.end,
                    sentence=a.sentence.index,
                    kind=ref.kind,  # type: ignore[arg-type]
                )
            )
    return Actors(
        people=tuple(
            Person(id=p.text, name=p.text, title=p.title, country=p.country) for p in people
        ),
        mentions=tuple(mentions),
    )


# The two readings below pick the few positions of a sentence where a reference may open,
# from several columns of the analysis: one compiled pass over them, where merging each
# column's positions in sets (compress in C) and sorting them cost several times more.


def _title_positions(a: _Analysed) -> list[int]:
    """Token indices where a title used as a reference may open: where a name, title or
    style may start, at an article, at a country phrase; in increasing order."""
    starts, articles, countries = a.may_start, a.article, a.countries
    return [k for k in range(len(starts)) if starts[k] or articles[k] or k in countries]


def _may_refer(a: _Analysed) -> list[int]:
    """Token indices where a reference to a known person may open: where a name may start,
    after the end of an honorific or rank ("Mrs." then "van der Berg"), at a particle."""
    starts, form_ends, particles = a.may_start, a.form_end, a.particle
    return [
        k for k in range(len(starts)) if starts[k] or particles[k] or (k > 0 and form_ends[k - 1])
    ]


def _unnamed_official(a: _Analysed) -> bool:
    """An official the text introduces without a name: "a senior Kenyan official said",
    "an official who ...", "another official" (not the adjective: "an official visit")."""
    tokens = a.tokens
    # most sentences: no word "official" in any case (lower case keeps every word's lower
    # case whole), and a scan of the text in C says so without reading the words
    if _OFFICIAL_NOUN not in a.sentence.text.lower():
        return False
    for k, token in enumerate(tokens):
        if token.low not in ("a", "an", "one", "another"):
            continue
        j = k + 1
        while j < len(tokens) and j - k <= 4:
            if j in a.countries:
                j = a.countries[j][0]
                continue
            if tokens[j].low == _OFFICIAL_NOUN:
                after = j + 1
                return (
                    after >= len(tokens)
                    or not tokens[after].text.isalpha()
                    or tokens[after].low in AUXILIARIES
                    or tokens[after].low in _AFTER_A_NOUN
                    or speech_verb_at(tokens, after) > after
                )
            if not tokens[j].text.islower():
                break
            j += 1
    return False


def _countries_from_titles(
    per_sentence: list[list[Reference]],
    people: list[_Person],
    poisoned: set[tuple[frozenset[str], str | None]],
) -> None:
    """A demonym title that only one person fits gives that person a country ("the
    Ethiopian premier" when one prime minister is known): then another reference by
    demonym ("the Kenyan leader") can rule them out and resolve to the one left."""
    refs = [r for rs in per_sentence for r in rs if r.kind == "title" and r.country]
    changed = True
    while changed:
        changed = False
        for ref in refs:
            if _title_key(ref) in poisoned:
                continue
            fits = _title_candidates(ref, people)
            if len(fits) == 1 and people[fits[0]].country is None:
                people[fits[0]].country = ref.country
                changed = True
        if not changed:
            changed = _country_of_counterpart(per_sentence, people, refs, poisoned)


def _rank_family(roles: frozenset[str]) -> str | None:
    """Heads of state or government, or ministers; None for advisers, envoys and others."""
    if _plain_roles(roles) & _LEADER_ROLES:
        return "leader"
    if any(r.endswith((" minister", " secretary")) and "prime" not in r for r in roles):
        return "minister"
    return None


def _country_of_counterpart(
    per_sentence: list[list[Reference]],
    people: list[_Person],
    refs: list[Reference],
    poisoned: set[tuple[frozenset[str], str | None]],
) -> bool:
    """In a text about two countries (those of its demonym titles), when one of them is
    claimed by a person and the other by nobody, the one office holder without a country
    named in a sentence with a person of the claimed country, of the same rank family, is
    of the other country ("President Ana Costa received Angolan President ..." then "the
    Portuguese head of state"). Anything ambiguous assigns nothing."""
    used = refs  # a title poisoned for naming someone else still tells the countries
    countries = {r.country for r in used}
    if len(countries) != 2:
        return False
    claimed = {c for c in countries if any(p.country == c for p in people)}
    if len(claimed) != 1:
        return False
    (other,) = countries - claimed
    candidates: set[int] = set()
    for rs in per_sentence:
        named = {r.person for r in rs if r.person is not None}
        hosts = {people[n].country for n in named if people[n].country is not None}
        if not named or not hosts <= claimed:
            continue
        families = {_rank_family(people[n].roles) for n in named if people[n].country in claimed}
        for n in named:
            family = _rank_family(people[n].roles)
            if people[n].country is None and family is not None and family in families:
                candidates.add(n)
    if len(candidates) != 1:
        return False
    (chosen,) = candidates
    wanted = [r for r in used if r.country == other]
    if not all(_role_fits(r.roles, people[chosen].roles) for r in wanted):
        return False
    # nobody else without a country could be meant by the other country's titles
    if any(
        n != chosen and people[n].country is None and _role_fits(r.roles, people[n].roles)
        for r in wanted
        for n in range(len(people))
    ):
        return False
    people[chosen].country = other
    return True


def _adjacent(ref: Reference, refs: list[Reference]) -> bool:
    """A title right next to a name is an appositive of it, not another person."""
    return any(
        0 <= ref.start - r.end <= 3 or 0 <= r.start - ref.end <= 3
        for r in refs
        if r.person is not None
    )
