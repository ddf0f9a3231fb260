"""Notebook 02's audits, out of the notebook: the tied layer, freezing under Keras 3, the penalties.

The tests run the notebook's own cells (found by their cell ids) on small arrays: seconds in all.
"""

from __future__ import annotations

import json

import keras
import numpy as np
import pytest
import tensorflow as tf
from keras import ops

from helpers.paths import NOTEBOOKS_DIR
from helpers.seeding import seed_everything

NOTEBOOK = NOTEBOOKS_DIR / "02_autoencoder_variants.ipynb"
# DenseTranspose; the two sparsity penalties; the SparseAutoencoder with its train_step
CELL_IDS = ("cell-06", "cell-26", "cell-26a")


@pytest.fixture(scope="module")
def nb():
    """The notebook's definitions, executed with the notebook's imports."""
    cells = {c.get("id"): "".join(c["source"]) for c in json.loads(NOTEBOOK.read_text())["cells"]}
    namespace = {"keras": keras, "ops": ops, "tf": tf, "np": np}
    for cell_id in CELL_IDS:
        exec(compile(cells[cell_id], f"02_autoencoder_variants.ipynb:{cell_id}", "exec"), namespace)
    return namespace


def test_dense_transpose_computes_with_the_current_transposed_kernel(nb):
    seed_everything(0)
    dense = keras.layers.Dense(5)
    dense.build((None, 3))
    tied = nb["DenseTranspose"](dense, activation="sigmoid")
    codings = np.random.default_rng(0).normal(size=(4, 5)).astype("float32")
    tied(codings)
    # its only own weight is a bias of the tied layer's input size
    dense_variables = {id(w) for w in dense.weights}
    assert [tuple(w.shape) for w in tied.weights if id(w) not in dense_variables] == [(3,)]
    # a new encoder kernel changes the decoder's output at once: it is read in call()
    new_kernel = np.random.default_rng(1).normal(size=(3, 5)).astype("float32")
    dense.kernel.assign(new_kernel)
    expected = 1 / (1 + np.exp(-(codings @ new_kernel.T + tied.bias.numpy())))
    np.testing.assert_allclose(tied(codings).numpy(), expected, rtol=1e-5, atol=1e-6)


def test_dense_transpose_sends_gradients_to_the_shared_kernel(nb):
    seed_everything(0)
    dense = keras.layers.Dense(5, activation="selu")
    tied = nb["DenseTranspose"](dense, activation="sigmoid")
    inputs = np.random.default_rng(0).uniform(size=(8, 3)).astype("float32")
    with tf.GradientTape() as tape:
        loss = ops.mean((tied(dense(inputs)) - inputs) ** 2)
    gradient = tape.gradient(loss, dense.kernel)
    assert gradient is not None and float(ops.max(ops.abs(gradient))) > 0


def _encoder_and_classifier(trainable_before_fit):
    seed_everything(0)
    encoder = keras.Sequential([keras.Input((6,)), keras.layers.Dense(4, activation="selu")])
    classifier = keras.Sequential([encoder, keras.layers.Dense(3, activation="softmax")])
    classifier.compile(loss="sparse_categorical_crossentropy", optimizer=keras.optimizers.Nadam(1e-2))
    # set after compile(): Keras 3 reads the flag when fit() first traces the training step
    encoder.trainable = trainable_before_fit
    return encoder, classifier


@pytest.mark.parametrize("trainable", [False, True])
def test_trainable_set_before_the_first_fit_decides_whether_the_encoder_moves(trainable):
    encoder, classifier = _encoder_and_classifier(trainable)
    before = [w.copy() for w in encoder.get_weights()]
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(32, 6)).astype("float32"), rng.integers(0, 3, size=32)
    classifier.fit(x, y, epochs=2, batch_size=8, verbose=0)
    moved = any(not np.array_equal(b, a) for b, a in zip(before, encoder.get_weights(), strict=True))
    assert moved == trainable


def test_l1_is_the_mean_activation_and_kl_vanishes_at_the_target(nb):
    rng = np.random.default_rng(0)
    codings = rng.uniform(size=(64, 300)).astype("float32")
    np.testing.assert_allclose(float(nb["l1_penalty"](codings)), codings.mean(), rtol=1e-5)
    at_target = np.full((64, 300), nb["TARGET_SPARSITY"], dtype="float32")
    assert abs(float(nb["kl_penalty"](at_target))) < 1e-6
    assert float(nb["kl_penalty"](codings)) > 0.1


def test_kl_on_batches_exceeds_kl_of_the_mean_jensen(nb):
    """The notebook's claim: batch means make the KL penalty depend on the batch size."""
    rng = np.random.default_rng(0)
    # every unit's mean activation is near the target; single activations are spread around it
    codings = rng.uniform(0, 2 * nb["TARGET_SPARSITY"], size=(4096, 50)).astype("float32")
    whole = float(nb["kl_penalty"](codings))
    by_batch = {size: np.mean([float(nb["kl_penalty"](b)) for b in np.split(codings, 4096 // size)])
                for size in (8, 32, 256)}
    assert whole < by_batch[256] < by_batch[32] < by_batch[8]


def test_sparse_autoencoder_adds_the_weighted_penalty_to_its_loss(nb):
    seed_everything(0)
    encoder = keras.Sequential([keras.Input((6,)), keras.layers.Dense(5, activation="sigmoid")])
    decoder = keras.Sequential([keras.Input((5,)), keras.layers.Dense(6, activation="sigmoid")])
    model = nb["SparseAutoencoder"](encoder, decoder, nb["l1_penalty"], weight=2.0)
    model.compile(optimizer=keras.optimizers.SGD(0.0))
    x = np.random.default_rng(0).uniform(size=(16, 6)).astype("float32")
    logs = model.fit(x, x, epochs=1, batch_size=16, verbose=0).history
    bce = float(ops.mean(keras.losses.binary_crossentropy(x, model(x))))
    penalty = float(nb["l1_penalty"](encoder(x)))
    np.testing.assert_allclose(logs["penalty"][0], penalty, rtol=1e-5)
    np.testing.assert_allclose(logs["loss"][0], bce + 2.0 * penalty, rtol=1e-5)
