"""Micro-cache of the busiest public pages, for visitors who send no cookie at all.

Why: rendering the home, list, detail and search pages costs 10-40 ms of CPU each (queries, Jinja,
translations), 15-50 times a bare Flask route, and a ward's server has a core or two. When a page
is shared on social media, the same few pages are asked for hundreds of times a minute.

What is cached: a GET/HEAD answered 200 for one of ``CACHED_ENDPOINTS`` to a request carrying no
``Cookie`` and no ``Authorization`` header, when the answer sets no cookie. Such a request has no
session, no login, no flash message and no CSRF token, so its page holds nothing personal and is the
same for every such visitor. Anyone with a cookie (staff, a resident who just sent a petition,
someone who chose English) always gets a fresh page. Entries live ``PAGE_CACHE_SECONDS`` (default 10;
0 turns the cache off; off under ``TESTING``), per worker process, at most ``PAGE_CACHE_ENTRIES``
(LRU), and only bodies up to 512 KB. A change (publication, withdrawal) shows to cookie-less
visitors within those seconds. Cached answers carry ``X-Page-Cache: hit``.
"""
from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict

from flask import Flask, Response, g, request

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
        self.entries: OrderedDict[tuple, tuple[float, int, list, bytes]] = OrderedDict()

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

    def put(self, key: tuple, status: int, headers: list, body: bytes) -> None:
        with self.lock:
            self.entries[key] = (time.monotonic() + self.ttl, status, headers, body)
            self.entries.move_to_end(key)
            while len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


def _setting(app: Flask, key: str, default: float) -> float:
    value = app.config.get(key)
    if value is None:
        value = os.environ.get(key)
    try:
        return float(value) if value not in (None, "") else default
    except ValueError:
        return default


def _key() -> tuple | None:
    if request.method not in ("GET", "HEAD") or request.endpoint not in CACHED_ENDPOINTS:
        return None
    if request.headers.get("Cookie") or request.headers.get("Authorization"):
        return None
    return (request.host, request.full_path)


def init_app(app: Flask) -> None:
    ttl = _setting(app, "PAGE_CACHE_SECONDS", 0 if app.testing else 10)
    if ttl <= 0:
        return
    store = _Store(ttl, int(_setting(app, "PAGE_CACHE_ENTRIES", 1000)))
    app.extensions["page_cache"] = store

    @app.before_request
    def _page_cache_lookup():
        key = _key()
        if key is None:
            return None
        entry = store.get(key)
        if entry is None:
            g.page_cache_key = key
            return None
        _expires, status, headers, body = entry
        response = Response(b"" if request.method == "HEAD" else body, status=status, headers=headers)
        response.headers["Content-Length"] = str(len(body))
        response.headers["X-Page-Cache"] = "hit"
        return response

    @app.after_request
    def _page_cache_store(response: Response) -> Response:
        key = g.pop("page_cache_key", None)
        if key is None or request.method != "GET":
            return response
        cache_control = response.headers.get("Cache-Control", "")
        if (
            response.status_code != 200
            or response.is_streamed
            or response.direct_passthrough
            or "Set-Cookie" in response.headers
            or "no-store" in cache_control
            or "private" in cache_control
        ):
            return response
        body = response.get_data()
        if len(body) > MAX_BODY:
            return response
        headers = [(k, v) for k, v in response.headers.items() if k.lower() not in ("content-length", "set-cookie")]
        store.put(key, response.status_code, headers, body)
        response.headers["X-Page-Cache"] = "miss"
        return response

