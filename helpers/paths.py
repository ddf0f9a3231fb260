"""Where things are: the repository, its notebooks, and the git-ignored ``build/`` folder.

The one place that defines these paths; every other module and the tests import them from here.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"


def build_dir() -> Path:
    """The artifacts folder, read from ``$NB_BUILD_DIR`` at call time (default ``build/``)."""
    return Path(os.environ.get("NB_BUILD_DIR", REPO_ROOT / "build"))


def notebook_paths(names: list[str] | tuple[str, ...] = (), folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The notebooks in ``folder`` given by file name (any folder part is dropped), or all of them in order.

    Raises FileNotFoundError naming every name that is not a notebook there.
    """
    paths = [folder / Path(name).name for name in names] or sorted(folder.glob("[0-9]*.ipynb"))
    missing = [path.name for path in paths if not path.is_file()]
    if missing:
        raise FileNotFoundError(f"no such notebook in {folder}: {', '.join(missing)}")
    return paths
