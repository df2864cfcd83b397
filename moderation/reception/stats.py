"""Reception figures for the statistics page, the API and the periodic report: sessions held,
registrations and attendance in a period. Counts only, never personal data."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from moderation.reception.models import ReceptionSession, Registration, RegistrationStatus, SessionStatus
from portal.extensions import db


def _bounds(start: dt.date | None, end: dt.date | None):
    from portal.ward import day_start

    lo = day_start(start) if start else None
    hi = day_start(end + dt.timedelta(days=1)) if end else None
    return lo, hi


def reception_figures(start: dt.date | None = None, end: dt.date | None = None) -> dict:
    """Sessions held (by kind), registrations (not cancelled) and attendance of the sessions held
    in the period."""
    lo, hi = _bounds(start, end)
    where = []
    if lo is not None:
        where.append(ReceptionSession.starts_at >= lo)
    if hi is not None:
        where.append(ReceptionSession.starts_at < hi)
    held = dict(db.session.execute(
        select(ReceptionSession.kind, func.count()).where(ReceptionSession.status == SessionStatus.held, *where)
        .group_by(ReceptionSession.kind)).all())
    regs = db.session.execute(
        select(func.count(), func.count().filter(Registration.attended.is_(True)))
        .select_from(Registration).join(ReceptionSession)
        .where(Registration.status == RegistrationStatus.registered, *where)).one()
    return {"sessions_held": sum(held.values()),
            "sessions_held_by_kind": {getattr(k, "value", k): n
                                      for k, n in sorted(held.items(), key=lambda kv: str(kv[0]))},
            "registrations": int(regs[0] or 0), "attended": int(regs[1] or 0)}
