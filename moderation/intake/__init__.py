"""What residents send: petitions, consultation comments, added information and supports.

The services are in ``petitions`` (filing, receipt codes), ``supports``, ``attachments``, ``choices`` (option
lists) and ``fields`` (checks); the models in ``models``; the public pages in ``views``, the JSON
API in ``api``. The public list below is what the other domains call.
"""
from moderation.intake.petitions import (
    ALLOWED_TYPES,
    ALPHABET,
    CODE_CHARS,
    DEFAULT_TOPICS,
    KIND_LABELS,
    LIMITS,
    MAX_FILES,
    PREFIXES,
    VISIBILITY_LABELS,
    MatterRedirected,
    Upload,
    active_groups,
    active_topics,
    add_information,
    find_by_code,
    format_code,
    is_open_for_comments,
    legal_guidance,
    list_projects,
    new_receipt_code,
    normalize_code,
    seed_topics,
    submit_comment,
    submit_petition,
    validate_petition,
)
from moderation.intake.supports import CLOSED_MESSAGE, closed_petition_ids, support_petition

__all__ = [
    "ALLOWED_TYPES", "ALPHABET", "CLOSED_MESSAGE", "CODE_CHARS", "DEFAULT_TOPICS", "KIND_LABELS", "LIMITS",
    "MAX_FILES", "PREFIXES",
    "VISIBILITY_LABELS", "MatterRedirected", "Upload", "active_groups",
    "active_topics", "add_information", "closed_petition_ids", "find_by_code", "format_code",
    "is_open_for_comments", "legal_guidance",
    "list_projects", "new_receipt_code", "normalize_code", "seed_topics", "submit_comment", "submit_petition",
    "support_petition", "validate_petition",
]
