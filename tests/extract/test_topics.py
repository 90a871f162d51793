"""Topic stage: keyword tagging against the taxonomy."""

from __future__ import annotations

import csv
import datetime as dt
from importlib import resources

import pytest

from app.extract.pipeline import extract
from app.extract.records import Source, Statement
from app.extract.topics import tag_statements, taxonomy, topics_of
from tests.extract.conftest import seed_texts


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kenya wants to expand exports of tea and flowers to Japan.", {"trade", "agriculture"}),
        ("Both sides oppose protectionism and the decoupling of economies.", {"free-trade"}),
        # the specific phrase wins: "free trade" is not also "trade"
        ("Nairobi and Tokyo are defenders of free trade.", {"free-trade"}),
        # a phrase listed under two topics gives both
        ("They hope to conclude a free trade agreement soon.", {"trade", "free-trade"}),
        ("Food security is a priority for East Africa.", {"agriculture"}),
        ("The ministers discussed tariffs and market access.", {"trade"}),
        ("Ghana reaffirmed its adherence to the one-China policy.", {"one-china"}),
        (
            "Both leaders stressed people-to-people and cultural exchanges.",
            {"people-to-people-exchanges"},
        ),
        ("The COVID-19 pandemic hit tourism hard.", {"covid-19", "people-to-people-exchanges"}),
        ("Japan will donate vaccines and ventilators.", {"vaccines", "medical-supplies"}),
        ("This year marks the 60th anniversary of relations.", {"diplomatic-anniversary"}),
        ("They agreed to enhance political mutual trust.", {"political-trust"}),
        (
            "Cooperation on semiconductors and artificial intelligence will grow.",
            {"microelectronics", "digital-economy"},
        ),
        ("The minister raised the safety of Kenyan citizens in Japan.", {"consular-affairs"}),
        ("They discussed the South China Sea and freedom of navigation.", {"maritime"}),
        (
            "Both condemned North Korea's ballistic missile launches.",
            {"korean-peninsula", "nuclear-nonproliferation"},
        ),
        (
            "They discussed the war in Ukraine and the situation in Gaza.",
            {"ukraine", "middle-east"},
        ),
        ("Kenya values its partnership with the EU.", {"eu-relations"}),
        ("They set up a task force on illegal guns and firearms.", {"security"}),
        ("Japan remains Kenya's largest bilateral donor.", {"development-cooperation"}),
        ("The summit gave the green light to a new fund.", set()),
        ("Who will attend remains unclear.", set()),  # "WHO" only in capitals
        ("Marine Le Pen lost the election.", set()),
        ("The two leaders had a cordial conversation.", set()),
    ],
)
def test_topics_of(text: str, expected: set[str]) -> None:
    assert set(topics_of(text)) == expected


def test_plurals_and_hyphens_match_like_the_keyword() -> None:
    assert topics_of("New supply-chains and industrial chains") == ("supply-chains",)
    assert "trade" in topics_of("Trade between the economies grew.")
    assert "regional-cooperation" in topics_of("The ASEAN chair welcomed him.")


def test_a_phrase_does_not_run_across_sentences() -> None:
    assert "free-trade" not in topics_of("They agreed to be free. Trade was not discussed.")


def test_topics_follow_the_taxonomy_order() -> None:
    found = topics_of("Trade, COVID-19 and the anniversary of ties.")
    order = taxonomy()
    assert list(found) == sorted(found, key=order.index)


def test_every_taxonomy_slug_has_keywords() -> None:
    text = resources.files("app.extract.lexicon").joinpath("topic_keywords.csv").read_text()
    rows = list(csv.DictReader(text.splitlines()))
    with_keywords = {row["slug"] for row in rows if row["keywords"].strip()}
    assert set(taxonomy()) <= with_keywords
    assert with_keywords - set(taxonomy()) <= {"_none"}


def test_tag_statements_sets_topics_and_keeps_the_rest() -> None:
    text = "Ruto said Kenya seeks Japanese investment in railways."
    statement = Statement(
        speaker="William Ruto", kind="reported", start=5, end=5 + len(text), text=text
    )
    (tagged,) = tag_statements((statement,))
    assert tagged.topics == ("investment", "connectivity")
    assert (tagged.speaker, tagged.start, tagged.end, tagged.text) == (
        statement.speaker,
        statement.start,
        statement.end,
        statement.text,
    )


def _tagged_events(text: str) -> tuple:
    return extract(Source(text=text, published=dt.date(2022, 9, 14))).events


@pytest.mark.parametrize(
    "text, expected",
    [
        # both sides as one subject, outside any speaker's words
        (
            "Kenyan President Amina Odhiambo held a phone call with Japanese Prime Minister "
            "Kenji Sato on Tuesday. The two leaders discussed fisheries and vaccine supplies.",
            ("maritime", "vaccines"),
        ),
        # two named participants as the subject
        (
            "Kenyan President Amina Odhiambo held a phone call with Japanese Prime Minister "
            "Kenji Sato on Tuesday. Odhiambo and Sato discussed maritime security.",
            ("security", "maritime"),
        ),
        # a bystander's subject gives the event nothing
        (
            "Kenyan President Amina Odhiambo held a phone call with Japanese Prime Minister "
            "Kenji Sato on Tuesday. Analysts in Nairobi discussed oil prices.",
            (),
        ),
    ],
)
def test_event_topics_come_from_what_both_sides_addressed(text, expected):
    primary = _tagged_events(text)[0]
    assert set(primary.topics) == set(expected)


def test_a_plural_keyword_never_collides_with_another_topics_singular():
    # "securities" (finance) and "security" reduce to one stem: only one may be a keyword
    assert topics_of("They discussed security on the border.") == ("security",)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Chile wants to secure critical minerals and rare earths.", {"supply-chains"}),
        ("Both stand for free and fair trade.", {"free-trade"}),
        ("The new interconnector will carry power to Estonia.", {"energy"}),
        ("They agreed to fight people smuggling and irregular migration.", {"migration"}),
        ("Ghana thanked Peru for protecting its pilgrims and citizens.", {"consular-affairs"}),
        ("Militants attacked an army base near the border.", {"security"}),
        ("The coast guard and patrol vessels will share data.", {"maritime"}),
        ("A new subway and a rail link will open next year.", {"connectivity"}),
        # idioms that only look like a topic
        ("The partnership is bearing fruit.", set()),
        ("Exports rose in the last fiscal year.", {"trade"}),
        ("Ghana brings fresh energy to the bloc.", set()),
        ("Aid convoys and humanitarian aid must reach the city.", {"development-cooperation"}),
        # a row with a comma inside a keyword still reads whole
        ("Foreign firms want a fair, transparent business climate.", {"business-environment"}),
    ],
)
def test_diplomatic_keywords(text: str, expected: set[str]) -> None:
    assert set(topics_of(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the agenda as subject
        (
            "Kenyan President Amina Odhiambo held a phone call with Japanese Prime Minister "
            "Kenji Sato on Tuesday. Fisheries and vaccines were at the top of the agenda.",
            ("maritime", "vaccines"),
        ),
        # joint positions besides "discussed"
        (
            "Kenyan President Amina Odhiambo held a phone call with Japanese Prime Minister "
            "Kenji Sato on Tuesday. The two leaders welcomed progress on the new rail link.",
            ("connectivity",),
        ),
        # an anniversary of relations both sides noted is the event's, though it recalls
        # the establishment of relations
        (
            "Kenyan President Amina Odhiambo held a phone call with Japanese Prime Minister "
            "Kenji Sato on Tuesday. The two leaders noted that next year marks the 60th "
            "anniversary of diplomatic relations between the two countries.",
            ("diplomatic-anniversary",),
        ),
        # a coming summit named only as the occasion: what they discussed is this call's
        (
            "Kenyan President Amina Odhiambo held a phone call with Japanese Prime Minister "
            "Kenji Sato on Tuesday. Looking ahead to the G20 summit in Osaka in June, the two "
            "leaders discussed fisheries and vaccines.",
            ("maritime", "vaccines"),
        ),
        # the offices in the subject are no topic
        (
            "Kenyan Trade Minister Amina Odhiambo held talks with Japanese Prime Minister "
            "Kenji Sato on Tuesday. Trade Minister Odhiambo and Prime Minister Sato explored vaccine supplies.",
            ("vaccines",),
        ),
    ],
)
def test_event_topics_from_joint_positions(text, expected):
    primary = _tagged_events(text)[0]
    assert set(primary.topics) == set(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # nature protection: forests, wildlife, wetlands, a lake or river cleaned or protected
        ("Both pledged to stop deforestation and protect wildlife.", {"green-development"}),
        (
            "Funds will go to wastewater plants and the protection of Lake Kivu.",
            {"green-development"},
        ),
        ("A joint board will clean up the river and restore the wetlands.", {"green-development"}),
        # waterways and navigation are transport
        ("Dredging will keep the waterway navigable all year.", {"connectivity"}),
        ("A new ferry and a modern border post will link the two towns.", {"connectivity"}),
        ("The electric interconnection and a new power line are due in 2026.", {"energy"}),
        # trade blocs and trade deals
        ("Tallinn wants the trade deal with the bloc ratified soon.", {"trade"}),
        (
            "The customs union is the heart of Central American integration.",
            {"trade", "regional-cooperation"},
        ),
        ("They discussed cooperation within the Arctic Council.", {"regional-cooperation"}),
        ("Kenya supports trade liberalization.", {"free-trade"}),
        # drug traffickers are a security matter, not medicine
        ("The port must not become a haven for drug traffickers.", {"security", "connectivity"}),
        ("Police seized narcotics from two drug cartels.", {"security"}),
        # war remnants are security
        ("Navy divers are clearing sea mines and unexploded ordnance.", {"security"}),
        # words that only look like these families
        ("The cable car crosses the lake.", set()),
        ("He will clean up his desk.", set()),
    ],
)
def test_environment_waterway_and_trade_bloc_keywords(text: str, expected: set[str]) -> None:
    assert set(topics_of(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Europe as the other side of a relationship is the EU's
        ("Relations between Chile and Europe have never been better.", {"eu-relations"}),
        ("He praised the growth of Kenya-Europe ties.", {"eu-relations"}),
        ("Ghana values the European Union as a partner.", {"eu-relations"}),
        # Europe as a place or a continent on a route is not
        ("The railway links Asia and Europe across the steppe.", {"connectivity"}),
        ("Ghana is one of its key partners in Europe.", set()),
        ("Gas will flow from the Caspian to Europe.", {"energy"}),
        # a state on either side of "and Europe", not a region or a continent
        ("Europe and Peru share a long history.", {"eu-relations"}),
        ("He divides his year between the Gulf and Europe.", set()),
        ("Her family moved between Oceania and Europe.", set()),
    ],
)
def test_europe_as_a_place_is_no_eu_relation(text: str, expected: set[str]) -> None:
    assert set(topics_of(text)) == expected


def test_every_match_of_the_addressed_verbs_holds_one_of_their_words():
    from app.extract.patterns import may_hold
    from app.extract.topics import _ADDRESSED, _ADDRESSED_WORDS

    texts = seed_texts()
    texts.append(
        "They DISCUSSED trade, agreed, agree, committed, exchanged views, talked about it, "
        "focused on and focus on, centred on, centered on, reviewed, touched on, addressed, "
        "noted, welcomed, confirmed, concurred, shared the view, reaffirmed, affirmed, "
        "stressed, emphasised, emphasized, underlined, expressed, pledged, called for, "
        "condemned, look forward, looked forward, explored, covering."
    )
    found = [m.group().lower() for text in texts for m in _ADDRESSED.finditer(text)]
    assert len(found) >= 30
    assert [m for m in found if not any(w in m for w in _ADDRESSED_WORDS)] == []
    assert not may_hold(_ADDRESSED_WORDS, "They met.", "they met.")
    assert may_hold(
        _ADDRESSED_WORDS, "They \u017fhared", "they \u017fhared"
    )  # ſ is s, ignoring case


def test_found_slugs_come_in_the_taxonomy_s_order_and_unknown_ones_are_left_out():
    from app.extract.topics import _in_taxonomy_order, taxonomy

    order = taxonomy()
    found = {order[-1], order[0], order[len(order) // 2], "no-such-topic"}
    assert _in_taxonomy_order(found) == (order[0], order[len(order) // 2], order[-1])
    assert _in_taxonomy_order(set()) == ()


def test_every_word_that_may_open_a_phrase_or_be_an_acronym_is_an_opener():
    import itertools
    import re

    from app.extract.topics import _lexicon, _stem, _unstemmed

    lexicon = _lexicon()
    # every word of the seed texts and a few endings that `_stem` cuts or keeps
    words = {w.lower() for text in seed_texts() for w in re.findall(r"[A-Za-z0-9&]+", text)}
    ends = ("", "s", "es", "ies", "y", "ss", "us", "is", "ches", "shes", "xes", "sses")
    words |= {w + end for w in lexicon.start_words for end in ends}
    words |= {w[:-1] + "ies" for w in lexicon.start_words}
    words |= {"".join(p) for n in range(1, 6) for p in itertools.product("aesiyx", repeat=n)}
    for word in words:
        assert word in _unstemmed(_stem(word))
        if _stem(word) in lexicon.start_words:
            assert word in lexicon.openers
    assert {a.lower() for a in lexicon.acronyms} <= lexicon.openers


def test_a_words_stem_in_the_lexicons_table_is_its_stem_if_a_phrase_holds_it():
    import itertools
    import re

    from app.extract.topics import _lexicon, _stem

    lexicon = _lexicon()
    in_phrases = {w for key in lexicon.phrases for w in key}
    words = {w.lower() for text in seed_texts() for w in re.findall(r"[A-Za-z0-9&]+", text)}
    ends = ("", "s", "es", "ies", "y", "ss", "us", "is", "ches", "shes", "xes", "sses")
    words |= {w + end for w in in_phrases for end in ends}
    words |= {w[:-1] + "ies" for w in in_phrases}
    words |= {"".join(p) for n in range(1, 6) for p in itertools.product("aesiyx", repeat=n)}
    for word in words:
        expected = _stem(word) if _stem(word) in in_phrases else None
        assert lexicon.stems.get(word) == expected, word


def test_a_tagged_statement_keeps_every_other_field() -> None:
    import dataclasses

    from app.extract.records import amended

    said = Statement("p1", "reported", 4, 30, "that trade would grow", "e0", ("trade",))
    assert said.tagged(("energy",)) == amended(said, topics=("energy",))
    # a new field of Statement must be copied by `Statement.tagged` too
    assert [f.name for f in dataclasses.fields(Statement)] == [
        "speaker", "kind", "start", "end", "text", "event_key", "topics"
    ]  # fmt: skip
