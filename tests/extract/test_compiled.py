"""The compiled stages, and the fall-back to their sources when a source is newer."""

from __future__ import annotations

import importlib
import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import app.extract
from app.extract import SourcesFirst, stale_sources

SUFFIX = EXTENSION_SUFFIXES[0]


def _write(path: Path, content: bytes, mtime: float) -> None:
    path.write_bytes(content)
    os.utime(path, (mtime, mtime))


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """The stages' folder of a checkout: `app/extract` under a root that holds setup.py."""
    (tmp_path / "setup.py").write_text("")
    folder = tmp_path / "app" / "extract"
    folder.mkdir(parents=True)
    return folder


def test_no_compiled_module_means_nothing_is_stale(checkout: Path) -> None:
    _write(checkout / "stage.py", b"", 2_000)
    assert stale_sources(checkout) == []


def test_a_source_newer_than_the_oldest_compiled_module_is_stale(checkout: Path) -> None:
    _write(checkout / "one.py", b"", 1_000)
    _write(checkout / "two.py", b"", 1_500)
    _write(checkout / f"one{SUFFIX}", b"", 2_000)
    _write(checkout / f"two{SUFFIX}", b"", 1_400)  # a module left from an older build
    assert stale_sources(checkout) == ["two.py"]
    _write(checkout / "one.py", b"", 3_000)
    assert stale_sources(checkout) == ["one.py", "two.py"]


def test_an_installed_copy_is_never_stale(checkout: Path) -> None:
    # pip writes an installed package's files in no order: a source may be newer there
    _write(checkout / "one.py", b"", 3_000)
    _write(checkout / f"one{SUFFIX}", b"", 2_000)
    assert stale_sources(checkout) == ["one.py"]
    (checkout.parent.parent / "setup.py").unlink()  # site-packages/app/extract: no setup.py
    assert stale_sources(checkout) == []


@pytest.fixture
def package_with_a_broken_compiled_module(tmp_path: Path):
    """`pkg.stage` as a source and as a compiled file the default finder prefers, one that
    cannot load: which of the two an import reads is then plain."""
    folder = tmp_path / "pkg_sources_first"
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    (folder / "stage.py").write_text("FROM = 'source'\n")
    (folder / f"stage{SUFFIX}").write_bytes(b"not a shared library")
    sys.path.insert(0, str(tmp_path))
    yield folder
    sys.path.remove(str(tmp_path))
    for name in ("pkg_sources_first", "pkg_sources_first.stage"):
        sys.modules.pop(name, None)


def test_sources_first_imports_the_source_over_the_compiled_module(
    package_with_a_broken_compiled_module: Path,
) -> None:
    with pytest.raises(ImportError):
        importlib.import_module("pkg_sources_first.stage")
    finder = SourcesFirst("pkg_sources_first", package_with_a_broken_compiled_module)
    sys.meta_path.insert(0, finder)
    try:
        assert importlib.import_module("pkg_sources_first.stage").FROM == "source"
    finally:
        sys.meta_path.remove(finder)


def test_sources_first_leaves_other_packages_and_subpackages_alone(tmp_path: Path) -> None:
    finder = SourcesFirst("pkg", tmp_path)
    (tmp_path / "lexicon").mkdir()  # a data folder, not a module
    assert finder.find_spec("other.stage") is None
    assert finder.find_spec("pkg.lexicon") is None
    assert finder.find_spec("pkg.missing") is None


def test_the_stages_run_compiled_exactly_when_an_up_to_date_build_is_there() -> None:
    folder = Path(app.extract.__file__).parent
    built = any(folder.glob(f"*{SUFFIX}"))
    assert app.extract.compiled() == (built and not stale_sources(folder))
