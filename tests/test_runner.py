"""The notebook runner behind `make run` and `make outputs`, on tiny notebooks of its own."""

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from helpers import notebook_runner


def _write(path, *sources):
    nb = new_notebook(cells=[new_markdown_cell("# t")] + [new_code_cell(s) for s in sources])
    nbformat.write(nb, path)
    return path


def test_executes_in_order_with_the_profile(tmp_path, build):
    source = _write(tmp_path / "ok.ipynb", "import os\nprofile = os.environ['NB_PROFILE']", "print(profile)")
    ok, seconds, message = notebook_runner.execute(source, tmp_path / "out" / "ok.ipynb", "smoke")
    assert ok and message == "" and seconds > 0
    assert (build / "notebooks" / "ok.kernel.log").is_file()  # the kernel's console output, kept aside
    executed = nbformat.read(tmp_path / "out" / "ok.ipynb", as_version=4)
    assert [c.execution_count for c in executed.cells[1:]] == [1, 2]
    assert executed.cells[2].outputs[0].text == "smoke\n"


def test_failure_names_the_cell_and_the_error(tmp_path, build):
    source = _write(tmp_path / "bad.ipynb", "x = 1", "assert x == 2, 'x is not 2'", "print('never')")
    ok, _, message = notebook_runner.execute(source, tmp_path / "out" / "bad.ipynb", "smoke")
    assert not ok
    assert message.startswith('cell 3 ("assert x == 2') and "AssertionError: x is not 2" in message


def test_main_fails_for_a_failing_notebook_and_unknown_names(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NB_BUILD_DIR", str(tmp_path / "build"))
    monkeypatch.setenv("NB_PROFILE", "smoke")
    monkeypatch.setattr(notebook_runner, "NOTEBOOKS_DIR", tmp_path)
    _write(tmp_path / "01_good.ipynb", "1 + 1")
    _write(tmp_path / "02_bad.ipynb", "1 / 0")
    assert notebook_runner.main([]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("01_good.ipynb") and lines[0].endswith("PASS")
    assert lines[1].startswith("02_bad.ipynb") and "FAIL  cell 2 ('1 / 0'): ZeroDivisionError" in lines[1]
    assert (tmp_path / "build" / "notebooks" / "02_bad.ipynb").is_file()
    assert notebook_runner.main(["03_missing.ipynb"]) == 2


def test_bad_profile_is_refused_before_any_kernel_starts(monkeypatch, capsys):
    monkeypatch.setenv("NB_PROFILE", "bogus")
    assert notebook_runner.main([]) == 2
    assert "valid values are smoke, quick, full" in capsys.readouterr().err


def test_in_place_runs_each_notebook_alone_but_make_run_shares_build(tmp_path, monkeypatch):
    """Committed outputs come from a notebook run alone (as on Colab); `make run` shares build/."""
    monkeypatch.setenv("NB_BUILD_DIR", str(tmp_path / "build"))
    monkeypatch.setattr(notebook_runner, "NOTEBOOKS_DIR", tmp_path)
    where = "import os; print(os.environ['NB_BUILD_DIR'], sorted(os.listdir(os.environ['NB_BUILD_DIR'])))"
    _write(tmp_path / "01_ok.ipynb", where)
    leftover = tmp_path / "build" / "outputs" / "01_ok" / "results.csv"
    leftover.parent.mkdir(parents=True)
    leftover.write_text("from an earlier run")
    monkeypatch.setenv("NB_PROFILE", "quick")
    assert notebook_runner.main([]) == 0
    shared = nbformat.read(tmp_path / "build" / "notebooks" / "01_ok.ipynb", as_version=4)
    assert shared.cells[1].outputs[0].text.startswith(f"{tmp_path / 'build'} [")
    assert notebook_runner.main(["--in-place", "01_ok.ipynb"]) == 0
    alone = nbformat.read(tmp_path / "01_ok.ipynb", as_version=4)
    # a folder of its own, emptied first: only the kernel's log is there
    assert alone.cells[1].outputs[0].text == f"{leftover.parent} ['notebooks']\n"
    assert str(tmp_path / "build") == __import__("os").environ["NB_BUILD_DIR"], "restored after the run"
