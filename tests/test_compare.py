"""helpers.compare: the sentence that reads a difference against its noise."""

import pytest

from helpers.compare import compare


def test_within_the_noise_names_no_winner():
    text = compare("A", 25.1, "B", 24.8, noise=0.5, metric="Fashion FD")
    assert "within the noise (0.5)" in text and "no winner" in text and "better" not in text


@pytest.mark.parametrize("lower_is_better, winner", [(True, "A"), (False, "B")])
def test_the_direction_is_computed(lower_is_better, winner):
    text = compare("A", 20.0, "B", 30.0, noise=1.0, metric="m", lower_is_better=lower_is_better)
    loser = "B" if winner == "A" else "A"
    assert f"{winner} is better than {loser} by 10.0, more than the noise (1.0)" in text


def test_negative_noise_is_refused():
    with pytest.raises(ValueError, match="measured spread"):
        compare("A", 1, "B", 2, noise=-1, metric="m")
