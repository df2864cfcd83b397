"""Statements per request on every list page, staff and public, do not grow with the number of rows:
the count with 50 rows of each kind (petitions, cases, disclosures, consultations, staff, groups,
audit events…) is the count with 5. The pages are found by walking the URL map: every GET route
without arguments, plus the list pages' tabs and query strings."""
from __future__ import annotations

from portal.accounts.models import User
from portal.extensions import db
from tests.fixtures.users import sign_in
from tests.portal.page_world import World, grow

# The list pages' tabs, filters and searches, besides their plain URLs.
EXTRA_PATHS = [
    "/can-bo/ban/?tab=all", "/can-bo/ban/?tab=overdue", "/can-bo/ban/?tab=due", "/can-bo/ban/?tab=unassigned",
    "/can-bo/kiem-duyet/?tab=all", "/can-bo/kiem-duyet/?kind=comment",
    "/kien-nghi?q=thử", "/cong-khai?category=plans", "/tim-kiem?q=thông+báo",
]


def list_paths(app) -> list[str]:
    paths = []
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and not rule.arguments and rule.endpoint != "static" \
                and not rule.endpoint.endswith(".static"):
            paths.append(rule.rule)
    return sorted(paths) + EXTRA_PATHS


def detail_paths(app) -> list[str]:
    """The pages of one row that list its parts (a case, a pending petition, a disclosure, a
    consultation with its comments, a staff account, a Board member, a feed, the API record), for
    the first rows of the world: they must not grow with the number of other rows."""
    from sqlalchemy import func, select

    from moderation.boards.models import BoardMember
    from moderation.cases.models import Case
    from moderation.intake.models import Submission, SubmissionKind, SubmissionStatus
    from public_docs.disclosures.models import Disclosure

    first = db.session.scalar
    case = first(select(func.min(Case.id)))
    pending = first(select(func.min(Submission.id)).where(Submission.status == SubmissionStatus.received))
    consultation = first(select(func.min(Submission.disclosure_id)).where(Submission.kind == SubmissionKind.comment))
    disclosure = first(select(func.min(Disclosure.id)))
    approved = first(select(Case.submission_id).where(Case.id == case))
    member = first(select(func.min(BoardMember.id)))
    user = first(select(func.min(User.id)))
    return [
        f"/can-bo/ban/ho-so/{case}", f"/can-bo/kiem-duyet/{pending}", f"/cong-khai/{disclosure}",
        f"/cong-khai/{consultation}", f"/lay-y-kien/{consultation}", f"/can-bo/tong-hop-y-kien/{consultation}",
        f"/kien-nghi/{approved}", f"/can-bo/cong-khai/{disclosure}", f"/can-bo/quan-tri/nguoi-dung/{user}",
        f"/can-bo/ban/thanh-vien/{member}", "/cong-khai/linh-vuc/plans/atom.xml",
        f"/api/v1/disclosures/{disclosure}",
    ]


def measure(client, count_queries, paths) -> dict[str, tuple[int, int]]:
    out = {}
    for path in paths:
        db.session.remove()  # every request starts with an empty session, as on a server
        with count_queries() as statements:
            r = client.get(path)
        out[path] = (r.status_code, len(statements))
    return out


def test_statements_per_page_do_not_grow_with_rows(app, client, count_queries):
    anonymous = app.test_client()
    world = grow(World(), 5)
    sign_in(client, db.session.get(User, world.staff_id))
    paths = list_paths(app) + detail_paths(app)
    small = {"staff": measure(client, count_queries, paths), "public": measure(anonymous, count_queries, paths)}
    grow(world, 45)
    large = {"staff": measure(client, count_queries, paths), "public": measure(anonymous, count_queries, paths)}
    grown = {f"{who} {path}": (small[who][path], large[who][path]) for who in small for path in paths
             if small[who][path] != large[who][path]}
    # (status, statements) with 5 rows of each kind, then with 50
    assert not grown, "\n".join(f"{page}: {a} -> {b}" for page, (a, b) in grown.items())
