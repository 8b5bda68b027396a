# The two commands of the README: `make run` and `make test`. Both set up whatever is missing first.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PY := .venv/bin/python

# The full-stack pass (.ci/run): PostgreSQL and Redis on localhost, a real Celery worker.
STACK_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/gendan
STACK_BROKER_URL ?= redis://127.0.0.1:6379/5

.PHONY: help bootstrap bootstrap-tests run worker test test-stack lint format messages bench backup \
	restore clean

help:
	@echo "make run         set up, migrate, load demo data, start the site + Celery worker/beat"
	@echo "make test        set up, then the whole test suite (SQLite, Celery eager, browser tests)"
	@echo "make test-stack  the suite on PostgreSQL + Redis with a real Celery worker (CI)"
	@echo "make worker      a Celery worker with beat on its own"
	@echo "make lint        ruff check + ruff format --check"
	@echo "make messages    update the zh_Hant and zh_Hans translation catalogues"
	@echo "make bench       the benchmarks under bench/"
	@echo "make backup      the database and the uploaded files in one archive under var/backups/"
	@echo "make restore FILE=...  restore such an archive into an empty database (REPLACE=1: overwrite)"
	@echo "make clean       remove the virtualenv, var/ data and caches"

bootstrap:
	@scripts/bootstrap.sh

bootstrap-tests:
	@scripts/bootstrap.sh --tests

run: bootstrap
	@scripts/run.sh

worker: bootstrap
	$(PY) -m celery -A config worker -B --loglevel=INFO --concurrency=1 \
		--schedule="$${GENDAN_VAR_DIR:-var}/celery/beat-schedule"

test: bootstrap-tests
	@scripts/test.sh $(PYTEST_ARGS)

test-stack: bootstrap-tests
	@scripts/services.sh
	DATABASE_URL=$(STACK_DATABASE_URL) CELERY_BROKER_URL=$(STACK_BROKER_URL) \
		GENDAN_CELERY_WORKER=1 scripts/test.sh --create-db $(PYTEST_ARGS)

lint: bootstrap
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: bootstrap
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

messages: bootstrap
	$(PY) manage.py makemessages -l zh_Hant -l zh_Hans --ignore=.venv --ignore=var --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv --ignore=var

# Speed targets live here, not in timed tests: each script prints its figures and ratio.
# The reminder scan's full size is `.venv/bin/python bench/reminder_scan.py --milestones 1000000`;
# the export's reference figure is `DATABASE_URL=postgres://.../scratch bench/import_orders.py`
# (100,000 orders).
bench: bootstrap
	$(PY) bench/forms_cjk.py
	$(PY) bench/reminder_scan.py
	$(PY) bench/import_orders.py --export-orders 20000

backup: bootstrap
	$(PY) manage.py backup

restore: bootstrap
	@test -n "$(FILE)" || { echo "usage: make restore FILE=var/backups/gendan-....tar.gz" >&2; exit 2; }
	$(PY) manage.py restore "$(FILE)" $(if $(REPLACE),--replace)

clean:
	rm -rf .venv var/celery var/mail var/staticfiles var/gendan.sqlite3 var/seed_demo.log \
		.pytest_cache .ruff_cache *.egg-info
	find . -path ./.venv -prune -o -name __pycache__ -type d -exec rm -rf {} +
