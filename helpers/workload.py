"""What a profile costs: each long training and sampling run, with its size in every profile.

A notebook declares its budget once, with the three profiles' values side by side, and reads the
active profile's value from it::

    STACKED = helpers.Training("stacked autoencoder", images=(10_000, 55_000, 55_000),
                               epochs=(2, 10, 10), batch_size=32)
    N_TRAIN, EPOCHS = STACKED.images.now, STACKED.epochs.now
    helpers.print_workload(STACKED)

:func:`print_workload` prints the ``quick`` and ``full`` workloads next to each other (epochs,
optimizer steps, images seen, network passes for sampling), so a reader sees what ``full`` changes
before running it. Counts only: how long ``full`` takes depends on the machine, and no time is
claimed that was not measured.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, NamedTuple

from helpers.profile import by_profile
from helpers.tables import format_table


class PerProfile(NamedTuple):
    """One setting's value in each profile; ``.now`` is the active profile's."""

    # Any, not a TypeVar: a generic NamedTuple needs Python 3.11, and the project admits 3.10
    smoke: Any
    quick: Any
    full: Any

    @property
    def now(self) -> Any:
        return by_profile(smoke=self.smoke, quick=self.quick, full=self.full)


def _per_profile(name: str, value: object) -> PerProfile:
    if isinstance(value, PerProfile):
        values = value
    elif isinstance(value, tuple | list) and len(value) == 3:
        values = PerProfile(*value)
    else:
        raise ValueError(f"{name} needs one value per profile (smoke, quick, full), got {value!r}")
    if not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in values):
        raise ValueError(f"{name} must be positive integers, got {tuple(values)}")
    return values


@dataclass(frozen=True)
class Training:
    """One ``fit()`` (or training loop): training images per epoch and epochs in each profile.

    ``updates_per_batch`` counts optimizer steps per batch: 1 for a plain model, 2 for a GAN that
    updates its discriminator and generator once each, ``critic_steps + 1`` for WGAN-GP.
    """

    name: str
    images: PerProfile
    epochs: PerProfile
    batch_size: int
    updates_per_batch: int = 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "images", _per_profile(f"{self.name}: images", self.images))
        object.__setattr__(self, "epochs", _per_profile(f"{self.name}: epochs", self.epochs))
        for field in ("batch_size", "updates_per_batch"):
            if not isinstance(getattr(self, field), int) or getattr(self, field) < 1:
                raise ValueError(f"{self.name}: {field} must be a positive integer, got {getattr(self, field)!r}")

    def rows(self, profiles: tuple[str, ...]) -> list[tuple[str, list[int]]]:
        def steps(profile: str) -> int:
            batches = math.ceil(getattr(self.images, profile) / self.batch_size)
            return batches * self.updates_per_batch * getattr(self.epochs, profile)

        return [
            (f"{self.name}: epochs", [getattr(self.epochs, p) for p in profiles]),
            (f"{self.name}: optimizer steps", [steps(p) for p in profiles]),
            (
                f"{self.name}: images seen",
                [getattr(self.images, p) * getattr(self.epochs, p) for p in profiles],
            ),
        ]


@dataclass(frozen=True)
class Sampling:
    """Images generated in each profile and the network passes each needs (a GAN: 1; DDIM: its steps)."""

    name: str
    images: PerProfile
    passes_per_image: PerProfile

    def __post_init__(self) -> None:
        object.__setattr__(self, "images", _per_profile(f"{self.name}: images", self.images))
        object.__setattr__(
            self, "passes_per_image", _per_profile(f"{self.name}: passes_per_image", self.passes_per_image)
        )

    def rows(self, profiles: tuple[str, ...]) -> list[tuple[str, list[int]]]:
        return [
            (f"{self.name}: images", [getattr(self.images, p) for p in profiles]),
            (
                f"{self.name}: network passes per image",
                [getattr(self.passes_per_image, p) for p in profiles],
            ),
        ]


def workload_table(*items: Training | Sampling, profiles: tuple[str, ...] = ("quick", "full")) -> str:
    """The workload of ``items`` in ``profiles`` (default quick and full), with full's multiple of quick."""
    if not items:
        raise ValueError("workload_table needs at least one Training or Sampling")
    rows = []
    for item in items:
        for label, values in item.rows(profiles):
            row = {"workload": label, **dict(zip(profiles, values, strict=True))}
            if profiles[-2:] == ("quick", "full"):
                row["full / quick"] = f"{values[-1] / values[-2]:.3g}x"
            rows.append(row)
    return format_table(rows)


def print_workload(*items: Training | Sampling) -> None:
    """Print :func:`workload_table` for ``items``: what ``full`` costs next to ``quick``."""
    print(workload_table(*items))
