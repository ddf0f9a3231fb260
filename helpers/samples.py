"""The one ritual for a generator's samples: score them, count their classes, save them, record them.

``report = report_samples("dcgan", images, epochs=EPOCHS, train_seconds=t.seconds, ...)`` prints one
standard line::

    dcgan: Fashion FD 25.1 on 10,000 samples | class diversity 0.962, rarest Trouser 2.1% | 5 epochs, 160 s

and returns the numbers (a :class:`SampleReport`) for the checks that follow it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from helpers.artifacts import save_model, save_samples
from helpers.data import CLASS_NAMES
from helpers.images import check_images
from helpers.quality import class_histogram, fashion_fd
from helpers.results import record_result


@dataclass(frozen=True)
class SampleReport:
    """What :func:`report_samples` measured on one set of samples."""

    model: str
    n: int
    fashion_fd: float
    counts: np.ndarray  # images per class, as the collection's classifier judges them
    class_diversity: float
    min_class_share: float

    @property
    def shares(self) -> np.ndarray:
        return self.counts / self.counts.sum()

    def line(self) -> str:
        rarest = int(np.argmin(self.counts))
        return (
            f"{self.model}: Fashion FD {self.fashion_fd:.1f} on {self.n:,} samples | class diversity "
            f"{self.class_diversity:.3f}, rarest {CLASS_NAMES[rarest]} {self.min_class_share:.1%}"
        )


def report_samples(
    model_name: str,
    images: Any,
    *,
    epochs: int,
    train_seconds: float,
    sample_seconds: float | None = None,
    model: Any = None,
    reference: Any = None,
    metric: str = "fashion_fd",
) -> SampleReport:
    """Score ``images`` (n, 28, 28) in [0, 1], save them (and ``model``), record rows, print one line.

    Args:
        model_name: the generator's name in ``results.csv`` and the file names under ``build/``.
        epochs, train_seconds: the training that produced the generator (measured).
        sample_seconds: wall time to generate ``images``; recorded as ``sample_ms_per_image``.
        model: a Keras model to save as ``build/models/<model_name>.keras`` (the generator).
        reference: images to compare with instead of the test set; then give ``metric`` a name of
            its own (e.g. ``"fashion_fd_4level"``) so the scoreboard does not mix references.
    """
    images = check_images(images, "samples")
    if reference is not None and metric == "fashion_fd":
        raise ValueError("scores against another reference need a metric name of their own (metric=...)")
    distance = fashion_fd(images, reference=reference)
    counts, diversity = class_histogram(images)
    report = SampleReport(
        model=model_name,
        n=len(images),
        fashion_fd=distance,
        counts=counts,
        class_diversity=diversity,
        min_class_share=float(counts.min() / counts.sum()),
    )
    save_samples(images, model_name)
    if model is not None:
        save_model(model, model_name)
    rows = {
        metric: distance,
        "class_diversity": diversity,
        "min_class_share": report.min_class_share,
        "samples": len(images),
    }
    if sample_seconds is not None:
        rows["sample_ms_per_image"] = 1000 * sample_seconds / len(images)
    for name, value in rows.items():
        record_result(model_name, name, value, epochs=epochs, train_seconds=train_seconds)
    timing = f" | {epochs} epochs, {train_seconds:.0f} s"
    if sample_seconds is not None:
        timing += f", sampling {rows['sample_ms_per_image']:.2f} ms/image"
    print(report.line().replace("Fashion FD", "Fashion FD" if metric == "fashion_fd" else metric) + timing)
    return report
