"""The project's promises outside the code: README, CI, Dockerfile, lint."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from app.main import create_app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def shell_blocks(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", text, flags=re.S)


def test_readme_has_exactly_two_set_up_commands():
    setup = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = [block.strip() for block in shell_blocks(setup)]
    assert len(commands) == 2
    assert "readout serve --seed seed_data" in commands[0]
    assert commands[1].endswith("pytest")


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    setup = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    test_command = shell_blocks(setup)[1].strip()
    assert test_command in ci.splitlines()


def test_readme_tours_every_route_of_the_api():
    routes = {
        (method, route.path)
        for route in create_app().routes
        for method in getattr(route, "methods", set()) - {"HEAD", "OPTIONS"}
        if route.path.startswith(("/v1", "/healthz"))
    }
    tour = README.split("## A tour with curl", 1)[1].split("\n## ", 1)[0]
    for method, path in routes:
        pattern = re.escape(path).replace(r"\{", "{").replace(r"\}", "}")
        pattern = re.sub(r"\{[a-z_]+\}", r"\\d+", pattern) + r"(?:[?'\s]|$)"
        lines = [line for line in tour.splitlines() if re.search(pattern, line)]
        if method == "GET":
            assert any("-X" not in line for line in lines), f"GET {path} is not in the tour"
        else:
            joined = "\n".join(tour.splitlines())
            assert f"-X {method}" in joined and re.search(pattern, joined), f"{method} {path}"


def test_readme_documents_every_setting():
    from app.config import Settings

    for name in Settings.model_fields:
        assert f"READOUT_{name.upper()}" in README


def test_readme_justifies_every_dependency():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    names = list(project["dependencies"]) + pyproject["build-system"]["requires"]
    for extra in project["optional-dependencies"].values():
        names += extra
    table = README.split("## Dependencies", 1)[1]
    for requirement in names:
        name = re.split(r"[<>=\[ ]", requirement, maxsplit=1)[0]
        assert name in table, f"{name} is not justified in the README"


def test_dockerfile_copies_what_exists_and_runs_a_real_command():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    for line in dockerfile.splitlines():
        if line.startswith("COPY"):
            for source in line.split()[1:-1]:
                assert (ROOT / source).exists(), f"COPY {source}: no such path"
    (cmd,) = re.findall(r"^CMD (\[.*\])$", dockerfile, flags=re.M)
    program, *args = json.loads(cmd)
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    assert program in scripts
    assert "--seed" in args and (ROOT / args[args.index("--seed") + 1]).is_dir()


def test_seed_data_holds_texts_and_manifest_but_no_gold():
    names = {p.name for p in (ROOT / "seed_data").iterdir()}
    assert "manifest.csv" in names
    assert len([n for n in names if n.endswith(".txt")]) == 5
    assert not any(n.endswith(".json") or n == "gold" for n in names)


@pytest.mark.skipif(
    shutil.which("ruff") is None and not (Path(sys.executable).parent / "ruff").exists(),
    reason="ruff is installed with the dev extra",
)
def test_ruff_is_clean():
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    result = subprocess.run(
        [ruff, "check", "app", "tests", "migrations", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
