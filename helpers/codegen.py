"""Modules generated from notebook cells, so code that is taught and reused has one source.

Notebook 05 writes the DCGAN's blocks and builders out, to teach them, and notebook 07 its masked
convolution; later notebooks import them from ``helpers/dcgan.py`` and ``helpers/pixelcnn.py``.
Each module is one notebook cell, verbatim, under a header: the cell starts with the module's
marker (:func:`marker`), and ``python -m helpers codegen`` (``make codegen``) rewrites the module
from it. ``tests/test_codegen.py`` fails while a module and its cell differ.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from helpers.paths import NOTEBOOKS_DIR, REPO_ROOT

GENERATED = {
    REPO_ROOT / "helpers" / "dcgan.py": NOTEBOOKS_DIR / "05_dcgan.ipynb",
    REPO_ROOT / "helpers" / "pixelcnn.py": NOTEBOOKS_DIR / "07_explicit_density.ipynb",
}
WHAT = {"dcgan.py": "The DCGAN's blocks and builders", "pixelcnn.py": "The PixelCNN's masked convolution"}


def marker(module: Path) -> str:
    """The first line of the cell that ``module`` is made from."""
    return f"# helpers/{module.name} is made from this cell"


def marked_cell(notebook: Path, first_line: str) -> str:
    """The source of the one code cell of ``notebook`` that starts with ``first_line``."""
    cells = json.loads(notebook.read_text())["cells"]
    sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    marked = [source for source in sources if source.startswith(first_line)]
    if len(marked) != 1:
        raise ValueError(
            f"{notebook.name} must have exactly one code cell starting with {first_line!r}, has {len(marked)}"
        )
    return marked[0]


def render(module: Path) -> str:
    """The text ``module`` must have: the header, then the marked cell without its marker line."""
    notebook = GENERATED[module]
    header = (
        f'"""{WHAT[module.name]}, generated from notebook {notebook.name[:2]}\'s marked cell: do not edit here.\n\n'
        f"Edit the cell in notebooks/{notebook.name}, then run ``make codegen`` (``python -m helpers codegen``).\n"
        '"""\n\n'
    )
    body = marked_cell(notebook, marker(module)).split("\n", 1)[1]
    return header + body.rstrip() + "\n"


def main() -> int:
    for module in GENERATED:
        text = render(module)
        current = module.read_text() if module.exists() else None
        if current != text:
            module.write_text(text)
            print(f"wrote {module.relative_to(REPO_ROOT)}")
        else:
            print(f"{module.relative_to(REPO_ROOT)} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
