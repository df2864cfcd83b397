"""The instance: a fresh directory and database, set up with ``flask seed``/``demo load``/``search sync``."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import textwrap
import time
from pathlib import Path

from .base import BIN, PYTHON, REPO, log

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
