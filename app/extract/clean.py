"""First stage: split a source text into typed blocks and find its reference date.

The text itself is never changed: blocks are offsets into it. A block is a
line, or several lines when a paragraph was hard-wrapped; parts of a line that
are page furniture (a "date YYYY-MM-DD" header, a trailing "(Reporting by ...)"
credit) become blocks of their own so that they can be typed separately.

Kinds:
- noise: navigation, share buttons, timestamps, bylines, editor credits and
  everything after a "Related Articles" marker;
- caption: photo captions (a credit such as "(Agency/Photographer)" or
  "AGENCY/ID" at the end, or a one-sentence line ending with a date);
- title: the line repeating the metadata title, else a headline-like line
  before the body starts;
- body: everything else.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator

from app.extract.patterns import holds, may_hold, starting_with
from app.extract.records import Block, BlockKind, Cleaned, Source

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?"

_LINE = re.compile(r"[^\n]+")
_HEADER_DATE = re.compile(r"\s*date\s+(\d{4})-(\d{2})-(\d{2})\b[ \t]*")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})\b")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH}),?\s+(\d{{4}})\b")
# "15.01.2025": a dotted numeric date is written day first
_DOTTED_DATE = re.compile(r"(?<![\w.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]\d)")
# "BEIJING, Feb. 10 (Xinhua) --", "OTTAWA, ON, April 1, 2025 /CNW/ -", "ISLAMABAD:", "PARIS —"
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+)*(?:,\s*[A-Z][A-Za-z.]*)*)"
    rf"(?:,?\s+(?:(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH}))"
    rf"(?:,?\s+(?P<year>\d{{4}}))?)?"
    r"\s*(?:\([A-Za-z .]+\)|/[A-Za-z .]+/)?\s*(?:--|—|–|-|:)\s"
)

# Credits that end a photo caption: "(Xinhua/Zheng Huansong)", "(Photo: ...)", "APP/APP63-22".
_CAPTION_CREDIT = re.compile(
    r"(?:\((?:[A-Z][\w.&' -]*/[^()]+|(?:Photo|Image|Picture|File photo)\b[^()]*)\)"
    r"|\b[A-Z]{2,}/[A-Z]{2,}[\w-]*)\s*$"
)
_CAPTION_START = re.compile(r"^(?:Photo|Image|Picture|File photo|Caption)\b\s*(?:by|:|/)", re.I)
_ENDS_WITH_DATE = re.compile(
    rf",\s+(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH}),?\s+\d{{4}}\.?\s*$"
)
# A credit or byline in parentheses at the end of a line: "(Reporting by ...)", "(Yonhap)".
_TRAILING_CREDIT = re.compile(
    r"\s\((?:(?:Reporting|Writing|Editing|Additional reporting|Compiled|Edited|Written)"
    r"\s+by\b[^()]*|(?:Web editor|Editor|Source|Translated by)\s*:[^()]*|[A-Z][A-Za-z]+)\)\s*$"
)

_NOISE_LINE = re.compile(
    r"""
    ^\s*\[?\s*(?:Suggest\s+to\s+a\s+Friend|Share(?:\s+(?:this|on|via|your)\b.*)?|Print|Email
      |E-mail|Tweet|Tags?|Related(?:\s+(?:Articles?|News|Stories|Posts|Topics))?|Show\s+More
      |Read\s+More|More\s+from\b.*|Advertisement|Subscribe\b.*|Sign\s+up\b.*|Log\s*in
      |Follow\s+us\b.*|Comments?|Leave\s+a\s+comment|Back\s+to\s+top|Home|Contact\s+Us\b.*
      |Copyright\b.*|All\s+rights\s+reserved.*|Special\s+Offer|Join\s+the\s+conversation
      |Photo\s+of\b.*|Photo\s+by\b.*|Translated\b.*\bby\b.*|From\s+[A-Z][\w ]*,\s+by\b.*
      |By\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}|Reporting\s+by\b.*|Editing\s+by\b.*
      |\(?\s*(?:Web\s+)?[Ee]ditor\s*:.*|Source\s*:.*|Updated\s*:.*|Published\s*:.*
      )\s*[\]:]?\s*$
    """,
    re.X,
)
# Furniture anywhere in a line. One alternation under re.I was tried at every position
# of every line (~25 us a line); these four, each cheap to scan for, say the same.
_HOME_CRUMB = re.compile(r"^\s*(?:HOME\b|Home\s+(?:[>»|/]|[A-Z][a-z]+\s))")  # case as written
_MENU_MARKS = (">", "»", "|", "•")  # one stands in every separator: most lines hold none
_MENU_SEPARATOR = re.compile(rf"\s[{''.join(_MENU_MARKS)}]\s")
_TIMESTAMP = re.compile(
    r"\b\d+\s+(?:(?:mins?|minutes?|hours?|hrs?|days?)\s+ago|min(?:ute)?s?\s+read)\b", re.I
)
_FURNITURE_WORDS = starting_with(
    "dsca",
    r"\b(?:donate|Send\s+an\s+email|click\s+here|Share\s+your"
    r"|cookies?\b.*\b(?:accept|policy)|All\s+rights\s+reserved)\b",
    re.I,
)
# a word every match of _FURNITURE_WORDS holds (tests/extract/test_clean.py checks it)
_FURNITURE_HOLDS = ("donate", "email", "click", "share", "cookie", "reserved")
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
# three spaces or more between two words ("Home   World   Business"); the search starts at a
# space, a class it skips to fast, and looks behind for the word before it (a bare
# "\S\s{3,}\S" stops at every letter)
_MENU_GAPS = re.compile(r"\s(?<=\S\s)\s{2,}(?=\S)")
# Lines after these markers are lists of other articles or site furniture.
_TAIL_MARKER = re.compile(
    r"^\s*\[?\s*(?:Related\s+(?:Articles?|News|Stories|Posts)|Read\s+more|More\s+from\b.*"
    r"|You\s+may\s+also\s+like|Recommended(?:\s+for\s+you)?|Most\s+(?:Read|Popular)"
    r"|Suggest\s+to\s+a\s+Friend|Tags?)\s*[\]:]?\s*$",
    re.I,
)
_CLOSERS = "'\"’”)]"
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_DATE_TOKEN = re.compile(
    rf"^(?:{_MONTH}|{_WEEKDAY}|\d{{1,4}}[,:]?|\d{{4}}-\d{{2}}-\d{{2}}|[,•|\-–—])$"
)
_LONGEST_NOISE = 300


def _ends_a_sentence(line: str) -> bool:
    """Whether `line` ends with ".", "!" or "?", then closing quotes or brackets, then
    spaces: string methods, where a search for the end would try every position."""
    return line.rstrip().rstrip(_CLOSERS).endswith((".", "!", "?"))


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("“", '"')
    # each run of white space as one space, none at the ends: str.split() cuts at the
    # characters `\s` matches (str.isspace), in C, where a search for `\s+` would try the
    # pattern at every position
    return " ".join(text.replace("”", '"').split()).lower()


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()[: 4 if name.lower().startswith("sept") else 3]]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _spans(text: str) -> Iterator[tuple[int, int]]:
    """Lines as (start, end) without surrounding whitespace; hard-wrapped lines joined."""
    lines = []
    for match in _LINE.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            lines.append((match.start() + lead, match.start() + lead + len(stripped)))
    i = 0
    while i < len(lines):
        start, end = lines[i]
        # a line that stops mid-sentence and a next one starting in lower case: one paragraph
        while (
            i + 1 < len(lines)
            and lines[i + 1][0] - end <= 2
            and not _ends_a_sentence(text[start:end])
            and text[lines[i + 1][0]].islower()
            and len(text[start:end]) > 40
        ):
            i += 1
            end = lines[i][1]
        yield start, end
        i += 1


def _split_furniture(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """Cut a leading "date ..." header and a trailing credit off a line: (start, end, is_noise)."""
    header = _HEADER_DATE.match(text, start, end)
    if header:
        yield start, header.end(3), True
        start = header.end()
    if start >= end:
        return
    credit = (
        _TRAILING_CREDIT.search(text, max(start, end - 160), end) if text[end - 1] == ")" else None
    )
    if credit and credit.start() > start and _ends_a_sentence(text[start : credit.start()]):
        yield start, credit.start(), False
        yield credit.start() + 1, end, True
        return
    yield start, end, False


def _same_title(line: str, title: str) -> bool:
    if line == title:
        return True
    shorter, longer = sorted((line, title), key=len)
    return len(shorter) >= 20 and longer.startswith(shorter)


def _is_caption(line: str) -> bool:
    if _CAPTION_START.match(line):
        return True
    # a credit closes a bracket at the end or holds a slash: most lines have neither
    credit_like = line.rstrip().endswith(")") or "/" in line
    if credit_like and _CAPTION_CREDIT.search(line, max(0, len(line) - 160)):
        return True
    # one sentence ending with ", Aug. 31, 2021.": how photo agencies date a picture
    body = line.rstrip(". ")
    return (
        bool(_ENDS_WITH_DATE.search(line, max(0, len(line) - 40)))
        and "." not in body.rsplit(",", 2)[0][-60:-1]
    )


def _is_date_line(line: str) -> bool:
    spaced = line.replace(",", " , ")
    # most lines: the first word is no date's, and the line is not cut into all its words
    first = spaced.split(maxsplit=1)
    if not first or not _DATE_TOKEN.match(first[0]):
        return False
    return all(_DATE_TOKEN.match(t) for t in spaced.split())


def _noise_anywhere(line: str) -> bool:
    """A breadcrumb, a menu separator, a "5 mins ago" or "3 min read" stamp, or a site's
    appeal ("donate", "click here", cookies, rights reserved) anywhere in the line."""
    lowered = line.lower()
    return bool(
        _HOME_CRUMB.match(line)
        or (holds(_MENU_MARKS, line) and _MENU_SEPARATOR.search(line))
        # every stamp ends in "ago" or "read"; ignoring case, only their capitals match these
        # letters, so the test on the lower-cased line is exact
        or (("ago" in lowered or "read" in lowered) and _TIMESTAMP.search(line))
        or (may_hold(_FURNITURE_HOLDS, line, lowered) and _FURNITURE_WORDS.search(line))
    )


def _menu_gaps(line: str) -> bool:
    """Whether `_MENU_GAPS` finds three spaces or more between two words. Every space but
    " " is a character str.isprintable refuses, so a line that it accepts and that holds no
    two spaces in a row (most lines) holds no run of three: two scans in C instead of a
    search that stops at every space."""
    return ("  " in line or not line.isprintable()) and _MENU_GAPS.search(line) is not None


def _is_noise(line: str) -> bool:
    if len(line) > _LONGEST_NOISE:
        return False  # a paragraph of prose; site furniture comes in short lines
    if _NOISE_LINE.match(line) or _noise_anywhere(line) or _menu_gaps(line):
        return True
    if _is_date_line(line):
        return True
    if ":" in line and _TIME.search(line) and len(_WORD.findall(line)) <= 6:
        return True  # "Xinhua) 15:15, December 10, 2024"
    # a few words without sentence punctuation: a menu item, a site or section name (the
    # cheap test first: most lines are prose that ends with a full stop)
    return not _ends_a_sentence(line) and len(_WORD.findall(line)) < 4


def _is_headline(line: str) -> bool:
    """3 to 25 words, and no sentence punctuation at the end. The cheap test first, and the
    count stops past 25 words: a paragraph's words are never all read."""
    if line.rstrip().endswith((".", "!", "?", ":", ",")):
        return False
    words = 0
    for _ in _WORD.finditer(line):
        words += 1
        if words > 25:
            return False
    return words >= 3


def _kinds(text: str, spans: list[tuple[int, int, bool]], title: str | None) -> list[BlockKind]:
    wanted = _norm(title) if title else None
    kinds: list[BlockKind] = []
    body_started = tail = False
    have_title = False
    for start, end, furniture in spans:
        line = text[start:end]
        kind: BlockKind
        if furniture or tail:
            kind = "noise"
        elif _TAIL_MARKER.match(line) and body_started:
            kind, tail = "noise", True
        elif wanted and not have_title and _same_title(_norm(line), wanted):
            kind = "title"
        elif _is_noise(line):
            kind = "noise"
        elif _is_caption(line):
            kind = "caption"
        elif not body_started and not have_title and not wanted and _is_headline(line):
            kind = "title"
        else:
            kind = "body"
        have_title = have_title or kind == "title"
        body_started = body_started or kind == "body"
        kinds.append(kind)
    return kinds


def _year_before(month: int, day: int, anchor: dt.date | None) -> dt.date | None:
    """The date month/day on or before `anchor` (a dateline never postdates its story)."""
    if anchor is None:
        return None
    found = _safe_date(anchor.year, month, day)
    if found and found > anchor:
        found = _safe_date(anchor.year - 1, month, day)
    return found


def _dateline_date(line: str, anchor: dt.date | None) -> dt.date | None:
    match = _DATELINE.match(line)
    if not match:
        return None
    month_name = match.group("month") or match.group("month2")
    day = match.group("day") or match.group("day2")
    if not month_name or not day:
        return None
    month = _month(month_name)
    if match.group("year"):
        return _safe_date(int(match.group("year")), month, int(day))
    return _year_before(month, int(day), anchor)


def _first_date(line: str) -> dt.date | None:
    iso = _ISO_DATE.search(line)
    if iso:
        return _safe_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    mdy = _MONTH_DAY_YEAR.search(line)
    if mdy:
        return _safe_date(int(mdy.group(3)), _month(mdy.group(1)), int(mdy.group(2)))
    dmy = _DAY_MONTH_YEAR.search(line)
    if dmy:
        return _safe_date(int(dmy.group(3)), _month(dmy.group(2)), int(dmy.group(1)))
    dotted = _DOTTED_DATE.search(line)
    if dotted:
        return _safe_date(int(dotted.group(3)), int(dotted.group(2)), int(dotted.group(1)))
    return None


def _reference_date(text: str, blocks: list[Block], published: dt.date | None) -> dt.date | None:
    """Dateline with a day, else publication date, else "date" header, else an early date."""
    header = _HEADER_DATE.match(text)
    header_date = (
        _safe_date(int(header.group(1)), int(header.group(2)), int(header.group(3)))
        if header
        else None
    )
    early = blocks[:8]
    header_lines = (text[b.start : b.end] for b in early if b.kind in ("noise", "title"))
    first_dated = next((d for d in map(_first_date, header_lines) if d), None)
    anchor = published or header_date or first_dated
    for block in (b for b in early if b.kind == "body"):
        found = _dateline_date(text[block.start : block.end], anchor)
        if found:
            return found
        break  # only the first body paragraph carries a dateline
    return anchor


def clean(source: Source) -> Cleaned:
    """Split `source.text` into typed blocks and find the date relative dates resolve against.

    Reads the source text, its title and publication date; returns a `Cleaned`
    whose blocks (offsets into the unchanged text) are typed body, title,
    caption or noise, and whose `reference_date` is the dateline's day, else
    the publication date, else a "date YYYY-MM-DD" header, else a date in the
    first lines.
    """
    text = source.text
    spans = [piece for start, end in _spans(text) for piece in _split_furniture(text, start, end)]
    kinds = _kinds(text, spans, source.title)
    blocks = [Block(start, end, kind) for (start, end, _), kind in zip(spans, kinds, strict=True)]
    return Cleaned(
        text=text,
        blocks=tuple(blocks),
        reference_date=_reference_date(text, blocks, source.published),
    )
