"""Words and punctuation marks of a text, with their offsets in the document."""

from __future__ import annotations

import re
from itertools import accumulate, repeat
from typing import NamedTuple

from app.extract.patterns import rewritten

# words (with inner hyphens and apostrophes: "Suk-yeol", "O'Brien"), a possessive
# "'s", numbers, or one punctuation mark. Every token opens with a non-space: the rewrite
# takes that character first, as a plain class the search skips to (no branch is tried at
# a space), and looks behind it to see which kind of token it opens.
_TOKEN = rewritten(
    r"\S(?:(?<=[^\W\d_])[^\W\d_]*(?:[-\u2010\u2011][^\W\d_]+)*(?:['’](?![sS]\b)[^\W\d_]+)*"
    r"|(?<=['’])[sS]\b|(?<=\d)\d*(?:[.,:]\d+)*|)",
    r"[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*(?:['’](?![sS]\b)[^\W\d_]+)*|['’][sS]\b|\d+(?:[.,:]\d+)*|\S",
)
# `_TOKEN` for a text whose letters and digits are all ASCII ones (most English news): there
# a letter is [a-zA-Z], a digit [0-9] and a word character [a-zA-Z0-9_], ranges the search
# tests in a table, where the Unicode classes look each character up in the Unicode data.
# Its repeats are possessive ("*+", "++"): what follows each is optional, so the search never
# gives a character back, and possessive repeats keep no marks to go back to.
_ASCII_TOKEN = re.compile(
    r"\S(?:(?<=[a-zA-Z])[a-zA-Z]*+(?:[-\u2010\u2011][a-zA-Z]++)*+"
    r"(?:['’](?![sS](?![a-zA-Z0-9_]))[a-zA-Z]++)*+"
    r"|(?<=['’])[sS](?![a-zA-Z0-9_])|(?<=[0-9])[0-9]*+(?:[.,:][0-9]++)*+|)"
)
# `_ASCII_TOKEN` as one group: its split of a text alternates the text between two tokens
# (often "" or " ") and a token, strings made in C without a match object for each token
_ASCII_SPLIT = re.compile(f"({_ASCII_TOKEN.pattern})")
_NON_ASCII_WORD = re.compile(r"[^\x00-\x7f](?<=\w)")  # a letter or digit outside ASCII


class Token(NamedTuple):
    """A word or punctuation mark with its offsets in the document."""

    start: int
    end: int
    text: str
    low: str


_new = tuple.__new__


def ascii_words(text: str) -> bool:
    """Whether every letter and digit of `text` (every word character) is an ASCII one: then
    a pattern may read them with ASCII ranges instead of Unicode classes."""
    return text.isascii() or _NON_ASCII_WORD.search(text) is None


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Tokens of `text[start:end]` with document offsets."""
    return tokens_of(text[start:end], start)


def tokens_of(chunk: str, start: int) -> tuple[Token, ...]:
    """Tokens of a piece of the document that begins at offset `start`."""
    # most pieces; "İ", the one letter whose lower case is longer, is no ASCII one
    if ascii_words(chunk):
        return _ascii_tokens(chunk, start)
    low = chunk.lower().replace("’", "'")
    if len(low) != len(chunk):  # a letter whose lower case is longer ("İ")
        return tuple(
            Token(start + m.start(), start + m.end(), m.group(), m.group().lower())
            for m in _TOKEN.finditer(chunk)
        )
    tokens = []
    for match in _TOKEN.finditer(chunk):
        left, right = match.span()
        # tuple.__new__ skips NamedTuple's Python-level constructor: this runs per word
        tokens.append(
            _new(Token, (start + left, start + right, chunk[left:right], low[left:right]))
        )
    return tuple(tokens)


def _ascii_tokens(chunk: str, start: int) -> tuple[Token, ...]:
    """`tokens_of` a piece whose letters and digits are all ASCII ones, made in C: the split
    gives the pieces between and the tokens in turn, their lengths summed from `start` give
    the offsets. Each token's lower case is that of its own text: lowering is the same
    character by character but for a final capital sigma, a letter no such piece holds."""
    pieces = _ASCII_SPLIT.split(chunk)
    bounds = list(accumulate(map(len, pieces), initial=start))
    texts = pieces[1::2]
    lows = list(map(str.lower, texts))
    if "’" in chunk:  # the curly apostrophe reads as a straight one, as in `tokens_of`
        lows = [low.replace("’", "'") for low in lows]
    rows = zip(bounds[1:-1:2], bounds[2::2], texts, lows, strict=True)
    # tuple.__new__ skips NamedTuple's Python-level constructor
    return tuple(map(_new, repeat(Token), rows))


# Tokens are in text order and never overlap: their starts, and their ends, increase. A
# binary search finds a token by offset without indexing every token of a sentence. It is a
# compiled loop reading the offsets in place: bisect with a key would call the key function
# and compare two Python ints through the interpreter at every step.


def index_from(tokens: tuple[Token, ...], offset: int) -> int:
    """Index of the first token that starts at or after `offset`; len(tokens) if none."""
    low, high = 0, len(tokens)
    while low < high:
        middle = (low + high) // 2
        if tokens[middle].start < offset:
            low = middle + 1
        else:
            high = middle
    return low


def starting_at(tokens: tuple[Token, ...], offset: int) -> int | None:
    """Index of the token that starts at `offset`, or None."""
    k = index_from(tokens, offset)
    return k if k < len(tokens) and tokens[k].start == offset else None


def ending_at(tokens: tuple[Token, ...], offset: int) -> int | None:
    """Index of the token that ends at `offset`, or None."""
    low, high = 0, len(tokens)
    while low < high:  # the first token that ends at or after `offset`
        middle = (low + high) // 2
        if tokens[middle].end < offset:
            low = middle + 1
        else:
            high = middle
    return low if low < len(tokens) and tokens[low].end == offset else None
