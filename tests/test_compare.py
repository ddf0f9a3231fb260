"""helpers.compare: the sentence that reads a difference against its noise (one definition)."""

import math

import pytest

from helpers.compare import compare, noise_of_difference


def test_noise_is_twice_the_standard_error_of_the_difference():
    # SD of [1, 3] is sqrt(2); of [10, 10, 10] it is 0: 2 * sqrt(2 / 2 + 0) = 2
    assert math.isclose(noise_of_difference([1, 3], [10, 10, 10]), 2.0)


def test_within_the_noise_names_no_winner():
    text = compare("A", [25.0, 25.4], "B", [24.6, 25.2], metric="Fashion FD")
    assert "within the noise" in text and "no winner" in text and "better" not in text


@pytest.mark.parametrize("lower_is_better, winner", [(True, "A"), (False, "B")])
def test_the_direction_is_computed(lower_is_better, winner):
    text = compare("A", [19.5, 20.5], "B", [29.5, 30.5], metric="m", lower_is_better=lower_is_better)
    loser = "B" if winner == "A" else "A"
    assert f"{winner} is better than {loser} by 10.0, more than the noise (1.4)" in text


def test_one_measurement_is_refused():
    with pytest.raises(ValueError, match="at least 2 repeated measurements"):
        compare("A", [1.0], "B", [2.0, 2.1], metric="m")
