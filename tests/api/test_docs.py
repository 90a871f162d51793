"""API docs that work offline, and an OpenAPI schema that generates good clients."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_load_only_local_assets(client, page):
    html = client.get(page).text
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets, "the page loads its scripts"
    assert all(a.startswith("/") for a in assets), assets
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    assert "https://" not in html and "http://" not in html


def test_every_operation_has_an_id_a_summary_tags_and_its_errors(client):
    schema = client.get("/openapi.json").json()
    ids = []
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            ids.append(operation["operationId"])
            assert re.fullmatch(r"[a-z][A-Za-z]+", operation["operationId"]), operation[
                "operationId"
            ]
            assert operation.get("description") or operation.get("summary"), (method, path)
            assert operation.get("tags"), (method, path)
            errors = [code for code in operation["responses"] if code.startswith(("4", "5"))]
            if operation.get("parameters") or "requestBody" in operation:
                assert errors, f"{method} {path} documents no error response"
            for parameter in operation.get("parameters", []):
                assert parameter.get("description"), (path, parameter["name"])
                assert _has_example(parameter), (path, parameter["name"])
    assert len(ids) == len(set(ids))
    assert {"listEvents", "getEvent", "listStatements", "createDocument", "getStats"} <= set(ids)


def _has_example(parameter: dict) -> bool:
    schema = parameter.get("schema", {})
    choices = [schema, *schema.get("anyOf", [])]
    return bool(
        parameter.get("example") is not None
        or parameter.get("examples")
        or any(c.get("examples") or c.get("enum") for c in choices)
    )


def test_the_records_clients_read_have_examples(client):
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    for name in (
        "EventPublic",
        "StatementPublic",
        "PersonPublic",
        "TopicPublic",
        "SpeakerPublic",
        "Problem",
    ):
        assert schemas[name].get("examples"), name
