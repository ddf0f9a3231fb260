"""The notebooks' way in: the repository's GitHub address, each notebook's Colab badge and Setup cell.

Notebooks cannot import ``helpers`` before Colab has fetched the repository, so each notebook
carries its badge link and its Setup cell as text. Both are written from this module: the
Setup cell is :data:`SETUP_TEMPLATE` (the same lines in every notebook, with the notebook's own
name in its last line), followed by the notebook's own imports. After changing the template or
:data:`GITHUB_REPO`, run ``make setup-cells`` (``python -m helpers setup-cells``);
``tests/test_colab.py`` fails while any notebook disagrees, and runs the Colab branch.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from helpers.paths import NOTEBOOKS_DIR

GITHUB_REPO = "keras-generative/generative-notebooks"  # owner/name on GitHub (placeholder until published)
BRANCH = "main"
REPO_URL = f"https://github.com/{GITHUB_REPO}"
COLAB_ROOT = "/content"  # where Colab keeps a session's files

SETUP_TEMPLATE = '''\
# Setup: the same cell in every notebook (written by `make setup-cells`); local, CI or Colab.
import os
import subprocess
import sys

REPO_URL = "{repo_url}"
if "google.colab" in sys.modules:  # Colab: fetch the repository so helpers/ and data/ are here
    repo_dir = "{colab_root}/" + REPO_URL.rsplit("/", 1)[-1]
    if not os.path.isdir(repo_dir):
        subprocess.run(["git", "clone", "--depth", "1", REPO_URL, repo_dir], check=True)
    os.chdir(repo_dir + "/notebooks")  # Colab already has every package the notebooks need
sys.path.insert(0, os.path.abspath(".."))  # the repository root, where `helpers` lives
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # before TensorFlow loads: no C++ log lines

import helpers

# Names this notebook's results and figures; seeds everything; NB_PROFILE picks the budget.
PROFILE = helpers.start_notebook("{name}")
'''
OWN_IMPORTS = "\n# This notebook's libraries\n"

BADGE_RE = re.compile(r"https://colab\.research\.google\.com/github/[^)\s\"']+")


def colab_url(notebook_name: str) -> str:
    """The "Open in Colab" link of ``notebooks/<notebook_name>``."""
    return f"https://colab.research.google.com/github/{GITHUB_REPO}/blob/{BRANCH}/notebooks/{notebook_name}"


def badge_markdown(notebook_name: str) -> str:
    """The badge as Markdown, for notebooks and the README."""
    return f"[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]({colab_url(notebook_name)})"


def setup_cell(notebook_name: str) -> str:
    """The template part of the Setup cell of ``notebooks/<notebook_name>``."""
    return SETUP_TEMPLATE.format(repo_url=REPO_URL, colab_root=COLAB_ROOT, name=Path(notebook_name).stem)


def setup_cell_index(cells: list[dict]) -> int:
    """Index of the code cell under the ``## Setup`` heading."""
    for index, cell in enumerate(cells):
        if cell["cell_type"] == "markdown" and "".join(cell["source"]).startswith("## Setup"):
            return next(i for i in range(index + 1, len(cells)) if cells[i]["cell_type"] == "code")
    raise ValueError("no '## Setup' section")


def own_imports(source: str) -> str:
    """What a Setup cell adds after the template: the notebook's own imports ('' if none)."""
    return source.split(OWN_IMPORTS, 1)[1] if OWN_IMPORTS in source else ""


def sync_notebook(path: Path) -> bool:
    """Rewrite the badge link and the Setup cell's template part of one notebook; True if it changed."""
    text = path.read_text()
    nb = json.loads(text)
    cells = nb["cells"]
    for cell in cells:
        if cell["cell_type"] == "markdown":
            cell["source"] = BADGE_RE.sub(colab_url(path.name), "".join(cell["source"])).splitlines(keepends=True)
    setup = cells[setup_cell_index(cells)]
    imports = own_imports("".join(setup["source"]))
    source = setup_cell(path.name) + (OWN_IMPORTS + imports if imports else "")
    setup["source"] = source.rstrip("\n").splitlines(keepends=True)
    new_text = json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
    if new_text != text:
        path.write_text(new_text)
        return True
    return False


def main() -> int:
    changed = [p.name for p in sorted(NOTEBOOKS_DIR.glob("[0-9]*.ipynb")) if sync_notebook(p)]
    print(f"updated: {', '.join(changed)}" if changed else f"every notebook already matches; repo {REPO_URL}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
