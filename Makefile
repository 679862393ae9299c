# Two entry points do all the set-up on first use (virtualenv + install, npm packages):
#   make demo   run the main job end to end on the embedded default
#   make test   lint, then run the test suite (what CI runs)
#   make lint   ruff (format check, lint, import order), the layering contracts and the proto checks alone
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# buf and the Google/gRPC protos the contract imports, pinned in tools/protos/package.json
PROTO_TOOLS := tools/protos
BUF         := $(PROTO_TOOLS)/node_modules/.bin/buf
PROTO_STAMP := $(PROTO_TOOLS)/include/.staged
# The contract as last released: `buf breaking` compares the protos against it.
RELEASED    := protos/released.binpb
# The Node.js example client that CI runs against a real server
NODE_STAMP  := examples/node/node_modules/.installed

.PHONY: demo test test-all lint proto-deps proto-lint proto-release format bench protos serve

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# The CPU build of torch first, pinned, so that nothing pulls CUDA wheels.
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

$(PROTO_STAMP): $(PROTO_TOOLS)/package.json $(PROTO_TOOLS)/package-lock.json $(PROTO_TOOLS)/stage.sh
	npm ci --prefix $(PROTO_TOOLS) --no-audit --no-fund --loglevel=error
	$(PROTO_TOOLS)/stage.sh
	touch $@

$(NODE_STAMP): examples/node/package.json examples/node/package-lock.json
	npm ci --prefix examples/node --no-audit --no-fund --loglevel=error
	touch $@

demo: $(STAMP)
	$(VENV)/bin/veil demo

test: lint $(NODE_STAMP)
	$(PY) -m pytest -m "not slow" -q

lint: $(STAMP) proto-lint
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

# The Google and gRPC protos at their import paths in tools/protos/include (-I protos -I tools/protos/include).
proto-deps: $(PROTO_STAMP)

# buf's STANDARD and COMMENTS rules (exceptions in buf.yaml), formatting, and no breaking change
# against the last release.
proto-lint: $(PROTO_STAMP)
	$(BUF) lint
	$(BUF) format --diff --exit-code protos
	$(BUF) breaking protos --against $(RELEASED)

# Record the current contract as released (run when a release is tagged).
proto-release: $(PROTO_STAMP)
	$(BUF) build protos --exclude-source-info -o $(RELEASED)

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
