"""The one place that says where the repository lives on GitHub.

Notebooks cannot import ``helpers`` before Colab has fetched the repository, so each
notebook's "Open in Colab" badge and its Setup cell carry the URL as text. They follow the
constants below: after changing them, run ``make colab-links`` (``python -m helpers colab-links``)
to rewrite every notebook; ``tests/test_notebook_structure.py`` fails while any disagrees.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

GITHUB_REPO = "keras-generative/generative-notebooks"  # owner/name on GitHub (placeholder until published)
BRANCH = "main"
REPO_URL = f"https://github.com/{GITHUB_REPO}"
NOTEBOOKS_DIR = Path(__file__).resolve().parent.parent / "notebooks"

BADGE_RE = re.compile(r"https://colab\.research\.google\.com/github/[^)\s\"']+")
REPO_URL_RE = re.compile(r'REPO_URL = "[^"]*"')


def colab_url(notebook_name: str) -> str:
    """The "Open in Colab" link of ``notebooks/<notebook_name>``."""
    return f"https://colab.research.google.com/github/{GITHUB_REPO}/blob/{BRANCH}/notebooks/{notebook_name}"


def badge_markdown(notebook_name: str) -> str:
    """The badge as Markdown, for notebooks and the README."""
    return f"[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]({colab_url(notebook_name)})"


def sync_notebook(path: Path) -> bool:
    """Rewrite the badge link and the Setup cell's ``REPO_URL`` of one notebook; True if it changed."""
    text = path.read_text()
    nb = json.loads(text)
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            source = BADGE_RE.sub(colab_url(path.name), source)
        elif cell["cell_type"] == "code":
            source = REPO_URL_RE.sub(f'REPO_URL = "{REPO_URL}"', source)
        cell["source"] = source.splitlines(keepends=True)
    new_text = json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
    if new_text != text:
        path.write_text(new_text)
        return True
    return False


def main() -> int:
    changed = [p.name for p in sorted(NOTEBOOKS_DIR.glob("*.ipynb")) if sync_notebook(p)]
    print(f"updated: {', '.join(changed)}" if changed else f"all notebooks already point at {REPO_URL}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
