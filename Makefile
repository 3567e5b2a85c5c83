# Two commands for a newcomer: `make run` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run install migrate demo test test-sqlite test-postgres lint format bench superuser check-deploy messages backup restore clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"
	touch $@

# The Node tools are test-only; without npm their tests skip (and fail under STRICT=1).
NPM := $(shell command -v npm 2>/dev/null)

install: $(VENV)/.installed $(if $(NPM),node_modules/.installed)

# axe-core and the Nu Html Checker (vnu-jar), pinned by package-lock.json. --ignore-scripts:
# vnu-jar's postinstall would download a JDK; it runs on the system's Java (default-jre-headless).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

run: demo
	@echo "Cổng thông tin: http://$(HOST):$(PORT)/  (quản trị: http://$(HOST):$(PORT)/admin/, tạo tài khoản: make superuser)"
	$(PY) manage.py runserver $(HOST):$(PORT)

superuser: migrate
	$(PY) manage.py createsuperuser

# SQLite always; PostgreSQL too when one is running or can be started here.
# STRICT=1 (set by CI) turns a missing PostgreSQL or Chromium into a failure instead of a skip.
test: install
	bash scripts/test.sh

test-sqlite: install
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install
	$(PY) scripts/bench.py
	$(PY) scripts/bench_uploads.py
	$(PY) scripts/bench_throughput.py
	$(PY) scripts/bench_scale.py

# make backup [BACKUP_DIR=/srv/portal/backups]; make restore FILE=backups/portal-....tar.gz
backup: install
	$(PY) manage.py backup $(if $(BACKUP_DIR),--dir "$(BACKUP_DIR)")

restore: install
	@test -n "$(FILE)" || { echo "Cách dùng: make restore FILE=backups/portal-YYYYMMDD-HHMM.tar.gz"; exit 2; }
	$(PY) manage.py restore "$(FILE)"

check-deploy: install
	DJANGO_SETTINGS_MODULE=portal.settings.production \
	DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	DJANGO_ALLOWED_HOSTS=congdoan.example.gov.vn \
	$(PY) manage.py check --deploy --fail-level WARNING

# locale/vi/LC_MESSAGES/*.po -> .mo (needs GNU gettext's msgfmt); commit both.
messages: install
	$(PY) manage.py compilemessages -l vi --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache
