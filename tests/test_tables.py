"""helpers.tables: aligned text tables."""

from helpers.tables import format_table


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
