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

The scenarios live in ``fault_smtp.py``, ``fault_search.py`` and ``fault_disk.py``; this file runs
them. Ends with a ``RESULT`` line; exits 1 when a target is missed. Rate limits are off
(``RATELIMIT_ENABLED=0``: every client comes from 127.0.0.1).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import Instance, Server, discover, free_port, log, result_line  # noqa: E402 - after the sys.path insert above
from fault_disk import SmallDisk, disk_phase  # noqa: E402 - after the sys.path insert above
from fault_search import search_phase  # noqa: E402 - after the sys.path insert above
from fault_smtp import smtp_phase  # noqa: E402 - after the sys.path insert above

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
        elif not d["full_message"]:
            failures.append(f"disk: disk full answered {d['full_status']} without saying the file could not be stored")
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
