"""Event stage: the diplomatic event a text reports, and the events it only mentions.

The primary event (one per text) comes from the headline and the first body
sentences that carry a trigger word (`lexicon/event_triggers.csv`) and name
people or parties. Its type follows the wording, the more specific kind of
contact winning ("a meeting via video link" is a video call, "spoke with ...
on the phone" a phone call); its date is the date in or governing the trigger
sentence; its participants are the people that sentence names, those who
attended, accompanied or joined, and the speakers of its statements; its
location the city (else country) of an in-person event.

Mentioned events are other sentences with a trigger and a date of their own
(or a place and two named parties): an earlier call, a past visit, a coming
summit, an exchange of messages. The establishment of diplomatic relations is
collected over the whole text and dated as precisely as the text allows
(an explicit date beats anniversary arithmetic).

Data files: `event_triggers.csv` (type, phrase, strong/weak), `cities.csv`
(world capitals and large cities with their country) and `seats.csv` (seats
of government standing for their state: "the Elysee", "the White House").
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import pycountry

from app.extract.actors import lexicon_lines, sentence_dateline_end
from app.extract.countries import (
    cities,
    country_code,
    demonym_length,
    find_countries,
    sentence_countries,
)
from app.extract.dates import counts_back
from app.extract.patterns import (
    CASE_FOLDED_ASCII,
    holds,
    may_hold,
    rewritten,
    run_table,
    runs,
    starting_with,
)
from app.extract.records import (
    Actors,
    Cleaned,
    DateMention,
    Event,
    EventType,
    Mention,
    Sentence,
    Source,
    Statement,
    amended,
)

# The more specific kind of contact wins when a sentence has several triggers.
_PRECEDENCE: tuple[EventType, ...] = (
    "video_call",
    "phone_call",
    "message",
    "diplomatic_relations",
    "agreement",
    "summit",
    "visit",
    "meeting",
    "statement",
)
# Types that describe the same real contact when dates and parties agree.
_GROUP = {"visit": "in_person", "meeting": "in_person"}
_IN_PERSON = frozenset({"meeting", "visit", "summit", "agreement"})
_LEAD = 6  # body sentences that may still report the primary event

# a word as a class, then its repeat: a search skips to the class's characters, where a
# repeat first is tried at every position
_TOKEN = rewritten(r"[A-Za-z0-9][A-Za-z0-9]*", r"[A-Za-z0-9]+")
# `_TOKEN`'s words in lower case, as `runs` finds them without a search
_WORD_TABLE = run_table(string.ascii_letters + string.digits, lower=True)
_JOINER = re.compile(r"[\s\-'\u2019]*")
_CAPITALIZED = re.compile(r"\s+[A-Z]")
# Clause boundaries: background ("as Trump prepares ...", ", which ...") is kept apart.
_SUBORDINATE = (
    r"(?:as|while|when|whereas|because|although|though|after|before|since|until)"
    r"\s+(?=(?:he|she|they|it|we|I)\b|[A-Z])"
)
# Every break opens with a semicolon, a comma or a space: that mark comes first, as a plain
# class the search skips to, and each branch looks behind to see which it was.
_CLAUSE_BREAK = rewritten(
    r"[;,\s](?:(?<=;)|(?<=\s)[—–]\s|(?<=,)\s+(?:which|who|whose|during\s+which|in\s+which)\b"
    rf"|(?<!;)\s*{_SUBORDINATE})",
    r";|\s[—–]\s|,\s+(?:which|who|whose|during\s+which|in\s+which)\b"
    rf"|(?:,\s*|\s+){_SUBORDINATE}",
)
# A sentence that looks ahead: "will", "is set to", "to be held", "upcoming"
_EXPECTED = ("set", "scheduled", "expected", "due", "slated", "going")  # "is ... to"
_AHEAD = ("upcoming", "forthcoming")
_FUTURE = re.compile(
    rf"\b(?:will|shall|(?:is|are)\s+(?:{'|'.join(_EXPECTED)})\s+to|to\s+be\s+held"
    rf"|{'|'.join(_AHEAD)})\b"
)
# a word every match holds (a sentence with none needs no search; test_events checks it)
_FUTURE_WORDS = ("will", "shall", *_EXPECTED, "held", *_AHEAD)
# An invitation to come: "invited his Kenyan counterpart to visit Oslo"
_INVITED = r"\binvit\w*\b[^.;]{0,80}?\bto\s+(?:visit|pay|attend|come)\b"
# a contact that followed the one the text reports: "X later received Y"
_AFTERWARDS = re.compile(r"\b(?:later|afterwards|subsequently)\b(?!\s+(?:this|in\s+the)\b)")
_LATER = re.compile(
    r"\b(?:will|shall|would|to\s+be\s+held|upcoming|forthcoming|next\s+(?:week|month|year)"
    r"|later\s+(?:this|in\s+the)\s+(?:week|month|year)|in\s+the\s+coming\s+(?:days|weeks|months))\b"
    rf"|{_INVITED}"
)
# A contact arranged for later, named by its place even when undated: "invited her to
# visit Oslo", "agreed to hold the next session in Accra", "will visit Lima".
_ARRANGED = re.compile(
    rf"{_INVITED}"
    r"|\b(?:agreed|committed|decided|pledged)\s+to\s+(?:meet|hold|convene|organi[sz]e)\b"
    r"|\bnext\s+(?:meeting|session|round|summit)\b"
    r"|\b(?:will|would|shall)\s+(?:also\s+)?(?:visit|travel|meet|hold|host|convene)\b"
)
# A signing told without a date in a text about a meeting: at that meeting ("The two
# presidents also witnessed the signing of ...", "Two agreements were signed").
_SIGNED_NOW = re.compile(r"\b(?:witnessed\s+the\s+signing|signed|initialled|initialed)\b", re.I)
_SIGNED_BEFORE = re.compile(
    r"\b(?:have|has|had)\s+(?:\w+\s+)?(?:signed|initialled|initialed)\b|\bso\s+far\b"
    r"|\bto\s+date\b|\bsince\b|\bpreviously\b|\bearlier\b",
    re.I,
)
_ATTENDANCE_WORDS = ("attended", "accompanied", "joined", "present", "took")  # one in each match
_ATTENDANCE = starting_with(
    "ajtw",
    r"\b(?:attended|accompanied|joined|(?:was|were)\s+(?:also\s+)?present|took\s+part\s+in)\b",
)
# Reporting verbs, in the order the patterns below try them (a space stands for any)
_SPEECH_VERBS = (
    "said", "says", "say", "noted", "notes", "stressed", "stresses", "added", "adds",
    "emphasised", "emphasized", "emphasises", "emphasizes", "pointed out", "points out",
    "expressed", "expresses", "hoped", "hopes", "agreed", "highlighted", "underlined",
    "underscored", "reaffirmed", "affirmed", "told", "asserted", "stated", "urged", "called for",
    "called on", "wrote", "tweeted", "welcomed", "praised", "thanked", "assured", "proposed",
    "believes", "observed", "remarked", "explained", "announced", "declared", "reiterated",
    "pledged", "vowed", "warned", "insisted", "recalled", "mentioned", "advocated", "continued",
)  # fmt: skip
_SPEECH = "(?:" + "|".join(verb.replace(" ", r"\s+") for verb in _SPEECH_VERBS) + ")"
_SPEECH_VERB = re.compile(rf"\b{_SPEECH}\b")
# Where the words a speaker reports begin: "said that ...", "told reporters: ...".
_REPORTED_WORDS = re.compile(r"\bthat\b|[:\"“]")
_SPEECH_AFTER = re.compile(
    rf"^(?:\s*,[^,]{{1,80}},)?\s+(?:(?:also|further|then|again|has|had|have|later|earlier"
    rf"|once\s+again|\w+ly)\s+)*{_SPEECH}\b"
)
_REPORTS_AFTER = re.compile(
    r"^(?:\s*,[^,]{1,80},)?\s+(?:(?:also|further|then|again|has|had|have|later|earlier|\w+ly)\s+)*"
    r"(?:said|says|noted|notes|stressed|added|confirmed|confirms|recalled|announced|told"
    r"|stated|explained|pointed\s+out|emphasi[sz]ed|underlined|remarked|observed|mentioned"
    r"|insisted|warned|highlighted|expressed\s+(?:hope|confidence|optimism)|hoped|believes)\b"
)
_SPEECH_BEFORE = re.compile(
    rf"(?:\b{_SPEECH}|\baccording\s+to|\bFor\s+(?:his|her|their)\s+part,)\s+(?:the\s+)?$", re.I
)
_SPEECH_BEFORE_WORDS = 4  # the most words it spans: "For his part, the"
# how the last word of each of its matches ends, before any "the": "said", "out", "to", "part,"
_SPEECH_BEFORE_ENDS = tuple(
    sorted({verb.rsplit(None, 1)[-1] for verb in _SPEECH_VERBS} | {"to", "part,"})
)
_SAID_ON = re.compile(rf"\b{_SPEECH}\s+(?:on\s+)?$")
# "The two ministers last met in Lima", "The leaders are expected to meet again": the
# people of the text's own event meet again, or met before
_THEY_MET = re.compile(
    r"^the\s+(?:two\s+)?(?:ministers|foreign\s+ministers|leaders|presidents|prime\s+ministers"
    r"|premiers|heads\s+of\s+state)\s+(?:(?:also|last|first|previously|had|have|will|again"
    r"|are\s+expected\s+to|are\s+to)\s+)*(?:met|meet)\b",
    re.I,
)
_BOTH_SIDES = re.compile(
    r"\b(?:two|both)\s+(?:countries|nations|sides|leaders|states|governments|peoples|ministers"
    r"|presidents|premiers|heads\s+of\s+state)\b|\bbilateral\b|\bthe\s+leaders\b|\beach\s+other\b"
    r"|\btheir\s+countries\b",
    re.I,
)
# relations are "relations" or "ties" in every match: a sentence without either needs no search
_RELATIONS_WORDS = ("relations", "ties")
_TIES = "(?:" + "|".join(_RELATIONS_WORDS) + ")"
_RELATIONS = starting_with(
    "deunr",
    rf"(?:\bdiplomatic\s+{_TIES}\b"
    r"|\b(?:establish|upgrad|elevat|normali[sz]|restor|resum)"
    rf"\w*\s+(?:of\s+)?(?:their\s+|bilateral\s+)?(?:diplomatic\s+)?{_TIES}\b)",
    re.I,
)
_ORIGIN_WORDS = starting_with(
    "defnrsu",
    r"\b(?:since|establish\w*|set\s+up|forged|development\s+of|upgrad\w*|elevat\w*"
    r"|normali[sz]\w*|restor\w*|resum\w*)\b",
    re.I,
)
# A summit named only as the setting of another contact ("met on the sidelines of the
# summit", "met at the summit"); for a coming or past event only the sidelines count
# ("they will meet again at the summit" is the summit).
_SETTING = re.compile(
    r"\b(?:at|during|sidelines\s+of|margins\s+of|ahead\s+of|on\s+the\s+eve\s+of)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,6}$",
    re.I,
)
_SIDELINES = re.compile(
    r"\b(?:sidelines\s+of|margins\s+of|on\s+the\s+eve\s+of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,6}$",
    re.I,
)
# A summit a headline names only as the time or setting of its news ("... ahead of the
# G20 summit") is not what the text reports.
_OUTSIDE_SUMMIT = re.compile(
    r"\b(?:sidelines\s+of|margins\s+of|ahead\s+of|on\s+the\s+eve\s+of|before|after|following"
    r"|in\s+the\s+run-up\s+to)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,6}$",
    re.I,
)
_PLACE = re.compile(
    r"\b(?P<prep>in|at|to|visited|visiting|visit|reaches|reached|arrived\s+in|arrives\s+in"
    r"|landed\s+in|lands\s+in|tour\s+of)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w'’.\-]*(?:\s+(?:(?:de|del|da|do|el|es|la|of)\s+)?[A-Z][\w'’.\-]*)*)"
)
_DESTINATION_PREPS = frozenset(
    {"to", "visited", "visiting", "visit", "reaches", "reached", "arrived in", "arrives in",
     "landed in", "lands in", "tour of"}
)  # fmt: skip
_NOT_PLACES = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "the", "his", "her", "their", "this", "that",
    }
)  # fmt: skip
_VENUE_WORDS = frozenset(
    {
        "hall", "pavilion", "palace", "house", "building", "buildings", "conference", "summit",
        "forum", "meeting", "office", "ministry", "center", "centre", "hotel", "airport",
        "airbase", "base", "square", "complex", "compound", "residence", "embassy", "parliament",
        "university", "museum", "stadium", "park", "room", "guesthouse", "headquarters",
        "initiative", "community", "council", "assembly", "union", "organization",
        "organisation", "group", "party", "government", "twitter", "x", "facebook",
    }
)  # fmt: skip
_NOT_CONFERENCES = frozenset(
    {"press", "news", "video", "joint", "media", "donors", "donor", "pledging", "the", "a",
     "this", "that", "annual", "digital", "virtual", "online", "phone", "telephone"}
)  # fmt: skip
_SINCE_BEFORE = re.compile(r"\bsince\s+$")
_FIRST_BEFORE = re.compile(r"\bfirst\s+(?:[\w-]+\s+)?$")
_CAPITAL_AFTER = re.compile(r"\s+capital\b")
_HERE = re.compile(r"\bhere\b")
# A photo credit ends a caption: its paragraph describes a picture, not the news.
_CREDIT = re.compile(
    r"^\s*(?:photo|photos|image|images|picture|pic|photograph|credit|file\s+photo)"
    r"(?:\s+credit)?\s*:",
    re.I,
)
# A group's name followed by one of these is the group, not a gathering of it:
# "the G20 presidency", "G7 members".
_NOT_GATHERING = re.compile(
    r"(?:['’]s)?\s+(?:presidency|presidencies|chair|chairs|chairmanship|chairing|member|members"
    r"|membership|countries|nations|economies|states|sherpas?|agenda|priorities|troika)\b",
    re.I,
)
# A contact asked for or offered, not held: "called for talks", "readiness for a meeting",
# "ready to meet", "pressed for new negotiations", "an offer of talks". Read just before a
# trigger phrase.
_WANTED = re.compile(
    r"\b(?:(?:call(?:s|ed|ing)?|appeal(?:s|ed|ing)?|push(?:es|ed|ing)?|press(?:es|ed|ing)?"
    r"|urg(?:es|ed|ing)|ask(?:s|ed|ing)?|ready|readiness|willing(?:ness)?|open(?:ness)?"
    r"|prepared(?:ness)?)\s+(?:for|to)|offer(?:s|ed)?(?:\s+of)?)"
    r"\s+(?:[\w-]+\s+){0,2}$",  # "called for talks", "for direct peace talks"
    re.I,
)
# A sentence that turns to another matter: its speakers are no party to the event reported
# ("Meanwhile, the Unification Minister told lawmakers ...").
_OTHER_MATTER = re.compile(
    r"(?:Meanwhile|Separately|Elsewhere|In\s+(?:a\s+)?separate\s+\w+|In\s+other\s+news)\b"
)
_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+)*)\s*(?:,|:|\s[-—–])"
    # in title case, a comma and a date or an agency must follow: "Bishkek, October 17, 2024"
    r"|^(?P<city2>[A-Z][a-z'\-]+(?:\s+(?:[A-Z][a-z'\-]+|la|de|del|es|of))*),\s+"
    r"(?=\d|[A-Z]{2,}\b|(?:Jan|Feb|Mar|Apr"
    r"|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
    # or the agency in brackets and a dash: "Jakarta (ANTARA) -", "KAMPALA (UNA) —"
    r"|^(?P<city3>[A-Z][A-Za-z'\-]+(?:\s+[A-Z][A-Za-z'\-]+)*)\s+\([A-Z][A-Za-z]+\)\s*[-—–:]"
    # or a known city in title case and a dash: "Vatican City - ", "Thimphu – "
    r"|^(?P<city4>[A-Z][a-z'\-]+(?:\s+(?:[A-Z][a-z'\-]+|la|de|del|es|of))*)\s+[-—–]\s"
)
# Words after a country or demonym that make it a party: "Belgian Prime Minister".
_OFFICE_WORDS = frozenset(
    {
        "president", "presidents", "president-elect", "prime", "premier", "pm", "vp", "fm",
        "minister", "ministers", "chancellor", "king", "queen", "emir", "amir", "sultan",
        "crown", "leader", "leaders", "counterpart", "counterparts", "government", "side",
        "delegation", "ambassador", "envoy", "official", "officials", "head", "heads",
        "foreign", "defence", "defense", "vice", "deputy", "state", "secretary", "monarch",
        "emperor", "cabinet", "authorities", "administration", "ministry", "embassy", "chief",
        "first", "top", "governor", "speaker", "parliament", "senior", "acting", "new",
        "former", "incoming", "outgoing", "trade", "finance", "economy",
    }
)  # fmt: skip
_OFFICE_BEFORE_OF = re.compile(
    r"\b(?:president|prime\s+minister|premier|minister|ministers|chancellor|king|queen|emir"
    r"|sultan|leader|leaders|government|head|ambassador|envoy|officials|secretary|monarch"
    r"|emperor|delegation|counterpart|affairs)\b[^,.;()]{0,40}?\bof\s+(?:the\s+)?$",
    re.I,
)
_NEXT_WORD = re.compile(r"^(?:['’]s?)?[\s\-]+([\w\-]+)")
_AND_NEXT = re.compile(r"^,?\s+(?:and|&)\s+(?:the\s+)?$")
_SIGNED_BY = re.compile(r"\b(?:signed|concluded|initialled|initialed)\s+by\s+(?:the\s+)?$", re.I)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
# The words each of the three patterns above ends with, before the white space that ends the
# text: a text that ends otherwise needs no search (`_spaced_end`). Their letters match no
# character but their two cases when case is ignored, as str.lower reads them.
_OFFICE_BEFORE_OF_ENDS = ("of", "the")
_SIGNED_BY_ENDS = ("by", "the")
_BETWEEN_ENDS = ("between", "the")
_BARE_TITLE = re.compile(
    r"\b[Tt]he\s+(?:Prime\s+Minister|President|Chancellor|Premier|Foreign\s+(?:Minister"
    r"|Secretary)|Secretary\s+of\s+State|King|Queen|Emir|Taoiseach)\b(?!\s+of\b)(?!,?\s+[A-Z])"
)
# Two states coordinated as the sides of something: "Chile and Peru", "Chile-Peru",
# "between Chile and Peru"; a comma joins them only in a list, which is no pair.
_PAIR_JOINER = re.compile(r"\s*[-–—/&]\s*|\s+and\s+(?:the\s+)?|,\s*")
# A speaker whose words make his state their subject: "Ruiz said Chile would ...".
_SPEAKS_FOR = re.compile(
    rf"^(?:\s*,[^,]{{1,80}},)?\s+(?:(?:also|further|then|again|later|\w+ly)\s+)*{_SPEECH}\b"
    r"(?:\s+on\s+\w+)?\s*(?:that\s+)?(?:the\s+)?"
)
_SUBJECT_VERB = re.compile(
    r"\s+(?:would|will|was|is|had|has|could|should|must|can|may|might|remained|remains"
    r"|stands|stood|considers|regards|values|supports|wants|needs|intends|seeks|hopes|believes"
    r"|welcomes|attaches|sees|[a-z]+ed)\b"
)
# Institutions of the European Union, whose officials speak for the EU.
_EU_BODY = re.compile(
    r"\b(?:European\s+(?:Commission|Council|Parliament|Union|External\s+Action\s+Service)"
    r"|Council\s+of\s+the\s+(?:EU|European\s+Union)|EU|Commission\s+President"
    r"|High\s+Representative)\b|(?:^|[/.])europa\.eu\b"
)
# Offices of the European Union, as a person's title: "European Commissioner for Trade".
_EU_OFFICE = re.compile(
    r"(?:European|EU)\s+Commissioner|High\s+Representative"
    r"|President\s+of\s+the\s+European\s+(?:Commission|Council)\b"
)
_URL_HOST = re.compile(r"^(?:[a-z]+://)?(?P<host>[^/:?#]+)", re.I)
# Country-code domains sold as generic names: no evidence of a state.
_VANITY_DOMAINS = frozenset(
    {"tv", "io", "co", "me", "ai", "fm", "ly", "ws", "cc", "to", "gg", "am", "nu", "tk", "la",
     "ms", "im", "sh", "ac", "vc", "gl", "is", "it", "so", "st", "ag", "sc", "md", "cx", "eu"}
)  # fmt: skip
# Offices that report what others did: their holder speaks about an event, not at it.
_REPORTER = re.compile(
    r"\bspokes(?:person|man|woman)\b|\bpress\s+(?:secretary|officer|attach)", re.I
)
_IN_FORCE = re.compile(r"\b(?:in(?:to)?\s+force|t(?:ook|akes)\s+effect|in\s+effect)\b", re.I)
_PAIR_HINT = re.compile(r"[-–—/&,]|\band\b")
# "he", "she", "He", "She": the first letter as a plain class the search skips to (a word
# boundary first is tried at every position), the boundary before it looked behind
_PRONOUN = rewritten(r"[hsHS](?<!\w[hsHS])(?:(?<=[hH])e|(?<=[sS])he)\b", r"\b(?:he|she|He|She)\b")


# ---------------------------------------------------------------- data files


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("app.extract.lexicon").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(map(str.lower, _TOKEN.findall(phrase)))


@dataclass(frozen=True)
class _Phrase:
    type: EventType
    strong: bool
    needs_capital: bool  # "reaches CAP": only before a capitalized word


@dataclass(frozen=True)
class _TriggerTable:
    phrases: dict[tuple[str, ...], _Phrase]
    prefixes: frozenset[tuple[str, ...]]
    starts: frozenset[str]  # first words of phrases
    longest: int
    adverbs: frozenset[str]  # words that may stand between two words of a phrase


@cache
def _triggers_table() -> _TriggerTable:
    """Trigger phrases keyed by their lower-case words."""
    phrases: dict[tuple[str, ...], _Phrase] = {}
    for row in _rows("event_triggers.csv"):
        words = row["phrase"].split()
        capital = words[-1] == "CAP"
        key = _words(" ".join(words[:-1] if capital else words))
        phrases[key] = _Phrase(row["type"], row["strength"].strip() == "strong", capital)  # type: ignore[arg-type]
    return _TriggerTable(
        phrases=phrases,
        prefixes=frozenset(k[:n] for k in phrases for n in range(1, len(k))),
        starts=frozenset(k[0] for k in phrases),
        longest=max(map(len, phrases)),
        adverbs=frozenset(lexicon_lines("trigger_adverbs.txt")),
    )


@cache
def _cities() -> dict[tuple[str, ...], tuple[str, str]]:
    """City words (lower case) -> (city as listed, country code)."""
    return {_words(city): (city, code) for city, code in cities()}


@cache
def _capitals() -> dict[str, str]:
    """Country code -> its capital: the first city cities.csv lists for it."""
    capitals: dict[str, str] = {}
    for city, code in cities():
        capitals.setdefault(code, city)
    return capitals


@cache
def _seats() -> dict[tuple[str, ...], str]:
    """Seats of government ("the Elysee") -> the state they stand for."""
    return {_words(r["seat"]): r["country"] for r in _rows("seats.csv")}


# ---------------------------------------------------------------- small finders


# _Hit, _Place, _Doc and _Primary write their own __init__ (init=False), as the records do:
# compiled, the one @dataclass would generate runs as Python (records.py says more)
@dataclass(frozen=True, init=False)
class _Hit:
    """A trigger phrase found in a text, with document offsets."""

    type: EventType
    strong: bool
    start: int
    end: int

    def __init__(self, type: EventType, strong: bool, start: int, end: int) -> None:
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "strong", strong)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)


def _find_triggers(text: str, offset: int = 0) -> list[_Hit]:
    """Every trigger phrase of `text`, longest first at each position."""
    table = _triggers_table()
    # the words of `_TOKEN`, in lower case, and where each starts
    words, starts = runs(text, _WORD_TABLE)
    hits: list[_Hit] = []
    free = 0  # the first token not inside a phrase found
    # most words start no phrase: visit only those that do (a compiled loop tests each
    # against the set directly, where map would call its bound __contains__ for each)
    starts_phrase = table.starts
    for i in [k for k, word in enumerate(words) if word in starts_phrase]:
        if i < free:
            continue
        best: tuple[int, _Phrase] | None = None
        key: tuple[str, ...] = ()
        skipped = False  # an adverb read inside the phrase ("spoke today with"): one at most
        for j in range(i, min(i + table.longest + 1, len(words))):
            longer = (*key, words[j])
            if longer not in table.phrases and longer not in table.prefixes:
                if key in table.prefixes and words[j] in table.adverbs and not skipped:
                    if not _joined(text, words, starts, j):
                        break
                    skipped = True
                    continue  # the phrase may go on after it
                break  # no phrase goes on with this word: what stands between needs no search
            if j > i and not _joined(text, words, starts, j):
                break
            key = longer
            phrase = table.phrases.get(key)
            if phrase is not None and (
                not phrase.needs_capital or _CAPITALIZED.match(text, starts[j] + len(words[j]))
            ):
                best = (j, phrase)
            if key not in table.prefixes:
                break
        if best is None:
            if _named_conference(text, words, starts, i):
                hits.append(_Hit("summit", True, offset + starts[i - 1],
                                 offset + starts[i] + len(words[i])))  # fmt: skip
            free = i + 1
            continue
        j, phrase = best
        end = starts[j] + len(words[j])
        if (phrase.type == "summit" and _NOT_GATHERING.match(text, end)) or (
            _WANTED.search(text, max(0, starts[i] - 60), starts[i])
        ):
            free = j + 1
            continue
        hits.append(_Hit(phrase.type, phrase.strong, offset + starts[i], offset + end))
        free = j + 1
    return hits


def _joined(text: str, words: list[str], starts: list[int], j: int) -> bool:
    """Whether only `_JOINER` stands between word j - 1 and word j."""
    return _JOINER.fullmatch(text, starts[j - 1] + len(words[j - 1]), starts[j]) is not None


def _named_conference(text: str, words: list[str], starts: list[int], i: int) -> bool:
    """A named conference is a multilateral gathering ("the Pacific Islands Conference"),
    a press, news or video conference is not."""
    if i == 0 or words[i] != "conference" or not text.startswith("Conference", starts[i]):
        return False
    before = starts[i - 1]
    return (
        text[before].isupper()
        and words[i - 1] not in _NOT_CONFERENCES
        and text[before + len(words[i - 1]) : starts[i]] == " "
    )


def _best(
    hits: Sequence[_Hit], text: str = "", offset: int = 0, setting: re.Pattern[str] = _SETTING
) -> _Hit | None:
    """The hit whose type is most specific: strong before weak, then by precedence.

    A summit named only as the setting of another contact ("met on the
    sidelines of the summit") gives way to that contact.
    """
    if not hits:
        return None
    usable = list(hits)
    if text and any(h.type != "summit" for h in hits):
        usable = [
            h for h in hits if h.type != "summit" or not setting.search(text[: h.start - offset])
        ] or usable
    return min(usable, key=lambda h: (not h.strong, _PRECEDENCE.index(h.type), h.start))


def _clauses(sentence: Sentence) -> tuple[tuple[int, int], ...]:
    """Document spans of the sentence's clauses; background clauses stand apart. Found once
    for each sentence (the primary and mentioned events both ask)."""
    return sentence.once("clauses", _read_clauses)


def _read_clauses(sentence: Sentence) -> tuple[tuple[int, int], ...]:
    text = sentence.text
    cuts = [0, *(m.start() for m in _CLAUSE_BREAK.finditer(text)), len(text)]
    return tuple(
        (sentence.start + a, sentence.start + b) for a, b in itertools.pairwise(cuts) if b > a
    )


def _within(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _is_future(sentence: Sentence) -> bool:
    """Whether the sentence looks ahead ("will", "is set to"), found once for each sentence."""
    return sentence.once(
        "future", lambda s: holds(_FUTURE_WORDS, s.text) and _FUTURE.search(s.text) is not None
    )


def _longest_in(
    table: dict[tuple[str, ...], str] | dict[tuple[str, ...], tuple[str, str]],
    words: tuple[str, ...],
) -> int:
    """Length of the longest prefix of `words` that is a key of `table` (0: none)."""
    for n in range(min(len(words), 6), 0, -1):
        if words[:n] in table:
            return n
    return 0


@cache
def _seat_starts() -> frozenset[str]:
    """First words of the seats of government."""
    return frozenset(key[0] for key in _seats() if key)


def _seat_countries(text: str) -> list[str]:
    """States named through their seat of government ("the Elysee said")."""
    seats = _seats()
    starts = _seat_starts()
    words = _words(text)
    found = []
    for i in range(len(words)):
        if words[i] not in starts:
            continue  # no seat's name starts with this word: no need to slice the rest
        n = _longest_in(seats, words[i:])
        if n:
            found.append(seats[words[i : i + n]])
    return found


@dataclass(frozen=True, init=False)
class _Place:
    name: str
    country: str | None
    is_city: bool
    destination: bool  # reached by travel ("visited China", "travel to Montevideo")

    def __init__(self, name: str, country: str | None, is_city: bool, destination: bool) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "country", country)
        object.__setattr__(self, "is_city", is_city)
        object.__setattr__(self, "destination", destination)


def _places(doc: _Doc, text: str) -> list[_Place]:
    """`_read_places` of a text of the document, read once: the event rules read a sentence
    for places as a whole and as the text of an event (the list is shared: never change it)."""
    found = doc.places.get(text)
    if found is None:
        found = doc.places[text] = _read_places(text)
    return found


def _read_places(text: str) -> list[_Place]:
    """Cities and countries named after a place preposition, in text order."""
    cities = _cities()
    found: list[_Place] = []
    for match in _PLACE.finditer(text):
        prep = " ".join(match["prep"].split()).lower()
        destination = prep in _DESTINATION_PREPS
        place = match["place"].rstrip(".,")
        words = _words(place)
        n = _longest_in(cities, words)
        if n:
            name, city_code = cities[words[:n]]
            found.append(_Place(name, city_code, True, destination))
            continue
        venue_city = next(
            (cities[words[k:]] for k in range(1, len(words)) if words[k:] in cities),
            None,
        )
        if venue_city and set(words[:-1]) & _VENUE_WORDS:
            # a venue named with its city: "at State House Kampala"
            found.append(_Place(*venue_city, True, destination))
            continue
        code: str | None = None
        head = place
        for cut in range(len(place.split()), 0, -1):
            head = " ".join(place.split()[:cut])
            code = country_code(head)
            if code:
                break
        if code and code != "EU":
            capital = _capitals().get(code)
            if capital and head == place and _CAPITAL_AFTER.match(text, match.end("place")):
                found.append(_Place(capital, code, True, destination))  # "the Indian capital"
                continue
            if demonym_length(tuple(head.split())) == len(head.split()):
                continue  # an adjective, not a place: "to the Ugandan border"
            found.append(_Place(head, code, False, destination))
            continue
        if (
            prep == "in"
            and len(words) <= 3
            and not set(words) & (_NOT_PLACES | _VENUE_WORDS)
            and not any(country_code(w) for w in place.split())
        ):
            found.append(_Place(place, None, True, False))
    return found


def _dateline_city(sentences: Sequence[Sentence]) -> tuple[str, str] | None:
    """The city of a dateline opening one of the first body sentences ("ISLAMABAD:")."""
    cities = _cities()
    for sentence in [s for s in sentences if s.kind == "body"][:3]:
        match = _DATELINE.match(sentence.text)
        if match:
            words = _words(match["city"] or match["city2"] or match["city3"] or match["city4"])
            n = _longest_in(cities, words)
            if n == len(words):
                return cities[words]
    return None


# ---------------------------------------------------------------- countries


def _party_countries(
    text: str,
    offset: int,
    mention_starts: frozenset[int],
    spans: list[tuple[int, int, str]] | None = None,
) -> tuple[list[str], list[str]]:
    """Countries a text names as parties, and those it names as places.

    A country is a party when an office follows it ("Belgian Prime Minister",
    "Germany's Scholz"), when it follows an office ("the President of
    Mexico"), when it stands in "between X and Y" or "X-Y", or when it is
    coordinated with a party ("the Foreign Ministers of Ukraine and Türkiye").
    After "in", "to", "visited" it is a place. `spans`, when known, are the text's
    `find_countries`.
    """
    spans = find_countries(text) if spans is None else spans
    parties: list[str] = []
    places: list[str] = []
    previous_party: tuple[int, int] | None = None
    for index, (start, end, code) in enumerate(spans):
        before = text[max(0, start - 60) : start]
        end_of_before = _spaced_end(before)
        after = text[end : end + 40]
        next_word = _NEXT_WORD.match(after)
        word = next_word.group(1).lower() if next_word else ""
        next_start = offset + end + (next_word.start(1) if next_word else 0)
        hyphen_pair = (
            after.startswith("-") and index + 1 < len(spans) and spans[index + 1][0] == end + 1
        ) or (before.endswith("-") and index > 0 and spans[index - 1][1] == start - 1)
        is_party = (
            word in _OFFICE_WORDS
            or next_start in mention_starts
            or (
                end_of_before.endswith(_OFFICE_BEFORE_OF_ENDS)
                and bool(_OFFICE_BEFORE_OF.search(before))
            )
            or (end_of_before.endswith(_BETWEEN_ENDS) and bool(_BETWEEN.search(before)))
            or (end_of_before.endswith(_SIGNED_BY_ENDS) and bool(_SIGNED_BY.search(before)))
            or hyphen_pair
            or (
                previous_party is not None
                and bool(_AND_NEXT.match(text[previous_party[1] : start]))
            )
        )
        place = _PLACE.search(text[max(0, start - 30) : end])
        if is_party and not (
            place and place.end() == end - max(0, start - 30) and word not in _OFFICE_WORDS
        ):
            parties.append(code)
            previous_party = (start, end)
        else:
            if place:
                places.append(code)
            previous_party = None
    return parties, places


def _countries_of(doc: _Doc, text: str, offset: int) -> list[tuple[int, int, str]]:
    """`find_countries` of a text of the document that starts at `offset`: those of a whole
    sentence (a headline, a sentence of one clause) were read once for every stage."""
    sentence = doc.starts.get(offset)
    if sentence is not None and sentence.text == text:
        return sentence_countries(sentence)
    return find_countries(text)


def _triggers_of(doc: _Doc, text: str, offset: int) -> list[_Hit]:
    """`_find_triggers` of a text of the document that starts at `offset`: those of a whole
    sentence were read with the document (`_Doc.hits`; the list is shared: never change it)."""
    sentence = doc.starts.get(offset)
    if sentence is not None and sentence.text == text:
        return doc.hits[sentence.index]
    return _find_triggers(text, offset)


def _spaced_end(text: str) -> str:
    """`text` in lower case without the white space that ends it, "" when none ends it: a
    pattern that ends with a word, white space and "$" matches only a text whose
    `_spaced_end` ends with that word ("$" may also stand before a last line break, white
    space too)."""
    stripped = text.rstrip()
    return stripped.lower() if len(stripped) < len(text) else ""


def _subject_countries(text: str) -> set[str]:
    """States named before a trigger, outside place phrases: "Kenya and Japan signed"."""
    spans = find_countries(text)
    places = set(_party_countries(text, 0, frozenset(), spans)[1])
    return {code for _, _, code in spans if code != "EU"} - places


# ---------------------------------------------------------------- the document view


@dataclass(frozen=True, init=False)
class _Doc:
    """What the event stage reads, indexed once."""

    text: str
    sentences: tuple[Sentence, ...]
    actors: Actors
    dates: dict[int, list[DateMention]]  # sentence index -> its dates
    mentions: dict[int, tuple[Mention, ...]]  # sentence index -> its mentions (Actors)
    mention_starts: frozenset[int]
    reference: dt.date | None
    dateline: tuple[str, str] | None
    publisher_country: str | None
    countries: dict[str, str]  # person id -> state, from actors or a title mention
    hits: dict[int, list[_Hit]]  # sentence index -> its trigger phrases
    captions: frozenset[int]  # sentences of a photo caption
    starts: dict[int, Sentence]  # document offset where a sentence starts -> the sentence
    # sentence index -> `_plain_dates`, read once: most rules ask about every sentence
    plain_dates: dict[int, list[DateMention]] = field(default_factory=dict, compare=False)
    places: dict[str, list[_Place]] = field(default_factory=dict, compare=False)  # `_places`

    def __init__(
        self,
        text: str,
        sentences: tuple[Sentence, ...],
        actors: Actors,
        dates: dict[int, list[DateMention]],
        mentions: dict[int, tuple[Mention, ...]],
        mention_starts: frozenset[int],
        reference: dt.date | None,
        dateline: tuple[str, str] | None,
        publisher_country: str | None,
        countries: dict[str, str],
        hits: dict[int, list[_Hit]],
        captions: frozenset[int],
        starts: dict[int, Sentence],
    ) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "sentences", sentences)
        object.__setattr__(self, "actors", actors)
        object.__setattr__(self, "dates", dates)
        object.__setattr__(self, "mentions", mentions)
        object.__setattr__(self, "mention_starts", mention_starts)
        object.__setattr__(self, "reference", reference)
        object.__setattr__(self, "dateline", dateline)
        object.__setattr__(self, "publisher_country", publisher_country)
        object.__setattr__(self, "countries", countries)
        object.__setattr__(self, "hits", hits)
        object.__setattr__(self, "captions", captions)
        object.__setattr__(self, "starts", starts)
        object.__setattr__(self, "plain_dates", {})
        object.__setattr__(self, "places", {})

    def country(self, person_id: str) -> str | None:
        return self.countries.get(person_id)


def _index(
    source: Source,
    cleaned: Cleaned,
    sentences: tuple[Sentence, ...],
    actors: Actors,
    dates: tuple[DateMention, ...],
) -> _Doc:
    by_sentence: dict[int, list[DateMention]] = {}
    for mention in dates:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    countries = {p.id: p.country for p in actors.people if p.country}
    for person in actors.people:
        if person.id not in countries and person.title and _EU_OFFICE.match(person.title):
            countries[person.id] = "EU"  # "Mrs. Ilse Kranz, European Commissioner for Energy"
    for said in actors.mentions:
        if said.kind == "title" and said.person_id not in countries:
            named = find_countries(cleaned.text[said.start : said.end])
            if named and named[0][2] != "EU":
                countries[said.person_id] = named[0][2]  # "the Brazilian president"
    countries |= _spoken_for(cleaned.text, sentences, actors, countries)
    return _Doc(
        text=cleaned.text,
        sentences=sentences,
        actors=actors,
        dates=by_sentence,
        mentions=actors.by_sentence,
        mention_starts=frozenset(m.start for m in actors.mentions),
        reference=cleaned.reference_date,
        dateline=_dateline_city(sentences),
        publisher_country=_publisher_country(source),
        countries=countries,
        hits={s.index: _find_triggers(s.text, s.start) for s in sentences},
        captions=_captions(sentences),
        starts={s.start: s for s in sentences},
    )


def _captions(sentences: Sequence[Sentence]) -> frozenset[int]:
    """Sentences of a paragraph that ends in a photo credit ("Photo: ...")."""
    credited = {s.block for s in sentences if s.kind == "body" and _CREDIT.match(s.text)}
    return frozenset(s.index for s in sentences if s.block in credited)


def _publisher_country(source: Source) -> str | None:
    """The state of the publisher: named in its name, an EU institution, or its country domain."""
    named = [c for _, _, c in find_countries(source.publisher)] if source.publisher else []
    if any(c != "EU" for c in named):
        return [c for c in named if c != "EU"][-1]
    if _EU_BODY.search(source.publisher or "") or _EU_BODY.search((source.url or "").lower()):
        return "EU"
    host = _URL_HOST.match(source.url or "")
    if host is None:
        return None
    labels = host["host"].lower().rstrip(".").split(".")
    if labels[-1] in ("gov", "mil"):
        return "US"
    if len(labels[-1]) != 2 or labels[-1] in _VANITY_DOMAINS:
        return None
    code = "GB" if labels[-1] == "uk" else labels[-1].upper()
    return code if pycountry.countries.get(alpha_2=code) else None


def _spoken_for(
    text: str, sentences: Sequence[Sentence], actors: Actors, known: dict[str, str]
) -> dict[str, str]:
    """States of people of unknown state, from what they say or how they are introduced.

    "Ruiz said Chile would ..." makes Ruiz Chilean (the state is the subject of
    his words, not a possessive or a list: "said Peru's ...", "said Chile and
    Peru ..." prove nothing); "European Commission President X" makes X the EU's.
    Two different states for one person prove nothing either.
    """
    found: dict[str, set[str]] = {}
    for mention in actors.mentions:
        if mention.person_id in known:
            continue
        sentence = sentences[mention.sentence]
        before = text[max(sentence.start, mention.start - 60) : mention.start]
        if mention.kind == "name" and _EU_BODY.search(before.split(",")[-1]):
            found.setdefault(mention.person_id, set()).add("EU")
        after = text[mention.end : min(sentence.end, mention.end + 200)]
        lead = _SPEAKS_FOR.match(after)
        if lead is None:
            continue
        rest = after[lead.end() :]
        named = find_countries(rest[:60])
        if named and named[0][0] == 0 and _SUBJECT_VERB.match(rest, named[0][1]):
            found.setdefault(mention.person_id, set()).add(named[0][2])
    return {person: codes.pop() for person, codes in found.items() if len(codes) == 1}


def _takes_part(doc: _Doc, person_id: str) -> bool:
    """False for a seat of government taken for a person and for a spokesperson who reports."""
    person = doc.actors.person(person_id)
    if person is None:
        return True
    words = _words(person.name)
    if _longest_in(_seats(), words) == len(words):
        return False
    return not (person.title and _REPORTER.search(person.title))


def _people_in(
    doc: _Doc,
    sentence: Sentence,
    spans: list[tuple[int, int]],
    skip: frozenset[int] = frozenset(),
) -> list[str]:
    """Person ids mentioned inside the spans; an unresolved "he" is the sentence's subject.

    Mentions starting at an offset of `skip` (a speaker's "Li said") do not count.
    """
    people: list[str] = []
    mentions = doc.mentions.get(sentence.index, ())
    if not mentions:
        return people  # nobody named, and nobody a pronoun could stand for
    for mention in mentions:
        if (
            _within(spans, mention.start, mention.end)
            and mention.start not in skip
            and mention.person_id not in people
        ):
            people.append(mention.person_id)
    taken = {m.start for m in mentions}
    for match in _PRONOUN.finditer(sentence.text):
        start = sentence.start + match.start()
        if start not in taken and _within(spans, start, start + 2):
            first = mentions[0].person_id
            if first not in people:
                people.append(first)
    return people


def _plain_dates(doc: _Doc, sentence: Sentence) -> list[DateMention]:
    """Dates of the sentence that place its event in time (not anniversary origins).

    A dateline's date ("NAIROBI, Feb 2 (AP) --") is the day the story was filed: it
    places the event only when the sentence gives no date of its own ("on Thursday").
    The list is kept for the document's other rules: read it, never change it."""
    found = doc.plain_dates.get(sentence.index)
    if found is None:
        found = doc.plain_dates[sentence.index] = _read_plain_dates(doc, sentence)
    return found


def _read_plain_dates(doc: _Doc, sentence: Sentence) -> list[DateMention]:
    dates = [
        d for d in doc.dates.get(sentence.index, []) if not counts_back(doc.text[d.start : d.end])
    ]
    after = sentence_dateline_end(sentence) if dates else 0
    if after:
        own = [d for d in dates if d.start >= sentence.tokens[after - 1].end]
        return own or dates
    return dates


def _nearest(dates: list[DateMention], position: int) -> DateMention | None:
    if not dates:
        return None
    return min(dates, key=lambda d: (d.precision != "day", abs(d.start - position)))


def _same_day(a: str | None, b: str | None, slack: int) -> bool:
    if a is None or b is None:
        return True
    if len(a) == len(b) == 10:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= slack
    return a == b


def _same_place(a: str, b: str) -> bool:
    """Two names of one place, or a city and the country it lies in."""
    if a == b:
        return True
    cities = _cities()
    city_a, city_b = cities.get(_words(a)), cities.get(_words(b))
    if city_a and city_b:
        return False
    country_a = city_a[1] if city_a else country_code(a)
    country_b = city_b[1] if city_b else country_code(b)
    return country_a is not None and country_a == country_b


def _duplicate(event: Event, other: Event) -> bool:
    """True when two events are one contact: same kind, a party in common, place and day."""
    if _GROUP.get(event.type, event.type) != _GROUP.get(other.type, other.type):
        return False
    if event.countries and other.countries and not set(event.countries) & set(other.countries):
        return False
    trip = other.primary and other.type == "visit"  # a trip's stops are the trip
    if (
        not trip
        and event.location
        and other.location
        and not _same_place(event.location, other.location)
    ):
        return False
    slack = 3 if _GROUP.get(event.type) == "in_person" else 1
    return _same_day(event.date, other.date, slack)


# ---------------------------------------------------------------- primary event


@dataclass(init=False)
class _Primary:
    hit: _Hit | None
    type: EventType
    sentence: Sentence | None
    reporting: set[int]  # sentences that report the primary event

    def __init__(
        self,
        hit: _Hit | None,
        type: EventType,
        sentence: Sentence | None,
        reporting: set[int],
    ) -> None:
        self.hit = hit
        self.type = type
        self.sentence = sentence
        self.reporting = reporting


def _title(doc: _Doc, source: Source) -> tuple[Sentence | None, str]:
    sentence = next((s for s in doc.sentences if s.kind == "title"), None)
    return sentence, sentence.text if sentence else (source.title or "")


def _choose_primary(doc: _Doc, source: Source) -> _Primary:
    """Pick the trigger sentence and the type of the event the text is about."""
    title_sentence, title_text = _title(doc, source)
    title_offset = title_sentence.start if title_sentence else 0
    # a headline of the text was read with the other sentences; one from the metadata not
    read = doc.hits[title_sentence.index] if title_sentence else _find_triggers(title_text)
    title_hits = [
        h
        for h in read
        if h.type != "statement"
        and not (
            h.type == "summit" and _OUTSIDE_SUMMIT.search(title_text[: h.start - title_offset])
        )
    ]
    title_best = _best(title_hits, title_text, title_offset)
    body = [s for s in doc.sentences if s.kind == "body" and s.index not in doc.captions][:_LEAD]
    candidates: list[tuple[Sentence, list[_Hit]]] = []
    for sentence in body:
        hits = [
            h
            for h in doc.hits[sentence.index]
            if h.type != "statement"
            and not (
                h.type == "summit" and _OUTSIDE_SUMMIT.search(doc.text, sentence.start, h.start)
            )
        ]
        named = doc.mentions.get(sentence.index) or sentence_countries(sentence)
        if hits and named:
            candidates.append((sentence, hits))
    wanted = _GROUP.get(title_best.type, title_best.type) if title_best else None
    chosen = next(
        (c for c in candidates if any(_GROUP.get(h.type, h.type) == wanted for h in c[1])),
        candidates[0] if candidates else None,
    )
    if chosen is None:
        fallback = next((s for s in body if doc.mentions.get(s.index)), body[0] if body else None)
        hit = title_best if title_sentence else None  # offsets of a title outside the text
        kind: EventType = title_best.type if title_best else "statement"
        return _Primary(hit, kind, fallback, {fallback.index} if fallback else set())
    sentence, hits = chosen
    main = _clauses(sentence)[0]
    main_strong = [h for h in hits if h.strong and _within([main], h.start, h.end)]
    # a strong trigger of the main clause beats one of a background clause
    body_best = _best(main_strong or hits, doc.text, 0)
    assert body_best is not None
    if title_best and title_best.strong:
        kind = title_best.type
        # the body may say how the contact was made: "met ... via video link"
        if (
            kind in ("meeting", "summit")
            and body_best.strong
            and body_best.type in ("video_call", "phone_call")
        ):
            kind = body_best.type
    elif body_best.strong:
        kind = body_best.type
    else:
        following = [
            h
            for s in body
            if sentence.index < s.index <= sentence.index + 2
            for h in doc.hits[s.index]
            if h.strong and h.type in ("video_call", "phone_call")
        ]
        weak = [*hits, *title_hits]
        kind = (following[0] if following else _best(weak) or body_best).type
    hit = next((h for h in hits if h.type == kind), body_best)
    reporting = {sentence.index}
    if title_sentence:
        reporting.add(title_sentence.index)
    group = _GROUP.get(kind, kind)
    for other in body:
        if other.index == sentence.index or _is_future(other):
            continue
        if any(_GROUP.get(h.type, h.type) == group for h in doc.hits[other.index]):
            reporting.add(other.index)
    return _Primary(hit, kind, sentence, reporting)


def _primary_date(doc: _Doc, primary: _Primary) -> DateMention | None:
    sentence = primary.sentence
    if sentence is None:
        return None
    position = (
        primary.hit.start if primary.hit and primary.hit.start >= sentence.start else sentence.start
    )
    own = _plain_dates(doc, sentence)
    if _is_future(sentence):  # "will travel ..., his spokesman said on Friday"
        own = [d for d in own if not _SAID_ON.search(doc.text, sentence.start, d.start)]
    found = _nearest(own, position)
    if found:
        return found
    title = next((s for s in doc.sentences if s.kind == "title"), None)
    if title:
        found = _nearest([d for d in _plain_dates(doc, title) if d.precision == "day"], title.start)
        if found:
            return found
    body = [s for s in doc.sentences if s.kind == "body"][:_LEAD]
    earlier = [s for s in body if s.index < sentence.index and not _is_future(s)]
    for other in reversed(earlier):
        days = [d for d in _plain_dates(doc, other) if d.precision == "day"]
        if days:
            return days[0]
    later = [s for s in body if s.index in primary.reporting and s.index > sentence.index]
    for other in later:
        days = [d for d in _plain_dates(doc, other) if d.precision == "day"]
        if days:
            return days[0]
    return None


def _speech_before(before: str) -> bool:
    """The words before a mention end with a reporting verb or "according to": "said
    Qin", "according to the". The pattern is tried over the last words only: a search over
    the whole text would try it at every position, and no match spans more words; and only
    when they may end in a match (`_may_speak_before`)."""
    if not _may_speak_before(before):
        return False
    head = before.rsplit(None, _SPEECH_BEFORE_WORDS)
    start = len(head[0]) if len(head) > _SPEECH_BEFORE_WORDS else 0
    return _SPEECH_BEFORE.search(before, start) is not None


def _may_speak_before(before: str) -> bool:
    """Whether `_SPEECH_BEFORE` may match `before`: every match ends in a space, after a word
    that ends as one of `_SPEECH_BEFORE_ENDS` does (past a "the"), in any case; a text with a
    letter that matches an ASCII one only when case is ignored ("ſaid") may match anyway."""
    if not before[-1:].isspace():
        return False
    words = before.rsplit(None, 2)[-2:]
    if words and words[-1].lower() == "the":
        words.pop()
    return (bool(words) and words[-1].lower().endswith(_SPEECH_BEFORE_ENDS)) or holds(
        CASE_FOLDED_ASCII, before
    )


def _speakers(doc: _Doc, sentence: Sentence) -> list[str]:
    """People the sentence reports as speaking: "Li said", "said Qin", "according to Anwar"."""
    found = []
    for mention in doc.mentions.get(sentence.index, ()):
        after = doc.text[mention.end : sentence.end]
        before = doc.text[sentence.start : mention.start]
        if _SPEECH_AFTER.match(after) or _speech_before(before):
            found.append(mention.person_id)
    return found


def _reporter_mentions(doc: _Doc, sentence: Sentence) -> list[Mention]:
    """The mentions of the sentence that introduce someone's report of something.

    "Li said the summit will ...", "according to Li": the words that follow are
    about an event, which does not make Li a party to it ("Li and Kim agreed"
    is no report).
    """
    found = []
    for mention in doc.mentions.get(sentence.index, ()):
        after = doc.text[mention.end : sentence.end]
        before = doc.text[sentence.start : mention.start]
        if _REPORTS_AFTER.match(after) or _speech_before(before):
            found.append(mention)
    return found


def _fill_unknown(
    doc: _Doc, countries: set[str], people: list[str], texts: list[str], bare_title: bool
) -> None:
    """Complete a one-sided event from evidence the text gives about an unnamed side.

    Only when fewer than two states are known: a seat of government named in
    the reporting sentences ("the Elysee said"); then, when a participant's
    state is unknown or an unnamed office holder takes part, the dateline's
    city or the publisher's state.
    """
    if len(countries) >= 2:
        return
    for code in (c for text in texts for c in _seat_countries(text)):
        if len(countries) < 2 and code != "EU":
            countries.add(code)
    unknown = [p for p in people if doc.country(p) is None]
    if len(countries) >= 2 or not (unknown or bare_title):
        return
    candidates: list[str] = []
    if len(countries) == 1:
        partner = _pair_partner(doc, next(iter(countries)))
        if partner:
            candidates.append(partner)
    if doc.dateline:
        candidates.append(doc.dateline[1])
    if doc.publisher_country:
        candidates.append(doc.publisher_country)
    for code in candidates:
        if len(countries) >= 2:
            break
        countries.add(code)


def _pairs(text: str, spans: list[tuple[int, int, str]] | None = None) -> list[tuple[str, str]]:
    """Pairs of states the text coordinates as two sides: "Chile and Peru", "Chile-Peru".

    A run of three or more ("Chile, Peru and Bolivia") is a list, not a pair. `spans`, when
    known, are the text's `find_countries`.
    """
    spans = find_countries(text) if spans is None else spans
    runs: list[list[str]] = []
    previous_end = -1
    for start, end, code in spans:
        if runs and _PAIR_JOINER.fullmatch(text, previous_end, start):
            runs[-1].append(code)
        else:
            runs.append([code])
        previous_end = end
    return [(run[0], run[1]) for run in runs if len(run) == 2 and run[0] != run[1]]


def _pair_partner(doc: _Doc, known: str) -> str | None:
    """The state the text most often pairs with `known` ("Chile and Peru"), if one stands out."""
    counts: dict[str, int] = {}
    for sentence in doc.sentences:
        if sentence.index in doc.captions or not _PAIR_HINT.search(sentence.text):
            continue
        for a, b in _pairs(sentence.text, sentence_countries(sentence)):
            if known in (a, b):
                other = b if a == known else a
                counts[other] = counts.get(other, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _location(
    doc: _Doc, kind: EventType, texts: list[tuple[str, int]], lead: int | None = None
) -> tuple[str | None, str | None]:
    """(location, destination country) of an in-person event from its reporting texts.

    Under a dateline, a place of no known state named only after the first `lead` texts
    ("the oil fields in the Corisco Bay" in what a speaker said) is no evidence against
    the dateline's city, which the caller falls back on."""
    if kind not in _IN_PERSON:
        return None, None
    lead = len(texts) if lead is None else lead
    places = [
        p
        for n, (text, _) in enumerate(texts)
        for p in _places(doc, text)
        if n < lead or p.country is not None or doc.dateline is None
    ]
    # "here" is in every match: most texts need no search
    said_here = [(text, offset) for text, offset in texts if "here" in text and _HERE.search(text)]
    here = doc.dateline is not None and bool(said_here)
    if (
        doc.dateline
        and said_here
        and not any(p.is_city for text, _ in said_here for p in _places(doc, text))
    ):
        # "met ... here today" under a dateline: the dateline's city, whatever other
        # sentences about the event name (a coming visit, a past session elsewhere)
        return doc.dateline[0], doc.dateline[1] if kind == "visit" else None
    if kind == "visit":
        destinations = [p for p in places if p.destination]
        cities = [p for p in places if p.is_city]
        destination = destinations[0] if destinations else (cities[0] if cities else None)
        if cities:
            return cities[0].name, destination.country if destination else None
        if here and doc.dateline:
            return doc.dateline[0], doc.dateline[1]
        if destination and doc.dateline and destination.country == doc.dateline[1]:
            # "the first visit by an Argentine president to Spain" under "MADRID, Oct. 6 -":
            # the dateline's city, as for a meeting
            return doc.dateline[0], destination.country
        if destination:
            return destination.name, destination.country
    else:
        known = [p for p in places if p.is_city and p.country] or [p for p in places if p.is_city]
        if known:
            return known[0].name, None
        if places and doc.dateline and places[0].country == doc.dateline[1]:
            return doc.dateline[0], None  # "in the Vatican" under "Vatican City -": the city
        if places:
            return places[0].name, None
    if here and doc.dateline:
        return doc.dateline[0], None
    return None, None


def _primary_event(doc: _Doc, source: Source) -> tuple[Event, _Primary]:
    primary = _choose_primary(doc, source)
    sentence = primary.sentence
    date = _primary_date(doc, primary)
    title_sentence, title_text = _title(doc, source)
    people: list[str] = []
    countries: set[str] = set()
    texts: list[tuple[str, int]] = []
    bare_title = False
    if title_sentence:
        people += [m.person_id for m in doc.mentions.get(title_sentence.index, ())]
    title_start = title_sentence.start if title_sentence else -(10**6)
    title_spans = _countries_of(doc, title_text, title_start)
    parties, _ = _party_countries(title_text, title_start, doc.mention_starts, title_spans)
    countries.update(parties)
    texts.append((title_text, title_start))
    if sentence is not None:
        clauses = _clauses(sentence)
        hit = primary.hit
        kept = [
            c
            for i, c in enumerate(clauses)
            if i == 0 or (hit is not None and _within([c], hit.start, hit.end))
        ]
        people += _people_in(doc, sentence, kept)
        for start, end in kept:
            text = doc.text[start:end]
            spans = _countries_of(doc, text, start)
            parties, _ = _party_countries(text, start, doc.mention_starts, spans)
            countries.update(parties)
            texts.append((text, start))
        bare_title = bool(_BARE_TITLE.search(sentence.text))
    group = _GROUP.get(primary.type, primary.type)
    lead_texts = len(texts)  # the title's and the reporting sentence's
    for index in sorted(primary.reporting - {sentence.index if sentence else -1}):
        other = doc.sentences[index]
        if other.kind == "title" or _own_date_differs(doc, other, date):
            continue
        hits = [h for h in doc.hits[other.index] if _GROUP.get(h.type, h.type) == group]
        others = [
            c
            for c in _clauses(other)
            if any(_within([c], h.start, h.end) for h in hits)
            and not _another_year(doc, other, c, date)
        ]
        found = _people_in(doc, other, others)
        afterwards = any(_AFTERWARDS.search(doc.text, a, b) for a, b in others)
        if afterwards and not set(found) <= set(people):
            continue  # "Sisi later received Araghchi": a contact after it, with another person
        people += found
        texts += [(doc.text[a:b], a) for a, b in others]
    lead = next(
        (s for s in doc.sentences if s.kind == "body" and s.index not in doc.captions), None
    )
    if (
        lead is not None
        and sentence is not None
        and lead.index < sentence.index
        and not doc.hits[lead.index]
        and not _is_future(lead)
        and not _own_date_differs(doc, lead, date)
    ):
        # a lead naming no contact tells what came of the one a later sentence names:
        # "Prime Ministers A of X and B of Y on Thursday pledged ..." then "A told a
        # joint press conference in Skopje"
        main = list(_clauses(lead)[:1])
        people += _people_in(doc, lead, main)
        texts += [(doc.text[a:b], a) for a, b in main]
    for other in doc.sentences:
        if (
            other.kind == "body"
            and holds(_ATTENDANCE_WORDS, other.text)
            and _ATTENDANCE.search(other.text)
            and not _is_future(other)
            and not _own_date_differs(doc, other, date, in_reported_words=False)
        ):
            people += _people_in(doc, other, [(other.start, other.end)])
    people = [p for p in dict.fromkeys(people) if _takes_part(doc, p)]
    countries.update(c for p in people if (c := doc.country(p)))
    # a later sentence's place of a coming meeting ("would be held in Copenhagen") is not
    # where this one took place
    location, destination = _location(
        doc,
        primary.type,
        texts[:lead_texts] + [t for t in texts[lead_texts:] if not _LATER.search(t[0])],
        lead_texts,
    )
    if destination:
        countries.add(destination)
    if len(countries) < 2:  # "Australia and Papua New Guinea signed ...": states as subjects
        for text, offset in texts:
            hits = [h for h in _triggers_of(doc, text, offset) if h.type == primary.type]
            if hits:
                countries.update(_subject_countries(text[: hits[0].start - offset]))
    _fill_unknown(doc, countries, people, [t for t, _ in texts], bare_title)
    for other in doc.sentences:
        if (
            other.kind == "body"
            and not _OTHER_MATTER.match(other.text)
            and not _own_date_differs(doc, other, date, in_reported_words=False)
        ):
            for speaker in _speakers(doc, other):
                if doc.country(speaker) in countries and speaker not in people:
                    people.append(speaker)
    if location is None and primary.type in ("meeting", "visit", "agreement") and doc.dateline:
        city, code = doc.dateline
        elsewhere = [
            p
            for p in (_places(doc, sentence.text) if sentence is not None else [])
            if p.is_city or p.country != code
        ]
        if code in countries and sentence is not None and not elsewhere:
            # "received at State House the Prime Minister of Malawi, who is on a working
            # visit to Zambia" under "Lusaka, 12 March -": no place but the dateline's state
            location = city
    event = Event(
        key="e0",
        type=primary.type,
        date=date.value if date else None,
        precision=date.precision if date else None,
        countries=tuple(sorted(countries)),
        location=location,
        participants=tuple(people),
        primary=True,
        sentence=sentence.index if sentence else 0,
    )
    return event, primary


def _own_date_differs(
    doc: _Doc, sentence: Sentence, date: DateMention | None, in_reported_words: bool = True
) -> bool:
    """True when the sentence is dated, to the day or month, away from the primary event.

    Without `in_reported_words`, dates in the words a speaker reports do not count: in "X, who
    attended the talks, told reporters that an accord would be signed in May", May dates
    the accord, not the talks X attended."""
    if date is None:
        return False
    own = [d for d in _plain_dates(doc, sentence) if d.precision != "year"]
    if not own:
        return False  # most sentences: no date, and no need to look for a reporting verb
    words = None if in_reported_words else _reported_words(sentence)
    if words is not None:
        own = [d for d in own if d.start < words]
    return bool(own) and all(not _same_time(d.value, date.value) for d in own)


def _reported_words(sentence: Sentence) -> int | None:
    """Document offset where the words the sentence reports begin ("said that ...", "told
    reporters: ..."), or None; found once for each sentence (the event rules ask of many
    sentences more than once)."""
    return sentence.once("reported_words", _read_reported_words)


def _read_reported_words(sentence: Sentence) -> int | None:
    verb = _SPEECH_VERB.search(sentence.text)
    words = verb and _REPORTED_WORDS.search(sentence.text, verb.end())
    return sentence.start + words.start() if words else None


def _another_year(
    doc: _Doc, sentence: Sentence, clause: tuple[int, int], date: DateMention | None
) -> bool:
    """True when a clause is dated only to other years than the primary event ("the
    commission, which last met in Accra in 2017"), or to any year when the primary event
    is undated ("his visit to Nairobi in 2023"): it tells of another contact."""
    own = [d for d in _plain_dates(doc, sentence) if _within([clause], d.start, d.end)]
    if date is None:  # the year written out, not a weekday the publication date resolved
        return any(d.value[:4] in doc.text[d.start : d.end] for d in own)
    return bool(own) and all(d.value[:4] != date.value[:4] for d in own)


def _same_time(value: str, other: str) -> bool:
    """Dates that may name one day: within a day, or a month holding the other day."""
    if len(value) == len(other) == 10:
        return _same_day(value, other, 1)
    return value[:7] == other[:7]


# ---------------------------------------------------------------- mentioned events


def _inherited_date(doc: _Doc, sentence: Sentence) -> DateMention | None:
    """A year or month framing the previous sentence of the paragraph ("This year ...")."""
    if sentence.index == 0:
        return None
    previous = doc.sentences[sentence.index - 1]
    if previous.block != sentence.block:
        return None
    coarse = [d for d in _plain_dates(doc, previous) if d.precision != "day"]
    return coarse[0] if coarse else None


def _mentioned_event(doc: _Doc, sentence: Sentence, primary: Event) -> Event | None:
    hits = [h for h in doc.hits[sentence.index] if h.type != "diplomatic_relations"]
    if not hits:
        return None
    clauses = _clauses(sentence)
    origins = _origins(doc, sentence, primary.date)
    dates = [d for d in _plain_dates(doc, sentence) if d not in origins]
    date: DateMention | None = None
    if dates:
        date = min(dates, key=lambda d: min(abs(d.start - h.start) for h in hits))
        clause = next(c for c in clauses if _within([c], date.start, date.end))
        in_clause = [h for h in hits if _within([clause], h.start, h.end)]
        best = _first_since(doc.text, hits, date) or _best(
            in_clause or hits, doc.text, 0, _SIDELINES
        )
    else:
        date = _inherited_date(doc, sentence)
        best = _best(hits, doc.text, 0, _SIDELINES)
    assert best is not None
    spans = [c for c in clauses if _within([c], best.start, best.end)]
    if date and dates:
        spans += [c for c in clauses if _within([c], date.start, date.end) and c not in spans]
    if best.type == "statement" and (date is None or date.value == primary.date):
        return None
    if best.type == "agreement" and not best.strong and _IN_FORCE.search(sentence.text):
        return None  # an accord "in force since 2020" dates its effect, not a signing
    # who reports a contact is not for that a party to it: "Ruiz said the summit will ..."
    skip = frozenset(m.start for m in _reporter_mentions(doc, sentence) if best.type != "statement")
    people = _people_in(doc, sentence, spans, skip)
    if not people and len(primary.participants) == 2 and _THEY_MET.match(sentence.text):
        people = list(primary.participants)
    if best.type == "statement" and not people:
        return None  # a statement is someone's: "the ministry announced" is too vague
    texts = [(doc.text[a:b], a) for a, b in spans]
    location, destination = _location(doc, best.type, texts)
    value, precision = (date.value, date.precision) if date else (None, None)
    if (
        date is None
        and best.type == "agreement"
        and primary.type in ("meeting", "visit")
        and _SIGNED_NOW.search(sentence.text)
        and not _SIGNED_BEFORE.search(sentence.text)
        and not _is_future(sentence)
    ):
        value, precision = primary.date, primary.precision  # signed at the meeting itself
        location = location or primary.location
    elif date is None and (_is_future(sentence) or not (location and len(people) >= 2)):
        arranged = best.type in ("meeting", "visit") and _ARRANGED.search(sentence.text)
        if not (arranged and location):
            return None
    countries = {c for p in people if (c := doc.country(p))}
    read = []  # each text's country phrases, and which of them name parties and places
    for text, offset in texts:
        named_here = _countries_of(doc, text, offset)
        read.append((named_here, _party_countries(text, offset, doc.mention_starts, named_here)))
    for _, (parties, _) in read:
        countries.update(parties)
    if destination:
        countries.add(destination)
    if best.type == "statement":  # "thanked Japan": the state addressed is a party too
        for named_here, (_, places) in read:
            named = {c for _, _, c in named_here if c != "EU"}
            countries.update(named - set(places))
    if (
        _BOTH_SIDES.search(sentence.text)
        or (len(countries) < 2 and any(doc.country(p) is None for p in people))
        or (not people and len(primary.countries) == 2 and countries <= set(primary.countries))
    ):
        # a text about a pair mentions the pair's other contacts: "the NATO summit in June"
        countries.update(primary.countries)
    if not countries:
        return None
    if location is None and best.type in _IN_PERSON and value and value == primary.date:
        location = primary.location
    return Event(
        key="",
        type=best.type,
        date=value,
        precision=precision,
        countries=tuple(sorted(countries)),
        location=location,
        participants=tuple(p for p in people if _takes_part(doc, p)),
        primary=False,
        sentence=sentence.index,
    )


def _first_since(text: str, hits: Sequence[_Hit], date: DateMention) -> _Hit | None:
    """ "her first visit to Accra since May 2019": the one before was in May 2019."""
    if not _SINCE_BEFORE.search(text, max(0, date.start - 8), date.start):
        return None
    for hit in sorted(hits, key=lambda h: -h.start):
        if hit.end <= date.start and hit.type in _IN_PERSON:
            if _FIRST_BEFORE.search(text, max(0, hit.start - 30), hit.start):
                return hit
            return None
    return None


def _origins(doc: _Doc, sentence: Sentence, primary_date: str | None) -> list[DateMention]:
    """Dates of a sentence about diplomatic relations that say when they began."""
    dates = doc.dates.get(sentence.index, [])
    text = sentence.text
    if not dates or not (
        may_hold(_RELATIONS_WORDS, text, text.lower()) and _RELATIONS.search(text)
    ):
        return []  # most sentences hold no date: no need to read them for relations
    origins = [d for d in dates if counts_back(doc.text[d.start : d.end])]
    if _ORIGIN_WORDS.search(sentence.text):
        origins += [
            d
            for d in dates
            if d not in origins
            and d.value != primary_date
            and (doc.reference is None or int(d.value[:4]) < doc.reference.year)
        ]
    return origins


def _relations_event(doc: _Doc, primary: Event) -> Event | None:
    """The establishment of diplomatic relations, dated as precisely as the text allows."""
    best: tuple[DateMention, Sentence] | None = None
    for sentence in doc.sentences:
        if sentence.kind != "body":
            continue
        origins = _origins(doc, sentence, primary.date)
        if not origins:
            continue
        earliest = min(origins, key=lambda d: (d.value[:4], -len(d.value)))
        if best is None or len(earliest.value) > len(best[0].value):
            best = (earliest, sentence)
    if best is None:
        return None
    date, sentence = best
    named = {code for _, _, code in sentence_countries(sentence) if code != "EU"}
    countries = named if len(named) >= 2 else named | set(primary.countries)
    if len(countries) < 2:
        return None
    return Event(
        key="",
        type="diplomatic_relations",
        date=date.value,
        precision=date.precision,
        countries=tuple(sorted(countries)),
        location=None,
        participants=(),
        primary=False,
        sentence=sentence.index,
    )


def find_events(
    source: Source,
    cleaned: Cleaned,
    sentences: tuple[Sentence, ...],
    actors: Actors,
    dates: tuple[DateMention, ...],
) -> tuple[Event, ...]:
    """Find the text's primary event and the earlier or later events it mentions.

    Reads the source's title and publisher, the cleaned text's reference date,
    the sentences (title and body), the actors' people and mentions and the
    resolved dates; returns the primary event first (key "e0"), then the
    mentioned events in text order ("e1", "e2" ...), with participants as
    Person ids and countries as sorted alpha-2 codes.
    """
    if not sentences:
        return ()
    doc = _index(source, cleaned, sentences, actors, dates)
    primary, chosen = _primary_event(doc, source)
    events: list[Event] = [primary]
    for sentence in sentences:
        if sentence.kind != "body" or sentence.index == primary.sentence:
            continue
        own = [d.value for d in _plain_dates(doc, sentence)]
        elsewhere = primary.location is not None and any(
            p.name != primary.location for p in _places(doc, sentence.text)
        )
        if (
            sentence.index in chosen.reporting
            and all(v == primary.date for v in own)
            and not elsewhere
        ):
            continue  # another sentence about the primary event
        event = _mentioned_event(doc, sentence, primary)
        if event and not any(_duplicate(event, known) for known in events):
            events.append(event)
    relations = _relations_event(doc, primary)
    if relations and not any(_duplicate(relations, known) for known in events):
        events.append(relations)
    ordered = [primary, *sorted(events[1:], key=lambda e: e.sentence)]
    return tuple(amended(e, key=f"e{i}") for i, e in enumerate(ordered))


def link_statements(
    statements: tuple[Statement, ...], events: tuple[Event, ...], actors: Actors
) -> tuple[Statement, ...]:
    """Attach each statement to the event it was made at.

    Reads statements, events and actors; returns new statements whose
    `event_key` is the primary event's key — statements are the participants'
    words at the event the text reports — unless the speaker takes no part in
    the primary event but does in a mentioned event reported in the
    statement's own sentence. Words of someone who takes part in neither are
    dropped: a statement belongs to an event its speaker attended.
    """
    primary = next((e for e in events if e.primary), None)
    if primary is None:
        return statements
    others = [e for e in events if not e.primary]
    linked = []
    for statement in statements:
        key = primary.key
        if statement.speaker not in primary.participants:
            own = [
                e
                for e in others
                if statement.speaker in e.participants
                and any(
                    m.person_id == statement.speaker and statement.start <= m.start < statement.end
                    for m in actors.in_sentence(e.sentence)  # the event's sentence's mentions
                )
            ]
            if not own:
                continue  # a bystander's words (a third country's leader) are no part of it
            key = own[0].key
        linked.append(statement.linked_to(key))
    return tuple(linked)
