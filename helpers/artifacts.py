"""Trained models and generated images kept under ``build/`` for readers and later notebooks.

Layout (``build/`` is git-ignored; ``$NB_BUILD_DIR`` moves it)::

    build/models/<name>.keras     trained models
    build/samples/<name>.npy      generated images, float32 in [0, 1], shape (n, 28, 28)

Figures are written by :func:`helpers.save_fig`, the results table by :mod:`helpers.results`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from helpers.images import check_images
from helpers.paths import build_dir


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
