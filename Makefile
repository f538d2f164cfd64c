# Two commands on a fresh clone: `make run` (build, load demo data, serve) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
REGISTRY_PORT ?= 8765
VNEID_PORT ?= 8770
NATIONAL_PORTAL_PORT ?= 8771
PAYMENT_PORT ?= 8772
DOCUMENT_AXIS_PORT ?= 8773
# Where the portal says it is (links in messages, the printed banner): from HOST and PORT unless set.
PORTAL_BASE_URL ?= http://$(HOST):$(PORT)
export PORTAL_BASE_URL
# A synthetic year for the dashboard on a fresh demo database (bench/ loads 1,000,000 into PostgreSQL).
DEMO_DOSSIERS ?= 20000
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres
# The unit tree of the demo: legacy (three levels, the reference province's 2023 set-up) or 2025 (two
# levels, service centers, non-boundary procedures). Each has its own database under var/.
# MODEL=reorganised: the legacy demo taken to the two-level province by the plan of 1 July 2025
# (fixtures/reorganisation/, docs/reorganisation.md).
MODEL ?= legacy
REFERENCE_MODEL = $(MODEL)
PLAN_2025 = fixtures/reorganisation/thai-nguyen-2025-07-01.json
ifeq ($(MODEL),2025)
export VAR_DIR ?= $(CURDIR)/var/model-2025
else ifeq ($(MODEL),reorganised)
export VAR_DIR ?= $(CURDIR)/var/model-reorganised
REFERENCE_MODEL = legacy
else ifneq ($(MODEL),legacy)
$(error MODEL must be legacy, 2025 or reorganised, not $(MODEL))
endif

# (api-schema and fuzz-api: see below)
.PHONY: install setup run serve lint api-schema fuzz-api two-instances fake-vneid fake-registry bench-registry e2e test test-sqlite test-pg demo-lifecycle lifecycle-graph messages clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/python -m government.fonts >/dev/null  # the serif face's four styles, cut once (government/fonts.py)
	@touch $(STAMP)

install: $(STAMP)

# The synthetic year comes before seed_demo: its --if-empty would see the demo's waiting dossiers.
setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_reference_data --model $(REFERENCE_MODEL)
	$(BIN)/python manage.py generate_synthetic_year --dossiers $(DEMO_DOSSIERS) --if-empty
	$(BIN)/python manage.py record_sync_history  # the year's statuses, as sent to the national portal
	$(BIN)/python manage.py record_fee_history --received-by du-lieu-mau  # and its fees, as paid when filed
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py create_demo_certificates
	@# congdan1's birth extract of a month ago, to reuse (issued before MODEL=reorganised's plan is applied)
	$(BIN)/python manage.py seed_store_demo
	@# MODEL=reorganised: the plan of 1 July 2025 applied here (again: it changes nothing), so that the
	@# documents' and the meeting's demo are seeded at the agencies in force after it
	@if [ "$(MODEL)" = reorganised ]; then \
	  $(BIN)/python manage.py apply_reorganisation $(PLAN_2025) --by admin; fi
	$(BIN)/python manage.py seed_document_demo
	$(BIN)/python manage.py seed_meeting_demo

# The fake population registry, VNeID provider, national portal and payment platform run beside the
# portal unless CITIZEN_REGISTRY_URL, VNEID_ISSUER, NATIONAL_PORTAL_URL and PAYMENT_URL name real ones.
# Each fake is started on its port and the portal is pointed at that port (one place for both).
run: setup
	@pids=""; \
	if [ -z "$$CITIZEN_REGISTRY_URL" ]; then \
	  $(BIN)/python -m citizen_registry_adapter.fake_server --port $(REGISTRY_PORT) & pids="$$pids $$!"; \
	  export CITIZEN_REGISTRY_URL=http://127.0.0.1:$(REGISTRY_PORT); \
	fi; \
	if [ -z "$$VNEID_ISSUER" ]; then \
	  $(BIN)/python -m vneid_adapter.fake_server --port $(VNEID_PORT) & pids="$$pids $$!"; \
	  export VNEID_ISSUER=http://127.0.0.1:$(VNEID_PORT); \
	fi; \
	if [ -z "$$NATIONAL_PORTAL_URL" ]; then \
	  $(BIN)/python -m national_portal_adapter.fake_server --port $(NATIONAL_PORTAL_PORT) & pids="$$pids $$!"; \
	  export NATIONAL_PORTAL_URL=http://127.0.0.1:$(NATIONAL_PORTAL_PORT); \
	fi; \
	if [ -z "$$CELERY_BROKER_URL" ]; then \
	  $(BIN)/python manage.py run_periodic_tasks & pids="$$pids $$!"; \
	fi; \
	if [ -z "$$PAYMENT_URL" ]; then \
	  $(BIN)/python -m payment_adapter.fake_server --port $(PAYMENT_PORT) & pids="$$pids $$!"; \
	  export PAYMENT_URL=http://127.0.0.1:$(PAYMENT_PORT); \
	fi; \
	if [ -z "$$DOCUMENT_AXIS_URL" ]; then \
	  $(BIN)/python -m document_exchange_adapter.fake_server --port $(DOCUMENT_AXIS_PORT) & pids="$$pids $$!"; \
	  export DOCUMENT_AXIS_URL=http://127.0.0.1:$(DOCUMENT_AXIS_PORT); \
	fi; \
	echo "Cổng dịch vụ công: $(PORTAL_BASE_URL)/"; \
	trap 'kill $$pids 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# As in production (docs/production.md): collectstatic, gunicorn with 2 × cores + 1 workers, and Celery worker
# and beat when CELERY_BROKER_URL is set. Set DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DATABASE_URL… first.
serve: install
	$(BIN)/python -m portal.serve --bind $(HOST):$(PORT)

fake-registry: install
	$(BIN)/python -m citizen_registry_adapter.fake_server --port $(REGISTRY_PORT)

fake-vneid: install
	$(BIN)/python -m vneid_adapter.fake_server --port $(VNEID_PORT)

bench-registry: install
	$(BIN)/python bench/registry_overhead.py

# CLOCK="2027-01-01 00:10" (Vietnam time) runs the tests with the clock moved there (libfaketime,
# .ci/shifted-clock; docs/testing-clock.md). `.ci/run` runs the PostgreSQL suite that way.
CLOCKED := $(if $(CLOCK),bash .ci/shifted-clock "$(CLOCK)",)

# Style, layers and types: ruff (pyproject.toml [tool.ruff]), the import contract (also in `make test`) and
# mypy with django-stubs on government, accounts and the adapters ([tool.mypy]).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy

# The whole suite on the embedded default (SQLite). `.ci/run` runs it again on PostgreSQL.
# The suite runs on every core (pytest-xdist, a database per worker; TEST_WORKERS=0 runs it in one
# process). --dist load hands the tests out in pytest-django's order, so each worker meets the
# transactional tests (which empty the database) after the others; worksteal would break that order.
TEST_WORKERS ?= auto
XDIST := $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist load)

test: install
	$(CLOCKED) $(BIN)/pytest $(XDIST) --ignore=tests/e2e $(PYTEST_ARGS)

test-pg: install
	DATABASE_URL=$(PG_URL) $(CLOCKED) $(BIN)/pytest $(XDIST) --ignore=tests/e2e $(PYTEST_ARGS)

# Browser journeys and accessibility in headless Debian Chromium (apt install chromium chromium-driver poppler-utils);
# axe-core comes from npm. Screenshots land in test-results/e2e/.
e2e: install
	@if [ ! -f tests/e2e/node_modules/axe-core/axe.min.js ] && command -v npm >/dev/null; then \
	  npm install --silent --prefix tests/e2e; fi
	$(BIN)/pytest tests/e2e $(PYTEST_ARGS)

demo-lifecycle: setup
	$(BIN)/python manage.py demo_lifecycle

lifecycle-graph: install
	$(BIN)/python manage.py export_lifecycle_graph docs/lifecycle.md

# Needs GNU gettext (apt install gettext). The compiled .mo files are committed, so `run` and
# `test` work without it.
messages: install
	$(BIN)/python manage.py makemessages -l vi -l en --no-obsolete --ignore=.venv --ignore=var --ignore=tests
	$(BIN)/python locale/fill_en.py
	$(BIN)/python manage.py compilemessages --ignore=.venv

# The OpenAPI file is a contract (tests/api/test_schema.py): regenerate it when the API is meant to change.
api-schema: install
	$(BIN)/python manage.py spectacular --validate --file api/openapi.yaml

# schemathesis against a live server over every operation, as anonymous, citizen and system (also in .ci/run).
fuzz-api: install
	$(BIN)/python .ci/fuzz_api.py

# Two gunicorn instances on one PostgreSQL, Redis and SeaweedFS: uploads, sessions, limits, lockouts and the page
# cache hold across both (also in .ci/run).
two-instances: install
	$(BIN)/python .ci/two_instances.py

clean:
	rm -rf $(VENV) var
