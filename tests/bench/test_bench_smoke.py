"""Smoke test of the benchmarks in ``bench/``: each script runs end to end with a tiny duration
(gunicorn on 127.0.0.1, a fresh SQLite instance), prints its ``RESULT`` line and exits 0, i.e. its
correctness targets hold (no 5xx, nothing lost, acknowledged == stored, ...).

Throughput targets are not asserted here (two seconds on a shared machine measure nothing): the
pages benchmark runs with its share targets (cached and fresh) at 0. Only ``load`` runs by default; ``pages``,
``crash``, ``faults``, ``scale`` and ``cluster`` (two servers, a restart, repeated ``flask outbox send``, the
form's minimum fill time) run when ``CI`` or ``BENCH_SMOKE_ALL`` is set. The home page's weight is checked on every run
by ``test_page_weight.py``. The benchmarks always use SQLite here, never ``TEST_DATABASE_URL``:
they wipe the database they are given.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PYTHON = str(REPO / ".venv" / "bin" / "python") if (REPO / ".venv" / "bin" / "python").exists() else sys.executable
SLOW = not (os.environ.get("CI") or os.environ.get("BENCH_SMOKE_ALL"))


def run_bench(script: str, *args: str, timeout: int = 240) -> tuple[int, str, dict]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TEST_DATABASE_URL")}
    proc = subprocess.run(
        [PYTHON, str(REPO / "bench" / script), *args], cwd=REPO, env=env, capture_output=True, text=True,
        timeout=timeout,
    )
    out = proc.stdout + proc.stderr
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    figures = dict(re.findall(r"(\w+)=(\S+)", lines[-1])) if lines else {}
    return proc.returncode, out, figures


def test_load_smoke():
    rc, out, fig = run_bench("load.py", "--seconds", "2", "--clients", "3")
    assert fig, out[-3000:]
    assert rc == 0, out[-3000:]
    assert fig["errors_5xx"] == "0" and fig["lost"] == "0" and fig["mismatched"] == "0"
    assert int(fig["acked"]) > 0 and fig["acked"] == fig["stored"]
    assert fig["integrity"] == "ok"


@pytest.mark.skipif(SLOW, reason="slow: runs with CI=1 or BENCH_SMOKE_ALL=1")
def test_pages_smoke():
    rc, out, fig = run_bench("pages.py", "--seconds", "2.5", "--clients", "2", "--rounds", "1",
                             "--min-detail-share", "0", "--min-search-share", "0", "--min-fresh-share", "0")
    assert fig, out[-3000:]
    assert rc == 0, out[-3000:]
    assert float(fig["rps_bare"]) > 0 and float(fig["rps_detail"]) > 0
    assert float(fig["rps_detail_fresh"]) > 0 and float(fig["fresh_block_hits_detail_pct"]) > 0
    assert 0 < int(fig["bytes_home"]) <= 60_000


@pytest.mark.skipif(SLOW, reason="slow: runs with CI=1 or BENCH_SMOKE_ALL=1")
def test_crash_smoke():
    rc, out, fig = run_bench("crash.py", "--seconds", "4", "--clients", "3")
    assert fig, out[-3000:]
    assert rc == 0, out[-3000:]
    assert fig["lost"] == "0" and fig["acked"] == fig["stored"] and fig["integrity"] == "ok"
    assert float(fig["killed_at_s"]) > 0


@pytest.mark.skipif(SLOW, reason="slow: runs with CI=1 or BENCH_SMOKE_ALL=1")
def test_faults_smoke():
    rc, out, fig = run_bench("faults.py", "--seconds", "3", "--clients", "2", "--smtp-down", "1",
                             "--smtp-messages", "4")
    assert fig, out[-3000:]
    assert rc == 0, out[-3000:]
    assert fig["smtp_twice"] == "0" and fig["smtp_never"] == "0"
    assert fig["search_5xx"] == "0" and fig["search_restored"] == "1"
    assert fig["disk_full_stored"] == "0" and fig["half_stored"] == "0"


@pytest.mark.skipif(SLOW, reason="slow: runs with CI=1 or BENCH_SMOKE_ALL=1")
def test_petitions_scale_smoke():
    rc, out, fig = run_bench("petitions_scale.py", "--n", "300", "--repeat", "1")
    assert fig, out[-3000:]
    assert rc == 0, out[-3000:]
    assert fig["errors"] == "0" and fig["n"] == "300" and fig["target"] == "met"


@pytest.mark.skipif(SLOW, reason="slow: runs with CI=1 or BENCH_SMOKE_ALL=1")
def test_scale_smoke():
    rc, out, fig = run_bench("scale.py", "--petitions", "300", "--disclosures", "100", "--small", "100",
                             "--repeat", "2", "--max-ms", "5000")
    assert fig, out[-3000:]
    assert rc == 0, out[-3000:]
    assert fig["petitions"] == "300" and fig["db"] == "sqlite" and fig["failures"] == "0" and fig["target"] == "met"
    assert int(fig["case_statements"]) > 0 and int(fig["post_statements"]) > 0


@pytest.mark.skipif(SLOW, reason="slow: runs with CI=1 or BENCH_SMOKE_ALL=1")
def test_cluster_smoke():
    rc, out, fig = run_bench("cluster.py", "--changes", "3", "--cli", "1")
    assert fig, out[-3000:]
    assert rc == 0, out[-3000:]
    assert fig["changes"] == "4" and fig["ok"] == "True"
    assert float(fig["max_B_s"]) < 20  # every change showed on the other host


@pytest.mark.skipif(SLOW, reason="slow: runs with CI=1 or BENCH_SMOKE_ALL=1")
def test_footprint_smoke():
    rc, out, fig = run_bench("footprint.py", "--disclosures", "40", "--petitions", "200", "--requests", "5",
                             "--wards", "2")
    assert fig, out[-3000:]
    assert rc == 0, out[-3000:]
    assert fig["ok"] == "True" and float(fig["db_mb_per_10k_petitions"]) > 0
    assert float(fig["worker_rss_mb"]) > float(fig["worker_rss_index_mb"]) >= 0
    assert float(fig["mb_per_further_ward_app"]) > 0
