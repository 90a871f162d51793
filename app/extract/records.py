"""Frozen records passed between the pipeline's stages.

Every offset is a character offset into the original document text, never into
a cleaned copy: the stored text is the one clients read, so `text[start:end]`
must give back exactly what a record quotes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Generic, Literal, TypeVar, overload

from app.extract.tokens import Token, tokens_of

T = TypeVar("T")
R = TypeVar("R")


class kept(Generic[R]):
    """`functools.cached_property` without its lock: the value is found on first use and
    kept in the instance's __dict__, where later reads find it without calling this
    descriptor. Python 3.11's cached_property takes and releases a lock at every first use
    (of every sentence); a record is read by the one thread that extracts its text."""

    def __init__(self, compute: Callable[[Any], R]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> kept[R]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> R: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> R | kept[R]:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


D = TypeVar("D")


def amended(record: D, **changes: Any) -> D:
    """`dataclasses.replace` for a frozen record of this module (no `__post_init__`, no
    init-only field): a copy of its fields with `changes`. It skips the generated
    `__init__`, which sets each field through object.__setattr__, and replace's walk over
    the fields: the stages amend every statement and event. A record that holds a value
    beside its fields (`kept`, found from the old fields) goes through `replace`."""
    fields = record.__dataclass_fields__  # type: ignore[attr-defined]
    if not changes.keys() <= fields.keys():
        raise TypeError(f"{type(record).__name__} has no field {set(changes)}")
    if len(record.__dict__) != len(fields):
        return replace(record, **changes)  # type: ignore[type-var]
    copy: D = object.__new__(type(record))
    copy.__dict__.update(record.__dict__, **changes)
    return copy


BlockKind = Literal["body", "title", "caption", "noise"]
Precision = Literal["day", "month", "year"]
EventType = Literal[
    "meeting",
    "phone_call",
    "video_call",
    "visit",
    "message",
    "agreement",
    "diplomatic_relations",
    "summit",
    "statement",
    "other",
]
StatementKind = Literal["direct", "reported"]
MentionKind = Literal["name", "surname", "title", "pronoun"]


@dataclass(frozen=True)
class Source:
    """The pipeline's input: a text and what its publisher says about it."""

    text: str
    published: dt.date | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Block:
    """A paragraph (a run of non-empty lines) and what kind of text it is."""

    start: int
    end: int
    kind: BlockKind


@dataclass(frozen=True)
class Cleaned:
    """Output of `clean`: the text's blocks and the reference date found in its header.

    `reference_date` is the date relative expressions resolve against: the
    publication date, else a "date YYYY-MM-DD" header, else a dateline.
    """

    text: str
    blocks: tuple[Block, ...]
    reference_date: dt.date | None


@dataclass(frozen=True)
class Sentence:
    """One sentence of a body or title block, with its offsets.

    `kind` is the kind of its block: later stages treat a headline differently
    from the body (a title-cased headline is no evidence of a name).
    """

    index: int
    start: int
    end: int
    text: str
    block: int
    kind: BlockKind = "body"
    # What the stages derive from the sentence alone and several of them ask (where its
    # main clause starts, its country phrases), kept on first use by `once`.
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def once(self, name: str, compute: Callable[[Sentence], T]) -> T:
        """`compute(self)`, found the first time a stage asks and kept under `name` for the
        others (for one document's life; a kept list is shared: read it, never change it)."""
        if name not in self.derived:
            self.derived[name] = compute(self)
        return self.derived[name]  # type: ignore[no-any-return]

    @kept
    def tokens(self) -> tuple[Token, ...]:
        """Its words and punctuation marks with document offsets, read once: the people and
        the statements stages both read them."""
        return tokens_of(self.text, self.start)


@dataclass(frozen=True)
class Person:
    """A named person found in the text.

    `id` is local to one document (the full name as first written);
    `name` is the full name without title; `title` the office held at the time
    ("Prime Minister", "King"); `country` an ISO alpha-2 code or None.
    """

    id: str
    name: str
    title: str | None
    country: str | None


@dataclass(frozen=True)
class Mention:
    """A place in the text that refers to a known person."""

    person_id: str
    start: int
    end: int
    sentence: int
    kind: MentionKind


@dataclass(frozen=True)
class Actors:
    """Output of `actors`: the people of the text and every reference to them."""

    people: tuple[Person, ...]
    mentions: tuple[Mention, ...]

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def in_sentence(self, index: int) -> tuple[Mention, ...]:
        """The mentions of one sentence, in text order."""
        return self.by_sentence.get(index, ())

    @kept
    def by_sentence(self) -> dict[int, tuple[Mention, ...]]:
        """Sentence index -> its mentions, in text order (made once: stages ask of many)."""
        found: dict[int, list[Mention]] = {}
        for mention in self.mentions:
            found.setdefault(mention.sentence, []).append(mention)
        return {index: tuple(mentions) for index, mentions in found.items()}


@dataclass(frozen=True)
class DateMention:
    """A date expression resolved to ISO at the precision the text supports."""

    start: int
    end: int
    sentence: int
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: Precision


@dataclass(frozen=True)
class Event:
    """A diplomatic event the text reports (primary) or only mentions."""

    key: str  # local to the document: "e0", "e1" ...
    type: EventType
    date: str | None
    precision: Precision | None
    countries: tuple[str, ...]  # sorted alpha-2 codes
    location: str | None
    participants: tuple[str, ...]  # Person ids
    primary: bool
    sentence: int  # the sentence that reports it
    # Topics of what the text says about the event outside any one speaker's words
    # ("the leaders discussed trade and climate change"); statements carry their own.
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Statement:
    """What one person said, with its exact span in the source text."""

    speaker: str  # Person id
    kind: StatementKind
    start: int
    end: int
    text: str
    event_key: str | None = None
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """The pipeline's output for one text."""

    people: tuple[Person, ...]
    events: tuple[Event, ...]
    statements: tuple[Statement, ...]
    reference_date: dt.date | None = None
