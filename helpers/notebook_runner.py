"""Execute the notebooks headlessly, in order, one fresh kernel each (``make run``, ``make outputs``).

    python -m helpers run                   # executed copies -> build/notebooks/
    python -m helpers run --in-place NB     # refresh the committed outputs of NB

The profile comes from ``NB_PROFILE`` (``--in-place`` forces ``quick``, the profile of the
committed outputs). ``--in-place`` runs each notebook alone, as Colab does: in a build folder of
its own, ``build/outputs/<name>/``, emptied first (no other notebook's models or results, no
backup of an interrupted run to resume). ``make run`` shares ``build/`` between the notebooks.
Prints one line per notebook: name, profile, seconds, PASS/FAIL; on a failure it names the
cell and the error, and the exit status is 1. A kernel's own console output (TensorFlow's C++
start-up lines) goes to ``build/notebooks/<name>.kernel.log``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from helpers.paths import NOTEBOOKS_DIR, build_dir, notebook_paths
from helpers.profile import get_profile


def _failure(nb: nbformat.NotebookNode) -> str:
    """'cell N ('first line'): Error: message' for the cell whose output holds an error (N counts all cells)."""
    for index, cell in enumerate(nb.cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                first_line = next((line for line in cell.source.splitlines() if line.strip()), "")
                return f"cell {index} ({first_line[:60]!r}): {output.ename}: {output.evalue}"
    return "a cell failed without an error output"


def execute(path: Path, destination: Path, profile: str, timeout: int | None = None) -> tuple[bool, float, str]:
    """Run ``path`` top to bottom in ``notebooks/`` with ``NB_PROFILE=profile``; write it to ``destination``."""
    nb = nbformat.read(path, as_version=4)
    os.environ["NB_PROFILE"] = profile  # the kernel inherits this process's environment
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS_DIR)}},
        # Keep what C++ libraries write straight to the process's stderr out of the cells.
        extra_arguments=["--IPKernelApp.capture_fd_output=False"],
    )
    start = time.perf_counter()
    message = ""
    log_path = build_dir() / "notebooks" / f"{path.stem}.kernel.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # The kernel process's own stderr (TensorFlow's C++ start-up lines) goes to a log, not the console.
        with log_path.open("w") as kernel_log:
            client.execute(stdout=kernel_log, stderr=kernel_log)
        ok = True
    except CellExecutionError:
        ok = False
        message = _failure(nb)
    seconds = time.perf_counter() - start
    destination.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, destination)
    return ok, seconds, message


def alone_build_dir(path: Path) -> Path:
    """Empty ``build/outputs/<name>/`` for one in-place run and return it."""
    folder = build_dir() / "outputs" / path.stem
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", help="notebook names or paths (default: all, in order)")
    parser.add_argument("--in-place", action="store_true", help="rewrite the committed notebooks (quick profile)")
    args = parser.parse_args(argv)

    if args.in_place:
        os.environ["NB_PROFILE"] = "quick"
    try:
        profile = get_profile()
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        paths = notebook_paths(args.notebooks, NOTEBOOKS_DIR)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    failures = 0
    shared = build_dir()
    for path in paths:
        destination = path if args.in_place else shared / "notebooks" / path.name
        if args.in_place:
            # the kernel inherits this process's environment, NB_BUILD_DIR included
            os.environ["NB_BUILD_DIR"] = str(alone_build_dir(path))
        try:
            ok, seconds, message = execute(path, destination, profile)
        finally:
            os.environ["NB_BUILD_DIR"] = str(shared)
        status = "PASS" if ok else f"FAIL  {message}"
        print(f"{path.name:<40} {profile:<6} {seconds:7.1f}s  {status}", flush=True)
        failures += not ok
    where = shared / "outputs" if args.in_place else shared
    print(f"executed notebooks: {destination.parent}; models, samples and results under {where}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
