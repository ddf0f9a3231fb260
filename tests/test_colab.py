"""helpers.colab: every notebook's badge and Setup cell follow the template, and the Colab branch runs.

The Colab test executes each notebook's Setup cell as Colab would: a ``google.colab`` module is
present, ``/content`` is a temporary folder, and git fetches the repository from a local copy of
this working tree instead of GitHub (git's ``url.<local>.insteadOf`` rewrites the cell's URL).
"""

import json
import os
import shutil
import subprocess
import sys

import pytest

from helpers import colab
from helpers.paths import NOTEBOOKS_DIR, REPO_ROOT

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9]*.ipynb"))


def _setup_source(path):
    cells = json.loads(path.read_text())["cells"]
    return "".join(cells[colab.setup_cell_index(cells)]["source"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_setup_cell_and_badge_follow_the_template(path):
    source = _setup_source(path)
    assert source.startswith(colab.setup_cell(path.name)), "run `make setup-cells`"
    assert colab.own_imports(source) == source[len(colab.setup_cell(path.name)) :].replace(colab.OWN_IMPORTS, "", 1)
    badges = colab.BADGE_RE.findall("".join(json.loads(path.read_text())["cells"][0]["source"]))
    assert badges == [colab.colab_url(path.name)], "run `make setup-cells`"


@pytest.fixture(scope="module")
def local_remote(tmp_path_factory):
    """A git repository holding this working tree's files (tracked and new, not ignored), as GitHub would."""
    remote = tmp_path_factory.mktemp("github") / "generative-notebooks"
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO_ROOT, capture_output=True, check=True, text=True,
    ).stdout.split("\0")  # fmt: skip
    for name in filter(None, files):
        if (REPO_ROOT / name).is_file():
            (remote / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO_ROOT / name, remote / name)
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.com"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=remote, check=True)
    subprocess.run(["git", "add", "-A"], cwd=remote, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "snapshot"], cwd=remote, check=True)
    return remote


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_setup_cell_runs_as_in_colab(path, local_remote, tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    source = _setup_source(path).replace(f'"{colab.COLAB_ROOT}/"', repr(f"{content}/"))
    script = (
        "import sys, types\n"
        "sys.modules['google.colab'] = types.ModuleType('google.colab')\n"
        + source
        + "\ndata = helpers.load_fashion_mnist()\n"
        "print('RESULT', PROFILE, os.getcwd(), helpers.__file__, data.x_train.shape, sep='|')\n"
    )
    env = {
        **os.environ,
        "NB_PROFILE": "smoke",
        "GIT_CONFIG_COUNT": "1",
        "GIT_CONFIG_KEY_0": f"url.file://{local_remote}.insteadOf",
        "GIT_CONFIG_VALUE_0": colab.REPO_URL,
    }
    work = tmp_path / "elsewhere"  # Colab starts in /content, far from any checkout
    work.mkdir()
    run = subprocess.run([sys.executable, "-c", script], cwd=work, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    clone = content / "generative-notebooks"
    result = next(line for line in run.stdout.splitlines() if line.startswith("RESULT")).split("|")
    assert result[1:] == ["smoke", str(clone / "notebooks"), str(clone / "helpers" / "__init__.py"), "(55000, 28, 28)"]
    assert f"notebook: {path.stem} | profile: smoke" in run.stdout


def test_a_failed_clone_stops_with_what_to_do(tmp_path):
    """No network or a wrong address: the cell names the URL it tried and how to point it at a fork."""
    content = tmp_path / "content"
    content.mkdir()
    source = colab.setup_cell("01_autoencoders.ipynb").replace(f'"{colab.COLAB_ROOT}/"', repr(f"{content}/"))
    script = "import sys, types\nsys.modules['google.colab'] = types.ModuleType('google.colab')\n" + source
    env = {
        **os.environ,
        "GIT_CONFIG_COUNT": "1",
        "GIT_CONFIG_KEY_0": f"url.file://{tmp_path / 'no-such-repository'}.insteadOf",
        "GIT_CONFIG_VALUE_0": colab.REPO_URL,
    }
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.returncode == 1
    message = " ".join(run.stderr.split())
    assert f"Could not clone {colab.REPO_URL}. Check the runtime's internet" in message
    assert "set REPO_URL above to your fork and re-run this cell" in message
    assert "Traceback" not in run.stderr, "a message, not a stack trace"
    assert not (content / "generative-notebooks").exists()


def test_build_stays_on_the_machine_unless_asked():
    """Drive is opt-in: mounting asks the user for access, which a class cannot always give."""
    assert "\nKEEP_BUILD_ON_DRIVE = False  # Colab only" in colab.setup_cell("01_autoencoders.ipynb")


def test_every_address_follows_github_repo():
    """Notebook badges, the README's Colab and CI badges and clone command, the GPU notebook's REPO_URL."""
    assert colab.stale_addresses() == [], "run `make setup-cells`"
    readme = colab.README.read_text()
    assert f"{colab.REPO_URL}/actions/workflows/test.yml/badge.svg" in readme, "the README's CI badge"
    assert len(colab.README_BADGE_RE.findall(readme)) >= len(NOTEBOOKS)


def test_setup_cells_moves_every_address_to_a_new_github_repo(tmp_path, monkeypatch):
    """On copies: with GITHUB_REPO changed, the sync functions leave no address behind."""
    readme, validation = tmp_path / "README.md", tmp_path / "validate_on_colab.ipynb"
    shutil.copy(colab.README, readme)
    shutil.copy(colab.VALIDATION_NOTEBOOK, validation)
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    for path in NOTEBOOKS:
        shutil.copy(path, notebooks / path.name)
    monkeypatch.setattr(colab, "GITHUB_REPO", "a-teacher/a-fork")
    monkeypatch.setattr(colab, "REPO_URL", "https://github.com/a-teacher/a-fork")
    stale = colab.stale_addresses(readme, validation, notebooks)
    assert len(stale) >= 2 * len(NOTEBOOKS) + 2, stale  # badges in README and notebooks, CI badge, REPO_URL
    assert colab.sync_readme(readme) and colab.sync_validation_notebook(validation)
    assert all(colab.sync_notebook(path) for path in sorted(notebooks.glob("*.ipynb")))
    assert colab.stale_addresses(readme, validation, notebooks) == []
    assert "keras-generative/generative-notebooks" not in readme.read_text() + validation.read_text()
    assert not colab.sync_readme(readme), "a second sync changes nothing"
    text = readme.read_text()
    assert "https://github.com/a-teacher/a-fork/actions/workflows/test.yml/badge.svg" in text
    badges = "https://colab.research.google.com/github/a-teacher/a-fork/blob/main/notebooks/"
    assert text.count(badges) >= len(NOTEBOOKS)
