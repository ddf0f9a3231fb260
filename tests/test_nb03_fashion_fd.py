"""Audits moved out of notebook 03: the Fashion FD's formula and its small-sample bias.

Notebook 03 defines the Fashion FD in one paragraph (Fréchet distance of classifier features, lower
is better, compare only at equal sample counts). These tests keep the demonstrations it used to
carry in CI: the textbook formula written out agrees with ``helpers.quality.frechet_distance``, and
real images score worse the fewer of them are scored.
"""

import numpy as np
import pytest

from helpers.quality import fashion_features, frechet_distance


def textbook_frechet(features_a, features_b):
    """|mu_a - mu_b|^2 + Tr(S_a + S_b - 2 (S_a S_b)^1/2), the trace root from eigenvalues of S_a S_b."""
    mu_a, mu_b = features_a.mean(axis=0), features_b.mean(axis=0)
    s_a, s_b = np.cov(features_a, rowvar=False), np.cov(features_b, rowvar=False)
    # S_a S_b is similar to a PSD matrix: its eigenvalues are real and >= 0 up to round-off.
    eigenvalues = np.clip(np.linalg.eigvals(s_a @ s_b).real, 0, None)
    return float(np.sum((mu_a - mu_b) ** 2) + np.trace(s_a + s_b) - 2 * np.sum(np.sqrt(eigenvalues)))


@pytest.fixture(scope="module")
def test_halves(fashion):
    features = fashion_features(fashion.x_test)
    return features[:5000], features[5000:]


def _helper_distance(features_a, features_b):
    gaussians = [(f.mean(axis=0), np.cov(f, rowvar=False)) for f in (features_a, features_b)]
    return frechet_distance(*gaussians[0], *gaussians[1])


def test_the_formula_written_out_agrees_with_the_helper(fashion, test_halves):
    first, second = test_halves
    # Real vs real (a distance near its floor) and one class vs everything (a large distance).
    trousers = first[fashion.y_test[:5000] == 1]
    for features in (first, trousers):
        expected = textbook_frechet(features, second)
        assert _helper_distance(features, second) == pytest.approx(expected, rel=1e-3, abs=1e-3)


def test_real_images_score_worse_the_fewer_are_scored(test_halves):
    first, second = test_halves
    scores = [_helper_distance(first[:n], second) for n in (500, 1000, 2000, 5000)]
    assert all(np.diff(scores) < 0), scores
    # The bias is large, not a rounding effect: 500 images score several times worse than 5,000.
    assert scores[0] > 3 * scores[-1], scores
