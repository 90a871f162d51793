"""GET /v1/stats/{dimension}: counts for charts, with the event filters."""

from __future__ import annotations

import pytest

from tests.api import world
from tests.conftest import assert_problem


@pytest.fixture
def docs(client):
    return world.build()


def table(client, dimension, **params) -> dict:
    answer = client.get(f"/v1/stats/{dimension}", params=params)
    assert answer.status_code == 200, answer.text
    assert answer.json()["dimension"] == dimension
    return {row["key"]: (row["events"], row["statements"]) for row in answer.json()["items"]}


def test_by_year_in_order_with_undated_last(client, docs):
    answer = client.get("/v1/stats/year").json()["items"]
    assert [row["key"] for row in answer] == ["2019", "2021", "2022", None]
    assert table(client, "year")["2021"] == (2, 2)


@pytest.mark.parametrize(
    "dimension, params, expected",
    [
        (
            "type",
            {},
            {"meeting": (2, 2), "video_call": (1, 2), "phone_call": (1, 1), "message": (1, 1)},
        ),
        ("country", {"year": 2021}, {"NO": (2, 2), "BR": (1, 1), "KE": (1, 1)}),
        (
            "pair",
            {},
            {"JP-KE": (1, 2), "BR-NO": (1, 1), "KE-NO": (1, 1), "BR-JP": (1, 1), "BR-KE": (1, 1)},
        ),
        (
            "topic",
            {"country": "KE"},
            {"trade": (2, 2), "investment": (1, 1), "climate-change": (1, 1), "security": (1, 1)},
        ),
        ("speaker", {"pair": "KE-BR"}, {"Carlos Mendes": (1, 1)}),
    ],
)
def test_counts(client, docs, dimension, params, expected):
    assert table(client, dimension, **params) == expected


def test_unknown_dimension_names_the_allowed_ones(client):
    assert_problem(client.get("/v1/stats/colour"), 422, detail_contains="speaker")
