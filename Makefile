# The two commands: `make build` and `make test` (see README.md). Both set up what they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
SITE_DIR ?= site
# Compiled bytecode of the package, kept fresh: where PYTHONDONTWRITEBYTECODE is set (CI images, some
# containers) Python would compile every module again on each run, and a cold build waits for its
# worker's imports (benchmarks/README.md). Stale files only; a few milliseconds when nothing changed.
BYTECODE := $(PY) -m compileall -q generator

.PHONY: build test serve bench lint schema docs system-deps clean update-testdata

build: $(STAMP)  ## set up .venv and build site/, PDFs and calendars for plans/
	$(BYTECODE)
	$(VENV)/bin/playbook build --plans plans --site-dir $(SITE_DIR)

test: $(TEST_STAMP) system-deps  ## set up, then run the whole suite, ruff and mypy
	$(VENV)/bin/ruff check generator tests benchmarks
	$(VENV)/bin/mypy
	PLAYBOOK_NO_SKIP=1 $(VENV)/bin/pytest -q -rs

serve: $(STAMP)  ## live preview: rebuilds when a plan, a page or the theme changes (CLIENT=slug: that client alone)
	$(BYTECODE)
	PLAYBOOK_CLIENTS=$(CLIENT) $(VENV)/bin/mkdocs serve --dirty

bench: $(STAMP)  ## speed against the bare tools; figures go to benchmarks/README.md
	$(BYTECODE)
	$(PY) benchmarks/run.py

audit-site: $(STAMP)  ## Lighthouse (accessibility, best practices, SEO) on client pages; needs npm
	cd benchmarks/lighthouse && npm ci --no-audit --no-fund --silent
	CHROME_PATH=/usr/bin/chromium $(PY) benchmarks/audit_site.py

schema: $(STAMP)  ## regenerate the committed JSON Schema
	$(VENV)/bin/playbook schema > plan.schema.json

docs: $(STAMP)  ## regenerate the field tables of docs/plan-format.md from the model
	$(PY) -m generator.model.reference docs/plan-format.md

update-testdata: $(TEST_STAMP)  ## regenerate golden files in tests/testdata/
	$(VENV)/bin/pytest -q --update-testdata

system-deps:  ## Debian packages the tests use (chromium, poppler-utils, khal)
	bash scripts/install-system-deps.sh

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(PIP) install -q -e '.[test]'
	touch $@

clean:
	rm -rf $(SITE_DIR) .pytest_cache .mypy_cache .ruff_cache build
