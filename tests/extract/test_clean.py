import datetime as dt
import re

import pytest

from app.extract import clean as clean_module
from app.extract.clean import _noise_anywhere, clean
from app.extract.records import Source


def kinds(text: str, title: str | None = None) -> list[tuple[str, str]]:
    cleaned = clean(Source(text=text, title=title))
    assert all(b.start < b.end for b in cleaned.blocks)
    return [(b.kind, text[b.start : b.end]) for b in cleaned.blocks]


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Ruto and Eide discussed trade and climate finance in Nairobi on Monday.", "body"),
        (
            "President William Ruto greets Foreign Minister Espen Barth Eide at State House in Nairobi, Kenya, March 4, 2024. (Xinhua/John Okoth)",
            "caption",
        ),
        (
            "Foreign Minister Espen Barth Eide speaks in Oslo, Norway, on May 2, 2024. (AP Photo/Lise Aserud)",
            "caption",
        ),
        ("The two ministers pose for a photo. (Photo: Ministry of Foreign Affairs)", "caption"),
        ("Delegates arrive at the venue in Addis Ababa. AFP/AFP12-03", "caption"),
        (
            "Tanzanian dancers perform at the ceremony in Dodoma, Tanzania, Sept. 14, 2023.",
            "caption",
        ),
        ("Photo: Eide and Ruto shake hands", "caption"),
        ("Share this article", "noise"),
        ("Share on WhatsApp", "noise"),
        ("Related Stories", "noise"),
        ("HOME > World > Africa", "noise"),
        ("News | Politics | Africa", "noise"),
        ("3 min read", "noise"),
        ("12 hours ago", "noise"),
        ("Updated: 14:05 GMT", "noise"),
        ("(Web editor: Amina Yusuf)", "noise"),
        ("By Jane Wanjiru", "noise"),
        ("Tuesday, March 5, 2024", "noise"),
        ("2024-03-05 09:12", "noise"),
        ("Advertisement", "noise"),
        ("Copyright 2024 Daily Nation. All rights reserved.", "noise"),
        ("Subscribe to our newsletter", "noise"),
    ],
)
def test_line_kinds(line, kind):
    text = f"Kenya and Norway agree to deepen ties\n\nOSLO -- The ministers met on Monday.\n\n{line}\n\nThey agreed to meet again."
    found = kinds(text)
    assert (kind, line) in found


def test_title_from_metadata_and_date_header():
    text = " date 2024-03-05 Kenya and Norway agree to deepen ties\nNAIROBI -- They met."
    found = kinds(text, title="Kenya and Norway agree to deepen ties")
    assert found == [
        ("noise", "date 2024-03-05"),
        ("title", "Kenya and Norway agree to deepen ties"),
        ("body", "NAIROBI -- They met."),
    ]


def test_headline_without_metadata_is_the_title():
    found = kinds("Ruto hosts Norwegian minister\n\nRuto hosted Eide on Monday.")
    assert found[0] == ("title", "Ruto hosts Norwegian minister")


def test_trailing_byline_is_cut_off_the_paragraph():
    text = "Eide left Nairobi on Tuesday. (Reporting by Jane Wanjiru; Editing by Tom Hals)"
    assert kinds(text) == [
        ("body", "Eide left Nairobi on Tuesday."),
        ("noise", "(Reporting by Jane Wanjiru; Editing by Tom Hals)"),
    ]


def test_everything_after_related_articles_is_noise():
    text = "Ruto met Eide on Monday.\nRelated Articles\nRuto says Kenya will host summit\nEide visits Addis Ababa"
    assert [k for k, _ in kinds(text)] == ["body", "noise", "noise", "noise"]


def test_hard_wrapped_paragraph_is_one_block():
    text = (
        "Kenyan President William Ruto and Norway's foreign minister discussed\n"
        "climate finance and trade on Monday.\n\nThey agreed to meet again."
    )
    found = kinds(text)
    assert found[0][1].endswith("trade on Monday.") and len(found) == 2


def test_blocks_never_change_the_text():
    text = "  Share  \n\n  Eide met Ruto.  \n"
    cleaned = clean(Source(text=text))
    assert cleaned.text == text
    assert [text[b.start : b.end] for b in cleaned.blocks] == ["Share", "Eide met Ruto."]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a dateline with a day wins; its year comes from the publication date
        (
            "NAIROBI, March 3 (Reuters) - Ruto met Eide on Sunday.",
            dt.date(2024, 3, 4),
            dt.date(2024, 3, 3),
        ),
        # a dateline never postdates the story: Dec. 30 before a January publication
        ("OSLO, Dec. 30 (NTB) -- Eide spoke.", dt.date(2025, 1, 2), dt.date(2024, 12, 30)),
        ("ADDIS ABABA, 12 May 2023 /PRNewswire/ - The talks began.", None, dt.date(2023, 5, 12)),
        # a dateline without a day: the publication date
        ("LONDON -- Ruto met Eide.", dt.date(2024, 3, 4), dt.date(2024, 3, 4)),
        ("ISLAMABAD: The talks began.", dt.date(2022, 6, 1), dt.date(2022, 6, 1)),
        # no publication date: a "date" header, else a date in the first lines
        (" date 2023-05-01 Ruto met Eide on Monday.", None, dt.date(2023, 5, 1)),
        ("Site name\nMonday Jun 5 2023\nRuto met Eide.", None, dt.date(2023, 6, 5)),
        # a dotted numeric date is day first
        ("Agency name, Capital, 07.02.2025\nRuto met Eide today.", None, dt.date(2025, 2, 7)),
        ("Site v2.1.2024\nRuto met Eide.", None, None),
        ("Ruto met Eide.", None, None),
    ],
)
def test_reference_date(text, published, expected):
    assert clean(Source(text=text, published=published)).reference_date == expected


@pytest.mark.parametrize(
    "line, noise",
    [
        ("Home > World > Africa", True),
        ("HOME", True),
        ("Home Politics Kenya", True),
        ("Home ministers met in Paris", False),  # a crumb needs a capital or a separator next
        ("home news", False),
        ("World | Africa | Asia", True),
        ("Updated 5 mins ago", True),
        ("4 MIN READ", True),
        ("a5 mins ago", False),
        ("Please DONATE today", True),
        ("We use cookies. Accept?", True),
        ("cookies were served", False),
        ("© 2024 Agency. All Rights Reserved", True),
        ("Ruto and Eide discussed trade in Nairobi.", False),
    ],
)
def test_noise_anywhere(line, noise):
    assert _noise_anywhere(line) is noise


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("He left.", True),
        ('He said "yes."  ', True),
        ("Is it (so?)\n", True),
        ('He said "yes." )', False),  # a bracket after the space: no sentence end
        ('He left. "', False),
        ("Home World", False),
        ("", False),
    ],
)
def test_a_line_ends_a_sentence_as_the_terminal_pattern_says(line, ends):
    terminal = re.compile(r"""[.!?]['"’”)\]]*\s*$""")  # what the string methods replace
    assert clean_module._ends_a_sentence(line) is ends is bool(terminal.search(line))


@pytest.mark.parametrize(
    "line",
    ["Home   World   Business", "a\t\t\tb", "a \u00a0 b", "   lead", "trail   ", "a  b", "x"],
)
def test_menu_gaps_are_three_spaces_between_two_words(line):
    plain = re.compile(r"\S\s{3,}\S")
    assert bool(clean_module._MENU_GAPS.search(line)) is bool(plain.search(line))


def test_every_furniture_phrase_holds_one_of_the_words_that_gate_its_search():
    from app.extract.clean import _FURNITURE_HOLDS, _FURNITURE_WORDS

    line = (
        "Donate now | SEND AN EMAIL | Click here | share your story | we use Cookies, "
        "accept | All Rights Reserved"
    )
    found = [m.group().lower() for m in _FURNITURE_WORDS.finditer(line)]
    assert len(found) == 6
    assert [m for m in found if not any(word in m for word in _FURNITURE_HOLDS)] == []
    assert _noise_anywhere("Click here to read on") and not _noise_anywhere("He left.")


def test_a_menu_separator_is_found_by_each_of_its_marks_and_only_by_them():
    from app.extract.clean import _MENU_MARKS, _MENU_SEPARATOR, _noise_anywhere

    for mark in _MENU_MARKS:
        assert _MENU_SEPARATOR.search(f"Home {mark} World")
        assert _noise_anywhere(f"Home {mark} World")
    assert not _noise_anywhere("Home - World")  # no mark, no search


def test_menu_gaps_are_found_whatever_their_spaces():
    import sys

    from app.extract.clean import _MENU_GAPS, _menu_gaps

    # every space but " " is a character str.isprintable refuses: the gate relies on it
    spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()]
    assert [c for c in spaces if c.isprintable()] == [" "]
    for space in spaces:
        for line in (f"Home{space * 3}World", f"Home {space} World", f"Home{space} {space}World"):
            assert _menu_gaps(line) == bool(_MENU_GAPS.search(line)), repr(line)
            assert _menu_gaps(line)
    assert not _menu_gaps("Home  World") and not _menu_gaps("Ruto met Eide in Nairobi.")


def test_norm_makes_each_run_of_white_space_one_space_as_a_search_for_it_would():
    line = "\u2003 Kenya\u00a0and \t Norway\u2028sign “a Deal”  \n"
    assert clean_module._norm(line) == 'kenya and norway sign "a deal"'
    spaces = "".join(chr(c) for c in range(0x3000 + 1) if chr(c).isspace())
    text = f"{spaces}A{spaces}b c{spaces}"
    assert clean_module._norm(text) == re.sub(r"\s+", " ", text).strip().lower()
