# RightHelp: `make run` sets up and runs the product; `make test` runs every check CI runs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test lint typecheck unit bench evaluate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

run: setup  ## list the packs and assess an example child
	$(BIN)/righthelp frameworks list
	$(BIN)/righthelp assess stoke-on-trent-2018 --age 9 --start "$$(date +%Y-%m-%dT%H:%M)" \
		-i l2-dev-recurring-concerns-diet-hygiene-clothing \
		-i l2-par-incidents-of-domestic-violence \
		-i l1-dev-receives-universal-immunisations

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest

test: lint typecheck unit  ## the whole suite: lint, types, tests

bench: setup
	$(BIN)/python -m benchmarks.bench_engine

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
