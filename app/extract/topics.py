"""Topic stage: tag each statement with the slugs of the topic taxonomy it addresses.

Keywords live in `lexicon/topic_keywords.csv` (slug, then phrases separated by
";"); the taxonomy itself in `lexicon/topics.csv`. Keywords are looked up
word by word in one table, longest phrase first, so that at any position the
most specific phrase wins and consumes its words:

- "free trade" is free-trade, not also trade; "food security" is agriculture,
  not also security. A phrase that belongs to two topics is listed under both
  ("free trade agreement": trade and free-trade).
- Rows of the pseudo-slug `_none` are phrases that consume words without
  giving a topic ("green light").
- Matching works on words: it ignores case, except for short acronyms written
  in capitals in the data file ("EU", "UN", "WHO"), treats a hyphen and a
  space alike, and reduces plurals alike in keywords and text ("tariff" finds
  "tariffs", "economy" finds "economies"). A phrase never runs across a full
  stop.
"""

from __future__ import annotations

import csv
import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from app.extract.countries import find_countries
from app.extract.patterns import (
    first_letters,
    leading_words,
    may_hold,
    run_table,
    runs,
    starting_with,
)
from app.extract.records import Actors, Event, Mention, Sentence, Statement, amended

_NO_TOPIC = "_none"
_TOKEN = re.compile(r"[A-Za-z0-9&]+")
# `_TOKEN`'s words in lower case, as `runs` finds them without a search
_WORD_TABLE = run_table(string.ascii_letters + string.digits + "&", lower=True)
_ACRONYM = re.compile(r"^[A-Z0-9&]{2,5}$")
# what may stand between two words of one phrase: spaces, a hyphen, an apostrophe, a comma
_JOINER = re.compile(r"[\s\-'\u2019\u2018,]*")
# Both sides as one subject: "the two leaders", "both sides", "the ministers", "they".
_JOINT_SUBJECT = starting_with(
    "bt",
    r"\b(?:(?:the|both)\s+(?:two\s+)?(?:leaders|sides|ministers|presidents|premiers"
    r"|prime\s+ministers|foreign\s+ministers|heads\s+of\s+(?:state|government)|delegations"
    r"|counterparts)|the\s+two|they)\b",
    re.I,
)
# What a meeting addresses, as opposed to what it is: "discussed", "agreed on", "focused on".
# Each form opens with a word (in lower case) every match of it holds: a sentence with
# none of them needs no search.
_ADDRESSED_FORMS = (
    r"discuss\w*", "agreed", "agree", "committed", "exchanged", r"talked\s+about",
    r"focus\w*\s+on", r"cent(?:red|ered)\s+on", "reviewed", r"touched\s+on", "addressed",
    "noted", "welcomed", "confirmed", "concurred", r"shared\s+the\s+view", "reaffirmed",
    "affirmed", "stressed", "emphasi[sz]ed", "underlined", "expressed", "pledged",
    r"called\s+for", "condemned", r"look(?:ed)?\s+forward", "explored", "covering",
)  # fmt: skip
_ADDRESSED_WORDS = leading_words(_ADDRESSED_FORMS)
_ADDRESSED = starting_with(
    first_letters(_ADDRESSED_WORDS), rf"\b(?:{'|'.join(_ADDRESSED_FORMS)})\b", re.I
)
# A coming event named only as the occasion of what the sides addressed now: "Looking
# ahead to the summit in Apia, the leaders discussed ...", "Ahead of the G20, they agreed ..."
_AHEAD_OF = re.compile(
    r"(?:Looking\s+ahead\s+to|Ahead\s+of|In\s+the\s+run-up\s+to|In\s+preparation\s+for)\b"
    r"[^.;]*?,\s+(?=(?:the|both|they)\b)",
    re.I,
)
# Europe beside a state is that state's other side, the EU ("relations between Chile and
# Europe", "Europe and Kenya"); beside anything else it is a place ("Asia and Europe").
_AND_EUROPE = re.compile(r"(?<=\s)and\s+Europe\b")
_EUROPE_AND = re.compile(r"\bEurope\s+and\s+(?=\S)")
# The topics as subject: "Climate and trade were at the top of the agenda."
_AGENDA = starting_with(
    "adot", r"\b(?:(?:on|at\s+the\s+top\s+of|topped|dominated)\s+the\s+agenda)\b", re.I
)


def _read(name: str) -> list[dict[str, str]]:
    text = resources.files("app.extract.lexicon").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def taxonomy() -> tuple[str, ...]:
    """The slugs of `lexicon/topics.csv`, in the taxonomy's order."""
    return tuple(row["slug"] for row in _read("topics.csv"))


@cache
def _taxonomy_order() -> dict[str, int]:
    """Slug -> its place in the taxonomy."""
    return {slug: n for n, slug in enumerate(taxonomy())}


def _in_taxonomy_order(found: set[str]) -> tuple[str, ...]:
    """The slugs of `found` that the taxonomy lists, in its order: a text finds a few of
    them, sorted by their places instead of walking every slug of the taxonomy."""
    order = _taxonomy_order()
    return tuple(sorted(found & order.keys(), key=order.__getitem__))


def _stem(word: str) -> str:
    """A crude singular of a lower-case word, applied alike to keywords and text."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(_stem(t.lower()) for t in _TOKEN.findall(phrase))


@dataclass(frozen=True)
class _Lexicon:
    phrases: dict[tuple[str, ...], frozenset[str]]  # stemmed lower-case words -> slugs
    acronyms: dict[str, frozenset[str]]  # exact capitals -> slugs
    prefixes: frozenset[tuple[str, ...]]
    start_words: frozenset[str]  # first words of phrases
    longest: int
    # every lower-case word that may open a phrase (its stem a start word) or be an acronym
    openers: frozenset[str]
    # every lower-case word whose stem is a word of a phrase -> that stem: a text's words are
    # stemmed by one look-up, and a word not here is in no phrase
    stems: dict[str, str]


@cache
def _lexicon() -> _Lexicon:
    """Every keyword of the data file, keyed for a longest-match scan over words."""
    known = set(taxonomy())
    phrases: dict[tuple[str, ...], set[str]] = {}
    acronyms: dict[str, set[str]] = {}
    for row in _read("topic_keywords.csv"):
        slug = row["slug"].strip()
        if slug != _NO_TOPIC and slug not in known:
            raise ValueError(f"topic_keywords.csv: unknown slug {slug!r}")
        for keyword in (k.strip() for k in row["keywords"].split(";")):
            if not keyword:
                continue
            if _ACRONYM.match(keyword):
                target = acronyms.setdefault(keyword, set())
            else:
                target = phrases.setdefault(_words(keyword), set())
            if slug != _NO_TOPIC:
                target.add(slug)
    stems = {w: stem for k in phrases for stem in k for w in _unstemmed(stem)}
    start_words = frozenset(k[0] for k in phrases)
    return _Lexicon(
        phrases={k: frozenset(v) for k, v in phrases.items()},
        acronyms={k: frozenset(v) for k, v in acronyms.items()},
        prefixes=frozenset(k[:n] for k in phrases for n in range(1, len(k))),
        start_words=start_words,
        longest=max(map(len, phrases)),
        openers=frozenset(
            [*(w for w, stem in stems.items() if stem in start_words), *map(str.lower, acronyms)]
        ),
        stems=stems,
    )


def _unstemmed(stem: str) -> list[str]:
    """Every word whose `_stem` is `stem`: `_stem` keeps a word or cuts "s", "es" or "ies"
    (for a "y") off its end, so each is one of these four."""
    forms = [stem, stem + "s", stem + "es", stem[:-1] + "ies" if stem.endswith("y") else stem]
    return [w for w in dict.fromkeys(forms) if _stem(w) == stem]


def topics_of(text: str) -> tuple[str, ...]:
    """Return the topic slugs a text addresses, in the taxonomy's order.

    Reads any text (a statement, a paragraph); returns the slugs whose
    keywords occur in it as whole words, the longest phrase winning where
    keywords overlap.
    """
    lexicon = _lexicon()
    lows, starts = runs(text, _WORD_TABLE)  # the words of `_TOKEN` in lower case, their starts
    found: set[str] = set()
    free = 0  # the first token not inside a phrase found
    # most words open no phrase and are no acronym: visit only those that may, the only
    # ones whose stem or written form is needed (a compiled loop tests each against the set
    # directly, where map would call its bound __contains__ for each)
    openers, stems = lexicon.openers, lexicon.stems
    for i in [k for k, low in enumerate(lows) if low in openers]:
        if i < free:
            continue
        best: tuple[int, frozenset[str]] | None = None
        acronym = lexicon.acronyms.get(text[starts[i] : starts[i] + len(lows[i])])
        if acronym is not None:
            best = (i, acronym)
        # a word's stem is read from the lexicon's table (a dict look-up, where stemming took
        # a call and its string tests); a word missing there opens and continues no phrase
        if stems.get(lows[i]) in lexicon.start_words:
            key: tuple[str, ...] = ()
            for j in range(i, min(i + lexicon.longest, len(lows))):
                stem = stems.get(lows[j])
                if stem is None:
                    break  # the word is in no phrase
                longer = (*key, stem)
                if longer not in lexicon.phrases and longer not in lexicon.prefixes:
                    break  # no phrase goes on with this word: no need to search between
                if (
                    j > i
                    and _JOINER.fullmatch(text, starts[j - 1] + len(lows[j - 1]), starts[j]) is None
                ):
                    break  # a phrase never runs across a full stop or a bracket
                key = longer
                slugs = lexicon.phrases.get(key)
                if slugs is not None:
                    best = (j, slugs)
                if key not in lexicon.prefixes:
                    break
        if best is not None:
            found |= best[1]
            free = best[0] + 1
    if "Europe" in text and _europe_beside_a_state(text):
        found.add("eu-relations")
    if not found:
        return ()  # most texts
    return _in_taxonomy_order(found)


def _europe_beside_a_state(text: str) -> bool:
    """Whether "Europe" stands joined by "and" to a country's name, either side."""
    # the "and"s beside "Europe" first: most texts have none, and need no search for states
    state_ends = [m.start() - 1 for m in _AND_EUROPE.finditer(text)]
    state_starts = [m.end() for m in _EUROPE_AND.finditer(text)]
    if not state_ends and not state_starts:
        return False
    spans = find_countries(text)
    ends = {end for _, end, _ in spans}
    starts = {start for start, _, _ in spans}
    return any(e in ends for e in state_ends) or any(s in starts for s in state_starts)


def tag_statements(statements: tuple[Statement, ...]) -> tuple[Statement, ...]:
    """Tag each statement with the topics its text addresses.

    Reads `Statement.text`; returns new statements with `topics` set (the
    taxonomy's slugs in its order), everything else unchanged.
    """
    return tuple(s.tagged(topics_of(s.text)) for s in statements)


def tag_events(
    events: tuple[Event, ...],
    sentences: tuple[Sentence, ...],
    actors: Actors,
    statements: tuple[Statement, ...],
) -> tuple[Event, ...]:
    """Give the primary event the topics its sides addressed together.

    Reads events, body sentences, actors' mentions and statements; returns the
    events with the primary one's `topics` set from sentences outside any
    statement where both sides, as one subject ("the leaders discussed ...",
    "Among issues both leaders discussed were ...") or as two named
    participants ("A and B discussed ..."), address something. Sentences that
    report a mentioned event give it nothing: its topics are not the text's;
    the establishment of relations an anniversary recalls is no such event, nor
    is a coming event named only as the occasion ("Ahead of the summit, the
    leaders discussed ...").
    """
    primary = next((e for e in events if e.primary), None)
    if primary is None:
        return events
    spoken = [(s.start, s.end) for s in statements]
    # the establishment of relations is background an anniversary recalls, not another contact
    elsewhere = {e.sentence for e in events if not e.primary and e.type != "diplomatic_relations"}
    found: set[str] = set()
    for sentence in sentences:
        if sentence.kind != "body":
            continue
        ahead = _AHEAD_OF.match(sentence.text)
        if sentence.index in elsewhere and ahead is None:
            continue
        if any(a < sentence.end and sentence.start < b for a, b in spoken):
            continue
        lowered = sentence.text.lower()
        # "agenda" first: ignoring case only its capitals match its letters
        if ahead is None and "agenda" in lowered and _AGENDA.search(sentence.text):
            found.update(topics_of(sentence.text))
            continue
        if not may_hold(_ADDRESSED_WORDS, sentence.text, lowered):
            continue
        verb = _ADDRESSED.search(sentence.text, ahead.end() if ahead else 0)
        if verb is None:
            continue
        subject = sentence.text[: verb.start()]
        if _JOINT_SUBJECT.search(subject) or _two_named(
            actors.in_sentence(sentence.index), primary, sentence.start + verb.start()
        ):
            # what they addressed follows the verb; the subject's offices are no topic
            found.update(topics_of(sentence.text[verb.start() :]))
    if not found:
        return events
    topics = _in_taxonomy_order(found)
    return tuple(amended(e, topics=topics) if e is primary else e for e in events)


def _two_named(mentions: Iterable[Mention], primary: Event, before: int) -> bool:
    """Whether two or more of the primary event's participants are named before the offset
    `before` (the verb of what they addressed): "A and B discussed ..."."""
    named = {
        m.person_id for m in mentions if m.person_id in primary.participants and m.start < before
    }
    return len(named) >= 2
