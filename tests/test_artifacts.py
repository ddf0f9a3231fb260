"""helpers.artifacts: models and samples under build/."""

import keras
import numpy as np
import pytest

from helpers.artifacts import save_model, save_samples


def test_samples_are_saved_as_float32_images(build):
    path = save_samples(np.full((5, 28, 28, 1), 0.5, dtype="float64"), "toy")
    assert path == build / "samples" / "toy.npy"
    saved = np.load(path)
    assert saved.shape == (5, 28, 28) and saved.dtype == np.float32


def test_samples_out_of_range_are_refused(build):
    with pytest.raises(ValueError, match=r"\(images \+ 1\) / 2"):
        save_samples(np.full((5, 28, 28), -1.0, dtype="float32"), "tanh")
    assert not (build / "samples" / "tanh.npy").exists()


def test_model_round_trips_through_build_models(build):
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
    path = save_model(model, "tiny")
    assert path == build / "models" / "tiny.keras"
    x = np.ones((1, 3), dtype="float32")
    np.testing.assert_allclose(keras.models.load_model(path).predict(x, verbose=0), model.predict(x, verbose=0))
