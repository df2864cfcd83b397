"""Micro-cache of the busiest public pages, for visitors who send no cookie at all.

Why: rendering the home, list, detail and search pages costs 10-40 ms of CPU each (queries, Jinja,
translations), 15-50 times a bare Flask route (``bench/pages.py``), and a ward's server has a core or
two. When a page is shared on social media, the same few pages are asked for hundreds of times a
minute.

What is cached: a GET answered 200 for a view marked ``@cacheable`` (``portal.registry``) to a request carrying no
``Cookie`` and no ``Authorization`` header, when the answer sets no cookie and is not marked
``private``/``no-store``. Such a request has no session, no login, no flash message and no CSRF
token, so its page holds nothing personal and is the same for every such visitor. Anyone with a
cookie (staff, a resident who just sent a petition, someone who chose English) always gets a page
rendered for them (its own blocks may come from :mod:`portal.fragments`, which shares this store's
version). The whole answer is kept (status, headers incl. the security headers, body) by a WSGI
middleware in front of Flask, so a hit costs a dictionary lookup and two ``stat`` calls.

When it is dropped: a commit that changed public content (``public_content_changed`` from
``portal.signals``: what the features declared with ``add_public_content``, e.g. any disclosure row;
an update or deletion of a moderation, Board or portal row, i.e. a decision, a response, a setting)
appends a byte to ``page-cache.version`` (next to the search index, or ``PAGE_CACHE_VERSION_FILE``)
and, in the same transaction, replaces the ``pages`` content version in the database
(:mod:`portal.versions`); a write to the search index changes its directory's time. Every
worker process compares all three before answering from its cache; the database's token is read at
most once every ``PAGE_CACHE_DB_CHECK_SECONDS`` (default 1) per process, so a change made on another
host (or by ``flask disclosures import``) drops this host's pages within that time. Otherwise entries live
``PAGE_CACHE_SECONDS`` (default 60; 0 turns the cache off; off under ``TESTING`` unless set), at
most ``PAGE_CACHE_ENTRIES`` per process (LRU, default 1000), bodies up to 512 KB. Several hosts: each
has its own cache and version file and they share the database's token. Cached answers
carry ``X-Page-Cache: hit``, stored ones ``X-Page-Cache: miss``.
"""
from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict

from flask import Flask
from sqlalchemy import select
from werkzeug.exceptions import HTTPException
from werkzeug.routing import RequestRedirect

from portal import fragments, registry, signals

MAX_BODY = 512 * 1024
MAX_VERSION_FILE = 64 * 1024  # bytes; then the file starts again from empty
DB_VERSION = "pages"  # the content version (portal.versions) every public-content commit replaces


def _mtime(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0


def _stamp(path: str) -> tuple[int, int]:
    """The time and size of ``path``: every bump appends a byte, so two bumps within one tick of
    the file system's clock still give two versions."""
    try:
        st = os.stat(path)
    except OSError:
        return 0, -1
    return st.st_mtime_ns, st.st_size


class DbToken:
    """The ``pages`` content version as last read from the database, read again at most every
    ``every`` seconds (shared by the page cache and the kept blocks of one process)."""

    def __init__(self, engine, every: float):
        self.engine = engine
        self.every = every
        self.value: str | None = None
        self.read_at = float("-inf")
        self.lock = threading.Lock()

    def get(self) -> str | None:
        if time.monotonic() - self.read_at < self.every:
            return self.value
        with self.lock:
            if time.monotonic() - self.read_at >= self.every:
                self.value = self._read()
                self.read_at = time.monotonic()
        return self.value

    def _read(self) -> str | None:
        from portal.versions import ContentVersion

        try:
            with self.engine.connect() as conn:
                return conn.execute(select(ContentVersion.token).where(ContentVersion.name == DB_VERSION)).scalar()
        except Exception:  # noqa: BLE001  (database unreachable: an unknown version, nothing matches it)
            return f"unreadable-{time.monotonic()}"


class _Store:
    def __init__(self, ttl: float, max_entries: int, version_file: str, index_dir: str,
                 db_token: DbToken | None = None):
        self.ttl = ttl
        self.max_entries = max_entries
        self.version_file = version_file
        self.index_dir = index_dir
        self.db_token = db_token
        self.lock = threading.Lock()
        self.entries: OrderedDict[tuple, tuple] = OrderedDict()  # key: (expires, version, *value)

    def version(self) -> tuple:
        """Changes when public content changed (a commit touching it: in any process of this host
        at once, on another host when the database's token is next read) or the search index was
        written."""
        token = self.db_token.get() if self.db_token is not None else None
        return (*_stamp(self.version_file), _mtime(self.index_dir), token)

    def bump(self) -> None:
        try:
            with open(self.version_file, "ab") as f:  # O_APPEND: one byte per bump, whichever process
                f.write(b".")
                if f.tell() > MAX_VERSION_FILE:
                    f.truncate(0)
        except OSError:  # pragma: no cover - read-only instance: the TTL still bounds staleness
            pass

    def get(self, key: tuple, version: tuple | None = None):
        """The value kept under ``key``, if it has not expired and its version is the current one
        (``version``: as read at the start of this request, else read now)."""
        now = time.monotonic()
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry[0] <= now or entry[1] != (version or self.version()):
                del self.entries[key]
                return None
            self.entries.move_to_end(key)
            return entry[2:]

    def put(self, key: tuple, version: tuple, *value) -> None:
        """Keep ``value`` (returned by :meth:`get` as a tuple) under ``key`` while the version is
        ``version`` (read before the value was computed) and the TTL lasts."""
        with self.lock:
            self.entries[key] = (time.monotonic() + self.ttl, version, *value)
            self.entries.move_to_end(key)
            while len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


class PageCacheMiddleware:
    def __init__(self, app: Flask, wsgi_app, store: _Store):
        self.app = app
        self.wsgi_app = wsgi_app
        self.store = store
        self._endpoints: frozenset[str] | None = None

    @property
    def endpoints(self) -> frozenset[str]:
        """The views marked ``@cacheable``, collected at the first request (every view is
        registered by then)."""
        if self._endpoints is None:
            self._endpoints = registry.cacheable_endpoints(self.app)
        return self._endpoints

    def _key(self, environ) -> tuple | None:
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return None
        if environ.get("HTTP_COOKIE") or environ.get("HTTP_AUTHORIZATION"):
            return None
        try:
            endpoint, _args = self.app.url_map.bind_to_environ(environ).match()
        except (HTTPException, RequestRedirect):
            return None
        if endpoint not in self.endpoints:
            return None
        return (environ.get("HTTP_HOST", ""), environ.get("SCRIPT_NAME", ""), environ.get("PATH_INFO", ""),
                environ.get("QUERY_STRING", ""))

    def __call__(self, environ, start_response):
        key = self._key(environ)
        if key is None:
            return self.wsgi_app(environ, start_response)
        head = environ["REQUEST_METHOD"] == "HEAD"
        entry = self.store.get(key)
        if entry is not None:
            status, headers, body = entry
            start_response(status, headers + [("X-Page-Cache", "hit")])
            return [b"" if head else body]
        captured: dict = {}
        version = self.store.version()  # taken before rendering: a change meanwhile wins

        def capture(status, headers, exc_info=None):
            headers = list(headers)
            names = {k.lower(): v for k, v in headers}
            cache_control = names.get("cache-control", "")
            storable = (
                not head
                and status.startswith("200")
                and "set-cookie" not in names
                and "no-store" not in cache_control
                and "private" not in cache_control
            )
            captured.update(status=status, headers=headers, storable=storable)
            return start_response(status, headers + ([("X-Page-Cache", "miss")] if storable else []), exc_info)

        iterable = self.wsgi_app(environ, capture)
        try:
            body = b"".join(iterable)
        finally:
            close = getattr(iterable, "close", None)
            if close is not None:
                close()  # runs the response's call_on_close hooks
        if captured.get("storable") and len(body) <= MAX_BODY:
            kept = [(k, v) for k, v in captured["headers"] if k.lower() != "x-page-blocks"]  # this render's
            self.store.put(key, version, captured["status"], kept, body)
        return [body]


def _setting(app: Flask, key: str, default: float) -> float:
    value = app.config.get(key)
    if value is None:
        value = os.environ.get(key)
    try:
        return float(value) if value not in (None, "") else default
    except ValueError:
        return default


# --- invalidation: a commit that changed public content bumps the version file ------------------

def _on_public_content_changed(app: Flask, **_extra) -> None:
    store = app.extensions.get("page_cache")
    if store is not None:
        store.bump()


def init_app(app: Flask) -> None:
    ttl = _setting(app, "PAGE_CACHE_SECONDS", 0 if app.testing else 60)
    if ttl <= 0:
        return
    index_dir = str(app.config.get("SEARCH_INDEX_DIR") or "")
    # Next to the search index by default: like the index, the cache belongs to one host.
    version_file = app.config.get("PAGE_CACHE_VERSION_FILE") or os.path.join(
        os.path.dirname(index_dir.rstrip("/")) or app.instance_path, "page-cache.version")
    from portal.extensions import db

    with app.app_context():
        token = DbToken(db.engine, _setting(app, "PAGE_CACHE_DB_CHECK_SECONDS", 1.0))
    signals.add_public_version(app, DB_VERSION)  # replaced by every commit that changes public content
    store = _Store(ttl, int(_setting(app, "PAGE_CACHE_ENTRIES", 1000)), version_file, index_dir, token)
    app.extensions["page_cache"] = store
    # The blocks of the same pages for visitors with a cookie: same versions, TTL and size.
    fragments.init_app(app, _Store(store.ttl, store.max_entries, version_file, index_dir, token))
    app.wsgi_app = PageCacheMiddleware(app, app.wsgi_app, store)
    signals.public_content_changed.connect(_on_public_content_changed, sender=app, weak=False)
