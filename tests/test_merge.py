"""Merging reports of one event: the rules alone, then through the store in any order."""

from __future__ import annotations

import itertools
import random

import pytest
from sqlalchemy import text as sql
from sqlmodel import Session

from app import store
from app.db import begin_write, get_engine
from app.merge import EventView, SourceView, best_match, derive, match_score, same_words
from tests.conftest import AUTH, all_items
from tests.factories import event, person, put_document, said


def view(type="phone_call", date="2022-05-03", countries=("KE", "NO"), participants=(1, 2)):
    return EventView(
        type=type, date=date, countries=frozenset(countries), participants=frozenset(participants)
    )


@pytest.mark.parametrize(
    "incoming, known, merges",
    [
        (view(), view(), True),
        (view(date=None), view(), True),  # an undated "on Tuesday" report of a dated call
        (view(), view(date="2022-05"), True),  # a month refines to a day
        (view(date="2022-05-04"), view(), False),  # another day: another call
        (view(countries=("KE", "JP")), view(), False),
        (view(type="meeting"), view(), False),
        (view(participants=(3, 4)), view(), False),  # same day, other people
        (view(participants=()), view(), True),  # same day, people unknown on one side
        (view(date=None, participants=()), view(), False),  # nothing but countries in common
        (view(date="2022-05", participants=()), view(date="2022-05", participants=()), False),
        (
            view(type="diplomatic_relations", date="1963", participants=()),
            view(type="diplomatic_relations", date="1963-12-12", participants=()),
            True,
        ),
        (
            view(type="diplomatic_relations", date="1964", participants=()),
            view(type="diplomatic_relations", date="1963-12-12", participants=()),
            False,
        ),
        (view(countries=()), view(countries=()), False),
    ],
)
def test_match_rules(incoming, known, merges):
    assert (match_score(incoming, known) is not None) is merges


def test_two_equally_good_candidates_stay_apart():
    # two calls between the same leaders in one month; a report giving only the month
    incoming = view(date="2022-05")
    candidates = [(1, view(date="2022-05-03")), (2, view(date="2022-05-20"))]
    assert best_match(incoming, candidates) is None
    assert best_match(view(date="2022-05-20"), candidates) == 2


def test_derive_keeps_the_finest_date_and_the_primary_sources_type():
    derived = derive(
        [
            SourceView(1, False, "meeting", "2019", "Paris", frozenset({"FR", "GH"})),
            SourceView(2, True, "visit", "2019-03-02", None, frozenset({"FR", "GH"})),
            SourceView(3, True, "visit", None, "Accra", frozenset({"FR", "GH"})),
        ]
    )
    assert (derived.date, derived.precision, derived.type) == ("2019-03-02", "day", "visit")
    assert derived.location == "Accra"
    assert derived.primary is True
    assert derived.countries == ("FR", "GH")


def test_re_deriving_an_event_writes_every_column_its_creation_writes():
    """The update of a re-derived event names the columns it sets: all of them."""
    source = SourceView(1, True, "call", "2020-01-02", None, frozenset({"FR", "GH"}))
    assert sorted(store._event_values(derive([source]))) == sorted(store._DERIVED_COLUMNS)


@pytest.mark.parametrize(
    "a, b, same",
    [
        (
            "Kenya will expand trade with Norway, Odhiambo said.",
            "Odhiambo said Kenya will expand trade with Norway.",
            True,
        ),
        ("Kenya will expand trade with Norway.", "The weather in Oslo was cold.", False),
    ],
)
def test_same_words(a, b, same):
    assert same_words(a, b) is same


# ---------------------------------------------------------------- through the store

ODHIAMBO = person("Amina Odhiambo", "KE", "President")
HANSEN = person("Ingrid Hansen", "NO", "Foreign Minister")
DATED = (
    "On May 3, 2022, Odhiambo spoke with Hansen. Odhiambo said Kenya will expand trade with Norway."
)
UNDATED = (
    "Odhiambo spoke with Hansen on Tuesday. Kenya will expand trade with Norway, Odhiambo said."
)
RECALL = "Hansen recalled that she and Odhiambo spoke in May 2022 about trade."


def store_dated():
    return put_document(
        DATED,
        people=(ODHIAMBO, HANSEN),
        events=(event("e0", "phone_call", "2022-05-03", ("KE", "NO"), (ODHIAMBO.id, HANSEN.id)),),
        statements=(
            said(DATED, "Odhiambo said Kenya will expand trade with Norway.", ODHIAMBO.id),
        ),
    )


UNDATED_WORDS = "Kenya will expand trade with Norway, Odhiambo said."


def store_undated():
    return put_document(
        UNDATED,
        people=(ODHIAMBO, HANSEN),
        events=(event("e0", "phone_call", None, ("KE", "NO"), (ODHIAMBO.id, HANSEN.id)),),
        statements=(said(UNDATED, UNDATED_WORDS, ODHIAMBO.id),),
    )


def store_recall():
    return put_document(
        RECALL,
        people=(ODHIAMBO, HANSEN),
        events=(
            event(
                "e0", "phone_call", "2022-05", ("KE", "NO"), (ODHIAMBO.id, HANSEN.id), primary=False
            ),
        ),
    )


def snapshot(client) -> list[tuple]:
    return sorted(
        (
            e["date"],
            e["type"],
            e["primary"],
            tuple(e["countries"]),
            tuple(sorted(p["name"] for p in e["participants"])),
            len(e["sources"]),
        )
        for e in all_items(client, "/v1/events")
    )


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_any_order_gives_one_event_with_every_source(client, order):
    steps = [store_dated, store_undated, store_recall]
    for i in order:
        steps[i]()
        assert_date_copies_agree()
    assert snapshot(client) == [
        ("2022-05-03", "phone_call", True, ("KE", "NO"), ("Amina Odhiambo", "Ingrid Hansen"), 3)
    ]


def test_the_undated_sources_statements_are_re_dated(client):
    store_undated()
    (undated,) = all_items(client, "/v1/statements")
    assert client.get(f"/v1/events/{undated['event_id']}").json()["date"] is None
    store_dated()
    statements = all_items(client, "/v1/statements", year=2022)
    assert {s["document_id"] for s in statements} == {1, 2}
    assert len({s["event_id"] for s in statements}) == 1


def test_the_same_words_from_two_sources_are_linked(client):
    store_dated()
    store_undated()
    first, second = all_items(client, "/v1/statements")
    assert first["corroborated_by"] == [second["id"]]
    assert second["corroborated_by"] == [first["id"]]


def test_two_calls_in_one_month_stay_two_events(client):
    store_dated()
    later = "On May 24, 2022, Odhiambo and Hansen spoke again."
    put_document(
        later,
        people=(ODHIAMBO, HANSEN),
        events=(event("e0", "phone_call", "2022-05-24", ("KE", "NO"), (ODHIAMBO.id, HANSEN.id)),),
    )
    assert [e["date"] for e in all_items(client, "/v1/events")] == ["2022-05-24", "2022-05-03"]


def test_a_documents_own_events_never_merge_with_each_other(client):
    text = "Odhiambo met Hansen on May 3, 2022; they had met on May 3, 2022 before."
    put_document(
        text,
        people=(ODHIAMBO, HANSEN),
        events=(
            event("e0", "meeting", "2022-05-03", ("KE", "NO"), (ODHIAMBO.id, HANSEN.id)),
            event(
                "e1", "meeting", "2022-05-03", ("KE", "NO"), (ODHIAMBO.id, HANSEN.id), primary=False
            ),
        ),
    )
    assert len(all_items(client, "/v1/events")) == 2


def test_deleting_a_source_re_derives_what_the_event_keeps(client):
    dated = store_dated()
    store_undated()
    assert client.delete(f"/v1/documents/{dated['document']}", headers=AUTH).status_code == 204
    (remaining,) = all_items(client, "/v1/events")
    assert remaining["date"] is None
    assert [s["document_id"] for s in remaining["sources"]] == [2]
    (statement,) = all_items(client, "/v1/statements")
    assert statement["corroborated_by"] == []
    assert statement["document_id"] == 2


def test_a_country_list_follows_an_event_whose_date_changes(client):
    """A list by country is read in the order of the country's own copy of each date."""
    store_undated()
    put_document(
        "On April 10, 2022, Odhiambo met Hansen in Nairobi.",
        people=(ODHIAMBO, HANSEN),
        events=(event("e0", "meeting", "2022-04-10", ("KE", "NO"), (ODHIAMBO.id, HANSEN.id)),),
    )
    dated = store_dated()  # the undated call now falls on 2022-05-03, after the meeting

    def dates(**params) -> list[str | None]:
        return [e["date"] for e in all_items(client, "/v1/events", **params)]

    def said_in(**params) -> list[str]:
        return [s["text"] for s in all_items(client, "/v1/statements", limit=1, **params)]

    assert dates(country="KE") == dates(pair="NO-KE") == ["2022-05-03", "2022-04-10"]
    assert_date_copies_agree()
    assert dates(country="NO", year=2022) == ["2022-05-03", "2022-04-10"]
    both = ["Odhiambo said Kenya will expand trade with Norway.", UNDATED_WORDS]
    assert said_in(pair="KE-NO") == said_in(pair="KE-NO", year=2022) == both
    client.delete(f"/v1/documents/{dated['document']}", headers=AUTH)
    assert dates(country="KE") == dates() == ["2022-04-10", None]
    assert_date_copies_agree()
    assert said_in(pair="KE-NO") == [UNDATED_WORDS]
    assert said_in(pair="KE-NO", year=2022) == []


def test_a_pair_list_follows_an_event_whose_countries_change(client):
    """An event re-derived with a third country (its source corrected in the database) has
    two more pairs; corrected back, it loses them. Lists by pair and by country agree."""
    store_undated()

    def countries_of_the_source(codes: str) -> None:
        with Session(get_engine()) as session:
            begin_write(session)
            session.connection().execute(sql("UPDATE eventsource SET countries = :c"), {"c": codes})
            (event_id,) = session.connection().execute(sql("SELECT id FROM event")).scalars()
            store.refresh_event(session, event_id=event_id)
            session.commit()

    def ids(**params) -> list[int]:
        return [e["id"] for e in all_items(client, "/v1/events", **params)]

    (call,) = ids()
    countries_of_the_source("KE,NO,TZ")
    assert ids(pair="KE-TZ") == ids(pair="TZ-NO") == ids(pair="NO-KE") == [call]
    assert ids(pair="KE-TZ") == ids(country=["KE", "TZ"]) == ids(pair="KE-NO", country="TZ")
    countries_of_the_source("KE,NO")
    assert ids(pair="KE-TZ") == ids(pair="TZ-NO") == ids(country="TZ") == []
    assert ids(pair="NO-KE") == [call]


def test_a_topic_list_follows_a_statement_whose_date_changes(client):
    """A list by topic is read in the order of the topic's own copy of each date."""
    put_document(
        UNDATED,
        people=(ODHIAMBO, HANSEN),
        events=(event("e0", "phone_call", None, ("KE", "NO"), (ODHIAMBO.id, HANSEN.id)),),
        statements=(said(UNDATED, UNDATED_WORDS, ODHIAMBO.id, topics=("trade",)),),
    )
    met = "On April 10, 2022, Odhiambo met Hansen. Hansen said trade matters."
    put_document(
        met,
        people=(ODHIAMBO, HANSEN),
        events=(event("e0", "meeting", "2022-04-10", ("KE", "NO"), (ODHIAMBO.id, HANSEN.id)),),
        statements=(said(met, "Hansen said trade matters.", HANSEN.id, topics=("trade",)),),
    )
    dated = put_document(  # the undated call now falls on 2022-05-03, after the meeting
        DATED,
        people=(ODHIAMBO, HANSEN),
        events=(event("e0", "phone_call", "2022-05-03", ("KE", "NO"), (ODHIAMBO.id, HANSEN.id)),),
    )

    def texts(**params) -> list[str]:
        return [s["text"] for s in all_items(client, "/v1/statements", limit=1, **params)]

    assert texts(topic="trade") == [UNDATED_WORDS, "Hansen said trade matters."]
    assert texts(topic="trade", year=2022) == texts(topic="trade")
    assert texts(topic="trade", year=2021) == []
    client.delete(f"/v1/documents/{dated['document']}", headers=AUTH)
    assert texts(topic="trade") == texts() == ["Hansen said trade matters.", UNDATED_WORDS]
    assert texts(topic="trade", year=2022) == ["Hansen said trade matters."]


def test_deleting_the_only_source_deletes_the_event(client):
    recall = store_recall()
    client.delete(f"/v1/documents/{recall['document']}", headers=AUTH)
    assert all_items(client, "/v1/events") == []


@pytest.mark.parametrize(
    "known, merges",
    [
        ("1963", True),  # the day's year
        ("1963-12", True),  # its month
        ("1963-12-12", True),  # the day itself
        (None, True),  # undated
        ("1964", False),
        ("1963-11", False),
        ("1964-12-12", False),  # the same day of another year
    ],
)
@pytest.mark.parametrize("kind", ["diplomatic_relations", "phone_call"])
def test_a_report_dated_to_the_day_finds_the_event_known_by_a_date_it_falls_in(
    client, known, merges, kind
):
    """Relations once per pair are found by the pair; a call by its participants."""
    people = (ODHIAMBO, HANSEN) if kind == "phone_call" else ()
    for text, date in [
        (f"Contact in {known}.", known),
        ("Contact on 12/12/1963.", "1963-12-12"),
    ]:
        put_document(
            text,
            people=people,
            events=(
                event(
                    "e0",
                    kind,
                    date,
                    ("KE", "NO"),
                    tuple(p.id for p in people),
                    primary=kind == "phone_call",
                ),
            ),
        )
    assert len(all_items(client, "/v1/events")) == (1 if merges else 2)
    assert_date_copies_agree()


@pytest.mark.parametrize(
    "date, merges",
    [("1963", True), ("1963-12", True), (None, True), ("1964", False), ("1963-11", False)],
)
def test_relations_reported_by_month_year_or_undated_find_the_pairs_event(client, date, merges):
    """Relations happen once per pair: found by type and date, with no participant."""
    for text, on in [("Relations since 12/12/1963.", "1963-12-12"), (f"Ties ({date}).", date)]:
        put_document(
            text, events=(event("e0", "diplomatic_relations", on, ("KE", "NO"), primary=False),)
        )
    assert len(all_items(client, "/v1/events")) == (1 if merges else 2)


def assert_date_copies_agree() -> None:
    """Every copy of an event's date_key (on its countries, pairs and participants) is the
    event's own: lookups and lists read the copies."""
    with Session(get_engine()) as session:
        for table in ("eventcountry", "eventpair", "eventparticipant"):
            stale = session.execute(
                sql(
                    f"SELECT count(*) FROM {table} JOIN event ON event.id = {table}.event_id "
                    f"WHERE {table}.date_key != event.date_key"
                )
            ).scalar_one()
            assert stale == 0, table


@pytest.mark.parametrize(
    "date, joins",
    [("2022-05", True), ("2022", True), ("2022-06", False), ("2021", False)],
)
def test_a_report_dated_to_a_month_or_year_finds_the_event_of_a_day_within_it(client, date, joins):
    store_dated()  # a call on 2022-05-03
    put_document(
        f"Odhiambo and Hansen spoke by phone ({date}).",
        people=(ODHIAMBO, HANSEN),
        events=(event("e0", "phone_call", date, ("KE", "NO"), (ODHIAMBO.id, HANSEN.id)),),
    )
    events = all_items(client, "/v1/events")
    assert len(events) == (1 if joins else 2)


def test_a_report_dated_to_a_day_finds_the_event_of_its_month(client):
    put_document(
        "Odhiambo and Hansen spoke by phone in May 2022.",
        people=(ODHIAMBO, HANSEN),
        events=(event("e0", "phone_call", "2022-05", ("KE", "NO"), (ODHIAMBO.id, HANSEN.id)),),
    )
    store_dated()
    assert [e["date"] for e in all_items(client, "/v1/events")] == ["2022-05-03"]


def _known_views(conn) -> dict[int, EventView]:
    """Every stored event as `best_match` reads one, straight from the tables."""
    views = {
        event_id: EventView(type=kind, date=date, countries=frozenset(), participants=frozenset())
        for event_id, kind, date in conn.execute(sql("SELECT id, type, date FROM event"))
    }
    countries: dict[int, set[str]] = {event_id: set() for event_id in views}
    people: dict[int, set[int]] = {event_id: set() for event_id in views}
    for event_id, code in conn.execute(sql("SELECT event_id, country FROM eventcountry")):
        countries[event_id].add(code)
    for event_id, person_id in conn.execute(
        sql("SELECT event_id, person_id FROM eventparticipant")
    ):
        people[event_id].add(person_id)
    return {
        event_id: EventView(
            type=v.type,
            date=v.date,
            countries=frozenset(countries[event_id]),
            participants=frozenset(people[event_id]),
        )
        for event_id, v in views.items()
    }


def test_an_undated_report_finds_the_event_the_rules_choose_among_every_known_one(client):
    """The store counts shared people in SQL for an undated report: it picks what
    `best_match` picks from every stored event, ties and excluded events included."""
    rng = random.Random(7)
    names = [person(f"Person {n}", None) for n in range(5)]
    for n in range(40):
        who = rng.sample(names, rng.randint(1, 3))
        countries = tuple(rng.sample(["KE", "NO", "JP"], rng.randint(1, 3)))
        day = f"2021-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
        put_document(
            f"Report {n}.",
            people=tuple(who),
            events=(
                event(
                    "e0",
                    rng.choice(["meeting", "phone_call"]),
                    day,
                    countries,
                    tuple(p.id for p in who),
                ),
            ),
        )
    with get_engine().connect() as conn:
        known = _known_views(conn)
        ids = {name: pid for pid, name in conn.execute(sql("SELECT id, name FROM person"))}
        for _ in range(300):
            incoming = EventView(
                type=rng.choice(["meeting", "phone_call"]),
                date=None,
                countries=frozenset(rng.sample(["KE", "NO", "JP"], rng.randint(1, 3))),
                participants=frozenset(ids[p.id] for p in rng.sample(names, rng.randint(1, 3))),
            )
            exclude = set(rng.sample(sorted(known), rng.randint(0, 2)))
            expected = best_match(incoming, [(k, v) for k, v in known.items() if k not in exclude])
            found = store._match(conn, view=incoming, exclude=exclude)
            assert (found and found.event_id) == expected
            if found:
                assert found.countries == known[expected].countries
                assert found.dated[0] == known[expected].date
