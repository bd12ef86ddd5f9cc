# Quick start: `make demo` and `make test` on a machine with python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TESTSTAMP := $(VENV)/.installed-test
# .ci/run sets PYTEST_PREFIX=.ci/no-network: the suite under strace, every connect() counted
PYTEST_PREFIX ?=

.PHONY: demo test lint fmt bench bench-quick bench-200 bench-suggest eval clean mappings shapes goldens release

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(TESTSTAMP): pyproject.toml tests/js/package-lock.json | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/python -c 'import ctdl_validate' 2>/dev/null \
	  || $(BIN)/pip install -q --ignore-requires-python 'ctdl-validate>=0.2.1'
	$(BIN)/python tools/wheelhouse.py
	command -v npm >/dev/null && npm ci -s --no-audit --no-fund --prefix tests/js \
	  || echo "npm ci failed or no Node: the JSKOS validator tests will skip with their reason"
	touch $@ $(STAMP)

demo: $(STAMP)
	$(BIN)/herstelgraph overview

# mypy reads its settings from pyproject.toml ([tool.mypy]: the package, strict on the public
# API). The suite runs on every core (pytest-xdist); the doctests of the package run with it.
test: $(TESTSTAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/mypy
	$(PYTEST_PREFIX) $(BIN)/python -m pytest -q -n auto --dist loadgroup --doctest-modules src/herstelgraph tests

lint: $(TESTSTAMP)
	$(BIN)/ruff check src tests benchmarks tools

fmt: $(TESTSTAMP)
	$(BIN)/ruff format src tests benchmarks tools
	$(BIN)/ruff check --fix src tests benchmarks tools
	$(BIN)/python tools/dev.py serialize ontology/*.ttl ontology/translations/*.ttl shapes/*.ttl

# Maintainer commands (tools/dev.py): they rewrite this repository's files, never a package.
mappings: $(STAMP)
	$(BIN)/python tools/dev.py mappings build

shapes: $(STAMP)
	$(BIN)/python tools/dev.py shapes

goldens: $(TESTSTAMP)
	$(BIN)/python tools/dev.py goldens

# A release (issue 25): the version of src/herstelgraph/_version.py stamped on the ontology,
# the SSSOM files and CITATION.cff, the released IRIs recorded, the CHANGELOG section written,
# and dist/release/VERSION/ built (every export, the site, the sources, SHA256SUMS). A new
# version: python tools/dev.py release --version X.Y.Z --date YYYY-MM-DD --summary "…".
release: $(STAMP)
	$(BIN)/python tools/dev.py release

# Benchmarks (docs/performance.md): default sizes 1x, 10x, 50x (~9 min on 2 cores); 200x
# opt-in (bench-200); bench-quick for a developer's loop (1x, 10x, ~2 min); the suggestions'
# speed in bench-suggest (~2 min, the model included). Each installs what it needs (the
# [bench] extra: matplotlib and the model) into the venv first.
BENCHSTAMP := $(VENV)/.installed-bench

$(BENCHSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[bench]'
	touch $@ $(STAMP)

bench: $(BENCHSTAMP)
	$(BIN)/python benchmarks/run.py

bench-suggest: $(BENCHSTAMP)
	$(BIN)/python benchmarks/suggest.py

bench-quick: $(BENCHSTAMP)
	$(BIN)/python benchmarks/run.py --quick --out benchmarks/results/quick

bench-200: $(BENCHSTAMP)
	$(BIN)/python benchmarks/run.py --sizes 1,10,50,200

# Suggestions (issue 18): figures against the curated mappings and the held-out outcomes.
eval: $(TESTSTAMP)
	$(BIN)/herstelgraph suggest evaluate -o benchmarks/results/suggest-eval.json

clean:
	rm -rf $(VENV) build dist .pytest_cache
