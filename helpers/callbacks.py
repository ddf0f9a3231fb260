"""Keras callbacks that report training: one progress line per epoch, and the GAN monitor.

Both print the same line, ``epoch 3/5  d_loss 0.612  g_loss 0.901  fashion_fd 35.9  (12 s)``,
so outputs stay short, rounded and stable (use them with ``fit(..., verbose=0)``).
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any

import keras
import matplotlib.pyplot as plt
import numpy as np

from helpers.gan import generate
from helpers.plots import plot_image_grid, save_fig
from helpers.quality import fashion_fd


def epoch_line(epoch: int, epochs: int, values: Mapping[str, float], seconds: float, digits: int = 4) -> str:
    """``epoch 3/5  name value ...  (12 s)`` with ``epoch`` counted from 1."""
    width = len(str(epochs))
    numbers = "  ".join(f"{name} {float(value):.{digits}g}" for name, value in values.items())
    return f"epoch {epoch:>{width}}/{epochs}  {numbers}  ({seconds:.0f} s)"


class EpochLogger(keras.callbacks.Callback):
    """Print one :func:`epoch_line` per epoch with every logged metric."""

    def __init__(self, digits: int = 4) -> None:
        super().__init__()
        self.digits = digits

    def on_epoch_begin(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        self._start = time.perf_counter()

    def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        seconds = time.perf_counter() - self._start
        print(epoch_line(epoch + 1, self.params.get("epochs", 0), logs or {}, seconds, self.digits), flush=True)


class GANMonitor(keras.callbacks.Callback):
    """After every epoch: the losses, the Fashion FD of samples from fixed codings, a grid of them.

    ``history`` holds the ``loss_keys`` and ``fashion_fd`` per epoch, ``epoch_seconds`` each epoch's
    training time (the first includes tracing; scoring is excluded); ``frames`` the first
    ``n_frame`` samples before training (``frames[0]``) and after every epoch, for
    :func:`helpers.save_gif`; ``samples`` the last epoch's samples of all the fixed codings (for a
    subclass that scores them further without generating them again). With ``grid_name`` each
    epoch's grid is also saved with :func:`helpers.save_fig` as ``<grid_name>_epoch_<n>``
    (``figure_names`` lists them).
    """

    def __init__(
        self,
        fixed_codings: Any,
        tanh_output: bool = False,
        n_frame: int = 20,
        grid_name: str | None = None,
        verbose: bool = True,
        loss_keys: Sequence[str] = ("d_loss", "g_loss"),
    ) -> None:
        super().__init__()
        self.fixed_codings, self.tanh_output = fixed_codings, tanh_output  # an array, or [codings, labels]
        self.n_frame, self.grid_name, self.verbose = n_frame, grid_name, verbose
        self.loss_keys = tuple(loss_keys)
        self.history: dict[str, list[float]] = {key: [] for key in (*self.loss_keys, "fashion_fd")}
        self.frames: list[np.ndarray] = []
        self.figure_names: list[str] = []
        self.epoch_seconds: list[float] = []  # training time of each epoch, scoring excluded
        self.samples: np.ndarray | None = None  # the last epoch's samples, all fixed codings

    def _first(self, n: int) -> Any:
        codings = self.fixed_codings
        return [c[:n] for c in codings] if isinstance(codings, list | tuple) else codings[:n]

    def on_train_begin(self, logs: dict[str, Any] | None = None) -> None:
        if not self.frames:  # a second fit() call continues the animation
            self.frames.append(generate(self.model.generator, self._first(self.n_frame), self.tanh_output))

    def on_epoch_begin(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        self._start = time.perf_counter()

    def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        seconds = time.perf_counter() - self._start  # training only: scoring is not counted
        self.epoch_seconds.append(seconds)
        logs = logs or {}
        self.samples = samples = generate(self.model.generator, self.fixed_codings, self.tanh_output)
        for key in self.loss_keys:
            self.history[key].append(float(logs[key]))
        self.history["fashion_fd"].append(fashion_fd(samples))
        self.frames.append(samples[: self.n_frame])
        if self.grid_name:
            name = f"{self.grid_name}_epoch_{epoch + 1:03d}"
            fig = plot_image_grid(self.frames[-1], n_cols=10, scale=0.8)
            fig.suptitle(f"epoch {epoch + 1}", fontsize=9)
            save_fig(fig, name, dpi=60)
            plt.close(fig)  # saved, not shown: the notebook shows the animation instead
            self.figure_names.append(name)
        if self.verbose:
            values = {key: self.history[key][-1] for key in (*self.loss_keys, "fashion_fd")}
            print(epoch_line(epoch + 1, self.params.get("epochs", 0), values, seconds), flush=True)
