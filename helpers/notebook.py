"""Which notebook is running: set once by its Setup cell, read by everything that names artifacts.

``start_notebook("04_gans")`` (the last line of every Setup cell) records the notebook's id, seeds
every random generator and prints one line with the profile and the library versions. Results
rows, figures, models and samples are then named after that id without the notebook typing it.
"""

from __future__ import annotations

import re

from helpers.paths import NOTEBOOKS_DIR

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
    return profile


def current_notebook() -> str:
    """The id given to :func:`start_notebook`; raises RuntimeError before the Setup cell has run."""
    if _current is None:
        raise RuntimeError("no notebook started: run the Setup cell first (it calls helpers.start_notebook).")
    return _current
