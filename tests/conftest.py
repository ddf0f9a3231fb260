"""Shared fixtures: the real Fashion-MNIST (loaded once) and a private build folder per test."""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import matplotlib  # noqa: E402

matplotlib.use("Agg")

import pytest  # noqa: E402

from helpers.data import load_fashion_mnist  # noqa: E402


@pytest.fixture(scope="session")
def fashion():
    return load_fashion_mnist()


@pytest.fixture
def build(tmp_path, monkeypatch):
    """A temporary build folder, the quick profile, and notebook 01 as the running notebook."""
    monkeypatch.setenv("NB_BUILD_DIR", str(tmp_path / "build"))
    monkeypatch.setenv("NB_PROFILE", "quick")
    monkeypatch.setattr("helpers.notebook._current", "01_autoencoders")
    return tmp_path / "build"


@pytest.fixture
def tiny_dcgan():
    """A small generator (8-d codings) and logit discriminator built from the DCGAN blocks, seeded."""
    import keras

    from helpers import dcgan

    keras.utils.set_random_seed(0)
    z = keras.Input((8,))
    x = dcgan.g_block(keras.layers.Reshape((1, 1, 8))(z), 16, kernel_size=7, strides=1, padding="valid")
    x = dcgan.g_block(x, 8, kernel_size=4)
    generator = keras.Model(z, keras.layers.Conv2DTranspose(1, 4, 2, "same", activation="tanh")(x))
    images = keras.Input((28, 28, 1))
    x = dcgan.d_block(dcgan.d_block(images, 8, batch_norm=False), 16)
    discriminator = keras.Model(images, keras.layers.Flatten()(keras.layers.Conv2D(1, 7)(x)))
    return generator, discriminator
