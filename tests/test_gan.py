"""helpers.gan: the shared GAN training step and ``generate``."""

import keras
import numpy as np
import pytest

from helpers import gan


def _weights(model):
    return [w.numpy().copy() for w in model.trainable_weights]


@pytest.mark.parametrize("generator_steps", [1, 2])
def test_train_step_updates_both_players_and_reports_finite_losses(fashion, generator_steps, tiny_dcgan):
    generator, discriminator = tiny_dcgan
    model = gan.GAN(generator, discriminator, from_logits=True, generator_steps=generator_steps)
    model.compile(keras.optimizers.Adam(2e-4, beta_1=0.5), keras.optimizers.Adam(2e-4, beta_1=0.5))
    g_before, d_before = _weights(generator), _weights(discriminator)
    history = model.fit(fashion.x_train[:64, :, :, None] * 2 - 1, batch_size=32, epochs=1, verbose=0)
    assert np.isfinite(history.history["d_loss"][0]) and np.isfinite(history.history["g_loss"][0])
    assert all(not np.array_equal(a, b) for a, b in zip(g_before, _weights(generator), strict=True))
    assert all(not np.array_equal(a, b) for a, b in zip(d_before, _weights(discriminator), strict=True))
    assert model.g_optimizer.iterations.numpy() == 2 * generator_steps  # 2 batches
    assert model.d_optimizer.iterations.numpy() == 2


def test_generator_steps_must_be_positive(tiny_dcgan):
    generator, discriminator = tiny_dcgan
    with pytest.raises(ValueError, match="generator_steps must be at least 1"):
        gan.GAN(generator, discriminator, generator_steps=0)


def test_generate_rescales_tanh_outputs_to_unit_range(tiny_dcgan):
    generator, _ = tiny_dcgan
    images = gan.generate(generator, np.random.default_rng(0).normal(size=(5, 8)).astype("float32"), tanh_output=True)
    assert images.shape == (5, 28, 28) and images.min() >= 0 and images.max() <= 1


def test_conditional_data_passes_labels_to_both_networks(fashion):
    keras.utils.set_random_seed(0)
    codings, labels = keras.Input((8,)), keras.Input((10,))
    x = keras.layers.Dense(28 * 28, activation="tanh")(keras.layers.Concatenate()([codings, labels]))
    generator = keras.Model([codings, labels], keras.layers.Reshape((28, 28, 1))(x))
    images, image_labels = keras.Input((28, 28, 1)), keras.Input((10,))
    joined = keras.layers.Concatenate()([keras.layers.Flatten()(images), image_labels])
    discriminator = keras.Model([images, image_labels], keras.layers.Dense(1)(joined))
    model = gan.GAN(generator, discriminator, from_logits=True)
    assert model.codings_size == 8  # read from the generator's first input
    model.compile(keras.optimizers.Adam(1e-3), keras.optimizers.Adam(1e-3))
    one_hot = np.eye(10, dtype="float32")[fashion.y_train[:64]]
    label_kernel_before = discriminator.layers[-1].kernel.numpy()[-10:].copy()
    model.fit(fashion.x_train[:64, :, :, None] * 2 - 1, one_hot, batch_size=32, epochs=1, verbose=0)
    assert not np.array_equal(label_kernel_before, discriminator.layers[-1].kernel.numpy()[-10:])  # labels reached D
    samples = gan.generate(generator, [np.zeros((3, 8), "float32"), np.eye(10, dtype="float32")[:3]], tanh_output=True)
    assert samples.shape == (3, 28, 28)
