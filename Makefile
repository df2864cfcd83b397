# Two commands on a fresh machine with Python 3.11 and make: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app portal
PORT ?= 5000
PYTEST_ARGS ?=

.PHONY: run test test-postgres test-browser install install-test serve clean bench-search

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Cần Python 3.11 ($(PYTHON) không có trên máy)"; exit 1; }
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

test: install-test
	$(BIN)/python -m pytest -q -m "not browser" $(PYTEST_ARGS)

test-postgres: install-test
	TEST_DATABASE_URL=$${TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} \
		$(BIN)/python -m pytest -q -m "not browser" $(PYTEST_ARGS)

test-browser: install-test
	$(BIN)/python -m pytest -q -m browser -p no:randomly $(PYTEST_ARGS)

bench-search: install-test
	$(BIN)/python bench/search.py

clean:
	rm -rf $(VENV) instance .pytest_cache
