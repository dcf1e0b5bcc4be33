# The few targets people need. `make run` and `make test` set everything up themselves.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test lint bench docs serve clean setup setup-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

## Build the graph from data/reports/, write build/ (exports, who-met-whom page) and print a summary.
run: setup
	$(BIN)/unkg build

## Run the test suite (browser tests need /usr/bin/chromium: apt-get install chromium chromium-driver).
test: setup-test
	$(BIN)/pytest -q

## Style and type checks.
lint: setup-test
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

## Benchmarks (print figures; not pass/fail).
bench: setup-test
	$(BIN)/python bench/bench_build.py

## Regenerate docs/cli.md from --help (tests/test_docs.py fails while it is stale).
docs: setup
	COLUMNS=100 $(BIN)/python scripts/cli_reference.py

serve: setup
	$(BIN)/unkg serve

clean:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache
