"""Spreadsheet-safe exports: stored text never becomes a live formula (CSV/formula injection).

A title an editor or a resident typed, such as ``=HYPERLINK("http://evil","x")``, ``+1+1`` or
``@SUM(A1)``, is evaluated by Excel or LibreOffice when a CSV cell or an XLSX formula starts with it.
Every export writes its cells through these helpers:

- CSV (:func:`csv_cell`, :func:`csv_row`): text whose first character (after any leading spaces) is
  one of ``= + - @``, a tab, CR or LF gets a leading single quote, as the OWASP CSV injection guidance
  says; numbers are written as numbers.
- XLSX (:func:`xlsx_append`): text cells are stored as strings (``data_type 's'``), so the value
  stays exactly what was typed; cells that look like a formula also get Excel's quote prefix, so
  editing them in Excel does not turn them into one.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from decimal import Decimal

# Characters a spreadsheet reads as the start of a formula (ASCII and full-width forms), and
# control characters that some spreadsheets skip before one.
FORMULA_START = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
CONTROL_START = frozenset("\t\r\n")
NUMERIC = (int, float, Decimal, dt.date, dt.datetime, dt.time)


def looks_like_formula(text: str) -> bool:
    if not text:
        return False
    if text[0] in CONTROL_START or text[0] in FORMULA_START:
        return True
    stripped = text.lstrip(" \u00a0\u200b\ufeff\t\r\n")
    return bool(stripped) and stripped[0] in FORMULA_START


def csv_cell(value) -> object:
    """A value safe to write to a CSV cell: None → "", numbers unchanged, an aware datetime in the
    ward's time zone, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.tzinfo:
        from portal.ward import local_time

        return local_time(value).strftime("%Y-%m-%d %H:%M:%S")  # the ward's clock, never UTC's
    if isinstance(value, NUMERIC) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if looks_like_formula(text) else text


def csv_row(values: Iterable) -> list:
    return [csv_cell(v) for v in values]


def csv_bytes(header: Iterable[str], rows: Iterable[Iterable]) -> bytes:
    """A UTF-8 CSV (with BOM, so Excel reads Vietnamese correctly) of ``header`` and ``rows``."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(csv_row(header))
    for row in rows:
        writer.writerow(csv_row(row))
    return out.getvalue().encode("utf-8")


def xlsx_append(sheet, values: Iterable) -> None:
    """Append a row to an openpyxl worksheet, every text value stored as a string, never a formula."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if looks_like_formula(cell.value):
                cell.quotePrefix = True
