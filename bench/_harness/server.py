"""The server: the app under gunicorn on 127.0.0.1."""
from __future__ import annotations

import http.client
import os
import signal
import subprocess
import time
from pathlib import Path

from .base import GUNICORN, HOST, REPO, free_port
from .instance import Instance


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

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by gunicorn's master and live workers (Linux
        ``/proc``; 0 elsewhere): a page's cost whatever else the machine runs."""
        if self.proc is None:
            return 0.0
        tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        total = 0
        for pid in [self.proc.pid, *_children(self.proc.pid)]:
            try:
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])  # utime, stime
            except (OSError, IndexError, ValueError):
                continue
        return total / tick

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


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except (OSError, ValueError):
        return []
