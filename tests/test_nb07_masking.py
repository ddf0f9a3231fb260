"""Notebook 07's PixelCNN, audited: the masks hide the future, the test of that can fail, the band is exact.

The notebook runs the gradient test once on its own network and prints what a broken copy shows;
here the claims are asserted over small networks of the same shape (a large type-A first layer on
the grey channel plus the pixel's row and column through an unmasked 1x1 convolution, residual 3x3
type-B blocks, 1x1 layers), so that a change to ``helpers/pixelcnn.py`` (made from the notebook's
marked cell) or to Keras's convolution fails CI instead of silently changing the lesson.
"""

import keras
import numpy as np
import pytest
import tensorflow as tf
from keras import layers

from helpers.pixelcnn import MaskedConv2D, raster_mask

RASTER = np.arange(28 * 28).reshape(28, 28)


ROWS, COLS = np.meshgrid(np.arange(28) / 27, np.arange(28) / 27, indexing="ij")
POSITION = np.stack([ROWS, COLS], axis=-1).astype("float32")


def with_position(grey):
    """Grey images (n, 28, 28, 1) -> the notebook's input: grey, row, column (n, 28, 28, 3)."""
    return np.concatenate([grey, np.broadcast_to(POSITION, grey.shape[:-1] + (2,))], axis=-1)


def small_pixelcnn(first_mask="A", first_kernel=7, n_blocks=2, filters=8, seed=0):
    """The notebook's architecture at a small size: logits for 4 levels per pixel, any number of rows."""
    keras.utils.set_random_seed(seed)
    inputs = keras.Input((None, 28, 3))
    grey, position = inputs[..., :1], inputs[..., 1:]
    x = MaskedConv2D(first_mask, filters, first_kernel)(grey) + layers.Conv2D(filters, 1)(position)
    x = layers.ReLU()(x)
    for _ in range(n_blocks):
        x = layers.Add()([x, layers.ReLU()(MaskedConv2D("B", filters, 3)(x))])
    x = layers.ReLU()(MaskedConv2D("B", filters, 1)(x))
    return keras.Model(inputs, MaskedConv2D("B", 4, 1)(x))


def seen(model, row, col, images):
    """The notebook's test: grey pixels whose gradient on the logits at (row, col) is non-zero for any image."""
    images = tf.constant(images)
    with tf.GradientTape() as tape:
        tape.watch(images)
        out = keras.ops.sum(model(images)[:, row, col])
    return np.abs(tape.gradient(out, images).numpy()[..., 0]).max(axis=0) > 1e-6


@pytest.fixture(scope="module")
def probe_images():
    return with_position(np.random.default_rng(1).uniform(size=(8, 28, 28, 1)).astype("float32"))


@pytest.mark.parametrize("kernel_size", [1, 3, 5, 7, 21])
def test_masks_keep_exactly_the_earlier_taps(kernel_size):
    centre = kernel_size // 2
    for mask_type, extra in (("A", 0), ("B", 1)):
        mask = raster_mask(kernel_size, mask_type)
        assert mask.sum() == kernel_size * centre + centre + extra
        assert mask[centre, centre] == extra
        assert not mask[centre + 1 :].any() and not mask[centre, centre + 1 :].any()


@pytest.mark.parametrize("first_kernel", [7, 21])
def test_the_network_never_sees_its_own_or_later_pixels(first_kernel, probe_images):
    model = small_pixelcnn(first_kernel=first_kernel)
    for row, col in [(0, 0), (0, 27), (5, 20), (14, 14), (27, 0), (27, 27)]:
        field = seen(model, row, col, probe_images)
        assert not field[RASTER >= row * 28 + col].any(), (row, col)
        assert field.any() or (row, col) == (0, 0), (row, col)


def test_the_gradient_test_catches_a_type_b_first_layer(probe_images):
    """The counter-test: with mask B first, every pixel sees itself, and the same test says so."""
    leaky = small_pixelcnn(first_mask="B")
    for row, col in [(0, 0), (5, 20), (14, 14), (27, 27)]:
        assert seen(leaky, row, col, probe_images)[row, col], (row, col)


@pytest.mark.parametrize(("first_kernel", "n_blocks"), [(7, 3), (21, 2)])
def test_the_band_of_reach_rows_gives_the_whole_image_logits(first_kernel, n_blocks, probe_images):
    """Section 4's saving: the last row of a band of REACH + 1 rows has the logits of the whole image."""
    model = small_pixelcnn(first_kernel=first_kernel, n_blocks=n_blocks)
    reach = first_kernel // 2 + n_blocks
    whole = model(probe_images).numpy()
    for row in (reach - 1, reach, 27):
        band = model(probe_images[:, max(0, row - reach) : row + 1]).numpy()[:, -1]
        np.testing.assert_allclose(band, whole[:, row], atol=1e-5)
    # The reach is tight: one row fewer loses context and changes the logits.
    short = model(probe_images[:, 28 - reach :]).numpy()[:, -1]
    assert np.abs(short - whole[:, 27]).max() > 1e-3


def test_the_band_must_carry_the_absolute_position(probe_images):
    """A band whose position channels restart at row 0 gives other logits: the sampler must slice them."""
    model = small_pixelcnn()
    reach = 7 // 2 + 2
    band = probe_images[:, 27 - reach :].copy()
    band[..., 1:] = POSITION[: reach + 1]
    relative = model(band).numpy()[:, -1]
    assert np.abs(relative - model(probe_images).numpy()[:, 27]).max() > 1e-3


def test_a_saved_pixelcnn_loads_with_its_masks(tmp_path, probe_images):
    model = small_pixelcnn()
    path = tmp_path / "pixelcnn.keras"
    model.save(path)
    reloaded = keras.models.load_model(path)
    np.testing.assert_allclose(reloaded(probe_images[:2]), model(probe_images[:2]), atol=1e-5)
    layer = next(x for x in reloaded.layers if isinstance(x, MaskedConv2D))
    assert (layer.mask_type, layer.kernel_size) == ("A", 7)
