import pytest

from app.extract.records import Block, Cleaned
from app.extract.segment import segment


def sentences_of(text: str) -> list[str]:
    cleaned = Cleaned(text=text, blocks=(Block(0, len(text), "body"),), reference_date=None)
    found = segment(cleaned)
    assert all(s.text == text[s.start : s.end] for s in found)
    assert [s.index for s in found] == list(range(len(found)))
    return [s.text for s in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mr. Ruto arrived at 10 a.m. local time. He then met Gen. Ogolla.",
            ["Mr. Ruto arrived at 10 a.m. local time.", "He then met Gen. Ogolla."],
        ),
        (
            "Dr. Amina Mohamed and Lt. Col. Ali Juma attended. Maj. Gen. Ochieng did not.",
            ["Dr. Amina Mohamed and Lt. Col. Ali Juma attended.", "Maj. Gen. Ochieng did not."],
        ),
        (
            "The U.S. and the U.N. welcomed the deal. It was signed in Oslo.",
            ["The U.S. and the U.N. welcomed the deal.", "It was signed in Oslo."],
        ),
        (
            "The talks ended in the U.S. The ministers then left.",
            ["The talks ended in the U.S.", "The ministers then left."],
        ),
        (
            "Joseph R. Biden, Jr. spoke with Ruto. They agreed to meet.",
            ["Joseph R. Biden, Jr. spoke with Ruto.", "They agreed to meet."],
        ),
        (
            "Growth reached 3.5 percent by Feb. 12 this year.",
            ["Growth reached 3.5 percent by Feb. 12 this year."],
        ),
        (
            "Safaricom Ltd. reported a profit. It paid a dividend.",
            ["Safaricom Ltd. reported a profit.", "It paid a dividend."],
        ),
        (
            "St. Petersburg hosted the forum. Prof. Ivanova opened it.",
            ["St. Petersburg hosted the forum.", "Prof. Ivanova opened it."],
        ),
        ("He waited... Then he spoke.", ["He waited...", "Then he spoke."]),
        ("It was, well... complicated.", ["It was, well... complicated."]),
        (
            'He called the talks "very useful." The minister left.',
            ['He called the talks "very useful."', "The minister left."],
        ),
        # a quote of several sentences stays whole with its attribution
        (
            '"Norway stands with Kenya. We will keep working together," Eide told reporters. Ruto agreed.',
            [
                '"Norway stands with Kenya. We will keep working together," Eide told reporters.',
                "Ruto agreed.",
            ],
        ),
        (
            "“Is this the end? No. It is a start,” the envoy said.",
            ["“Is this the end? No. It is a start,” the envoy said."],
        ),
        (
            'Eide said: "We are ready. We have always been ready."',
            ['Eide said: "We are ready. We have always been ready."'],
        ),
        # an unbalanced quote (it runs on into the next paragraph) is ignored
        (
            '"We will act. Nobody doubts it. The work starts now.',
            ['"We will act.', "Nobody doubts it.", "The work starts now."],
        ),
        ("Really? Yes! Indeed.", ["Really?", "Yes!", "Indeed."]),
        ("The deal (signed in Oslo.) Stands.", ["The deal (signed in Oslo.)", "Stands."]),
    ],
)
def test_sentences(text, expected):
    assert sentences_of(text) == expected


def test_only_body_and_title_blocks_are_segmented():
    text = "Headline here\nA caption, Oslo, May 2, 2024. (NTB/Foto)\nShare\nThe body. It goes on."
    kinds = ["title", "caption", "noise", "body"]
    blocks, start = [], 0
    for line, kind in zip(text.split("\n"), kinds, strict=True):
        blocks.append(Block(start, start + len(line), kind))
        start += len(line) + 1
    cleaned = Cleaned(text=text, blocks=tuple(blocks), reference_date=None)
    found = segment(cleaned)
    assert [(s.text, s.block, s.kind) for s in found] == [
        ("Headline here", 0, "title"),
        ("The body.", 3, "body"),
        ("It goes on.", 3, "body"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a quotation in single marks is not cut inside
        (
            "'Chile and Ghana trade a lot. We both gain from it,' said the minister. Talks ended.",
            [
                "'Chile and Ghana trade a lot. We both gain from it,' said the minister.",
                "Talks ended.",
            ],
        ),
        # apostrophes are no quotation marks
        (
            "Ghana's exports grew. The farmers' union agreed. It was 'historic.' He left.",
            [
                "Ghana's exports grew.",
                "The farmers' union agreed.",
                "It was 'historic.'",
                "He left.",
            ],
        ),
    ],
)
def test_single_quotation_marks(text, expected):
    assert sentences_of(text) == expected


def test_single_quote_spans_pair_marks_and_pass_over_apostrophes():
    from app.extract.segment import _single_quote_spans

    text = "'We agree,' she said of Norway's 'deep ties.' The leaders' talks ended."
    assert _single_quote_spans(text) == [(0, 10), (33, 44)]
    assert text[0] == "'" and text[10] == "'" and text[33] == "'" and text[44] == "'"
    assert _single_quote_spans("She said ‘we agree.’ and ‘more") == []  # one never closes
