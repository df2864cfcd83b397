"""The searched text of a disclosure: ONE definition for the index, the phrase re-ranking and the
snippets, from an ORM object (:func:`disclosure_text`) or from columns read for a page of hits
(:func:`load_texts`, :class:`TextLoader`).

The searched text besides the title is the summary, the body with its tags removed (``body_html``,
else ``body_source``) and the text of each attachment not removed, in id order.
"""
from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

TAG_RE = re.compile(r"<[^>]*>")
BODY_CHARS = 40_000  # of a body read back for re-ranking and snippets


def tag_free(html_text: str | None) -> str:
    return html.unescape(TAG_RE.sub(" ", html_text or ""))


def searchable_text(summary: str | None, body: str | None, attachments: Iterable[str] = ()) -> str:
    """Summary, body (tags removed) and attachment texts, one per line."""
    parts = [summary or "", tag_free(body), *attachments]
    return "\n".join(p for p in parts if p)


def disclosure_text(disclosure, attachments: bool = True) -> str:
    """:func:`searchable_text` of a disclosure object (what the index counts)."""
    files = ()
    if attachments:
        files = [unicodedata.normalize("NFC", a.text) for a in disclosure.attachments
                 if a.text and getattr(a, "removed_at", None) is None]
    return searchable_text(disclosure.summary, disclosure.body_html or disclosure.body_source, files)


def attachment_texts(doc_ids: list[int]) -> dict[int, list[str]]:
    from sqlalchemy import select

    from portal.extensions import db
    from public_docs.disclosures.models import Attachment

    out: dict[int, list[str]] = {}
    for did, text in db.session.execute(
        select(Attachment.disclosure_id, Attachment.text)
        .where(Attachment.disclosure_id.in_(doc_ids), Attachment.removed_at.is_(None))
        .order_by(Attachment.id)
    ):
        if text:
            out.setdefault(did, []).append(unicodedata.normalize("NFC", text))
    return out


def load_texts(doc_ids: list[int], attachments: bool = False) -> dict[int, tuple[str, str]]:
    """{doc_id: (title, searchable text)} from the database (the truth), the body cut at
    ``BODY_CHARS``; stored text is already NFC (``portal.sanitize``)."""
    from sqlalchemy import case, func, select

    from portal.extensions import db
    from public_docs.disclosures.models import Disclosure

    body_col = func.substr(
        case((Disclosure.body_html != "", Disclosure.body_html), else_=Disclosure.body_source), 1, BODY_CHARS
    )
    rows = db.session.execute(
        select(Disclosure.id, Disclosure.title, Disclosure.summary, body_col).where(Disclosure.id.in_(doc_ids))
    ).all()
    extra = attachment_texts(doc_ids) if attachments else {}
    return {did: (title or "", searchable_text(summary, body, extra.get(did, ())))
            for did, title, summary, body in rows}


class TextLoader:
    """Texts fetched once per search: the phrase re-ranking and the snippets share them."""

    def __init__(self):
        self.texts: dict[int, tuple[str, str]] = {}
        self.with_attachments: set[int] = set()

    def __call__(self, doc_ids: list[int], attachments: bool = False) -> dict[int, tuple[str, str]]:
        missing = [d for d in doc_ids if d not in self.texts]
        if missing:
            self.texts.update(load_texts(missing, attachments=attachments))
            if attachments:
                self.with_attachments.update(missing)
        if attachments:
            need = [d for d in doc_ids if d in self.texts and d not in self.with_attachments]
            if need:
                extra = attachment_texts(need)
                for d in need:
                    if extra.get(d):
                        title, text = self.texts[d]
                        self.texts[d] = (title, "\n".join([text, *extra[d]]))
                self.with_attachments.update(need)
        return {d: self.texts[d] for d in doc_ids if d in self.texts}
