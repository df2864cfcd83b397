"""Fault 3 of ``faults.py``: disk full on the upload directory, a petition with a file
posted through the HTML form."""
from __future__ import annotations

import html
import os
import re
import secrets
import shutil
import subprocess
import time
from pathlib import Path

from _harness import Client, Instance, Server, log


class SmallDisk:
    """A tiny filesystem for ``UPLOAD_DIR``: loop-mounted ext4 (root), else tmpfs (root), else a path
    below a regular file (every write fails with ENOTDIR)."""

    def __init__(self, base: Path, size_kb: int = 1024):
        self.base = base
        self.mount = base / "uploads-mnt"
        self.image = base / "uploads.img"
        self.size_kb = size_kb
        self.kind = ""
        self.upload_dir = self.mount / "files"
        self.filler = self.mount / "filler.bin"

    def setup(self) -> None:
        self.mount.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            try:
                subprocess.run(["dd", "if=/dev/zero", f"of={self.image}", "bs=1k", f"count={self.size_kb}"],
                               check=True, capture_output=True)
                subprocess.run(["mkfs.ext4", "-q", "-F", "-m", "0", "-O", "^has_journal", str(self.image)],
                               check=True, capture_output=True)
                subprocess.run(["mount", "-o", "loop", str(self.image), str(self.mount)], check=True,
                               capture_output=True)
                self.kind = "ext4 loop image"
            except (subprocess.CalledProcessError, FileNotFoundError):
                try:
                    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={self.size_kb}k", "tmpfs",
                                    str(self.mount)], check=True, capture_output=True)
                    self.kind = "tmpfs"
                except (subprocess.CalledProcessError, FileNotFoundError):
                    self.kind = ""
        if not self.kind:
            blocker = self.base / "not-a-directory"
            blocker.write_bytes(b"x")
            self.upload_dir = blocker / "files"
            self.kind = "path below a regular file (no root: ENOTDIR)"
            return
        self.upload_dir.mkdir(parents=True, exist_ok=True)

    def fill(self) -> int:
        """Write until the filesystem refuses; return the bytes written."""
        if not self.kind.startswith(("ext4", "tmpfs")):
            return 0
        written = 0
        chunk = b"\0" * 4096
        with open(self.filler, "ab", buffering=0) as fh:
            for _ in range(self.size_kb * 2):  # bounded
                try:
                    written += fh.write(chunk)
                except OSError:
                    break
            for _ in range(4096):  # the last partial block
                try:
                    written += fh.write(b"\0")
                except OSError:
                    break
        return written

    def free(self) -> None:
        if self.filler.exists():
            self.filler.unlink()

    def teardown(self) -> None:
        if self.kind.startswith(("ext4", "tmpfs")):
            subprocess.run(["umount", str(self.mount)], capture_output=True)
        self.image.unlink(missing_ok=True)


def tiny_pdf(marker: str, pad: int = 60_000) -> bytes:
    """A small well-formed PDF (a correct cross-reference table, so the upload check accepts it),
    padded with a comment to about ``pad`` bytes so that it does not fit on the full disk."""
    body = f"BT /F1 12 Tf 72 720 Td (Anh chup hien truong {marker}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        f"<< /Length {len(body)} >>\nstream\n".encode() + body + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%" + b"0" * pad + b"\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


INPUT_RE = re.compile(r"<input\b[^>]*>", re.S)
ATTR_RE = re.compile(r'(\w[\w-]*)="([^"]*)"')
SELECT_RE = re.compile(r'<select\b[^>]*\bname="([^"]+)"[^>]*>(.*?)</select>', re.S)
OPTION_RE = re.compile(r'<option\b[^>]*\bvalue="([^"]*)"', re.S)


def form_fields(page: str) -> dict[str, str]:
    """Hidden inputs (CSRF token, start token, step) of the petition form."""
    fields = {}
    for tag in INPUT_RE.findall(page):
        attrs = dict(ATTR_RE.findall(tag))
        if attrs.get("type") == "hidden" and attrs.get("name"):
            fields[attrs["name"]] = html.unescape(attrs.get("value", ""))
    return fields


def select_options(page: str) -> dict[str, list[str]]:
    return {name: [v for v in OPTION_RE.findall(body) if v] for name, body in SELECT_RE.findall(page)}


def multipart(fields: dict[str, str], files: list[tuple[str, str, bytes, str]]) -> tuple[bytes, str]:
    boundary = "bench" + secrets.token_hex(12)
    out = []
    for name, value in fields.items():
        out.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, filename, data, ctype in files:
        out.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                   f"Content-Type: {ctype}\r\n\r\n".encode() + data + b"\r\n")
    out.append(f"--{boundary}--\r\n".encode())
    return b"".join(out), f"multipart/form-data; boundary={boundary}"


def post_petition_form(port: int, title: str, description: str, pdf: bytes, fill_seconds: float):
    c = Client(port)
    page = c.get("/gui-kien-nghi")
    if page.status != 200:
        c.close()
        return page, {}
    hidden = form_fields(page.text)
    options = select_options(page.text)
    time.sleep(fill_seconds)  # the form refuses what is sent faster than a person types
    fields = {k: v for k, v in hidden.items() if k != "website"}
    fields.update({
        "step": "final", "kind": "feedback", "title": title, "description": description,
        "visibility": "anonymous", "website": "",
    })
    if options.get("topic"):
        fields["topic"] = options["topic"][0]
    body, ctype = multipart(fields, [("attachments", "anh-hien-truong.pdf", pdf, "application/pdf")])
    r = c.request("POST", "/gui-kien-nghi", body=body, headers={"Content-Type": ctype})
    c.close()
    return r, fields


def stored_with_title(instance: Instance, title: str) -> list[dict]:
    from sqlalchemy import select

    app = instance.app()
    with app.app_context():
        from moderation.intake.models import Submission
        from portal.extensions import db

        out = [{"code": s.receipt_code, "files": [(a.sha256, a.size) for a in s.attachments]}
               for s in db.session.scalars(select(Submission).where(Submission.title == title))]
        db.session.remove()
        db.engine.dispose()
    return out


def attachments_without_file(instance: Instance, upload_dir: Path) -> list[str]:
    """Attachment rows whose file is missing or of another size (a half-stored submission)."""
    from sqlalchemy import select

    app = instance.app()
    bad = []
    with app.app_context():
        from moderation.intake.models import SubmissionAttachment
        from portal.extensions import db

        for a in db.session.scalars(select(SubmissionAttachment)):
            p = upload_dir / a.sha256[:2] / a.sha256[2:4] / a.sha256
            if not p.is_file() or p.stat().st_size != a.size:
                bad.append(f"attachment {a.id} of submission {a.submission_id}: {p}")
        db.session.remove()
        db.engine.dispose()
    return bad


ERROR_RE = re.compile(
    r'<(?:p|div|span|li)\b[^>]*class="[^"]*(?:error|alert|flash|refus)[^"]*"[^>]*>(.*?)</(?:p|div|span|li)>', re.S)


def disk_phase(instance: Instance, server: Server, disk: SmallDisk, args) -> dict:
    log(f"\n3. Disk full on UPLOAD_DIR ({disk.kind})")
    filled = disk.fill()
    usage = shutil.disk_usage(disk.mount) if disk.kind.startswith(("ext4", "tmpfs")) else None
    log(f"   filler wrote {filled} bytes; free now {usage.free if usage else 'n/a'} bytes")
    tag = secrets.token_hex(3)
    title = f"Kiến nghị kèm ảnh khi đĩa đầy {tag}"
    description = "Đề nghị phường kiểm tra vỉa hè bị lấn chiếm trước chợ, có ảnh chụp hiện trường kèm theo."
    pdf = tiny_pdf(tag)
    r, fields = post_petition_form(server.port, title, description, pdf, args.fill_seconds)
    msgs = []
    for m in ERROR_RE.findall(r.text):
        text = " ".join(re.sub(r"<[^>]+>", " ", m).split())
        if text and text not in msgs and "dung lượng" in text:  # the disk-full message itself
            msgs.append(text)
    kept = html.escape(title, quote=True) in r.text or title in r.text
    rows_full = stored_with_title(instance, title)
    orphans_full = attachments_without_file(instance, disk.upload_dir)
    log(f"   disk full: answer {r.status}, typed title kept {kept}, messages {msgs[:3]}; stored rows "
        f"{len(rows_full)}; attachment rows without their file {len(orphans_full)}")
    disk.free()
    r2, _ = post_petition_form(server.port, title, description, pdf, args.fill_seconds)
    rows_after = stored_with_title(instance, title)
    orphans_after = attachments_without_file(instance, disk.upload_dir)
    stored_ok = len(rows_after) == 1 and len(rows_after[0]["files"]) == 1
    log(f"   space freed: answer {r2.status} ({r2.headers.get('location', '')}); stored rows {len(rows_after)}, "
        f"files {[f for row in rows_after for f in row['files']]}; attachment rows without file {len(orphans_after)}")
    return {
        "full_status": r.status, "full_kept_input": kept, "full_message": msgs[0] if msgs else "",
        "full_stored": len(rows_full), "half_stored": len(orphans_full) + len(orphans_after),
        "after_status": r2.status, "after_stored_with_file": stored_ok, "form_ok": bool(fields),
        "body_snippet": "" if r.status < 500 else r.text[:300],
    }
