"""Modules generated from notebook cells, so code that is taught and reused has one source.

Notebook 05 writes the DCGAN's blocks and builders out, to teach them; later notebooks import
them from ``helpers/dcgan.py``. That module is this notebook cell, verbatim, under a header:
the cell starts with :data:`MARKER`, and ``python -m helpers codegen`` (``make codegen``)
rewrites the module from it. ``tests/test_codegen.py`` fails while the two differ.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from helpers.paths import NOTEBOOKS_DIR, REPO_ROOT

MARKER = "# helpers/dcgan.py is made from this cell"
GENERATED = {REPO_ROOT / "helpers" / "dcgan.py": NOTEBOOKS_DIR / "05_dcgan.ipynb"}
HEADER = '''"""The DCGAN's blocks and builders, generated from notebook 05's marked cell: do not edit here.

Edit the cell in notebooks/05_dcgan.ipynb, then run ``make codegen`` (``python -m helpers codegen``).
"""

'''


def marked_cell(notebook: Path) -> str:
    """The source of the one code cell of ``notebook`` that starts with :data:`MARKER`."""
    cells = json.loads(notebook.read_text())["cells"]
    sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    marked = [source for source in sources if source.startswith(MARKER)]
    if len(marked) != 1:
        raise ValueError(f"{notebook.name} must have exactly one code cell starting with {MARKER!r}, has {len(marked)}")
    return marked[0]


def render(module: Path) -> str:
    """The text ``module`` must have: the header, then the marked cell without its marker line."""
    body = marked_cell(GENERATED[module]).split("\n", 1)[1]
    return HEADER + body.rstrip() + "\n"


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
