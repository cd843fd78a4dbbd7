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

.PHONY: install run test test-postgres lint format messages benchmark benchmark-quiz benchmark-certificates benchmark-dashboards benchmark-pages clean

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

test: install
	$(BIN)/python -m pytest

test-postgres: install
	DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest

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
