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


def test_versions_outside_the_tested_range_are_named(tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("# comment\ntensorflow>=2.20,<2.22\nkeras>=3.13.2,<3.16  # why\nnumpy>=2\n")
    assert notebook.untested_versions({"tensorflow": "2.21.0", "keras": "3.13.2"}, requirements) == ""
    assert notebook.untested_versions({"tensorflow": "2.22.0rc1"}, requirements) == (
        "tensorflow 2.22.0rc1 is outside the tested range >=2.20,<2.22"
    )
    assert "keras 3.13.0 is outside" in notebook.untested_versions({"keras": "3.13.0"}, requirements)


def test_the_installed_stack_is_in_the_tested_range():
    import keras
    import tensorflow as tf

    assert notebook.untested_versions({"tensorflow": tf.__version__, "keras": keras.__version__}) == ""
