"""helpers.results: the schema of build/results.csv, writing, reading and the scoreboard."""

import csv

import pytest

from helpers.results import RESULT_COLUMNS, read_results, record_result, scoreboard


def _rows(build):
    with (build / "results.csv").open(newline="") as f:
        return list(csv.DictReader(f))


def test_rows_have_the_columns_the_notebook_and_the_profile(build, monkeypatch):
    record_result("stacked_ae", "val_mse", 0.0123456789, epochs=10, train_seconds=12.345)
    monkeypatch.setenv("NB_PROFILE", "smoke")
    record_result("stacked_ae", "val_mse", 0.05, epochs=1, train_seconds=1)
    with (build / "results.csv").open() as f:
        assert f.readline().strip() == ",".join(RESULT_COLUMNS)
    rows = _rows(build)
    assert [(r["notebook"], r["profile"]) for r in rows] == [("01_autoencoders", "quick"), ("01_autoencoders", "smoke")]
    assert rows[0]["value"] == "0.0123457" and rows[0]["train_seconds"] == "12.3" and rows[0]["epochs"] == "10"


def test_rerun_replaces_its_row_instead_of_adding_one(build):
    record_result("model", "fashion_fd", 50, epochs=1, train_seconds=1)
    record_result("model", "val_mse", 0.1, epochs=1, train_seconds=1)
    record_result("model", "fashion_fd", 40, epochs=2, train_seconds=2)
    assert [(r["metric"], r["value"]) for r in _rows(build)] == [("val_mse", "0.1"), ("fashion_fd", "40")]


def test_a_time_of_zero_is_refused(build):
    with pytest.raises(ValueError, match="measured time"):
        record_result("classifier", "accuracy", 0.8, epochs=5, train_seconds=0)


def test_results_are_read_back_with_filters_and_unknown_columns_refused(build, monkeypatch):
    assert read_results() == []
    record_result("stacked_ae", "val_mse", 0.015, epochs=10, train_seconds=43)
    monkeypatch.setenv("NB_PROFILE", "smoke")
    record_result("stacked_ae", "val_mse", 0.03, epochs=1, train_seconds=2)
    quick = read_results(profile="quick", metric="val_mse")
    assert len(quick) == 1 and quick[0]["value"] == "0.015" and quick[0]["epochs"] == "10"
    assert len(read_results(model="stacked_ae")) == 2
    with pytest.raises(ValueError, match="no column"):
        read_results(modle="stacked_ae")


def test_scoreboard_has_one_row_per_generator_best_first(build, monkeypatch):
    record_result("vae", "fashion_fd", 46.0, epochs=5, train_seconds=60)
    record_result("vae", "class_diversity", 0.95, epochs=5, train_seconds=60)
    record_result("stacked_ae", "val_mse", 0.015, epochs=10, train_seconds=43)  # not a generator
    monkeypatch.setattr("helpers.notebook._current", "05_dcgan")
    record_result("dcgan", "fashion_fd", 25.0, epochs=5, train_seconds=160)
    board = scoreboard("quick")
    assert [(r["notebook"], r["model"]) for r in board] == [("05_dcgan", "dcgan"), ("01_autoencoders", "vae")]
    assert board[1]["class_diversity"] == 0.95 and "class_diversity" not in board[0]
    assert scoreboard("full") == []
    # up_to: only the notebooks numbered up to the given one
    assert [r["model"] for r in scoreboard("quick", up_to="04_gans")] == ["vae"]
    assert [r["model"] for r in scoreboard("quick", up_to="05_dcgan")] == ["dcgan", "vae"]
