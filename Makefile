# Two commands on a fresh machine with Python 3.11 and make: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app portal
PORT ?= 5000
PYTEST_ARGS ?=

.PHONY: run lint test test-postgres test-browser install install-test serve clean bench-search

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { echo "Cần Python 3.11 trở lên (python3.11 hoặc python3)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(FLASK) db upgrade
	$(FLASK) seed
	$(FLASK) demo load --if-empty
	$(FLASK) search sync
	@echo "Cổng Dân chủ cơ sở: http://127.0.0.1:$(PORT)"
	$(FLASK) run --host 127.0.0.1 --port $(PORT)

lint: install-test
	$(BIN)/ruff check .

test: install-test
	$(BIN)/python -m pytest -q -m "not browser" $(PYTEST_ARGS)

test-postgres: install-test
	TEST_DATABASE_URL=$${TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} \
		$(BIN)/python -m pytest -q -m "not browser" $(PYTEST_ARGS)

test-browser: install-test
	@# axe-core (accessibility tests) from the npm registry; only the browser tests need node.
	@test -f node_modules/axe-core/axe.min.js || npm ci --no-audit --no-fund
	$(BIN)/python -m pytest -q -m browser -p no:randomly $(PYTEST_ARGS)

bench-search: install-test
	$(BIN)/python bench/search.py

clean:
	rm -rf $(VENV) instance .pytest_cache

# Load and faults benchmarks (bench/): each prints its figures and a RESULT line, exits 1 when a
# target is missed. SQLite by default; DATABASE_URL=postgresql+psycopg://…/bench for PostgreSQL
# (the database is wiped: its name must contain "test" or "bench"). faults needs root for the
# loop-mounted "disk full" filesystem (else it falls back to a path where every write fails).
.PHONY: bench-load bench-crash bench-faults bench-pages bench-petitions bench-staff bench-cluster bench-scale bench-footprint

bench-load: install
	$(BIN)/python bench/load.py $(BENCH_ARGS)

bench-crash: install
	$(BIN)/python bench/crash.py $(BENCH_ARGS)

bench-faults: install
	$(BIN)/python bench/faults.py $(BENCH_ARGS)

bench-pages: install
	$(BIN)/python bench/pages.py $(BENCH_ARGS)

bench-petitions: install
	$(BIN)/python bench/petitions_scale.py $(BENCH_ARGS)

bench-staff: install
	$(BIN)/python bench/staff_pages.py $(BENCH_ARGS)

bench-cluster: install
	$(BIN)/python bench/cluster.py $(BENCH_ARGS)

bench-scale: install
	$(BIN)/python bench/scale.py $(BENCH_ARGS)

bench-footprint: install
	$(BIN)/python bench/footprint.py $(BENCH_ARGS)
