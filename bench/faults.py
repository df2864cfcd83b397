"""Faults: what the portal does when the things around it fail, measured on a real gunicorn server.

1. SMTP unreachable, then back. Petitions with an email address are sent through the API while
   nothing listens on the SMTP port; ``flask outbox send`` runs repeatedly (failing, retrying with
   backoff); after ``--smtp-down`` seconds a small SMTP sink on 127.0.0.1 starts; ``flask outbox send``
   keeps running (twice at once, as a cron job and a second host would) until the outbox is empty.
   Target: every message delivered exactly once (counted by its idempotency key at the sink),
   none failed, none pending. The backoff waits (30 s, 60 s, ...) are skipped by moving
   ``next_attempt_at`` to now between runs: a simulated clock, so the run stays short.
2. Search index deleted under load. Clients read home, list, detail and search (with a cookie, so
   that no answer comes from the page cache); the index directory is deleted a quarter of the way
   in, ``flask search reindex`` runs half way.
   Target: no 5xx at any time, and after the reindex the search finds a known disclosure again.
3. Disk full on the upload directory. ``UPLOAD_DIR`` is a small filesystem of its own (a loop-mounted
   ext4 image when run as root, else tmpfs; without root a path whose parent is a regular file, so
   every write fails) filled to the last byte; a petition with an attachment is posted through the
   HTML form. Target: a clear answer (not 5xx) keeping what was typed, no submission stored without
   its file; once space is freed the same petition goes through with its file.

    .venv/bin/python bench/faults.py
    .venv/bin/python bench/faults.py --seconds 3 --clients 2

Ends with a ``RESULT`` line; exits 1 when a target is missed. Rate limits are off
(``RATELIMIT_ENABLED=0``: every client comes from 127.0.0.1).
"""
from __future__ import annotations

import argparse
import html
import os
import random
import re
import secrets
import shutil
import socketserver
import subprocess
import sys
import threading
import time
from collections import Counter
from email import message_from_bytes
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import (  # noqa: E402
    BIN, REPO, Client, Instance, Server, Stats, discover, free_port, log, petition_payload, result_line,
    run_clients, search_path,
)

# --- a tiny SMTP sink -------------------------------------------------------------------------


class SMTPSink(socketserver.ThreadingTCPServer):
    """Speaks enough SMTP for smtplib (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and keeps the
    messages it accepted."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, port: int):
        self.messages: list[bytes] = []
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", port), _SMTPHandler)


class _SMTPHandler(socketserver.StreamRequestHandler):
    timeout = 30

    def _send(self, line: str) -> None:
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self) -> None:
        self._send("220 bench-sink ESMTP")
        for _ in range(1000):
            raw = self.rfile.readline(65536)
            if not raw:
                return
            cmd = raw.decode("ascii", "replace").strip()
            verb = cmd.split(" ", 1)[0].upper()
            if verb == "EHLO":
                self._send("250-bench-sink")
                self._send("250 8BITMIME")
            elif verb in ("HELO", "MAIL", "RCPT", "RSET", "NOOP"):
                self._send("250 OK")
            elif verb == "DATA":
                self._send("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while True:
                    line = self.rfile.readline(1 << 20)
                    if not line or line in (b".\r\n", b".\n"):
                        break
                    lines.append(line[1:] if line.startswith(b"..") else line)
                with self.server.lock:
                    self.server.messages.append(b"".join(lines))
                self._send("250 OK queued")
            elif verb == "QUIT":
                self._send("221 Bye")
                return
            else:
                self._send("502 Command not implemented")


# --- 1. SMTP down, then back ------------------------------------------------------------------


def fast_forward_outbox(instance: Instance) -> None:
    """The simulated clock: pending messages become due now (skips the backoff waits)."""
    from sqlalchemy import update

    app = instance.app()
    with app.app_context():
        from portal.database import utcnow
        from portal.extensions import db
        from portal.outbox import PENDING, OutboxMessage

        db.session.execute(update(OutboxMessage).where(OutboxMessage.status == PENDING)
                           .values(next_attempt_at=utcnow()))
        db.session.commit()
        db.session.remove()
        db.engine.dispose()


def outbox_state(instance: Instance) -> dict:
    from sqlalchemy import func, select

    app = instance.app()
    with app.app_context():
        from portal.extensions import db
        from portal.outbox import OutboxMessage

        rows = db.session.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)).all()
        keys = list(db.session.scalars(select(OutboxMessage.idempotency_key)))
        attempts = db.session.scalar(select(func.max(OutboxMessage.attempts))) or 0
        db.session.remove()
        db.engine.dispose()
    return {"status": {s: n for s, n in rows}, "keys": keys, "max_attempts": attempts}


def outbox_send(instance: Instance) -> subprocess.Popen:
    return subprocess.Popen(
        [str(BIN / "flask"), "--app", "portal", "outbox", "send"],
        cwd=REPO, env=instance.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True,
    )


def smtp_phase(instance: Instance, server: Server, site, args, smtp_port: int) -> dict:
    log(f"\n1. SMTP unreachable on 127.0.0.1:{smtp_port} for {args.smtp_down:g} s, then back")
    rng = random.Random(7)
    tag = secrets.token_hex(3)
    acked = {}
    lock = threading.Lock()

    def submit(i: int, keep_going) -> None:
        c = Client(server.port)
        for seq in range(1, args.smtp_messages // args.clients + 2):
            if len(acked) >= args.smtp_messages or not keep_going():
                break
            payload = petition_payload(site, i, seq, rng, tag)
            r = c.request("POST", "/api/v1/petitions", json_body=payload)
            if r.status == 201:
                with lock:
                    acked[(r.json() or {}).get("receipt_code")] = payload
        c.close()

    run_clients(min(args.clients, 8), 60, submit)
    before = outbox_state(instance)
    expected = len(before["keys"])
    log(f"   {len(acked)} petitions acknowledged, {expected} messages in the outbox")
    runs_down = 0
    started = time.monotonic()
    for _ in range(50):  # bounded: a few runs while SMTP is down
        proc = outbox_send(instance)
        out, _ = proc.communicate(timeout=120)
        runs_down += 1
        log(f"   outbox send (SMTP down): {out.strip().splitlines()[-1] if out.strip() else '?'}")
        fast_forward_outbox(instance)
        if time.monotonic() - started >= args.smtp_down:
            break
    sink = SMTPSink(smtp_port)
    st = threading.Thread(target=sink.serve_forever, daemon=True)
    st.start()
    log("   SMTP sink started")
    runs_up = 0
    try:
        for _ in range(20):  # bounded: until the outbox is empty
            procs = [outbox_send(instance), outbox_send(instance)]  # two deliverers at once
            outs = [p.communicate(timeout=120)[0] for p in procs]
            runs_up += 2
            log(f"   outbox send x2 (SMTP up): {' | '.join(o.strip().splitlines()[-1] if o.strip() else '?' for o in outs)}")
            state = outbox_state(instance)
            if not state["status"].get("pending"):
                break
            fast_forward_outbox(instance)
    finally:
        sink.shutdown()
        sink.server_close()
    state = outbox_state(instance)
    received = Counter()
    for raw in sink.messages:
        msg = message_from_bytes(raw)
        received[msg.get("X-Idempotency-Key") or msg.get("Message-ID")] += 1
    keys = set(state["keys"])
    delivered_once = sum(1 for k in keys if received.get(k) == 1)
    twice = sum(1 for k, n in received.items() if n > 1)
    never = sum(1 for k in keys if received.get(k, 0) == 0)
    res = {
        "acked": len(acked), "messages": len(keys), "received": len(sink.messages), "delivered_once": delivered_once,
        "delivered_twice": twice, "never_delivered": never, "pending": state["status"].get("pending", 0),
        "failed": state["status"].get("failed", 0), "runs_down": runs_down, "runs_up": runs_up,
        "max_attempts": state["max_attempts"],
    }
    log(f"   messages {res['messages']}, received by the sink {res['received']}, delivered once "
        f"{delivered_once}, twice or more {twice}, never {never}; outbox pending {res['pending']}, failed "
        f"{res['failed']}; attempts at most {res['max_attempts']}")
    return res


# --- 2. search index deleted under load -------------------------------------------------------


LINK_RE = r'href="(?:https?://[^"/]+)?/cong-khai/{id}"'


def search_finds(port: int, query: str, did: int) -> tuple[int, bool]:
    c = Client(port)
    c.cookies["bench"] = "1"  # a cookie: a fresh answer, never the page cache's copy
    r = c.get(search_path(query))
    c.close()
    return r.status, bool(re.search(LINK_RE.format(id=did), r.text))


def search_phase(instance: Instance, server: Server, site, args) -> dict:
    log(f"\n2. Search index deleted under load ({args.clients} clients, {args.seconds:g} s)")
    did, title = next(iter(site.titles.items()))
    words = [w for w in re.findall(r"\w+", title) if len(w) > 2 and not w.isdigit()]
    query = " ".join(words[:3])
    status0, found0 = search_finds(server.port, query, did)
    log(f"   probe: '{query}' -> disclosure {did}: status {status0}, found {found0}")
    phases = {"before": Stats(), "deleted": Stats(), "reindexed": Stats()}
    current = {"phase": "before"}
    paths = {
        "home": ["/"], "list": ["/cong-khai"], "detail": [f"/cong-khai/{i}" for i in site.detail_ids],
        "search": [search_path(q) for q in site.queries],
    }
    names = list(paths)
    timeline: dict[str, float] = {}
    reindex_out: dict[str, str] = {}

    def body(i: int, keep_going) -> None:
        rng = random.Random(100 + i)
        c = Client(server.port)
        c.cookies["bench"] = "1"  # every page rendered afresh: the index is really asked
        for _ in range(100_000):
            if not keep_going():
                break
            ep = rng.choice(names + ["search"])  # search twice as often
            r = c.get(rng.choice(paths[ep]))
            phases[current["phase"]].add(ep, r)
        c.close()

    def saboteur() -> None:
        t0 = time.monotonic()
        time.sleep(args.seconds / 4)
        shutil.rmtree(instance.index_dir, ignore_errors=True)
        current["phase"] = "deleted"
        timeline["deleted_at"] = time.monotonic() - t0
        time.sleep(max(0.0, args.seconds / 2 - (time.monotonic() - t0)))
        t1 = time.monotonic()
        proc = instance.flask("search", "reindex", check=False, timeout=600)
        reindex_out["rc"] = str(proc.returncode)
        reindex_out["out"] = (proc.stdout + proc.stderr).strip()[-300:]
        timeline["reindex_s"] = time.monotonic() - t1
        current["phase"] = "reindexed"

    sab = threading.Thread(target=saboteur, daemon=True)
    sab.start()
    run_clients(args.clients, args.seconds, body)
    sab.join(timeout=600)
    found_after, status_after = False, 0
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:  # workers reopen their searcher when they see the new index
        status_after, found_after = search_finds(server.port, query, did)
        if found_after:
            break
        time.sleep(0.5)
    for name, st in phases.items():
        st.finished = time.monotonic()
        if st.count():
            st.report(f"   phase '{name}':")
    res = {
        "probe_found_before": found0, "reindex_rc": reindex_out.get("rc", "?"),
        "reindex_s": timeline.get("reindex_s", 0), "found_after_reindex": found_after,
        "errors_5xx": sum(st.count(pred=lambda s: s >= 500) for st in phases.values()),
        "no_answer": sum(st.count(pred=lambda s: s == 0) for st in phases.values()),
        "requests_deleted_phase": phases["deleted"].count(),
        "search_200_deleted_phase": phases["deleted"].count("search", lambda s: s == 200),
    }
    log(f"   index deleted at {timeline.get('deleted_at', 0):.1f} s; reindex exit {res['reindex_rc']} in "
        f"{res['reindex_s']:.1f} s ({reindex_out.get('out', '')[-120:]!r}); probe found after reindex: "
        f"{found_after} (status {status_after}); 5xx {res['errors_5xx']}, no answer {res['no_answer']}")
    return res


# --- 3. disk full on the upload directory ------------------------------------------------------


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
    body = f"BT /F1 12 Tf 72 720 Td (Anh chup hien truong {marker}) Tj ET".encode()
    padding = b"%" + b"0" * pad + b"\n"
    return (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n"
        + f"4 0 obj << /Length {len(body)} >> stream\n".encode() + body + b"\nendstream endobj\n"
        + padding + b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )


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
        from moderation.models import Submission
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
        from moderation.models import SubmissionAttachment
        from portal.extensions import db

        for a in db.session.scalars(select(SubmissionAttachment)):
            p = upload_dir / a.sha256[:2] / a.sha256[2:4] / a.sha256
            if not p.is_file() or p.stat().st_size != a.size:
                bad.append(f"attachment {a.id} of submission {a.submission_id}: {p}")
        db.session.remove()
        db.engine.dispose()
    return bad


ERROR_RE = re.compile(r'<(?:p|div|span|li)\b[^>]*class="[^"]*(?:error|alert|flash|refus)[^"]*"[^>]*>(.*?)</(?:p|div|span|li)>', re.S)


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


# --- main -------------------------------------------------------------------------------------


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--clients", type=int, default=20, help="readers while the index is deleted (default 20)")
    p.add_argument("--seconds", type=float, default=30, help="length of the search-index phase (default 30)")
    p.add_argument("--smtp-down", type=float, default=6, help="seconds SMTP stays unreachable (default 6)")
    p.add_argument("--smtp-messages", type=int, default=20, help="petitions with an email (default 20)")
    p.add_argument("--fill-seconds", type=float, default=4.5, help="wait before posting the HTML form")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--threads", type=int, default=8)
    p.add_argument("--only", choices=["smtp", "search", "disk"], action="append")
    p.add_argument("--keep", action="store_true")
    args = p.parse_args(argv)
    only = set(args.only or ["smtp", "search", "disk"])

    smtp_port = free_port()
    instance = Instance("faults", keep=args.keep,
                        extra_env={"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": str(smtp_port)})
    disk = SmallDisk(instance.dir)
    failures: list[str] = []
    res: dict[str, dict] = {}
    server = None
    try:
        disk.setup()
        instance.upload_dir = disk.upload_dir
        instance.env["UPLOAD_DIR"] = str(disk.upload_dir)
        log(f"faults: database {instance.dialect}, uploads on {disk.kind}, rate limits off "
            "(RATELIMIT_ENABLED=0: every client comes from 127.0.0.1)")
        instance.prepare(demo=True)
        server = Server(instance, workers=args.workers, threads=args.threads)
        server.start()
        site = discover(server.port)
        if not site.detail_ids or not site.titles:
            failures.append("no disclosure linked from /cong-khai (is the demo data loaded?)")
        if "smtp" in only and not site.topics:
            failures.append("no topic from GET /api/v1/petition-options")
        if not failures:
            if "smtp" in only:
                res["smtp"] = smtp_phase(instance, server, site, args, smtp_port)
            if "search" in only:
                res["search"] = search_phase(instance, server, site, args)
            if "disk" in only:
                res["disk"] = disk_phase(instance, server, disk, args)
    finally:
        if server is not None:
            server.stop()
        disk.teardown()

    s = res.get("smtp")
    if s:
        if not s["messages"]:
            failures.append("smtp: no message in the outbox (do petitions with an email enqueue a receipt?)")
        if s["delivered_twice"]:
            failures.append(f"smtp: {s['delivered_twice']} messages delivered more than once")
        if s["never_delivered"] or s["pending"] or s["failed"]:
            failures.append(f"smtp: {s['never_delivered']} never delivered, {s['pending']} pending, "
                            f"{s['failed']} failed")
    q = res.get("search")
    if q:
        if q["errors_5xx"]:
            failures.append(f"search: {q['errors_5xx']} answers 5xx while the index was deleted/rebuilt")
        if q["no_answer"]:
            failures.append(f"search: {q['no_answer']} requests without an answer")
        if q["reindex_rc"] != "0":
            failures.append(f"search: flask search reindex exited {q['reindex_rc']}")
        if not q["probe_found_before"]:
            failures.append("search: the probe query did not find its disclosure before the fault")
        elif not q["found_after_reindex"]:
            failures.append("search: the probe query does not find its disclosure after the reindex")
    d = res.get("disk")
    if d:
        if not d["form_ok"]:
            failures.append("disk: the petition form could not be read")
        if d["full_status"] >= 500 or d["full_status"] == 0:
            failures.append(f"disk: disk full answered {d['full_status']} (a clear message expected): "
                            f"{d['body_snippet'][:200]!r}")
        elif d["full_status"] in (301, 302, 303):
            failures.append("disk: disk full, yet the petition was accepted")
        elif not d["full_kept_input"]:
            failures.append("disk: the answer to disk full lost what was typed")
        if d["full_stored"]:
            failures.append(f"disk: {d['full_stored']} submission stored while its file could not be")
        if d["half_stored"]:
            failures.append(f"disk: {d['half_stored']} attachment rows without their file")
        if not d["after_stored_with_file"]:
            failures.append(f"disk: after freeing space the petition was not stored with its file "
                            f"(answer {d['after_status']})")
    for f in failures:
        log("FAIL:", f)
    if server is not None:
        logged = server.errors_logged()
        if logged:
            log(f"server log: {len(logged)} error lines, e.g. {logged[-3:]}")
    instance.cleanup() if not failures else log(f"instance kept for inspection: {instance.dir}")
    figures = {"db": instance.dialect, "upload_fs": disk.kind.split(" ")[0]}
    if s:
        figures.update(smtp_messages=s["messages"], smtp_delivered_once=s["delivered_once"],
                       smtp_twice=s["delivered_twice"], smtp_never=s["never_delivered"], smtp_failed=s["failed"])
    if q:
        figures.update(search_5xx=q["errors_5xx"], search_deleted_requests=q["requests_deleted_phase"],
                       reindex_s=q["reindex_s"], search_restored=int(q["found_after_reindex"]))
    if d:
        figures.update(disk_full_status=d["full_status"], disk_full_stored=d["full_stored"],
                       half_stored=d["half_stored"], disk_after_ok=int(d["after_stored_with_file"]))
    log(result_line(**figures, ok=int(not failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
