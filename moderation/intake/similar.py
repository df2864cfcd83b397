"""Similar public petitions, matched on title and description without regard to diacritics,
so that a resident can support one instead of filing a duplicate."""
from __future__ import annotations

import re

from sqlalchemy import select

from moderation.intake.models import Submission, SubmissionKind, SubmissionStatus, Visibility
from portal.extensions import db
from public_docs.search import fold

# Very common syllables that say nothing about the matter.
STOPWORDS = set("""
va cua la cho co khong nhung cac mot duoc trong tai voi nay de tu den nhu thi se da dang ve o
nguoi dan phuong to kien nghi phan anh de nghi xin bi rat khi len ra vao theo tren duoi duong kiet
hang moi nhieu chua hon lam
""".split())
CANDIDATES = 1000


def tokens(text: str) -> set[str]:
    return {t for t in re.findall(r"\w+", fold(text)) if len(t) > 1 and t not in STOPWORDS}


def bigrams(text: str) -> set[str]:
    words = [t for t in re.findall(r"\w+", fold(text)) if len(t) > 1]
    return {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


def similar_petitions(title: str, description: str = "", limit: int = 5,
                      exclude_id: int | None = None) -> list[Submission]:
    """Up to ``limit`` approved, public petitions sharing the most words with the query (title
    words count double, Vietnamese two-syllable words count extra)."""
    q_title, q_all = tokens(title), tokens(f"{title} {description}")
    q_bi = bigrams(f"{title} {description}")
    if not q_all:
        return []
    rows = db.session.scalars(
        select(Submission)
        .where(Submission.kind == SubmissionKind.petition, Submission.status == SubmissionStatus.approved,
               Submission.visibility != Visibility.private)
        .order_by(Submission.id.desc()).limit(CANDIDATES)
    ).all()
    scored = []
    for sub in rows:
        if exclude_id and sub.id == exclude_id:
            continue
        text = f"{sub.shown_title} {sub.shown_description}"
        t_title = tokens(sub.shown_title)
        t_all = tokens(text)
        common = q_all & t_all
        if not common:
            continue
        score = len(common) + len(q_title & t_title) + 2 * len(q_bi & bigrams(text))
        # Require a meaningful overlap: a share of the query's words, not one stray word.
        if len(common) < 2 and not (q_title & t_title and len(q_title) <= 2):
            continue
        if score / max(len(q_all), 1) < 0.25:
            continue
        scored.append((score, sub.id, sub))
    scored.sort(key=lambda x: (-x[0], -x[1]))
    return [s for _, _, s in scored[:limit]]
