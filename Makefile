# Set-up and everyday commands. `make run` and `make test` do all set-up on a fresh machine.
SHELL := /bin/bash
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench loadtest figures system-deps venv frontend clean lint

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null || { echo "Python 3.11 is needed: install python3.11 (Debian: apt-get install python3.11 python3.11-venv)"; exit 1; }
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

system-deps:
	@scripts/system-deps.sh

frontend: $(STAMP)
	@scripts/frontend.sh

run: system-deps venv frontend
	@scripts/run.sh

test: system-deps venv frontend
	@scripts/test.sh

bench: system-deps venv
	@scripts/bench.sh

# Redraw the bundled course's lesson figures from their scripts (content/*/*/figures/*.py).
figures: venv
	$(BIN)/python scripts/build_figures.py content/genai-llm $(NAMES)

loadtest: system-deps venv
	@scripts/loadtest.sh

lint: venv
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) .run staticfiles node_modules test-artifacts
