"""Fault 1 of ``faults.py``: SMTP unreachable, then back (a tiny SMTP sink on 127.0.0.1,
``flask outbox send`` run repeatedly with the backoff waits skipped)."""
from __future__ import annotations

import random
import secrets
import socketserver
import subprocess
import threading
import time
from collections import Counter
from email import message_from_bytes

from _harness import BIN, REPO, Client, Instance, Server, log, petition_payload, run_clients


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
            last_lines = " | ".join(o.strip().splitlines()[-1] if o.strip() else "?" for o in outs)
            log(f"   outbox send x2 (SMTP up): {last_lines}")
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
