"""The Whoosh index: schema, documents from the database, rebuild (atomic swap) and the change log.

Each host keeps its own index directory and remembers, in ``state.json`` inside it, the id of the
last ``IndexChange`` row it applied; applying is idempotent because every change re-reads the
disclosure from the database (the truth) and either (re)indexes it or removes it.
"""
from __future__ import annotations

import contextlib
import fcntl
import html
import json
import os
import re
import shutil
import tempfile
import threading
import uuid
from pathlib import Path

from flask import current_app
from sqlalchemy import func, select
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import ID, KEYWORD, STORED, Schema

from portal.ward import local_date
from public_docs.search.analysis import FoldedText, MarkedText, count_words, fold, folded_counts, marked_counts

SCHEMA_VERSION = 5  # 5: i/y spelling variants unified in the folded fields
STATE_FILE = "state.json"
_thread_lock = threading.RLock()

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
        groups=KEYWORD(commas=True),
        # (doc_id, category, year, form, issuer, groups, status, date_ordinal, title_len, text_len, num_len)
        meta=STORED(),
    )


# --- configuration and state ----------------------------------------------------------------


def index_dir(path: str | os.PathLike | None = None) -> Path:
    if path is not None:
        return Path(path)
    return Path(current_app.config["SEARCH_INDEX_DIR"])


def read_state(path: Path) -> dict | None:
    try:
        return json.loads((path / STATE_FILE).read_text())
    except (OSError, ValueError):
        return None


def write_state(path: Path, state: dict) -> None:
    tmp = path / (STATE_FILE + ".tmp")
    tmp.write_text(json.dumps(state))
    os.replace(tmp, path / STATE_FILE)


@contextlib.contextmanager
def writer_lock(path: Path):
    """One writer at a time on this host: threads (RLock) and processes (flock next to the dir)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with _thread_lock:
        with open(str(path) + ".lock", "a+") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)


@contextlib.contextmanager
def build_lock(path: Path):
    """One full build at a time on this host (threads and processes); separate from the writer
    lock, which a build takes only to swap its directory in."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(str(path) + ".rebuild.lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def is_usable(path: Path) -> bool:
    state = read_state(path)
    if not state or state.get("schema") != SCHEMA_VERSION:
        return False
    try:
        ix = whoosh_index.open_dir(str(path))
        with ix.searcher() as searcher:
            searcher.doc_count_all()
        return True
    except Exception:  # noqa: BLE001  (any damage means "rebuild")
        return False


# --- documents ------------------------------------------------------------------------------


def _searchable_query():
    from public_docs.disclosures.models import Disclosure, DisclosureStatus

    return select(Disclosure).where(Disclosure.status == DisclosureStatus.published)


def _tag_free(html_text: str) -> str:
    return html.unescape(TAG_RE.sub(" ", html_text or ""))


TAG_RE = re.compile(r"<[^>]*>")


def searchable_text(disclosure, attachments: bool = True) -> str:
    """The searched text besides the title: summary, body (tags removed), attachment text."""
    parts = [disclosure.summary or "", _tag_free(disclosure.body_html or disclosure.body_source or "")]
    if attachments:
        parts.extend(a.text for a in disclosure.attachments if a.text and getattr(a, "removed_at", None) is None)
    return "\n".join(p for p in parts if p)


def document_for(disclosure) -> dict:
    """The fields indexed for one published disclosure (no personal data: only public text)."""
    title = count_words(disclosure.title or "")
    text = count_words(searchable_text(disclosure))
    number = disclosure.number or ""
    num = count_words(number)
    date = disclosure.issued_on or (local_date(disclosure.published_at) if disclosure.published_at else None)
    year = str(date.year) if date else ""
    groups = tuple(sorted(g.code for g in disclosure.groups))
    status = disclosure.status.value if hasattr(disclosure.status, "value") else str(disclosure.status)
    meta = (disclosure.id, disclosure.category or "", year, disclosure.form or "", disclosure.issuer or "",
            groups, status, date.toordinal() if date else 0,
            sum(title.values()), sum(text.values()), sum(num.values()))
    return dict(
        id=str(disclosure.id), number=number_key(number) or "-", num=dict(folded_counts(num)),
        title_x=dict(marked_counts(title)), title_f=dict(folded_counts(title)),
        text_x=dict(marked_counts(text)), text_f=dict(folded_counts(text)),
        category=meta[1] or "-", form=meta[3] or "-", issuer=meta[4] or "-", year=year or "-",
        status=status, groups=",".join(groups), meta=meta,
    )


def _is_searchable(disclosure) -> bool:
    from public_docs.disclosures.models import DisclosureStatus

    return disclosure is not None and disclosure.status == DisclosureStatus.published


# --- rebuild and incremental changes --------------------------------------------------------


def lean_codec() -> W3Codec:
    """Whoosh's default codec without per-document field lengths.

    No field is ``scorable`` (the engine keeps lengths in ``meta``), so there is no length column,
    yet with ``length_stats`` on Whoosh asks for one for every posting it writes, and each ask is a
    ``stat()`` of the missing column file: about two thirds of the time of writing a segment. The
    segment pickles this codec instance, a plain ``W3Codec``, so readers need nothing special."""
    codec = W3Codec()
    codec.length_stats = False
    return codec


def open_writer(ix, **kwargs):
    return ix.writer(codec=lean_codec(), **kwargs)


def _max_change_id(session) -> int:
    from public_docs.disclosures.models import IndexChange

    return session.scalar(select(func.coalesce(func.max(IndexChange.id), 0))) or 0


def build_into(path: Path, session, batch: int = 500, limitmb: int = 256) -> int:
    """Create a fresh index in ``path`` from the database; returns the number of documents."""
    path.mkdir(parents=True, exist_ok=True)
    last_change = _max_change_id(session)  # read first: later changes are applied afterwards
    ix = whoosh_index.create_in(str(path), make_schema())
    writer = open_writer(ix, limitmb=limitmb)
    count = 0
    try:
        for disclosure in session.scalars(_searchable_query().execution_options(yield_per=batch)):
            writer.add_document(**document_for(disclosure))
            count += 1
        writer.commit(optimize=True)
    except BaseException:
        writer.cancel()
        raise
    write_state(path, {"schema": SCHEMA_VERSION, "build": uuid.uuid4().hex, "last_change_id": last_change})
    return count


def rebuild(path: Path | None = None, session=None) -> int:
    """Rebuild from the database in a temporary directory, then swap it in place."""
    from portal.extensions import db

    path = index_dir(path)
    session = session or db.session
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=path.name + ".build-", dir=path.parent))
    try:
        count = build_into(tmp, session)
        with writer_lock(path):
            old = None
            if path.exists():
                old = path.with_name(f"{path.name}.old-{uuid.uuid4().hex[:8]}")
                os.rename(path, old)
            os.rename(tmp, path)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    _signal_change()
    # Changes committed while we were building are applied now.
    apply_pending_changes(path, session)
    return count


def apply_pending_changes(path: Path | None = None, session=None, limit: int = 2000) -> int:
    """Apply ``IndexChange`` rows after the last one applied to this directory. Returns how many."""
    from portal.extensions import db
    from public_docs.disclosures.models import Disclosure, IndexChange

    path = index_dir(path)
    session = session or db.session
    applied = 0
    with writer_lock(path):
        state = read_state(path)
        if state is None or not path.exists():
            return 0
        while True:
            rows = session.execute(
                select(IndexChange.id, IndexChange.doc_id)
                .where(IndexChange.id > state["last_change_id"], IndexChange.doc_type == "disclosure")
                .order_by(IndexChange.id).limit(limit)
            ).all()
            if not rows:
                break
            doc_ids = sorted({r.doc_id for r in rows})
            ix = whoosh_index.open_dir(str(path))
            writer = open_writer(ix, timeout=30)
            try:
                for doc_id in doc_ids:
                    disclosure = session.get(Disclosure, doc_id, populate_existing=True)
                    if _is_searchable(disclosure):
                        writer.update_document(**document_for(disclosure))
                    else:
                        writer.delete_by_term("id", str(doc_id))
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            state["last_change_id"] = rows[-1].id
            write_state(path, state)
            applied += len(rows)
            if len(rows) < limit:
                break
    if applied:
        _signal_change()
    return applied


def pending_count(path: Path | None = None, session=None) -> int:
    from portal.extensions import db
    from public_docs.disclosures.models import IndexChange

    path = index_dir(path)
    state = read_state(path)
    if state is None:
        return 0
    session = session or db.session
    return session.scalar(
        select(func.count()).select_from(IndexChange).where(IndexChange.id > state["last_change_id"])
    ) or 0


def _signal_change() -> None:
    """Tell this process's warm searcher to check the index again on the next query."""
    from public_docs.search import engine

    engine.invalidate()
