"""Every host applies the index-change log by itself, whoever committed the change.

Each served process starts one watcher thread at its first request (never in ``flask …``
commands; under ``TESTING`` only when ``SEARCH_WATCH_SECONDS`` is set for the test). Of the
processes sharing an index directory, the one holding ``<index>.watch.lock`` (an ``flock``: freed
when that process dies, then another takes over) does the work; the others only reopen their
searchers when the directory changes (``warm.get_state`` checks it on every search).

The holder's first step catches up (``sync()``: builds a missing or damaged index unless
``SEARCH_AUTO_REBUILD`` is off, else applies whatever was committed while the host was down).
Then it waits: on PostgreSQL for a ``NOTIFY portal_index`` (sent in the transaction that writes
``IndexChange`` rows, so it arrives at commit) or ``SEARCH_WATCH_SECONDS`` at most, on SQLite
``SEARCH_WATCH_SECONDS``; and compares ``max(IndexChange.id)`` with what the index has applied,
applying the difference. A change is thus searchable on every host within about
``SEARCH_WATCH_SECONDS`` (default 1; 0 turns the watcher off), at once on PostgreSQL. The host
that made the change still applies it right after the response (``hooks``); the writer lock
makes the two idempotent.
"""
from __future__ import annotations

import fcntl
import logging
import os
import threading
from pathlib import Path

from flask import Flask
from sqlalchemy import event, text

log = logging.getLogger(__name__)
CHANNEL = "portal_index"
_INFO_KEY = "search_index_notify"


# --- the notification, sent in the transaction that writes IndexChange rows --------------------


def _after_insert(_mapper, _connection, target) -> None:
    from sqlalchemy.orm import object_session

    session = object_session(target)
    if session is not None:
        session.info[_INFO_KEY] = True


def _before_commit(session) -> None:
    session.flush()  # IndexChange rows still pending are written (and noted) now
    if session.info.pop(_INFO_KEY, False):
        conn = session.connection()
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_notify(:channel, '')"), {"channel": CHANNEL})


def _after_rollback(session, _previous) -> None:
    session.info.pop(_INFO_KEY, None)


_listening = False


def listen() -> None:
    global _listening
    if _listening:
        return
    from sqlalchemy.orm import Session

    from public_docs.disclosures.models import IndexChange

    event.listen(IndexChange, "after_insert", _after_insert)
    event.listen(Session, "before_commit", _before_commit)
    event.listen(Session, "after_soft_rollback", _after_rollback)
    _listening = True


# --- the watcher -----------------------------------------------------------------------------


class Watcher:
    """One per process and app. :meth:`step` is one check (tests call it directly)."""

    def __init__(self, app: Flask, interval: float):
        self.app = app
        self.interval = interval
        self.path = Path(app.config["SEARCH_INDEX_DIR"])
        self.caught_up = False
        self.stopping = threading.Event()
        self.thread: threading.Thread | None = None
        self._lock_file = None
        self._listener = None  # a psycopg connection LISTENing on CHANNEL (PostgreSQL only)

    # -- one step --

    def step(self) -> int:
        """Catch up on the first call (``sync``), later apply the changes the index lacks.
        Returns how many change rows were applied (or documents indexed by a rebuild)."""
        from portal.extensions import db
        from public_docs import search
        from public_docs.search import index as _index

        with self.app.app_context():
            try:
                state = _index.read_state(self.path)
                if not self.caught_up or not state or state.get("schema") != _index.SCHEMA_VERSION:
                    if not self.app.config.get("SEARCH_AUTO_REBUILD", True):
                        self.caught_up = True
                        return search.apply_pending_changes(self.path)  # 0 without a usable index
                    outcome = search.sync(self.path)  # builds a missing or damaged index, else applies
                    self.caught_up = True
                    return int(outcome.partition(":")[2] or 0)
                behind = _index._max_change_id(db.session) > state.get("last_change_id", 0)
                if not behind and not _index.has_gaps(self.path):
                    return 0
                return search.apply_pending_changes(self.path)
            finally:
                db.session.remove()

    # -- the thread --

    def start(self) -> None:
        self.thread = threading.Thread(target=self._run, name="search-watch", daemon=True)
        self.thread.start()

    def stop(self, timeout: float = 5) -> None:
        self.stopping.set()
        if self.thread is not None:
            self.thread.join(timeout)
        self._close_listener()
        self._release()

    def _run(self) -> None:
        while not self.stopping.is_set():
            if not self._acquire():
                self.stopping.wait(self.interval)  # another process of this host watches
                continue
            try:
                self.step()
            except Exception:  # noqa: BLE001  (never die: the next step tries again)
                log.exception("search watcher: applying index changes failed")
            self._wait()
        self._close_listener()
        self._release()

    def _acquire(self) -> bool:
        if self._lock_file is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(str(self.path) + ".watch.lock", "a+")  # noqa: SIM115  (held while the process lives)
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return False
        self._lock_file = fh
        return True

    def _release(self) -> None:
        if self._lock_file is not None:
            fcntl.flock(self._lock_file, fcntl.LOCK_UN)
            self._lock_file.close()
            self._lock_file = None

    def _wait(self) -> None:
        """Until a notification arrives (PostgreSQL) or ``interval`` seconds have passed."""
        listener = self._listen()
        if listener is None:
            self.stopping.wait(self.interval)
            return
        try:
            for _ in listener.notifies(timeout=self.interval, stop_after=1):
                pass
            for _ in listener.notifies(timeout=0):  # drain the ones that came together
                pass
        except Exception:  # noqa: BLE001  (connection lost: poll until it is opened again)
            log.warning("search watcher: LISTEN connection lost; polling", exc_info=True)
            self._close_listener()
            self.stopping.wait(self.interval)

    def _listen(self):
        if self._listener is not None:
            return self._listener
        with self.app.app_context():
            from portal.extensions import db

            url = db.engine.url
        if url.get_backend_name() != "postgresql":
            return None
        try:
            import psycopg

            conn = psycopg.connect(url.set(drivername="postgresql").render_as_string(hide_password=False),
                                   autocommit=True, connect_timeout=5)
            conn.execute(f"LISTEN {CHANNEL}")
        except Exception:  # noqa: BLE001  (polling still works)
            log.warning("search watcher: cannot LISTEN; polling", exc_info=True)
            return None
        self._listener = conn
        return conn

    def _close_listener(self) -> None:
        if self._listener is not None:
            try:
                self._listener.close()
            except Exception:  # noqa: BLE001
                pass
            self._listener = None


# --- wiring ----------------------------------------------------------------------------------

_KEY = "search_watcher"


def watcher_for(app: Flask) -> Watcher:
    """This process's watcher of ``app`` (made, not started, on first use)."""
    holder = app.extensions.get(_KEY)
    if holder is None or holder[0] != os.getpid():  # a forked child makes its own
        holder = (os.getpid(), Watcher(app, float(app.config.get("SEARCH_WATCH_SECONDS") or 1)))
        app.extensions[_KEY] = holder
    return holder[1]


def _start_once() -> None:
    from flask import current_app

    app = current_app._get_current_object()
    watcher = watcher_for(app)
    if watcher.thread is None:
        with _start_lock:
            if watcher.thread is None:
                watcher.start()


_start_lock = threading.Lock()


def init_app(app: Flask) -> None:
    """Send the notification always; start the watcher at the first request of a served app."""
    listen()
    seconds = float(app.config.get("SEARCH_WATCH_SECONDS") or 0)
    if seconds > 0:
        app.before_request(_start_once)
