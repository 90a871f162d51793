"""Build step: compile the extraction stages to C with mypyc; everything else is pyproject.toml.

mypyc compiles the stages' own type-annotated Python, unchanged, into C extension modules
beside their sources; they extract the same records about 1.5x faster (BENCHMARKS.md).
With READOUT_PURE_PYTHON=1, or where no C compiler builds them, the stages run as plain
Python; `app/extract/__init__.py` also falls back to the sources when one was edited after
the build.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import Extension, setup

STAGES = sorted(
    str(path) for path in Path("app/extract").glob("*.py") if path.name != "__init__.py"
)

# the commands that build modules (pip runs setup.py for metadata too, with others)
BUILDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "develop", "install"}


def compiled_stages() -> list[Extension]:
    """The stages as C extensions; none when compiling is turned off or mypyc refuses them
    (a type error it finds, as a newer mypy may): then they install as plain Python."""
    if os.environ.get("READOUT_PURE_PYTHON") == "1" or not BUILDS.intersection(sys.argv):
        return []  # turned off, or pip asks for metadata only: nothing to compile
    from mypyc.build import mypycify

    try:
        extensions = mypycify(STAGES, opt_level="3", group_name="app.extract._compiled")
    except (Exception, SystemExit) as error:  # mypy reports its errors by SystemExit
        print(f"setup.py: the extraction stages stay plain Python ({error!r})", file=sys.stderr)
        return []
    for extension in extensions:
        extension.optional = True  # no C compiler: the stages stay plain Python
    return extensions


# force: every build relinks every module, even one whose C did not change, so that
# `app.extract.stale_sources` may compare each source with the oldest compiled module
setup(ext_modules=compiled_stages(), options={"build_ext": {"force": True}})
