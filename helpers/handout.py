"""Copies of the notebooks for handing out: no solutions, no outputs (``make handout``).

    python -m helpers handout                          # every notebook -> build/handout/
    python -m helpers handout 04_gans.ipynb --out DIR  # one notebook, somewhere else

Where the solutions are, by the collection's convention (``CONTRIBUTING.md``, "Exercises and
solutions"; ``tests/test_handout.py`` holds every notebook to it):

* ``## Exercises`` is the notebook's last ``##`` section. Each exercise statement is a numbered
  item at the start of a line, ``N. **Title.** ...`` (several in one markdown cell, or one per cell).
* Each solution starts with a line ``**Solution N.**``. The first solution after a statement starts
  its own markdown cell; a solution may start inside the cell that ends the previous solution.
* A solution runs from its cell over every following cell (markdown and code) up to the next
  markdown cell that starts with a statement (``N. **``) or a heading, or to the end.

The copy keeps every other cell, with outputs and execution counts cleared; it drops the Colab
badge (it opens the collection's notebook, solutions included) and ends with one line saying that
the solutions are left out. A notebook that breaks the convention (a ``**Solution`` line inside a
statement's cell, a statement without its solution or the reverse) raises :class:`HandoutError`
instead of leaking a solution or losing an exercise.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
from pathlib import Path

from helpers.paths import NOTEBOOKS_DIR, build_dir, notebook_paths

EXERCISES_HEADING = "## Exercises"
# "**Solution 2.**" (or a "### Solution" heading, which the convention does not use but must not leak)
SOLUTION_RE = re.compile(r"^(?:\*\*|#+\s*)Solution\b", re.IGNORECASE | re.MULTILINE)
SOLUTION_NUMBER_RE = re.compile(r"^(?:\*\*|#+\s*)Solution\s+(\d+)", re.IGNORECASE | re.MULTILINE)
STATEMENT_RE = re.compile(r"^(\d+)\.\s+\*\*", re.MULTILINE)
BADGE_LINE_RE = re.compile(r"^\[!\[Open In Colab\]\([^)]*\)\]\([^)]*\)\n*", re.MULTILINE)
NO_SOLUTIONS_NOTE = "*This copy is for handing out: the solutions are left out.*"


class HandoutError(ValueError):
    """A notebook's exercises do not follow the convention, so a copy could leak or lose something."""


def _text(cell: dict) -> str:
    return "".join(cell["source"])


def _starts_statement_or_heading(cell: dict) -> bool:
    text = _text(cell).lstrip()
    return cell["cell_type"] == "markdown" and (text.startswith("#") or bool(STATEMENT_RE.match(text)))


def exercises_start(cells: list[dict]) -> int:
    """Index of the ``## Exercises`` cell, which must open the notebook's last ``##`` section."""
    headings = [i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and re.match(r"## ", _text(c).lstrip())]
    exercises = [i for i in headings if _text(cells[i]).lstrip().startswith(EXERCISES_HEADING)]
    if not exercises:
        raise HandoutError(f"no '{EXERCISES_HEADING}' section")
    if exercises[-1] != headings[-1]:
        raise HandoutError(f"'{EXERCISES_HEADING}' must be the last '## ' section")
    return exercises[-1]


def solution_cells(cells: list[dict]) -> list[int]:
    """Indices of the solution cells, by the module's rule; raises :class:`HandoutError` on a breach."""
    start = exercises_start(cells)
    solutions, in_solution = [], False
    statements, solved = [], []
    for index in range(start, len(cells)):
        cell = cells[index]
        text = _text(cell)
        if cell["cell_type"] == "markdown" and SOLUTION_RE.match(text.lstrip()):
            in_solution = True
        elif in_solution and _starts_statement_or_heading(cell):
            in_solution = False
        if in_solution:
            solutions.append(index)
            if cell["cell_type"] == "markdown":
                solved += SOLUTION_NUMBER_RE.findall(text)
            continue
        if cell["cell_type"] == "markdown":
            if SOLUTION_RE.search(text):
                line = SOLUTION_RE.search(text)[0]
                raise HandoutError(
                    f"cell {index}: a {line!r} line inside a cell that is not a solution's; "
                    "start each solution's first cell with '**Solution N.**'"
                )
            statements += STATEMENT_RE.findall(text)
    if not statements:
        raise HandoutError("the exercises have no statement of the form 'N. **Title.**'")
    if sorted(statements, key=int) != sorted(solved, key=int):
        raise HandoutError(f"exercise statements {statements} and solutions {solved} do not match one to one")
    return solutions


def handout(nb: dict) -> dict:
    """A copy of the notebook ``nb`` (as JSON) without solution cells, outputs or the Colab badge."""
    dropped = set(solution_cells(nb["cells"]))
    copy_nb = copy.deepcopy(nb)
    cells = []
    for index, cell in enumerate(copy_nb["cells"]):
        if index in dropped:
            continue
        cell.get("metadata", {}).pop("execution", None)
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
        if index == 0:
            cell["source"] = BADGE_LINE_RE.sub("", _text(cell)).splitlines(keepends=True)
        cells.append(cell)
    note = {"cell_type": "markdown", "metadata": {}, "source": [NO_SOLUTIONS_NOTE]}
    if (nb.get("nbformat"), nb.get("nbformat_minor", 0)) >= (4, 5):  # cell ids from nbformat 4.5 on
        note["id"] = "handout-note"
    copy_nb["cells"] = [*cells, note]
    return copy_nb


def write_handout(path: Path, out_dir: Path) -> Path:
    """Write ``out_dir/<name>.ipynb``, the handout copy of the notebook at ``path``; return its path."""
    try:
        nb = handout(json.loads(path.read_text()))
    except HandoutError as exc:
        raise HandoutError(f"{path.name}: {exc}") from None
    destination = out_dir / path.name
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
    return destination


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", help="notebook names (default: all, in order)")
    parser.add_argument("--out", default=None, help="where the copies go (default: build/handout/)")
    args = parser.parse_args(argv)

    try:
        paths = notebook_paths(args.notebooks, NOTEBOOKS_DIR)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out_dir = Path(args.out) if args.out else build_dir() / "handout"
    try:
        for path in paths:
            write_handout(path, out_dir)
    except HandoutError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{len(paths)} notebooks without solutions or outputs in {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
