import csv

import numpy as np
import pytest

from helpers.artifacts import RESULT_COLUMNS, Timer, record_result, save_model, save_samples


def _rows(build):
    with (build / "results.csv").open(newline="") as f:
        return list(csv.DictReader(f))


def test_results_rows_have_the_columns_and_the_profile(build, monkeypatch):
    record_result("01_autoencoders", "stacked_ae", "val_mse", 0.0123456789, epochs=10, train_seconds=12.345)
    monkeypatch.setenv("NB_PROFILE", "smoke")
    record_result("01_autoencoders", "stacked_ae", "val_mse", 0.05, epochs=1, train_seconds=1)
    with (build / "results.csv").open() as f:
        assert f.readline().strip() == ",".join(RESULT_COLUMNS)
    rows = _rows(build)
    assert [r["profile"] for r in rows] == ["quick", "smoke"]
    assert rows[0]["value"] == "0.0123457" and rows[0]["train_seconds"] == "12.3" and rows[0]["epochs"] == "10"


def test_rerun_replaces_its_row_instead_of_adding_one(build):
    record_result("nb", "model", "fid", 50, epochs=1, train_seconds=1)
    record_result("nb", "model", "val_mse", 0.1, epochs=1, train_seconds=1)
    record_result("nb", "model", "fid", 40, epochs=2, train_seconds=2)
    assert [(r["metric"], r["value"]) for r in _rows(build)] == [("val_mse", "0.1"), ("fid", "40")]


def test_samples_are_saved_as_float32_images(build):
    path = save_samples(np.full((5, 28, 28, 1), 0.5, dtype="float64"), "toy")
    assert path == build / "samples" / "toy.npy"
    saved = np.load(path)
    assert saved.shape == (5, 28, 28) and saved.dtype == np.float32


def test_samples_out_of_range_are_refused(build):
    with pytest.raises(ValueError, match=r"\(images \+ 1\) / 2"):
        save_samples(np.full((5, 28, 28), -1.0, dtype="float32"), "tanh")
    assert not (build / "samples" / "tanh.npy").exists()


def test_model_round_trips_through_build_models(build):
    import keras

    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
    path = save_model(model, "tiny")
    assert path == build / "models" / "tiny.keras"
    x = np.ones((1, 3), dtype="float32")
    np.testing.assert_allclose(keras.models.load_model(path).predict(x, verbose=0), model.predict(x, verbose=0))


def test_timer_measures_wall_time():
    import time

    with Timer() as t:
        time.sleep(0.05)
    assert 0.04 < t.seconds < 1


def test_epoch_logger_prints_one_rounded_line_per_epoch(capsys):
    import keras

    from helpers.training import EpochLogger

    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    x = np.ones((8, 2), dtype="float32")
    model.fit(x, x[:, :1], validation_data=(x, x[:, :1]), epochs=3, verbose=0, callbacks=[EpochLogger()])
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("epoch 1/3  loss ") and "val_loss " in lines[0] and lines[0].endswith(" s)")
    loss_text = lines[2].split("loss ")[1].split()[0]
    assert len(loss_text.split(".")[1]) == 4  # rounded to 4 decimals


def test_command_line_dispatches_and_explains_itself(capsys):
    from helpers.__main__ import main

    assert main(["data"]) == 0
    assert "Fashion-MNIST found" in capsys.readouterr().out
    assert main(["nonsense"]) == 2
    assert "classifier" in capsys.readouterr().err
