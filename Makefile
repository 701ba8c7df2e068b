# newsarchive: every target bootstraps .venv itself, so a fresh clone needs only Python 3.11+.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev

.PHONY: demo test lint typecheck bench docs clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## demo: start the demo portal, crawl it into demo.db, print a summary and a search
demo: $(STAMP)
	$(BIN)/newsarchive demo

## test: ruff, then the whole pytest suite (what CI runs)
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy scraper pipelines archive bench

## bench: quick versions of every benchmark (extraction needs ../shared/bench; the crawl one
## sets up news-please in bench/.venv-newsplease on first use); they print their tables and
## leave bench/results/ (the full runs' figures) alone; full runs: bench/README.md
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/extraction.py --data ../shared/bench --limit 60 --out -
	$(BIN)/python bench/probes.py
	$(BIN)/python bench/search.py --sizes 10000 --out -
	$(BIN)/python bench/dedup.py --outlets 2 --articles 100 --sizes 2000 --out -
	$(BIN)/python bench/crash.py --kills 3
	$(BIN)/python bench/crawl.py --articles 300 --out -
	$(BIN)/python bench/store.py --articles 2000 --repeat 1 --out -

## docs: regenerate docs/cli.md from --help
docs: $(STAMP)
	$(BIN)/python docs/gen_cli.py > docs/cli.md

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm demo.logs .pytest_cache .mypy_cache .ruff_cache
