# Quick start: `make demo` and `make test` on a machine with python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TESTSTAMP := $(VENV)/.installed-test

.PHONY: demo test lint fmt bench eval clean mappings

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(TESTSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@ $(STAMP)

demo: $(STAMP)
	$(BIN)/herstelgraph overview

test: $(TESTSTAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/python -m pytest -q

lint: $(TESTSTAMP)
	$(BIN)/ruff check src tests benchmarks

fmt: $(TESTSTAMP)
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks
	$(BIN)/python -m herstelgraph.serialize ontology/*.ttl shapes/*.ttl

bench: $(TESTSTAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/suggest.py

# Suggestions (issue 18): figures against the curated mappings and the held-out outcomes.
eval: $(TESTSTAMP)
	$(BIN)/herstelgraph suggest evaluate -o benchmarks/results/suggest-eval.json

clean:
	rm -rf $(VENV) build dist .pytest_cache
