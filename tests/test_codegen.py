"""helpers.codegen: code taught in a notebook and reused from helpers has one source."""

import json

import pytest

from helpers import codegen


@pytest.mark.parametrize("module", list(codegen.GENERATED), ids=lambda p: p.name)
def test_generated_module_equals_its_notebook_cell(module):
    assert module.read_text() == codegen.render(module), "run `make codegen` after editing the notebook cell"


def test_the_marked_cell_must_be_unique(tmp_path):
    first_line = codegen.marker(next(iter(codegen.GENERATED)))
    cell = {"cell_type": "code", "source": [first_line + "\n", "x = 1\n"], "metadata": {}, "outputs": []}
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps({"cells": [cell, cell]}))
    with pytest.raises(ValueError, match="exactly one code cell"):
        codegen.marked_cell(path, first_line)
