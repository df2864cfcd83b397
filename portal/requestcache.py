"""Reference data read many times while one request is answered (the settings, the holiday
calendar), read from the database once per request (per app context) instead of once per use.

    requestcache.cached("holidays", load, Holiday)   load() once; again after a change of a Holiday

An entry is dropped when the session flushes an added, changed or deleted object of one of its
classes, runs an ORM bulk UPDATE/DELETE on one of them, or rolls back (what was read may have
included rows that are gone); objects of those classes added or deleted but not flushed yet count
too. A commit by another process during the request is seen by the next request, as with any
data read once at the start of a request.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import g, has_app_context
from flask.globals import _cv_app
from sqlalchemy import event
from sqlalchemy.orm import Session

from portal.extensions import db

T = TypeVar("T")
_G_KEY = "_request_cache"
_classes: dict[str, tuple[type, ...]] = {}


def cached(name: str, load: Callable[[], T], *classes: type) -> T:
    """``load()``'s value, computed once per app context while no object of ``classes`` changes."""
    ctx = _cv_app.get(None)
    if ctx is None:
        return load()
    if name not in _classes:
        _listen()
        _classes[name] = classes
    store: dict = ctx.g.__dict__.setdefault(_G_KEY, {})  # flask.g, without the proxy's lookups
    if name in store and not _pending_change(classes):
        return store[name]
    store.pop(name, None)
    value = load()
    store[name] = value
    return value


def forget(*names: str) -> None:
    """Drop ``names`` (every entry when none is given) from this request's cache."""
    if not has_app_context():
        return
    store = g.get(_G_KEY)
    if not store:
        return
    if not names:
        store.clear()
    for name in names:
        store.pop(name, None)


def _pending_change(classes: tuple[type, ...]) -> bool:
    session = db.session()
    # The session's own maps of pending objects (the public ``new``/``deleted`` build a set each time).
    if not getattr(session, "_new", True) and not getattr(session, "_deleted", True):
        return False
    return any(isinstance(obj, classes) for obj in (*session.new, *session.deleted))


def _changed_names(objects) -> list[str]:
    return [name for name, classes in _classes.items() if any(isinstance(o, classes) for o in objects)]


def _after_flush(session, _ctx) -> None:
    if has_app_context() and g.get(_G_KEY):
        names = _changed_names((*session.new, *session.dirty, *session.deleted))
        if names:
            forget(*names)


def _after_rollback(_session, *_args) -> None:
    if has_app_context() and g.get(_G_KEY):
        forget()


def _do_orm_execute(state) -> None:
    if not (state.is_update or state.is_delete) or not has_app_context() or not g.get(_G_KEY):
        return
    mapped = {m.class_ for m in state.all_mappers}
    names = [name for name, classes in _classes.items() if any(issubclass(c, classes) for c in mapped)]
    if names:
        forget(*names)


_listening = False


def _listen() -> None:
    global _listening
    if _listening:
        return
    event.listen(Session, "after_flush", _after_flush)
    event.listen(Session, "after_rollback", _after_rollback)
    event.listen(Session, "after_soft_rollback", _after_rollback)
    event.listen(Session, "do_orm_execute", _do_orm_execute)
    _listening = True
