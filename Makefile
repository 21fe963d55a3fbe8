# Werkpad: `make demo` and `make test` do all the set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
VENDOR := src/werkpad/core/static/vendor
CHROMIUM ?= /usr/bin/chromium
export PLAYWRIGHT_CHROMIUM_EXECUTABLE ?= $(CHROMIUM)

.PHONY: demo test install assets messages browser lint typecheck migrations-check schema messages-update clean

demo: install assets messages
	WERKPAD_DEMO=true $(BIN)/werkpad collectstatic --noinput --verbosity 0
	WERKPAD_DEMO=true $(BIN)/werkpad demo

# One pytest worker per core (pytest-xdist): the whole suite passes in parallel.
test: install assets messages browser lint typecheck migrations-check
	$(BIN)/pytest -n auto

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: node_modules/.installed
	mkdir -p $(VENDOR)/utrecht $(VENDOR)/htmx $(VENDOR)/axe
	cp node_modules/@utrecht/design-tokens/dist/index.css $(VENDOR)/utrecht/design-tokens.css
	cp node_modules/@utrecht/component-library-css/dist/index.css $(VENDOR)/utrecht/component-library.css
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx/htmx.min.js

messages: $(VENV)/.installed
	for locale in src/werkpad/*/locale; do \
	  if [ -d $$locale ]; then (cd $$locale/.. && ../../../$(BIN)/django-admin compilemessages --verbosity 0) || exit 1; fi; \
	done

# Browser tests run in Debian's chromium, never a downloaded browser.
browser:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Install Debian's chromium first: sudo apt-get install -y chromium"; exit 1; fi; \
	fi

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed
	$(BIN)/mypy src/werkpad

migrations-check: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=werkpad.config.settings.test $(BIN)/werkpad makemigrations --check --dry-run

schema: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=werkpad.config.settings.test $(BIN)/werkpad spectacular --lang en --file openapi.yaml

# Each app keeps its own translations in <app>/locale/, so apps can be worked on side by side.
messages-update: $(VENV)/.installed
	for app in src/werkpad/*/; do \
	  if [ -f $$app/apps.py ]; then (cd $$app && mkdir -p locale && ../../../$(BIN)/django-admin makemessages -l nl --ignore='migrations/*' --no-obsolete --verbosity 0); fi; \
	done

clean:
	rm -rf $(VENV) node_modules staticfiles $(VENDOR)
