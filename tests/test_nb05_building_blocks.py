"""Notebook 05's demonstrations, audited: what the notebook prints, these tests assert.

The notebook shows each building block once, with printed results; here each claim is checked
over more settings, so that a change in Keras (kernel layout, padding rule, batch-norm momentum
convention) fails CI instead of silently changing the lesson.
"""

import keras
import numpy as np
import pytest
import tensorflow as tf
from keras import layers


def zero_insertion_transposed_conv(x, kernel, stride):
    """Notebook 05's three steps: zeros between the values, k - 1 zeros around, stride-1 conv, kernel rotated."""
    n, k = x.shape[0], kernel.shape[0]
    spread = np.zeros((stride * (n - 1) + 1,) * 2, dtype="float32")
    spread[::stride, ::stride] = x
    padded = np.pad(spread, k - 1)
    flipped = kernel[::-1, ::-1]
    size = padded.shape[0] - k + 1
    return np.array([[np.sum(padded[i : i + k, j : j + k] * flipped) for j in range(size)] for i in range(size)])


def keras_transposed_conv(x, kernel, stride):
    layer = layers.Conv2DTranspose(1, kernel.shape[0], strides=stride, padding="valid", use_bias=False)
    layer.build((None, *x.shape, 1))
    layer.set_weights([kernel[:, :, None, None]])
    return layer(x[None, :, :, None]).numpy()[0, :, :, 0]


@pytest.mark.parametrize(("n", "k", "stride"), [(4, 2, 2), (4, 3, 2), (4, 4, 2), (3, 3, 1), (5, 3, 3)])
def test_zero_insertion_equals_conv2d_transpose(n, k, stride):
    rng = np.random.default_rng(n * 100 + k * 10 + stride)
    x = rng.normal(size=(n, n)).astype("float32")
    kernel = rng.normal(size=(k, k)).astype("float32")
    by_hand = zero_insertion_transposed_conv(x, kernel, stride)
    np.testing.assert_allclose(by_hand, keras_transposed_conv(x, kernel, stride), atol=1e-4)


def transposed_output_size(n, k, s, padding):
    """Notebook 05's formula."""
    return (n - 1) * s + max(k, s) if padding == "valid" else n * s


@pytest.mark.parametrize("padding", ["valid", "same"])
def test_output_size_formula_matches_keras(padding):
    for n in (1, 3, 4, 7):
        for k in (1, 2, 3, 4, 5, 7):
            for s in (1, 2, 3):
                layer = layers.Conv2DTranspose(1, k, strides=s, padding=padding)
                measured = layer(np.zeros((1, n, n, 1), "float32")).shape[1]
                assert measured == transposed_output_size(n, k, s, padding), (n, k, s, padding)


def test_transposed_convolution_is_c_transpose_and_not_an_inverse():
    rng = np.random.default_rng(0)
    kernel = rng.normal(size=(3, 3, 1, 1)).astype("float32")
    conv = layers.Conv2D(1, 3, strides=2, padding="valid", use_bias=False)
    conv.build((None, 9, 9, 1))
    conv.set_weights([kernel])
    transposed = layers.Conv2DTranspose(1, 3, strides=2, padding="valid", use_bias=False)
    transposed.build((None, 4, 4, 1))
    transposed.set_weights([kernel])
    conv_matrix = conv(np.eye(81, dtype="float32").reshape(81, 9, 9, 1)).numpy().reshape(81, 16).T
    y = rng.normal(size=(1, 4, 4, 1)).astype("float32")
    np.testing.assert_allclose(transposed(y).numpy().reshape(81), conv_matrix.T @ y.reshape(16), atol=1e-4)
    # 16 outputs from 81 inputs: the best linear undo misses whatever lies outside C's row space
    x = rng.uniform(size=81).astype("float32")
    undone = np.linalg.pinv(conv_matrix) @ conv_matrix @ x
    assert np.linalg.norm(undone - x) / np.linalg.norm(x) > 0.3


def test_batch_norm_three_steps_and_momentum_convention():
    batch = np.random.default_rng(1).normal(3.0, 5.0, size=(8, 4)).astype("float32")
    gamma, beta, eps = np.array([1.0, 0.5, 2.0, -1.0]), np.array([0.0, 1.0, -1.0, 2.0]), 1e-3
    mean, variance = batch.mean(axis=0), batch.var(axis=0)
    by_hand = gamma * (batch - mean) / np.sqrt(variance + eps) + beta
    for momentum in (0.99, 0.9):
        bn = layers.BatchNormalization(epsilon=eps, momentum=momentum)
        bn.build((None, 4))
        bn.gamma.assign(gamma)
        bn.beta.assign(beta)
        np.testing.assert_allclose(bn(batch, training=True).numpy(), by_hand, atol=1e-4)
        # Keras: momentum weighs the old average, so one step moves it (1 - momentum) of the way
        # (PyTorch's momentum weighs the new batch: its 0.1 is Keras's 0.9)
        np.testing.assert_allclose(bn.moving_mean.numpy(), (1 - momentum) * mean, atol=1e-5)
        np.testing.assert_allclose(bn.moving_variance.numpy(), momentum + (1 - momentum) * variance, rtol=1e-3)


@pytest.mark.parametrize("alpha", [0.0, 0.2, 0.6])
def test_leaky_relu_passes_alpha_of_the_gradient_below_zero(alpha):
    negatives = tf.constant([-2.0, -0.5, -0.1])
    with tf.GradientTape() as tape:
        tape.watch(negatives)
        out = keras.ops.sum(layers.LeakyReLU(negative_slope=alpha)(negatives))
    np.testing.assert_allclose(tape.gradient(out, negatives).numpy(), alpha)


def test_batch_statistics_make_an_image_depend_on_its_batch(tiny_dcgan):
    """Exercise 3: training mode depends on the batch-mates, inference mode does not."""
    generator, _ = tiny_dcgan
    rng = np.random.default_rng(2)
    shared = rng.normal(size=(16, 8)).astype("float32")
    batches = [np.concatenate([shared, rng.normal(size=(16, 8)).astype("float32")]) for _ in range(2)]
    changes = {}
    for training in (True, False):
        first, second = (generator(b, training=training).numpy()[:16] for b in batches)
        changes[training] = np.abs(first - second).max()
    assert changes[False] < 1e-5 < 1e-3 < changes[True]
