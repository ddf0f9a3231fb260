"""helpers.paths: the repository, its notebooks and the build folder, defined once."""

from pathlib import Path

from helpers.paths import NOTEBOOKS_DIR, REPO_ROOT, build_dir


def test_repo_root_holds_the_project_and_its_notebooks():
    assert (REPO_ROOT / "helpers" / "paths.py").is_file() and (REPO_ROOT / "README.md").is_file()
    assert NOTEBOOKS_DIR == REPO_ROOT / "notebooks" and any(NOTEBOOKS_DIR.glob("01_*.ipynb"))


def test_build_dir_follows_the_environment_at_call_time(monkeypatch, tmp_path):
    monkeypatch.delenv("NB_BUILD_DIR", raising=False)
    assert build_dir() == REPO_ROOT / "build"
    monkeypatch.setenv("NB_BUILD_DIR", str(tmp_path))
    assert build_dir() == Path(tmp_path)


def test_notebook_paths_lists_every_notebook_in_order_or_the_named_ones():
    from helpers.paths import NOTEBOOKS_DIR, notebook_paths

    everything = notebook_paths()
    assert [p.name[:2] for p in everything] == [f"{i:02d}" for i in range(1, len(everything) + 1)]
    assert notebook_paths(["notebooks/03_variational_autoencoders.ipynb", "01_autoencoders.ipynb"]) == [
        NOTEBOOKS_DIR / "03_variational_autoencoders.ipynb",
        NOTEBOOKS_DIR / "01_autoencoders.ipynb",
    ]


def test_notebook_paths_names_every_missing_notebook():
    import pytest

    from helpers.paths import notebook_paths

    with pytest.raises(FileNotFoundError, match="no such notebook .*: 99_a.ipynb, 98_b.ipynb"):
        notebook_paths(["99_a.ipynb", "01_autoencoders.ipynb", "98_b.ipynb"])
