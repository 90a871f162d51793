"""Rules that decide whether two reports describe the same real event.

Pure functions over small views, so each rule is tested on its own; the store
(app/store.py) finds candidates with an indexed lookup and applies them.
Uncertain matches stay apart: a duplicate can be merged later, a wrong merge
silently corrupts two records.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

# Types whose event happens once per pair and is recalled for decades.
ONCE_PER_PAIR = frozenset({"diplomatic_relations"})
PRECISION_OF_LENGTH = {10: "day", 7: "month", 4: "year"}
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class EventView:
    """What one report, or the merged event so far, says about an event."""

    type: str
    date: str | None
    countries: frozenset[str]
    participants: frozenset[int]
    primary: bool = False


def date_range(date: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day an ISO date of any precision covers."""
    if not date:
        return None
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Two known dates agree when one refines the other ("2021" and "2021-12-07")."""
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


def same_countries(incoming: EventView, countries: Collection[str]) -> bool:
    """Whether a known event's countries allow a match (they must be the report's)."""
    return bool(incoming.countries) and incoming.countries == countries


def participants_matter(incoming: EventView) -> bool:
    """Whether a known event's participants can change its `match_score`: only when the
    report names people of its own (the store then reads them)."""
    return bool(incoming.participants)


def match_score(incoming: EventView, known: EventView) -> int | None:
    """How strongly two views describe one event; None when they must stay apart."""
    if not same_countries(incoming, known.countries):
        return None
    if incoming.type != known.type:
        return None
    if not dates_compatible(incoming.date, known.date):
        return None
    if not participants_matter(incoming):
        shared, both_named = 0, False
    else:
        shared = len(incoming.participants & known.participants)
        both_named = bool(known.participants)
    if both_named and not shared:
        return None  # the same day, the same countries, other people: another event
    both_dated = incoming.date is not None and known.date is not None
    same_day = both_dated and incoming.date == known.date and len(incoming.date or "") == 10
    if not shared and not same_day and incoming.type not in ONCE_PER_PAIR:
        return None  # nothing but countries and a coarse date in common
    return 4 * same_day + 2 * shared + (1 if both_dated else 0)


def best_match(incoming: EventView, candidates: Iterable[tuple[int, EventView]]) -> int | None:
    """The id of the one candidate that matches best; None if none does or two tie."""
    return unique_best(
        (score, event_id)
        for event_id, view in candidates
        if (score := match_score(incoming, view)) is not None
    )


def unique_best(scored: Iterable[tuple[int, int]]) -> int | None:
    """The id of the highest of (score, id) pairs; None if there are none or two tie."""
    ranked = sorted(scored, reverse=True)
    if not ranked:
        return None
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None
    return ranked[0][1]


@dataclass(frozen=True)
class SourceView:
    """One source's report of an event, the input of `derive`."""

    document_id: int
    primary: bool
    type: str
    date: str | None
    location: str | None
    countries: frozenset[str]


@dataclass(frozen=True)
class Derived:
    """An event's own fields, derived from all its sources."""

    primary: bool
    type: str
    date: str | None
    precision: str | None
    location: str | None
    countries: tuple[str, ...]


def _most_common(values: Sequence[str]) -> str | None:
    if not values:
        return None
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v))  # ties: a fixed order, not arrival


def derive(sources: Sequence[SourceView]) -> Derived:
    """Fold sources into one event: the finest date, the primary sources' type and place."""
    leading = [s for s in sources if s.primary] or list(sources)
    dates = [s.date for s in sources if s.date]
    finest = max((len(d) for d in dates), default=0)
    date = _most_common([d for d in dates if len(d) == finest]) if dates else None
    countries: set[str] = set()
    for s in sources:
        countries |= s.countries
    return Derived(
        primary=any(s.primary for s in sources),
        type=_most_common([s.type for s in leading]) or "other",
        date=date,
        precision=PRECISION_OF_LENGTH.get(len(date)) if date else None,
        location=_most_common([s.location for s in leading if s.location])
        or _most_common([s.location for s in sources if s.location]),
        countries=tuple(sorted(countries)),
    )


def same_words(a: str, b: str, threshold: float = 0.6) -> bool:
    """True when two statements report largely the same words (token overlap)."""
    return same_word_sets(word_set(a), word_set(b), threshold)


def word_set(text: str) -> frozenset[str]:
    """The words of a statement, case folded: what `same_words` compares."""
    return frozenset(w.casefold() for w in _WORD.findall(text))


def same_word_sets(a: frozenset[str], b: frozenset[str], threshold: float = 0.6) -> bool:
    """`same_words` of two texts' `word_set`s: to compare one text with many, read it once."""
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= threshold
