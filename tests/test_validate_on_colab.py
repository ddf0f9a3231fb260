"""tools/validate_on_colab.ipynb: what can be checked without a GPU (it runs on Colab's GPU runtime only)."""

import ast
import re

import nbformat
from IPython.core.inputtransformer2 import TransformerManager

from helpers.colab import REPO_URL
from helpers.paths import REPO_ROOT

NOTEBOOK = REPO_ROOT / "tools" / "validate_on_colab.ipynb"


def _code():
    return [c.source for c in nbformat.read(NOTEBOOK, as_version=4).cells if c.cell_type == "code"]


def test_every_cell_parses_as_ipython():
    for source in _code():
        ast.parse(TransformerManager().transform_cell(source))


def test_it_clones_the_one_address_and_runs_the_command_of_make_test_gpu():
    code = "\n".join(_code())
    assert f'REPO_URL = "{REPO_URL}"' in code, "run `make setup-cells`"
    assert "python -m helpers gpu-check && python -m helpers nbval" in code
    makefile = (REPO_ROOT / "Makefile").read_text()
    test_gpu = makefile.split("\ntest-gpu:", 1)[1].split("\n\n", 1)[0]
    assert "-m helpers gpu-check" in test_gpu and re.search(r"\bnbval\b", test_gpu)
    nbval = makefile.split("\nnbval:", 1)[1].split("\n\n", 1)[0]
    assert "-m helpers nbval --profile" in nbval
