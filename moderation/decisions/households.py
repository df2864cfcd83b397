"""Households per residential group, kept by staff with the date of each figure: the electorate
of a decision matter is fixed from them when the matter opens."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from moderation.decisions.fields import count_value, date_value
from moderation.decisions.models import HouseholdCount
from portal import audit
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import _l
from portal.sanitize import clean_text
from portal.ward import ResidentialGroup
from public_docs.disclosures.services import today


def household_count(group_id: int, on: dt.date | None = None) -> HouseholdCount | None:
    on = on or today()
    return db.session.scalar(select(HouseholdCount).where(HouseholdCount.group_id == group_id,
                                                          HouseholdCount.as_of <= on)
                             .order_by(HouseholdCount.as_of.desc()).limit(1))


def household_counts(group_ids, on: dt.date | None = None) -> dict[int, HouseholdCount | None]:
    """The latest count on ``on`` of each group, in one query (the households page lists every group)."""
    on = on or today()
    ids = list(group_ids)
    latest: dict[int, HouseholdCount | None] = dict.fromkeys(ids)
    if ids:
        rows = db.session.scalars(select(HouseholdCount).where(HouseholdCount.group_id.in_(ids),
                                                               HouseholdCount.as_of <= on)
                                  .order_by(HouseholdCount.group_id, HouseholdCount.as_of.desc()))
        for row in rows:
            if latest.get(row.group_id) is None:
                latest[row.group_id] = row
    return latest


def set_household_count(group: ResidentialGroup, as_of, households, actor, note: str = "") -> HouseholdCount:
    errors = {}
    day = date_value(as_of, "as_of", _l("Ngày số liệu"), errors)
    if day is None and "as_of" not in errors:
        errors["as_of"] = _l("Vui lòng nhập ngày của số liệu.")
    elif day is not None and day > today():
        errors["as_of"] = _l("Ngày số liệu không thể ở tương lai.")
    n = count_value(households, "households", _l("Số hộ gia đình"), errors, low=1)
    if errors:
        raise DomainError(next(iter(errors.values())), errors)
    row = db.session.scalar(select(HouseholdCount).filter_by(group_id=group.id, as_of=day))
    old = row.households if row else None
    if row is None:
        row = HouseholdCount(group_id=group.id, as_of=day, households=n, created_by_id=getattr(actor, "id", None))
        db.session.add(row)
    row.households = n
    row.note = clean_text(note, 500)
    audit.record(actor, "household_count.set", group, {"as_of": day.isoformat(), "old": old, "new": n})
    db.session.flush()
    return row
