# Companion Academy. `make run` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/companion

# Under CI the suite runs on PostgreSQL; elsewhere on SQLite unless DATABASE_URL is set.
ifeq ($(CI),true)
export DATABASE_URL ?= $(PG_URL)
endif

.PHONY: install run test test-postgres lint format messages vendor-workbox benchmark benchmark-quiz benchmark-certificates benchmark-credentials benchmark-dashboards benchmark-pages clean

# Make the PostgreSQL database of URL $(1) unless it exists (its server's "postgres" database
# is asked): the benchmarks each have a database of their own.
define ensure_database
	psql "$(dir $(1))postgres" -tc "SELECT 1 FROM pg_database WHERE datname='$(notdir $(1))'" \
		| grep -q 1 || psql "$(dir $(1))postgres" -c 'CREATE DATABASE "$(notdir $(1))"'
endef

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# One process by default. TEST_PROCESSES=2 runs the suite in two (pytest-xdist), each with its
# own test database, files and Redis database (lms/settings/test.py), about a fifth faster; not
# the default, because one such run failed a language test that passes in one process
# (test_a_notification_is_read_in_the_language_of_the_page: not yet explained). Not
# --dist worksteal: a stolen test could run after the browser tests, which empty the database.
TEST_PROCESSES ?= 0
PYTEST := $(BIN)/python -m pytest -n $(TEST_PROCESSES)
ifeq ($(CI),true)
# The slowest tests, printed at the end: what to look at when the run grows.
PYTEST += --durations=25
endif

test: install
	$(PYTEST)

test-postgres: install
	DATABASE_URL=$(PG_URL) $(PYTEST)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the translation files after changing strings; then translate the new zh_Hans entries.
messages: install
	rm -f locale/en/LC_MESSAGES/django.po  # English is the source text: rebuilt fresh each time
	$(BIN)/python manage.py makemessages -l zh_Hans -l en --ignore=.venv --ignore=tests --ignore=staticfiles --ignore=cms/demo
	msgen locale/en/LC_MESSAGES/django.po -o locale/en/LC_MESSAGES/django.po
	sed -i -e '0,/^#, fuzzy$$/{/^#, fuzzy$$/d}' -e 's/^"Language: \\n"/"Language: en\\n"/' locale/en/LC_MESSAGES/django.po
	$(BIN)/python manage.py compilemessages --ignore=.venv

# The offline support's browser libraries (courses/offline/assets.py names the same versions):
# Workbox's published builds and idb-keyval's, fetched with `npm pack` from the npm registry and
# copied into the static files. Committed, so `make run` needs no build step; run this only to
# change a version (then change it in courses/offline/assets.py too).
WORKBOX_VERSION := 7.4.1
WORKBOX_MODULES := sw core routing strategies precaching
IDB_KEYVAL_VERSION := 6.2.2
VENDOR := lms/static/vendor
vendor-workbox:
	rm -rf $(VENDOR)/workbox-v* $(VENDOR)/idb-keyval-*
	mkdir -p $(VENDOR)/workbox-v$(WORKBOX_VERSION) $(VENDOR)/idb-keyval-$(IDB_KEYVAL_VERSION)
	set -e; tmp=$$(mktemp -d); \
	for module in $(WORKBOX_MODULES); do \
		(cd $$tmp && npm pack --silent workbox-$$module@$(WORKBOX_VERSION) >/dev/null); \
		tar -xzf $$tmp/workbox-$$module-$(WORKBOX_VERSION).tgz -C $$tmp; \
		cp $$tmp/package/build/workbox-$$module*.js $$tmp/package/LICENSE $(VENDOR)/workbox-v$(WORKBOX_VERSION)/; \
		rm -rf $$tmp/package; \
	done; \
	rm -f $(VENDOR)/workbox-v$(WORKBOX_VERSION)/*.dev.js; \
	(cd $$tmp && npm pack --silent idb-keyval@$(IDB_KEYVAL_VERSION) >/dev/null); \
	tar -xzf $$tmp/idb-keyval-$(IDB_KEYVAL_VERSION).tgz -C $$tmp; \
	cp $$tmp/package/dist/umd.js $$tmp/package/LICENCE $(VENDOR)/idb-keyval-$(IDB_KEYVAL_VERSION)/; \
	rm -rf $$tmp
	# The source maps are not copied: drop their references (collectstatic's manifest would
	# look for them).
	sed -i '/^\/\/# sourceMappingURL=/d' $(VENDOR)/*/*.js

benchmark: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py benchmark_auto_assign --learners 2000 --mentors 100

# Quiz submissions per second: PostgreSQL, gunicorn and wrk (apt-get install wrk) on loopback.
BENCH_DB ?= postgres://postgres@127.0.0.1:5432/companion_bench
benchmark-quiz: install
	$(call ensure_database,$(BENCH_DB))
	DATABASE_URL=$(BENCH_DB) $(BIN)/python manage.py migrate --noinput -v0
	DATABASE_URL=$(BENCH_DB) $(BIN)/python manage.py benchmark_quiz_submit --learners 6000 --seconds 15

# Readiness (one learner, bulk for 10,000) and certificate PDFs per second, on PostgreSQL.
benchmark-certificates: install
	$(call ensure_database,$(BENCH_DB))
	DATABASE_URL=$(BENCH_DB) $(BIN)/python manage.py migrate --noinput -v0
	DATABASE_URL=$(BENCH_DB) $(BIN)/python manage.py benchmark_certificates --learners 10000 --pdfs 100

# Open Badges: what signing adds to an issuance, and the status list of 100,000 certificates.
benchmark-credentials: install
	$(call ensure_database,$(BENCH_DB))
	DATABASE_URL=$(BENCH_DB) $(BIN)/python manage.py migrate --noinput -v0
	DATABASE_URL=$(BENCH_DB) $(BIN)/python manage.py benchmark_credentials --issues 30 --certificates 100000

# The staff dashboards on generated provinces of 5,000 and 50,000 learners, on PostgreSQL
# (a database of their own, made once: about two minutes).
GEN_DB ?= postgres://postgres@127.0.0.1:5432/companion_gen
benchmark-dashboards: install
	$(call ensure_database,$(GEN_DB))
	DATABASE_URL=$(GEN_DB) $(BIN)/python manage.py migrate --noinput -v0
	DATABASE_URL=$(GEN_DB) $(BIN)/python manage.py seed_demo
	DATABASE_URL=$(GEN_DB) $(BIN)/python manage.py generate_province --code g5 --learners 5000 \
		--villages 200 --mentors 50 --cohorts 20 --if-missing
	DATABASE_URL=$(GEN_DB) $(BIN)/python manage.py generate_province --code gen --if-missing
	DATABASE_URL=$(GEN_DB) $(BIN)/python manage.py benchmark_dashboards --code g5
	DATABASE_URL=$(GEN_DB) $(BIN)/python manage.py benchmark_dashboards --code gen

# Pages per second as a share of a bare view: gunicorn (production settings), PostgreSQL,
# Redis (cache and broker on 127.0.0.1:6379, databases 13 and 14) and wrk (apt-get install wrk).
# About 11 minutes with the defaults (7 pages x 3 pairs x 2 x 15 s); PAGES_ARGS="--seconds 5"
# for a quicker look.
PAGES_ARGS ?=
benchmark-pages: install
	$(call ensure_database,$(BENCH_DB))
	DATABASE_URL=$(BENCH_DB) $(BIN)/python manage.py migrate --noinput -v0
	DATABASE_URL=$(BENCH_DB) $(BIN)/python manage.py seed_demo > /dev/null
	DATABASE_URL=$(BENCH_DB) $(BIN)/python manage.py benchmark_pages $(PAGES_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache
