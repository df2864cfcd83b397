"""The Whoosh index: schema, documents from the database, rebuild (atomic swap) and the change log.

Each host keeps its own index directory and remembers, in ``state.json`` inside it, the id of the
last ``IndexChange`` row it applied; applying is idempotent because every change re-reads the
disclosure from the database (the truth) and either (re)indexes it or removes it.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
import threading
import time
import uuid
from pathlib import Path

from flask import current_app
from sqlalchemy import func, select
from whoosh import index as whoosh_index

from public_docs.search.bulk import BulkBuilder
from public_docs.search.documents import document_fields, published_sources, source_of
from public_docs.search.schema import (  # noqa: F401  (re-exported: the index's public names)
    FIELD_BOOSTS,
    NUMBER_RE,
    SCHEMA_VERSION,
    STATE_FILE,
    looks_like_number,
    make_schema,
    notify_change,
    number_key,
    read_state,
    write_state,
)
from public_docs.search.whoosh_access import lean_codec, open_writer  # noqa: F401  (lean_codec: re-exported)

_thread_lock = threading.RLock()


# --- configuration and state ----------------------------------------------------------------


def index_dir(path: str | os.PathLike | None = None) -> Path:
    if path is not None:
        return Path(path)
    return Path(current_app.config["SEARCH_INDEX_DIR"])


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


def document_for(disclosure) -> dict:
    """The fields indexed for one published disclosure (no personal data: only public text)."""
    return document_fields(source_of(disclosure))


def _is_searchable(disclosure) -> bool:
    from public_docs.disclosures.models import DisclosureStatus

    return disclosure is not None and disclosure.status == DisclosureStatus.published


# --- rebuild and incremental changes --------------------------------------------------------


def _max_change_id(session) -> int:
    from public_docs.disclosures.models import IndexChange

    return session.scalar(select(func.coalesce(func.max(IndexChange.id), 0))) or 0


def build_into(path: Path, session, batch: int = 1000) -> int:
    """Create a fresh index in ``path`` from the database; returns the number of documents."""
    path.mkdir(parents=True, exist_ok=True)
    last_change = _max_change_id(session)  # read first: later changes are applied afterwards
    ix = whoosh_index.create_in(str(path), make_schema())
    builder = BulkBuilder(ix)
    try:
        for source in published_sources(session, batch):
            builder.add(source)
        count = builder.finish()
    except BaseException:
        builder.abandon()
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
    notify_change()
    # Changes committed while we were building are applied now.
    apply_pending_changes(path, session)
    return count


GAP_SECONDS = 120  # how long an id missing below the last applied one is looked for again
MAX_GAPS = 1000


def apply_pending_changes(path: Path | None = None, session=None, limit: int = 2000) -> int:
    """Apply ``IndexChange`` rows after the last one applied to this directory. Returns how many.

    Ids are handed out when a row is inserted, not when it commits: on PostgreSQL a transaction
    holding id 10 may commit after another one's id 11 was applied. An id skipped that way is kept
    in ``state.json`` (``gaps``) and looked for again at each call for ``GAP_SECONDS`` (a rolled-back
    transaction's id never comes)."""
    from portal.extensions import db
    from public_docs.disclosures.models import IndexChange

    path = index_dir(path)
    session = session or db.session
    applied = 0
    with writer_lock(path):
        state = read_state(path)
        if state is None or not path.exists():
            return 0
        now = time.time()
        gaps = {int(k): t for k, t in (state.get("gaps") or {}).items() if now - t < GAP_SECONDS}
        if gaps:
            late = session.execute(
                select(IndexChange.id, IndexChange.doc_id).where(IndexChange.id.in_(sorted(gaps)))
            ).all()
            if late:
                _apply_docs(path, session, {r.doc_id for r in late})
                applied += len(late)
                for r in late:
                    gaps.pop(r.id, None)
        if gaps != {int(k): t for k, t in (state.get("gaps") or {}).items()}:
            state["gaps"] = {str(k): t for k, t in gaps.items()}
            write_state(path, state)
        while True:
            rows = session.execute(
                select(IndexChange.id, IndexChange.doc_id)
                .where(IndexChange.id > state["last_change_id"], IndexChange.doc_type == "disclosure")
                .order_by(IndexChange.id).limit(limit)
            ).all()
            if not rows:
                break
            _apply_docs(path, session, {r.doc_id for r in rows})
            missing = set(range(state["last_change_id"] + 1, rows[-1].id)) - {r.id for r in rows}
            if len(gaps) + len(missing) <= MAX_GAPS:
                gaps.update(dict.fromkeys(missing, now))
            state["gaps"] = {str(k): t for k, t in gaps.items()}
            state["last_change_id"] = rows[-1].id
            write_state(path, state)
            applied += len(rows)
            if len(rows) < limit:
                break
    if applied:
        notify_change()
    return applied


def _apply_docs(path: Path, session, doc_ids: set[int]) -> None:
    """(Re)index or remove each disclosure as the database has it now, in one Whoosh commit."""
    from public_docs.disclosures.models import Disclosure

    ix = whoosh_index.open_dir(str(path))
    writer = open_writer(ix, timeout=30)
    try:
        for doc_id in sorted(doc_ids):
            disclosure = session.get(Disclosure, doc_id, populate_existing=True)
            if _is_searchable(disclosure):
                writer.update_document(**document_for(disclosure))
            else:
                writer.delete_by_term("id", str(doc_id))
        writer.commit()
    except BaseException:
        writer.cancel()
        raise


def has_gaps(path: Path) -> bool:
    """Ids skipped by :func:`apply_pending_changes` that may still commit."""
    state = read_state(path) or {}
    now = time.time()
    return any(now - t < GAP_SECONDS for t in (state.get("gaps") or {}).values())


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
