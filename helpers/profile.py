"""The training budget: one environment variable, ``NB_PROFILE``, picks it.

* ``smoke``: CI and tests; every notebook runs in about a minute on a small slice.
* ``quick``: a laptop without GPU, and the committed outputs; a few minutes per notebook.
* ``full``:  a GPU runtime; the textbook's settings.

Unset, the profile is ``full`` when TensorFlow sees a GPU and ``quick`` otherwise. The
profile only changes sizes and epochs, never the code path.
"""

from __future__ import annotations

import os
from typing import TypeVar

PROFILES = ("smoke", "quick", "full")
ENV_VAR = "NB_PROFILE"

T = TypeVar("T")


def _gpu_visible() -> bool:
    import tensorflow as tf

    return bool(tf.config.list_physical_devices("GPU"))


def get_profile() -> str:
    """Return the active profile name, read from ``NB_PROFILE`` (case-insensitive).

    Raises:
        ValueError: if ``NB_PROFILE`` holds anything but one of :data:`PROFILES`.
    """
    raw = os.environ.get(ENV_VAR, "").strip().lower()
    if not raw:
        return "full" if _gpu_visible() else "quick"
    if raw not in PROFILES:
        raise ValueError(
            f"{ENV_VAR}={os.environ[ENV_VAR]!r} is not a profile; valid values are "
            f"{', '.join(PROFILES)} (or leave it unset to pick by GPU)."
        )
    return raw


def by_profile(*, smoke: T, quick: T, full: T) -> T:
    """Return the value given for the active profile, e.g. ``epochs = by_profile(smoke=1, quick=5, full=20)``."""
    return {"smoke": smoke, "quick": quick, "full": full}[get_profile()]


def gpu_check() -> int:
    """``python -m helpers gpu-check`` (``make test-gpu``'s guard): 0 and the GPUs' names if TensorFlow
    sees one, else 1 and why, so a GPU validation never silently runs on a CPU."""
    import tensorflow as tf

    gpus = tf.config.list_physical_devices("GPU")
    if not gpus:
        print(
            "no GPU visible to TensorFlow: test-gpu validates the notebooks on a GPU runtime and will not "
            "start without one (on a CPU use `make test`; on Colab choose Runtime > Change runtime type > GPU)"
        )
        return 1
    print(f"GPU: {', '.join(gpu.name for gpu in gpus)} | TensorFlow {tf.__version__}")
    return 0
