"""helpers.resumable: an interrupted fit() resumes where it stopped and ends exactly where an uninterrupted one ends.

Each "run" seeds and builds a fresh model, as a notebook re-run after a kernel restart would; only
``build/backup`` carries state from one run to the next. The data are not shuffled, so the resumed run
sees the same batches as the uninterrupted one and the weights can be compared bit for bit.
"""

from __future__ import annotations

from collections.abc import Callable

import keras
import numpy as np
import pytest

from helpers.gan import GAN
from helpers.resume import resumable
from helpers.seeding import seed_everything

EPOCHS, BATCH = 3, 32
DATA = np.random.default_rng(0).normal(size=(128, 8)).astype("float32")  # 4 batches per epoch
STEPS = EPOCHS * len(DATA) // BATCH


class Disconnected(Exception):
    """What the interrupted run dies of."""


class Disconnect(keras.callbacks.Callback):
    """Kill fit() when epoch ``at`` (from 0) begins, after the backup of the epoch before it was written."""

    def __init__(self, at: int) -> None:
        super().__init__()
        self.at = at

    def on_epoch_begin(self, epoch: int, logs: dict | None = None) -> None:
        if epoch == self.at:
            raise Disconnected(f"lost the kernel at epoch {epoch}")


def dense_model() -> keras.Model:
    """A functional model with Adam, dropout (its own seed generator) and batch norm (moving statistics)."""
    inputs = keras.Input((8,))
    x = keras.layers.Dense(16, activation="relu")(inputs)
    x = keras.layers.BatchNormalization()(keras.layers.Dropout(0.3)(x))
    model = keras.Model(inputs, keras.layers.Dense(8)(x))
    model.compile(keras.optimizers.Adam(1e-2), loss="mse")
    return model


def tiny_gan(build_optimizers: bool = True) -> GAN:
    """helpers.GAN on 8-d vectors: two Adams held as attributes, noise drawn in train_step."""
    codings = keras.Input((4,))
    generator = keras.Model(codings, keras.layers.Dense(8)(keras.layers.Dense(16, activation="relu")(codings)))
    samples = keras.Input((8,))
    discriminator = keras.Model(samples, keras.layers.Dense(1)(keras.layers.Dense(16, activation="relu")(samples)))
    gan = GAN(generator, discriminator, from_logits=True)
    gan.compile(d_optimizer=keras.optimizers.Adam(1e-2), g_optimizer=keras.optimizers.Adam(1e-2))
    if build_optimizers:  # what a notebook must do for resumable() (see its docstring)
        gan.d_optimizer.build(discriminator.trainable_variables)
        gan.g_optimizer.build(generator.trainable_variables)
    return gan


def run(make: Callable[[], keras.Model], callbacks: list) -> tuple[keras.Model, keras.callbacks.History]:
    """One notebook run: seed, build, fit."""
    seed_everything(7)
    model = make()
    targets = DATA if not isinstance(model, GAN) else None  # an autoencoder; a GAN takes the data alone
    history = model.fit(DATA, targets, batch_size=BATCH, epochs=EPOCHS, shuffle=False, verbose=0, callbacks=callbacks)
    return model, history


def optimizers(model: keras.Model) -> list[keras.optimizers.Optimizer]:
    return [model.d_optimizer, model.g_optimizer] if isinstance(model, GAN) else [model.optimizer]


def optimizer_steps(model: keras.Model) -> list[int]:
    return [int(optimizer.iterations.numpy()) for optimizer in optimizers(model)]


def optimizer_variables(model: keras.Model) -> list:
    return [variable for optimizer in optimizers(model) for variable in optimizer.variables]


def assert_same(mine: list, theirs: list, what: str) -> None:
    """Bit for bit: CPU op determinism is on (helpers.seed_everything)."""
    assert len(mine) == len(theirs), what
    different = [v.path for v, w in zip(mine, theirs, strict=True) if not np.array_equal(np.array(v), np.array(w))]
    assert not different, f"{what} differ from the uninterrupted run's: {different}"


@pytest.mark.parametrize("make", [dense_model, tiny_gan], ids=["functional", "gan"])
def test_interrupted_fit_resumes_and_matches_an_uninterrupted_one(build, make, capsys):
    reference, _ = run(make, [])
    with pytest.raises(Disconnected):
        run(make, [resumable("model"), Disconnect(at=1)])
    backup = build / "backup" / "model" / "quick"  # the build fixture's profile
    assert (backup / "latest.weights.h5").exists() and (backup / "training_metadata.json").exists()

    capsys.readouterr()
    model, history = run(make, [resumable("model")])
    assert history.epoch == [1, 2], "the resumed run starts at the first epoch that did not finish"
    notice = capsys.readouterr().out
    assert "resumable('model'): resumed after epoch 1" in notice and "cover only the epochs since" in notice
    assert optimizer_steps(model) == optimizer_steps(reference) == [STEPS] * len(optimizer_steps(model))
    # weights (with batch norm's moving statistics and dropout's seed state), and every optimizer's moments:
    assert_same(model.weights, reference.weights, "weights")
    assert_same(optimizer_variables(model), optimizer_variables(reference), "optimizer state")
    assert not backup.exists(), "a completed fit deletes its backup"
    assert not backup.parent.exists(), "and the model's folder, once no profile's backup is left in it"

    _, again = run(make, [resumable("model")])
    assert again.epoch == [0, 1, 2], "a run after a completed one starts clean"
    assert "resumed" not in capsys.readouterr().out, "and says nothing about resuming"


def test_gan_optimizers_must_be_built(build):
    with pytest.raises(ValueError, match=r"d_optimizer and g_optimizer must be built before fit\(\)"):
        run(lambda: tiny_gan(build_optimizers=False), [resumable("gan")])


def test_backups_are_kept_per_profile(build, monkeypatch):
    with pytest.raises(Disconnected):
        run(dense_model, [resumable("model"), Disconnect(at=1)])
    monkeypatch.setenv("NB_PROFILE", "smoke")
    _, history = run(dense_model, [resumable("model")])
    assert history.epoch == [0, 1, 2], "a smoke run does not resume the quick run's backup"
    assert (build / "backup" / "model" / "quick" / "latest.weights.h5").exists(), "the quick backup is kept"


@pytest.mark.parametrize("name", ["", "a/b", ".."])
def test_name_is_one_folder(build, name):
    with pytest.raises(ValueError, match="plain folder name"):
        resumable(name)
