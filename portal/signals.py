"""Signals between the shell and the features (blinker, as Flask uses).

``public_content_changed`` is sent, with the app as sender and ``models`` (the set of changed
model classes), after a commit that changed what public pages show. A feature declares its public
content in ``register(app)``::

    add_public_content(app, *models_of(public_docs), new_rows=True)   # any new row counts too
    add_public_content(app, *models_of(moderation))                   # changed or deleted rows

A commit that adds a row of a ``new_rows`` class, or changes or deletes a row of any registered
class, sends the signal once. New rows of the other classes do not count (a resident's new
petition is not public until a moderator approves it, which changes the row). A service that
changes public content the ORM cannot see (raw SQL) calls :func:`mark_changed` before committing.

Versions: ``add_public_version(app, "pages")`` (the page cache does) replaces that content version
(:mod:`portal.versions`) in the same transaction as any such commit, so every process of every host
sees the change by reading one row.

Receivers: the page cache (``portal.pagecache``: a new version) and the search index
(``public_docs.search.hooks``: apply the committed ``IndexChange`` rows after the response).
The statistics (``moderation.reports.cache``) are versioned in the database instead
(:mod:`portal.versions`), because every process and host must see their change at once.
"""
from __future__ import annotations

from types import ModuleType

from blinker import Namespace
from flask import Flask, current_app, has_app_context
from sqlalchemy import event
from sqlalchemy.orm import Session

signals = Namespace()
public_content_changed = signals.signal("public-content-changed")

_KEY = "portal.public_content"
_INFO_KEY = "public_content_changed"


def models_of(package: ModuleType) -> list[type]:
    """The mapped classes defined in ``package`` or its submodules (imported by then)."""
    from portal.extensions import db

    prefix = package.__name__
    return [mapper.class_ for mapper in db.Model.registry.mappers
            if mapper.class_.__module__ == prefix or mapper.class_.__module__.startswith(prefix + ".")]


def add_public_content(app: Flask, *models: type, new_rows: bool = False) -> None:
    """Rows of ``models`` are shown on public pages: changing or deleting one (and, with
    ``new_rows``, adding one) changes public content."""
    registry = app.extensions.setdefault(_KEY, {"changed": set(), "new": set()})
    registry["changed"].update(models)
    if new_rows:
        registry["new"].update(models)
    _listen()


def add_public_version(app: Flask, name: str) -> None:
    """Replace the content version ``name`` in every transaction that changes public content."""
    registry = app.extensions.setdefault(_KEY, {"changed": set(), "new": set()})
    registry.setdefault("versions", set()).add(name)
    _listen()


def mark_changed(session: Session, *models: type) -> None:
    """Count a change the ORM does not see (raw SQL) in ``session``'s transaction."""
    session.info.setdefault(_INFO_KEY, set()).update(models or (object,))
    _mark_versions(session)


def _mark_versions(session: Session) -> None:
    if not has_app_context():
        return
    from portal import versions

    for name in sorted((current_app.extensions.get(_KEY) or {}).get("versions", ())):
        versions.mark(session, name)


def _changed_models(session: Session) -> set[type]:
    if not has_app_context():
        return set()
    registry = current_app.extensions.get(_KEY)
    if not registry:
        return set()
    new, changed = tuple(registry["new"]), tuple(registry["changed"])
    found = {type(obj) for obj in session.new if isinstance(obj, new)} if new else set()
    if changed:
        found |= {type(obj) for obj in (*session.dirty, *session.deleted) if isinstance(obj, changed)}
    return found


def _after_flush(session, _flush_context) -> None:
    found = _changed_models(session)
    if found:
        session.info.setdefault(_INFO_KEY, set()).update(found)
        _mark_versions(session)  # bumped by portal.versions before this transaction commits


def _after_commit(session) -> None:
    models = session.info.pop(_INFO_KEY, None)
    if models and has_app_context():
        public_content_changed.send(current_app._get_current_object(), models=frozenset(models))


def _after_rollback(session, _previous_transaction) -> None:
    session.info.pop(_INFO_KEY, None)


_listening = False


def _listen() -> None:
    global _listening
    if _listening:
        return
    event.listen(Session, "after_flush", _after_flush)
    event.listen(Session, "after_commit", _after_commit)
    event.listen(Session, "after_soft_rollback", _after_rollback)
    _listening = True


__all__ = ["add_public_content", "add_public_version", "mark_changed", "models_of", "public_content_changed", "signals"]
