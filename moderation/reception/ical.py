"""The schedule as an iCalendar feed (RFC 5545), written by hand: no iCalendar library is
installed, and the feed needs only VEVENTs with text escaping and line folding."""
from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from flask import current_app

from portal.urls import public_url, public_url_for


def _escape(text: str) -> str:
    return (str(text or "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (never inside a character)."""
    out, current = [], b""
    for ch in line:
        b = ch.encode()
        if len(current) + len(b) > (75 if not out else 74):
            out.append(current.decode())
            current = b""
        current += b
    out.append(current.decode())
    return "\r\n ".join(out)


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(sessions) -> str:
    host = urlsplit(public_url()).hostname or "cong-dan-chu-co-so"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Cong Dan chu co so//Lich tiep cong dan//VI",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{_escape('Lịch tiếp công dân, đối thoại · ' + current_app.config['WARD_NAME'])}",
             "X-WR-TIMEZONE:Asia/Ho_Chi_Minh"]
    stamp = _utc(dt.datetime.now(dt.UTC))
    for s in sessions:
        summary = f"{s.kind_label_vi}: {s.host_name}" + (f" · {s.topic}" if s.topic else "")
        desc = " · ".join(x for x in (s.host_position, s.topic, s.outcome) if x)
        lines += ["BEGIN:VEVENT", f"UID:reception-session-{s.id}@{host}", f"DTSTAMP:{stamp}",
                  f"DTSTART:{_utc(s.starts_at)}", f"DTEND:{_utc(s.ends_at)}", f"SUMMARY:{_escape(summary)}",
                  f"LOCATION:{_escape(s.place)}", f"DESCRIPTION:{_escape(desc)}",
                  f"URL:{public_url_for('reception.public_session', session_id=s.id)}",
                  "STATUS:" + ("CANCELLED" if s.status.value == "cancelled" else "CONFIRMED"), "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
