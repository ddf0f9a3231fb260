"""helpers.notebook: the running notebook's id, set once by the Setup cell."""

import pytest

from helpers import notebook


def test_start_sets_the_id_seeds_and_prints_the_setup_line(monkeypatch, capsys):
    monkeypatch.setattr(notebook, "_current", None)
    monkeypatch.setenv("NB_PROFILE", "smoke")
    with pytest.raises(RuntimeError, match="run the Setup cell"):
        notebook.current_notebook()
    assert notebook.start_notebook("04_gans") == "smoke"
    assert notebook.current_notebook() == "04_gans"
    assert capsys.readouterr().out.startswith("notebook: 04_gans | profile: smoke | TensorFlow ")


@pytest.mark.parametrize("name", ["04_gans.ipynb", "4_gans", "99_missing"])
def test_a_name_that_is_not_a_notebook_is_refused(monkeypatch, name):
    monkeypatch.setattr(notebook, "_current", None)
    with pytest.raises(ValueError, match="is not a notebook"):
        notebook.start_notebook(name)
    assert notebook._current is None
