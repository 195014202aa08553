# RightHelp: `make run` sets up and runs the product; `make test` runs every check CI runs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup web-setup browser-setup run test lint typecheck unit bench evaluate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

NPM_STAMP := node_modules/.righthelp-installed

$(NPM_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NPM_STAMP)

web-setup: setup $(NPM_STAMP)  ## web assets (Sass, GOV.UK Frontend), collectstatic, migrate
	$(BIN)/python scripts/web_setup.py

# Chromium for the browser tests, from Debian, only when /usr/bin/chromium is missing.
browser-setup:
	bash scripts/browser_setup.sh

# The web service on 127.0.0.1:8000 (gunicorn). Plain HTTP on loopback, so its cookies are
# not marked Secure here; behind HTTPS leave SECURE_COOKIES unset and set SECURE_SSL_REDIRECT=1.
run: web-setup  ## set up and start the web service
	SECURE_COOKIES=0 $(BIN)/gunicorn --config python:righthelp.web.gunicorn_conf righthelp.web.wsgi

lint: setup
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest

test: web-setup browser-setup lint typecheck unit  ## the whole suite: lint, types, tests

bench: web-setup  ## every benchmark, printing its figures (run on a quiet machine)
	$(BIN)/python -m benchmarks.bench_engine
	$(BIN)/python -m benchmarks.bench_narrative
	$(BIN)/python -m benchmarks.bench_web
	$(BIN)/python -m benchmarks.bench_semantic

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
