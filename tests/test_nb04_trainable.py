"""Notebook 04's audits, moved out of the notebook: the `trainable` toggles of the textbook's
`train_on_batch` loop under Keras 3, and the loop's step against the `train_step` models.

The tests run the notebook's own cells (the builders, the two phases, the `GAN` class), found by
their cell ids, on three batches of real images: a few seconds each.
"""

from __future__ import annotations

import json
import warnings

import keras
import numpy as np
import pytest
import tensorflow as tf

from helpers import gan as helpers_gan
from helpers.paths import NOTEBOOKS_DIR
from helpers.seeding import seed_everything

NOTEBOOK = NOTEBOOKS_DIR / "04_gans.ipynb"
# the cells that define the textbook's pair, its two phases, and the train_step model
CELL_IDS = ("cell-17", "tb-step", "cell-27")
BATCH = 32


@pytest.fixture(scope="module")
def nb():
    """The notebook's definitions, executed with the notebook's constants."""
    cells = {c.get("id"): "".join(c["source"]) for c in json.loads(NOTEBOOK.read_text())["cells"]}
    namespace = {"keras": keras, "tf": tf, "np": np, "CODINGS": 30, "LEARNING_RATE": 0.001}
    for cell_id in CELL_IDS:
        exec(compile(cells[cell_id], f"04_gans.ipynb:{cell_id}", "exec"), namespace)
    return namespace


@pytest.fixture(scope="module")
def batches(fashion):
    return [fashion.x_train[i * BATCH : (i + 1) * BATCH] for i in range(3)]


def _snapshot(model):
    return [w.copy() for w in model.get_weights()]


def _changed(before, model):
    return any(not np.array_equal(b, a) for b, a in zip(before, model.get_weights(), strict=True))


def _run_loop(nb, batches, true_toggle, false_toggle):
    """The textbook's loop from a fresh pair, with or without each toggle: what each phase changed."""
    seed_everything(42)
    pair = nb["build_textbook_gan"]()
    generator, discriminator = pair.layers
    moved = {"D in its phase": False, "D in G's phase": False, "G in G's phase": False}
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*does not have any trainable weights")
        for batch in batches:
            d_before = _snapshot(discriminator)
            nb["discriminator_phase"](pair, batch, toggle=true_toggle)
            moved["D in its phase"] |= _changed(d_before, discriminator)
            d_before, g_before = _snapshot(discriminator), _snapshot(generator)
            nb["generator_phase"](pair, len(batch), toggle=false_toggle)
            moved["D in G's phase"] |= _changed(d_before, discriminator)
            moved["G in G's phase"] |= _changed(g_before, generator)
    return pair, moved


def test_with_both_toggles_each_phase_trains_only_its_own_network(nb, batches):
    _, moved = _run_loop(nb, batches, true_toggle=True, false_toggle=True)
    assert moved == {"D in its phase": True, "D in G's phase": False, "G in G's phase": True}


def test_without_the_toggles_the_discriminator_never_learns(nb, batches):
    """Keras 3 reads `trainable` when the train step is first traced, not at compile()."""
    pair, moved = _run_loop(nb, batches, true_toggle=False, false_toggle=False)
    assert moved == {"D in its phase": False, "D in G's phase": False, "G in G's phase": True}
    # a toggle set after the first call comes too late: the traced step keeps its (empty) list
    discriminator = pair.layers[1]
    before = _snapshot(discriminator)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*does not have any trainable weights")
        nb["discriminator_phase"](pair, batches[0], toggle=True)  # sets trainable = True first
    assert discriminator.trainable and not _changed(before, discriminator)


def test_without_the_false_toggle_the_generators_phase_trains_the_discriminator(nb, batches):
    _, moved = _run_loop(nb, batches, true_toggle=True, false_toggle=False)
    assert moved == {"D in its phase": True, "D in G's phase": True, "G in G's phase": True}


def _weights(models):
    return [w for model in models for w in model.get_weights()]


@pytest.mark.parametrize("which", ["notebook GAN", "helpers.GAN"])
def test_one_loop_step_equals_one_train_step(nb, batches, which):
    """Same seed, same batch, same codings in the same order: the same weights, rounding aside."""
    seed_everything(42)
    pair = nb["build_textbook_gan"]()
    start = _weights(pair.layers)
    nb["train_gan_step"](pair, batches[0])
    after_loop = _weights(pair.layers)
    seed_everything(42)
    make = nb["GAN"] if which == "notebook GAN" else helpers_gan.GAN
    model = make(nb["build_generator"](), nb["build_discriminator"]())
    model.compile(keras.optimizers.RMSprop(0.001), keras.optimizers.RMSprop(0.001))
    model.fit(tf.data.Dataset.from_tensor_slices(batches[0]).batch(BATCH), epochs=1, verbose=0, shuffle=False)
    after_step = _weights([model.generator, model.discriminator])
    step_size = max(np.abs(a - s).max() for a, s in zip(after_loop, start, strict=True))
    gap = max(np.abs(a - b).max() for a, b in zip(after_loop, after_step, strict=True))
    assert step_size > 0 and gap < 1e-3 * step_size
