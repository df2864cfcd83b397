"""Disclosure services, one module per seam of the domain:

- ``disclosures``: the state changes (create/update a draft, publish, amend, withdraw, comment window);
- ``attachments``: upload checks, storage, text extraction and removal;
- ``validation``: form and import values cleaned into model values;
- ``posting``: the posting period from publication on the portal, late publication;
- ``postings``: the other ways a disclosure was posted (headquarters, groups, loudspeaker, meetings);
- ``queries``: public listing, filters, facet counts and lookups;
- ``common``: ``DomainError``, ``UploadedFile``, ``today``, ``parse_date``.

Import from here (``from public_docs import services``); the names below are the package's API.
"""
from __future__ import annotations

from public_docs.disclosures.services.attachments import (
    ATTACHMENT_TYPES,
    add_attachment,
    check_upload,
    remove_attachment,
)
from public_docs.disclosures.services.common import UploadedFile, parse_date, today
from public_docs.disclosures.services.disclosures import (
    amend_disclosure,
    close_comments,
    create_disclosure,
    open_for_comments,
    publish_disclosure,
    update_disclosure,
    withdraw_disclosure,
)
from public_docs.disclosures.services.posting import (
    is_late,
    late_publication_working_days,
    posting_min_days,
    posting_period,
    publication_delay,
    published_on,
)
from public_docs.disclosures.services.postings import loudspeaker_min_days, record_posting
from public_docs.disclosures.services.queries import (
    FILTER_KEYS,
    active_attachments,
    clean_filters,
    facet_counts,
    filter_public,
    find_by_number,
    get_public_disclosure,
    is_open_for_comments,
    list_only,
    list_open_consultations,
    list_projects,
    public_query,
)
from public_docs.disclosures.services.validation import (
    EDITABLE_FIELDS,
    NUMBER_RE,
    clean_disclosure_data,
    disclosure_data,
    preview_body,
)

__all__ = [
    "ATTACHMENT_TYPES", "EDITABLE_FIELDS", "FILTER_KEYS", "NUMBER_RE",
    "UploadedFile",
    "active_attachments", "add_attachment", "amend_disclosure", "check_upload", "clean_disclosure_data", "list_only",
    "clean_filters", "close_comments", "create_disclosure", "disclosure_data", "facet_counts", "filter_public",
    "preview_body",
    "find_by_number", "get_public_disclosure", "is_late", "is_open_for_comments", "late_publication_working_days",
    "posting_period", "publication_delay", "published_on", "loudspeaker_min_days", "record_posting",
    "list_open_consultations", "list_projects",
    "open_for_comments", "parse_date", "posting_min_days", "public_query", "publish_disclosure", "remove_attachment",
    "today", "update_disclosure", "withdraw_disclosure",
]
