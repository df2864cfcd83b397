"""Text from attachments (PDF, DOCX, XLSX, ODT) for search, and the classification-stamp check.

``extract_text(data, content_type)`` returns ``(full_text, first_page_text)``; it never raises on a
broken file (the text is then empty). ``find_secrecy_stamp(text)`` returns the stamp found
(``"MẬT"``, ``"TỐI MẬT"``, ``"TUYỆT MẬT"``) or None.

Reading is bounded whatever the file: DOCX and ODT XML is streamed (no tree in memory), XLSX is
read in openpyxl's read-only mode, PDF page content counts against a decoded-bytes budget, and
every format stops at ``MAX_TEXT_CHARS`` of text or after ``MAX_SECONDS``. (The upload check has
already refused archives whose members add up to more than ``UPLOAD_MAX_UNCOMPRESSED_BYTES``.)
"""
from __future__ import annotations

import io
import re
import time
import unicodedata
import zipfile

from portal.files import DOCX, ODT, PDF, XLSX
from public_docs.disclosures.xmltext import paragraphs

MAX_TEXT_CHARS = 500_000
MAX_PDF_PAGES = 300
MAX_PDF_CONTENT_BYTES = 64 * 1024 * 1024  # decoded page content read for text, all pages together
MAX_SECONDS = 10.0  # reading stops there; the text so far (first page first) is kept
FIRST_PAGE_CHARS = 2500  # formats without pages: the opening of the document stands for page one
PAGE_BREAK = "\f"


def _clip(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "")
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", " ", text)
    return text[:MAX_TEXT_CHARS]


def _pdf(data: bytes) -> tuple[str, str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            reader.decrypt("")
        except Exception:  # noqa: BLE001 - a password-protected PDF has no readable text
            return "", ""
    pages = []
    total = 0
    budget = MAX_PDF_CONTENT_BYTES
    deadline = time.monotonic() + MAX_SECONDS
    for i, page in enumerate(reader.pages):
        if i >= MAX_PDF_PAGES or total > MAX_TEXT_CHARS or time.monotonic() > deadline:
            break
        try:
            contents = page.get_contents()  # decoded (and kept) by pypdf: counted before the text is read
            budget -= len(contents.get_data()) if contents is not None else 0
            if budget < 0:
                break
            text = page.extract_text() or ""
        except Exception:  # noqa: BLE001
            text = ""
        pages.append(text)
        total += len(text)
    return "\n".join(pages), (pages[0] if pages else "")


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCX_HEADER = re.compile(r"word/header\d*\.xml")
_DOCX_PARA, _DOCX_TEXT = {_W + "p"}, {_W + "t"}
_DOCX_SPECIAL = {
    _W + "tab": lambda a: "\t",
    _W + "ptab": lambda a: "\t",
    _W + "cr": lambda a: "\n",
    _W + "br": lambda a: PAGE_BREAK if a.get(_W + "type") == "page" else "\n",
    _W + "lastRenderedPageBreak": lambda a: PAGE_BREAK,
    _W + "noBreakHyphen": lambda a: "-",
}


def _docx(data: bytes) -> tuple[str, str]:
    parts: list[str] = []
    first: list[str] | None = None
    total = 0
    deadline = time.monotonic() + MAX_SECONDS
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        # Header text first: stamps are often placed in the page header.
        for name in sorted(n for n in zf.namelist() if _DOCX_HEADER.fullmatch(n)):
            with zf.open(name) as fh:
                parts.extend(t for t in paragraphs(fh, _DOCX_PARA, _DOCX_SPECIAL, _DOCX_TEXT, deadline=deadline)
                             if t.strip())
        with zf.open("word/document.xml") as fh:
            for text in paragraphs(fh, _DOCX_PARA, _DOCX_SPECIAL, _DOCX_TEXT, deadline=deadline):
                if first is None and PAGE_BREAK in text:
                    first = parts + [text.split(PAGE_BREAK, 1)[0]]
                parts.append(text.replace(PAGE_BREAK, ""))
                total += len(text)
                if total > MAX_TEXT_CHARS:
                    break
    full = "\n".join(parts)
    first_text = "\n".join(first) if first is not None else full[:FIRST_PAGE_CHARS]
    return full, first_text


def _xlsx(data: bytes) -> tuple[str, str]:
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lines: list[str] = []
    first = ""
    total = 0
    for n, ws in enumerate(wb.worksheets):
        if total > MAX_TEXT_CHARS:
            break
        lines.append(ws.title)
        for row in ws.iter_rows(values_only=True):
            cells = [str(v) for v in row if v is not None and str(v).strip()]
            if cells:
                line = "\t".join(cells)
                lines.append(line)
                total += len(line)
            if total > MAX_TEXT_CHARS:
                break
        if n == 0:
            first = "\n".join(lines)[:FIRST_PAGE_CHARS]
    wb.close()
    return "\n".join(lines), first


_ODT_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_ODT_PARA = {_ODT_TEXT + "p", _ODT_TEXT + "h"}


def _odt_spaces(attrs: dict) -> str:
    count = attrs.get(_ODT_TEXT + "c", "1")
    return " " * min(int(count), 100) if count.isdigit() else " "


_ODT_SPECIAL = {_ODT_TEXT + "s": _odt_spaces, _ODT_TEXT + "tab": lambda a: "\t",
                _ODT_TEXT + "line-break": lambda a: "\n"}


def _odt(data: bytes) -> tuple[str, str]:
    lines: list[str] = []
    total = 0
    with zipfile.ZipFile(io.BytesIO(data)) as zf, zf.open("content.xml") as fh:
        for text in paragraphs(fh, _ODT_PARA, _ODT_SPECIAL, deadline=time.monotonic() + MAX_SECONDS):
            lines.append(text)
            total += len(text)
            if total > MAX_TEXT_CHARS:
                break
    full = "\n".join(lines)
    return full, full[:FIRST_PAGE_CHARS]


_EXTRACTORS = {PDF: _pdf, DOCX: _docx, XLSX: _xlsx, ODT: _odt}


def extract_text(data: bytes, content_type: str) -> tuple[str, str]:
    """``(full_text, first_page_text)`` of a file; images and broken files give empty text."""
    fn = _EXTRACTORS.get(content_type)
    if fn is None:
        return "", ""
    try:
        full, first = fn(data)
    except Exception:  # noqa: BLE001 - a file we cannot read is still a valid attachment
        return "", ""
    return _clip(full), _clip(first)


# --- classification stamps (Decree 26/2020: "MẬT", "TỐI MẬT", "TUYỆT MẬT") ---------------------
_STAMP = re.compile(r"(?<!\w)((?:TUYỆT|TỐI)\s+MẬT|MẬT)(?!\w)")
_UPPER_WORD = re.compile(r"^[^\W\d_]+$")


def _neighbour_is_caps_word(text: str, before: bool) -> bool:
    """Is the word right next to the match (one space between: same phrase) written in capitals?"""
    if before:
        m = re.search(r"([^\W\d_]+) $", text)
    else:
        m = re.match(r"^ ([^\W\d_]+)", text)
    return bool(m and m.group(1).isupper())


def find_secrecy_stamp(text: str | None) -> str | None:
    """The classification stamp on ``text`` (typically a document's first page), or None.

    A stamp is the capitalised word MẬT standing alone (or TỐI MẬT / TUYỆT MẬT): "BẢO MẬT",
    "MẬT KHẨU" or "mật khẩu" are ordinary words, not stamps. A line that is only "Mật",
    "Tối mật" or "Tuyệt mật" (any case) is a stamp too.
    """
    if not text:
        return None
    text = unicodedata.normalize("NFC", text)
    for line in text.splitlines():
        bare = re.sub(r"[\s\W_]+", " ", line).strip()
        if bare.upper() in ("MẬT", "TỐI MẬT", "TUYỆT MẬT"):
            return re.sub(r"\s+", " ", bare.upper())
        for m in _STAMP.finditer(line):
            if _neighbour_is_caps_word(line[: m.start()], before=True):
                continue
            if _neighbour_is_caps_word(line[m.end():], before=False):
                continue
            return re.sub(r"\s+", " ", m.group(1))
    return None
