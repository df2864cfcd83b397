"""Two ballots with one code at the same time: one 201, one 409. Run on PostgreSQL with
TEST_DATABASE_URL (the conditional insert waits for the other transaction, then inserts nothing);
on SQLite the database's write lock gives the same answers."""
from __future__ import annotations

import threading
import time

from sqlalchemy import func, select

from moderation.decisions import ballots
from moderation.decisions.models import Ballot, BallotUse, Channel
from portal.extensions import db as _db


def _post(app, matter_id, code, choice, out, barrier=None):
    with app.app_context():  # each thread its own context and database session, as a server's would be
        client = app.test_client()
        if barrier:
            barrier.wait()
        response = client.post(f"/api/v1/decisions/{matter_id}/ballots", json={"code": code, "choice": choice})
        out.append(response.status_code)
        _db.session.remove()


def test_two_parallel_web_ballots_with_one_code(app, db, ward, make_matter):
    m = make_matter()
    code = ballots.issue_codes(m, ward[0].id, 1, "test")[0]
    db.session.commit()
    statuses: list[int] = []
    barrier = threading.Barrier(2)
    threads = [threading.Thread(target=_post, args=(app, m.id, code, choice, statuses, barrier))
               for choice in ("yes", "no")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(statuses) == [201, 409]
    db.session.expire_all()
    assert db.session.scalar(select(func.count(Ballot.id))) == 1
    assert db.session.scalar(select(func.count()).select_from(BallotUse)) == 1


def test_web_ballot_waits_for_a_paper_ballot_in_flight_and_is_refused(app, db, ward, make_matter):
    """The paper ballot's transaction has inserted and not committed yet when the web ballot with
    the same code arrives: the web ballot waits, then finds the code used (409)."""
    m = make_matter()
    code = ballots.issue_codes(m, ward[0].id, 1, "test")[0]
    matter_id = m.id
    db.session.commit()
    inserted = threading.Event()
    statuses: list[int] = []

    def paper():
        with app.app_context():
            from moderation.decisions.models import DecisionMatter

            matter = _db.session.get(DecisionMatter, matter_id)
            ballots.cast_ballot(matter, code, "no", Channel.paper, "test")
            inserted.set()
            time.sleep(0.5)
            _db.session.commit()
            _db.session.remove()

    t = threading.Thread(target=paper)
    t.start()
    assert inserted.wait(10)
    web = threading.Thread(target=_post, args=(app, matter_id, code, "yes", statuses))
    web.start()
    t.join(30)
    web.join(30)
    assert statuses == [409]
    db.session.expire_all()
    rows = db.session.scalars(select(Ballot)).all()
    assert [(b.channel, b.choices) for b in rows] == [(Channel.paper, ["no"])]
