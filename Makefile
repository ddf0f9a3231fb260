# The commands people type. Every target bootstraps .venv from requirements.txt first.
#   make run        execute every notebook headlessly (NB_PROFILE: smoke | quick | full)
#   make test       lint, unit tests, notebook structure tests, nbval in the smoke profile
#   make test-oldest  the unit tests and nbval again, in .venv-oldest: the lowest versions requirements.txt admits
#   make lab        JupyterLab on notebooks/
#   make outputs    refresh the committed outputs (quick profile); NB=01_autoencoders.ipynb for one
#   make data       make sure Fashion-MNIST is available and verified
#   make classifier retrain the Fashion FD's classifier and rewrite its committed weights
#   make setup-cells  write every notebook's Colab badge and Setup cell from helpers/colab.py
#   make codegen    regenerate helpers/dcgan.py and helpers/pixelcnn.py from the marked cells of notebooks 05 and 07

PYTHON ?= python3
VENV   := .venv
# A pip constraints file applied on top of requirements.txt: test-oldest sets one (and VENV).
CONSTRAINTS :=
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
LAB_AS_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)  # containers and Colab-like machines run as root
NB     ?=

.PHONY: setup data run test test-oldest versions lint unit nbval lab outputs classifier setup-cells codegen clean

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
	$(VENV)/bin/ruff check helpers tests notebooks

unit: data
	$(VENV)/bin/pytest tests

nbval: data
	NB_PROFILE=smoke $(VENV)/bin/pytest --nbval-lax --nbval-current-env notebooks/

test: lint unit nbval

# The same unit tests and notebooks in a second venv pinned to the oldest admitted versions (Colab's
# TensorFlow 2.20 / Keras 3.13). nbval's --nbval-current-env kernel is that venv's python: tests/test_environment.py
# checks that the kernel imports the pinned Keras, so the notebooks cannot silently run on the newest one.
test-oldest:
	$(MAKE) --no-print-directory versions unit nbval VENV=.venv-oldest CONSTRAINTS=constraints-oldest.txt

versions: $(STAMP)
	@$(PY) -c 'import sys, importlib.metadata as m; print(sys.prefix, *(f"{p} {m.version(p)}" for p in sys.argv[1:]))' \
	  tensorflow keras numpy matplotlib scikit-learn

lab: data
	$(VENV)/bin/jupyter lab $(LAB_AS_ROOT) notebooks/

outputs: data
	$(PY) -m helpers run --in-place $(NB)

classifier: data
	$(PY) -m helpers classifier

setup-cells: $(STAMP)
	$(PY) -m helpers setup-cells

codegen: $(STAMP)
	$(PY) -m helpers codegen

clean:
	rm -rf build
