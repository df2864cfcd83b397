"""Upload limits and names: an image's pixel count is read from its header and refused before any
decoding; a DOCX/XLSX/ODT whose members add up to more than UPLOAD_MAX_UNCOMPRESSED_BYTES once
unpacked is refused before extraction (even when no member looks like a bomb); text extraction
streams, whatever the size of the XML; a file name keeps no bidi, zero-width or other invisible
character on any upload path, nor in the download header."""
from __future__ import annotations

import datetime as dt
import io
import os
import struct
import subprocess
import sys
import textwrap
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from portal.errors import DomainError
from portal.extensions import db
from portal.files import DOCX, JPEG, PDF, PNG, clean_filename, inspect_upload, visible_name

from .test_uploads import docx, with_members

MAX = 20 * 1024 * 1024
ROOT = Path(__file__).resolve().parents[2]


# --------------------------------------------------------------------------------- images
def png_of(width: int, height: int) -> bytes:
    """A complete, valid greyscale PNG of ``width`` × ``height`` black pixels: all zeros compress
    to almost nothing (8000 × 7500, 60 MP, is about 60 KB)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = zlib.compress(b"\0" * ((width + 1) * height), 9)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def jpeg_claiming(width: int, height: int) -> bytes:
    """A small real JPEG whose frame header (SOF0) claims ``width`` × ``height``."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (16, 16), (10, 120, 30)).save(out, format="JPEG")
    data = bytearray(out.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5:sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


SIXTY_MP = png_of(8000, 7500)


@pytest.mark.parametrize("data", [SIXTY_MP, png_of(40_000, 40_000), jpeg_claiming(20_000, 20_000),
                                  jpeg_claiming(65_000, 65_000)],
                         ids=["png-60MP", "png-1600MP", "jpeg-400MP", "jpeg-4GP"])
def test_image_with_too_many_pixels_refused_from_its_header(data):
    assert len(data) < 2 * 1024 * 1024
    start = time.perf_counter()
    with pytest.raises(DomainError) as exc:
        inspect_upload(data, {JPEG, PNG}, MAX)
    assert time.perf_counter() - start < 0.5  # nothing decoded
    message = str(exc.value)
    assert "Ảnh có kích thước quá lớn" in message and "tối đa 40 triệu điểm ảnh" in message, message


@pytest.mark.parametrize("config_overrides", [{"UPLOAD_MAX_IMAGE_PIXELS": 10_000}])
def test_pixel_limit_is_a_setting(app, config_overrides):
    assert inspect_upload(png_of(100, 100), {PNG}, MAX) == PNG
    with pytest.raises(DomainError) as exc:
        inspect_upload(png_of(101, 100), {PNG}, MAX)
    assert "101 × 100 điểm ảnh" in str(exc.value) and "tối đa 0,01 triệu" in str(exc.value)


@pytest.fixture
def config_overrides():
    return {"RATELIMIT_ENABLED": False, "FORM_MIN_FILL_SECONDS": 0}


def _petition(client, filename: str, data: bytes):
    from moderation import abuse
    from security.workflow import default_topic

    return client.post("/gui-kien-nghi", data={
        "step": "final", abuse.STARTED_FIELD: abuse.started_token(time.time() - 30), "kind": "feedback",
        "topic": default_topic(), "title": "Đèn đường hỏng ở tổ 5",
        "description": "Ba cột đèn không sáng từ hai tuần nay, rất tối và nguy hiểm.",
        "visibility": "anonymous", "attachments": (io.BytesIO(data), filename),
    }, content_type="multipart/form-data")


def _editor():
    from security.harness import make_staff

    editor = make_staff("editor")
    db.session.commit()
    return editor


def _disclosure_data(number: str = "9/TB-UBND"):
    from public_docs.disclosures import services

    return {"number": number, "title": "Thông báo lịch tiếp dân", "summary": "Lịch", "body": "Nội dung",
            "category": "plans", "form": "Thông báo", "issuer": "UBND phường",
            "issued_on": services.today().isoformat()}


def test_sixty_megapixel_png_refused_by_the_petition_form_and_for_disclosures(app, client):
    from moderation.intake.models import Submission
    from public_docs.disclosures import services
    from public_docs.disclosures.models import Attachment

    start = time.perf_counter()
    resp = _petition(client, "anh-hien-truong.png", SIXTY_MP)
    assert time.perf_counter() - start < 2
    assert resp.status_code == 422
    assert "Ảnh có kích thước quá lớn (8000 × 7500 điểm ảnh" in resp.get_data(as_text=True)
    assert db.session.query(Submission).count() == 0
    with pytest.raises(DomainError) as exc:
        services.create_disclosure(_disclosure_data(), actor=_editor(),
                                   files=[services.UploadedFile("so-do.png", SIXTY_MP)])
    db.session.rollback()
    assert "Ảnh có kích thước quá lớn" in str(exc.value)
    assert db.session.query(Attachment).count() == 0


# --------------------------------------------------------------------------- zip archives
def xml_filler(size: int) -> bytes:
    """``size`` bytes of XML-like text that deflates about 25 to 1: under the per-member bomb ratio
    (100), the way the issue's 2.1 MB DOCX held 190 MB of XML."""
    rows, random = [], os.urandom(4 * (size // 55 + 1))
    for i in range(0, len(random), 4):
        rows.append(b'<w:p><w:r><w:t xml:space="preserve">' + random[i:i + 4].hex().encode() + b"</w:t></w:r></w:p>\n")
    return b"".join(rows)[:size]


def test_docx_expanding_to_sixty_megabytes_is_refused_before_extraction():
    member = xml_filler(60 * 1024 * 1024)
    data = with_members(docx(), [("word/glossary/document.xml", member)])
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/glossary/document.xml")
    assert len(data) < MAX and info.file_size / info.compress_size < 100  # no member looks like a bomb
    start = time.perf_counter()
    with pytest.raises(DomainError) as exc:
        inspect_upload(data, {DOCX}, MAX)
    assert time.perf_counter() - start < 1  # the central directory is read, nothing is unpacked
    message = str(exc.value)
    assert "Nội dung giải nén của tệp quá lớn" in message and "tối đa 50 MB" in message, message


@pytest.mark.parametrize("config_overrides", [{"UPLOAD_MAX_UNCOMPRESSED_BYTES": 1024 * 1024}])
def test_uncompressed_limit_is_a_setting_and_applies_to_disclosures(app, config_overrides):
    from public_docs.disclosures import services
    from public_docs.disclosures.models import Attachment

    editor = _editor()
    small = docx()
    big = with_members(small, [("customXml/item9.xml", xml_filler(2 * 1024 * 1024))])
    with pytest.raises(DomainError) as exc:
        services.create_disclosure(_disclosure_data(), actor=editor,
                                   files=[services.UploadedFile("bien-ban.docx", big)])
    db.session.rollback()
    assert "tối đa 1 MB" in str(exc.value)
    assert db.session.query(Attachment).count() == 0
    d = services.create_disclosure(_disclosure_data(), actor=editor,
                                   files=[services.UploadedFile("bien-ban.docx", small)])
    assert [a.filename for a in d.attachments] == ["bien-ban.docx"]


def test_docx_text_extraction_streams_in_little_memory(tmp_path):
    """30 MB of WordprocessingML with one sentence of text: read through in a child process whose
    peak memory grows by less than 40 MB (a whole-document parse holds several times the XML)."""
    base = zipfile.ZipFile(io.BytesIO(docx()))
    xml = base.read("word/document.xml")
    head, tail = xml.split(b"<w:body>", 1)
    para = b"<w:p>" + b"<w:r><w:rPr><w:b/></w:rPr></w:r>" * 100 + b"</w:p>"
    body = para * (30 * 1024 * 1024 // len(para))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in base.infolist():
            z.writestr(info.filename, head + b"<w:body>" + body + tail if info.filename == "word/document.xml"
                       else base.read(info.filename))
    path, small = tmp_path / "big.docx", tmp_path / "small.docx"
    path.write_bytes(out.getvalue())
    small.write_bytes(docx())
    script = textwrap.dedent(f"""
        import resource, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from portal.files import DOCX
        from public_docs.disclosures.extract import extract_text
        extract_text(open({str(small)!r}, "rb").read(), DOCX)  # imports and caches first
        data = open({str(path)!r}, "rb").read()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        full, first = extract_text(data, DOCX)
        grew = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        print(grew // 1024, round(time.perf_counter() - start, 1), full.strip() == 'Biên bản họp tổ dân phố')
    """)
    grew_mb, seconds, text = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                            check=True, cwd=ROOT).stdout.split()
    assert int(grew_mb) < 40 and float(seconds) < 12 and text == "True", (grew_mb, seconds, text)


# ------------------------------------------------------------------------------- file names
HIDDEN = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
          "\u2069", "\u061c", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e", "\x07", "\x1b",
          "\x85", "\ud800", "\ue000"]


@pytest.mark.parametrize("ch", HIDDEN, ids=[f"U+{ord(c):04X}" for c in HIDDEN])
def test_invisible_characters_are_stripped_from_names(ch):
    assert clean_filename(f"hoa-don{ch}fdp.exe", PDF) == "hoa-donfdp.pdf"
    assert visible_name(f"{ch}Biên bản{ch} họp{ch}.docx") == "Biên bản họp.docx"


def test_spaces_and_separators_become_plain_spaces():
    assert clean_filename("Kế\u00a0hoạch\u2028năm\u3000 2027 .docx", DOCX) == "Kế hoạch năm 2027.docx"


def _no_hidden(text: str) -> bool:
    return not any(ch in text for ch in HIDDEN)


def test_petition_attachment_name_is_stored_visible(app, client):
    from moderation.intake.models import SubmissionAttachment
    from security.test_uploads import pdf

    resp = _petition(client, "hoa-don\u202efdp.exe", pdf())
    assert resp.status_code in (302, 303), resp.get_data(as_text=True)[:300]
    att = db.session.query(SubmissionAttachment).one()
    assert att.filename == "hoa-donfdp.pdf"
    resp = _petition(client, "anh\u202egnp.exe", b"\x89PNG\r\n\x1a\nhong")  # refused: the message quotes the name
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422 and "“anh" in html and _no_hidden(html)


def test_disclosure_attachment_name_and_download_header_are_visible(app, client):
    from public_docs.disclosures import services
    from security.test_uploads import pdf

    editor = _editor()
    d = services.create_disclosure(_disclosure_data(), actor=editor,
                                   files=[services.UploadedFile("thong-bao\u202efdp.exe", pdf())])
    services.publish_disclosure(d, actor=editor, secrecy_confirmed=True)
    db.session.commit()
    att = d.attachments[0]
    assert att.filename == "thong-baofdp.pdf"
    page = client.get(f"/cong-khai/{d.id}").get_data(as_text=True)
    assert "thong-baofdp.pdf" in page and _no_hidden(page)
    resp = client.get(f"/cong-khai/{d.id}/tep/{att.id}")
    assert resp.status_code == 200
    disposition = resp.headers["Content-Disposition"]
    assert disposition == "attachment; filename=\"thong-baofdp.pdf\"; filename*=UTF-8''thong-baofdp.pdf"
    # A name stored before these rules (written straight to the row) is cleaned in the header too.
    att.filename = "cu\u202efdp.exe.pdf"
    db.session.commit()
    disposition = client.get(f"/cong-khai/{d.id}/tep/{att.id}").headers["Content-Disposition"]
    assert "%E2%80%AE" not in disposition and _no_hidden(disposition) and "cufdp.exe.pdf" in disposition
    with pytest.raises(DomainError) as exc:
        services.create_disclosure(_disclosure_data("10/TB-UBND"), actor=editor,
                                   files=[services.UploadedFile("virus\u202efdp.exe", b"MZ\x90\x00")])
    assert "“virusfdp.exe”" in str(exc.value) and _no_hidden(str(exc.value))


def test_board_answer_file_name_is_visible(app):
    from moderation.cases import triage
    from security import workflow
    from security.test_uploads import pdf

    staff = workflow.make_staff_team()
    j = workflow.submit(workflow.petition_data("Cống thoát nước bị tắc", "Cống ở tổ 3 bị tắc gây ngập mỗi khi mưa."))
    workflow.moderate(j, staff)
    head = staff.board_head
    triage.assign_case(j.case, head, head)
    triage.record_verification(j.case, "Đã xác minh.", head)
    triage.refer_case(j.case, head, agency="UBND quận", sent_on=dt.date.today())
    ref = triage.record_answer(j.case, head, answered_on=dt.date.today(), summary="Trả lời",
                               file_data=pdf(), file_name="tra-loi\u2066\u202efdp.exe\u2069")
    db.session.commit()
    assert ref.answer_file_name == "tra-loifdp.pdf"
