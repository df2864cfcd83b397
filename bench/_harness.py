"""Shared parts of the benchmarks: a fresh instance, the app under gunicorn on 127.0.0.1, HTTP
clients on a thread pool, figures and the closing ``RESULT`` line.

Nothing here talks to anything but 127.0.0.1. Every request loop is bounded in time and count.

Database: SQLite in a fresh temporary directory, or PostgreSQL when ``DATABASE_URL`` is set. A
PostgreSQL database is wiped (``DROP SCHEMA public CASCADE``) before the run, so the harness refuses
a database whose name does not contain ``test`` or ``bench`` unless ``BENCH_ALLOW_RESET=1``.
The schema is created with ``db.create_all()`` (migrations may lag behind the models while the
features are built), then ``flask seed``, ``flask demo load`` and ``flask search sync`` run.
"""
from __future__ import annotations

import http.client
import json
import math
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import quote, urlencode

REPO = Path(__file__).resolve().parent.parent
BIN = REPO / ".venv" / "bin"
PYTHON = str(BIN / "python") if (BIN / "python").exists() else sys.executable
GUNICORN = str(BIN / "gunicorn") if (BIN / "gunicorn").exists() else shutil.which("gunicorn") or "gunicorn"
HOST = "127.0.0.1"
if str(REPO) not in sys.path:  # the app's packages, whatever the current directory
    sys.path.insert(1, str(REPO))


def log(*parts) -> None:
    print(*parts, flush=True)


_HANDED_OUT: set[int] = set()


def free_port() -> int:
    """A port nobody listens on, never the same one twice in this process (two servers created
    before either binds must not get the same port: the second would fail to bind while the
    first answered its health check)."""
    while True:
        with socket.socket() as s:
            s.bind((HOST, 0))
            port = s.getsockname()[1]
        if port not in _HANDED_OUT:
            _HANDED_OUT.add(port)
            return port


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of ``values``; 0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def result_line(**figures) -> str:
    """The closing line; the machine's 1-minute load average is added (shared machines skew figures)."""
    figures.setdefault("loadavg", round(os.getloadavg()[0], 2))
    parts = []
    for key, value in figures.items():
        if isinstance(value, float):
            value = f"{value:.3f}".rstrip("0").rstrip(".") if value else "0"
        parts.append(f"{key}={str(value).replace(' ', '_')}")
    return "RESULT " + " ".join(parts)


# --- the instance: a fresh directory and database ---------------------------------------------

_SETUP = textwrap.dedent(
    """
    import sys
    import time
    from sqlalchemy import text
    from portal import create_app
    from portal.extensions import db

    app = create_app()
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            db.session.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            db.session.execute(text("CREATE SCHEMA public"))
            db.session.commit()
        db.create_all()
    runner = app.test_cli_runner()
    steps = [["seed"]]
    if "--demo" in sys.argv:
        steps.append(["demo", "load"])
    steps.append(["search", "sync"])
    for args in steps:
        if args[0] not in app.cli.commands:
            print(f"setup: no 'flask {args[0]}' command yet: skipped", flush=True)
            continue
        started = time.monotonic()
        with app.app_context():
            res = runner.invoke(args=args)
        if res.exit_code != 0:
            print(f"setup: 'flask {' '.join(args)}' failed: {res.output}", flush=True)
            if res.exception is not None:
                import traceback
                traceback.print_exception(res.exception)
            sys.exit(1)
        print(f"setup: flask {' '.join(args)}: ok in {time.monotonic() - started:.1f} s", flush=True)
    import os
    extra = os.environ.get("BENCH_EXTRA_SETUP")  # a Python file run in an app context (other data sets)
    if extra:
        with app.app_context():
            exec(compile(open(extra).read(), extra, "exec"), {"app": app, "db": db})
            db.session.commit()
        print(f"setup: {extra}: ok", flush=True)
    """
)


class Instance:
    """A fresh instance directory (database, search index, uploads, mail) and its environment."""

    def __init__(self, name: str, keep: bool = False, extra_env: dict | None = None):
        self.name = name
        self.keep = keep
        self.dir = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
        url = os.environ.get("DATABASE_URL") or ""
        if url:
            dbname = url.rsplit("/", 1)[-1].split("?")[0]
            if not re.search(r"test|bench", dbname) and os.environ.get("BENCH_ALLOW_RESET") != "1":
                raise SystemExit(
                    f"DATABASE_URL names database '{dbname}': the benchmark wipes it. Use a database "
                    "whose name contains 'test' or 'bench', or set BENCH_ALLOW_RESET=1."
                )
            self.database_url = url
        else:
            self.database_url = f"sqlite:///{self.dir / 'portal.db'}"
        self.dialect = "postgresql" if self.database_url.startswith("postgres") else "sqlite"
        self.index_dir = self.dir / "search-index"
        self.upload_dir = self.dir / "files"
        self.mail_dir = self.dir / "mail"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MAIL_", "FLASK_"))}
        env.update(
            {
                "PORTAL_ENV": "development",
                "SECRET_KEY": "bench-" + name,
                "DATABASE_URL": self.database_url,
                "SEARCH_INDEX_DIR": str(self.index_dir),
                "UPLOAD_DIR": str(self.upload_dir),
                "MAIL_DIR": str(self.mail_dir),
                # 50 clients come from one address: the per-IP rate limits would refuse them.
                "RATELIMIT_ENABLED": "0",
                "PYTHONUNBUFFERED": "1",
            }
        )
        env.update(extra_env or {})
        self.env = env

    def prepare(self, demo: bool = True, timeout: float = 600) -> None:
        started = time.monotonic()
        args = [PYTHON, "-c", _SETUP] + (["--demo"] if demo else [])
        proc = subprocess.run(args, cwd=REPO, env=self.env, capture_output=True, text=True, timeout=timeout)
        if proc.returncode != 0:
            log(proc.stdout, proc.stderr)
            raise SystemExit(f"setup of the instance failed (exit {proc.returncode})")
        log(f"instance {self.dir} ({self.dialect}) ready in {time.monotonic() - started:.1f} s")

    def flask(self, *args: str, timeout: float = 300, check: bool = True, env: dict | None = None):
        """Run ``flask --app portal <args>`` against this instance."""
        proc = subprocess.run(
            [str(BIN / "flask"), "--app", "portal", *args], cwd=REPO, env={**self.env, **(env or {})},
            capture_output=True, text=True, timeout=timeout,
        )
        if check and proc.returncode != 0:
            raise RuntimeError(f"flask {' '.join(args)} failed ({proc.returncode}): {proc.stdout}{proc.stderr}")
        return proc

    def app(self):
        """The Flask app bound to this instance, in this process (for checks after the run)."""
        from portal import create_app

        return create_app(
            {
                "SECRET_KEY": self.env["SECRET_KEY"],
                "SQLALCHEMY_DATABASE_URI": self.database_url,
                "SEARCH_INDEX_DIR": str(self.index_dir),
                "UPLOAD_DIR": str(self.upload_dir),
                "MAIL_DIR": str(self.mail_dir),
                "RATELIMIT_ENABLED": False,
            }
        )

    def cleanup(self) -> None:
        if self.keep:
            log(f"instance kept in {self.dir}")
            return
        shutil.rmtree(self.dir, ignore_errors=True)


# --- the server: gunicorn on 127.0.0.1 --------------------------------------------------------

class Server:
    def __init__(self, instance: Instance, app_spec: str = "portal:create_app()", workers: int = 2,
                 threads: int = 8, port: int | None = None, health: str = "/healthz", cwd: Path = REPO,
                 name: str = "portal"):
        self.instance = instance
        self.app_spec = app_spec
        self.workers = workers
        self.threads = threads
        self.port = port or free_port()
        self.health = health
        self.cwd = cwd
        self.name = name
        self.proc: subprocess.Popen | None = None
        self.log_path = instance.dir / f"gunicorn-{name}.log"
        self.starts = 0

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self, timeout: float = 90) -> None:
        self.starts += 1
        logfile = open(self.log_path, "ab")
        cmd = [
            GUNICORN, "--bind", f"{HOST}:{self.port}", "--workers", str(self.workers),
            "--threads", str(self.threads), "--worker-class", "gthread", "--keep-alive", "30",
            "--timeout", "120", "--graceful-timeout", "10", "--backlog", "512",
            "--log-level", "warning", self.app_spec,
        ]
        self.proc = subprocess.Popen(
            cmd, cwd=self.cwd, env=self.instance.env, stdout=logfile, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        logfile.close()
        self.wait_healthy(timeout)

    def wait_healthy(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise SystemExit(f"gunicorn ({self.name}) exited with {self.proc.returncode}:\n{self.tail()}")
            try:
                conn = http.client.HTTPConnection(HOST, self.port, timeout=5)
                conn.request("GET", self.health)
                status = conn.getresponse().status
                conn.close()
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"gunicorn ({self.name}) not healthy after {timeout:.0f} s:\n{self.tail()}")

    def tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def errors_logged(self) -> list[str]:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return []
        return [ln for ln in text.splitlines() if "Traceback" in ln or "Error" in ln or "ERROR" in ln]

    def stop(self) -> None:
        """Graceful stop (SIGTERM to the master, SIGKILL to its group after 15 s)."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            try:
                self.proc.send_signal(signal.SIGTERM)
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
        self._reap_group()
        self.proc = None

    def kill(self) -> None:
        """SIGKILL the master and its workers at once (a power cut, as far as the app can tell)."""
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=30)
        self._reap_group()

    def _reap_group(self) -> None:
        if self.proc is None:
            return
        try:  # workers orphaned by a killed master are in the same process group
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


# --- HTTP clients -----------------------------------------------------------------------------

@dataclass
class Response:
    status: int
    body: bytes
    headers: dict
    elapsed: float
    error: str = ""

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body or b"null")


class Client:
    """One persistent HTTP/1.1 connection to 127.0.0.1 (stdlib), reconnecting after an error.
    ``status == 0`` means no response (connection refused, reset, timeout)."""

    def __init__(self, port: int, timeout: float = 30, keep_cookies: bool = True):
        self.port = port
        self.timeout = timeout
        self.keep_cookies = keep_cookies  # False: every request is a new visitor without cookies
        self.conn: http.client.HTTPConnection | None = None
        self.cookies: dict[str, str] = {}

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                json_body=None) -> Response:
        hdrs = {"Accept-Encoding": "identity", "User-Agent": "bench/1"}
        if json_body is not None:
            body = json.dumps(json_body, ensure_ascii=False).encode()
            hdrs["Content-Type"] = "application/json"
        if self.cookies:
            hdrs["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        hdrs.update(headers or {})
        started = time.perf_counter()
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
            self.conn.request(method, path, body=body, headers=hdrs)
            resp = self.conn.getresponse()
            data = resp.read()
            headers_out = {k.lower(): v for k, v in resp.getheaders()}
            for k, v in resp.getheaders():
                if k.lower() == "set-cookie" and self.keep_cookies:
                    name, _, rest = v.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0]
            if resp.will_close:
                self.close()
            return Response(resp.status, data, headers_out, time.perf_counter() - started)
        except (OSError, http.client.HTTPException) as exc:
            self.close()
            return Response(0, b"", {}, time.perf_counter() - started, error=f"{type(exc).__name__}: {exc}")

    def get(self, path: str, **kw) -> Response:
        return self.request("GET", path, **kw)


# --- figures ----------------------------------------------------------------------------------

class Stats:
    """Thread-safe per-endpoint counts and latencies."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.status: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        self.errors: dict[str, list[str]] = defaultdict(list)
        self.cache_hits: dict[str, int] = defaultdict(int)  # answered from the page cache
        self.started = time.monotonic()
        self.finished = self.started

    def add(self, endpoint: str, resp: Response) -> None:
        with self.lock:
            self.status[endpoint][resp.status] += 1
            if resp.status:
                self.latency[endpoint].append(resp.elapsed)
            if resp.headers.get("x-page-cache") == "hit":
                self.cache_hits[endpoint] += 1
            if resp.status == 0 or resp.status >= 500:
                if len(self.errors[endpoint]) < 5:
                    snippet = resp.error or resp.text[:300]
                    self.errors[endpoint].append(f"{resp.status} {snippet}")

    def count(self, endpoint: str | None = None, pred: Callable[[int], bool] = lambda s: True) -> int:
        eps = [endpoint] if endpoint else list(self.status)
        return sum(n for ep in eps for s, n in self.status[ep].items() if pred(s))

    @property
    def duration(self) -> float:
        return max(self.finished - self.started, 1e-9)

    def all_latencies(self) -> list[float]:
        return [x for v in self.latency.values() for x in v]

    def report(self, title: str = "") -> None:
        if title:
            log(title)
        log(f"{'endpoint':<10} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
            f"{'2xx':>6} {'4xx':>5} {'5xx':>5} {'no resp':>7} {'cached':>6}")
        for ep in sorted(self.status):
            lat = self.latency[ep]
            n = self.count(ep)
            log(f"{ep:<10} {n:>8} {n / self.duration:>8.1f} {pct(lat, 50) * 1000:>8.1f} "
                f"{pct(lat, 95) * 1000:>8.1f} {pct(lat, 99) * 1000:>8.1f} "
                f"{self.count(ep, lambda s: 200 <= s < 400):>6} {self.count(ep, lambda s: 400 <= s < 500):>5} "
                f"{self.count(ep, lambda s: s >= 500):>5} {self.count(ep, lambda s: s == 0):>7} "
                f"{self.cache_hits[ep]:>6}")
        lat = self.all_latencies()
        n = self.count()
        log(f"{'all':<10} {n:>8} {n / self.duration:>8.1f} {pct(lat, 50) * 1000:>8.1f} "
            f"{pct(lat, 95) * 1000:>8.1f} {pct(lat, 99) * 1000:>8.1f}")
        for ep, errs in self.errors.items():
            for e in errs:
                log(f"  {ep}: {e}")


def run_clients(n_clients: int, seconds: float, body: Callable[[int, Callable[[], bool]], None]) -> float:
    """Run ``body(client_index, keep_going)`` on ``n_clients`` threads for at most ``seconds``.
    Returns the wall time. ``keep_going()`` is False once the time is up."""
    deadline = time.monotonic() + seconds

    def keep_going() -> bool:
        return time.monotonic() < deadline

    errors: list[BaseException] = []

    def wrapper(i: int) -> None:
        try:
            body(i, keep_going)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    started = time.monotonic()
    threads = [threading.Thread(target=wrapper, args=(i,), daemon=True) for i in range(n_clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 120)
    if errors:
        raise errors[0]
    return time.monotonic() - started


# --- the site's content, discovered through its pages -----------------------------------------

DETAIL_RE = re.compile(r'href="(?:https?://[^"/]+)?/cong-khai/(\d+)"')
H1_RE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
TAG_RE = re.compile(r"<[^>]+>")
FALLBACK_QUERIES = ["quy hoạch", "ngân sách", "dự án", "đất đai", "thu chi", "ngan sach", "du an", "phường"]


@dataclass
class Site:
    detail_ids: list[int] = field(default_factory=list)
    queries: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    titles: dict[int, str] = field(default_factory=dict)


def _codes(value) -> list[str]:
    out = []
    for item in value or []:
        if isinstance(item, dict):
            code = item.get("code") or item.get("id") or item.get("value")
            if code is not None:
                out.append(str(code))
        elif isinstance(item, (str, int)):
            out.append(str(item))
    return out


def discover(port: int, need_petitions: bool = True) -> Site:
    """Detail ids from the list page, search words from the detail titles, petition options."""
    c = Client(port)
    site = Site()
    ids: list[int] = []
    for path in ("/cong-khai", "/cong-khai?page=2", "/"):
        r = c.get(path)
        if r.status == 200:
            for m in DETAIL_RE.findall(r.text):
                if int(m) not in ids:
                    ids.append(int(m))
    site.detail_ids = ids
    for did in ids[:8]:
        r = c.get(f"/cong-khai/{did}")
        m = H1_RE.search(r.text) if r.status == 200 else None
        if m:
            title = " ".join(TAG_RE.sub(" ", m.group(1)).split())
            site.titles[did] = title
            words = [w for w in re.findall(r"\w+", title) if len(w) > 2 and not w.isdigit()]
            if len(words) >= 2:
                site.queries.append(" ".join(words[:2]))
    site.queries += FALLBACK_QUERIES
    if need_petitions:
        r = c.get("/api/v1/petition-options")
        if r.status == 200:
            data = r.json() or {}
            site.topics = _codes(data.get("topics"))
            site.groups = _codes(data.get("groups") or data.get("residential_groups"))
    c.close()
    return site


# --- petitions --------------------------------------------------------------------------------

GIVEN = ["An", "Bình", "Chi", "Dũng", "Hà", "Hùng", "Lan", "Minh", "Nga", "Phúc", "Quang", "Thảo", "Tuấn", "Yến"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng"]
PROBLEMS = [
    "Đèn chiếu sáng trên kiệt {n} đường Tôn Đức Thắng bị hỏng nhiều ngày, buổi tối đi lại rất nguy hiểm.",
    "Rác thải sinh hoạt tập kết ở đầu kiệt {n} không được thu gom đúng giờ, gây mùi hôi cho các hộ xung quanh.",
    "Mặt đường bê tông đoạn trước nhà số {n} bị lún, nứt, mùa mưa đọng nước, đề nghị phường sửa chữa.",
    "Đề nghị công khai các khoản đóng góp xây dựng nhà văn hóa tổ dân phố năm nay, số {n}.",
    "Cống thoát nước gần chợ bị tắc, hộ số {n} và các hộ lân cận bị ngập mỗi khi mưa lớn.",
]


def petition_payload(site: Site, client: int, seq: int, rng: random.Random, run_tag: str) -> dict:
    """A valid petition whose title and description identify it (client, sequence, run)."""
    n = rng.randint(1, 250)
    name = f"{rng.choice(FAMILY)} Văn {rng.choice(GIVEN)}"
    payload = {
        "kind": "feedback",
        "topic": rng.choice(site.topics) if site.topics else "other",
        "title": f"Kiến nghị thử tải {run_tag} c{client} số {seq}",
        "description": rng.choice(PROBLEMS).format(n=n) + f" Mã kiểm tra {run_tag}-{client}-{seq}.",
        "name": name,
        "phone": f"09{rng.randint(0, 99999999):08d}",
        "email": f"cu-dan-{run_tag}-{client}-{seq}@example.com".lower(),
        "visibility": rng.choice(["anonymous", "named", "private"]),
        "consent": True,
    }
    if site.groups:
        payload["group"] = rng.choice(site.groups)
    return payload


def verify_submissions(instance: Instance, sent: dict[str, dict]) -> dict:
    """Every acknowledged receipt code is in the database with the content that was sent."""
    from sqlalchemy import select

    app = instance.app()
    missing, mismatched = [], []
    with app.app_context():
        from moderation.models import Submission
        from portal.extensions import db

        codes = list(sent)
        found: dict[str, object] = {}
        for i in range(0, len(codes), 500):
            chunk = codes[i:i + 500]
            for sub in db.session.scalars(select(Submission).where(Submission.receipt_code.in_(chunk))):
                found[sub.receipt_code] = sub
                want = sent[sub.receipt_code]
                diffs = []
                if sub.title != want["title"]:
                    diffs.append(f"title {sub.title!r} != {want['title']!r}")
                if sub.description != want["description"]:
                    diffs.append("description differs")
                contact = sub.contact
                if contact is None:
                    diffs.append("no contact row")
                else:
                    for key in ("name", "phone", "email"):
                        if getattr(contact, key) != want[key]:
                            diffs.append(f"{key} {getattr(contact, key)!r} != {want[key]!r}")
                if diffs:
                    mismatched.append((sub.receipt_code, diffs))
        missing = [c for c in codes if c not in found]
        db.session.remove()
        db.engine.dispose()
    return {"acked": len(sent), "stored": len(sent) - len(missing), "missing": missing, "mismatched": mismatched}


def integrity_check(instance: Instance) -> dict:
    """SQLite: PRAGMA integrity_check and foreign_key_check. Both: consistency queries over the
    submissions (one contact row at most, events and attachments pointing at real rows, unique
    receipt codes)."""
    from sqlalchemy import text

    app = instance.app()
    out: dict[str, object] = {}
    with app.app_context():
        from portal.extensions import db

        if db.engine.dialect.name == "sqlite":
            out["integrity_check"] = ",".join(r[0] for r in db.session.execute(text("PRAGMA integrity_check")))
            out["foreign_key_violations"] = len(db.session.execute(text("PRAGMA foreign_key_check")).all())
        else:
            out["integrity_check"] = "ok" if db.session.execute(text("SELECT 1")).scalar() == 1 else "failed"
        queries = {
            "orphan_contacts": "SELECT count(*) FROM submitter_contact c LEFT JOIN submission s "
                               "ON s.id = c.submission_id WHERE s.id IS NULL",
            "orphan_events": "SELECT count(*) FROM submission_event e LEFT JOIN submission s "
                             "ON s.id = e.submission_id WHERE s.id IS NULL",
            "orphan_attachments": "SELECT count(*) FROM submission_attachment a LEFT JOIN submission s "
                                  "ON s.id = a.submission_id WHERE s.id IS NULL",
            "duplicate_codes": "SELECT count(*) FROM (SELECT receipt_code FROM submission "
                               "GROUP BY receipt_code HAVING count(*) > 1) d",
            "petitions_without_event": "SELECT count(*) FROM submission s WHERE NOT EXISTS "
                                       "(SELECT 1 FROM submission_event e WHERE e.submission_id = s.id)",
        }
        for key, sql in queries.items():
            try:
                out[key] = int(db.session.execute(text(sql)).scalar() or 0)
            except Exception as exc:  # noqa: BLE001 - a table missing is reported, not fatal here
                db.session.rollback()
                out[key] = f"n/a ({type(exc).__name__})"
        db.session.remove()
        db.engine.dispose()
    informational = {"integrity_check", "petitions_without_event"}  # demo rows may carry no history
    bad = out.get("integrity_check") != "ok" or any(
        not isinstance(v, int) or v > 0 for k, v in out.items() if k not in informational
    )
    out["ok"] = not bad
    return out


def search_path(q: str) -> str:
    return "/tim-kiem?" + urlencode({"q": q}, quote_via=quote)


def submission_failures(ledger, check: dict, integrity: dict, *, lost: int, mismatched: int,
                        integrity_label: str = "database consistency check failed") -> list[str]:
    """Failures about what the clients sent versus what the database kept (shared by load and crash)."""
    failures = []
    if lost:
        failures.append(f"{lost} acknowledged submissions not stored (target 0)")
    if mismatched:
        failures.append(f"{mismatched} stored submissions differ from what was sent")
    if ledger.refused:
        failures.append(f"{len(ledger.refused)} valid submissions refused")
    if ledger.track_missing:
        failures.append(f"{len(ledger.track_missing)} acknowledged codes not found by the tracking API")
    if not check["acked"]:
        failures.append("no submission acknowledged")
    if not integrity["ok"]:
        failures.append(integrity_label)
    return failures
