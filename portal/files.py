"""Uploaded files: type checked by content (never by name or declared type), stored by content hash.

``inspect_upload(data, allowed)`` returns the detected type or raises ``FileRefused`` with a
Vietnamese message; ``store_bytes(data)`` writes atomically under ``UPLOAD_DIR/ab/cd/<sha256>``.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import unicodedata
import uuid
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from flask import current_app

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"

EXTENSIONS = {PDF: "pdf", JPEG: "jpg", PNG: "png", DOCX: "docx", XLSX: "xlsx", ODT: "odt"}
LABELS = {PDF: "PDF", JPEG: "JPEG", PNG: "PNG", DOCX: "DOCX", XLSX: "XLSX", ODT: "ODT"}

ZIP_MAX_MEMBERS = 2000
ZIP_MAX_UNCOMPRESSED = 200 * 1024 * 1024
ZIP_MAX_RATIO = 100
ZIP_BOMB_MIN_TOTAL = 16 * 1024 * 1024
PDF_MAX_INFLATED = 128 * 1024 * 1024  # decompressed stream bytes scanned for active content


class FileRefused(ValueError):
    """An upload that is refused; the message is for the resident or editor."""


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    content_type: str
    filename: str


def _zip_type(data: bytes) -> str | None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    if len(infos) > ZIP_MAX_MEMBERS:
        raise FileRefused("Tệp nén chứa quá nhiều thành phần, có thể là tệp độc hại.")
    total = packed = 0
    for info in infos:
        name = info.filename.replace("\\", "/")
        if name.startswith("/") or ".." in name.split("/") or ":" in name.split("/")[0]:
            raise FileRefused("Tệp chứa đường dẫn không hợp lệ.")
        if name.lower().rsplit("/", 1)[-1] == "vbaproject.bin":
            raise FileRefused("Tệp chứa macro (mã lệnh) nên không được nhận; vui lòng lưu lại dạng DOCX/XLSX thường.")
        total += info.file_size
        packed += info.compress_size
        if info.compress_size and info.file_size / max(info.compress_size, 1) > ZIP_MAX_RATIO and info.file_size > 1024 * 1024:
            raise FileRefused("Tệp có tỷ lệ nén bất thường (nghi ngờ “bom nén”) nên không được nhận.")
    if total > ZIP_MAX_UNCOMPRESSED:
        raise FileRefused("Nội dung giải nén của tệp quá lớn, có thể là tệp độc hại.")
    # Many members each just under the per-member limit add up to a bomb too.
    if total > ZIP_BOMB_MIN_TOTAL and total / max(packed, 1) > ZIP_MAX_RATIO:
        raise FileRefused("Tệp có tỷ lệ nén bất thường (nghi ngờ “bom nén”) nên không được nhận.")
    names = {i.filename for i in infos}
    if "[Content_Types].xml" in names and "word/document.xml" in names:
        return DOCX
    if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
        return XLSX
    if "mimetype" in names:
        try:
            if zf.read("mimetype").strip() == ODT.encode():
                return ODT
        except Exception:  # noqa: BLE001 - a broken member means "not an ODT"
            return None
    return None


def sniff_type(data: bytes) -> str | None:
    """The real type of ``data`` from its bytes, or None when it is none of the accepted types."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"PK\x03\x04"):
        return _zip_type(data)
    return None


_PDF_ACTIVE = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFile|EmbeddedFiles|RichMedia|SubmitForm|ImportData)(?![A-Za-z0-9])")
_PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_PDF_STREAM = re.compile(rb"stream\r?\n")
_HTML_MARKERS = (b"<script", b"<html", b"<!doctype html", b"<body", b"<iframe", b"<svg")


def _pdf_names_decoded(data: bytes) -> bytes:
    """PDF names may hide letters as #xx escapes (``/J#61vaScript``): decode them."""
    return _PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), data) if b"#" in data else data


def _pdf_has_active_content(data: bytes) -> bool:
    """/JavaScript, /Launch, embedded files… as PDF names (#xx escapes decoded), in the file's
    object dictionaries and in its compressed object streams (/ObjStm, which can hide them).
    Stream contents (images, fonts) are not searched: random binary bytes would match."""
    skeleton, streams, pos = [], [], 0
    for m in _PDF_STREAM.finditer(data):
        if m.start() < pos:
            continue
        end = data.find(b"endstream", m.end())
        if end < 0:
            break
        skeleton.append(data[pos:m.start()])
        header = data[max(pos, m.start() - 512):m.start()]
        if b"/ObjStm" in _pdf_names_decoded(header):
            streams.append(data[m.end():end])
        pos = end + len(b"endstream")
    skeleton.append(data[pos:])
    if _PDF_ACTIVE.search(_pdf_names_decoded(b"".join(skeleton))):
        return True
    budget = PDF_MAX_INFLATED
    for chunk in streams:
        try:
            inflated = zlib.decompressobj().decompress(chunk, budget + 1)
        except zlib.error:
            continue
        budget -= len(inflated)
        if budget < 0:
            raise FileRefused("Tệp PDF có nội dung nén bất thường (nghi ngờ “bom nén”) nên không được nhận.")
        if _PDF_ACTIVE.search(_pdf_names_decoded(inflated)):
            return True
    return False


def inspect_upload(data: bytes, allowed: set[str], max_bytes: int) -> str:
    """Check an upload; return its content type or raise ``FileRefused``."""
    if not data:
        raise FileRefused("Tệp rỗng.")
    if len(data) > max_bytes:
        raise FileRefused(
            f"Tệp quá lớn ({len(data) / 1048576:.1f} MB); dung lượng tối đa là {max_bytes / 1048576:.0f} MB."
            .replace(".", ",")
        )
    kind = sniff_type(data)
    allowed_labels = ", ".join(sorted(LABELS[t] for t in allowed))
    if kind is None or kind not in allowed:
        raise FileRefused(f"Định dạng tệp không được chấp nhận. Chỉ nhận: {allowed_labels}.")
    if kind == PDF:
        if b"%%EOF" not in data[-2048:] and b"%%EOF" not in data:
            raise FileRefused("Tệp PDF bị hỏng hoặc không đầy đủ.")
        if _pdf_has_active_content(data):
            raise FileRefused("Tệp PDF chứa mã lệnh hoặc tệp nhúng nên không được nhận.")
    # Polyglots: an image or PDF that also carries a ZIP or HTML payload.
    if kind in (JPEG, PNG, PDF):
        head = data[:4096].lower()
        if any(marker in head for marker in _HTML_MARKERS) or b"<script" in data.lower() \
                or (kind != PDF and zipfile.is_zipfile(io.BytesIO(data))):
            raise FileRefused("Tệp có nội dung lẫn nhiều định dạng (nghi ngờ tệp độc hại) nên không được nhận.")
    return kind


def clean_filename(name: str | None, content_type: str) -> str:
    """A display name only (files are stored by hash): no path, no control characters."""
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").split("/")[-1]
    name = re.sub(r"[\x00-\x1f\x7f<>:\"|?*]", "", name).strip(" .")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = stem[:120] or "tep-dinh-kem"
    return f"{stem}.{EXTENSIONS.get(content_type, 'bin')}"


def upload_root() -> Path:
    return Path(current_app.config["UPLOAD_DIR"])


def path_for(sha256: str) -> Path:
    if not re.fullmatch(r"[0-9a-f]{64}", sha256 or ""):
        raise ValueError("bad hash")
    return upload_root() / sha256[:2] / sha256[2:4] / sha256


def store_bytes(data: bytes) -> str:
    """Write ``data`` by its SHA-256 (atomic, fsynced); the same content is stored once."""
    digest = hashlib.sha256(data).hexdigest()
    target = path_for(digest)
    if target.exists() and target.stat().st_size == len(data):
        return digest
    # A unique temporary name: gunicorn threads of one process may store the same content at once.
    tmp = target.with_name(f".{digest}.{os.getpid()}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)  # ENOSPC may already come from here
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise FileRefused("Không lưu được tệp do máy chủ hết dung lượng hoặc lỗi ghi đĩa. Vui lòng thử lại sau.") from exc
    return digest


def read_stored(sha256: str) -> bytes:
    return path_for(sha256).read_bytes()


def strip_image_metadata(data: bytes, content_type: str) -> bytes:
    """Re-encode a JPEG/PNG so that EXIF (GPS included) and other metadata are dropped."""
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(data)) as img:
            img.load()
            if img.width * img.height > 60_000_000:
                raise FileRefused("Ảnh có kích thước điểm ảnh quá lớn.")
            img = ImageOps.exif_transpose(img)
            img.info = {}  # EXIF, GPS, XMP, text chunks: none is written back
            out = io.BytesIO()
            if content_type == JPEG:
                img.convert("RGB").save(out, format="JPEG", quality=88, optimize=True)
            else:
                img.save(out, format="PNG", optimize=True)
            return out.getvalue()
    except FileRefused:
        raise
    except Exception as exc:  # noqa: BLE001 - any decoder failure means a broken image
        raise FileRefused("Ảnh bị hỏng hoặc không đọc được.") from exc
