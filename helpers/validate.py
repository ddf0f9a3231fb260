"""Validate the notebooks with nbval, each alone in an empty build folder (``make nbval``, ``make test-gpu``).

    python -m helpers nbval                          # every notebook, smoke profile, build/test/<name>/
    python -m helpers nbval --profile full --build build/test-gpu 08_diffusion.ipynb

Each notebook runs in its own ``pytest --nbval-lax --nbval-current-env`` process with
``NB_BUILD_DIR`` set to ``<build>/<name>/``, emptied first: nothing comes from another notebook's
run, as on Colab, where every notebook gets a fresh machine. Prints one line per notebook (name,
profile, seconds, PASS/FAIL) and a closing ``nbval: N passed, M failed``; exits 1 if any failed.
The same command runs in CI (``make test``, ``make test-colab``), on a GPU machine
(``make test-gpu``) and on a Colab GPU runtime (``tools/validate_on_colab.ipynb``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from helpers.paths import NOTEBOOKS_DIR, REPO_ROOT, notebook_paths
from helpers.profile import PROFILES


def validate(path: Path, profile: str, build: Path) -> tuple[bool, float, str]:
    """Run one notebook under nbval in ``build/<name>/`` (emptied first): (passed, seconds, pytest's summary)."""
    folder = build / path.stem
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    env = {**os.environ, "NB_PROFILE": profile, "NB_BUILD_DIR": str(folder)}
    command = [sys.executable, "-m", "pytest", "-q", "--nbval-lax", "--nbval-current-env", str(path)]
    start = time.perf_counter()
    run = subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        # the failing cell's report, without the passing cells' dots
        print(run.stdout[-6000:], run.stderr[-2000:], sep="\n")
    summary = next((line.strip("= ") for line in reversed(run.stdout.splitlines()) if " in " in line), "")
    return run.returncode == 0, seconds, summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", help="notebook names (default: all, in order)")
    parser.add_argument("--profile", default="smoke", choices=PROFILES)
    parser.add_argument("--build", default=str(REPO_ROOT / "build" / "test"), help="parent of the build folders")
    args = parser.parse_args(argv)

    try:
        paths = notebook_paths(args.notebooks, NOTEBOOKS_DIR)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    build = Path(args.build).resolve()
    passed = failed = 0
    for path in paths:
        ok, seconds, summary = validate(path, args.profile, build)
        status = "PASS" if ok else "FAIL"
        print(f"{path.name:<40} {args.profile:<6} {seconds:7.1f}s  {status}  (cells: {summary})", flush=True)
        passed, failed = passed + ok, failed + (not ok)
    print(f"nbval: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
