"""Dân biết: what the ward discloses, its attachments and the search index."""
from __future__ import annotations


def register(app) -> None:
    """Register the public_docs blueprints, CLI commands and hooks on ``app``."""
    from public_docs import models  # noqa: F401  (tables known to the metadata)
