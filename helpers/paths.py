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
