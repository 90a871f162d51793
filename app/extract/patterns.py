"""Regular expressions that are searched only where one of their first letters stands.

Python's `search` tries every branch of an alternation at every position of a text,
the more so under re.I. A lookahead on the letters a match can start with, such as
"(?=[bt])", lets it skip the positions where none stands. It changes nothing the
pattern matches as long as `letters` holds every first letter of its matches: each
pattern keeps its plain form, and tests/extract/test_patterns.py searches every text
of the test suite and of seed_data/ with both.
"""

from __future__ import annotations

import re

_PLAIN: dict[re.Pattern[str], re.Pattern[str]] = {}  # each pattern -> without the lookahead


def starting_with(letters: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern`, tried only at positions that hold one of `letters` (a character class's
    contents; under re.I, either case of a letter stands for both)."""
    fast = re.compile(f"(?=[{letters}]){pattern}", flags)
    _PLAIN[fast] = re.compile(pattern, flags)
    return fast


def rewritten(fast: str, plain: str, flags: int = 0) -> re.Pattern[str]:
    """`fast`, a rewrite of `plain` that finds the same spans faster (such as one whose
    first character is a plain class the search skips to without trying the pattern),
    kept with `plain` for the same test."""
    compiled = re.compile(fast, flags)
    _PLAIN[compiled] = re.compile(plain, flags)
    return compiled


def first_character_first(alternatives: tuple[str, ...]) -> str:
    """`\\b(?:a|b|...)` for a pattern that keeps case, each alternative a pattern opening
    with a plain ASCII letter or digit: rewritten so that a match opens with one class of
    those characters, which the search skips to (a word boundary first is tried at every
    position). The boundary before the character is looked behind, then each alternative in
    its order reads on after its own first character. Worth it only where those characters
    are rare (capitals, digits): the search tests its class at every character and tries the
    pattern at each one in it, so a class of common lower-case letters costs more than the
    boundary, which fails at once inside a word."""
    if not all(a[:1].isascii() and a[:1].isalnum() for a in alternatives):
        raise ValueError("every alternative must open with an ASCII letter or digit")
    letters = "".join(sorted({a[0] for a in alternatives}))
    rest = "|".join(f"(?<={a[0]}){a[1:]}" for a in alternatives)
    return rf"[{letters}](?<!\w[{letters}])(?:{rest})"


# letters that match an ASCII letter only when case is ignored: "ſ" matches "s" under re.I
CASE_FOLDED_ASCII = ("İ", "ı", "ſ", "\u212a")


def may_hold(words: tuple[str, ...], text: str, lowered: str) -> bool:
    """Whether a pattern under re.I, each of whose matches holds one of `words` (in lower
    case), may match `text` (`lowered` is `text.lower()`): one of the words is in the
    lower-cased text, or a letter that matches an ASCII one only when case is ignored is.
    A sentence that holds none needs no search."""
    return holds(words, lowered) or holds(CASE_FOLDED_ASCII, text)


def holds(words: tuple[str, ...], text: str) -> bool:
    """Whether a pattern that keeps case, each of whose matches holds one of `words`, may
    match `text`: one of the words is in it (a substring test per word runs at C speed, where
    a search tries the pattern at every position). A text that holds none needs no search.
    Compiled, any() over a generator is a loop, each test a direct call, where
    any(map(text.__contains__, words)) would call the bound method through Python's
    protocol for each word."""
    return any(word in text for word in words)


def leading_words(forms: tuple[str, ...]) -> tuple[str, ...]:
    """The letters each alternative of a pattern opens with, up to its first other character:
    every match of the alternative holds them, so they are its words for `holds` and
    `may_hold`. An alternative that opens with no letter has none, and is refused."""
    words = []
    for form in forms:
        word = re.match(r"[^\W\d_]*", form).group()  # type: ignore[union-attr]
        if not word:
            raise ValueError(f"{form!r} opens with no letter")
        words.append(word)
    return tuple(dict.fromkeys(words))


def first_letters(words: tuple[str, ...]) -> str:
    """The letters `words` open with, as `starting_with` takes them."""
    return "".join(sorted({word[0] for word in words}))


def plain_forms() -> dict[re.Pattern[str], re.Pattern[str]]:
    """Every pattern made by `starting_with`, with its form without the lookahead."""
    return dict(_PLAIN)


def run_table(characters: str, lower: bool = False) -> bytes:
    """A `bytes.translate` table for `runs`: the ASCII `characters` that make words kept (in
    lower case if `lower`), every other byte made a space."""
    if not characters.isascii() or " " in characters or "?" in characters:
        raise ValueError("word characters are ASCII ones, neither a space nor a '?'")
    # byte b translates to the byte at index b
    return bytes(
        ord(c.lower() if lower else c) if c in characters else ord(" ")
        for c in map(chr, range(256))
    )


def runs(text: str, table: bytes) -> tuple[list[str], list[int]]:
    """The maximal runs of the word characters of `table` (made by `run_table`) in `text`,
    as the table writes them, and the offsets where they start: the words a pattern such as
    "[A-Za-z0-9]+" finds, made without a match object, or a search, for each. The text's
    bytes in ASCII (a "?" for any other character) are translated in C at once, where
    `str.translate` would look each of its characters up in a dict; a split on single
    spaces then gives each run, and an empty piece for each space beside another or an end.
    The loop that counts the offsets runs compiled, where each step of a chain of C
    iterators (accumulate, compress) would call through Python's object protocol."""
    pieces = text.encode("ascii", "replace").translate(table).decode("ascii").split(" ")
    words: list[str] = []
    starts: list[int] = []
    at = 0
    for piece in pieces:
        if piece:
            words.append(piece)
            starts.append(at)
        at += len(piece) + 1
    return words, starts
