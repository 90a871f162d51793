"""Generated TypeScript types from /openapi.json type-check a small client (openapi-typescript, tsc)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from app.main import create_app

CLIENTS = Path(__file__).resolve().parent / "clients"
BIN = CLIENTS / "node_modules" / ".bin"

pytestmark = pytest.mark.skipif(
    not (BIN / "tsc").exists() or shutil.which("node") is None,
    reason="run `npm ci --prefix tests/clients` (CI does) to install openapi-typescript and tsc",
)


def typecheck(folder: Path, client_source: str) -> subprocess.CompletedProcess:
    (folder / "openapi.json").write_text(json.dumps(create_app().openapi()), encoding="utf-8")
    generated = subprocess.run(
        [str(BIN / "openapi-typescript"), "openapi.json", "-o", "schema.d.ts"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert generated.returncode == 0, generated.stderr
    shutil.copy(CLIENTS / "tsconfig.json", folder / "tsconfig.json")
    (folder / "client.ts").write_text(client_source, encoding="utf-8")
    return subprocess.run(
        [str(BIN / "tsc"), "-p", "tsconfig.json"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_the_client_type_checks_against_generated_types(tmp_path):
    result = typecheck(tmp_path, (CLIENTS / "client.ts").read_text(encoding="utf-8"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_field_the_api_does_not_have_fails_the_check(tmp_path):
    wrong = (
        (CLIENTS / "client.ts")
        .read_text(encoding="utf-8")
        .replace("event.countries.join", "event.nations.join")
    )
    result = typecheck(tmp_path, wrong)
    assert result.returncode != 0
    assert "nations" in result.stdout
