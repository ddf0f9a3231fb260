"""One call that makes a run repeatable on CPU."""

from __future__ import annotations

import os
import random

import numpy as np


def seed_everything(seed: int = 42) -> None:
    """Seed Python, NumPy, TensorFlow and Keras; on a CPU, also make TensorFlow's ops deterministic.

    Call it before building layers: Keras draws initial weights from these seeds. With the
    same seed, a CPU run gives bit-identical numbers. On a GPU, op determinism is left off:
    some GPU kernels have no deterministic version (TensorFlow would raise) and the others
    are slower, so GPU runs are seeded but may differ in the last digits.
    """
    import keras
    import tensorflow as tf

    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    keras.utils.set_random_seed(seed)  # seeds Python, NumPy and the backend (TF) together
    if not tf.config.list_physical_devices("GPU"):
        tf.config.experimental.enable_op_determinism()
