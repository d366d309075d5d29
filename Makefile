# Metropolregion Mitteldeutschland portal. `make help` lists the targets.
# The two commands of the README: `make run` (install, migrate, demo content, admin, serve)
# and `make test` (every test, SQLite unless DATABASE_URL is set).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install run serve migrate demo admin test test-fast lint format check messages compilemessages clean

help: ## List the targets with what they do
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install --quiet -c requirements.lock -e ".[dev]"
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the locked dependencies

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

demo: migrate ## Load the demo content (idempotent)
	$(MANAGE) load_demo_content

admin: install ## Create the admin login (once) and print it
	$(MANAGE) ensure_admin

serve: install ## Serve the site on http://$(HOST):$(PORT)
	$(MANAGE) runserver $(HOST):$(PORT)

run: demo admin serve ## Install, migrate, load demo content, print the admin login, serve

test: install ## Run every test (browser journeys included when Chromium is installed)
	$(BIN)/pytest

test-fast: install ## Run the tests without the browser journeys
	$(BIN)/pytest -m "not browser"

lint: install ## Check code style with ruff (lint and format)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Reformat the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install ## Django system checks and missing migrations
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

MAKEMESSAGES := $(MANAGE) makemessages --locale de --locale en --no-obsolete --add-location file --ignore ".venv/*" --ignore "node_modules/*" --ignore "bench/*" --ignore "tests/*"

messages: install ## Update the German and English catalogues after changing strings
	$(MAKEMESSAGES)
	$(BIN)/python scripts/fill_source_catalogue.py en
	@# Once more, so the files keep gettext's own line wrapping (CI compares them).
	$(MAKEMESSAGES) >/dev/null
	$(MANAGE) compilemessages --ignore ".venv/*"

compilemessages: install ## Compile the catalogues (.mo files are committed too)
	$(MANAGE) compilemessages --ignore ".venv/*"

clean: ## Remove the virtualenv, database, media and caches
	rm -rf $(VENV) db.sqlite3 media static .pytest_cache .ruff_cache
