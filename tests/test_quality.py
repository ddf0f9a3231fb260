import numpy as np
import pytest

from helpers.quality import (
    WEIGHTS_PATH,
    class_histogram,
    class_probabilities,
    classify,
    fashion_fd,
    fashion_features,
    frechet_distance,
)


def test_committed_weights_are_small_and_reach_90_percent(fashion):
    assert WEIGHTS_PATH.stat().st_size < 1_000_000
    accuracy = np.mean(classify(fashion.x_test) == fashion.y_test)
    assert accuracy >= 0.90, f"classifier test accuracy {accuracy:.4f}"


def test_features_are_128_dimensional(fashion):
    assert fashion_features(fashion.x_test[:5]).shape == (5, 128)


def test_frechet_distance_of_known_gaussians():
    rng = np.random.default_rng(0)
    a = rng.normal(size=(4, 4))
    cov = a @ a.T
    assert frechet_distance(np.zeros(4), cov, np.zeros(4), cov) == pytest.approx(0, abs=1e-8)
    # Same covariance, means 3 apart along one axis: distance 9.
    assert frechet_distance(np.zeros(4), cov, np.array([3.0, 0, 0, 0]), cov) == pytest.approx(9, rel=1e-6)
    # Isotropic: |mu|^2 + d (s1 - s2)^2 with standard deviations s1 = 1, s2 = 2.
    assert frechet_distance(np.zeros(4), np.eye(4), np.zeros(4), 4 * np.eye(4)) == pytest.approx(4.0)


def test_real_images_score_low_and_junk_scores_high(fashion):
    real = fashion_fd(fashion.x_valid)  # 5,000 real images (the classifier trained on them; the test set it did not)
    noise = fashion_fd(np.random.default_rng(0).uniform(size=(5000, 28, 28)).astype("float32"))
    repeated = fashion_fd(np.repeat(fashion.x_valid[:1], 5000, axis=0))
    one_class = fashion_fd(fashion.x_valid[fashion.y_valid == 9])  # mode collapse onto ankle boots
    assert real < 2 and noise > 50 * real and repeated > 50 * real and one_class > 10 * real
    assert fashion_fd(fashion.x_test) == pytest.approx(0, abs=1e-6)


def test_reference_set_can_be_given(fashion):
    assert fashion_fd(fashion.x_test[:500], reference=fashion.x_test[:500]) == pytest.approx(0, abs=1e-6)


@pytest.mark.parametrize(
    "images, message",
    [
        (np.zeros((10, 28, 28, 3), dtype="float32"), r"shape \(n, 28, 28\)"),
        (np.full((10, 28, 28), -1.0, dtype="float32"), r"\(images \+ 1\) / 2"),
        (np.zeros((10, 28, 28), dtype="uint8"), "255"),
        (np.zeros((1, 28, 28), dtype="float32"), "at least 2 images"),
    ],
)
def test_bad_input_is_refused_with_the_fix(images, message):
    with pytest.raises(ValueError, match=message):
        fashion_fd(images)


def test_class_histogram_measures_diversity(fashion):
    counts, diversity = class_histogram(fashion.x_test)
    assert counts.sum() == 10_000 and counts.min() > 800  # the classifier sees every class about equally
    assert diversity > 0.99
    _, one_class = class_histogram(fashion.x_test[fashion.y_test == 1])  # trousers, the easiest class
    assert one_class < 0.05
    _, two_classes = class_histogram(fashion.x_test[np.isin(fashion.y_test, [1, 8])])
    # log 2 / log 10 = 0.30 for two equal classes, plus a little for the classifier's few mistakes.
    assert np.log(2) / np.log(10) <= two_classes < 0.4


def test_probabilities_are_a_softmax_whose_argmax_is_the_class(fashion):
    probabilities = class_probabilities(fashion.x_test[:50])
    assert probabilities.shape == (50, 10) and np.allclose(probabilities.sum(axis=1), 1, atol=1e-5)
    assert np.array_equal(probabilities.argmax(axis=1), classify(fashion.x_test[:50]))
