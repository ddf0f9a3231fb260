"""The image contract every helper accepts: shape (n, 28, 28), floats in [0, 1]."""

from __future__ import annotations

from typing import Any

import numpy as np


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
