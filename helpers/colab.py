"""The notebooks' way in: the repository's GitHub address, each notebook's Colab badge and Setup cell.

Notebooks cannot import ``helpers`` before Colab has fetched the repository, so each notebook
carries its badge link and its Setup cell as text. Both are written from this module: the
Setup cell is :data:`SETUP_TEMPLATE` (the same lines in every notebook, with the notebook's own
name in its last line), followed by the notebook's own imports.

:data:`GITHUB_REPO` is the one place for the repository's address. ``make setup-cells``
(``python -m helpers setup-cells``) writes it everywhere else it appears: every notebook's badge
and Setup cell, the README's eight Colab badges, its CI badge and its ``git clone`` command, and
the ``REPO_URL`` line of ``tools/validate_on_colab.ipynb``. ``tests/test_colab.py`` fails while
any of them disagrees (:func:`stale_addresses`), and runs the Colab branch of the Setup cell.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from helpers.paths import NOTEBOOKS_DIR, REPO_ROOT, notebook_paths

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
KEEP_BUILD_ON_DRIVE = False  # Colab only: True keeps build/ (models, resume points) on Drive
if "google.colab" in sys.modules:  # Colab: fetch the repository so helpers/ and data/ are here
    repo_dir = "{colab_root}/" + REPO_URL.rsplit("/", 1)[-1]
    clone = ["git", "clone", "--depth", "1", REPO_URL, repo_dir]
    if not os.path.isdir(repo_dir) and subprocess.run(clone).returncode:
        raise SystemExit(f"Could not clone {{REPO_URL}}. Check the runtime's internet, "
                         "or set REPO_URL above to your fork and re-run this cell.")
    if KEEP_BUILD_ON_DRIVE:
        from google.colab import drive
        drive.mount("{colab_root}/drive")
        os.environ["NB_BUILD_DIR"] = "{colab_root}/drive/MyDrive/" + os.path.basename(repo_dir)
    os.chdir(repo_dir + "/notebooks")  # Colab already has every package the notebooks need
sys.path.insert(0, os.path.abspath(".."))  # the repository root, where `helpers` lives
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # before TensorFlow loads: no C++ log lines

import helpers

# Names this notebook's results and figures; seeds everything; NB_PROFILE picks the budget.
PROFILE = helpers.start_notebook("{name}")
'''
OWN_IMPORTS = "\n# This notebook's libraries\n"

BADGE_RE = re.compile(r"https://colab\.research\.google\.com/github/[^)\s\"']+")
README = REPO_ROOT / "README.md"
VALIDATION_NOTEBOOK = REPO_ROOT / "tools" / "validate_on_colab.ipynb"
# A Colab badge's link, with the notebook it opens as group 1.
README_BADGE_RE = re.compile(r"https://colab\.research\.google\.com/github/[^)\s\"']*/notebooks/([^)\s\"'/]+\.ipynb)")
# The repository's own address in the README: the CI badge's (…/actions/…) and the clone command's.
OWN_ADDRESS_RE = re.compile(
    r"https://github\.com/[\w.-]+/[\w.-]+?(?=/actions/)"
    r"|(?<=git clone )https://github\.com/[\w.-]+/[\w.-]+?(?=\.git\b|[\s`)\"']|$)"
)
REPO_URL_LINE_RE = re.compile(r'^REPO_URL = "[^"]*"', re.MULTILINE)


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


def readme_text(text: str) -> str:
    """``text`` (the README's) with every Colab badge, the CI badge and the clone command at :data:`GITHUB_REPO`."""
    text = README_BADGE_RE.sub(lambda m: colab_url(m[1]), text)
    return OWN_ADDRESS_RE.sub(REPO_URL, text)


def sync_readme(path: Path = README) -> bool:
    """Rewrite the README's addresses from :data:`GITHUB_REPO`; True if it changed."""
    text = path.read_text()
    new_text = readme_text(text)
    if new_text != text:
        path.write_text(new_text)
        return True
    return False


def sync_validation_notebook(path: Path = VALIDATION_NOTEBOOK) -> bool:
    """Rewrite the ``REPO_URL = "..."`` line of the GPU validation notebook; True if it changed."""
    text = path.read_text()
    nb = json.loads(text)
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            source = REPO_URL_LINE_RE.sub(f'REPO_URL = "{REPO_URL}"', "".join(cell["source"]))
            cell["source"] = source.splitlines(keepends=True)
    new_text = json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
    if new_text != text:
        path.write_text(new_text)
        return True
    return False


def stale_addresses(
    readme: Path = README, validation_notebook: Path = VALIDATION_NOTEBOOK, notebooks_dir: Path = NOTEBOOKS_DIR
) -> list[str]:
    """Every address that disagrees with :data:`GITHUB_REPO`, as ``"<file>: <address>"`` ([] when all agree)."""
    stale = []
    text = readme.read_text()
    for match in README_BADGE_RE.finditer(text):
        if match[0] != colab_url(match[1]):
            stale.append(f"{readme.name}: {match[0]}")
    stale += [f"{readme.name}: {m[0]}" for m in OWN_ADDRESS_RE.finditer(text) if m[0] != REPO_URL]
    nb = json.loads(validation_notebook.read_text())
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    lines = REPO_URL_LINE_RE.findall(code)
    stale += [f"{validation_notebook.name}: {line}" for line in lines if line != f'REPO_URL = "{REPO_URL}"']
    if not lines:
        stale.append(f"{validation_notebook.name}: no REPO_URL line")
    for path in sorted(notebooks_dir.glob("[0-9]*.ipynb")):
        markdown = [c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "markdown"]
        links = BADGE_RE.findall("".join("".join(c["source"]) for c in markdown))
        stale += [f"{path.name}: {link}" for link in links if link != colab_url(path.name)]
    return stale


def main() -> int:
    changed = [p.name for p in notebook_paths() if sync_notebook(p)]
    others = ((README, sync_readme), (VALIDATION_NOTEBOOK, sync_validation_notebook))
    changed += [path.name for path, sync in others if sync(path)]
    print(f"updated: {', '.join(changed)}" if changed else f"every file already matches; repo {REPO_URL}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
