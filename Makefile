# The course's two commands (see README.md):
#   make lab    set up .venv if needed, then start JupyterLab on the lessons
#   make test   set up .venv if needed, then run every check
# and one for maintainers:
#   make bench  time each lesson and each slider move; writes BENCHMARKS.md
#   make site   the lessons as static HTML pages, offline, in site/
#   make student  the student edition (solutions taken out) in student/
#   make classroom  N simulated learners on a local JupyterHub (N=30):
#                   the sizing table in README's "For instructors"
#
# Each target does its own set-up, so a fresh clone needs nothing else first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# nbgrader lives in its own environment, for the test that runs it only.
NBG_VENV  := .venv-nbgrader
NBG_STAMP := $(NBG_VENV)/.installed
# JupyterHub, nbgitpuller and configurable-http-proxy (from npm), for the
# classroom test and `make classroom`.
HUB_VENV  := .venv-hub
HUB_STAMP := $(HUB_VENV)/.installed
CHP_VERSION := 5.3.0
N ?= 30

# One BLAS thread: identical floats on every run, and fair timings.
export OPENBLAS_NUM_THREADS := 1
export OMP_NUM_THREADS := 1
export MKL_NUM_THREADS := 1
export PYDEVD_DISABLE_FILE_VALIDATION := 1

# JupyterLab refuses to run as root unless told to (containers, CI).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: lab test bench site student classroom setup clean

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), \
	    "the course needs Python 3.11 or newer, found " + sys.version' 
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

$(NBG_STAMP): requirements.txt tests/requirements-nbgrader.txt pyproject.toml
	test -x $(NBG_VENV)/bin/python || $(PYTHON) -m venv $(NBG_VENV)
	$(NBG_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(NBG_VENV)/bin/python -m pip install --quiet -r tests/requirements-nbgrader.txt
	$(NBG_VENV)/bin/python -m pip install --quiet --no-deps -e .
	touch $(NBG_STAMP)

$(HUB_STAMP): requirements.txt tests/requirements-hub.txt pyproject.toml
	test -x $(HUB_VENV)/bin/python || $(PYTHON) -m venv $(HUB_VENV)
	$(HUB_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(HUB_VENV)/bin/python -m pip install --quiet -r tests/requirements-hub.txt
	$(HUB_VENV)/bin/python -m pip install --quiet --no-deps -e .
	if command -v npm >/dev/null 2>&1; then \
	    npm install --silent --no-audit --no-fund --prefix $(HUB_VENV)/proxy \
	        configurable-http-proxy@$(CHP_VERSION); \
	else \
	    echo "npm not found: the classroom test (a JupyterHub) is skipped"; \
	fi
	touch $(HUB_STAMP)

lab: $(STAMP)
	$(BIN)/jupyter lab --ip=127.0.0.1 --ServerApp.root_dir=notebooks $(ROOT_FLAG)

# The three environments do not depend on each other: they are built side
# by side (in a fresh clone about 1 minute, against 2 one after another).
test:
	$(MAKE) --no-print-directory -j3 --output-sync=target \
	    $(STAMP) $(NBG_STAMP) $(HUB_STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadscope --no-loadscope-reorder

bench: $(STAMP)
	$(BIN)/python tests/bench.py --out BENCHMARKS.md

classroom: $(STAMP) $(HUB_STAMP)
	$(BIN)/python tests/classroom.py --learners $(N)

site: $(STAMP)
	$(BIN)/python tests/site.py --out site

student: $(STAMP)
	$(BIN)/python tests/student.py --out student

clean:
	rm -rf $(VENV) $(NBG_VENV) $(HUB_VENV) .pytest_cache *.egg-info site student
