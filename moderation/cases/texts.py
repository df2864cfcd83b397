"""The sentences a case or a submission stores in Vietnamese (a case's events' ``text`` and
``routing_reason``, a submission event's message and note), and their reading in the page's language.

A service fills a pattern of :data:`PATTERNS` (``fill(ROUTED, board=board.name)``) and stores the
Vietnamese sentence: it is the record, and what goes into Vietnamese documents and emails. A page
shows it through :func:`stored_text` (the ``stored_text`` filter): a fixed sentence is looked up in
the catalog, a filled pattern is recognised, its pattern translated and its values put back (each
value read the same way: a Board's name, or a sentence inside a sentence). Text typed by people
comes back as it is."""
from __future__ import annotations

import re
from functools import cache

from moderation.intake.choices import GUIDANCE_PATTERNS
from portal.i18n import N_, gettext, translate

ROUTED = N_("Kiến nghị đã được chuyển đến %(board)s.")
ROUTED_BY_RULE = N_("Chuyển %(board)s theo quy định.")
ROUTED_TO_PROJECT_BOARD = N_("Kiến nghị liên quan đến dự án có Ban giám sát đầu tư của cộng đồng: chuyển %(board)s.")
ROUTED_BY_MODERATOR = N_("Người kiểm duyệt chuyển %(board)s: %(reason)s")
ROUTED_WITH_NOTE = N_("%(reason)s Ghi chú: %(note)s")
ASSIGNED = N_("Phân công %(name)s xử lý.")
REASSIGNED = N_("Phân công lại cho %(name)s.")
REFERRED = N_("Ban đã kiến nghị %(agency)s xem xét, giải quyết (văn bản gửi ngày %(sent_on)s).")
ANSWERED_WITH_NUMBER = N_("%(agency)s đã trả lời (văn bản số %(number)s).")
ANSWERED = N_("%(agency)s đã trả lời.")
RATED = N_("Người gửi đánh giá %(value)s/5.")
PUBLIC_ANSWER_DUE = N_("Đã đủ %(n)s người ủng hộ: Ban sẽ trả lời công khai.")
# the moderation queue's sentences (a submission's events)
DUPLICATE_OF = N_("Trùng với %(code)s.")
TOPIC_CHANGED = N_("Lĩnh vực được điều chỉnh: %(topic)s.")

GUIDANCE_AND_NOTE = N_("%(guidance)s Hướng dẫn thêm: %(note)s")

# Most specific first: the first pattern that matches the whole sentence is the one used.
PATTERNS = (
    *GUIDANCE_PATTERNS, GUIDANCE_AND_NOTE, ROUTED_TO_PROJECT_BOARD, ROUTED_BY_RULE, ROUTED_BY_MODERATOR, ROUTED,
    ASSIGNED, REASSIGNED, REFERRED, ANSWERED_WITH_NUMBER, ANSWERED, RATED, PUBLIC_ANSWER_DUE, DUPLICATE_OF,
    TOPIC_CHANGED, ROUTED_WITH_NOTE,
)
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def fill(pattern: str, **values) -> str:
    """The Vietnamese sentence to store."""
    return pattern % values


@cache
def _regex(pattern: str) -> re.Pattern:
    parts = _PLACEHOLDER.split(pattern)  # text, name, text, name, …, text
    out = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
    return re.compile(out, re.S)


def stored_text(value, _depth: int = 0) -> str:
    """``value`` in the page's language (see the module's docstring)."""
    text = "" if value is None else str(value)
    shown = translate(text)
    if shown != text or not text or _depth > 2:
        return shown
    for pattern in PATTERNS:
        match = _regex(pattern).fullmatch(text)
        if match:
            return gettext(pattern) % {k: stored_text(v, _depth + 1) for k, v in match.groupdict().items()}
    return text
