# The front door: `make run` serves the demo site, `make test` runs the whole suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV ?= .venv
PORT ?= 8000
HOST ?= 127.0.0.1
PYTEST_ARGS ?=
# The demo command prints the admin address; point it at where `make run` serves.
export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

# The newest Python >= 3.12: on PATH first, then under pyenv; PYTHON=... overrides.
PYTHON ?= $(shell for candidate in python3.14 python3.13 python3.12 python3 \
	$$(ls -d $$HOME/.pyenv/versions/3.*/bin/python3 2>/dev/null | sort -V -r); do \
	  path=$$(command -v $$candidate 2>/dev/null) || continue; \
	  $$path -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$path; break; }; \
	done)

.PHONY: python-check help run test lint format check demo bench bench-load bench-events \
	bench-programme bench-datenbank bench-datenbank-search worker mail-worker scheduler \
	serve-production install clean

help:
	@echo "make run    set everything up and serve the demo site on http://$(HOST):$(PORT)"
	@echo "make test   install what the tests need and run the whole suite"
	@echo "make lint | format | check | demo | bench | bench-load | bench-datenbank | worker | mail-worker | scheduler"

python-check:
	@if [ -z "$(PYTHON)" ]; then \
	  echo "No Python 3.12 or newer found (Django 6.1 needs it)."; \
	  echo "Install one (e.g. 'apt-get install python3.12' or 'pyenv install 3.13') or run 'make PYTHON=/path/to/python3.12 ...'."; \
	  exit 1; fi

$(BIN)/python: | python-check
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed

# Debian's Chromium for the browser tests; Playwright never downloads a browser here.
/usr/bin/chromium:
	@echo "Installing Debian's chromium for the browser tests ..."
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null

# Debian's Java and npm for the Nu Html Checker; the checker itself is npm's vnu-jar, pinned in
# package-lock.json. --ignore-scripts: its postinstall would download a Java runtime of its own.
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar

/usr/bin/java:
	@echo "Installing Debian's Java for the Nu Html Checker ..."
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq default-jre-headless >/dev/null

# Debian's wrk drives the load benchmark (make bench-load).
/usr/bin/wrk:
	@echo "Installing Debian's wrk for the load benchmark ..."
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq wrk >/dev/null

/usr/bin/npm:
	@echo "Installing Debian's npm for the test tools ..."
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq npm >/dev/null

$(VNU_JAR): package.json package-lock.json | /usr/bin/npm
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

run: $(VENV)/.installed
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	$(MANAGE) collectstatic --noinput --verbosity 0
	@trap 'kill $$(jobs -p) 2>/dev/null' EXIT; \
	  $(MANAGE) run_worker $(WORKER_QUEUES) & \
	  $(MANAGE) run_worker $(MAIL_WORKER_QUEUES) & \
	  $(MANAGE) run_scheduler & \
	  $(MANAGE) runserver $(HOST):$(PORT) & \
	  sleep 3; \
	  echo; \
	  echo "  kopofo nrw is running:  http://$(HOST):$(PORT)/"; \
	  echo "  Wagtail admin:          http://$(HOST):$(PORT)/admin/  user admin, password $${DEMO_PASSWORD:-kopofo-demo-passwort}"; \
	  echo "                          (also redaktion and geschaeftsstelle, same password; Ctrl-C stops)"; \
	  echo; \
	  wait

demo: $(VENV)/.installed
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content

# Two workers: mail on its own, so a slow mail server never holds up scheduled publishing.
WORKER_QUEUES := --queue-name '*' --exclude-queues mail
MAIL_WORKER_QUEUES := --queue-name mail

worker: $(VENV)/.installed
	$(MANAGE) run_worker $(WORKER_QUEUES)

mail-worker: $(VENV)/.installed
	$(MANAGE) run_worker $(MAIL_WORKER_QUEUES)

scheduler: $(VENV)/.installed
	$(MANAGE) run_scheduler

# Production-style web process (compose and the CI smoke test start exactly this). Its sync
# workers need a buffering reverse proxy in front (README). No control socket: gunicorn would put
# it under $$HOME, which is read-only or missing for a service user.
serve-production: $(VENV)/.installed
	$(BIN)/gunicorn kopofo.wsgi --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-3} \
	  --no-control-socket --access-logfile -

# Files run whole, in pytest-django's order (transactional tests last): a transactional test
# empties the database when it ends, so no test that expects the migrated data may follow it in
# the same worker. xdist would otherwise start the largest files first.
test: $(VENV)/.installed-test /usr/bin/chromium /usr/bin/java $(VNU_JAR)
	$(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=kopofo.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=kopofo.settings.test $(MANAGE) check

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py

# The events' calendar feed with 2,000 events, beside the bare view (in-process).
bench-events: $(VENV)/.installed-test
	$(BIN)/python bench/events_feed.py

# The half-year programme's PDF with about 40 events: gathering, fingerprint, rendering (in-process).
bench-programme: $(VENV)/.installed-test
	$(BIN)/python bench/programme_pdf.py

# The Datenbank with 100,000 generated records in PostgreSQL (kopofo_bench_datenbank, kept
# between runs; DATABASE_URL overrides): import rate (bench/motions_db.py).
bench-datenbank: $(VENV)/.installed-test
	$(BIN)/python bench/motions_db.py $(if $(RECORDS),--records $(RECORDS))

# The same database, then each kind of search through the view beside its raw SQL, p95 per kind
# (bench/datenbank_search.py).
bench-datenbank-search: $(VENV)/.installed-test
	$(BIN)/python bench/datenbank_search.py $(if $(RECORDS),--records $(RECORDS))

# Production-like: gunicorn, PostgreSQL (DATABASE_URL, default kopofo_bench, dropped and made
# again) and wrk, page cache on and off; a few minutes (bench/load.py).
bench-load: $(VENV)/.installed /usr/bin/wrk
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) var db.sqlite3*
