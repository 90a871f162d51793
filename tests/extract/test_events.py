"""Event stage: the primary event of a text, the events it mentions, statement links.

Texts are written for these tests (no corpus text); they run through the real
upstream stages (clean, segment, actors, dates) so that the event stage sees
what it sees in production.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.extract import actors, clean, dates, events, segment
from app.extract.records import (
    Actors,
    DateMention,
    Event,
    Mention,
    Person,
    Sentence,
    Source,
    Statement,
)
from tests.extract.conftest import seed_texts

# A Thursday.
PUBLISHED = dt.date(2019, 3, 14)


def _events(
    text: str,
    title: str | None = None,
    publisher: str | None = None,
    published: dt.date | None = PUBLISHED,
    url: str | None = None,
) -> tuple[Event, ...]:
    source = Source(text=text, published=published, title=title, publisher=publisher, url=url)
    cleaned = clean.clean(source)
    sentences = segment.segment(cleaned)
    people = actors.find_actors(cleaned.text, sentences)
    found = dates.find_dates(sentences, cleaned.reference_date)
    return events.find_events(source, cleaned, sentences, people, found)


def _primary(text: str, **kwargs) -> Event:
    found = _events(text, **kwargs)
    assert found[0].primary and found[0].key == "e0"
    assert sum(e.primary for e in found) == 1
    return found[0]


def _mentioned(text: str, **kwargs) -> list[Event]:
    return [e for e in _events(text, **kwargs) if not e.primary]


@pytest.mark.parametrize(
    "text, title, kind, date, countries, location",
    [
        (
            "Kenyan President William Ruto held a video conference with Japanese Prime Minister "
            "Fumio Kishida on Thursday. Ruto said Kenya welcomed Japanese investment.",
            "Ruto holds video conference with Kishida",
            "video_call",
            "2019-03-14",
            ("JP", "KE"),
            None,
        ),
        (
            "Chilean President Gabriel Boric met Peruvian President Dina Boluarte via video link "
            "on Monday. Boric said the two countries share a long border.",
            None,
            "video_call",
            "2019-03-11",
            ("CL", "PE"),
            None,
        ),
        (
            "Ghanaian President Nana Akufo-Addo spoke with Nigerian President Bola Tinubu on the "
            "phone on Tuesday. Akufo-Addo said trade between the neighbours was growing.",
            None,
            "phone_call",
            "2019-03-12",
            ("GH", "NG"),
            None,
        ),
        (
            "Indian Prime Minister Narendra Modi and Nepalese Prime Minister Pushpa Kamal Dahal "
            "exchanged congratulatory messages on Wednesday. Modi said ties were deep.",
            None,
            "message",
            "2019-03-13",
            ("IN", "NP"),
            None,
        ),
        (
            "Japanese Prime Minister Fumio Kishida arrived in Nairobi on Monday for a three-day "
            "official visit. Kenyan President William Ruto received his Japanese counterpart.",
            "Kishida arrives in Kenya",
            "visit",
            "2019-03-11",
            ("JP", "KE"),
            "Nairobi",
        ),
        (
            "Canadian Foreign Minister Melanie Joly met Mexican Foreign Secretary Alicia Barcena "
            "in Ottawa on Tuesday. Joly said the two countries would deepen cooperation.",
            None,
            "meeting",
            "2019-03-12",
            ("CA", "MX"),
            "Ottawa",
        ),
        (
            "Kenyan Foreign Minister Musalia Mudavadi and Japanese Foreign Minister Yoko Kamikawa "
            "signed a memorandum of understanding on maritime security in Nairobi on Tuesday.",
            "Kenya, Japan sign maritime security MoU",
            "agreement",
            "2019-03-12",
            ("JP", "KE"),
            "Nairobi",
        ),
        (
            "Chilean President Gabriel Boric sent a message of condolence to Argentine President "
            "Alberto Fernandez on Wednesday after deadly floods.",
            None,
            "message",
            "2019-03-13",
            ("AR", "CL"),
            None,
        ),
        (
            "Omani Sultan Tariq bin Saif Al Harthy sent a cable of congratulations to Maltese "
            "President Carmen Vella Grech on Wednesday on her country's national day.",
            None,
            "message",
            "2019-03-13",
            ("MT", "OM"),
            None,
        ),
        (
            "Egyptian President Abdel Fattah al-Sisi met Jordanian King Abdullah on the sidelines "
            "of the Arab League summit in Cairo on Wednesday.",
            None,
            "meeting",
            "2019-03-13",
            ("EG", "JO"),
            "Cairo",
        ),
    ],
)
def test_primary_event(
    text: str,
    title: str | None,
    kind: str,
    date: str,
    countries: tuple[str, ...],
    location: str | None,
) -> None:
    event = _primary(text, title=title)
    assert (event.type, event.date, event.countries, event.location) == (
        kind,
        date,
        countries,
        location,
    )


def test_title_type_wins_over_later_trip_words() -> None:
    text = (
        "Ghanaian President Nana Akufo-Addo flew to Abidjan on Tuesday for a working lunch with "
        "Ivorian President Alassane Ouattara."
    )
    event = _primary(text, title="Akufo-Addo, Ouattara discuss cocoa over lunch")
    assert event.type == "meeting"
    assert event.location == "Abidjan"


def test_weak_wording_takes_the_kind_of_contact_from_the_next_sentence() -> None:
    text = (
        "Today, the Prime Minister, Christopher Luxon, spoke with the President of Indonesia, "
        "Prabowo Subianto. The leaders had a warm call about trade."
    )
    event = _primary(text, published=dt.date(2025, 2, 3))
    assert event.type == "phone_call"
    assert event.date == "2025-02-03"
    assert event.countries == ("ID",)  # the unnamed side is not guessed without evidence


@pytest.mark.parametrize("adverb", ["today", "again", "separately"])
def test_an_adverb_inside_a_contact_phrase_keeps_it(adverb: str) -> None:
    text = (
        f"Chilean Foreign Minister Alberto van Klaveren spoke {adverb} with Peruvian Foreign "
        "Minister Javier Gonzalez-Olaechea. Van Klaveren said the border talks would resume."
    )
    event = _primary(text)
    assert event.type == "phone_call"
    assert event.countries == ("CL", "PE")


def test_an_adverb_opens_or_ends_no_contact_phrase() -> None:
    assert events._find_triggers("The envoy spoke today.") == []
    assert events._find_triggers("She spoke briefly, with a smile.") == []  # a comma between
    hits = events._find_triggers("They held talks today in Lima.")
    assert [(h.type, h.end) for h in hits] == [("meeting", len("They held talks"))]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's foreign ministry spokesman Kwaku Mensah said Accra saw no readiness for talks.",
        "Kenyan President William Ruto called for direct talks between the parties in Sudan.",
        "A spokeswoman said Lima was ready to meet and open to new negotiations.",
        "The minister said Pyongyang had rejected an offer of talks.",
    ],
)
def test_a_contact_asked_for_is_no_trigger(text: str) -> None:
    assert events._find_triggers(text) == []


def test_a_contact_asked_for_makes_no_meeting_but_a_trip_for_talks_does() -> None:
    asked = _primary("Kenyan President William Ruto on Monday called for talks in Sudan.")
    assert asked.type == "statement"
    assert asked.location is None
    trip = _primary(
        "Kenyan President William Ruto arrived in Addis Ababa on Monday for talks with "
        "Ethiopian Prime Minister Abiy Ahmed."
    )
    assert trip.type == "visit"
    assert trip.countries == ("ET", "KE")


@pytest.mark.parametrize("turn", ["Meanwhile,", "Separately,", "In a separate development,"])
def test_a_speaker_of_another_matter_is_no_participant(turn: str) -> None:
    text = (
        "Chilean Foreign Minister Ana Rojas met Peruvian Foreign Minister Luis Paredes in Lima "
        f"on Tuesday. Rojas said trade would grow. {turn} Chilean Finance Minister Jorge Vidal "
        "said inflation had eased."
    )
    assert set(_primary(text).participants) == {"Ana Rojas", "Luis Paredes"}


@pytest.mark.parametrize("then", ["later", "afterwards", "subsequently"])
def test_a_contact_after_the_reported_one_brings_no_one_new_to_it(then: str) -> None:
    """ "X later received Y" after the lead tells of another contact: X is not a party to
    the lead's meeting (the lead's own parties meeting again add no one)."""
    text = (
        "Chilean Foreign Minister Ana Rojas met Peruvian Foreign Minister Luis Paredes in Lima "
        f"on Tuesday. Peruvian President Elena Soto {then} received Rojas at the palace."
    )
    assert set(_primary(text).participants) == {"Ana Rojas", "Luis Paredes"}
    text = text.replace(
        f"Peruvian President Elena Soto {then} received Rojas", "Paredes later hosted Rojas"
    )
    assert set(_primary(text).participants) == {"Ana Rojas", "Luis Paredes"}


def test_date_comes_from_the_lead_when_the_trigger_sentence_has_none() -> None:
    text = (
        "Brazilian President Luiz Inacio Lula da Silva congratulated Chilean President Gabriel "
        "Boric on Tuesday, his office said.\n"
        "Lula and Boric talked on the phone after the vote."
    )
    event = _primary(text)
    assert (event.type, event.date) == ("phone_call", "2019-03-12")


def test_a_coming_visit_is_not_dated_by_the_announcement() -> None:
    text = "Kenyan President William Ruto will travel to Japan, his spokesman said on Monday."
    event = _primary(text)
    assert (event.type, event.date, event.location) == ("visit", None, "Japan")
    assert event.countries == ("JP", "KE")


def test_states_as_subjects_are_parties() -> None:
    event = _primary("Kenya and Tanzania signed a border accord in Arusha on Monday.")
    assert (event.type, event.countries, event.location) == ("agreement", ("KE", "TZ"), "Arusha")


def test_participants_are_the_parties_attendees_and_speakers_not_background() -> None:
    text = (
        "Kenyan President William Ruto met Japanese Prime Minister Fumio Kishida in Tokyo on "
        "Tuesday as Russian President Vladimir Putin prepared to visit China.\n"
        "Ruto said Kenya wanted more trade with Japan.\n"
        "Kenyan Foreign Minister Musalia Mudavadi attended the talks.\n"
        "Putin has long courted African leaders."
    )
    event = _primary(text)
    assert set(event.participants) == {"William Ruto", "Fumio Kishida", "Musalia Mudavadi"}
    assert event.countries == ("JP", "KE")


def test_unnamed_office_holder_takes_the_publishers_state() -> None:
    text = "The Prime Minister spoke to the Kenyan President, William Ruto, this afternoon."
    event = _primary(text, title="PM call with President Ruto", publisher="GOV.UK")
    assert event.type == "phone_call"
    assert event.countries == ("GB", "KE")
    assert event.participants == ("William Ruto",)


def test_a_seat_of_government_names_the_unknown_side() -> None:
    text = (
        "The first call Emmanuel Macron took on Monday was with Kenyan President William Ruto, "
        "the Elysee said."
    )
    event = _primary(text)
    assert event.countries == ("FR", "KE")


def test_visit_here_takes_the_dateline_city() -> None:
    text = (
        "NAIROBI: Japanese Prime Minister Fumio Kishida was given a warm welcome as he arrived "
        "here on Wednesday for a two-day visit."
    )
    event = _primary(text, title="Japanese premier reaches Kenya")
    assert (event.type, event.location, event.date) == ("visit", "Nairobi", "2019-03-13")
    assert "KE" in event.countries and "JP" in event.countries


@pytest.mark.parametrize(
    "text, kind, location",
    [
        # a dateline in title case, with a date or an agency after the comma
        (
            "Dakar, March 12, 2019 (APS) - Senegalese President Awa Diop and Gambian President "
            "Lamin Jallow signed a fisheries agreement on Tuesday after talks at the palace.",
            "agreement",
            "Dakar",
        ),
        # a coming meeting's place in a later sentence is not where this one took place
        (
            "NAIROBI, March 12 (KNA) - Kenyan President Amani Otieno received Norwegian Foreign "
            "Minister Siri Dahl at State House on Tuesday. For her part, the Norwegian minister "
            "expressed the hope that the first round of political consultations would be held "
            "in Oslo.",
            "meeting",
            "Nairobi",
        ),
        # "here" under a dateline beats the place of a coming visit in a later sentence
        (
            "ACCRA, March 12 (GNA) - Ghanaian Foreign Minister Kofi Mensah held talks with his "
            "Togolese counterpart Afi Lawson here on Tuesday. Lawson conveyed an invitation from "
            "her president to Mensah to visit Lomé later this year.",
            "meeting",
            "Accra",
        ),
        # a clause dated to another year tells of another contact, not where this one was
        (
            "SUVA, March 12 (FBC) - Fijian Foreign Minister Eroni Vatu met Tongan Foreign "
            "Minister Sione Lavaka here on Tuesday. Vatu said the two ministers agreed to revive "
            "the joint committee, which last met in Nuku'alofa in 2017.",
            "meeting",
            "Suva",
        ),
        # the agency in brackets after the dateline's city
        (
            "Kampala (UNA) – Ugandan President Moses Okello received Kenyan Foreign Minister "
            "Amina Wanjiru here today.",
            "meeting",
            "Kampala",
        ),
        # no place named but the dateline's own country: the dateline's city
        (
            "Lusaka, 12 March 2019 - The President of the Republic, Mwila Banda, received at "
            "State House on Tuesday the Prime Minister of Malawi, Chikondi Phiri, who is on a "
            "working visit to Zambia.",
            "meeting",
            "Lusaka",
        ),
        # a visit to the dateline's country, no city named: the dateline's city
        (
            "LIMA, March 12 (Andina) - Chilean President Tomas Rojas arrived on Tuesday for "
            "the first state visit to Peru by a Chilean leader in a decade.",
            "visit",
            "Lima",
        ),
        # a city of several words with a lower-case particle
        (
            "Dar es Salaam, 12 March 2019 - President Asha Mwinyi received the Foreign "
            "Minister of Kenya, Amina Wanjiru, at State House on Tuesday.",
            "meeting",
            "Dar es Salaam",
        ),
        # a known city in title case before a dash
        (
            "Dar es Salaam - President Asha Mwinyi received the Foreign Minister of "
            "Kenya, Amina Wanjiru, at State House on Tuesday.",
            "meeting",
            "Dar es Salaam",
        ),
        # a place of no known state named only in what a speaker said yields to the dateline
        (
            "Accra, 12 March 2019 (GNA) - Ghanaian President Kofi Mensah received Togolese "
            "Foreign Minister Afi Lawson at the palace on Tuesday. For his part, the Ghanaian "
            "President reaffirmed that Ghana is ready to develop the gas fields in the Keta "
            "Basin.",
            "meeting",
            "Accra",
        ),
        # the dateline's city is where in its country: "in the Vatican" under "Vatican City"
        (
            "Vatican City - Archbishop Paolo Conti received the Foreign Minister of Peru, Rosa "
            "Quispe, in the Vatican on Friday.",
            "meeting",
            "Vatican City",
        ),
    ],
)
def test_location_from_the_dateline(text: str, kind: str, location: str) -> None:
    event = _primary(text)
    assert (event.type, event.location) == (kind, location)


MEETING = (
    "Kenyan President William Ruto met Japanese Prime Minister Fumio Kishida in Tokyo on Tuesday. "
)


@pytest.mark.parametrize(
    "background, kind, date, precision, countries, location",
    [
        (
            "Ruto visited Brazil in March 2018 to promote trade.",
            "visit",
            "2018-03",
            "month",
            ("BR", "KE"),
            "Brazil",
        ),
        (
            "This year marks the 55th anniversary of the establishment of diplomatic relations "
            "between the two countries.",
            "diplomatic_relations",
            "1964",
            "year",
            ("JP", "KE"),
            None,
        ),
        (
            "On 3 March, the foreign ministers of Kenya and Japan held a telephone conversation.",
            "phone_call",
            "2019-03-03",
            "day",
            ("JP", "KE"),
            None,
        ),
        (
            "Kishida said the two leaders would meet again at the G20 summit in Osaka in June.",
            "summit",
            "2019-06",
            "month",
            ("JP", "KE"),
            "Osaka",
        ),
        (
            "In February, Kenyan Foreign Minister Raychelle Omamo thanked Japan for its support.",
            "statement",
            "2019-02",
            "month",
            ("JP", "KE"),
            None,
        ),
    ],
)
def test_mentioned_event(
    background: str,
    kind: str,
    date: str,
    precision: str,
    countries: tuple[str, ...],
    location: str | None,
) -> None:
    mentioned = _mentioned(MEETING + background)
    assert [(e.type, e.date, e.precision, e.countries, e.location) for e in mentioned] == [
        (kind, date, precision, countries, location)
    ]
    assert mentioned[0].key == "e1"


@pytest.mark.parametrize(
    "background, kind, date, location",
    [
        # a contact arranged for later needs no date when it names its place
        ("Kishida will visit Nairobi to open an embassy.", "visit", None, "Nairobi"),
        (
            "Both leaders committed to hold the next meeting of the joint commission in Mombasa.",
            "meeting",
            None,
            "Mombasa",
        ),
        # a signing told without a date was at the meeting the text reports
        (
            "The two leaders also witnessed the signing of a memorandum on fisheries.",
            "agreement",
            "2019-03-12",
            "Tokyo",
        ),
        # a political dialogue is a round of talks
        (
            "Both sides agreed to hold the next political dialogue in Mombasa in 2020.",
            "meeting",
            "2020",
            "Mombasa",
        ),
        (
            "They agreed to hold the next Kenya-Japan Strategic Dialogue in Mombasa in the autumn.",
            "meeting",
            "2019",
            "Mombasa",
        ),
        # convening a body is meeting it
        (
            "The two leaders agreed to convene the joint commission in Mombasa next year.",
            "meeting",
            "2020",
            "Mombasa",
        ),
        # a commission's session is a meeting
        (
            "They reviewed the results of the binational cabinet held in Kisumu in 2017.",
            "meeting",
            "2017",
            "Kisumu",
        ),
    ],
)
def test_mentioned_event_arranged_signed_or_in_session(
    background: str, kind: str, date: str | None, location: str
) -> None:
    mentioned = _mentioned(MEETING + background)
    assert [(e.type, e.date, e.countries, e.location) for e in mentioned] == [
        (kind, date, ("JP", "KE"), location)
    ]


def test_past_meeting_without_date_needs_a_place_and_both_parties() -> None:
    text = MEETING + "Ruto recalled that when they met in Nairobi, he and Kishida agreed on roads."
    (event,) = _mentioned(text)
    assert (event.type, event.date, event.location) == ("meeting", None, "Nairobi")
    assert set(event.participants) == {"William Ruto", "Fumio Kishida"}
    assert _mentioned(MEETING + "There have been many high-level visits.") == []


def test_an_undated_event_takes_no_place_from_a_contact_of_a_year_named() -> None:
    text = (
        "Queen Ingrid received the President of Ghana, Kofi Asante, at the royal palace. "
        "The Queen said she had fond memories of her visit to Accra in 2021."
    )
    event = _primary(text, published=None)
    assert (event.type, event.date) == ("meeting", None)
    assert event.location is None  # not Accra, where another visit took place
    assert set(event.participants) == {"Ingrid", "Kofi Asante"}


def test_explicit_establishment_date_beats_anniversary_arithmetic() -> None:
    text = (
        MEETING + "The two countries celebrated the 50th anniversary of their relations in 2013. "
        "Since the establishment of diplomatic relations on 15 June 1963, trade has grown."
    )
    (event,) = _mentioned(text)
    assert (event.type, event.date, event.precision) == (
        "diplomatic_relations",
        "1963-06-15",
        "day",
    )


@pytest.mark.parametrize(
    "background",
    [
        "The two sides recently exchanged letters.",  # no date: too vague
        "Kishida will soon visit Africa again.",
        "In February, the ministry announced new visa rules.",  # a statement needs a speaker
        # an accord's entry into force is no signing
        "Ruto said the Kenya-Japan Investment Agreement, in force since May 2017, works well.",
        "Kishida praised the trade agreement, which entered into force in June last year.",
        # the same meeting told again is no second event
        "On Tuesday, Ruto and Kishida met in Tokyo for two hours.",
        # agreements signed before, counted, are no signing at the meeting
        "The two countries have signed twelve agreements so far.",
        # a coming contact without a place stays too vague
        "Ruto invited Kishida to visit at a convenient time.",
    ],
)
def test_no_mentioned_event(background: str) -> None:
    assert _mentioned(MEETING + background) == []


def _statement(speaker: str, start: int, end: int) -> Statement:
    return Statement(
        speaker=speaker, kind="reported", start=start, end=end, text="x" * (end - start)
    )


def test_link_statements_to_the_primary_event_unless_another_event_is_the_speakers() -> None:
    people = (
        Person("Ana Silva", "Ana Silva", "President", "PT"),
        Person("Ken Mori", "Ken Mori", "Prime Minister", "JP"),
        Person("Omar Diallo", "Omar Diallo", "Foreign Minister", "SN"),
    )
    mentions = (
        Mention("Ana Silva", 0, 9, 0, "name"),
        Mention("Omar Diallo", 200, 211, 5, "name"),
    )
    cast = Actors(people=people, mentions=mentions)
    primary = Event(
        "e0",
        "meeting",
        "2019-03-12",
        "day",
        ("JP", "PT"),
        "Tokyo",
        ("Ana Silva", "Ken Mori"),
        True,
        0,
    )
    earlier = Event(
        "e1", "statement", "2019-02", "month", ("PT", "SN"), None, ("Omar Diallo",), False, 5
    )
    statements = (
        _statement("Ana Silva", 0, 60),
        _statement("Ken Mori", 61, 120),
        _statement("Omar Diallo", 200, 260),  # his own words in the sentence of event e1
        _statement("Omar Diallo", 300, 340),  # elsewhere: a bystander of the reported event
    )
    linked = events.link_statements(statements, (primary, earlier), cast)
    assert [(s.speaker, s.event_key) for s in linked] == [
        ("Ana Silva", "e0"),
        ("Ken Mori", "e0"),
        ("Omar Diallo", "e1"),
    ]
    assert [s.start for s in linked] == [0, 61, 200]


def test_no_sentences_no_events() -> None:
    assert _events("") == ()


@pytest.mark.parametrize(
    "text, title, kind",
    [
        (  # a call between leaders is no summit, whatever the ministry calls it
            "On March 12, Prime Minister of Iceland Kristrun Frostadottir held a summit telephone "
            "talk with President of Chile Gabriel Boric.",
            "Iceland-Chile Summit Telephone Talk",
            "phone_call",
        ),
        (  # the headline's summit only dates the news
            "Finnish Foreign Minister Elina Valtonen held talks with her Chilean counterpart "
            "Carlos Ruiz in Helsinki on Tuesday.",
            "Finland, Chile to deepen ties ahead of G7 summit",
            "meeting",
        ),
        (  # a group's presidency is no gathering
            "Indian Foreign Minister Subrahmanyam Jaishankar welcomed Japan's support for India's "
            "G20 presidency during talks with Japanese Foreign Minister Yoko Kamikawa on Tuesday.",
            None,
            "meeting",
        ),
        (  # a photo caption is not the lead
            "Dubois in Lima, says trade must grow\n\n"
            "President Ana Lopez receives President Marc Dubois at the palace in Lima on Tuesday. "
            "Photo: Press Office\n\nFrench President Marc Dubois on Tuesday arrived in Lima on a "
            "two-day state visit. He held talks with Peruvian President Ana Lopez.",
            None,
            "visit",
        ),
        (  # a courtesy call is paid in person; the message it carries is not the event
            "Kenya's Foreign Minister Amina Odhiambo paid a courtesy call on Norwegian Prime "
            "Minister Lars Holm in Oslo on Tuesday.\n\nOdhiambo delivered a message from "
            "President Jomo Mwangi.",
            None,
            "meeting",
        ),
    ],
)
def test_primary_type_is_what_the_lead_reports(text: str, title: str | None, kind: str) -> None:
    assert _primary(text, title=title).type == kind


@pytest.mark.parametrize(
    "text, title, url, countries",
    [
        (  # the two states the text pairs as sides
            "Prime Minister Anna Berg held a video meeting with the Prime Minister of Iceland, "
            "Kristrun Frostadottir, on Tuesday. 'Sweden and Iceland share the same values,' Berg "
            "said.",
            None,
            None,
            ("IS", "SE"),
        ),
        (  # a speaker whose state is the subject of his words
            "President Ana Lopez received King Harald of Norway at the palace on Monday. Lopez "
            "said Ecuador would open a trade office in Bergen.",
            None,
            None,
            ("EC", "NO"),
        ),
        (  # a list of three states is no pair
            "Prime Minister Anna Berg held a video meeting with the Prime Minister of Iceland, "
            "Kristrun Frostadottir, on Tuesday. Berg praised Denmark, Finland and Iceland.",
            None,
            None,
            ("IS",),
        ),
        (  # an EU institution's website speaks for the EU
            "Today, President Ursula von der Leyen spoke with the President of Kenya, William "
            "Ruto.",
            "Readout of the phone call between President von der Leyen and President Ruto",
            "https://ec.europa.eu/commission/presscorner/detail/en/statement",
            ("EU", "KE"),
        ),
        (  # an office of the EU, before or after the name, is the EU's
            "Norwegian Prime Minister Ole Dahl received Mrs. Ilse Kranz, European Commissioner for "
            "Fisheries, in Oslo on Monday. The Commissioner said the EU would help.",
            None,
            None,
            ("EU", "NO"),
        ),
        (
            "Norwegian Prime Minister Ole Dahl received the European Commissioner for Fisheries, Ilse "
            "Kranz, in Oslo on Monday. The Commissioner said the EU would help.",
            None,
            None,
            ("EU", "NO"),
        ),
        (
            "Norwegian Prime Minister Ole Dahl received EU Commissioner for Trade Ilse Kranz in "
            "Oslo on Monday. Kranz said the EU would help.",
            None,
            None,
            ("EU", "NO"),
        ),
        (  # a government's country domain
            "The Prime Minister spoke with the President of Kenya, William Ruto, on Tuesday.",
            "Prime Minister's call with President Ruto",
            "https://www.government.se/press-releases/call-ruto/",
            ("KE", "SE"),
        ),
    ],
)
def test_unnamed_side_from_what_the_text_gives(
    text: str, title: str | None, url: str | None, countries: tuple[str, ...]
) -> None:
    assert _primary(text, title=title, url=url).countries == countries


@pytest.mark.parametrize(
    "publisher, url, country",
    [
        ("The Daily Star (Bangladesh)", None, "BD"),
        ("European Commission", None, "EU"),
        (None, "https://www.gov.pl/web/premier/news", "PL"),
        (None, "https://www.gov.uk/government/news/call", "GB"),
        (None, "https://www.whitehouse.gov/briefings/", "US"),
        (None, "https://news.example.io/article", None),
        (None, "https://www.example.com/article", None),
        (None, None, None),
    ],
)
def test_publisher_country(publisher: str | None, url: str | None, country: str | None) -> None:
    source = Source(text="", publisher=publisher, url=url)
    assert events._publisher_country(source) == country


@pytest.mark.parametrize(
    "text, pairs",
    [
        ("relations between Chile and Peru", [("CL", "PE")]),
        ("the Chile-Peru border", [("CL", "PE")]),
        ("Austria & Hungary", [("AT", "HU")]),
        ("Chile, Peru and Bolivia", []),
        ("Chile welcomed Peru", []),
    ],
)
def test_pairs(text: str, pairs: list[tuple[str, str]]) -> None:
    assert events._pairs(text) == pairs


def test_a_spokesperson_who_reports_takes_no_part() -> None:
    text = (
        "Ecuadorian President Ana Lopez received Norwegian King Harald at the palace on Monday, "
        "presidential spokesperson Jorge Diaz said."
    )
    event = _primary(text)
    assert "Jorge Diaz" not in event.participants
    assert {"Ana Lopez", "Harald"} <= set(event.participants)


def test_a_seat_of_government_taken_for_a_person_takes_no_part() -> None:
    text = "Premier Marco Rossi spoke by phone with President Ana Lopez on Tuesday, Downing Street said."
    source = Source(text=text, published=PUBLISHED)
    cleaned = clean.clean(source)
    sentences = segment.segment(cleaned)
    people = (
        Person("Marco Rossi", "Marco Rossi", "Premier", "GB"),
        Person("Ana Lopez", "Ana Lopez", "President", "EC"),
        Person("Downing Street", "Downing Street", None, None),
    )
    mentions = tuple(
        Mention(p.id, text.index(p.name), text.index(p.name) + len(p.name), 0, "name")
        for p in people
    )
    found = dates.find_dates(sentences, cleaned.reference_date)
    event = events.find_events(source, cleaned, sentences, Actors(people, mentions), found)[0]
    assert event.participants == ("Marco Rossi", "Ana Lopez")


def test_a_sentence_dated_another_month_adds_no_participants() -> None:
    text = (
        "Peruvian Foreign Minister Carlos Ruiz and his Chilean counterpart Maria Soto met in Lima "
        "on Tuesday. The meeting followed an exchange of letters between President Ana Lopez and "
        "President Jorge Diaz in January."
    )
    assert set(_primary(text).participants) == {"Carlos Ruiz", "Maria Soto"}


@pytest.mark.parametrize(
    "background, kind, countries, participants",
    [
        (  # the speaker only reports the summit: no party to it, the pair is
            "The Japanese Prime Minister expressed hope that the ASEAN summit in Jakarta in "
            "September would be a success.",
            "summit",
            ("JP", "KE"),
            (),
        ),
        (  # the one who attends is a participant, the one who confirms it is not
            "Kishida confirmed that Emperor Naruhito would attend the summit in Nairobi in June.",
            "summit",
            ("JP", "KE"),
            ("Naruhito",),
        ),
        (  # a speaker named again as a party stays one
            "Ruto recalled that when they met in Nairobi in January, he and Kishida agreed on "
            "roads.",
            "meeting",
            ("JP", "KE"),
            ("William Ruto", "Fumio Kishida"),
        ),
        (  # "the two leaders" who met before are the two of the text's event
            "The two leaders last met in Nairobi in May 2018.",
            "meeting",
            ("JP", "KE"),
            ("William Ruto", "Fumio Kishida"),
        ),
        (
            "The leaders are expected to meet again at the G20 summit in Osaka in June.",
            "summit",
            ("JP", "KE"),
            ("William Ruto", "Fumio Kishida"),
        ),
        (  # a body they agree to convene meets without them, as far as the text says
            "The two leaders agreed to convene the joint commission in Mombasa next year.",
            "meeting",
            ("JP", "KE"),
            (),
        ),
    ],
)
def test_mentioned_event_parties(
    background: str, kind: str, countries: tuple[str, ...], participants: tuple[str, ...]
) -> None:
    (event,) = _mentioned(MEETING + background)
    assert (event.type, event.countries) == (kind, countries)
    assert set(event.participants) == set(participants)


def test_a_later_stop_of_the_trip_is_the_trip() -> None:
    text = (
        "Japanese Prime Minister Fumio Kishida on Monday began a two-day state visit to Kenya, "
        "holding talks with Kenyan President William Ruto in Nairobi. Kishida is expected to "
        "tour a geothermal plant on Tuesday before flying back to Tokyo."
    )
    found = _events(text, published=dt.date(2019, 3, 11))
    assert [e.type for e in found] == ["visit"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The two leaders agreed to work together ahead of the Pacific Islands Conference "
            "in Suva next May.",
            ("summit", "2019-05", "Suva"),
        ),
        (  # a press conference is no gathering of states
            "The two leaders will hold a Joint Conference in Suva next May.",
            None,
        ),
        (
            "The two leaders will speak at a press conference in Suva next May.",
            None,
        ),
    ],
)
def test_named_conference_is_a_summit(sentence, expected):
    text = (
        "Chilean President Lucia Vera held a phone call with Peruvian President Jorge Paz on "
        f"Tuesday. {sentence}"
    )
    found = [e for e in _events(text) if not e.primary and e.type == "summit"]
    got = (found[0].type, found[0].date, found[0].location) if found else None
    assert got == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "It was Paz's first visit to the Chilean capital since May 2015, officials said.",
            ("visit", "2015-05", "Santiago"),
        ),
        (
            "It was the first official trip to Santiago since June 2016, the ministry said in a "
            "statement.",
            ("visit", "2016-06", "Santiago"),
        ),
        (  # no "first": the date says when something began, no earlier visit
            "Trade has grown every year since May 2015, the ministry said in a statement.",
            None,
        ),
    ],
)
def test_first_visit_since_a_date_mentions_the_earlier_visit(sentence, expected):
    text = (
        "Chilean President Lucia Vera received Peruvian President Jorge Paz in Santiago on "
        f"Tuesday. {sentence}"
    )
    found = [e for e in _events(text) if not e.primary and e.type == "visit"]
    got = (found[0].type, found[0].date, found[0].location) if found else None
    assert got == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Chile also backed the trade pact signed by the European Union and Peru in May 2017.",
            ("EU", "PE"),
        ),
        (
            "The accord concluded by Canada and Peru in June 2016 remains in place.",
            ("CA", "PE"),
        ),
    ],
)
def test_states_an_agreement_was_signed_by_are_its_parties(sentence, expected):
    text = (
        "Chilean President Lucia Vera held a phone call with Peruvian President Jorge Paz on "
        f"Tuesday. {sentence}"
    )
    found = [e for e in _events(text) if not e.primary and e.type == "agreement"]
    assert found and found[0].countries == expected


@pytest.mark.parametrize(
    "text, participants, location",
    [
        # a lead naming no contact, then a joint press conference: a meeting of both
        (
            "Vilnius, March 13, 2019 (BNS) - Prime Ministers Ruta Kairyte of Lithuania and Marek "
            "Kowal of Poland on Wednesday pledged to finish the rail link.\n\n"
            '"We will build it together," Kowal told a joint press conference in Vilnius.',
            {"Ruta Kairyte", "Marek Kowal"},
            "Vilnius",
        ),
        (
            "Foreign Ministers Ana Lima of Chile and Tomas Berg of Norway vowed on Tuesday to "
            "protect the ocean.\n\n"
            "Berg told a joint news conference at the palace in Santiago that a fund would open.",
            {"Ana Lima", "Tomas Berg"},
            "Santiago",
        ),
        # a joint press statement is made together, in person
        (
            "The presidents of Chile and Norway, Ana Lima and Tomas Berg, agreed on Tuesday in "
            "Santiago to protect the ocean.\n\n"
            "During a joint press statement at the palace, Berg said that a fund would open.",
            {"Ana Lima", "Tomas Berg"},
            "Santiago",
        ),
    ],
)
def test_a_joint_press_conference_is_a_meeting_of_the_lead_s_people(
    text: str, participants: set[str], location: str
) -> None:
    event = _primary(text)
    assert (event.type, set(event.participants), event.location) == (
        "meeting",
        participants,
        location,
    )


@pytest.mark.parametrize(
    "follow_up, takes_part",
    [
        # a date in the words reported dates what is reported, not the talks attended
        (
            "Kenya's Trade Minister, Amina Wanjiru, who attended the talks, told reporters that "
            "an accord would be signed in May.",
            True,
        ),
        # a date before the words dates the speaking: another day's remarks
        (
            "On 2 February, Kenya's Trade Minister, Amina Wanjiru, told reporters that an accord "
            "was near.",
            False,
        ),
    ],
)
def test_a_speaker_s_date_is_not_the_date_in_the_words_reported(follow_up, takes_part):
    event = _primary(MEETING + follow_up)
    assert ("Amina Wanjiru" in event.participants) == takes_part


@pytest.mark.parametrize(
    "text, location",
    [
        # a venue named with its city
        (
            "Tanzanian President Amani Juma and Ugandan President Moses Okello held talks at "
            "State House Kampala on Tuesday.",
            "Kampala",
        ),
        # a demonym after "to" is an adjective, not a place
        (
            "Tanzanian President Amani Juma and Ugandan President Moses Okello held talks on "
            "Tuesday. Juma said the talks covered a new road to the Ugandan border.",
            None,
        ),
    ],
)
def test_location_of_the_primary_event(text: str, location: str | None) -> None:
    assert _primary(text).location == location


@pytest.mark.parametrize(
    "text, date",
    [
        # filed on Friday 2 February 2024, about a call on the Thursday before
        ("NAIROBI, Feb 2 (AP) — Kenyan President Amani Njoroge spoke by phone with Tanzanian "
         "President Rehema Mushi on Thursday about the regional railway.", "2024-02-01"),
        ("NAIROBI, Feb 2 (AP) — Kenyan President Amani Njoroge spoke by phone with Tanzanian "
         "President Rehema Mushi about the regional railway.", "2024-02-02"),  # no date of its own
        ("NAIROBI, Feb 2 (AP) — Kenyan President Amani Njoroge will visit Tanzania "
         "next month.", "2024-03"),
    ],
)  # fmt: skip
def test_a_datelines_date_yields_to_the_sentences_own(text: str, date: str) -> None:
    assert _primary(text, published=dt.date(2024, 2, 2)).date == date


def test_clauses_of_a_sentence_in_document_offsets_found_once():
    from app.extract.records import Sentence

    text = "Ruto met Eide in Nairobi, which hosts the talks; they agreed."
    sentence = Sentence(0, 50, 50 + len(text), text, 0)
    clauses = events._clauses(sentence)
    assert [text[a - 50 : b - 50] for a, b in clauses] == [
        "Ruto met Eide in Nairobi",
        ", which hosts the talks",
        "; they agreed.",
    ]
    assert events._clauses(sentence) is clauses


def test_whether_a_sentence_looks_ahead_is_found_once():
    from app.extract.records import Sentence

    ahead, past = (
        Sentence(n, 0, len(text), text, 0)
        for n, text in enumerate(["Ruto will visit Oslo in May.", "Ruto visited Oslo in May."])
    )
    assert events._is_future(ahead) and not events._is_future(past)
    assert (ahead.derived["future"], past.derived["future"]) == (True, False)


def _indexed(source: Source) -> tuple[events._Doc, tuple[Sentence, ...], tuple[DateMention, ...]]:
    """The event stage's view of a text (no actors), its sentences and its dates."""
    cleaned = clean.clean(source)
    sentences = segment.segment(cleaned)
    found = dates.find_dates(sentences, cleaned.reference_date)
    return events._index(source, cleaned, sentences, Actors((), ()), found), sentences, found


def test_plain_dates_leave_out_origins_and_are_read_once():
    source = Source(
        text="Ruto met Eide on Monday, the 60th anniversary of ties.",
        published=dt.date(2024, 3, 7),
    )
    doc, sentences, found = _indexed(source)
    plain = events._plain_dates(doc, sentences[0])
    assert [d.value for d in found] == ["2024-03-04", "1964"]
    assert [d.value for d in plain] == ["2024-03-04"]
    assert events._plain_dates(doc, sentences[0]) is plain


@pytest.mark.parametrize("cue", [*events._SPEECH_VERBS, "according to", "For her part,"])
def test_every_reporting_cue_before_a_mention_passes_the_gate(cue):
    for before in (f"Trade, {cue} ", f"{cue.upper()} the ", f"x-{cue.title()}  The\n"):
        assert events._SPEECH_BEFORE.search(before), before
        assert events._may_speak_before(before), before
        assert events._speech_before(before), before


def test_words_that_end_no_reporting_cue_need_no_search():
    for before in ("Ruto met ", "said", "said the", "talks with the ", "the ", " ", ""):
        assert not events._may_speak_before(before), before
        assert not events._SPEECH_BEFORE.search(before), before
    # "ſ" matches "s" when case is ignored: the text is searched as written
    assert events._may_speak_before("\u017faid ") and events._speech_before("\u017faid ")


def test_the_speech_gate_passes_wherever_its_pattern_matches_in_seed_data():
    checked = 0
    for text in seed_texts():
        for end in range(1, len(text) + 1):
            before = text[max(0, end - 60) : end]
            if events._SPEECH_BEFORE.search(before):
                checked += 1
                assert events._may_speak_before(before), before
    assert checked


def test_every_match_of_a_gated_event_pattern_holds_one_of_its_words():
    texts = seed_texts()
    texts += [
        "Ruto will meet Eide, who shall sign; talks are set to resume, a visit is scheduled to "
        "start, a summit is expected to open, a call is due to follow, talks are slated to end, "
        "he is going to travel, a forum to be held in May, the upcoming and forthcoming talks.",
        "Ruto attended, Eide accompanied him, Li joined them, Kim was present, they were also "
        "present and Berg took part in the talks.",
        "DIPLOMATIC RELATIONS and diplomatic ties were established; they upgraded their ties, "
        "normalized relations, the restoration of diplomatic relations, resumed bilateral ties.",
    ]
    gated = [
        (events._FUTURE, events._FUTURE_WORDS, False),
        (events._ATTENDANCE, events._ATTENDANCE_WORDS, False),
        (events._RELATIONS, events._RELATIONS_WORDS, True),
    ]
    for pattern, words, lower in gated:
        found = [m.group() for text in texts for m in pattern.finditer(text)]
        assert len(found) >= 3, pattern.pattern
        found = [m.lower() for m in found] if lower else found
        assert [m for m in found if not any(w in m for w in words)] == []


def test_the_country_phrases_of_a_whole_sentence_are_read_once():
    from app.extract.countries import find_countries, sentence_countries

    text = "Kenya and Norway signed a pact on Monday. Ruto thanked Norway; Eide praised Kenya."
    source = Source(text=text, published=PUBLISHED)
    doc, sentences, _ = _indexed(source)
    for sentence in sentences:
        whole = events._countries_of(doc, sentence.text, sentence.start)
        assert whole is sentence_countries(sentence)  # the list every stage reads
        part = sentence.text[5:]
        assert events._countries_of(doc, part, sentence.start + 5) == find_countries(part)
        shorter = sentence.text[:-8]  # starts where the sentence does, but is not all of it
        assert events._countries_of(doc, shorter, sentence.start) == find_countries(shorter)


def test_the_places_of_a_text_are_read_once_for_the_document():
    text = "Ruto arrived in Oslo on Monday. He met Eide at the palace in Bergen."
    source = Source(text=text, published=PUBLISHED)
    doc, sentences, _ = _indexed(source)
    first = events._places(doc, sentences[0].text)
    assert [(p.name, p.country, p.is_city, p.destination) for p in first] == [
        ("Oslo", "NO", True, True)
    ]
    assert events._places(doc, sentences[0].text) is first
    assert events._places(doc, sentences[1].text) == events._read_places(sentences[1].text)


def test_reported_words_and_the_triggers_of_a_whole_sentence_are_read_once():
    text = "Ruto said on Monday that they will meet in May. Eide met Ruto in Oslo; they talked."
    source = Source(text=text, published=PUBLISHED)
    doc, sentences, _ = _indexed(source)
    first, second = sentences
    assert events._reported_words(first) == first.start + first.text.index("that")
    assert first.derived["reported_words"] == events._reported_words(first)
    assert events._reported_words(second) is None
    assert events._triggers_of(doc, second.text, second.start) is doc.hits[second.index]
    part = second.text[: second.text.index(";")]
    assert events._triggers_of(doc, part, second.start) == events._find_triggers(part, second.start)


def test_pronoun_pattern_finds_he_and_she_as_whole_words_only():
    from app.extract.events import _PRONOUN

    text = "She said he met Shelby; the sheriff, then He and SHE, (she) left. Ashe shed"
    assert [m.span() for m in _PRONOUN.finditer(text)] == [(0, 3), (9, 11), (42, 44), (55, 58)]


def test_spaced_end_holds_the_word_each_pattern_before_a_country_ends_with():
    from app.extract import events

    assert events._spaced_end("met the President of ") == "met the president of"
    assert events._spaced_end("Talks BETWEEN THE \n") == "talks between the"
    assert events._spaced_end("talks with") == ""  # no white space ends it
    gated = (
        (events._OFFICE_BEFORE_OF, events._OFFICE_BEFORE_OF_ENDS),
        (events._BETWEEN, events._BETWEEN_ENDS),
        (events._SIGNED_BY, events._SIGNED_BY_ENDS),
    )
    for before in (
        "the Prime Minister of the ",
        "an agreement signed by\n",
        "relations between ",
        "the Foreign Ministers Of\t",
        "trade with ",
    ):
        for pattern, ends in gated:
            if pattern.search(before):
                assert events._spaced_end(before).endswith(ends)


def test_a_linked_statement_keeps_every_other_field() -> None:
    import dataclasses

    from app.extract.records import amended

    said = Statement("p1", "reported", 4, 30, "that trade would grow", "e0", ("trade",))
    assert said.linked_to("e2") == amended(said, event_key="e2")
    # a new field of Statement must be copied by `Statement.linked_to` too
    assert [f.name for f in dataclasses.fields(Statement)] == [
        "speaker", "kind", "start", "end", "text", "event_key", "topics"
    ]  # fmt: skip
