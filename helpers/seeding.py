"""One call that makes a run repeatable on CPU."""

from __future__ import annotations

import os
import random

import numpy as np


def seed_everything(seed: int = 42) -> None:
    """Seed Python, NumPy, TensorFlow and Keras, and ask TensorFlow for deterministic ops.

    Call it before building layers: Keras draws initial weights from these seeds. On a GPU
    some ops have no deterministic kernel; TensorFlow then raises instead of silently
    giving different numbers.
    """
    import keras
    import tensorflow as tf

    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    keras.utils.set_random_seed(seed)  # seeds Python, NumPy and the backend (TF) together
    tf.config.experimental.enable_op_determinism()
