"""Training utilities shared by the notebooks."""

from __future__ import annotations

import time
from typing import Any

import keras


class EpochLogger(keras.callbacks.Callback):
    """Print one short line per epoch with rounded metrics, for stable, readable outputs.

    Use with ``verbose=0``: ``model.fit(..., verbose=0, callbacks=[helpers.EpochLogger()])``.
    """

    def __init__(self, digits: int = 4) -> None:
        super().__init__()
        self.digits = digits

    def on_train_begin(self, logs: dict[str, Any] | None = None) -> None:
        self._epochs = self.params.get("epochs", 0)

    def on_epoch_begin(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        self._start = time.perf_counter()

    def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        width = len(str(self._epochs))
        metrics = "  ".join(f"{name} {float(value):.{self.digits}f}" for name, value in (logs or {}).items())
        seconds = time.perf_counter() - self._start
        print(f"epoch {epoch + 1:>{width}}/{self._epochs}  {metrics}  ({seconds:.0f} s)", flush=True)
