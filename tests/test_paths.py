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
