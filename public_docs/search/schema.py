"""What an index directory holds, shared by the builder (``index.py``) and the scorer
(``engine.py``) without either importing the other: the schema and its version, the field weights,
document-number keys, ``state.json``, and the "the index changed" notification.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

from whoosh.fields import ID, KEYWORD, STORED, Schema

from public_docs.search.analysis import FoldedText, MarkedText, fold

SCHEMA_VERSION = 6  # 5: i/y spelling variants unified in the folded fields; 6: budget kind and year
STATE_FILE = "state.json"

# Field weights used by the scorer (engine.py); kept here next to the schema they describe.
FIELD_BOOSTS = {"title_x": 3.0, "title_f": 3.0, "num": 2.5, "text_x": 1.0, "text_f": 1.0}
NUMBER_RE = re.compile(r"^\d+[\w.]*(?:/[\w.\-]+)+$|^\d+[\w.]*-[a-z][\w.\-/]*$")


def number_key(value: str | None) -> str:
    """Case/diacritic/space-insensitive form of a document number: ``79/KH-UBND`` → ``79/kh-ubnd``."""
    return re.sub(r"\s+", "", fold(value or ""))


def looks_like_number(value: str) -> bool:
    key = number_key(value)
    return bool(key) and len(key) <= 64 and bool(NUMBER_RE.match(key))


def make_schema() -> Schema:
    return Schema(
        id=ID(unique=True, stored=True),
        number=ID(),  # number_key(number): exact document-number match
        num=FoldedText(),  # number split into words: 79, kh, ubnd
        title_x=MarkedText(),  # exact words that carry diacritics
        title_f=FoldedText(),
        text_x=MarkedText(),  # summary + body + attachment text
        text_f=FoldedText(),
        category=ID(), form=ID(), issuer=ID(), year=ID(), status=ID(),
        budget_kind=ID(), budget_year=ID(),  # a budget document's kind and fiscal year ("-": none)
        groups=KEYWORD(commas=True),
        # (doc_id, category, year, form, issuer, groups, status, date_ordinal, title_len, text_len, num_len,
        #  budget_kind, budget_year)
        meta=STORED(),
    )


def read_state(path: Path) -> dict | None:
    try:
        return json.loads((path / STATE_FILE).read_text())
    except (OSError, ValueError):
        return None


def write_state(path: Path, state: dict) -> None:
    tmp = path / (STATE_FILE + ".tmp")
    tmp.write_text(json.dumps(state))
    os.replace(tmp, path / STATE_FILE)


_listeners: list[Callable[[], None]] = []


def on_change(callback: Callable[[], None]) -> Callable[[], None]:
    """Call ``callback()`` whenever this process changed an index (the engine's "check again")."""
    if callback not in _listeners:
        _listeners.append(callback)
    return callback


def notify_change() -> None:
    for callback in list(_listeners):
        callback()
