"""Micro-cache of the busiest public pages, for visitors who send no cookie at all.

Why: rendering the home, list, detail and search pages costs 10-40 ms of CPU each (queries, Jinja,
translations), 15-50 times a bare Flask route (``bench/pages.py``), and a ward's server has a core or
two. When a page is shared on social media, the same few pages are asked for hundreds of times a
minute.

What is cached: a GET answered 200 for one of ``CACHED_ENDPOINTS`` to a request carrying no
``Cookie`` and no ``Authorization`` header, when the answer sets no cookie and is not marked
``private``/``no-store``. Such a request has no session, no login, no flash message and no CSRF
token, so its page holds nothing personal and is the same for every such visitor. Anyone with a
cookie (staff, a resident who just sent a petition, someone who chose English) always gets a fresh
page. The whole answer is kept (status, headers incl. the security headers, body) by a WSGI
middleware in front of Flask, so a hit costs a dictionary lookup. Entries live
``PAGE_CACHE_SECONDS`` (default 10; 0 turns the cache off; off under ``TESTING`` unless set), per
worker process, at most ``PAGE_CACHE_ENTRIES`` (LRU, default 1000), bodies up to 512 KB. A change
(publication, withdrawal) shows to cookie-less visitors within those seconds. Cached answers carry
``X-Page-Cache: hit``, stored ones ``X-Page-Cache: miss``.
"""
from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict

from flask import Flask
from werkzeug.exceptions import HTTPException
from werkzeug.routing import RequestRedirect

CACHED_ENDPOINTS = frozenset({
    "public_docs.home",
    "public_docs.disclosure_list",
    "public_docs.disclosure_detail",
    "search.results",
})
MAX_BODY = 512 * 1024


class _Store:
    def __init__(self, ttl: float, max_entries: int):
        self.ttl = ttl
        self.max_entries = max_entries
        self.lock = threading.Lock()
        self.entries: OrderedDict[tuple, tuple[float, str, list, bytes]] = OrderedDict()

    def get(self, key: tuple):
        now = time.monotonic()
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry[0] <= now:
                del self.entries[key]
                return None
            self.entries.move_to_end(key)
            return entry

    def put(self, key: tuple, status: str, headers: list, body: bytes) -> None:
        with self.lock:
            self.entries[key] = (time.monotonic() + self.ttl, status, headers, body)
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

    def _key(self, environ) -> tuple | None:
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return None
        if environ.get("HTTP_COOKIE") or environ.get("HTTP_AUTHORIZATION"):
            return None
        try:
            endpoint, _args = self.app.url_map.bind_to_environ(environ).match()
        except (HTTPException, RequestRedirect):
            return None
        if endpoint not in CACHED_ENDPOINTS:
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
            _expires, status, headers, body = entry
            start_response(status, headers + [("X-Page-Cache", "hit")])
            return [b"" if head else body]
        captured: dict = {}

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
            self.store.put(key, captured["status"], captured["headers"], body)
        return [body]


def _setting(app: Flask, key: str, default: float) -> float:
    value = app.config.get(key)
    if value is None:
        value = os.environ.get(key)
    try:
        return float(value) if value not in (None, "") else default
    except ValueError:
        return default


def init_app(app: Flask) -> None:
    ttl = _setting(app, "PAGE_CACHE_SECONDS", 0 if app.testing else 10)
    if ttl <= 0:
        return
    store = _Store(ttl, int(_setting(app, "PAGE_CACHE_ENTRIES", 1000)))
    app.extensions["page_cache"] = store
    app.wsgi_app = PageCacheMiddleware(app, app.wsgi_app, store)
