import pytest

from app.extract.records import Sentence
from app.extract.tokens import tokenize


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Kenyan President William Ruto met Norwegian Foreign Minister Espen Barth Eide in Nairobi on Monday.",
            {("William Ruto", "President", "KE"), ("Espen Barth Eide", "Foreign Minister", "NO")},
        ),
        (
            "Saudi Crown Prince Mohammed bin Salman received the visitors in Riyadh.",
            {("Mohammed bin Salman", "Crown Prince", "SA")},
        ),
        (
            "Qatar's Emir Sheikh Tamim bin Hamad Al Thani hosted the talks.",
            {("Tamim bin Hamad Al Thani", "Emir", "QA")},
        ),
        (  # a royal style after an office: the office is the one held
            "Saudi Foreign Minister Prince Khalid bin Saad spoke with his Iranian counterpart "
            "Reza Karimi.",
            {
                ("Khalid bin Saad", "Foreign Minister", "SA"),
                ("Reza Karimi", "Foreign Minister", "IR"),
            },
        ),
        (  # an honorific between two words of a name is one of them
            "Somali President Abdi Sheikh Warsame received the envoy in Mogadishu.",
            {("Abdi Sheikh Warsame", "President", "SO")},
        ),
        (
            "Former President Nur Sheikh Ali and Dr. Amina Farah attended.",
            {("Nur Sheikh Ali", "Former President", None), ("Amina Farah", None, None)},
        ),
        (
            "King Harald V of Norway welcomed the guests.",
            {("Harald V", "King", "NO")},
        ),
        (
            "Deputy Prime Minister and Minister of Foreign Affairs of Thailand Parnpree Bahiddha-Nukara arrived.",
            {
                (
                    "Parnpree Bahiddha-Nukara",
                    "Deputy Prime Minister and Minister of Foreign Affairs",
                    "TH",
                )
            },
        ),
        (
            "Musalia Mudavadi, the Prime Cabinet Secretary of Kenya, opened the forum.",
            set(),  # "Prime Cabinet Secretary" is no office we know; no other cue names him
        ),
        (
            "Amina Mohamed, Kenya's Cabinet Secretary for Foreign Affairs, opened the forum.",
            {("Amina Mohamed", "Cabinet Secretary", "KE")},
        ),
        (
            "Today, the Prime Minister, Jonas Gahr Store, spoke with the President of Kenya, William Ruto.",
            {("Jonas Gahr Store", "Prime Minister", None), ("William Ruto", "President", "KE")},
        ),
        (
            "Prime Minister Kishida Fumio of Japan met Ruto. Kishida said the talks were useful.",
            {("Kishida Fumio", "Prime Minister", "JP")},
        ),
        (
            "Mr. Olusegun Obasanjo attended the ceremony.",
            {("Olusegun Obasanjo", None, None)},
        ),
        (
            "Chief of Defence Forces Gen. Charles Kahariri attended the parade.",
            {("Charles Kahariri", "Chief of Defence Forces", None)},
        ),
        (
            "Kenyan President Amani Otieno met the Prime Minister of Barbados, Dr. the Hon. Mia Ellis, "
            "in Nairobi.",
            {("Amani Otieno", "President", "KE"), ("Mia Ellis", "Prime Minister", "BB")},
        ),
        (
            "Iran's First Vice-President Reza Tavakoli-Nia opened the fair.",
            {("Reza Tavakoli-Nia", "First Vice-President", "IR")},
        ),
        (
            "The High Representative for Foreign Affairs and Security Policy, Ines Aaltonen, arrived.",
            {
                (
                    "Ines Aaltonen",
                    "High Representative for Foreign Affairs and Security Policy",
                    None,
                )
            },
        ),
        # an office with its portfolio after "for", before or after the name
        (
            "Premier Ada Lind met the European Commissioner for Fisheries, Ilse Kranz, on Monday.",
            {("Ada Lind", "Premier", None), ("Ilse Kranz", "European Commissioner", None)},
        ),
        (
            "Premier Ada Lind met Mrs. Ilse Kranz, European Commissioner for the Baltic, today.",
            {("Ada Lind", "Premier", None), ("Ilse Kranz", "European Commissioner", None)},
        ),
        (  # a portfolio of known words, then the name straight after it
            "Premier Ada Lind met the European Commissioner for Trade Ilse Kranz in Oslo.",
            {("Ada Lind", "Premier", None), ("Ilse Kranz", "European Commissioner", None)},
        ),
        (
            "Premier Ada Lind met the Special Envoy for the Great Lakes, Omar Dewa, on Monday.",
            {("Ada Lind", "Premier", None), ("Omar Dewa", "Special Envoy", None)},
        ),
        (
            "South Africa's President-elect Thabo Nkosi thanked voters.",
            {("Thabo Nkosi", "President-elect", "ZA")},
        ),
        (
            "Former president Uhuru Kenyatta also attended.",
            {("Uhuru Kenyatta", "Former President", None)},
        ),
        (
            "Foreign Minister Retno said the meeting went well.",
            {("Retno", "Foreign Minister", None)},
        ),
        (
            "Ahmed Hassan Osman told reporters that the port deal was signed.",
            {("Ahmed Hassan Osman", None, None)},
        ),
        # names of places, organisations and programmes are not people
        (
            "Delegates landed at Jomo Kenyatta International Airport and went to the State House.",
            set(),
        ),
        (
            "The African Union Commission and Human Rights Watch said the Lake Victoria Basin Initiative works.",
            set(),
        ),
        (
            "The Nairobi Securities Exchange said trading was halted. Amnesty International said nothing.",
            set(),
        ),
        (
            "Ruto Holds Talks With Norwegian Minister",
            set(),  # a headline in title case is no evidence of names
        ),
    ],
)
def test_people(run, text, expected):
    result = run(text)
    assert {(p.name, p.title, p.country) for p in result.actors.people} == expected


def test_repeated_surname_makes_a_person(run):
    result = run(
        "The first call Jean-Paul Mbeki took was from Oslo. Mbeki later thanked his hosts."
    )
    assert result.names() == {"Jean-Paul Mbeki"}


@pytest.mark.parametrize(
    "text, name",
    [
        ("Foreign Minister R. Okonkwo said Nigeria was ready.", "R. Okonkwo"),
        ("Chief Minister A. B. Varma thanked the delegation.", "A. B. Varma"),
        ("Mr. T. Haldane said the talks went well.", "T. Haldane"),
        ("Senator K.L. Ostrander said the bill would pass.", "K.L. Ostrander"),
        ("The ceasefire held, A.B.C. Mwangi told reporters in Goma.", "A.B.C. Mwangi"),
    ],
)
def test_a_name_may_open_with_initials(run, text, name):
    assert run(text).names() == {name}


def test_a_name_opening_with_joined_initials_is_found_again_by_its_surname(run):
    result = run(
        "Vice President R.J. Calloway met Chancellor Ingrid Holm in Oslo. "
        "Calloway said later that the talks had gone well."
    )
    assert result.names() == {"R.J. Calloway", "Ingrid Holm"}
    assert ("Calloway", "R.J. Calloway") in result.referred()


@pytest.mark.parametrize(
    "text, name",
    [
        ("U.N. Maria Lopez said Lima was ready.", "Maria Lopez"),  # listed: no initials
        ("P.M. Rohan Desai thanked the delegation.", "Rohan Desai"),
        ("U.S. Envoy Dana Whitfield said the talks went well.", "Dana Whitfield"),  # a country
        ("Speaking at the U.N. Maria Lopez said Lima was ready.", "Maria Lopez"),  # after "the"
    ],
)
def test_joined_capitals_that_abbreviate_a_body_or_a_country_are_no_initials(run, text, name):
    assert run(text).names() == {name}


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Treasury said on Monday it was ready.",  # an initial joined to the next
        "Point B. Ministers agreed on the route.",  # no name word after the initial
    ],
)
def test_a_capital_with_a_full_stop_opens_no_name_alone(run, text):
    assert run(text).names() == set()


def test_the_last_letter_of_an_acronym_is_no_initial_of_the_name_after_it(run):
    assert run("Envoy to the U.N. Maria Lopez said Lima was ready.").names() == {"Maria Lopez"}


def test_a_capitalized_pair_seen_once_is_not_a_person(run):
    assert (
        run("The Rumah Tangsi cultural space and Casa Blanca Gardens hosted guests.").names()
        == set()
    )


def test_names_keep_particles_and_drop_titles_and_possessives(run):
    result = run(
        "President Luiz Carlos da Costa met Norway's Foreign Minister Anne van der Berg. "
        "Da Costa's aides said Mrs. van der Berg's visit went well."
    )
    assert result.names() == {"Luiz Carlos da Costa", "Anne van der Berg"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # surname of a Chinese name is its first word
        (
            "Chinese Foreign Minister Wang Yi met Eide. Wang said ties were strong.",
            [("Wang Yi", "Wang Yi"), ("Wang", "Wang Yi")],
        ),
        # a western surname is the last word, with its particle
        (
            "Dutch Prime Minister Maria de Vries met Ruto. De Vries said the talks went well.",
            [("Maria de Vries", "Maria de Vries"), ("Ruto", None), ("De Vries", "Maria de Vries")],
        ),
        # a first name after an honorific
        (
            "Mr. Espen Barth Eide arrived. Mr. Espen then met the press.",
            [("Espen Barth Eide", "Espen Barth Eide"), ("Espen", "Espen Barth Eide")],
        ),
        # a word of the name used alone
        (
            "President Joaquim Nkosi Zuma arrived. Later, Nkosi toured the port.",
            [("Joaquim Nkosi Zuma", "Joaquim Nkosi Zuma"), ("Nkosi", "Joaquim Nkosi Zuma")],
        ),
        # title references resolve when one person fits
        (
            "Kenyan President William Ruto hosted Norwegian Foreign Minister Espen Barth Eide. "
            "The Kenyan president said the Norwegian minister was welcome.",
            [
                ("William Ruto", "William Ruto"),
                ("Espen Barth Eide", "Espen Barth Eide"),
                ("The Kenyan president", "William Ruto"),
                ("the Norwegian minister", "Espen Barth Eide"),
            ],
        ),
        (
            "King Harald V of Norway met Ruto. The king praised Kenya.",
            [("Harald V", "Harald V"), ("Ruto", None), ("The king", "Harald V")],
        ),
        # two presidents: "the president" fits both, so it resolves to nobody
        (
            "President William Ruto met President Samia Suluhu Hassan. The president said little.",
            [("William Ruto", "William Ruto"), ("Samia Suluhu Hassan", "Samia Suluhu Hassan")],
        ),
        # a title used for someone else in the same sentence is never resolved
        (
            "The Prime Minister spoke to the Norwegian Prime Minister, Jonas Gahr Store. "
            "The Prime Minister thanked him.",
            [("Jonas Gahr Store", "Jonas Gahr Store")],
        ),
    ],
)
def test_mentions(run, text, expected):
    result = run(text)
    found = result.referred()
    people = result.names()
    for mention, person in expected:
        if person is None:
            continue
        assert (mention, person) in found
    assert all(person in people for _, person in found)
    resolved = {m for m, p in expected if p}
    assert {m for m, _ in found if m[0].isupper() or m.startswith("the")} >= resolved
    assert not [
        m
        for m, _ in found
        if m.lower() in {"the president", "the prime minister"} and m not in resolved
    ]


@pytest.mark.parametrize(
    "text, pronoun_owner",
    [
        (
            "Foreign Minister Espen Barth Eide arrived in Nairobi. He said the talks went well.",
            "Espen Barth Eide",
        ),
        (
            "For his part, Foreign Minister Espen Barth Eide said the talks went well.",
            "Espen Barth Eide",
        ),
        ("Ms. Naledi Pandor arrived in Oslo. She praised Norway.", "Naledi Pandor"),
        # two people as subject: nobody
        (
            "Ruto and Foreign Minister Espen Barth Eide met in Nairobi. He said the talks went well.",
            None,
        ),
        # a plural subject in between breaks the chain
        (
            "Foreign Minister Espen Barth Eide arrived in Nairobi. The two sides signed a deal. He said it was good.",
            None,
        ),
        # the gender does not fit the only candidate: nobody
        ("Queen Sonja of Norway arrived in Nairobi. He said the visit was historic.", None),
        # an unnamed official as subject: nobody
        (
            "Foreign Minister Espen Barth Eide arrived in Nairobi. A ministry spokesperson said he would stay. He left.",
            None,
        ),
    ],
)
def test_pronouns(run, text, pronoun_owner):
    result = run(text)
    pronouns = [
        m
        for m in result.actors.mentions
        if m.kind == "pronoun"
        and result.cleaned.text[m.start : m.end].lower() in {"he", "she", "his", "her"}
    ]
    last_sentence = len(result.sentences) - 1
    owners = {m.person_id for m in pronouns if m.sentence == last_sentence or "part" in text}
    assert owners == ({pronoun_owner} if pronoun_owner else set())


def test_he_as_a_chinese_surname_is_not_a_pronoun(run):
    result = run("Vice Premier He Lifeng attended the talks. He Lifeng said trade grew.")
    assert result.names() == {"He Lifeng"}
    assert [m.kind for m in result.actors.mentions] == ["name", "name"]


def test_a_counterpart_gives_a_country_but_no_office(run):
    result = run("Eide met his Kenyan counterpart Musalia Mudavadi in Oslo.")
    assert {(p.name, p.title, p.country) for p in result.actors.people} == {
        ("Musalia Mudavadi", None, "KE")
    }


def test_a_style_used_alone_refers_to_the_person_styled_so(run):
    result = run(
        "Prime Minister Jonas Gahr Store spoke with the Emir of Qatar His Highness Sheikh "
        "Tamim bin Hamad Al Thani. Prime Minister thanked His Highness for the invitation."
    )
    assert ("His Highness", "Tamim bin Hamad Al Thani") in result.referred()
    assert ("Prime Minister", "Jonas Gahr Store") in result.referred()
    assert "Highness" not in " ".join(result.names())


def test_name_suffix_is_not_a_surname(run):
    result = run("President Ferdinand Marcos Jr. met Ruto. Marcos said trade would grow.")
    assert result.names() == {"Ferdinand Marcos Jr."}
    assert ("Marcos", "Ferdinand Marcos Jr.") in result.referred()


def test_an_office_named_after_a_title_is_no_reference(run):
    result = run(
        "Prime Minister Jonas Gahr Store arrived. The Prime Minister's Office said he was tired."
    )
    assert [m for m, _ in result.referred() if "Office" in m or m.startswith("The Prime")] == []


def test_arabic_article_is_dropped_for_the_surname(run):
    result = run("Egyptian President Abdel Fattah al-Sisi received Eide. Sisi praised Norway.")
    assert ("Sisi", "Abdel Fattah al-Sisi") in result.referred()


@pytest.mark.parametrize(
    "text",
    [
        "New Delhi said it would respond. Addis Ababa said nothing.",  # capitals speak for states
        "The delegation flew on to Port Moresby and Dar Es Salaam. Moresby was hot.",
        # a region after "the", then an office: the office is the next speaker's, no name's
        "Asked about shipping in the Caribbean, the Jamaican minister said routes were safe.",
    ],
)
def test_places_are_not_people(run, text):
    assert run(text).names() == set()


def test_a_title_with_its_organisation_then_the_name(run):
    result = run(
        "A spokesman for the Ethiopian foreign ministry, Nebiat Getachew, said talks went well."
    )
    assert {(p.name, p.country) for p in result.actors.people} == {("Nebiat Getachew", "ET")}
    assert [s.speaker for s in result.statements] == ["Nebiat Getachew"]


@pytest.mark.parametrize(
    "text, person, later",
    [
        # the office's local name in brackets between the office and the name
        (
            "The Head of Government (Cap de Govern), Jordi Vall, received Eide. The Head of "
            "Government thanked Eide.",
            ("Jordi Vall", "Head of Government", None),
            "The Head of Government",
        ),
        # a career diplomat's rank between the minister's office and the name
        (
            "Eide received Peru's Minister of Foreign Affairs, Ambassador Rosa Quispe, on "
            "Monday. The Peruvian minister said trade grew.",
            ("Rosa Quispe", "Minister of Foreign Affairs", "PE"),
            "The Peruvian minister",
        ),
    ],
)
def test_an_office_then_a_gloss_or_a_rank_then_the_name(run, text, person, later):
    result = run(text)
    assert person in {(p.name, p.title, p.country) for p in result.actors.people}
    assert (later, person[0]) in result.referred()


def test_an_ambassador_named_after_another_ambassador_keeps_the_rank(run):
    result = run("Eide received the Ambassador, Ambassador Rosa Quispe, on Monday.")
    assert ("Rosa Quispe", "Ambassador") in {(p.name, p.title) for p in result.actors.people}


@pytest.mark.parametrize(
    "text",
    [
        "Minister of Foreign Affairs of Peru Rosa Quispe held talks with Eide on Monday.",
        "Minister of Foreign Affairs of Peru Rosa Quispe met Eide in Lima.",
        "Minister of Trade of Peru Rosa Quispe said exports grew.",
    ],
)
def test_a_title_of_a_state_then_the_name_then_its_verb(run, text):
    # the verb after the name ends the office, which is no organisation ("... held talks")
    people = {(p.name, p.country) for p in run(text).actors.people}
    assert ("Rosa Quispe", "PE") in people


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            "Prime Minister Anne van der Berg met Ruto. Prime Minister van der Berg said trade grew.",
            "van der Berg",
        ),
        ("President Luiz Carlos da Costa met Ruto. President da Costa thanked him.", "da Costa"),
    ],
)
def test_a_surname_with_a_lowercase_particle_after_a_title(run, text, mention):
    result = run(text)
    person = next(iter(result.names()))
    assert (mention, person) in result.referred()
    assert [s.speaker for s in result.statements] == [person]


@pytest.mark.parametrize(
    "text",
    [
        # seats of government speak for a government; they are never people
        "Premier Anna Bianchi called Ruto, Palazzo Madama said.",
        "President Ana Duarte met Ruto, the Palacio Real said.",
    ],
)
def test_seats_of_government_are_not_people(run, text):
    assert not any(w in " ".join(run(text).names()) for w in ("Palazzo", "Palacio"))


@pytest.mark.parametrize(
    "text",
    [
        # a city before an appositive title is still a place
        "The two leaders signed the deal in Bishkek, the Tajik president's office said.",
        "Talks were held on Monday in Abidjan, the Ivorian president's residence said.",
    ],
)
def test_a_city_before_an_appositive_is_not_a_person(run, text):
    assert run(text).names() == set()


@pytest.mark.parametrize(
    "text, mention, expected",
    [
        (  # the premier is the only prime minister: he is the Ghanaian, so the other is Togolese
            "President Kofi Mensah held talks with Prime Minister Yao Agbeko in Lome. "
            "The Togolese leader said the road would open soon. "
            "The Ghanaian premier said trade had doubled.",
            "The Togolese leader",
            "Kofi Mensah",
        ),
        (  # nothing tells the two presidents apart: the demonym stays unresolved
            "President Kofi Mensah held talks with President Yao Agbeko in Lome. "
            "The Togolese leader said the road would open soon.",
            "The Togolese leader",
            None,
        ),
        (  # a word of courtesy before the state still gives the minister its state
            "President Kofi Mensah received the Minister of Foreign Affairs of the sister "
            "Republic of Togo, Mr. Yao Agbeko, and the Minister of Energy, Mr. Ama Dede. "
            '"We discussed the road," the Togolese minister declared.',
            "the Togolese minister",
            "Yao Agbeko",
        ),
        (  # "the Kenyan official": the one office holder of that state
            "Kenyan Foreign Minister Amina Wanjiru, who is on an official visit, met Foreign "
            "Minister Siri Dahl in Oslo. The Kenyan official said trade would grow.",
            "The Kenyan official",
            "Amina Wanjiru",
        ),
        (  # the text speaks of an official it never names: "the Kenyan official" is that one
            "Kenyan Foreign Minister Amina Wanjiru met Foreign Minister Siri Dahl in Oslo. A "
            "senior Kenyan official said the talks went well. The Kenyan official added that "
            "trade would grow.",
            "The Kenyan official",
            None,
        ),
        (  # "official" alone, without a state, is nobody in particular
            "Kenyan Foreign Minister Amina Wanjiru met Foreign Minister Siri Dahl in Oslo. The "
            "official said trade would grow.",
            "The official",
            None,
        ),
        (  # a form of state before a state's short name
            "President Kofi Mensah received the Minister of Foreign Affairs of the Republic "
            "of Togo, Mr. Yao Agbeko, and the Minister of Energy, Mr. Ama Dede. "
            '"We discussed the road," the Togolese minister declared.',
            "the Togolese minister",
            "Yao Agbeko",
        ),
        (  # neither minister's state is known: the demonym stays unresolved
            "President Kofi Mensah received the Minister of Foreign Affairs, Mr. Yao Agbeko, "
            'and the Minister of Energy, Mr. Ama Dede. "We discussed the road," the Togolese '
            "minister declared.",
            "the Togolese minister",
            None,
        ),
    ],
)
def test_demonym_title_resolves_once_the_other_person_has_a_country(run, text, mention, expected):
    got = dict(run(text).referred())
    assert got.get(mention) == expected


@pytest.mark.parametrize(
    "text, mention, expected",
    [
        (  # the other side is a known office holder of another state: the one left is meant
            "Peruvian Foreign Minister Lucia Quispe met Foreign Minister Tomas Irala in Lima. "
            "The Bolivian minister said the lake would be cleaned.",
            "The Bolivian minister",
            "Tomas Irala",
        ),
        (  # a person with no known office may be the Bolivian one: nobody is meant
            "Foreign Minister Lucia Quispe held a virtual meeting with Mr. Tomas Irala on Friday. "
            "The Bolivian foreign minister said the lake would be cleaned.",
            "The Bolivian foreign minister",
            None,
        ),
        (  # the only office holder may be the host speaking of a counterpart never named
            "Foreign Minister Lucia Quispe held talks with her Bolivian counterpart on Friday. "
            "The Bolivian foreign minister said the lake would be cleaned.",
            "The Bolivian foreign minister",
            None,
        ),
    ],
)
def test_demonym_title_gives_a_state_only_when_nobody_else_could_be_meant(
    run, text, mention, expected
):
    got = dict(run(text).referred())
    assert got.get(mention) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Minister for Foreign Affairs, Trade and Development, Ana Lima, met the press.",
            {("Ana Lima", "Minister for Foreign Affairs")},
        ),
        (
            "The Minister of Foreign Affairs, Regional Integration and Chilean Communities "
            "Abroad of the Republic of Chile, Pablo Vera, arrived.",
            {("Pablo Vera", "Minister of Foreign Affairs")},
        ),
        (  # a list of names after the title is no portfolio
            "The Minister of Foreign Affairs, Ana Lima and Pablo Vera attended.",
            set(),
        ),
    ],
)
def test_ministry_title_with_commas_inside(run, text, expected):
    r = run(text)
    got = {(p.name, p.title) for p in r.actors.people if p.title}
    assert got == expected


def test_unique_minister_resolves_after_long_ministry_title(run):
    r = run(
        "The Minister of Foreign Affairs, Trade and Development, Ana Lima, and the Minister "
        "of Foreign Affairs of Chile, Pablo Vera, met in Lima. The minister said trade grew. "
        "The Chilean minister said the border was calm."
    )
    got = dict(r.referred())
    assert got["The minister"] == "Ana Lima"
    assert got["The Chilean minister"] == "Pablo Vera"
    assert r.person("Pablo Vera").country == "CL"


@pytest.mark.parametrize(
    "text, name, expected",
    [
        (
            "Ghana's Foreign Minister Kwame Asante met his Togolese counterpart Yao Dogbe in Accra.",
            "Yao Dogbe",
            ("Foreign Minister", "TG"),
        ),
        (
            "Chilean President Lucia Vera called her Peruvian counterpart Jorge Paz on Friday.",
            "Jorge Paz",
            ("President", "PE"),
        ),
        (  # "his" refers ahead, to a person whose office an earlier sentence gives
            "Ghana's Foreign Minister Kwame Asante hosted talks on Monday. Speaking after "
            "talks with his Togolese counterpart Yao Dogbe, Asante said trade grew.",
            "Yao Dogbe",
            ("Foreign Minister", "TG"),
        ),
        (  # two others in the sentence: whose counterpart is not certain
            "Ghana's Foreign Minister Kwame Asante and Trade Minister Ama Boateng hosted talks. "
            "At a dinner with his Togolese counterpart Yao Dogbe, Asante and Boateng spoke.",
            "Yao Dogbe",
            (None, "TG"),
        ),
        (  # no "his"/"her": whose counterpart is not said
            "Ghana's Foreign Minister Kwame Asante said a Togolese counterpart Yao Dogbe came.",
            "Yao Dogbe",
            (None, "TG"),
        ),
    ],
)
def test_counterpart_holds_the_office_of_the_person_it_refers_to(run, text, name, expected):
    person = run(text).person(name)
    assert (person.title, person.country) == expected


def test_counterpart_office_lets_demonym_title_resolve(run):
    r = run(
        "Ghana's Foreign Minister Kwame Asante met his Togolese counterpart Yao Dogbe in Accra. "
        "The Togolese minister said the border would reopen."
    )
    assert dict(r.referred())["The Togolese minister"] == "Yao Dogbe"


@pytest.mark.parametrize(
    "text, people, later",
    [
        (
            "Prime Minister TANAKA Hiroshi of Japan met President Lee. Tanaka said ties were good.",
            {("Hiroshi Tanaka", "JP")},
            ("Tanaka", "Hiroshi Tanaka"),
        ),
        (
            "Mr. SATO Kenji, Minister for Foreign Affairs of Japan, spoke. Mr. Sato said it helped.",
            {("Kenji Sato", "JP")},
            ("Sato", "Kenji Sato"),
        ),
        (  # an acronym before a name is no surname: no title or honorific before it
            "The NATO Summit opened. Officials of OSCE Vienna said nothing.",
            set(),
            None,
        ),
    ],
)
def test_surname_first_in_capitals_is_one_person(run, text, people, later):
    r = run(text)
    assert {(p.name, p.country) for p in r.actors.people if p.country or not people} == people
    if later:
        assert later in r.referred()


@pytest.mark.parametrize(
    "text, name, later",
    [
        # "Tan" (of the honorific "Tan Sri") and "Sri" are name words where they begin no honorific
        (
            "Prime Minister Daniel Tan Kok Wah welcomed Ruto. Prime Minister Tan said ties were good.",
            "Daniel Tan Kok Wah",
            ("Tan", "Daniel Tan Kok Wah"),
        ),
        (
            "Finance Minister Sri Wahyuni Hartono met Ruto. Hartono said the loan was signed.",
            "Sri Wahyuni Hartono",
            ("Hartono", "Sri Wahyuni Hartono"),
        ),
        # ... and stay an honorific where they begin one
        (
            "Tan Sri Razak Ismail met Ruto. Razak said the port would open.",
            "Razak Ismail",
            ("Razak", "Razak Ismail"),
        ),
    ],
)
def test_a_word_of_a_longer_honorific_may_be_a_name_word(run, text, name, later):
    result = run(text)
    assert name in result.names()
    assert later in result.referred()


@pytest.mark.parametrize(
    "text, name, roles",
    [
        ("Trade CS Amani Njoroge met the delegation in Kisumu.", "Amani Njoroge", "Trade Cs"),
        ("Foreign Affairs Cabinet Secretary Halima Yusuf arrived.", "Halima Yusuf",
         "Foreign Affairs Cabinet Secretary"),
        ("CS Baraka Otieno opened the fair.", "Baraka Otieno", "Cs"),
        ("State Secretary Lena Wirth met the envoy.", "Lena Wirth", "State Secretary"),
        # Dzongkha titles of Bhutan's prime minister and ministers, used alone too
        ("Lyonchhoen Karma Dorji met the envoy.", "Karma Dorji", "Lyonchhoen"),
        ("Lyonchhen Pema Wangchuk met the envoy.", "Pema Wangchuk", "Lyonchhen"),  # its other spelling
        ("Lyonpo Sonam Wangdi met the envoy.", "Sonam Wangdi", "Lyonpo"),
    ],
)  # fmt: skip
def test_cabinet_secretary_and_common_titles(run, text, name, roles):
    assert run(text).person(name).title == roles


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Presidents Ana Lima and Tomas Berg met in Quito on Monday.",
            {("Ana Lima", "President"), ("Tomas Berg", "President")},
        ),
        (
            "Foreign Ministers Ines Duarte and Karl Holm signed the accord on Friday.",
            {("Ines Duarte", "Foreign Minister"), ("Karl Holm", "Foreign Minister")},
        ),
        (
            "Prime Ministers Olga Varga and Mateo Rossi spoke by phone.",
            {("Olga Varga", "Prime Minister"), ("Mateo Rossi", "Prime Minister")},
        ),
    ],
)
def test_a_plural_title_names_two_people_with_the_singular_title(run, text, expected):
    result = run(text)
    assert {(p.name, p.title) for p in result.actors.people} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Presidents Ana Lima of Chile and Tomas Berg of Norway met in Quito on Monday.",
            {("Ana Lima", "President", "CL"), ("Tomas Berg", "President", "NO")},
        ),
        (
            "Prime Ministers Olga Varga of Hungary and Mateo Rossi of Italy spoke by phone.",
            {("Olga Varga", "Prime Minister", "HU"), ("Mateo Rossi", "Prime Minister", "IT")},
        ),
    ],
)
def test_a_plural_title_with_each_name_s_state(run, text, expected):
    result = run(text)
    assert {(p.name, p.title, p.country) for p in result.actors.people} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The presidents of Chile and Norway, Ana Lima and Tomas Berg, met in Quito.",
            {("Ana Lima", "President", "CL"), ("Tomas Berg", "President", "NO")},
        ),
        (
            "The Foreign Ministers of Peru and Chile, Ines Duarte and Karl Holm, signed it.",
            {("Ines Duarte", "Foreign Minister", "PE"), ("Karl Holm", "Foreign Minister", "CL")},
        ),
    ],
)
def test_a_plural_title_of_two_states_then_two_names_pairs_them_in_order(run, text, expected):
    result = run(text)
    assert {(p.name, p.title, p.country) for p in result.actors.people} == expected


def test_a_plural_title_of_two_states_lets_a_demonym_refer_back(run):
    result = run(
        "The presidents of Chile and Norway, Ana Lima and Tomas Berg, met in Quito.\n\n"
        '"The port will open," the Norwegian president added.'
    )
    assert [s.speaker for s in result.statements] == [result.person("Tomas Berg").id]


def test_a_plural_title_with_states_lets_a_demonym_and_title_refer_back(run):
    result = run(
        "Presidents Ana Lima of Chile and Tomas Berg of Norway met in Quito on Monday.\n\n"
        "The Norwegian president voiced support for the fund."
    )
    assert [(s.speaker, s.text[:22]) for s in result.statements] == [
        (result.person("Tomas Berg").id, "The Norwegian presiden")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The leaders agreed to speed up the West African Gas Corridor project.",
        "Work on the Peruvian Copper Railway resumed in March.",
        "The minister said the plan needs all Central Asian states.",
        "Funding for the Nordic Energy Grid was approved.",
    ],
)
def test_a_demonym_before_a_capitalized_word_is_not_a_name(run, text):
    assert run(text).names() == set()


@pytest.mark.parametrize(
    "text, who, country",
    [
        # the host without a demonym takes the text's other country
        (
            "President Maria Lindqvist received Chilean President Tomás Araya in Stockholm on "
            "Monday.\n\nThe Swedish head of state said the talks were open.",
            "Maria Lindqvist",
            "SE",
        ),
        (
            "Prime Minister Oskar Halvorsen spoke by phone with Icelandic Prime Minister Anna "
            "Jonsdottir.\n\nThe Norwegian prime minister said the cable had been cut.",
            "Oskar Halvorsen",
            "NO",
        ),
        # an adviser is not the counterpart of a president
        (
            "Special Adviser Karin Berg met Chilean President Tomás Araya in Stockholm on "
            "Monday.\n\nThe Swedish head of state said the talks were open.",
            "Karin Berg",
            None,
        ),
        # two office holders without a country: nobody is given one
        (
            "President Maria Lindqvist and President Olof Ek received Chilean President Tomás "
            "Araya on Monday.\n\nThe Swedish head of state said the talks were open.",
            "Maria Lindqvist",
            None,
        ),
    ],
)
def test_the_counterpart_takes_the_other_country(run, text, who, country):
    assert run(text).person(who).country == country


@pytest.mark.parametrize(
    "text, mentioned",
    [
        (
            "Prime Ministers Ruta Kairyte of Lithuania and Marek Kowal of Poland met on Monday.",
            ["Ruta Kairyte", "Marek Kowal"],
        ),
        (
            "Vilnius, 13 May 2019 (BNS) - Presidents Ana Lima and Tomas Berg opened the fair.",
            ["Ana Lima", "Tomas Berg"],
        ),
    ],
)
def test_a_name_after_a_plural_title_is_mentioned(run, text, mentioned):
    assert [person for _, person in run(text).referred()] == mentioned


@pytest.mark.parametrize(
    "text, expected",
    [
        # "the Secretary" of a readout is the secretary of state, not the foreign secretary
        (
            "Secretary of State Mark Hale met Mexican Secretary of Foreign Affairs Ana Ruiz in "
            "Washington. The Secretary underscored the importance of trade.",
            "Mark Hale",
        ),
        # two secretaries of state: nobody in particular
        (
            "Secretary of State Mark Hale met Secretary of State Ana Ruiz in Washington. The "
            "Secretary underscored the importance of trade.",
            None,
        ),
    ],
)
def test_the_secretary_is_a_secretary_of_state(run, text, expected):
    assert dict(run(text).referred()).get("The Secretary") == expected


def test_a_local_title_used_alone_refers_to_its_holder(run):
    result = run(
        "Lyonchhoen Karma Dorji received Foreign Secretary Anil Rao of India yesterday. "
        "Lyonchhoen said Bhutan values India's support."
    )
    assert ("Lyonchhoen", "Karma Dorji") in result.referred()
    assert [s.speaker for s in result.statements] == ["Karma Dorji"]


def test_a_sentences_tokens_carry_document_offsets_and_are_read_once():
    text = "Intro. The Ghanaian President said so."
    sentence = Sentence(index=1, start=7, end=len(text), text=text[7:], block=0)
    tokens = sentence.tokens
    assert tokens == tokenize(text, 7, len(text))
    assert [text[t.start : t.end] for t in tokens] == [t.text for t in tokens]
    assert tokens[0].start == 7
    assert sentence.tokens is tokens  # the second stage to ask reads no more


def test_name_words_of_a_sentence_with_an_inner_honorific_and_a_capital_surname():
    from app.extract.actors import _analyse

    text = "President Hassan Sheikh Mohamud met Mr. TANAKA Hiroshi and Sheikh Ali in NAIROBI."
    a = _analyse(text, Sentence(0, 0, len(text), text, 0), [])
    names = [t.text for t, ok in zip(a.tokens, a.name_ok, strict=True) if ok]
    # "Sheikh" between two name words is one; before a name it styles it; capitals are
    # a surname only after a title or honorific
    assert names == ["Hassan", "Sheikh", "Mohamud", "TANAKA", "Hiroshi", "Ali"]
    starts = [t.text for t, may in zip(a.tokens, a.may_start, strict=True) if may]
    assert starts == ["President", *names[:3], "Mr", "TANAKA", "Hiroshi", "Sheikh", "Ali"]


def test_title_text_capitalizes_words_but_small_ones_inside():
    from app.extract.actors import _title_text

    words = ["deputy", "prime", "minister", "and", "minister", "for", "trade"]
    assert _title_text(words) == "Deputy Prime Minister and Minister for Trade"
    assert _title_text(["the", "president-elect", "of", "vice-president"]) == (
        "The President-elect of Vice-President"
    )


def test_the_subject_of_a_sentence_is_found_once_for_every_stage():
    from app.extract.actors import sentence_dateline_end, sentence_joint_subject, sentence_subject

    text = "BEIJING, Feb. 10 (Xinhua) \u2014 Ruto and Foreign Minister Eide met on Monday."
    sentence = Sentence(0, 0, len(text), text, 0)
    tokens = sentence.tokens
    assert tokens[sentence_dateline_end(sentence)].text == "Ruto"
    assert tokens[sentence_subject(sentence)].text == "Ruto"
    assert sentence_joint_subject(sentence) is True
    assert set(sentence.derived) == {"tokens", "dateline_end", "subject", "joint_subject"}
    sentence.derived["subject"] = 0  # what was found is what is given again
    assert sentence_subject(sentence) == 0


@pytest.mark.parametrize(
    ("text", "unnamed"),
    [
        ("A senior official said talks went well.", True),
        ("Another official added that ties grew.", True),
        ("Ruto paid an official visit to Oslo.", False),
        ("Ruto met Eide in Oslo.", False),
    ],
)
def test_an_official_introduced_without_a_name(text, unnamed):
    from app.extract.actors import _analyse, _unnamed_official

    assert _unnamed_official(_analyse(text, Sentence(0, 0, len(text), text, 0), [])) is unnamed


def test_a_sentence_without_a_pronoun_resolves_none_and_one_with_resolves_it():
    from app.extract.actors import _analyse, _Focus, _Person, _resolve_pronouns

    lima = _Person(("Ana", "Lima"), "Ana Lima", None, frozenset(), None, "f")

    def pronouns(text: str) -> list[str]:
        a = _analyse(text, Sentence(0, 0, len(text), text, 0), [])
        found = _resolve_pronouns(a, [], _Focus(person=0), [lima])
        return [text[r.start : r.end] for r in found]

    assert pronouns("Talks went well in Oslo.") == []
    assert pronouns("Later, she said talks went well.") == ["she"]


def test_a_name_run_starts_only_at_a_name_word_unless_a_particle_may_open_it():
    from app.extract.actors import _analyse, _name_run

    text = "Mrs. van der Berg met Luiz Inácio Lula da Silva and King Harald V of Norway."
    a = _analyse(text, Sentence(0, 0, len(text), text, 0), [])
    at = {t.text: k for k, t in reversed(list(enumerate(a.tokens)))}

    def run(word: str, particle_start: bool = False) -> str:
        end = _name_run(a, at[word], particle_start)
        return " ".join(t.text for t in a.tokens[at[word] : end])

    assert (run("Mrs"), run("van"), run("met"), run("."), run("King")) == ("", "", "", "", "")
    assert run("van", particle_start=True) == "van der Berg"
    assert run("Luiz") == "Luiz Inácio Lula da Silva"
    assert run("Harald") == "Harald V"
    assert _name_run(a, len(a.tokens)) == len(a.tokens)


def test_a_name_run_is_read_once_for_each_position_of_a_sentence():
    from app.extract.actors import _analyse, _name_run

    text = "Mrs. van der Berg met Luiz Inácio Lula da Silva in Brasília."
    a = _analyse(text, Sentence(0, 0, len(text), text, 0), [])
    luiz = [t.text for t in a.tokens].index("Luiz")
    van = [t.text for t in a.tokens].index("van")
    assert _name_run(a, luiz) == luiz + 5 and a.runs == {luiz: luiz + 5}
    assert _name_run(a, van, particle_start=True) == van + 3
    assert a.runs == {luiz: luiz + 5, -1 - van: van + 3}  # each way of asking kept apart
    assert _name_run(a, van) == van and -1 - van in a.runs and van not in a.runs
    a.runs[luiz] = 99  # what is kept is what is answered
    assert _name_run(a, luiz) == 99


@pytest.mark.parametrize(
    "text",
    [
        "Presidents Ana Lima and Tom Berg met; the presidents of Chile and Norway spoke.",
        "Foreign ministers, foreign Ministers, Foreign Ministers and Prime Ministers Li and Kim.",
        "The prime ministers of Fiji and Tonga, and Deputy Prime ministers Ola and Ida, met.",
    ],
)
def test_a_plural_title_is_read_once_in_any_case_and_the_same_as_read_alone(text):
    from app.extract.actors import _analyse, _plural_title_at, lexicon

    a = _analyse(text, Sentence(0, 0, len(text), text, 0), [])
    lex = lexicon()
    for i in range(len(a.tokens) + 1):
        for any_case in (False, True):
            expected = _plural_title_at(a.tokens, i, lex, any_case=any_case)
            assert a.plural_title_at(i, lex, any_case=any_case) == expected, (i, any_case)
    assert any(found is not None for found in a.plurals.values())


def test_a_title_opened_by_a_country_word_that_is_no_name_word_names_its_holder(run):
    # "UK" (capitals: no name word, nor a title's first word) opens the title only as a
    # country phrase: the candidates are read from such positions too
    r = run("The talks in Nairobi were attended by UK Foreign Secretary Ada Lovell on Friday.")
    ada = r.person("Ada Lovell")
    assert (ada.title, ada.country) == ("Foreign Secretary", "GB")
    # a word that opens no name or title ("attended") is never read as one, and a pronoun
    # after a name resolves to its holder
    later = run("UK Foreign Secretary Ada Lovell arrived. She met the press.")
    assert later.referred() == [("Ada Lovell", "Ada Lovell"), ("She", "Ada Lovell")]


def test_a_capitalized_title_without_article_refers_to_its_holder(run):
    # the title reference is read only where a title's first word stands (`title_start`)
    r = run(
        "Prime Minister Ana Lima met Dr. Tom Berg in Oslo on Monday. "
        "Berg thanked Prime Minister for the visit."
    )
    assert ("Prime Minister", "Ana Lima") in r.referred()


def test_the_analysis_reads_each_column_of_the_words_kinds():
    from app.extract.actors import _analyse

    text = "Presidents Ana Lima and Tom Berg met."
    a = _analyse(text, Sentence(0, 0, len(text), text, 0), [])
    assert [t.text for t, ok in zip(a.tokens, a.title_start, strict=True) if ok] == ["Presidents"]
    assert a.name_ok == (False, True, True, False, True, True, False, False)
    empty = _analyse("", Sentence(0, 0, 0, "", 0), [])  # no word: every column is empty
    assert (empty.tokens, empty.name_ok, empty.may_start, empty.title_start) == ((), (), (), ())


def test_title_references_may_open_at_starts_articles_and_country_phrases_in_order():
    from app.extract.actors import _analyse, _title_positions

    text = "Yesterday the Kenyan president met Norway's Prime Minister in Oslo."
    spans = [(14, 20, "KE"), (35, 41, "NO")]
    a = _analyse(text, Sentence(0, 0, len(text), text, 0), spans)
    picked = [a.tokens[k].text for k in _title_positions(a)]
    assert picked == [a.tokens[k].text for k in sorted({
        *(k for k, ok in enumerate(a.may_start) if ok),
        *(k for k, ok in enumerate(a.article) if ok),
        *a.countries,
    })]  # fmt: skip
    assert "the" in picked and "Kenyan" in picked and "Norway" in picked


def test_a_reference_may_open_at_a_name_after_a_form_or_at_a_particle():
    from app.extract.actors import _analyse, _may_refer

    text = "Yesterday Mrs. van der Berg met Tom, said Dr. smith."
    a = _analyse(text, Sentence(0, 0, len(text), text, 0), [])
    # name words, forms ("Mrs", "Dr") and the words after them, particles ("der"); never a
    # plain word ("Yesterday", "met", "said"), a comma or the period that ends the sentence
    picked = [a.tokens[k].text for k in _may_refer(a)]
    assert picked == ["Mrs", ".", "van", "der", "Berg", "Tom", "Dr", ".", "smith"]
