"""Content versions: one token per kind of derived data (``figures``: the public statistics;
``pages``: the page cache and kept page blocks of every host, see ``portal.signals``), replaced
in the same transaction as any change the data is derived from.

A process keeps derived data together with the token it was computed under and serves it while the
token in the database is the same: every worker and every host sees a change the moment it commits,
for one primary-key read per request. Tokens are random, so a rolled-back change or a recreated
database never matches what a process kept.

    watch("figures", Submission, Case, match=lambda obj: ...)   which rows the data derives from
    current("figures") -> token | None                           None: nothing can be cached
    changing("figures") -> bool      this session has changes not committed yet (compute afresh)
    mark(session, "pages")           bump at this session's commit (a change described elsewhere)

Changes are seen through the ORM (objects added, changed or deleted, and ORM bulk UPDATE/DELETE
statements on a watched class); raw SQL that bypasses the ORM must call :func:`bump` itself.
"""
from __future__ import annotations

import secrets
from collections.abc import Callable

from sqlalchemy import String, event, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from portal.extensions import db

_INFO_KEY = "content_versions_changed"


class ContentVersion(db.Model):
    __tablename__ = "content_version"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    token: Mapped[str] = mapped_column(String(32))


_watched: dict[str, tuple[tuple[type, ...], Callable[[object], bool] | None]] = {}


def watch(name: str, *classes: type, match: Callable[[object], bool] | None = None) -> None:
    """Version ``name`` changes with any row of ``classes``, or any new/changed/deleted object for
    which ``match(obj)`` is true."""
    _watched[name] = (classes, match)
    _listen()


def mark(session: Session, name: str) -> None:
    """Give ``name`` a new token when ``session`` commits (a change the watched classes do not
    describe, e.g. ``pages``: whatever ``portal.signals`` counts as public content)."""
    _listen()
    session.info.setdefault(_INFO_KEY, set()).add(name)


def current(name: str) -> str | None:
    return db.session.scalar(select(ContentVersion.token).where(ContentVersion.name == name))


def _affects(obj: object) -> set[str]:
    out = set()
    for name, (classes, match) in _watched.items():
        if isinstance(obj, classes) or (match is not None and match(obj)):
            out.add(name)
    return out


def _pending(session: Session) -> set[str]:
    names: set[str] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        names |= _affects(obj)
    return names


def changing(name: str, session: Session | None = None) -> bool:
    """True when ``session`` holds changes to ``name``'s data that are not committed yet: what it
    reads then differs from what other sessions see, and must not be cached."""
    session = session or db.session
    return name in session.info.get(_INFO_KEY, ()) or name in _pending(session)


def bump(session: Session, name: str) -> None:
    """Give ``name`` a new token, in ``session``'s transaction (an upsert: the row may be missing)."""
    table = ContentVersion.__table__
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(table).values(name=name, token=secrets.token_hex(16))
    conn.execute(stmt.on_conflict_do_update(index_elements=[table.c.name], set_={"token": stmt.excluded.token}))


# --- session hooks ---------------------------------------------------------------------------


def _after_flush(session, _ctx) -> None:
    names = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        names |= _affects(obj)
    if names:
        session.info.setdefault(_INFO_KEY, set()).update(names)


def _before_commit(session) -> None:
    # Flush first, so the version row is the last lock the transaction takes: a transaction that
    # holds it then only commits, and never waits for a row another one holds (no deadlock).
    session.flush()
    for name in sorted(session.info.get(_INFO_KEY, ())):
        bump(session, name)


def _after_commit(session) -> None:
    session.info.pop(_INFO_KEY, None)


def _do_orm_execute(state) -> None:
    if not (state.is_update or state.is_delete):
        return
    classes = {m.class_ for m in state.all_mappers}
    names = {name for name, (watched, _m) in _watched.items() if any(issubclass(c, watched) for c in classes)}
    if names:
        state.session.info.setdefault(_INFO_KEY, set()).update(names)


def _seed_rows(target, connection, **_kw) -> None:
    """A fresh table (``create_all``) gets a token per watched name."""
    for name in _watched:
        connection.execute(target.insert().values(name=name, token=secrets.token_hex(16)))


_listening = False


def _listen() -> None:
    global _listening
    if _listening:
        return
    event.listen(Session, "after_flush", _after_flush)
    event.listen(Session, "before_commit", _before_commit)
    event.listen(Session, "after_commit", _after_commit)
    event.listen(Session, "do_orm_execute", _do_orm_execute)
    event.listen(ContentVersion.__table__, "after_create", _seed_rows)
    _listening = True
