# พมส. platform: `make run` serves the demo, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
UV_VERSION := 0.13.9
UV := .uvtool/bin/uv
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never
MANAGE := $(VENV)/bin/python manage.py
# What mypy checks: every app's services and selectors, and core.
TYPED := core $(wildcard */services.py */services */selectors.py */*/selectors.py)

# Debian packages: Thai fonts for PDFs, gettext for the catalogues, Pango for
# WeasyPrint; chromium and poppler only for the browser and PDF tests; node and
# npm only for ical.js, which reads back the calendar files in the tests; Java only
# for the W3C Nu checker (npm vnu-jar) the public-page test runs.
RUN_PACKAGES := python3-venv fonts-tlwg-laksaman fonts-thai-tlwg gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
TEST_PACKAGES := $(RUN_PACKAGES) chromium poppler-utils nodejs default-jre-headless

.PHONY: backup restore run test test-clock test-load check setup system-packages system-packages-test python-deps node-deps js-test-deps messages demo worker beat print-apt-packages clean

run: system-packages setup demo
	@echo "Serving http://127.0.0.1:8000  (admin: http://127.0.0.1:8000/admin/)"
	$(MANAGE) runserver 127.0.0.1:8000

# Two pytest-xdist workers (TEST_WORKERS=0 for one process), a test file per worker at a
# time, so a module's seeded demo is built once; each worker has its own test database
# and Redis database (config/settings/test.py). The tests that commit, and empty every
# table after them, run second (tests/conftest.py marks them), as in one process.
TEST_WORKERS ?= 2
XDIST = $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile)
test: system-packages-test setup node-deps js-test-deps
	$(VENV)/bin/pytest $(XDIST) -m "not transactional" $(PYTEST_ARGS)
	$(VENV)/bin/pytest $(XDIST) -m "transactional" $(PYTEST_ARGS)
	$(MAKE) --no-print-directory test-clock

# The date-sensitive tests once more, each started two seconds before midnight in
# Bangkok (17:00 UTC), where 'today' in Bangkok and in UTC part (tests/conftest.py).
CLOCK_TESTS := tests/core tests/cohorts tests/attendance tests/assignments tests/notifications \
	tests/test_seed_demo.py
test-clock: setup
	$(VENV)/bin/pytest $(XDIST) --clock=23:59:58 -m "not e2e and not transactional" -q $(CLOCK_TESTS)
	$(VENV)/bin/pytest $(XDIST) --clock=23:59:58 -m "not e2e and transactional" -q $(CLOCK_TESTS)

# A minute of mixed load (locust, 50 people) against gunicorn: 0 server errors (#17 item 4).
test-load: setup
	$(VENV)/bin/pytest -m load -q tests/test_load.py

# ical.js and vnu-jar at the versions package-lock.json pins (tests only). Debian's npm only
# where no npm came with nodejs (NodeSource's nodejs has its own).
js-test-deps:
	@command -v npm >/dev/null || scripts/ensure-system-packages npm
	npm ci --no-audit --no-fund --loglevel=error

check: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy $(TYPED)

setup: python-deps messages

system-packages:
	@scripts/ensure-system-packages $(RUN_PACKAGES)

system-packages-test:
	@scripts/ensure-system-packages $(TEST_PACKAGES)

print-apt-packages:
	@echo $(TEST_PACKAGES)

$(UV):
	$(PYTHON) -m venv .uvtool
	.uvtool/bin/pip install --quiet "uv==$(UV_VERSION)"

python-deps: $(UV)
	$(UV) sync --frozen --python $(PYTHON) --quiet

# The outside verifier the certificate tests run (npm jose), pinned by its lock file.
node-deps:
	npm ci --prefix tests/certificates/outside --no-audit --no-fund --silent

messages: python-deps
	@$(MANAGE) compilemessages --ignore=.venv --ignore=.uvtool -v0

demo: setup
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) seed_demo

# Running on PostgreSQL + Redis with real Celery processes (see README).
worker: setup
	$(VENV)/bin/celery -A config worker --loglevel=INFO --concurrency=2

beat: setup
	$(VENV)/bin/celery -A config beat --loglevel=INFO

# Database (pg_dump custom format) + public media + private files (docs/operations.md).
backup:
	@scripts/backup

restore:
	@scripts/restore

clean:
	rm -rf $(VENV) .uvtool var db.sqlite3
