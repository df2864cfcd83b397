"""Demo disclosures of Phường Hòa An, written for this project (fictional figures and places).

Each record: number, category, form, title, summary, body (Markdown), ``days_ago`` (issue date
relative to the day the demo is loaded) and optional extras: ``budget_kind``, ``budget_year``, ``budget_quarter``, ``groups``,
``is_project``, ``attachment`` ("pdf" | "docx" | "xlsx"), ``attachment_text`` (paragraphs written
into the generated file), ``comments`` (days from today: (start, end); an end in the past makes a closed consultation),
``publish_lag`` (working days from issue to publication, else 0-2), ``tables`` (budget figures,
see ``budget``), ``draft``, ``amend``
(title, change note), ``withdraw`` (reason). No personal data: beneficiary lists count households
per residential group only.

The records live in two modules by subject (``development``: plans, budget, projects, land,
planning; ``community``: everything else); this list keeps their order, which is the load order.
"""
from __future__ import annotations

from public_docs.disclosures.demo_data import community, development

DISCLOSURES: list[dict] = development.RECORDS + community.RECORDS
