import pytest

INTRO = "Kenyan President William Ruto hosted Norwegian Foreign Minister Espen Barth Eide in Nairobi on Monday.\n\n"


def said(run, text):
    """(speaker, kind, start of the statement's text) for each statement of INTRO + text."""
    result = run(INTRO + text)
    for s in result.statements:
        assert result.cleaned.text[s.start : s.end] == s.text
        assert s.event_key is None and s.topics == ()
    return [(s.speaker, s.kind, s.text[:20]) for s in result.statements]


RUTO, EIDE = "William Ruto", "Espen Barth Eide"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ruto said that Kenya valued its ties with Norway.",
            [(RUTO, "reported", "Ruto said that Kenya")],
        ),
        (
            "Eide stressed the importance of climate finance.",
            [(EIDE, "reported", "Eide stressed the im")],
        ),
        (
            "Ruto also pointed out that trade had doubled.",
            [(RUTO, "reported", "Ruto also pointed ou")],
        ),
        (
            "Kenya is ready to deepen cooperation, Ruto said.",
            [(RUTO, "reported", "Kenya is ready to de")],
        ),
        (
            "Norway will keep its aid steady, said Eide.",
            [(EIDE, "reported", "Norway will keep its")],
        ),
        (
            "Trade must grow, said the Kenyan president.",
            [(RUTO, "reported", "Trade must grow, sai")],
        ),
        (
            "Noting that the two countries share values, Eide said Norway would open a trade office.",
            [(EIDE, "reported", "Noting that the two ")],
        ),
        (
            "For his part, Eide said Norway supported Kenya's bid.",
            [(EIDE, "reported", "For his part, Eide s")],
        ),
        (
            "Speaking to reporters, Ruto said the visit was historic.",
            [(RUTO, "reported", "Speaking to reporter")],
        ),
        (
            "According to Eide, the fund will open next year.",
            [(EIDE, "reported", "According to Eide, t")],
        ),
        (
            "The fund will open next year, according to Eide.",
            [(EIDE, "reported", "The fund will open n")],
        ),
        (
            '"Norway stands with Kenya. We will keep working together," Eide told reporters.',
            [(EIDE, "direct", '"Norway stands with ')],
        ),
        (
            "“We will not accept what some call a ‘temporary fix’ for the debt crisis,” Ruto said.",
            [(RUTO, "direct", "“We will not accept ")],
        ),
        (
            'Eide pledged to "support Kenya in every forum where climate finance is decided."',
            [(EIDE, "direct", 'Eide pledged to "sup')],
        ),
        # opening with the quote, the statement is direct however long the rest
        (
            '"Kenya is facing the worst drought in decades," Ruto cautioned, adding that the '
            "rains had failed for a fourth season running across the whole of the north and east.",
            [(RUTO, "direct", '"Kenya is facing the')],
        ),
        # ... and so does a short quoted clause before the attribution
        (
            '"We are partners," Eide said.',
            [(EIDE, "direct", '"We are partners," E')],
        ),
        # a short quoted phrase does not make the statement direct
        (
            'Ruto hailed the deal as a "new chapter" for both nations.',
            [(RUTO, "reported", "Ruto hailed the deal")],
        ),
        # the speech goes on in the next sentences: first person, the speaker's country
        (
            "Ruto said the talks were useful. We want more Norwegian investment. Kenya will cut red tape.",
            [
                (RUTO, "reported", "Ruto said the talks "),
                (RUTO, "reported", "We want more Norwegi"),
                (RUTO, "reported", "Kenya will cut red t"),
            ],
        ),
        # ... and stop at a sentence about something else
        (
            "Ruto said the talks were useful. Ruto made the remarks at State House. Kenya will cut red tape.",
            [(RUTO, "reported", "Ruto said the talks ")],
        ),
        (
            "Eide said Norway was ready. The two sides signed three agreements.",
            [(EIDE, "reported", "Eide said Norway was")],
        ),
        (
            "Eide said Norway was ready. The statement added that talks would resume.",
            [(EIDE, "reported", "Eide said Norway was")],
        ),
        # a quote followed by a bare attribution is one statement
        (
            '"We are grateful to Norway for its steady support!" Ruto had said earlier on X.',
            [(RUTO, "direct", '"We are grateful to ')],
        ),
        # an attribution ending in a colon and the quote that follows are one statement
        (
            'Speaking after the talks, Eide said:\n\n"Norway and Kenya are old friends. '
            'We will keep working together on climate finance."\n\nRuto then left for Mombasa.',
            [(EIDE, "direct", "Speaking after the t")],
        ),
        # a quotation over two paragraphs opens both and closes the last, which names
        # the speaker: the open paragraph is one direct statement of that speaker
        (
            '"Kenya and Norway have built a lot together. The fund is only the start.\n\n'
            '"We will double it by 2030," Eide told reporters.',
            [
                (EIDE, "direct", '"Kenya and Norway ha'),
                (EIDE, "direct", '"We will double it b'),
            ],
        ),
        # a paragraph whose quotation nobody closes with an attribution is nobody's
        (
            '"Kenya and Norway have built a lot together.\n\nThe talks ended at noon.',
            [],
        ),
        # two titles joined by a slash are one reference
        (
            "The High Representative, Ines Aaltonen, joined them. "
            "The High Representative/Vice-President stressed that the EU would help.",
            [("Ines Aaltonen", "reported", "The High Representat")],
        ),
        # a dateline in title case, with an agency and no date, opens the sentence
        (
            "Nairobi, KNA - Ruto said on Tuesday that Kenya would host the summit.",
            [(RUTO, "reported", "Nairobi, KNA - Ruto ")],
        ),
        # pronouns resolve to the speaker in focus
        (
            "Eide said Norway was ready to help. He added that a fund would open in May.",
            [
                (EIDE, "reported", "Eide said Norway was"),
                (EIDE, "reported", "He added that a fund"),
            ],
        ),
    ],
)
def test_statements(run, text, expected):
    assert said(run, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # joint statements of both sides
        "The two sides agreed to expand trade.",
        "Ruto and Eide agreed to meet again next year.",
        "Both leaders said they were satisfied.",
        # organisations are not speakers
        "The State Department said the visit was productive.",
        "Kenya's foreign ministry said in a statement that talks went well.",
        '"Talks went well," the ministry said.',
        # nobody speaks
        "Ruto visited the port of Mombasa on Tuesday.",
        "Eide met business leaders in Nairobi.",
        # an ambiguous pronoun: two people as subject before it
        "Ruto and Eide toured the port. He said it was the biggest in East Africa.",
        # a pronoun whose gender does not fit the person in focus
        "Ms. Naledi Pandor joined them later. He said the talks were useful.",
        # an unnamed official speaks; "he" after it could be anyone
        "A Norwegian official said the fund was ready. He said it would open soon.",
        # someone else's aides speak
        "Eide was the first minister to visit, according to Ruto's aides.",
        # a reporting verb with no person: "it said"
        '"The visit is a milestone," it said.',
    ],
)
def test_no_statement(run, text):
    assert said(run, text) == []


def test_caption_gives_nothing(run):
    text = (
        INTRO
        + "President William Ruto said farewell to Espen Barth Eide at State House in Nairobi, "
        "Kenya, March 4, 2024. (Xinhua/John Okoth)\n\nThe talks ended."
    )
    assert run(text).statements == ()


def test_headline_gives_nothing(run):
    text = "Ruto says Kenya ready to deepen ties with Norway\n\n" + INTRO
    assert run(text, title="Ruto says Kenya ready to deepen ties with Norway").statements == ()


def test_speech_continues_into_a_paragraph_that_names_the_speaker_again(run):
    text = (
        INTRO
        + "Ruto said the talks were useful.\n\n"
        + "History shows that partners who trust each other prosper. Ruto said Kenya would act.\n\n"
        + "The ministers later toured the port."
    )
    assert [s.text[:20] for s in run(text).statements] == [
        "Ruto said the talks ",
        "History shows that p",
        "Ruto said Kenya woul",
    ]


@pytest.mark.parametrize(
    "noun",
    [
        "the summit of heads of state",
        "the note exchanged last year",
        "their comments at the forum",
        "a report by the commission",
    ],
)
def test_a_reporting_verb_used_as_a_noun_leaves_the_speech_going_on(run, noun):
    """ "state", "note", "comments", "report" after "of", an article or a possessive are
    nouns: no one else speaks in a sentence that holds one."""
    text = INTRO + f"Eide said that Norway valued Kenya. Norway will build on {noun}.\n\n"
    assert said(run, text) == [
        (EIDE, "reported", "Eide said that Norwa"),
        (EIDE, "reported", "Norway will build on"),
    ]


def test_paragraph_of_background_after_speech_is_not_speech(run):
    text = (
        INTRO
        + "Eide said Norway was ready to help.\n\n"
        + "Norway and Kenya established diplomatic relations in 1963."
    )
    assert [s.text[:20] for s in run(text).statements] == ["Eide said Norway was"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a relative clause or an appositive between the speaker and the verb
        (
            "Eide, who arrived in Nairobi on Sunday, said Norway would double its support.",
            [(EIDE, "reported", "Eide, who arrived in N")],
        ),
        (
            "Ruto, the host of the talks, told reporters the deal was fair.",
            [(RUTO, "reported", "Ruto, the host of the ")],
        ),
        # a list of subjects is not an appositive
        ("Ruto, Eide and Pandor said the deal was fair.", []),
        # two states as the subject: what they agreed, as one person tells it
        (
            "Kenya and Norway agreed on Monday to build a port, Eide announced.",
            [(EIDE, "reported", "Kenya and Norway agree")],
        ),
        ("Kenya and Norway agreed on Monday to build a port.", []),
        ("Ruto and Eide agreed on Monday to build a port, Eide said.", []),
        # a spokesperson of the person speaks, not the person
        ("Ruto's spokesperson said the president was satisfied.", []),
        # a title that the speaker holds, written after the verb
        (
            "The deal is fair, said Norway's foreign minister.",
            [(EIDE, "reported", "The deal is fair, said")],
        ),
    ],
)
def test_attribution_forms(run, text, expected):
    assert [
        (s, k, t[:22])
        for s, k, t in [(x.speaker, x.kind, x.text) for x in run(INTRO + text).statements]
    ] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ruto on Monday said Kenya would host the summit.", [RUTO]),
        ("Eide in a televised address stressed that aid would continue.", [EIDE]),
        ("Eide, however, said the fund was not enough.", [EIDE]),
        ("Ruto was quoted as saying the deal was historic.", [RUTO]),
        # an age between commas
        ("Eide, 58, said the fund was not enough.", [EIDE]),
        # a verb further on belongs to someone else
        ("Ruto hosted a minister who said the fund was not enough.", []),
    ],
)
def test_words_between_speaker_and_verb(run, text, expected):
    assert [s.speaker for s in run(INTRO + text).statements] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # another person as subject ends the speech ...
        (
            "Ruto said the deal was fair. Eide later visited a school in Kibera.",
            ["Ruto said the deal was"],
        ),
        # ... but the speaker may recall what two others did together
        (
            "Ruto said ties were strong. President Samia Suluhu Hassan and King Harald V exchanged letters last year.",
            ["Ruto said ties were st", "President Samia Suluhu"],
        ),
    ],
)
def test_who_else_acts(run, text, expected):
    assert [s.text[:22] for s in run(INTRO + text).statements] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # positions taken in talks are reported with many verbs besides "said"
        ("Eide thanked Ruto for the warm welcome in Nairobi.", [EIDE]),
        ("Ruto congratulated Norway on its new climate plan.", [RUTO]),
        ("Eide informed his host about Norway's new aid strategy.", [EIDE]),
        ("Ruto also raised the situation in eastern Congo.", [RUTO]),
        ("Eide briefed Ruto on the peace talks in Oslo.", [EIDE]),
        ("Ruto invited Eide to attend the summit in Mombasa.", [RUTO]),
        ("Eide voiced concern over the drought in the north.", [EIDE]),
        ("Eide also voiced Norway's support for the peace talks.", [EIDE]),
        ("Ruto pleaded for the rapid opening of the new bridge.", [RUTO]),
        ("Eide posted on X that the talks in Nairobi had been excellent.", [EIDE]),
        ("Eide maintained that Norway meets every standard.", [EIDE]),
        # "maintained" before its object is no speech
        ("Eide maintained close contacts with the opposition.", []),
        ("Ruto outlined Kenya's plans for a new rail line.", [RUTO]),
        ("Eide described the partnership as a model for the region.", [EIDE]),
        ("Ruto extended an invitation to the Norwegian king.", [RUTO]),
        ("Eide recalled that Norway had opened its embassy in Nairobi in 1966.", [EIDE]),
        (
            "The Kenyan president recalled that the two countries had fought drought together.",
            [RUTO],
        ),
        # a request is speech: "asked Norway to ..."
        ("Ruto also asked Norway to ease visa rules for Kenyan students.", [RUTO]),
        ('"Will the fund grow?" Eide asked.', [EIDE]),
        # "recalled" before its object is no speech
        ("Ruto recalled the ambassador to Oslo for consultations.", []),
        # nouns that look like verbs do not make anyone speak
        ("Ruto gave a brief address before the voice of the crowd rose.", []),
    ],
)
def test_reporting_verbs(run, text, expected):
    assert [s.speaker for s in run(INTRO + text).statements] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the office holder the text leaves without a country is its own
        (
            "Prime Minister Piotr Nowak spoke with the Prime Minister of Latvia, Ilze Kalnina. "
            "The Prime Minister thanked Latvia for its support.",
            ["Piotr Nowak"],
        ),
        (
            "Minister Thandi Mokoena met the Foreign Minister of Argentina, Pablo Ruiz. "
            '"Argentina is a trusted friend of ours," the Minister said.',
            ["Thandi Mokoena"],
        ),
        # ... also when a demonym later gives the unqualified one a country
        (
            "Prime Minister Piotr Nowak spoke with the Prime Minister of Latvia, Ilze Kalnina. "
            "The Polish leader had arrived in Riga by train. "
            "The Prime Minister thanked Latvia for its support.",
            ["Piotr Nowak"],
        ),
        # ... also when honorifics stand between the titles and the names
        (
            "Prime Minister the Most Hon. Ana Reid spoke with the Prime Minister of Latvia, "
            "Dr. the Hon. Ilze Kalnina. The Prime Minister thanked Latvia for its support.",
            ["Ana Reid"],
        ),
        # both without a country: nobody
        (
            "Prime Minister Piotr Nowak spoke with Prime Minister Ilze Kalnina. "
            "The Prime Minister thanked Latvia for its support.",
            [],
        ),
    ],
)
def test_an_unqualified_title_means_the_unqualified_office_holder(run, text, expected):
    assert [s.speaker for s in run(text).statements] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "the Head of State of <country>" is that country's president or monarch
        (
            "President Ana Duarte of Portugal and President Mamadou Sall of Senegal exchanged letters. "
            "The Head of State of Senegal also thanked Portugal for its help.",
            ["Mamadou Sall"],
        ),
        # a style written before a title and a name may later stand alone
        (
            "His Majesty King Harald V received Ruto at the palace. "
            "His Majesty stressed the value of the partnership.",
            ["Harald V"],
        ),
        # ... and so may one written before "the" and a title
        (
            "His Highness the Crown Prince Sheikh Omar Khalid Al-Nasr received Eide. "
            "His Highness also stressed the value of the partnership.",
            ["Omar Khalid Al-Nasr"],
        ),
        # "and" inside a compound title joins no two people
        (
            "Trade and Industry Minister Lerato Dube welcomed the new shipping line.",
            ["Lerato Dube"],
        ),
        # a spokesperson closing the sentence passes on the subject's words ...
        (
            "President Ana Duarte received Ruto, Presidential Spokesperson Joao Pinto said. "
            "The President also said that trade must grow, the spokesperson added.",
            ["Ana Duarte"],
        ),
        # ... and is no speaker when the subject only acted
        (
            "President Ana Duarte received Ruto in Lisbon, Presidential Spokesperson Joao Pinto said.",
            [],
        ),
        # but speaks in their own name
        (
            "Presidential Spokesperson Joao Pinto met reporters. The spokesperson said the talks were long.",
            ["Joao Pinto"],
        ),
    ],
)
def test_who_holds_the_words(run, text, expected):
    assert [s.speaker for s in run(text).statements] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an inverted attribution with the speaker's title before the name
        (
            "'Kenya and Norway have much in common. We both need a strong United Nations,' "
            "said Foreign Minister Espen Barth Eide.",
            [(EIDE, "direct", "'Kenya and Norway hav")],
        ),
        (
            "Kenya will keep its promises, said President William Ruto.",
            [(RUTO, "reported", "Kenya will keep its p")],
        ),
    ],
)
def test_inverted_attribution_with_a_title(run, text, expected):
    assert [(s.speaker, s.kind, s.text[:21]) for s in run(INTRO + text).statements] == expected


def test_a_related_headline_after_the_speech_is_not_speech(run):
    text = INTRO + "Ruto said Kenya would act.\n\nKenya's exports grow 4% in March"
    assert [s.text[:20] for s in run(text).statements] == ["Ruto said Kenya woul"]


_DAHL_RUIZ = (
    "Prime Minister Lars Dahl of Norway spoke with Peruvian President Ana Ruiz on Monday.\n\n"
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("According to Prime Minister Dahl, the two countries share many goals.", ["Lars Dahl"]),
        ("According to President Ana Ruiz, trade is growing fast.", ["Ana Ruiz"]),
        ("According to the Peruvian head of state, trade is growing fast.", ["Ana Ruiz"]),
        ("According to Dahl, the talks were useful.", ["Lars Dahl"]),
    ],
)
def test_according_to_a_titled_person(run, text, expected):
    assert [s.speaker for s in run(_DAHL_RUIZ + text).statements] == expected


@pytest.mark.parametrize(
    "follow_up",
    [
        "According to Dahl's aides, the talks lasted two hours.",
        "According to the ministry, a new agreement will follow.",
        "The talks went well, according to officials in Lima.",
    ],
)
def test_a_sentence_with_its_own_source_does_not_continue_the_speaker(run, follow_up):
    text = _DAHL_RUIZ + "Ruiz said Peru wanted closer ties with Norway. " + follow_up
    assert [(s.speaker, s.text) for s in run(text).statements] == [
        ("Ana Ruiz", "Ruiz said Peru wanted closer ties with Norway.")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Eide, in turn, thanked Ruto for the warm welcome and said Norway was ready to invest.",
        "Eide, for his part, thanked Ruto for the hospitality and said the talks were useful.",
        "Eide thanked Ruto for the warm welcome and said Norway was ready to invest.",
    ],
)
def test_the_person_thanked_after_an_inserted_phrase_is_not_a_speaker(run, text):
    assert [s.speaker for s in run(INTRO + text).statements] == [EIDE]


def test_a_bare_appositive_before_the_verb_stays_ambiguous(run):
    text = 'In May, the head of the delegation, Eide, thanked Ruto "for his support in the talks".'
    assert run(INTRO + text).statements == ()


DIPLOMATS = (
    "Georgian Foreign Minister Nino Beridze met Bulgarian Foreign Minister Kalin Ivanov in "
    "Tbilisi on Tuesday.\n\n"
)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a diplomat of a named state is that state's foreign minister, envoy or ambassador
        (
            '"We want more ferries between our ports," the Bulgarian diplomat noted.',
            ["Kalin Ivanov"],
        ),
        ("Bulgaria's top diplomat said the ferry line would reopen.", ["Kalin Ivanov"]),
        ("The Georgian chief diplomat said the cable would be laid by 2027.", ["Nino Beridze"]),
        # an unnamed diplomat, or one of two without a state, is nobody in particular
        ("A Bulgarian diplomat said the ferry line would reopen.", []),
        ("The diplomat said the ferry line would reopen.", []),
    ],
)
def test_a_diplomat_is_the_foreign_minister_of_the_named_state(run, text, expected):
    result = run(DIPLOMATS + text)
    assert [result.person(name).id for name in expected] == [s.speaker for s in result.statements]


@pytest.mark.parametrize(
    "follow_up, continues",
    [
        # the text telling what was done after the words: narrative, in the past passive
        ("The offer was gladly accepted, and a date will be set later.", False),
        ("Two memoranda on fisheries were then signed by the ministers.", False),
        ("A working dinner was held in the evening.", False),
        # the speaker's words going on in the present or with a modal
        ("The fund can only be replenished with help from its partners.", True),
        ("Fish stocks have fallen by half in ten years.", True),
        ("The agreement is expected to boost trade.", True),
    ],
)
def test_a_past_passive_after_the_words_is_narrative(run, follow_up, continues):
    text = INTRO + "Eide said Norway would fund a new fisheries programme. " + follow_up
    speakers = [(s.speaker, s.text[:20]) for s in run(text).statements]
    expected = [(EIDE, "Eide said Norway wou")] + ([(EIDE, follow_up[:20])] if continues else [])
    assert speakers == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a surname that is also a noun, before a romanised given name and then alone
        (
            "Foreign Minister Park Min-seo met Norwegian Foreign Minister Espen Barth Eide in "
            "Seoul on Monday.\n\nPark said Korea hopes to build ships with Norway, according to "
            "the foreign ministry.",
            ["Park Min-seo"],
        ),
        # the noun alone, with nobody of that surname in the text, is nobody
        (
            INTRO.strip() + "\n\nPark rangers said the reserve would reopen in May.",
            [],
        ),
    ],
)
def test_a_surname_that_is_also_a_noun(run, text, expected):
    assert [s.speaker for s in run(text).statements] == expected


LIMA_BERG = (
    "Foreign Minister Ana Lima of Portugal hosted Trade Minister Tom Berg of Norway in Lisbon "
    "on Monday.\n\n"
)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the person after "welcomed", "thanked", "congratulated" is the one addressed
        (
            "Foreign Minister Ana Lima of Portugal, on Monday, welcomed His Excellency Mr. Tom "
            "Berg, Minister of Trade of Norway, at the ministry.",
            [],
        ),
        # the subject, when named, is still the speaker of the words
        (
            "Foreign Minister Ana Lima, who arrived on Monday, welcomed His Excellency Mr. Tom "
            "Berg, Minister of Trade of Norway, and said the two countries would expand trade.",
            ["Ana Lima"],
        ),
        (
            LIMA_BERG + "The Portuguese minister, who chaired the talks, welcomed Mr. Tom Berg, "
            "Minister of Trade of Norway, and said trade would grow.",
            ["Ana Lima"],
        ),
        (LIMA_BERG + "Lima thanked Berg for his support.", ["Ana Lima"]),
        (
            LIMA_BERG + "Lima, on Monday, thanked Trade Minister Tom Berg for his support.",
            ["Ana Lima"],
        ),
        (LIMA_BERG + "Lima told Berg that trade must grow.", ["Ana Lima"]),
        (LIMA_BERG + "Trade must grow, Lima, in turn, urged Berg.", ["Ana Lima"]),
        # a bare surname straight after the verb, past a comma, is the one addressed too
        (LIMA_BERG + "Later that day the minister, in Porto, congratulated Berg.", []),
        (LIMA_BERG + "The minister, in Porto, congratulated Berg.", []),
        (LIMA_BERG + "The Portuguese minister, in Porto, congratulated Berg.", ["Ana Lima"]),
        (LIMA_BERG + "After the talks in Porto, thanked Berg and left.", []),
        # an ordinary reporting verb before the person still names the speaker
        (LIMA_BERG + "Trade must grow, said Ana Lima.", ["Ana Lima"]),
        (LIMA_BERG + "Trade must grow, said Trade Minister Tom Berg.", ["Tom Berg"]),
        (LIMA_BERG + "Trade must grow, Berg told reporters.", ["Tom Berg"]),
        (LIMA_BERG + "Lima told reporters that trade must grow.", ["Ana Lima"]),
    ],
)
def test_the_person_addressed_after_the_verb_is_no_speaker(run, text, expected):
    assert [s.speaker for s in run(text).statements] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a second clause with its own speaker: neither clause is the other's words
        ("Ruto said Kenya valued the visit, while Eide called for more trade.", []),
        ("Ruto said Kenya valued the visit, and Eide stressed climate finance.", []),
        ("Ruto said Kenya valued the visit whereas Eide said trade came first.", []),
        ("Ruto stressed the partnership; Eide said Norway would invest.", []),
        ('"We are partners," Ruto told Eide, who replied that Norway agreed.', []),
        # a second clause's speaker never makes a statement of a sentence without one
        ("The Norwegian side said it wanted closer ties, and Eide welcomed the plan.", []),
        # the same speaker, or a person who does not speak, in the second clause
        (
            "Ruto said Kenya valued the visit, and he thanked Eide for coming.",
            [(RUTO, "reported", "Ruto said Kenya valu")],
        ),
        (
            "Ruto said he had met Eide, and Kenya would send a delegation.",
            [(RUTO, "reported", "Ruto said he had met")],
        ),
        (
            "Ruto thanked Eide, who arrived on Monday, and said Kenya would invest.",
            [(RUTO, "reported", "Ruto thanked Eide, w")],
        ),
    ],
)
def test_a_second_clause_with_its_own_speaker(run, text, expected):
    assert said(run, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # one subject, two verbs: the second one reports its words
        (
            "Eide met business leaders in Mombasa and said Norway would invest.",
            [(EIDE, "reported", "Eide met business le")],
        ),
        (
            "Ruto received Eide at State House and later stressed that trade must grow.",
            [(RUTO, "reported", "Ruto received Eide a")],
        ),
        # "said" with another subject: a relative clause, or a subject of its own
        ("Ruto met Eide, who arrived on Monday and said Norway would invest.", []),
        ("Ruto visited the port and Eide said Norway would expand it.", []),
    ],
)
def test_a_reporting_verb_joined_to_the_main_verb(run, text, expected):
    assert said(run, text) == expected


def test_quotations_read_double_marks_first_then_single_ones():
    from app.extract.statements import _quotations

    double = "Ruto said \"we agree on trade,\" and 'not on fish,' Eide added."
    assert [m.group(1) for m in _quotations(double)] == ["we agree on trade,"]
    single = "Ruto said 'we agree on trade,' and Norway's envoy nodded."
    assert [m.group(1) for m in _quotations(single)] == ["we agree on trade,"]
    assert _quotations("Ruto and Eide agreed on trade.") == []
    assert _quotations("Norway’s envoy, Eide’s aide, left.") == []  # apostrophes only
