"""Paths, logging, free ports, percentiles and the closing ``RESULT`` line."""
from __future__ import annotations

import math
import os
import shutil
import socket
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
BIN = REPO / ".venv" / "bin"
PYTHON = str(BIN / "python") if (BIN / "python").exists() else sys.executable
GUNICORN = str(BIN / "gunicorn") if (BIN / "gunicorn").exists() else shutil.which("gunicorn") or "gunicorn"
HOST = "127.0.0.1"
if str(REPO) not in sys.path:  # the app's packages, whatever the current directory
    sys.path.insert(1, str(REPO))


def log(*parts) -> None:
    print(*parts, flush=True)


_HANDED_OUT: set[int] = set()


def free_port() -> int:
    """A port nobody listens on, never the same one twice in this process (two servers created
    before either binds must not get the same port: the second would fail to bind while the
    first answered its health check)."""
    while True:
        with socket.socket() as s:
            s.bind((HOST, 0))
            port = s.getsockname()[1]
        if port not in _HANDED_OUT:
            _HANDED_OUT.add(port)
            return port


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of ``values``; 0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def result_line(**figures) -> str:
    """The closing line; the machine's 1-minute load average is added (shared machines skew figures)."""
    figures.setdefault("loadavg", round(os.getloadavg()[0], 2))
    parts = []
    for key, value in figures.items():
        if isinstance(value, float):
            value = f"{value:.3f}".rstrip("0").rstrip(".") if value else "0"
        parts.append(f"{key}={str(value).replace(' ', '_')}")
    return "RESULT " + " ".join(parts)
