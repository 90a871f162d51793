"""Sixth stage: what each person said, one statement per sentence.

A sentence is a statement of person P when P is its speaker:
- P opens the main clause and a reporting verb follows ("Li said that ...",
  "Mr. Ding emphasised ...", "Noting that ..., Han said ...", "For her part,
  Lahbib said ...", "In his message, Xi said ...", 'Carney pledged to "..."'),
  possibly after an appositive, a relative clause or a circumstance ("Eide,
  who arrived on Sunday, said", "Ruto on Monday said");
- P opens the main clause with another verb and "and" joins a reporting verb to it
  ("Eide met business leaders and said ...");
- P closes it after a comma or a quote ("..., Qin noted.", "..., said the
  Chinese president.", '"...," Kuleba added.');
- the sentence is "according to P".
Two subjects joined by "and" speak jointly: no statement; nor is there one when a
second clause has a speaker of its own ("Li said ..., while Berg called for ..."):
the first speaker did not say the second clause. A speaker must be a
resolved person: "the Elysee said", "it added" give nothing, and an ambiguous
pronoun has no mention, so it gives nothing either.

A sentence without its own attribution continues the previous speaker's words
when it follows a statement of that speaker in the same paragraph and does not
turn to something else: a subject that is the speaker doing something else
("Li made the remarks ..."), another person speaking, a joint subject ("The two
sides ..."), a reporting verb with another subject ("the statement added"), or a
main clause in the past passive ("The invitation was accepted").
Across a paragraph break it continues only when it clearly does: a first-person
subject or the speaker's country as subject, or a later sentence of the same
paragraph naming the same speaker again.

A quoted sentence followed by a bare attribution ('"... cooperation!" Scholz
had said earlier.') is one statement spanning both sentences; so is an attribution
ending in a colon ("the Taoiseach said:") with the quote that follows it, even in the
next paragraph.

`kind` is "direct" when quotations of five words or more make up at least
40% of the statement, else "reported". `event_key` and `topics` are left for
later stages.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from app.extract.actors import (
    AUXILIARIES,
    Reference,
    addresses,
    is_tail_only,
    lexicon,
    noun_phrase_start,
    sentence_joint_subject,
    sentence_subject,
    skip_auxiliaries,
    speech_verb_at,
    subject_reference,
    verb_after_subject,
)
from app.extract.countries import sentence_countries
from app.extract.patterns import holds
from app.extract.records import Actors, Mention, Sentence, Statement
from app.extract.tokens import Token, ending_at, index_from, starting_at

_QUOTED = re.compile(r"[\"“«]([^\"“”«»]*)[\"”»]")
# 'We agree,' she said: single marks open after a space and close after punctuation. The
# opening mark comes before the look-behind that checks what precedes it, so that the search
# stops at marks only instead of trying every position.
_SINGLE_QUOTED = re.compile(r"['‘](?<![\w'’]['‘])(\w.*?[,.!?])['’](?!\w)")
_WORD = re.compile(r"\w+")
_CLAUSE_ENDS = (",", ".", "!", "?")  # what ends a quoted clause inside its marks
_OPEN = ('"', "“", "«")
_CLOSE = ('"', "”", "»")
_PRESENT = frozenset(
    {"will", "is", "are", "has", "have", "would", "can", "could", "must", "should", "shall",
     "may", "might", "stands", "remains", "always", "also", "firmly", "fully", "never"}
)  # fmt: skip
# offices whose holders speak for someone else
_REPORTER = re.compile(r"spokes|press secretary|press officer|press attach")
_FINAL = (".", "!", "?", '"', "”", "'", "’", "»")
_FIRST_PERSON = frozenset({"i", "we", "our", "my"})
_JOINT = frozenset(
    {"both", "they", "the two", "the leaders", "the two leaders", "the two sides", "both sides",
     "the sides", "the two countries", "leaders", "the two heads"}
)  # fmt: skip


# its own __init__ (init=False), as the records: compiled, a generated one runs as Python
@dataclass(frozen=True, init=False)
class _Read:
    """One sentence with its tokens and the people referred to in it."""

    sentence: Sentence
    tokens: tuple[Token, ...]
    refs: tuple[Reference, ...]

    def __init__(
        self,
        sentence: Sentence,
        tokens: tuple[Token, ...],
        refs: tuple[Reference, ...],
    ) -> None:
        object.__setattr__(self, "sentence", sentence)
        object.__setattr__(self, "tokens", tokens)
        object.__setattr__(self, "refs", refs)

    @property
    def subject(self) -> int:
        """Where the main clause starts (`subject_start`), found once: several rules ask."""
        return sentence_subject(self.sentence)


def _read(text: str, sentences: tuple[Sentence, ...], actors: Actors) -> list[_Read]:
    people = {p.id: n for n, p in enumerate(actors.people)}
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for mention in actors.mentions:
        by_sentence[mention.sentence].append(mention)
    out = []
    for sentence in sentences:
        tokens = sentence.tokens
        refs = []
        for m in sorted(by_sentence[sentence.index], key=lambda m: m.start):
            k = starting_at(tokens, m.start)
            if k is not None and m.person_id in people:
                refs.append(Reference(m.start, m.end, m.kind, person=people[m.person_id], token=k))
        out.append(_Read(sentence, tokens, tuple(refs)))
    return out


def _reports_at(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether a reporting verb comes at `i`, past adverbs and auxiliaries ("also said")."""
    verb = skip_auxiliaries(tokens, i)
    return speech_verb_at(tokens, verb) > verb


def _is_quote_close(token: Token) -> bool:
    return token.text in _CLOSE or token.text == "'"


def _speakers(read: _Read, reporters: frozenset[int] = frozenset()) -> tuple[set[int], bool]:
    """People the sentence attributes words to, and whether its subject is joint.

    `reporters` are the people whose office is to speak for others (spokespersons):
    closing a sentence about another person ("The King also said ..., the
    spokesperson added"; "The President received ..., his spokesman said"), they
    pass on that person's words or deeds and are not the speaker."""
    tokens, refs = read.tokens, read.refs
    found: set[int] = set()
    subject = read.subject
    head = subject_reference(tokens, subject, list(refs))
    joint = False
    if sentence_joint_subject(read.sentence):
        # "Kenya and Norway agreed ..., Ruto announced": states acting, one person telling
        joint = not _states_joined(read, subject) and _joint_speech(tokens, subject)
        head = None
    head_verb = -1
    if head is not None:
        after = index_from(tokens, head.end)
        if after < len(tokens) and tokens[after].low in ("and", "&"):
            joint = _joint_speech(tokens, after + 1)
        else:
            verb = verb_after_subject(tokens, after)
            end = speech_verb_at(tokens, verb)
            if end > verb and not is_tail_only(tokens, verb, end):
                found.add(head.person)  # type: ignore[arg-type]
                if verb > after + 1:  # past an inserted phrase: ", in turn,"
                    head_verb = verb
            elif _and_then_speech(tokens, verb):
                found.add(head.person)  # type: ignore[arg-type]
    tail = _tail_speakers(tokens, refs, head, head_verb)
    if head is not None and head.person is not None and tail and tail <= reporters:
        tail -= reporters
    speakers = found | tail
    if speakers:  # a second clause's speaker only ever takes a statement away
        speakers |= _clause_speakers(tokens, refs)
    return speakers, joint


# Words after which "and said" may have another subject than the main clause's
_CLAUSE_BREAKS = frozenset({"who", "whom", "whose", "which", "that", "where", "when", "while"})


def _and_then_speech(tokens: tuple[Token, ...], verb: int) -> bool:
    """Whether the main clause's verb at `verb` is followed, in the same clause, by "and"
    and a reporting verb of the same subject: "Wong met business leaders and said ...".
    A relative or subordinate clause, a quotation or a semicolon before the "and" may
    give "said" another subject, so none may come between."""
    for k in range(verb + 1, len(tokens) - 1):
        token = tokens[k]
        if token.low in _CLAUSE_BREAKS or token.text in _OPEN or token.text in (";", ":"):
            return False
        if token.low == "and":
            return _reports_at(tokens, k + 1)
    return False


# Words that open a second main clause after a comma: "X said ..., while Y called for ..."
_CLAUSE_OPENERS = frozenset({"while", "whereas", "but", "and"})


def _clause_speakers(tokens: tuple[Token, ...], refs: tuple[Reference, ...]) -> set[int]:
    """People who open a second clause of the sentence with a reporting verb: "Wong said
    ..., while Marsudi called for ...", "...; Marsudi said ...", "... Wong told Marsudi,
    who replied that ...". The first clause's speaker does not say the second clause's
    words, so such a sentence has two speakers."""
    found: set[int] = set()
    for ref in refs:
        if ref.person is None:
            continue
        after = index_from(tokens, ref.end)
        if [t.low for t in tokens[after : after + 2]] == [",", "who"] and _reports_at(
            tokens, after + 2
        ):
            found.add(ref.person)
            continue
        start = noun_phrase_start(tokens, ref.token)
        if start < 2:
            continue
        before, opener = tokens[start - 2], tokens[start - 1]
        opens = opener.text == ";" or (
            opener.low in _CLAUSE_OPENERS
            and (before.text == "," or opener.low in ("while", "whereas"))
        )
        if opens and _reports_at(tokens, after):
            found.add(ref.person)
    return found


def _tail_speakers(
    tokens: tuple[Token, ...],
    refs: tuple[Reference, ...],
    head: Reference | None,
    head_verb: int = -1,
) -> set[int]:
    """People named after the main clause's subject next to a reporting verb.

    The verb of the subject's own speech after an inserted phrase (`head_verb`)
    reports no one after it: in "Eide, in turn, thanked Ruto and said ..." the comma
    before "thanked" closes the phrase, and Ruto is the one thanked, not a speaker.
    (After a bare appositive, "the head of the office, Yermak, thanked Ruto", the
    comma could as well end reported words: nobody is the speaker.)"""
    found: set[int] = set()
    for ref in refs:
        if ref is head or ref.person is None:
            continue
        before = ref.token - 1
        # "..., said Qin." / '..." said the Chinese president.' With no subject found,
        # "the minister, in Porto, congratulated Berg" names the one addressed.
        verb_end = before + 1
        verb = before
        while verb >= 0 and speech_verb_at(tokens, verb) != verb_end:
            verb -= 1
            if before - verb > 2:
                break
        if (
            verb >= 1
            and verb != head_verb
            and speech_verb_at(tokens, verb) == verb_end
            and not (head is None and addresses(tokens, verb, verb_end))
            and (tokens[verb - 1].text == "," or _is_quote_close(tokens[verb - 1]))
        ):
            found.add(ref.person)
            continue
        # ", Lahbib said." / '," Kuleba added.' / ", Chinese Foreign Minister Qin Gang said"
        start = noun_phrase_start(tokens, ref.token)
        previous = tokens[start - 1] if start else None
        if (
            previous is not None
            and (previous.text == "," or _is_quote_close(previous))
            and _reports_at(tokens, index_from(tokens, ref.end))
        ):
            found.add(ref.person)
            continue
        # "..., said Prime Minister Anna Berg." / '...,' said the Foreign Minister, Li Wei.
        # Not after "welcomed", "thanked" ...: "..., welcomed Mr. Tom Berg" names the one addressed.
        if start > ref.token - 6 and any(
            verb != head_verb
            and speech_verb_at(tokens, verb) == start
            and not addresses(tokens, verb, start)
            and (tokens[verb - 1].text == "," or _is_quote_close(tokens[verb - 1]))
            for verb in range(max(1, start - 2), start)
        ):
            found.add(ref.person)
            continue
        # "according to X", "according to Prime Minister X" (not "according to X's aides")
        if start >= 2 and (tokens[start - 2].low, tokens[start - 1].low) == (
            "according",
            "to",
        ):
            after = index_from(tokens, ref.end)
            if after >= len(tokens) or tokens[after].low not in ("'s", "’s"):
                found.add(ref.person)
    return found


def _states_joined(read: _Read, subject: int) -> bool:
    """Whether the main clause opens with two states joined by "and" ("Kenya and Norway")."""
    starts = {t.start: k for k, t in enumerate(read.tokens)}
    ends = {t.end: k for k, t in enumerate(read.tokens)}
    base = read.sentence.start
    spans = {
        starts[base + start]: ends[base + end]
        for start, end, _ in sentence_countries(read.sentence)
        if base + start in starts and base + end in ends
    }
    last = spans.get(subject)
    if last is None or last + 2 >= len(read.tokens):
        return False
    return read.tokens[last + 1].low in ("and", "&") and last + 2 in spans


def _joint_speech(tokens: tuple[Token, ...], i: int) -> bool:
    """After "X and": does a reporting verb follow the second subject?"""
    lex = lexicon()
    k = i
    while (
        k < len(tokens)
        and k - i < 8
        and (
            tokens[k].text[:1].isupper()
            or tokens[k].text in (".", "'s")
            or tokens[k].low in ("the", "and", "of", ",")
            or tokens[k].low in lex.title_starts
        )
    ):
        k += 1
    return _reports_at(tokens, k)


def _quotations(text: str) -> list[re.Match[str]]:
    """The quotations of a text in double marks, else those in single marks. Each opens with
    a mark: a text that holds no opening mark of a kind needs no search for that kind (a
    substring test per mark runs at memchr speed; the search tests every character)."""
    if holds(_OPEN, text):
        quotes = list(_QUOTED.finditer(text))
        if quotes:
            return quotes
    if "'" in text or "‘" in text:
        return list(_SINGLE_QUOTED.finditer(text))
    return []


def _kind(statement_text: str) -> str:
    """ "direct" when quotations of five words or more make up 40% of the statement, or
    when it opens with one ('"Iraq is suffering ...," the minister said, adding that ...'),
    or with a quoted clause of any length ('"We are brothers," Mahama said.'): a phrase in
    quotation marks ('"Very productive" was his word') ends in no punctuation."""
    quotes = _quotations(statement_text)
    long = [m for m in quotes if len(_WORD.findall(m.group(1))) >= 5]
    first = quotes[0] if quotes else None
    opens = (
        first is not None
        and first.start() == 0
        and (first in long or first.group(1).rstrip()[-1:] in _CLAUSE_ENDS)
    )
    quoted = sum(len(m.group(0)) for m in long)
    return "direct" if opens or (quoted and quoted >= 0.4 * len(statement_text)) else "reported"


def _is_full_quote(read: _Read) -> bool:
    text = read.sentence.text
    return (text.startswith(_OPEN) and text.rstrip(".").endswith(_CLOSE)) or bool(
        _SINGLE_QUOTED.fullmatch(text.rstrip("."))
    )


def _speech_elsewhere(read: _Read, countries: set[int]) -> bool:
    """A reporting verb whose subject is not "I", "we" or a country ("the statement added"),
    or a source of its own ("according to the ministry", "according to his aides")."""
    tokens = read.tokens
    # a token "according" is one of the sentence's lower-cased text: most sentences hold none
    # and need no walk over their tokens
    if "according" in read.sentence.text.lower() and any(
        tokens[k].low == "according" and tokens[k + 1].low == "to" for k in range(len(tokens) - 1)
    ):
        return True
    speech_starts = lexicon().speech_starts  # most words start no reporting verb
    for k in [k for k in range(1, len(tokens)) if tokens[k].low in speech_starts]:
        end = speech_verb_at(tokens, k)
        if end == k:
            continue
        before = k - 1
        if tokens[before].low == "to" or is_tail_only(tokens, k, end):
            continue  # an infinitive ("I wish to express"), "continue to promote"
        while before > 0 and tokens[before].low in AUXILIARIES:
            before -= 1
        if tokens[before].low in _FIRST_PERSON or before in countries:
            continue
        return True
    return False


def _country_ends(read: _Read) -> tuple[set[int], set[str]]:
    """Token indexes that end a country phrase, and the codes of the sentence's subject."""
    spans = sentence_countries(read.sentence)
    if not spans:
        return set(), set()
    base = read.sentence.start
    last, subject_codes = set(), set()
    subject = read.subject
    for start, end, code in spans:
        k = ending_at(read.tokens, base + end)
        if k is not None:
            last.add(k)
        if (
            starting_at(read.tokens, base + start) == subject
            and k is not None
            and _speaks_now(read.tokens, k + 1)
        ):
            subject_codes.add(code)
    return last, subject_codes


def _speaks_now(tokens: tuple[Token, ...], k: int) -> bool:
    """A country subject followed by a present or future verb ("Kenya will", "Norway
    hopes"): how reported speech goes on; "Norway and Kenya established" is narrative."""
    if k >= len(tokens):
        return False
    verb = tokens[k].low
    if verb in ("was", "were", "had", "and", "did") or verb.endswith("ed"):
        return False
    return verb in _PRESENT or (verb.endswith("s") and not verb.endswith("ss"))


def _subject_words(read: _Read) -> str:
    subject = read.subject
    return " ".join(t.low for t in read.tokens[subject : subject + 4])


# participles that do not end in "-ed": "was held", "were given"
_IRREGULAR_PARTICIPLES = frozenset(
    {"held", "made", "given", "taken", "sent", "built", "done", "seen", "met", "known",
     "shown", "written", "chosen", "laid", "paid", "set", "put", "brought", "won", "told",
     "sold", "led", "read", "sung", "begun", "drawn", "found", "kept", "left", "spent",
     "struck", "undertaken", "withdrawn", "forgiven", "overseen"}
)  # fmt: skip


def _narrative_passive(read: _Read) -> bool:
    """A main clause in the past passive ("The invitation was accepted with pleasure",
    "Two agreements were also signed"): the text telling what was done, not the words
    of the one who spoke before. Reported speech goes on in the present or with a modal
    ("It can only be defeated together", "Trade has fallen")."""
    tokens = read.tokens
    subject = read.subject
    if subject >= len(tokens) or tokens[subject].text in _OPEN or read.sentence.text[:1] in _OPEN:
        return False
    for k in range(subject + 1, min(subject + 8, len(tokens) - 1)):
        token = tokens[k]
        if token.text in (",", ";", ":") or token.text in _OPEN or token.low in _FIRST_PERSON:
            return False
        if token.low not in ("was", "were"):
            continue
        j = k + 1
        while j < len(tokens) - 1 and (
            tokens[j].low in AUXILIARIES or tokens[j].low.endswith("ly")
        ):
            j += 1
        word = tokens[j].low
        return word.endswith("ed") or word in _IRREGULAR_PARTICIPLES
    return False


def _continues(read: _Read, speaker: int, same_block: bool, speaker_country: str | None) -> bool:
    """Whether an unattributed sentence goes on with `speaker`'s words."""
    words = _subject_words(read)
    if any(words.startswith(j) for j in _JOINT):
        return False
    if _narrative_passive(read):
        return False
    subject = read.subject
    head = subject_reference(read.tokens, subject, list(read.refs))
    if head is not None:
        # "Li made the remarks ...", "He Lifeng attended ...", "Eide visited a school":
        # narrative about a person, not speech. Others acting together ("President X and
        # King Y exchanged messages") can be what the speaker recalls.
        after = index_from(read.tokens, head.end)
        coordinated = after < len(read.tokens) and read.tokens[after].low == "and"
        if head.person == speaker or head.kind == "pronoun" or not same_block:
            return False
        if not coordinated or any(r.person == speaker for r in read.refs):
            return False
    country_ends, subject_codes = _country_ends(read)
    if _speech_elsewhere(read, country_ends):
        return False
    if same_block:
        return True
    if read.refs or not read.sentence.text.rstrip().endswith(_FINAL):
        return False  # a line without a full stop is a headline or a link, not speech
    first = read.tokens[subject].low if subject < len(read.tokens) else ""
    return first in _FIRST_PERSON or (
        speaker_country is not None and speaker_country in subject_codes
    )


def find_statements(
    text: str, sentences: tuple[Sentence, ...], actors: Actors
) -> tuple[Statement, ...]:
    """Find what each person said.

    Reads the document text, its sentences and the actors' people and
    mentions; returns one `Statement` per sentence (or quote plus attribution)
    in which a resolved person speaks, with its exact span, speaker id and
    kind. `event_key` and `topics` are left empty for later stages.
    """
    reads = [r for r in _read(text, sentences, actors) if r.sentence.kind == "body"]
    people = actors.people
    reporters = frozenset(
        n for n, p in enumerate(people) if p.title and _REPORTER.search(p.title.lower())
    )
    speaker_of: dict[int, int] = {}  # sentence position in `reads` -> speaker
    for n, read in enumerate(reads):
        found, joint = _speakers(read, reporters)
        if len(found) == 1 and not joint:
            speaker_of[n] = found.pop()
        elif found or joint:
            speaker_of[n] = -1  # several or joint speakers: nobody's statement

    quoted_on = _open_quote_paragraphs(text, reads, speaker_of)
    for n, speaker in quoted_on.items():
        speaker_of[n] = speaker

    # unattributed sentences that continue the previous speaker
    previous: int | None = None
    introduced: set[int] = set()  # 'The Taoiseach said:' before the quote it introduces
    for n, read in enumerate(reads):
        if n in speaker_of:
            previous = speaker_of[n] if speaker_of[n] >= 0 else None
            continue
        if previous is None or n == 0:
            previous = None
            continue
        if (
            speaker_of.get(n - 1) == previous
            and reads[n - 1].sentence.text.rstrip().endswith(":")
            and read.sentence.text.startswith(_OPEN)
        ):
            speaker_of[n] = previous
            introduced.add(n - 1)
            continue
        same_block = reads[n - 1].sentence.block == read.sentence.block
        country = people[previous].country
        if _continues(read, previous, same_block, country) or (
            not same_block and _sandwiched(reads, speaker_of, n, previous)
        ):
            speaker_of[n] = previous
        else:
            previous = None

    statements: list[Statement] = []
    skip: set[int] = set()
    for n, read in enumerate(reads):
        speaker = speaker_of.get(n, -1)
        if speaker < 0 or n in skip or n in introduced:
            continue
        start, end = read.sentence.start, read.sentence.end
        if n - 1 in introduced:
            start = reads[n - 1].sentence.start
        # '"... cooperation!" Scholz had said earlier.': the quote belongs to the attribution
        if (
            n > 0
            and n - 1 not in speaker_of
            and _is_full_quote(reads[n - 1])
            and (reads[n - 1].sentence.block == read.sentence.block)
        ):
            start = reads[n - 1].sentence.start
        if n in quoted_on:  # an open quoted paragraph is one statement
            rest = [
                m for m in quoted_on if m > n and reads[m].sentence.block == read.sentence.block
            ]
            skip.update(rest)
            end = max([end, *(reads[m].sentence.end for m in rest)])
        span = text[start:end]
        kind = "direct" if n in quoted_on else _kind(span)
        statements.append(
            Statement(speaker=people[speaker].id, kind=kind, start=start, end=end, text=span)  # type: ignore[arg-type]
        )
    return tuple(statements)


def _unclosed(paragraph: str) -> bool:
    """A paragraph that opens a quotation and leaves it open."""
    if not paragraph.startswith(_OPEN):
        return False
    straight = paragraph.count('"')
    curly_open = paragraph.count("“") + paragraph.count("«")
    curly_close = paragraph.count("”") + paragraph.count("»")
    return straight % 2 == 1 or curly_open > curly_close


def _open_quote_paragraphs(
    text: str, reads: list[_Read], speaker_of: dict[int, int]
) -> dict[int, int]:
    """Sentences of quoted paragraphs left open, by the speaker the quote names later.

    A quotation running over several paragraphs opens each of them with a quotation
    mark and closes only the last: '"... lines.' then '"I want ...," Stojanovski said.'
    The open paragraphs are the words of the speaker that the paragraph closing the
    quote names in its first sentence."""
    blocks: dict[int, list[int]] = defaultdict(list)
    for n, read in enumerate(reads):
        blocks[read.sentence.block].append(n)
    order = sorted(blocks)
    found: dict[int, int] = {}
    pending: list[int] = []  # sentences of open paragraphs waiting for their speaker
    for position, block in enumerate(order):
        members = blocks[block]
        first = reads[members[0]].sentence
        paragraph = text[first.start : reads[members[-1]].sentence.end]
        follows = position > 0 and order[position - 1] == block - 1
        if pending and not (follows and paragraph.startswith(_OPEN)):
            pending = []
        if pending and speaker_of.get(members[0], -1) >= 0:
            found.update((n, speaker_of[members[0]]) for n in pending)
            pending = []
            continue
        if _unclosed(paragraph) and not any(n in speaker_of for n in members):
            pending = [*pending, *members] if follows or not pending else list(members)
        else:
            pending = []
    return found


def _sandwiched(reads: list[_Read], speaker_of: dict[int, int], n: int, speaker: int) -> bool:
    """A paragraph's opening sentences belong to `speaker` when a later sentence of the
    same paragraph names them as speaker again ("History has proved ... . Xi said ...")."""
    block = reads[n].sentence.block
    for m in range(n + 1, len(reads)):
        if reads[m].sentence.block != block:
            return False
        if m in speaker_of:
            return speaker_of[m] == speaker
        if reads[m].refs:
            return False
    return False
