"""The reference for ``bench/pages.py``: a bare Flask route, served by gunicorn the same way as the
portal (same workers, threads and clients), so that a page's throughput can be given as a share of
what Flask and gunicorn alone manage on this machine."""
from flask import Flask

app = Flask(__name__)


@app.get("/bench-bare")
def bench_bare():
    return "ok"


@app.get("/healthz")
def healthz():
    return "ok"
