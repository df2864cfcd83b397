"""Demo decision matters (filled in below)."""
from __future__ import annotations


def load_demo_decisions() -> None:
    return None
