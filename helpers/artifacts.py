"""What a notebook leaves behind under ``build/``: models, samples, figures and the results table.

Layout (``build/`` is git-ignored; ``$NB_BUILD_DIR`` moves it)::

    build/models/<name>.keras     trained models
    build/samples/<name>.npy      generated images, float32 in [0, 1], shape (n, 28, 28)
    build/figures/<name>.png      figures saved with helpers.save_fig
    build/results.csv             notebook,model,profile,epochs,train_seconds,metric,value
"""

from __future__ import annotations

import csv
import os
import time
from pathlib import Path
from typing import Any

import numpy as np

from helpers.profile import get_profile

REPO_ROOT = Path(__file__).resolve().parent.parent

RESULT_COLUMNS = ("notebook", "model", "profile", "epochs", "train_seconds", "metric", "value")


def build_dir() -> Path:
    """The artifacts folder, read from ``$NB_BUILD_DIR`` at call time (default ``build/``)."""
    return Path(os.environ.get("NB_BUILD_DIR", REPO_ROOT / "build"))


def check_images(images: Any, what: str = "images") -> np.ndarray:
    """Return ``images`` as a float array of shape (n, 28, 28) with values in [0, 1].

    A trailing channel axis of size 1 is dropped. Raises ValueError naming the fix otherwise.
    """
    array = np.asarray(images)
    if array.ndim == 4 and array.shape[-1] == 1:
        array = array[..., 0]
    if array.ndim != 3 or array.shape[1:] != (28, 28):
        raise ValueError(
            f"{what} must have shape (n, 28, 28) or (n, 28, 28, 1), got {array.shape}; "
            "reshape flat vectors with images.reshape(-1, 28, 28)."
        )
    if not np.issubdtype(array.dtype, np.floating):
        raise ValueError(f"{what} must be floats in [0, 1], got dtype {array.dtype}; divide uint8 pixels by 255.")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{what} contain NaN or infinite values; the model that produced them diverged.")
    low, high = float(array.min()), float(array.max())
    if low < 0.0 or high > 1.0:
        hint = " (tanh outputs in [-1, 1]: use (images + 1) / 2)" if low >= -1.0 and high <= 1.0 else ""
        raise ValueError(f"{what} must have values in [0, 1], got [{low:.3g}, {high:.3g}]{hint}.")
    return array


def save_model(model: Any, name: str) -> Path:
    """Save a Keras model to ``build/models/<name>.keras`` and return the path."""
    path = build_dir() / "models" / f"{name}.keras"
    path.parent.mkdir(parents=True, exist_ok=True)
    model.save(path)
    return path


def save_samples(images: Any, name: str) -> Path:
    """Save generated images (float32 in [0, 1], shape (n, 28, 28)) to ``build/samples/<name>.npy``."""
    array = check_images(images, "samples").astype(np.float32)
    path = build_dir() / "samples" / f"{name}.npy"
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, array)
    return path


def record_result(notebook: str, model: str, metric: str, value: float, epochs: int, train_seconds: float) -> Path:
    """Write one row of ``build/results.csv`` for the active profile.

    A row with the same notebook, model, profile and metric is replaced, so re-running a
    notebook updates the scoreboard instead of piling up duplicates.
    """
    path = build_dir() / "results.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    row = {
        "notebook": notebook,
        "model": model,
        "profile": get_profile(),
        "epochs": int(epochs),
        "train_seconds": f"{float(train_seconds):.1f}",
        "metric": metric,
        "value": f"{float(value):.6g}",
    }
    key = ("notebook", "model", "profile", "metric")
    rows = []
    if path.exists():
        with path.open(newline="") as f:
            rows = [r for r in csv.DictReader(f) if any(r[k] != str(row[k]) for k in key)]
    rows.append(row)
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=RESULT_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


class Timer:
    """Wall-clock timer: ``with Timer() as t: model.fit(...)``, then ``t.seconds``."""

    def __enter__(self) -> Timer:
        self._start = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self._start
