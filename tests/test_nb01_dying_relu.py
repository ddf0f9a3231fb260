"""Notebook 01's exercise 1, audited: from a start where every ReLU pre-activation is negative,
ReLU codings stay dead whatever the training does, and leaky ReLU still finds PCA's plane.

The test runs the notebook's own cloud autoencoder (cell ``cell-08``, a few seconds).
"""

from __future__ import annotations

import json

import keras
import numpy as np
import pytest
from sklearn.decomposition import PCA

import helpers
from helpers.paths import NOTEBOOKS_DIR

NOTEBOOK = NOTEBOOKS_DIR / "01_autoencoders.ipynb"


@pytest.fixture(scope="module")
def nb():
    cells = {c.get("id"): "".join(c["source"]) for c in json.loads(NOTEBOOK.read_text())["cells"]}
    namespace = {"keras": keras, "np": np, "helpers": helpers}
    exec(compile(cells["cell-08"], "01_autoencoders.ipynb:cell-08", "exec"), namespace)
    return namespace


def _train_from_dead_start(nb, activation):
    helpers.seed_everything(0)
    encoder, autoencoder = nb["cloud_autoencoder"](activation, keras.initializers.Constant(-5.0))
    cloud = nb["cloud"]
    layer = encoder.layers[0]
    assert np.max(cloud @ layer.kernel.numpy() + layer.bias.numpy()) < 0, "not a dead start"
    before = [w.copy() for w in encoder.get_weights()]
    autoencoder.fit(cloud, cloud, epochs=20, verbose=0)
    mse = float(np.mean((autoencoder.predict(cloud, verbose=0) - cloud) ** 2))
    return encoder, before, mse


def test_relu_units_that_start_dead_never_learn(nb):
    encoder, before, mse = _train_from_dead_start(nb, "relu")
    for b, a in zip(before, encoder.get_weights(), strict=True):
        np.testing.assert_array_equal(b, a)
    assert np.all(encoder.predict(nb["cloud"], verbose=0) == 0)
    mean_mse = float(np.mean((nb["cloud"] - nb["cloud"].mean(axis=0)) ** 2))
    assert mse > 0.95 * mean_mse


def test_leaky_relu_from_the_same_start_reaches_pca(nb):
    _, _, mse = _train_from_dead_start(nb, "leaky_relu")
    cloud = nb["cloud"]
    pca = PCA(n_components=2).fit(cloud)
    pca_mse = float(np.mean((pca.inverse_transform(pca.transform(cloud)) - cloud) ** 2))
    assert mse < 1.5 * pca_mse
