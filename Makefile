# Two commands for a fresh clone: `make serve` and `make test`.
# Everything is installed pinned into .venv; nothing is needed beforehand but
# Python 3.11+ and make (and root or sudo for Debian's Chromium in `make test`).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
HOST ?= 127.0.0.1:8000
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve build check test install install-test chromium clean bench

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	PIP_CONSTRAINT=$(CURDIR)/requirements.lock $(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	PIP_CONSTRAINT=$(CURDIR)/requirements.lock $(PIP) install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "Memasang Chromium dari paket Debian..."; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; \
	fi

## Validate data, build into a fresh folder and serve with live reload.
serve: install
	$(BIN)/portal check
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST) --watch data --watch hooks --watch src

## Build the site for publishing into site/ (swapped in only when complete).
build: install
	$(BIN)/portal build

check: install
	$(BIN)/portal check

test: install-test chromium
	$(BIN)/python -m pytest -q

bench: install-test
	$(BIN)/python -m bench.run

clean:
	rm -rf site .cache
