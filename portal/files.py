"""Uploaded files: type checked by content (never by name or declared type), stored by content hash.

``inspect_upload(data, allowed)`` returns the detected type or raises ``DomainError`` with a
Vietnamese message: PDFs are checked object by object (``portal.pdfcheck``), images by the pixel
count in their header (``UPLOAD_MAX_IMAGE_PIXELS``) before anything is decoded, DOCX/XLSX/ODT by
their central directory (``UPLOAD_MAX_UNCOMPRESSED_BYTES`` in all, no bomb ratio, no macros)
before anything is unpacked. ``clean_filename`` is the one cleaning of uploaded names (no path, no
invisible characters). ``store_bytes(data)`` stores under the key ``ab/cd/<sha256>`` through
``portal.storage`` (``UPLOAD_DIR`` by default, or an S3-compatible bucket); ``read_stored`` and
``delete_stored`` are the only other ways to the files.
"""
from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from flask import Response, abort, current_app, has_app_context

from portal.config import Config
from portal.errors import DomainError
from portal.i18n import _l
from portal.pdfcheck import pdf_problem
from portal.storage import storage

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"

EXTENSIONS = {PDF: "pdf", JPEG: "jpg", PNG: "png", DOCX: "docx", XLSX: "xlsx", ODT: "odt"}
LABELS = {PDF: "PDF", JPEG: "JPEG", PNG: "PNG", DOCX: "DOCX", XLSX: "XLSX", ODT: "ODT"}

ZIP_MAX_MEMBERS = 2000
ZIP_MAX_RATIO = 100
ZIP_BOMB_MIN_TOTAL = 16 * 1024 * 1024


def _limit(name: str) -> int:
    """A limit from the app's config (outside an app: the configuration's default)."""
    default = getattr(Config, name)
    return int(current_app.config.get(name, default)) if has_app_context() else default


def megabytes(size: int) -> str:
    """Megabytes the Vietnamese way: ``12,5``, ``20``; a size just over a whole number keeps its
    decimal (``10,1``), so that it never reads as equal to a limit it exceeds."""
    text = f"{size / 1048576:.1f}"
    if text.endswith(".0") and size <= round(float(text) * 1048576):
        text = text.removesuffix(".0")
    elif text.endswith(".0"):
        text = f"{size / 1048576 + 0.05:.1f}"
    return text.replace(".", ",")


_mb = megabytes


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
        raise DomainError(_l("Tệp nén chứa quá nhiều thành phần, có thể là tệp độc hại."))
    total = packed = 0
    for info in infos:
        name = info.filename.replace("\\", "/")
        if name.startswith("/") or ".." in name.split("/") or ":" in name.split("/")[0]:
            raise DomainError(_l("Tệp chứa đường dẫn không hợp lệ."))
        if name.lower().rsplit("/", 1)[-1] == "vbaproject.bin":
            raise DomainError(_l("Tệp chứa macro (mã lệnh) nên không được nhận; "
                                 "vui lòng lưu lại dạng DOCX/XLSX thường."))
        total += info.file_size
        packed += info.compress_size
        if (info.compress_size and info.file_size / max(info.compress_size, 1) > ZIP_MAX_RATIO
                and info.file_size > 1024 * 1024):
            raise DomainError(_l("Tệp có tỷ lệ nén bất thường (nghi ngờ “bom nén”) nên không được nhận."))
    limit = _limit("UPLOAD_MAX_UNCOMPRESSED_BYTES")
    if total > limit:
        raise DomainError(_l("Nội dung giải nén của tệp quá lớn (%(size)s MB, tối đa %(limit)s MB), "
                             "có thể là tệp độc hại.",
                              size=_mb(total), limit=_mb(limit)))
    # Many members each just under the per-member limit add up to a bomb too.
    if total > ZIP_BOMB_MIN_TOTAL and total / max(packed, 1) > ZIP_MAX_RATIO:
        raise DomainError(_l("Tệp có tỷ lệ nén bất thường (nghi ngờ “bom nén”) nên không được nhận."))
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


_HTML_MARKERS = (b"<script", b"<html", b"<!doctype html", b"<body", b"<iframe", b"<svg")


def inspect_upload(data: bytes, allowed: set[str], max_bytes: int) -> str:
    """Check an upload; return its content type or raise ``DomainError``."""
    if not data:
        raise DomainError(_l("Tệp rỗng."))
    if len(data) > max_bytes:
        raise DomainError(_l("Tệp quá lớn (%(size)s MB); dung lượng tối đa là %(limit)s MB.",
                              size=_mb(len(data)), limit=_mb(max_bytes)))
    kind = sniff_type(data)
    allowed_labels = ", ".join(sorted(LABELS[t] for t in allowed))
    if kind is None or kind not in allowed:
        raise DomainError(_l("Định dạng tệp không được chấp nhận. Chỉ nhận: %(types)s.", types=allowed_labels))
    if kind == PDF:
        if b"%%EOF" not in data[-2048:] and b"%%EOF" not in data:
            raise DomainError(_l("Tệp PDF bị hỏng hoặc không đầy đủ."))
        problem = pdf_problem(data)
        if problem:
            raise DomainError(problem)
    if kind in (JPEG, PNG):
        _open_image(data, kind).close()  # the header only: a broken or oversized image is refused undecoded
    # Polyglots: an image or PDF that also carries a ZIP or HTML payload.
    if kind in (JPEG, PNG, PDF):
        head = data[:4096].lower()
        if any(marker in head for marker in _HTML_MARKERS) or b"<script" in data.lower() \
                or (kind != PDF and zipfile.is_zipfile(io.BytesIO(data))):
            raise DomainError(_l("Tệp có nội dung lẫn nhiều định dạng (nghi ngờ tệp độc hại) nên không được nhận."))
    return kind


# Characters that hide or reorder what a name shows: controls (Cc), format characters (Cf: the
# bidi marks, embeddings, overrides and isolates U+200E-F, U+202A-E, U+2066-9, U+061C, the
# zero-width U+200B-D, U+2060, U+FEFF, the soft hyphen…), lone surrogates, private-use and
# unassigned code points.
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}


def visible_name(name: str | None) -> str:
    """``name`` with only characters that show as themselves: no control, bidi or zero-width
    characters (so "hoa-don\u202efdp.exe" cannot pass for "hoa-donexe.pdf"); any other space or
    line separator becomes a plain space. For every uploaded file's name, stored or quoted in a
    message."""
    kept = []
    for ch in unicodedata.normalize("NFC", name or ""):
        category = unicodedata.category(ch)
        if category not in _HIDDEN_CATEGORIES:
            kept.append(" " if category[0] == "Z" else ch)
    return unicodedata.normalize("NFC", re.sub(" {2,}", " ", "".join(kept))).strip()


def clean_filename(name: str | None, content_type: str) -> str:
    """A display name only (files are stored by hash): visible characters, no path, the extension
    of the detected type."""
    name = visible_name(name).replace("\\", "/").split("/")[-1]
    name = re.sub(r'[<>:"|?*]', "", name).strip(" .")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = stem[:120].strip(" .") or "tep-dinh-kem"
    return f"{stem}.{EXTENSIONS.get(content_type, 'bin')}"


def storage_key(sha256: str) -> str:
    """Where a file with this hash is stored: ``ab/cd/<sha256>`` (``ValueError`` for a bad hash)."""
    if not re.fullmatch(r"[0-9a-f]{64}", sha256 or ""):
        raise ValueError("bad hash")
    return f"{sha256[:2]}/{sha256[2:4]}/{sha256}"


def path_for(sha256: str) -> Path:
    """The file's path under ``UPLOAD_DIR`` (the local backend only; readers use ``read_stored``)."""
    return Path(current_app.config["UPLOAD_DIR"]) / storage_key(sha256)


def store_bytes(data: bytes) -> str:
    """Store ``data`` by its SHA-256 (``portal.storage``: atomic); the same content is stored once."""
    digest = hashlib.sha256(data).hexdigest()
    key = storage_key(digest)
    store = storage()
    try:
        if store.size(key) == len(data):
            return digest
        store.put(key, data)
    except OSError as exc:
        raise DomainError(_l("Không lưu được tệp do máy chủ hết dung lượng hoặc lỗi ghi đĩa. "
                             "Vui lòng thử lại sau.")) from exc
    return digest


def read_stored(sha256: str) -> bytes:
    """The stored bytes (``OSError`` when missing or unreadable, ``ValueError`` for a bad hash)."""
    return storage().get(storage_key(sha256))


def stored_exists(sha256: str) -> bool:
    return storage().exists(storage_key(sha256))


def delete_stored(sha256: str) -> None:
    """Remove a stored file (only when no row points at its hash any more); missing is fine."""
    storage().delete(storage_key(sha256))


def download_response(sha256: str | None, content_type: str | None, filename: str) -> Response:
    """A stored file as a staff download: ``attachment`` under ``filename`` (UTF-8), never cached,
    never sniffed; 404 when the file is missing. The view checks who may have it."""
    if not sha256:
        abort(404)
    try:
        data = read_stored(sha256)
    except (OSError, ValueError):
        abort(404)
    response = Response(data, mimetype=content_type or "application/octet-stream")
    response.headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _open_image(data: bytes, content_type: str):
    """The image, opened from its header only (nothing decoded yet); refused when its pixel count,
    read from that header, is over ``UPLOAD_MAX_IMAGE_PIXELS``."""
    from PIL import Image

    limit = _limit("UPLOAD_MAX_IMAGE_PIXELS")
    most = _millions(limit)
    try:
        img = Image.open(io.BytesIO(data), formats=[LABELS[content_type]])
    except Image.DecompressionBombError as exc:  # Pillow's own ceiling, far above ours
        raise DomainError(_l("Ảnh có kích thước quá lớn; tối đa %(most)s triệu điểm ảnh. "
                             "Vui lòng thu nhỏ ảnh rồi gửi lại.",
                             most=most)) from exc
    except Exception as exc:  # noqa: BLE001 - Pillow raises many types for a broken header
        raise DomainError(_l("Ảnh bị hỏng hoặc không đọc được.")) from exc
    width, height = img.size
    if width * height > limit:
        img.close()
        raise DomainError(_l("Ảnh có kích thước quá lớn (%(width)s × %(height)s điểm ảnh, khoảng %(millions)s triệu); "
                             "tối đa %(most)s triệu điểm ảnh. Vui lòng thu nhỏ ảnh rồi gửi lại.",
                             width=width, height=height, millions=_millions(width * height), most=most))
    return img


def _millions(pixels: int) -> str:
    return f"{pixels / 1e6:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def strip_image_metadata(data: bytes, content_type: str) -> bytes:
    """Re-encode a JPEG/PNG so that EXIF (GPS included) and other metadata are dropped. The pixel
    count is checked from the header before anything is decoded; one decoded copy is kept."""
    from PIL import ImageOps

    img = _open_image(data, content_type)
    try:
        with img:
            img.load()
            ImageOps.exif_transpose(img, in_place=True)
            img.info = {}  # EXIF, GPS, XMP, text chunks: none is written back
            out = io.BytesIO()
            if content_type == JPEG:
                (img if img.mode in ("RGB", "L") else img.convert("RGB")).save(
                    out, format="JPEG", quality=88, optimize=True)
            else:
                img.save(out, format="PNG")
            return out.getvalue()
    except Exception as exc:  # noqa: BLE001 - any decoder failure means a broken image
        raise DomainError(_l("Ảnh bị hỏng hoặc không đọc được.")) from exc
