"""The filters the public petition list and the Board's case list both read from the query string."""
from __future__ import annotations

from flask import request

from moderation.cases.models import Case, CaseStatus
from moderation.intake.models import Submission
from portal.params import id_arg


def filter_cases(query):
    """Apply ``?topic=&group=&status=`` to a query that joins Submission and Case; return the query
    and the values to keep in the filter form."""
    topic_id = id_arg("topic")
    group_id = id_arg("group")
    status = request.args.get("status") or ""
    if topic_id:
        query = query.where(Submission.topic_id == topic_id)
    if group_id:
        query = query.where(Submission.group_id == group_id)
    if status in CaseStatus.__members__:
        query = query.where(Case.status == CaseStatus(status))
    return query, {"topic": topic_id, "group": group_id, "status": status}
