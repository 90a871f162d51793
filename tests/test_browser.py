"""Headless Chromium (Debian's package) drives the API docs and the explorer page."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import server as server_process

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[dev]'")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="apt-get install chromium (CI does)")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    """The real service, seeded with seed_data/, on a free port."""
    folder = tmp_path_factory.mktemp("browser")
    env = {**os.environ, "READOUT_DATABASE_URL": f"sqlite:///{folder / 'browser.db'}"}
    subprocess.run(
        [sys.executable, "-m", "app.cli", "ingest", str(ROOT / "seed_data")],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    process, base = server_process.start(env)
    yield base
    server_process.stop(process)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def test_docs_render_the_operations_offline(server, browser):
    page = browser.new_page()
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock", timeout=20_000)
    rendered = page.inner_text("body")
    assert "/v1/events" in rendered and "/v1/statements" in rendered
    assert outside == []
    page.close()


def test_explorer_filters_and_opens_a_statement_in_its_source(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=20_000)
    page.fill("input[name=pair]", "BE-CN")
    page.fill("input[name=from]", "2023")
    page.click("button[type=submit]")
    query = "/v1/events?pair=BE-CN&date_from=2023-01-01&limit=500"
    expected = json.load(urllib.request.urlopen(server + query))["items"]
    assert expected
    page.wait_for_function(
        "n => document.querySelectorAll('#events > li').length === n", arg=len(expected)
    )
    heads = page.locator(".event-head")
    dates = [text.split(" ")[0] for text in heads.all_inner_texts()]
    assert dates == [e["date"] or "undated" for e in expected]
    assert page.locator("#timeline rect").count() >= 1
    heads.first.click()
    statement = page.locator(".statement").first
    statement.wait_for()
    statement.click()
    page.wait_for_selector("#highlight")
    highlighted = page.inner_text("#highlight")
    assert highlighted and highlighted in statement.inner_text()
    assert page.locator("#source-text script").count() == 0
    (ROOT / "docs").mkdir(exist_ok=True)
    page.screenshot(path=str(ROOT / "docs" / "explorer.png"), full_page=True)
    page.close()
