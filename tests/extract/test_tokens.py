from app.extract.tokens import ending_at, index_from, starting_at, tokenize

TEXT = "Ruto met Eide in Nairobi."
TOKENS = tokenize(TEXT)  # Ruto(0-4) met(5-8) Eide(9-13) in(14-16) Nairobi(17-24) .(24-25)


def test_index_from_finds_the_first_token_at_or_after_an_offset():
    expected = {0: 0, 1: 1, 5: 1, 13: 3, 24: 5, 25: 6, 99: 6}  # offset -> token index
    assert {offset: index_from(TOKENS, offset) for offset in expected} == expected


def test_starting_at_and_ending_at_find_a_token_by_its_offsets():
    assert starting_at(TOKENS, 9) == 2
    assert starting_at(TOKENS, 10) is None
    assert ending_at(TOKENS, 24) == 4
    assert ending_at(TOKENS, 25) == 5
    assert ending_at(TOKENS, 23) is None
    assert starting_at((), 0) is None
    assert ending_at((), 0) is None
