# rawi — two commands on a fresh machine:  make demo   and   make test
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip
DEMO   := demo/corpus

.PHONY: demo test install install-test eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

PORT   ?= 8000

## make demo: install rawi, analyse the demo corpus (summary here, highlighted page in
## demo.html), ingest it into demo.db and serve the web UI on http://127.0.0.1:$(PORT)/
demo: install
	$(BIN)/rawi analyze $(DEMO) --format text
	$(BIN)/rawi analyze $(DEMO) --format html --output demo.html
	@echo "highlighted view written to demo.html"
	$(BIN)/rawi ingest $(DEMO) --db demo.db
	@echo "rawi web UI: http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	$(BIN)/rawi serve --db demo.db --port $(PORT)

## make test: install the test dependencies and run the whole suite
test: install-test
	$(BIN)/python -m pytest

## make eval: official scorers on the development gold (needs ../shared)
eval: install
	$(BIN)/python benchmarks/quality.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache demo.html demo.db demo.db-wal demo.db-shm
