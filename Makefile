# Two commands for a fresh clone: `make serve` and `make test`.
# Everything is installed pinned into .venv; nothing is needed beforehand but
# Python >= 3.11.2 with venv and make (and root or sudo for Debian's Chromium, nginx and npm
# in `make test`).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
HOST ?= 127.0.0.1:8000
CHROMIUM ?= /usr/bin/chromium
NGINX ?= /usr/sbin/nginx
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve build check test install install-test system-deps chromium pre-commit clean bench bench-offline screenshots

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	PIP_CONSTRAINT=$(CURDIR)/requirements.lock $(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	PIP_CONSTRAINT=$(CURDIR)/requirements.lock $(PIP) install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test node_modules/.installed

node_modules/.installed: package.json package-lock.json | system-deps
	npm ci --no-audit --no-fund --silent
	touch $@

## Debian packages the tests drive: Chromium (browser tests), nginx (deploy
## tests), npm (axe-core) and Java (the W3C Nu Html Checker). Only what is
## missing is installed.
system-deps:
	@missing=""; \
	[ -x $(CHROMIUM) ] || missing="$$missing chromium"; \
	[ -x $(NGINX) ] || missing="$$missing nginx"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
		echo "Memasang paket Debian:$$missing ..."; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

# Older name of system-deps, still used by other targets.
chromium: system-deps

## Check data before every commit (see .pre-commit-config.yaml).
pre-commit: install
	PIP_CONSTRAINT=$(CURDIR)/requirements.lock $(PIP) install --quiet -e ".[staf]"
	$(BIN)/pre-commit install

## Validate data (cached: only changed files are read again), then serve the staff preview:
## a saved alumni file shows on its profile at once, listings and search follow with a note
## on the page until they do; open tabs reload by themselves (src/portal_ekspor/preview/).
serve: install
	-$(BIN)/portal check   # problems also show in the browser as an error page until fixed
	$(BIN)/python hooks/pratinjau.py --dev-addr $(HOST)

## Build the site for publishing into site/ (swapped in only when complete).
build: install
	$(BIN)/portal build

check: install
	$(BIN)/portal check

test: install-test system-deps
	$(BIN)/python -m pytest -q

## Benchmarks: build speed against bare Material, page weight, Lighthouse -> bench/RESULTS.md.
## Sizes: make bench SIZES="1000" (default 1000 5000 20000); more options: BENCH_ARGS="--tanpa-lighthouse".
SIZES ?= 1000 5000 20000
BENCH_ARGS ?=

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --silent
	touch $@

bench: install-test chromium bench/node_modules/.installed
	$(BIN)/python -m bench.run --alumni $(SIZES) $(BENCH_ARGS)

## Phone and desktop screenshots of every page type, light and dark, into screenshots/ (not committed).
screenshots: install-test
	$(BIN)/portal build --keluaran .cache/screenshots-site
	$(BIN)/python -m tools.screenshots .cache/screenshots-site --keluaran screenshots

## Offline reading: precache size (gzip) at 25 modules, first-visit download with and without Save-Data.
bench-offline: install-test chromium
	$(BIN)/python -m bench.offline

clean:
	rm -rf site .cache screenshots
