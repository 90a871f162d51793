"""Second stage: cut the body and title blocks into sentences with exact offsets.

Rules:
- A title block is one sentence (a headline has no inner sentence breaks).
- A body block breaks after ".", "!", "?" or an ellipsis, with any closing
  quotes or brackets, when the next word starts with a capital, a digit, an
  opening quote or a bracket.
- No break after a title or rank abbreviation ("Mr.", "Gen.", "Maj."), an
  initial ("Joseph R. Biden"), or a decimal point. After abbreviations that
  also end sentences ("U.S.", "Jr.", "Ltd.", "Feb.") the break is made only
  when the next word is a common sentence opener ("The", "He", "It" ...).
- Quotations: a direct quote of several sentences is NOT broken inside the
  quotation marks, so '"A. B," X said.' is one sentence and the statements
  stage sees the whole quote with its attribution. A quote that closes a
  sentence ('... today." He said') does break. When the quotation marks of a
  paragraph do not balance (a quote running on into the next paragraph), the
  paragraph is cut as if it had none.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from app.extract.patterns import rewritten
from app.extract.records import Cleaned, Sentence

_OPENING = frozenset("“«")
_CLOSING = frozenset("”»")
_STRAIGHT = '"'
_QUOTE_MARK = re.compile(r'["“”«»]')
# an opening mark after a space and before a word, a closing one after punctuation and
# before a space. The rewrite takes the mark first, as a plain class the search skips to (a
# lookahead first is tried at every position), and looks behind it to see which it is; an
# empty group names the kind, the match is the mark.
_SINGLE_MARK = rewritten(
    r"['‘’](?:(?<=['‘])(?<![^\s(\[]['‘])(?=\w)(?P<open>)"
    r"|(?<=[,.!?]['’])(?=[\s,;:)]|$)(?P<close>))",
    r"(?:(?<![^\s(\[])['‘](?=\w)|(?<=[,.!?])['’](?=[\s,;:)]|$))",
)

# terminal punctuation, then closing quotes or brackets, then the space before the next sentence
# (the mark comes first as one plain class the search skips to; a run of [.!?] goes on)
_BOUNDARY = rewritten(
    r"""[.!?…](?:(?<=…)|(?<=[.!?])[.!?]*)(?P<closers>['"’”»)\]]*)(?P<space>\s+)""",
    r"""(?:[.!?]+|…)(?P<closers>['"’”»)\]]*)(?P<space>\s+)""",
)
_NEXT_WORD = re.compile(r"[^\s\"“'‘(\[]+")

# Never the end of a sentence: titles, ranks and reference abbreviations.
_HARD_ABBREVIATIONS = frozenset(
    {
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "St", "Ste", "Gen", "Lt", "Maj", "Col", "Capt",
        "Cpt", "Cmdr", "Cdr", "Adm", "Sgt", "Cpl", "Pvt", "Brig", "Gov", "Sen", "Rep", "Rev",
        "Hon", "Amb", "Pres", "Supt", "Insp", "Fr", "Mt", "Ft", "No", "Nos", "Vol", "Art", "Sec",
        "Fig", "vs", "v", "e.g", "i.e", "cf", "approx", "H.E", "H.M", "H.R.H", "Messrs", "Mme",
        "Mlle", "Sr", "Sra", "Dra",
    }
)  # fmt: skip
# Abbreviations that may also close a sentence.
_SOFT_ABBREVIATIONS = frozenset(
    {
        "Jr", "Ltd", "Inc", "Co", "Corp", "Bros", "Plc", "LLC", "etc", "al", "Jan", "Feb", "Mar",
        "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "a.m", "p.m",
    }
)  # fmt: skip
_SENTENCE_OPENERS = frozenset(
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
        "Those", "His", "Her", "Its", "Their", "Our", "My", "But", "And", "Yet", "So", "In", "On",
        "At", "As", "For", "After", "Before", "However", "Meanwhile", "There", "Also", "According",
        "While", "When", "If", "Both", "Earlier", "Later", "Last", "Next", "Since", "During",
    }
)  # fmt: skip


def _single_quote_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) pairs of quotations in single marks ('We agree,' she said): an
    opening mark after a space and before a letter, a closing one after punctuation;
    apostrophes ("Norway's", "leaders' ") are neither. Nothing when they do not pair."""
    spans: list[tuple[int, int]] = []
    if not ("'" in text or "‘" in text or "’" in text):
        return spans  # most blocks: no mark, and no search (a scan in C says so)
    opened: int | None = None
    for match in _SINGLE_MARK.finditer(text):
        if match.group("open") is not None:
            if opened is not None:
                return []
            opened = match.start()
        elif opened is not None:
            spans.append((opened, match.start()))
            opened = None
    return [] if opened is not None else spans


def _quote_spans(text: str) -> list[tuple[int, int]] | None:
    """(open, close) index pairs of the quotations in one block, or None if unbalanced."""
    spans = _double_quote_spans(text)
    if spans is None:
        return None
    singles = [q for q in _single_quote_spans(text) if not any(_overlap(q, d) for d in spans)]
    return sorted(spans + singles)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _double_quote_spans(text: str) -> list[tuple[int, int]] | None:
    """(open, close) index pairs of double quotations, or None if unbalanced."""
    spans: list[tuple[int, int]] = []
    if not ('"' in text or "“" in text or "”" in text or "«" in text or "»" in text):
        return spans  # most blocks: no quotation mark, and no search (a scan in C says so)
    opened: int | None = None
    for match in _QUOTE_MARK.finditer(text):
        i, char = match.start(), match.group()
        if opened is None and (char in _OPENING or char == _STRAIGHT):
            opened = i
        elif opened is not None and (char in _CLOSING or char == _STRAIGHT):
            spans.append((opened, i))
            opened = None
        elif char in _CLOSING:
            return None  # a closing mark with no opening one
    return None if opened is not None else spans


def _inside(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    return next((span for span in spans if span[0] < position < span[1]), None)


def _abbreviation_blocks(text: str, punct_end: int, next_word: str) -> bool:
    """True when the period before `punct_end` belongs to an abbreviation, not a sentence end."""
    if text[punct_end - 1 : punct_end] != "." or text[max(0, punct_end - 2) : punct_end] == "..":
        return False
    start = punct_end - 1  # the word before the period: back to the space before it
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    if start == punct_end - 1:
        return False  # a period alone
    word = text[start : punct_end - 1].lstrip("(\"“'‘[")
    if word in _HARD_ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: "Joseph R. Biden"
    dotted = "." in word and all(part.isalpha() and len(part) <= 2 for part in word.split("."))
    if word in _SOFT_ABBREVIATIONS or dotted:
        return next_word not in _SENTENCE_OPENERS
    return False


def _breaks(text: str) -> Iterator[int]:
    """Offsets (in `text`) where a new sentence starts."""
    quotes: list[tuple[int, int]] | None = None  # read at the first boundary that needs them
    for match in _BOUNDARY.finditer(text):
        after = match.end()
        if after >= len(text):
            continue
        first = text[after]
        if not (first.isupper() or first.isdigit() or first in "\"“'‘([«"):
            continue
        closers = match.group("closers")
        punct_end = match.start("closers")
        if quotes is None:
            quotes = _quote_spans(text) or []
        quote = _inside(quotes, match.start())
        if quote is not None and quote[1] >= punct_end + len(closers):
            continue  # inside a quotation that goes on: '"A. B," X said.'
        next_word = _NEXT_WORD.match(text, after)
        if _abbreviation_blocks(text, punct_end, next_word.group() if next_word else ""):
            continue
        yield after


def _sentences_of(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    block = text[start:end]
    cuts = [0, *_breaks(block), len(block)]
    for left, right in itertools.pairwise(cuts):
        piece = block[left:right]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            yield start + left + lead, start + left + lead + len(stripped)


def segment(cleaned: Cleaned) -> tuple[Sentence, ...]:
    """Cut the body and title blocks of a cleaned text into sentences.

    Reads `Cleaned.blocks`; returns sentences in text order with exact offsets
    (`text == cleaned.text[start:end]`), the index of their block, their
    block's kind and a running index. Captions and noise produce none.
    """
    sentences: list[Sentence] = []
    for block_index, block in enumerate(cleaned.blocks):
        if block.kind not in ("body", "title"):
            continue
        if block.kind == "title":
            spans: Iterator[tuple[int, int]] = iter([(block.start, block.end)])
        else:
            spans = _sentences_of(cleaned.text, block.start, block.end)
        for start, end in spans:
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=start,
                    end=end,
                    text=cleaned.text[start:end],
                    block=block_index,
                    kind=block.kind,
                )
            )
    return tuple(sentences)
