"""helpers.validate: nbval runs each notebook alone, in an empty build folder of its own."""

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from helpers import validate


def _write(path, *sources):
    nbformat.write(new_notebook(cells=[new_markdown_cell("# t")] + [new_code_cell(s) for s in sources]), path)


def test_each_notebook_alone_with_a_line_each_and_a_summary(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(validate, "NOTEBOOKS_DIR", tmp_path)
    build = tmp_path / "build"
    # the first notebook leaves a file behind; the second must not see it, and fails if it does
    _write(tmp_path / "01_a.ipynb", "import os\nopen(os.environ['NB_BUILD_DIR'] + '/left.txt', 'w').close()")
    _write(tmp_path / "02_b.ipynb", "import os\nassert os.listdir(os.environ['NB_BUILD_DIR']) == []")
    _write(tmp_path / "03_c.ipynb", "import os\nassert os.environ['NB_PROFILE'] == 'quick'", "1 / 0")
    assert validate.main(["--profile", "quick", "--build", str(build)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:2] for line in lines if line.startswith("0")] == [
        ["01_a.ipynb", "quick"], ["02_b.ipynb", "quick"], ["03_c.ipynb", "quick"]
    ]  # fmt: skip
    assert "PASS" in lines[0] and "PASS" in lines[1]
    assert "FAIL" in next(line for line in lines if line.startswith("03_c"))
    assert "ZeroDivisionError" in "\n".join(lines)
    assert lines[-1] == "nbval: 2 passed, 1 failed"
    assert (build / "01_a" / "left.txt").is_file()


def test_unknown_notebooks_are_refused(capsys):
    assert validate.main(["99_missing.ipynb"]) == 2
    assert "no such notebook" in capsys.readouterr().err
