"""Which notebook is running: set once by its Setup cell, read by everything that names artifacts.

``start_notebook("04_gans")`` (the last line of every Setup cell) records the notebook's id, seeds
every random generator and prints one line with the profile and the library versions. Results
rows, figures, models and samples are then named after that id without the notebook typing it.
If TensorFlow or Keras is outside the range ``requirements.txt`` admits (the range the collection
is tested on), that line is followed by a one-line warning; the notebook goes on.
"""

from __future__ import annotations

import re
from pathlib import Path

from helpers.paths import NOTEBOOKS_DIR, REPO_ROOT

_current: str | None = None
NAME_RE = re.compile(r"\d\d_[a-z0-9_]+")


def start_notebook(name: str, seed: int = 42) -> str:
    """Start notebook ``name`` (its file name without ``.ipynb``): set its id, seed, print the setup line.

    Returns the active profile (``smoke``, ``quick`` or ``full``).

    Raises:
        ValueError: ``name`` is not a notebook of ``notebooks/`` (a typo would misfile every result).
    """
    import keras
    import tensorflow as tf

    from helpers.profile import get_profile
    from helpers.seeding import seed_everything

    global _current
    if not NAME_RE.fullmatch(name) or not (NOTEBOOKS_DIR / f"{name}.ipynb").is_file():
        raise ValueError(f"{name!r} is not a notebook in {NOTEBOOKS_DIR} (give its file name without .ipynb).")
    profile = get_profile()
    _current = name
    seed_everything(seed)
    print(f"notebook: {name} | profile: {profile} | TensorFlow {tf.__version__} | Keras {keras.__version__}")
    untested = untested_versions({"tensorflow": tf.__version__, "keras": keras.__version__})
    if untested:
        print(f"warning: {untested}; the notebooks may behave differently from their tested outputs")
    return profile


def _release(version: str) -> tuple[int, ...]:
    """'2.20.0rc1' -> (2, 20, 0): the numeric release, for comparing with a bound."""
    return tuple(int(part) for part in re.findall(r"\d+", version.split("rc")[0].split("+")[0])[:3])


def untested_versions(installed: dict[str, str], requirements: Path = REPO_ROOT / "requirements.txt") -> str:
    """'' if every package in ``installed`` is within ``requirements``' bounds, else what is outside them."""
    bounds = {}
    for line in requirements.read_text().splitlines():
        if match := re.match(r"([A-Za-z0-9_.-]+)\s*(>=[^#\s]*)", line):
            bounds[match[1].lower()] = match[2]
    outside = []
    for package, version in installed.items():
        spec = bounds.get(package)
        for clause in spec.split(",") if spec else []:
            op, bound = clause[:2] if clause[:2] in (">=", "<=") else clause[:1], clause.lstrip("<>=")
            ok = {">=": _release(version) >= _release(bound), "<": _release(version) < _release(bound)}.get(op, True)
            if not ok:
                outside.append(f"{package} {version} is outside the tested range {spec}")
    return "; ".join(outside)


def current_notebook() -> str:
    """The id given to :func:`start_notebook`; raises RuntimeError before the Setup cell has run."""
    if _current is None:
        raise RuntimeError("no notebook started: run the Setup cell first (it calls helpers.start_notebook).")
    return _current
