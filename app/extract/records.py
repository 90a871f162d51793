"""Frozen records passed between the pipeline's stages.

Every offset is a character offset into the original document text, never into
a cleaned copy: the stored text is the one clients read, so `text[start:end]`
must give back exactly what a record quotes.

Each record writes its own `__init__` (`init=False`), setting its fields with
`object.__setattr__(self, "name", value)` as a frozen dataclass does: compiled, mypyc turns
such a line into a plain store, while the `__init__` that @dataclass generates would stay
interpreted Python, run for each of the hundreds of records a text makes. A test checks
that each `__init__` takes the record's fields, in order, with their defaults.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, Final, Literal, TypeVar

from app.extract.tokens import Token, tokens_of

T = TypeVar("T")
D = TypeVar("D")


class _Record:
    """What the records share: a pickle of one is its class and its fields' values, for the
    worker processes that extract ahead of the store (a compiled record has no __dict__ to
    pickle, and a frozen one refuses the setattr that would fill it)."""

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), tuple(getattr(self, f.name) for f in fields(self) if f.init)  # type: ignore[arg-type]


def amended(record: D, **changes: Any) -> D:
    """`dataclasses.replace` for a record of this module: a new record with its fields but
    `changes`. A field its class sets itself (`Sentence.derived`, `Actors.index`: values
    found from the others) starts afresh in the copy. The stages amend every statement and
    event: compiled, this costs less than `replace`, which is Python and checks more."""
    every, init = _fields_of(type(record))
    if not changes.keys() <= every:
        raise TypeError(f"{type(record).__name__} has no field {set(changes)}")
    values = [changes[name] if name in changes else getattr(record, name) for name in init]
    return type(record)(*values)  # type: ignore[no-any-return]


# A record class's field names, and those its __init__ takes in order, read once for each
# class: `amended` runs for every event and statement, and each reading of the dataclass
# fields asked each field's spec for its flags.
_FIELDS: Final[dict[type, tuple[frozenset[str], tuple[str, ...]]]] = {}


def _fields_of(cls: type) -> tuple[frozenset[str], tuple[str, ...]]:
    """(every field's name, the names of the fields __init__ takes, in order) of `cls`."""
    found = _FIELDS.get(cls)
    if found is None:
        specs = cls.__dataclass_fields__  # type: ignore[attr-defined]
        found = (frozenset(specs), tuple(name for name, spec in specs.items() if spec.init))
        _FIELDS[cls] = found
    return found


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


@dataclass(frozen=True, init=False)
class Source(_Record):
    """The pipeline's input: a text and what its publisher says about it."""

    text: str
    published: dt.date | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None

    def __init__(
        self,
        text: str,
        published: dt.date | None = None,
        title: str | None = None,
        publisher: str | None = None,
        url: str | None = None,
    ) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "published", published)
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "publisher", publisher)
        object.__setattr__(self, "url", url)


@dataclass(frozen=True, init=False)
class Block(_Record):
    """A paragraph (a run of non-empty lines) and what kind of text it is."""

    start: int
    end: int
    kind: BlockKind

    def __init__(self, start: int, end: int, kind: BlockKind) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "kind", kind)


@dataclass(frozen=True, init=False)
class Cleaned(_Record):
    """Output of `clean`: the text's blocks and the reference date found in its header.

    `reference_date` is the date relative expressions resolve against: the
    publication date, else a "date YYYY-MM-DD" header, else a dateline.
    """

    text: str
    blocks: tuple[Block, ...]
    reference_date: dt.date | None

    def __init__(
        self,
        text: str,
        blocks: tuple[Block, ...],
        reference_date: dt.date | None,
    ) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "blocks", blocks)
        object.__setattr__(self, "reference_date", reference_date)


@dataclass(frozen=True, init=False)
class Sentence(_Record):
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
    derived: dict[str, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __init__(
        self,
        index: int,
        start: int,
        end: int,
        text: str,
        block: int,
        kind: BlockKind = "body",
    ) -> None:
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "block", block)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "derived", {})

    def once(self, name: str, compute: Callable[[Sentence], T]) -> T:
        """`compute(self)`, found the first time a stage asks and kept under `name` for the
        others (for one document's life; a kept list is shared: read it, never change it)."""
        if name not in self.derived:
            self.derived[name] = compute(self)
        return self.derived[name]  # type: ignore[no-any-return]

    @property
    def tokens(self) -> tuple[Token, ...]:
        """Its words and punctuation marks with document offsets, read once: the people and
        the statements stages both read them."""
        return self.once("tokens", _tokens)


def _tokens(sentence: Sentence) -> tuple[Token, ...]:
    return tokens_of(sentence.text, sentence.start)


@dataclass(frozen=True, init=False)
class Person(_Record):
    """A named person found in the text.

    `id` is local to one document (the full name as first written);
    `name` is the full name without title; `title` the office held at the time
    ("Prime Minister", "King"); `country` an ISO alpha-2 code or None.
    """

    id: str
    name: str
    title: str | None
    country: str | None

    def __init__(self, id: str, name: str, title: str | None, country: str | None) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "country", country)


@dataclass(frozen=True, init=False)
class Mention(_Record):
    """A place in the text that refers to a known person."""

    person_id: str
    start: int
    end: int
    sentence: int
    kind: MentionKind

    def __init__(
        self,
        person_id: str,
        start: int,
        end: int,
        sentence: int,
        kind: MentionKind,
    ) -> None:
        object.__setattr__(self, "person_id", person_id)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "sentence", sentence)
        object.__setattr__(self, "kind", kind)


@dataclass(frozen=True, init=False)
class Actors(_Record):
    """Output of `actors`: the people of the text and every reference to them."""

    people: tuple[Person, ...]
    mentions: tuple[Mention, ...]
    # `by_sentence`, made on first use
    index: dict[int, tuple[Mention, ...]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def __init__(self, people: tuple[Person, ...], mentions: tuple[Mention, ...]) -> None:
        object.__setattr__(self, "people", people)
        object.__setattr__(self, "mentions", mentions)
        object.__setattr__(self, "index", {})

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def in_sentence(self, index: int) -> tuple[Mention, ...]:
        """The mentions of one sentence, in text order."""
        return self.by_sentence.get(index, ())

    @property
    def by_sentence(self) -> dict[int, tuple[Mention, ...]]:
        """Sentence index -> its mentions, in text order (made once: stages ask of many)."""
        if not self.index and self.mentions:
            found: dict[int, list[Mention]] = {}
            for mention in self.mentions:
                found.setdefault(mention.sentence, []).append(mention)
            self.index.update((index, tuple(mentions)) for index, mentions in found.items())
        return self.index


@dataclass(frozen=True, init=False)
class DateMention(_Record):
    """A date expression resolved to ISO at the precision the text supports."""

    start: int
    end: int
    sentence: int
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: Precision

    def __init__(
        self,
        start: int,
        end: int,
        sentence: int,
        value: str,
        precision: Precision,
    ) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "sentence", sentence)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "precision", precision)


@dataclass(frozen=True, init=False)
class Event(_Record):
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

    def __init__(
        self,
        key: str,
        type: EventType,
        date: str | None,
        precision: Precision | None,
        countries: tuple[str, ...],
        location: str | None,
        participants: tuple[str, ...],
        primary: bool,
        sentence: int,
        topics: tuple[str, ...] = (),
    ) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "date", date)
        object.__setattr__(self, "precision", precision)
        object.__setattr__(self, "countries", countries)
        object.__setattr__(self, "location", location)
        object.__setattr__(self, "participants", participants)
        object.__setattr__(self, "primary", primary)
        object.__setattr__(self, "sentence", sentence)
        object.__setattr__(self, "topics", topics)


@dataclass(frozen=True, init=False)
class Statement(_Record):
    """What one person said, with its exact span in the source text."""

    speaker: str  # Person id
    kind: StatementKind
    start: int
    end: int
    text: str
    event_key: str | None = None
    topics: tuple[str, ...] = ()

    def __init__(
        self,
        speaker: str,
        kind: StatementKind,
        start: int,
        end: int,
        text: str,
        event_key: str | None = None,
        topics: tuple[str, ...] = (),
    ) -> None:
        object.__setattr__(self, "speaker", speaker)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "event_key", event_key)
        object.__setattr__(self, "topics", topics)

    # The two copies the stages make of every statement, by the class's own __init__:
    # compiled, a direct call, where `amended` reads each field by name and calls the class
    # through Python's protocol (some 11,000 instructions a statement).

    def linked_to(self, event_key: str | None) -> Statement:
        """This statement, of the event `event_key`."""
        return Statement(
            self.speaker, self.kind, self.start, self.end, self.text, event_key, self.topics
        )

    def tagged(self, topics: tuple[str, ...]) -> Statement:
        """This statement, with the topics `topics`."""
        return Statement(
            self.speaker, self.kind, self.start, self.end, self.text, self.event_key, topics
        )


@dataclass(frozen=True, init=False)
class Extraction(_Record):
    """The pipeline's output for one text."""

    people: tuple[Person, ...]
    events: tuple[Event, ...]
    statements: tuple[Statement, ...]
    reference_date: dt.date | None = None

    def __init__(
        self,
        people: tuple[Person, ...],
        events: tuple[Event, ...],
        statements: tuple[Statement, ...],
        reference_date: dt.date | None = None,
    ) -> None:
        object.__setattr__(self, "people", people)
        object.__setattr__(self, "events", events)
        object.__setattr__(self, "statements", statements)
        object.__setattr__(self, "reference_date", reference_date)
