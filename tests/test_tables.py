from helpers.artifacts import record_result
from helpers.tables import format_table, read_results


def test_table_aligns_text_left_and_numbers_right():
    rows = [{"model": "tied", "params": 82414, "mse": 0.0153271}, {"model": "conv", "params": 1234, "mse": 0.01}]
    lines = format_table(rows).splitlines()
    assert lines == [
        "model  params      mse",
        "-----  ------  -------",
        "tied   82,414  0.01533",
        "conv    1,234     0.01",
    ]


def test_table_picks_columns_and_handles_no_rows():
    assert format_table([{"a": 1, "b": "x"}], columns=["b"]).splitlines()[2] == "x"
    assert format_table([]) == "(no rows)"


def test_results_are_read_back_with_filters(build, monkeypatch):
    assert read_results() == []
    record_result("01_autoencoders", "stacked_ae", "val_mse", 0.015, epochs=10, train_seconds=43)
    monkeypatch.setenv("NB_PROFILE", "smoke")
    record_result("01_autoencoders", "stacked_ae", "val_mse", 0.03, epochs=1, train_seconds=2)
    quick = read_results(profile="quick", metric="val_mse")
    assert len(quick) == 1 and quick[0]["value"] == "0.015" and quick[0]["epochs"] == "10"
    assert len(read_results(model="stacked_ae")) == 2
