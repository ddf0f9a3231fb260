# The commands people type. Every target bootstraps .venv from requirements.txt first.
#   make run        execute every notebook headlessly (NB_PROFILE: smoke | quick | full)
#   make test       lint, unit tests, notebook structure tests, nbval in the smoke profile
#   make lab        JupyterLab on notebooks/
#   make outputs    refresh the committed outputs (quick profile); NB=01_autoencoders.ipynb for one
#   make data       make sure Fashion-MNIST is available and verified
#   make classifier retrain the quality score's classifier and rewrite its committed weights
#   make colab-links  point every badge and Setup cell at helpers/colab.py's GITHUB_REPO

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
LAB_AS_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)  # containers and Colab-like machines run as root
NB     ?=

.PHONY: setup data run test lint unit nbval lab outputs classifier colab-links clean

setup: $(STAMP)

$(STAMP): requirements.txt
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
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

lab: data
	$(VENV)/bin/jupyter lab $(LAB_AS_ROOT) notebooks/

outputs: data
	$(PY) -m helpers run --in-place $(NB)

classifier: data
	$(PY) -m helpers classifier

colab-links: $(STAMP)
	$(PY) -m helpers colab-links

clean:
	rm -rf build
