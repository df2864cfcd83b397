"""The statistics kept per process until their data changes.

Each entry is stored with the ``figures`` content version (:mod:`portal.versions`) it was computed
under; the version changes in the transaction of any change to petitions, cases, referrals, topics,
residential groups, holidays, settings (the deadlines), reception sessions and registrations, or a
redirect counted at intake. A request
then reads one token and, most of the time, answers from here. A session that holds such a change
not yet committed computes afresh and keeps nothing.
"""
from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from collections.abc import Callable

from flask import current_app

from portal import versions

NAME = "figures"
MAX_ENTRIES = 256


def _counted_redirect(obj) -> bool:
    from portal.audit import AuditEvent

    return isinstance(obj, AuditEvent) and obj.action == "intake.redirect"


def watch() -> None:
    """Declare what the figures derive from (called when the app is created)."""
    from moderation.cases.models import Case, Holiday, Referral
    from moderation.intake.models import Submission, Topic
    from moderation.reception.models import ReceptionSession, Registration
    from portal.settings import Setting
    from portal.ward import ResidentialGroup

    versions.watch(NAME, Submission, Case, Referral, Topic, ResidentialGroup, Holiday, Setting,
                   ReceptionSession, Registration, match=_counted_redirect)


class _Store:
    def __init__(self):
        self.lock = threading.Lock()
        self.entries: OrderedDict[tuple, tuple[str, object]] = OrderedDict()

    def get(self, key: tuple, token: str):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None or entry[0] != token:
                return None
            self.entries.move_to_end(key)
            return entry[1]

    def put(self, key: tuple, token: str, value) -> None:
        with self.lock:
            self.entries[key] = (token, value)
            self.entries.move_to_end(key)
            while len(self.entries) > MAX_ENTRIES:
                self.entries.popitem(last=False)


def _store() -> _Store:
    store = current_app.extensions.get("figures_cache")
    if store is None:
        store = current_app.extensions.setdefault("figures_cache", _Store())
    return store


def cached(key: tuple, compute: Callable[[], dict]) -> dict:
    """``compute()``'s result for ``key``, from the cache while the figures' version is unchanged
    (a deep copy: callers may change what they get)."""
    token = versions.current(NAME)  # read first: what is computed after it is at least as new
    if token is None or versions.changing(NAME):
        return compute()
    store = _store()
    value = store.get(key, token)
    if value is None:
        value = compute()
        store.put(key, token, value)
    return copy.deepcopy(value)
