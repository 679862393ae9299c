# Two entry points do all the set-up on first use (virtualenv + install):
#   make demo   run the main job end to end on the embedded default
#   make test   lint, then run the test suite (what CI runs)
#   make lint   ruff (format check, lint, import order) and the layering contracts alone
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test test-all lint format bench protos serve

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# The CPU build of torch first, pinned, so that nothing pulls CUDA wheels.
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/veil demo

test: lint
	$(PY) -m pytest -m "not slow" -q

lint: $(STAMP)
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test-all: $(STAMP)
	$(PY) -m pytest -q

bench: $(STAMP)
	$(PY) benchmarks/bench_end_to_end.py --rows 20000

protos: $(STAMP)
	$(PY) scripts/gen_protos.py

serve: $(STAMP)
	$(VENV)/bin/veil serve
