# Two commands for a fresh machine (Python 3.11+, git, make):
#   make run    set up .venv from requirements.lock, build the graph, serve it on http://127.0.0.1:8000/sparql
#   make test   set up the same way and run every test
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run summary test build bench docs lint format lock clean venv notebooks notebooks-html

run: $(STAMP)
	$(BIN)/kennisgraaf build
	$(BIN)/kennisgraaf stats
	$(BIN)/kennisgraaf serve

summary: $(STAMP)
	$(BIN)/kennisgraaf stats

JS_TESTS := tests/web/js/node_modules/.package-lock.json

test: $(STAMP) $(JS_TESTS)
	$(BIN)/ruff check graph tests bench
	$(BIN)/python -m pytest

build: $(STAMP)
	$(BIN)/kennisgraaf build

bench: $(STAMP)
	$(BIN)/python -m bench

docs: $(STAMP)
	$(BIN)/python -m graph.docs docs/ontologie

# JupyterLab on notebooks/ with the kernel "kennisgraaf" (this .venv) registered; builds the graph first if needed
notebooks: $(STAMP)
	$(BIN)/python -m graph.notebook_runner prepare
	$(BIN)/jupyter lab --ServerApp.root_dir=notebooks $$([ "$$(id -u)" = 0 ] && echo --allow-root)

# every notebook run top to bottom and written with its outputs as HTML into docs/notebooks/
notebooks-html: $(STAMP)
	$(BIN)/python -m graph.notebook_runner html docs/notebooks

lint: $(STAMP)
	$(BIN)/ruff check graph tests bench

format: $(STAMP)
	$(BIN)/ruff format graph tests bench

venv: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed, found " + sys.version.split()[0] + ": run make PYTHON=python3.11 ...")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); echo "could not create $(VENV); on Debian or Ubuntu install python3-venv first" >&2; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@# The map tests drive Debian's Chromium (never a downloaded browser); install it when missing.
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || echo "note: chromium is not installed, so the browser tests of the maps skip (and fail under CI=true);" \
	    "install it as root: apt-get install chromium" >&2
	touch $(STAMP)

# the JavaScript client the web tests run (from the npm registry, exact versions in package-lock.json)
$(JS_TESTS): tests/web/js/package.json tests/web/js/package-lock.json
	@command -v npm >/dev/null || { echo "npm not found: the npm client test will be skipped (install Node.js and npm)" >&2; exit 0; }; \
	cd tests/web/js && npm ci --no-audit --no-fund

lock:
	$(BIN)/python -m pip freeze --exclude-editable | sed '1i # Exact versions for a reproducible install (make venv). Regenerate with: make lock' > requirements.lock

clean:
	rm -rf $(VENV) output docs/ontologie docs/notebooks .pytest_cache
