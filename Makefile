# The commands people type. Every target bootstraps .venv from requirements.txt first.
#   make run        execute every notebook headlessly (NB_PROFILE: smoke | quick | full)
#   make test       lint, unit tests, notebook structure tests, nbval in the smoke profile
#   make test-colab the unit tests and nbval again, in .venv-colab: Colab's Python 3.13 and package versions
#   make test-gpu   nbval on a GPU machine, in the profile a GPU picks (refuses to start without a GPU)
#   make lab        JupyterLab on notebooks/
#   make outputs    refresh the committed outputs (quick profile); NB=01_autoencoders.ipynb for one
#   make picture    draw docs/samples.png (the README's picture) from the samples `make outputs` saved
#   make handout    copies of the notebooks without solutions or outputs, for students, in build/handout/
#   make data       make sure Fashion-MNIST is available and verified
#   make classifier retrain the Fashion FD's classifier and rewrite its committed weights
#   make setup-cells  write every Colab badge, Setup cell and repository address from helpers/colab.py
#   make codegen    regenerate helpers/dcgan.py and helpers/pixelcnn.py from the marked cells of notebooks 05 and 07

PYTHON ?= python3
VENV   := .venv
# A pip constraints file applied on top of requirements.txt: test-colab sets one (and VENV, PYTHON).
CONSTRAINTS :=
# Colab's Python: python3.13 on PATH, else a pyenv-installed 3.13.
PYTHON_COLAB ?= $(firstword $(shell for p in python3.13 $$HOME/.pyenv/versions/3.13*/bin/python3.13; do \
  "$$p" -V >/dev/null 2>&1 && echo "$$p"; done))
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
LAB_AS_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)  # containers and Colab-like machines run as root
NB     ?=

.PHONY: setup data run test test-colab test-gpu versions lint unit nbval lab outputs picture handout classifier \
  setup-cells codegen clean

setup: $(STAMP)

$(STAMP): requirements.txt $(CONSTRAINTS)
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt $(if $(CONSTRAINTS),-c $(CONSTRAINTS))
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	@touch $(STAMP)

# Debian's dataset-fashion-mnist is installed only when no copy is found anywhere.
data: $(STAMP)
	@$(PY) -m helpers data >/dev/null || { \
	  if command -v apt-get >/dev/null; then \
	    echo "Fashion-MNIST not found: installing Debian's dataset-fashion-mnist"; \
	    $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq dataset-fashion-mnist >/dev/null; \
	  fi; }
	@$(PY) -m helpers data --verify

run: data
	$(PY) -m helpers run $(NB)

lint: $(STAMP)
	$(VENV)/bin/ruff check helpers tests notebooks tools

unit: data
	$(VENV)/bin/pytest tests

# Each notebook alone, as on Colab: its own build folder, empty at the start (nothing from another
# notebook's run), under build/test*/, which `make run` and `make outputs` never read (helpers/validate.py).
NBVAL_PROFILE := smoke
NBVAL_BUILD   := build/test$(subst .venv,,$(notdir $(VENV)))
nbval: data
	$(PY) -m helpers nbval --profile $(NBVAL_PROFILE) --build $(NBVAL_BUILD) $(NB)

test: lint unit nbval

# The same unit tests and notebooks in a second venv with Colab's exact stack (constraints-colab.txt)
# on Colab's Python 3.13. nbval's --nbval-current-env kernel is that venv's python: tests/test_environment.py
# checks that the kernel imports the pinned Keras, so the notebooks cannot silently run on the newest one.
test-colab:
	@[ -n "$(PYTHON_COLAB)" ] || { echo "test-colab needs Python 3.13 (python3.13 on PATH or pyenv's 3.13)"; exit 2; }
	$(MAKE) --no-print-directory versions unit nbval VENV=.venv-colab CONSTRAINTS=constraints-colab.txt \
	  PYTHON=$(PYTHON_COLAB)

# The notebooks under nbval on a machine with a GPU, in the profile a GPU picks (full; GPU_PROFILE=quick
# for a shorter pass). The same command runs in tools/validate_on_colab.ipynb and the workflow's gpu job.
GPU_PROFILE ?= full
test-gpu: data
	@$(PY) -m helpers gpu-check
	$(MAKE) --no-print-directory nbval NBVAL_PROFILE=$(GPU_PROFILE) NBVAL_BUILD=build/test-gpu

versions: $(STAMP)
	@$(PY) -c 'import sys, importlib.metadata as m; print(sys.prefix, *(f"{p} {m.version(p)}" for p in sys.argv[1:]))' \
	  tensorflow keras numpy matplotlib scikit-learn

lab: data
	$(VENV)/bin/jupyter lab $(LAB_AS_ROOT) notebooks/

outputs: data
	$(PY) -m helpers run --in-place $(NB)

picture: $(STAMP)
	$(PY) -m helpers picture

handout: $(STAMP)
	$(PY) -m helpers handout $(NB)

classifier: data
	$(PY) -m helpers classifier

setup-cells: $(STAMP)
	$(PY) -m helpers setup-cells

codegen: $(STAMP)
	$(PY) -m helpers codegen

clean:
	rm -rf build
