"""Schemathesis against the app's own OpenAPI: no server error, every answer as documented."""

from __future__ import annotations

import pytest

from app.main import create_app
from tests.conftest import AUTH

schemathesis = pytest.importorskip("schemathesis", reason="pip install -e '.[dev]'")
hypothesis = pytest.importorskip("hypothesis")

# Country and speaker filters take free text that the service then resolves (an
# unknown country is a 422 naming what is allowed): a schema-valid string may be
# refused, so that one check is left out. Server errors, status codes, content
# types, headers and response bodies are all checked against the schema.
LENIENT = pytest.importorskip("schemathesis.specs.openapi.checks").positive_data_acceptance
CASES_PER_OPERATION = 110  # eleven operations (one takes no input): over 1,000 cases
OPERATIONS = sorted(
    (method.upper(), path)
    for path, methods in create_app().openapi()["paths"].items()
    for method in methods
)


def test_enough_operations_for_a_thousand_cases():
    assert len(OPERATIONS) * CASES_PER_OPERATION >= 1000


@pytest.mark.parametrize("method, path", OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_every_operation_answers_as_documented(client, method, path):
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    operation = schema[path][method]
    calls = []

    @hypothesis.given(case=operation.as_strategy())
    @hypothesis.settings(
        max_examples=CASES_PER_OPERATION,
        deadline=None,
        database=None,
        derandomize=True,  # the same cases every run: CI stays reproducible
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    def run(case):
        calls.append(case)
        case.call_and_validate(headers=AUTH, excluded_checks=[LENIENT])

    run()
    assert calls
    CALLS[f"{method} {path}"] = len(calls)


CALLS: dict[str, int] = {}


def test_over_a_thousand_cases_ran(request):
    """Runs last in this module: the generated cases of every operation, counted."""
    if len(CALLS) < len(OPERATIONS):
        pytest.skip("run the whole module to count the cases")
    assert sum(CALLS.values()) >= 1000, CALLS
    print(f"schemathesis: {sum(CALLS.values())} cases over {len(CALLS)} operations: {CALLS}")
