"""The ingestion pipeline: plain stages in order (pipeline.py).

`pip install` compiles the stages to C with mypyc (setup.py) and puts the compiled modules
beside their sources, where Python imports them first. In a checkout installed in editable
mode, a source edited after that build would be shadowed by its old compiled code: the
stages then load from their sources, and a warning says how to build them again.
"""

from __future__ import annotations

import importlib.util
import sys
import warnings
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from pathlib import Path


def stale_sources(folder: Path) -> list[str]:
    """Sources in `folder` edited after its compiled modules were built. None where there is
    no build, or outside a checkout (whose root, two levels up, holds setup.py): pip writes
    an installed copy's files together, in no order, so their times say nothing there. A
    build recompiles every module, so each source is compared with the oldest of them."""
    if not (folder.parent.parent / "setup.py").is_file():
        return []
    built = [p.stat().st_mtime for s in EXTENSION_SUFFIXES for p in folder.glob(f"*{s}")]
    if not built:
        return []
    oldest = min(built)
    return sorted(p.name for p in folder.glob("*.py") if p.stat().st_mtime > oldest)


class SourcesFirst:
    """A meta path finder that imports a package's modules from their .py files, ahead of
    the compiled modules of the same name that the default finder prefers."""

    def __init__(self, package: str, folder: Path) -> None:
        self.package, self.folder = package, folder

    def find_spec(self, name: str, path: object = None, target: object = None) -> ModuleSpec | None:
        package, _, module = name.rpartition(".")
        source = self.folder / f"{module}.py"
        if package != self.package or not source.is_file():
            return None
        return importlib.util.spec_from_file_location(name, source)


def compiled() -> bool:
    """Whether the stages run compiled (False: as plain Python)."""
    from app.extract import actors

    return not actors.__file__.endswith(".py")


_stale = stale_sources(Path(__file__).parent)
if _stale:
    sys.meta_path.insert(0, SourcesFirst(__name__, Path(__file__).parent))
    warnings.warn(
        f"app/extract: {', '.join(_stale)} changed after the stages were compiled; they run "
        "as plain Python (slower) until `pip install -e .` compiles them again",
        RuntimeWarning,
        stacklevel=2,
    )
