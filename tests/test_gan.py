"""helpers.gan: the shared GAN training step, its monitor, the DCGAN blocks; and the GIF writer."""

import ast
import json
from pathlib import Path

import keras
import numpy as np
import pytest
from PIL import Image

from helpers import gan
from helpers.plots import save_gif, tile_images

NOTEBOOK_05 = Path(__file__).resolve().parent.parent / "notebooks" / "05_dcgan.ipynb"


def _tiny_dcgan(codings=8):
    z = keras.Input((codings,))
    x = gan.g_block(keras.layers.Reshape((1, 1, codings))(z), 16, kernel_size=7, strides=1, padding="valid")
    x = gan.g_block(x, 8, kernel_size=4)
    generator = keras.Model(z, keras.layers.Conv2DTranspose(1, 4, 2, "same", activation="tanh")(x))
    images = keras.Input((28, 28, 1))
    x = gan.d_block(gan.d_block(images, 8, batch_norm=False), 16)
    discriminator = keras.Model(images, keras.layers.Flatten()(keras.layers.Conv2D(1, 7)(x)))
    return generator, discriminator


def _weights(model):
    return [w.numpy().copy() for w in model.trainable_weights]


@pytest.mark.parametrize("generator_steps", [1, 2])
def test_train_step_updates_both_players_and_reports_finite_losses(fashion, generator_steps):
    keras.utils.set_random_seed(0)
    generator, discriminator = _tiny_dcgan()
    model = gan.GAN(generator, discriminator, from_logits=True, generator_steps=generator_steps)
    model.compile(keras.optimizers.Adam(2e-4, beta_1=0.5), keras.optimizers.Adam(2e-4, beta_1=0.5))
    g_before, d_before = _weights(generator), _weights(discriminator)
    history = model.fit(fashion.x_train[:64, :, :, None] * 2 - 1, batch_size=32, epochs=1, verbose=0)
    assert np.isfinite(history.history["d_loss"][0]) and np.isfinite(history.history["g_loss"][0])
    assert all(not np.array_equal(a, b) for a, b in zip(g_before, _weights(generator), strict=True))
    assert all(not np.array_equal(a, b) for a, b in zip(d_before, _weights(discriminator), strict=True))
    assert model.g_optimizer.iterations.numpy() == 2 * generator_steps  # 2 batches
    assert model.d_optimizer.iterations.numpy() == 2


def test_generator_steps_must_be_positive():
    generator, discriminator = _tiny_dcgan()
    with pytest.raises(ValueError, match="generator_steps must be at least 1"):
        gan.GAN(generator, discriminator, generator_steps=0)


def test_generate_rescales_tanh_outputs_to_unit_range():
    generator, _ = _tiny_dcgan()
    images = gan.generate(generator, np.random.default_rng(0).normal(size=(5, 8)).astype("float32"), tanh_output=True)
    assert images.shape == (5, 28, 28) and images.min() >= 0 and images.max() <= 1


def test_monitor_scores_every_epoch_and_keeps_frames(fashion, build):
    keras.utils.set_random_seed(0)
    generator, discriminator = _tiny_dcgan()
    model = gan.GAN(generator, discriminator, from_logits=True)
    model.compile(keras.optimizers.Adam(2e-4, beta_1=0.5), keras.optimizers.Adam(2e-4, beta_1=0.5))
    codings = np.random.default_rng(0).normal(size=(50, 8)).astype("float32")
    monitor = gan.GANMonitor(codings, tanh_output=True, n_frame=6, grid_name="tiny", verbose=False)
    model.fit(fashion.x_train[:64, :, :, None] * 2 - 1, batch_size=32, epochs=2, verbose=0, callbacks=[monitor])
    assert len(monitor.history["score"]) == 2 and all(s > 0 for s in monitor.history["score"])
    assert len(monitor.frames) == 3 and monitor.frames[0].shape == (6, 28, 28)  # before training + 2 epochs
    assert [p.name for p in monitor.grid_paths] == ["tiny_epoch_001.png", "tiny_epoch_002.png"]
    assert all(p.exists() for p in monitor.grid_paths)


def test_gif_has_one_frame_per_grid(fashion, build):
    frames = [fashion.x_test[:12], fashion.x_test[12:24], fashion.x_test[24:36]]
    path = save_gif(frames, "anim", captions=["a", "b", "c"], n_cols=6)
    assert path == build / "figures" / "anim.gif"
    grid = tile_images(frames[0], n_cols=6)
    with Image.open(path) as gif:
        assert gif.n_frames == 3 and gif.size == (grid.shape[1], grid.shape[0] + 16)  # 16 px for the caption


def test_tile_draws_dark_on_light(fashion):
    canvas = tile_images(np.stack([np.zeros((28, 28)), np.ones((28, 28))]), n_cols=2, zoom=1, gap=2)
    assert canvas.shape == (32, 62) and canvas[10, 10] == 255 and canvas[10, 40] == 0


@pytest.mark.parametrize(
    "frames, captions, message",
    [([], None, "at least one frame"), ([np.zeros((4, 28, 28))], ["a", "b"], "1 frames but 2 captions")],
)
def test_gif_rejects_bad_input(build, frames, captions, message):
    with pytest.raises(ValueError, match=message):
        save_gif(frames, "bad", captions=captions)


def test_gif_rejects_tanh_range(build):
    with pytest.raises(ValueError, match=r"\(images \+ 1\) / 2"):
        save_gif([np.full((4, 28, 28), -0.5, dtype="float32")], "bad")


SHARED_WITH_NOTEBOOK_05 = ("g_block", "d_block", "build_dcgan_generator", "build_dcgan_discriminator")


def test_notebook_05_blocks_are_the_helpers_blocks():
    """Notebook 05 writes the DCGAN's blocks and builders out to teach them; helpers.gan must hold the same code."""
    cells = ["".join(c["source"]) for c in json.loads(NOTEBOOK_05.read_text())["cells"] if c["cell_type"] == "code"]
    in_notebook = {
        node.name: ast.unparse(node)
        for cell in cells
        for node in ast.parse(cell).body
        if isinstance(node, ast.FunctionDef) and node.name in SHARED_WITH_NOTEBOOK_05
    }
    in_helpers = {
        node.name: ast.unparse(node)
        for node in ast.parse(Path(gan.__file__).read_text()).body
        if isinstance(node, ast.FunctionDef) and node.name in SHARED_WITH_NOTEBOOK_05
    }
    assert set(in_notebook) == set(SHARED_WITH_NOTEBOOK_05) and in_notebook == in_helpers


def test_every_exported_name_resolves():
    import helpers

    missing = [name for name in helpers.__all__ if not hasattr(helpers, name)]
    assert not missing, f"helpers.__all__ names without a definition: {missing}"


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


def test_dcgan_builders_shapes_and_options():
    generator = gan.build_dcgan_generator(110)
    assert generator.input_shape == (None, 110) and generator.output_shape == (None, 28, 28, 1)
    conditional = gan.build_dcgan_discriminator(channels=11)
    assert conditional.input_shape == (None, 28, 28, 11) and conditional.output_shape == (None, 1)
    has_bn = [isinstance(layer, keras.layers.BatchNormalization) for layer in gan.build_dcgan_discriminator().layers]
    critic = gan.build_dcgan_discriminator(batch_norm=False)
    assert any(has_bn) and not any(isinstance(layer, keras.layers.BatchNormalization) for layer in critic.layers)
    kernel = generator.layers[2].kernel.numpy()
    assert abs(kernel.std() - 0.02) < 0.002  # DCGAN initialisation
