# The two commands: `make run` and `make test`. Everything they need, they install.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
ARGS ?=
# A local trial: debug on, no HTTPS redirects, SQLite under var/ unless DATABASE_URL is set.
RUN_ENV := DEBUG=1
# The tests run with the production defaults except HTTPS redirects (the test client speaks HTTP)
# and persistent connections (the live server's threads would keep the test database busy).
TEST_ENV := SECRET_KEY=test-only-secret-key DEBUG=0 SECURE_SSL_REDIRECT=0 STATIC_MANIFEST=0 DB_CONN_MAX_AGE=0

PO := locale/th/LC_MESSAGES/django.po
MO := locale/th/LC_MESSAGES/django.mo

.PHONY: run test bench install install-dev lint messages compile-messages clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(RUN_ENV) $(PY) manage.py migrate --no-input
	$(RUN_ENV) $(PY) manage.py load_demo
	$(RUN_ENV) $(PY) manage.py send_reminders
	@echo ""
	@echo "  The portal: http://$(HOST):$(PORT)/  (demo accounts and passwords: README.md, 'Demo accounts')"
	@echo ""
	$(RUN_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(TEST_ENV) $(VENV)/bin/pytest $(ARGS)

# The benchmark (README "Benchmark"): its own PostgreSQL database, national-scale data, gunicorn, locust.
# Not part of `make test`; its load generator lives in its own venv (requirements-bench.txt).
BENCH_VENV := .venv-bench
$(BENCH_VENV)/.installed: requirements-bench.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet -r requirements-bench.txt
	touch $@

bench: install $(BENCH_VENV)/.installed
	bash bench/run.sh

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Regenerate the message catalogue after changing user-facing strings (needs gettext);
# the compiled .mo files are committed so that a fresh machine needs no gettext tools.
# djangojs.po holds only Thai for the admin's JavaScript and is edited by hand.
messages: install-dev
	$(RUN_ENV) $(PY) manage.py makemessages -l th --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=tests
	$(MAKE) compile-messages

compile-messages:
	msgfmt --check-format -o $(MO) $(PO)
	msgfmt --check-format -o locale/th/LC_MESSAGES/djangojs.mo locale/th/LC_MESSAGES/djangojs.po

clean:
	rm -rf $(VENV) $(BENCH_VENV) staticfiles .pytest_cache var/bench
