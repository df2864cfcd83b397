"""The search thesaurus: abbreviations and everyday words, kept in the database, applied at query time.

An entry is a group: its term and its expansions (``KT-XH`` ↔ ``kinh tế - xã hội``; ``đền bù`` ↔
``bồi thường``, ``giải phóng mặt bằng``). A query holding any member of a group also looks for the
other members (see :mod:`public_docs.search.expand`), scored a little below what was typed. Members
are compared folded (no diacritics, đ → d, i/y unified), and an abbreviation also by its letters
run together, so ``KTXH``, ``kt-xh`` and ``KT XH`` are one abbreviation; ``QSDD`` is ``QSDĐ``.

Nothing is indexed: a change takes effect on the next query. Each process keeps the compiled
thesaurus and checks a cheap version (the newest ``updated_at`` and the row count) at most every
``SEARCH_THESAURUS_CHECK_SECONDS``; a change made by this process is seen at once (:func:`invalidate`).

Every change goes through :func:`save_entry`, which validates and writes the audit log.
"""
from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field

from sqlalchemy import func, insert, select

from portal import audit
from portal.database import utcnow
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import _l
from public_docs.search.models import ThesaurusEntry, ThesaurusKind
from public_docs.search.vietnamese import WORD_RE, normalize, search_fold

MAX_SPAN = 6  # words of the longest member looked for in a query
MAX_JOINED = 4  # typed pieces an abbreviation may be split into ("kt-xh" → kt, xh)
MAX_TERM = 120
MAX_EXPANSIONS = 12
CHECK_SECONDS = 5.0
_SPLIT_RE = re.compile(r"[;\n]+")


def folded_words(text: str) -> tuple[str, ...]:
    """The folded words of ``text`` as the index stores them (``Kinh tế - xã hội`` → kinh te xa hoi)."""
    return tuple(search_fold(w) for w in WORD_RE.findall(normalize(text or "").lower()) if w.strip("_"))


def joined(words: tuple[str, ...] | list[str]) -> str:
    return "".join(words)


def term_key(term: str, kind: ThesaurusKind | str) -> str:
    """The unique key of an entry: an abbreviation's letters run together, else its folded words."""
    words = folded_words(term)
    return joined(words) if ThesaurusKind(kind) == ThesaurusKind.abbreviation else " ".join(words)


# --- the compiled thesaurus ---------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    term: str
    kind: ThesaurusKind
    members: tuple[tuple[str, ...], ...]  # folded word sequences: the term, then its expansions


@dataclass(frozen=True)
class Match:
    start: int  # span of the query's word sequence
    end: int
    group: Group
    typed: tuple[str, ...]  # the member as typed

    def others(self) -> list[tuple[str, ...]]:
        """The group's members other than the one typed (its letters run together count as it)."""
        typed_joined = joined(self.typed)
        return [m for m in self.group.members if m != self.typed and not (len(m) == 1 and m[0] == typed_joined)]


@dataclass
class Thesaurus:
    groups: list[Group] = field(default_factory=list)
    phrases: dict[str, list[Group]] = field(default_factory=dict)  # "kinh te xa hoi" → groups
    letters: dict[str, list[Group]] = field(default_factory=dict)  # abbreviations: "ktxh" → groups

    @classmethod
    def compile(cls, entries) -> Thesaurus:
        th = cls()
        for term, expansions, kind in entries:
            kind = ThesaurusKind(kind)
            members: list[tuple[str, ...]] = []
            for text in [term, *expansions]:
                words = folded_words(text)
                if words and words not in members and len(words) <= MAX_SPAN:
                    members.append(words)
            if kind == ThesaurusKind.abbreviation and members and len(members[0]) > 1:
                members.insert(1, (joined(members[0]),))  # documents write KT-XH and KTXH
            if len(members) < 2:
                continue
            group = Group(term, kind, tuple(members))
            th.groups.append(group)
            for words in members:
                th.phrases.setdefault(" ".join(words), []).append(group)
            if kind == ThesaurusKind.abbreviation:
                th.letters.setdefault(joined(members[0]), []).append(group)
        return th

    def matches(self, sequence: list[str]) -> list[Match]:
        """Every span of the query's folded words that is a member of a group (longest first at
        each position; a span split like ``kt xh`` also matches the abbreviation ``ktxh``)."""
        out: list[Match] = []
        seen: set[tuple[int, int, str]] = set()
        n = len(sequence)
        for i in range(n):
            for j in range(min(n, i + MAX_SPAN), i, -1):
                span = tuple(sequence[i:j])
                found = list(self.phrases.get(" ".join(span), ()))
                if 1 < j - i <= MAX_JOINED:
                    found += [g for g in self.letters.get(joined(span), ()) if g not in found]
                for group in found:
                    if (i, j, group.term) in seen:
                        continue
                    seen.add((i, j, group.term))
                    typed = span if span in group.members else (joined(span),)
                    out.append(Match(i, j, group, typed))
        return out


EMPTY = Thesaurus()


# --- the per-process cache -----------------------------------------------------------------------


@dataclass
class _Cached:
    version: tuple
    thesaurus: Thesaurus
    checked_at: float


_cache: dict[str, _Cached] = {}
_cache_lock = threading.Lock()


def _cache_key() -> str:
    engine = db.engine
    return f"{id(engine)}:{engine.url}"


def _check_seconds() -> float:
    from flask import current_app, has_app_context

    return float(current_app.config.get("SEARCH_THESAURUS_CHECK_SECONDS", CHECK_SECONDS)) if has_app_context() \
        else CHECK_SECONDS


def _version() -> tuple:
    newest, count = db.session.execute(
        select(func.max(ThesaurusEntry.updated_at), func.count(ThesaurusEntry.id))).one()
    return (str(newest), count)


def current() -> Thesaurus:
    """The compiled thesaurus of the active entries (one database round trip every few seconds)."""
    key = _cache_key()
    now = time.monotonic()
    hit = _cache.get(key)
    if hit is not None and now - hit.checked_at < _check_seconds():
        return hit.thesaurus
    version = _version()
    if hit is not None and hit.version == version:
        hit.checked_at = now
        return hit.thesaurus
    rows = db.session.execute(
        select(ThesaurusEntry.term, ThesaurusEntry.expansions, ThesaurusEntry.kind)
        .where(ThesaurusEntry.active.is_(True)).order_by(ThesaurusEntry.id)).all()
    compiled = Thesaurus.compile((t, split_expansions(e), k) for t, e, k in rows)
    with _cache_lock:
        _cache[key] = _Cached(version, compiled, now)
    return compiled


def invalidate() -> None:
    """Forget the compiled thesaurus of this process (after a change, or between tests)."""
    with _cache_lock:
        _cache.clear()


# --- seeding and changes ---------------------------------------------------------------------------


def split_expansions(text: str | None) -> list[str]:
    out: list[str] = []
    for part in _SPLIT_RE.split(text or ""):
        part = " ".join(part.split())
        if part and part not in out:
            out.append(part)
    return out


def seed_thesaurus() -> int:
    """Insert the default entries whose key is not taken yet (idempotent). Returns how many."""
    from public_docs.search.thesaurus_data import ABBREVIATIONS, SYNONYMS

    have = set(db.session.scalars(select(ThesaurusEntry.key)))
    rows = []
    now = utcnow()
    for kind, entries in ((ThesaurusKind.abbreviation, ABBREVIATIONS), (ThesaurusKind.synonym, SYNONYMS)):
        for term, expansions in entries:
            key = term_key(term, kind)
            if key in have:
                continue
            have.add(key)
            rows.append({"term": term, "key": key, "expansions": "\n".join(split_expansions(expansions)),
                         "kind": kind, "active": True, "updated_at": now})
    if rows:
        db.session.execute(insert(ThesaurusEntry), rows)
        db.session.flush()
        invalidate()
    current()  # this process starts warm
    return len(rows)


def save_entry(actor, *, term: str, expansions: str, kind: str, active: bool = True,
               entry: ThesaurusEntry | None = None) -> ThesaurusEntry:
    """Create an entry (``entry`` None) or change one; validates, audits, flushes, never commits."""
    errors: dict[str, object] = {}
    term = " ".join((term or "").split())[:MAX_TERM]
    try:
        kind_value = ThesaurusKind(kind)
    except ValueError:
        kind_value = None
        errors["kind"] = _l("Vui lòng chọn loại: viết tắt hoặc từ đồng nghĩa.")
    items = split_expansions(expansions)
    key = term_key(term, kind_value or ThesaurusKind.synonym)
    if not term or not key:
        errors["term"] = _l("Vui lòng nhập từ hoặc chữ viết tắt (có ít nhất một chữ cái hoặc chữ số).")
    elif len(folded_words(term)) > MAX_SPAN:
        errors["term"] = _l("Từ quá dài: tối đa %(n)s chữ.", n=MAX_SPAN)
    elif kind_value is not None:
        clash = db.session.scalar(select(ThesaurusEntry).where(ThesaurusEntry.key == key))
        if clash is not None and clash is not entry:
            errors["term"] = _l("Từ “%(term)s” đã có trong từ điển.", term=clash.term)
    useful = [x for x in items if folded_words(x) and " ".join(folded_words(x)) != " ".join(folded_words(term))]
    if not useful:
        errors["expansions"] = _l("Vui lòng nhập ít nhất một nghĩa hoặc từ tương đương, khác với từ đã nhập.")
    elif len(useful) > MAX_EXPANSIONS:
        errors["expansions"] = _l("Tối đa %(n)s nghĩa cho một từ.", n=MAX_EXPANSIONS)
    elif any(len(folded_words(x)) > MAX_SPAN or len(x) > MAX_TERM for x in useful):
        errors["expansions"] = _l("Mỗi nghĩa tối đa %(n)s chữ.", n=MAX_SPAN)
    if errors:
        raise DomainError(_l("Chưa lưu được: vui lòng sửa các ô được đánh dấu."), field_errors=errors)
    actor_id = getattr(actor, "id", None)
    details = {"term": term, "expansions": useful, "kind": kind_value.value, "active": bool(active)}
    if entry is None:
        entry = ThesaurusEntry(term=term, key=key, expansions="\n".join(useful), kind=kind_value,
                               active=bool(active), updated_at=utcnow(), updated_by_id=actor_id)
        db.session.add(entry)
        db.session.flush()
        audit.record(actor, "thesaurus.create", entry, details)
    else:
        before = {"term": entry.term, "expansions": entry.expansion_list, "kind": entry.kind.value,
                  "active": entry.active}
        entry.term, entry.key, entry.expansions = term, key, "\n".join(useful)
        entry.kind, entry.active = kind_value, bool(active)
        entry.updated_at, entry.updated_by_id = utcnow(), actor_id
        action = "thesaurus.deactivate" if before["active"] and not active else "thesaurus.update"
        audit.record(actor, action, entry, {"before": before, "after": details})
    db.session.flush()
    invalidate()
    return entry


def set_active(actor, entry: ThesaurusEntry, active: bool) -> ThesaurusEntry:
    """Deactivate (or reactivate) an entry: it stays in the list, the search no longer uses it."""
    if entry.active == active:
        return entry
    entry.active, entry.updated_at, entry.updated_by_id = active, utcnow(), getattr(actor, "id", None)
    audit.record(actor, "thesaurus.activate" if active else "thesaurus.deactivate", entry, {"term": entry.term})
    db.session.flush()
    invalidate()
    return entry
