"""HTTP clients on 127.0.0.1 (stdlib), per-endpoint figures and the client thread pool."""
from __future__ import annotations

import http.client
import json
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from .base import HOST, log, pct


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
        self.block_hits: dict[str, int] = defaultdict(int)  # built from kept blocks (portal/fragments.py)
        self.started = time.monotonic()
        self.finished = self.started

    def add(self, endpoint: str, resp: Response) -> None:
        with self.lock:
            self.status[endpoint][resp.status] += 1
            if resp.status:
                self.latency[endpoint].append(resp.elapsed)
            if resp.headers.get("x-page-cache") == "hit":
                self.cache_hits[endpoint] += 1
            if resp.headers.get("x-page-blocks") == "hit":
                self.block_hits[endpoint] += 1
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
