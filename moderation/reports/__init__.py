"""Statistics of the residents' petitions and the Boards' work, for the public statistics page, the
API and the periodic report: ``figures`` computes them, ``files`` writes the report files; this
module re-exports both."""
from __future__ import annotations

from moderation.reports.figures import (
    STAT_LABELS,
    answer_date,
    answered_on_time,
    compute_statistics,
    disclosure_statistics,
    period_bounds,
    quarter_bounds,
    report_data,
)
from moderation.reports.files import report_csv, report_docx, report_rows, report_sentences, report_xlsx

__all__ = [
    "STAT_LABELS", "answer_date", "answered_on_time", "compute_statistics", "disclosure_statistics",
    "period_bounds", "quarter_bounds", "report_csv", "report_data", "report_docx", "report_rows",
    "report_sentences", "report_xlsx",
]
