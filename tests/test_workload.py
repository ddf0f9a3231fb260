"""helpers.workload: each profile's training and sampling counts, quick next to full."""

import pytest

from helpers.workload import PerProfile, Sampling, Training, workload_table


def test_training_counts_steps_and_images_per_profile():
    gan = Training("gan", images=(100, 1_000, 5_000), epochs=(1, 2, 10), batch_size=32, updates_per_batch=2)
    rows = dict(gan.rows(("smoke", "quick", "full")))
    assert rows["gan: epochs"] == [1, 2, 10]
    # ceil(100 / 32) = 4 batches, two optimizer steps each; the last, partial batch counts as a step
    assert rows["gan: optimizer steps"] == [8, 2 * 32 * 2, 157 * 2 * 10]
    assert rows["gan: images seen"] == [100, 2_000, 50_000]


def test_table_shows_quick_and_full_with_the_multiple():
    table = workload_table(
        Training("vae", images=(10, 100, 400), epochs=(1, 1, 3), batch_size=100),
        Sampling("samples", images=(5, 50, 50), passes_per_image=(2, 10, 50)),
    )
    lines = table.splitlines()
    assert lines[0].split() == ["workload", "quick", "full", "full", "/", "quick"]
    assert "vae: images seen" in lines[4] and lines[4].split()[-3:] == ["100", "1,200", "12x"]
    assert lines[-1].split()[-3:] == ["10", "50", "5x"]
    assert len(lines) == 2 + 3 + 2


def test_now_reads_the_active_profile(monkeypatch):
    values = PerProfile(1, 2, 3)
    for name, expected in (("smoke", 1), ("quick", 2), ("full", 3)):
        monkeypatch.setenv("NB_PROFILE", name)
        assert values.now == expected
    monkeypatch.setenv("NB_PROFILE", "quick")
    assert Training("t", images=(1, 5, 9), epochs=(1, 1, 1), batch_size=1).images.now == 5


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"images": (1, 2), "epochs": (1, 1, 1), "batch_size": 1}, "one value per profile"),
        ({"images": (1, 0, 2), "epochs": (1, 1, 1), "batch_size": 1}, "positive integers"),
        ({"images": (1, 2, 3), "epochs": (1, 1.5, 1), "batch_size": 1}, "positive integers"),
        ({"images": (1, 2, 3), "epochs": (1, 1, 1), "batch_size": 0}, "batch_size"),
    ],
)
def test_bad_sizes_are_refused_with_the_reason(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Training("t", **kwargs)


def test_an_empty_table_is_refused():
    with pytest.raises(ValueError, match="at least one"):
        workload_table()
