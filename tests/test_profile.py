import pytest

from helpers.profile import PROFILES, by_profile, get_profile


@pytest.mark.parametrize("name", PROFILES)
def test_each_profile_is_read_and_picks_its_value(monkeypatch, name):
    monkeypatch.setenv("NB_PROFILE", name.upper())
    assert get_profile() == name
    assert by_profile(smoke=1, quick=2, full=3) == {"smoke": 1, "quick": 2, "full": 3}[name]


def test_unknown_profile_names_the_valid_ones(monkeypatch):
    monkeypatch.setenv("NB_PROFILE", "bogus")
    with pytest.raises(ValueError, match="'bogus'.*smoke, quick, full"):
        get_profile()


def test_unset_profile_picks_by_gpu(monkeypatch):
    monkeypatch.delenv("NB_PROFILE", raising=False)
    monkeypatch.setattr("helpers.profile._gpu_visible", lambda: True)
    assert get_profile() == "full"
    monkeypatch.setattr("helpers.profile._gpu_visible", lambda: False)
    assert get_profile() == "quick"


def test_test_gpu_refuses_to_start_without_a_gpu():
    """`make test-gpu` stops at its guard on a machine without a GPU, before any notebook runs."""
    import subprocess
    import sys
    from pathlib import Path

    import tensorflow as tf

    if tf.config.list_physical_devices("GPU"):
        pytest.skip("this machine has a GPU")
    repo = Path(__file__).resolve().parent.parent
    run = subprocess.run(
        ["make", "--no-print-directory", "test-gpu", f"VENV={sys.prefix}"],
        cwd=repo, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode != 0
    assert "no GPU visible to TensorFlow" in run.stdout and "nbval " not in run.stdout
