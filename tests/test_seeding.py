import random

import numpy as np

from helpers.seeding import seed_everything


def _draws():
    import keras

    layer = keras.layers.Dense(4)
    layer.build((None, 3))
    return random.random(), np.random.rand(), layer.kernel.numpy().copy()


def test_same_seed_gives_same_draws_and_weights():
    seed_everything(7)
    first = _draws()
    seed_everything(7)
    second = _draws()
    assert first[0] == second[0] and first[1] == second[1]
    np.testing.assert_array_equal(first[2], second[2])


def test_other_seed_gives_other_weights():
    seed_everything(7)
    first = _draws()
    seed_everything(8)
    assert not np.array_equal(first[2], _draws()[2])


def test_training_is_repeatable():
    import keras

    def train():
        seed_everything(3)
        model = keras.Sequential([keras.Input((5,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        x = np.random.rand(64, 5).astype("float32")
        model.fit(x, x.sum(axis=1), epochs=2, batch_size=16, verbose=0)
        return model.get_weights()

    for a, b in zip(train(), train(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_op_determinism_is_on_for_cpu_only(monkeypatch):
    import tensorflow as tf

    calls = []
    monkeypatch.setattr(tf.config.experimental, "enable_op_determinism", lambda: calls.append("on"))
    monkeypatch.setattr(tf.config, "list_physical_devices", lambda kind=None: [])
    seed_everything(1)
    assert calls == ["on"]
    monkeypatch.setattr(tf.config, "list_physical_devices", lambda kind=None: ["a GPU"] if kind == "GPU" else [])
    seed_everything(1)
    assert calls == ["on"]  # not turned on again with a GPU visible
