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

from .base import (  # noqa: F401 - re-exported for the bench scripts
    _HANDED_OUT,
    BIN,
    GUNICORN,
    HOST,
    PYTHON,
    REPO,
    free_port,
    log,
    pct,
    result_line,
)
from .checks import (  # noqa: F401 - re-exported for the bench scripts
    integrity_check,
    submission_failures,
    verify_submissions,
)
from .clients import (  # noqa: F401 - re-exported for the bench scripts
    Client,
    Response,
    Stats,
    run_clients,
)
from .instance import (  # noqa: F401 - re-exported for the bench scripts
    _SETUP,
    Instance,
)
from .server import (  # noqa: F401 - re-exported for the bench scripts
    Server,
)
from .site import (  # noqa: F401 - re-exported for the bench scripts
    DETAIL_RE,
    FALLBACK_QUERIES,
    FAMILY,
    GIVEN,
    H1_RE,
    PROBLEMS,
    TAG_RE,
    Site,
    _codes,
    discover,
    petition_payload,
    search_path,
)
