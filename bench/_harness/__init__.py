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

from .base import (  # noqa: F401
    REPO, BIN, PYTHON, GUNICORN, HOST, log, _HANDED_OUT, free_port, pct, result_line,
)
from .instance import (  # noqa: F401
    _SETUP, Instance,
)
from .server import (  # noqa: F401
    Server,
)
from .clients import (  # noqa: F401
    Response, Client, Stats, run_clients,
)
from .site import (  # noqa: F401
    DETAIL_RE, H1_RE, TAG_RE, FALLBACK_QUERIES, Site, _codes, discover, GIVEN, FAMILY, PROBLEMS,
    petition_payload, search_path,
)
from .checks import (  # noqa: F401
    verify_submissions, integrity_check, submission_failures,
)
