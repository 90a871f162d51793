"""Start the real service (`uvicorn app.main:app`) in a process of its own, for tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start(env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    """A server on a free port with `env` added to ours; waits until /healthz answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(port)],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        if process.poll() is not None:
            raise RuntimeError("the server exited while starting")
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            return process, base
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("the server did not answer /healthz")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=20)
