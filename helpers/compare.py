"""Comparisons stated with their noise: the sentence that reads a measured difference.

The collection has one definition of noise. Measure each side several times (fresh draws of
samples from one model, or one training from several seeds) and pass the lists::

    helpers.compare("EMA", [30.2, 30.9, 29.8], "raw", [41.0, 40.2, 41.5], metric="Fashion FD")

The difference of the two means counts as real when it exceeds twice its standard error,
``2 * sqrt(sd_a**2 / n_a + sd_b**2 / n_b)`` (sample SDs): :func:`noise_of_difference`. A
notebook prints the sentence this returns, so the direction is computed from the numbers of
the run in front of the reader (any profile), and a difference within the noise is called that.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def noise_of_difference(draws_a: Sequence[float], draws_b: Sequence[float]) -> float:
    """Twice the standard error of ``mean(draws_a) - mean(draws_b)``; each side needs >= 2 draws."""
    for draws in (draws_a, draws_b):
        if len(draws) < 2:
            raise ValueError(f"need at least 2 repeated measurements per side to know the noise, got {list(draws)}")

    def variance(draws: Sequence[float]) -> float:
        mean = sum(draws) / len(draws)
        return sum((d - mean) ** 2 for d in draws) / (len(draws) - 1)

    return 2 * math.sqrt(variance(draws_a) / len(draws_a) + variance(draws_b) / len(draws_b))


def compare(
    name_a: str,
    draws_a: Sequence[float],
    name_b: str,
    draws_b: Sequence[float],
    *,
    metric: str,
    lower_is_better: bool = True,
    digits: int = 1,
) -> str:
    """One sentence: which of A and B is better on ``metric`` (means of the draws), by how much, and
    whether that exceeds the noise (:func:`noise_of_difference`)."""
    noise = noise_of_difference(draws_a, draws_b)
    value_a, value_b = sum(draws_a) / len(draws_a), sum(draws_b) / len(draws_b)
    difference = abs(value_a - value_b)
    values = f"{name_a} {value_a:.{digits}f}, {name_b} {value_b:.{digits}f}"
    if difference <= noise:
        return (
            f"{metric}: {values}; the difference ({difference:.{digits}f}) is within the noise "
            f"({noise:.{digits}f}): no winner in this run."
        )
    a_wins = (value_a < value_b) == lower_is_better
    winner, loser = (name_a, name_b) if a_wins else (name_b, name_a)
    return (
        f"{metric}: {values}; {winner} is better than {loser} by {difference:.{digits}f}, "
        f"more than the noise ({noise:.{digits}f})."
    )
