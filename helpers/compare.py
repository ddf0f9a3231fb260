"""Comparisons stated with their noise: the sentence that reads a measured difference.

A notebook prints the interpretation of a comparison with :func:`compare`, so the direction is
computed from the numbers of the run in front of the reader (any profile), and a difference
smaller than the measured noise is called what it is.
"""

from __future__ import annotations


def compare(
    name_a: str,
    value_a: float,
    name_b: str,
    value_b: float,
    *,
    noise: float,
    metric: str,
    lower_is_better: bool = True,
    digits: int = 1,
) -> str:
    """One sentence: which of A and B is better on ``metric``, by how much, and whether that exceeds ``noise``.

    ``noise`` is the run-to-run spread measured for this metric (for instance the difference
    between two fresh draws of samples from one model); it must be >= 0.
    """
    if noise < 0:
        raise ValueError(f"noise must be a measured spread >= 0, got {noise}")
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
