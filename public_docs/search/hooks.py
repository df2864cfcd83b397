"""Wiring: the search page, ``flask search …`` and applying index changes after the response.

A request that commits ``IndexChange`` rows (publish, amend, withdraw) is answered first; the
changes are applied when the response has been sent (``response.call_on_close``), in a background
thread (one at a time per process; TESTING applies them synchronously so tests are deterministic).
Every other host (and this one, for changes made by ``flask …`` commands) applies them through
its watcher (``watch``: NOTIFY on PostgreSQL, polling every ``SEARCH_WATCH_SECONDS``).
``flask search sync`` catches up whatever a crash left behind.
"""
from __future__ import annotations

import logging
import threading

import click
from flask import Flask, current_app, g, has_request_context
from flask.cli import AppGroup

log = logging.getLogger(__name__)
search_cli = AppGroup("search", help="Chỉ mục tìm kiếm văn bản công khai.")
_worker_lock = threading.Lock()
_worker: dict[str, object] = {"thread": None, "again": False}


@search_cli.command("sync")
def sync_cmd():
    """Build the index when missing/damaged, else apply pending changes."""
    from public_docs.search import sync

    outcome = sync()
    kind, _, count = outcome.partition(":")
    if kind == "rebuilt":
        click.echo(f"Đã tạo lại chỉ mục tìm kiếm: {count} văn bản.")
    else:
        click.echo(f"Chỉ mục tìm kiếm đã cập nhật ({count} thay đổi).")


@search_cli.command("reindex")
def reindex_cmd():
    """Rebuild the index from the database (built aside, then swapped in)."""
    from public_docs.search import rebuild

    count = rebuild()
    click.echo(f"Đã tạo lại chỉ mục tìm kiếm: {count} văn bản.")


# --- after-commit detection ------------------------------------------------------------------


def _on_public_content_changed(_app: Flask, models=frozenset(), **_extra) -> None:
    """A commit added ``IndexChange`` rows (public content, see ``public_docs.register``): apply
    them after the response."""
    from public_docs.disclosures.models import IndexChange

    if IndexChange in models and has_request_context():
        g.search_changes = True


def _run(app: Flask, rebuild: bool) -> None:
    with app.app_context():
        from portal.extensions import db
        from public_docs import search

        try:
            if rebuild:
                search.sync()
            else:
                search.apply_pending_changes()
        except Exception:  # noqa: BLE001  (never break anything; `flask search sync` catches up)
            log.exception("applying search index changes failed")
        finally:
            db.session.remove()


def _background(app: Flask, rebuild: bool) -> None:
    def loop():
        while True:
            _run(app, rebuild)
            with _worker_lock:
                if not _worker["again"]:
                    _worker["thread"] = None
                    return
                _worker["again"] = False

    with _worker_lock:
        thread = _worker["thread"]
        if thread is not None and thread.is_alive():
            _worker["again"] = True
            return
        thread = threading.Thread(target=loop, name="search-index", daemon=True)
        _worker["thread"] = thread
        _worker["again"] = False
    thread.start()


def _after_request(response):
    changes = g.pop("search_changes", False)
    unavailable = g.pop("search_unavailable", False)
    app = current_app._get_current_object()
    if not app.config.get("SEARCH_APPLY_AFTER_REQUEST", True) or not (changes or unavailable):
        return response
    rebuild = bool(unavailable and app.config.get("SEARCH_AUTO_REBUILD", True))
    if unavailable and not rebuild and not changes:
        return response
    if app.config.get("TESTING") or app.config.get("SEARCH_APPLY_SYNC"):
        response.call_on_close(lambda: _run(app, rebuild))
    else:
        response.call_on_close(lambda: _background(app, rebuild))
    return response


def init_app(app: Flask) -> None:
    from portal.signals import public_content_changed
    from public_docs.search import watch
    from public_docs.search.views import bp

    app.register_blueprint(bp)
    app.cli.add_command(search_cli)
    app.after_request(_after_request)
    app.config.setdefault("SEARCH_AUTO_REBUILD", True)
    app.config.setdefault("SEARCH_CACHE_MB", 64)
    public_content_changed.connect(_on_public_content_changed, sender=app, weak=False)
    watch.init_app(app)
