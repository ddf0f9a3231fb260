"""Shared fixtures: the real Fashion-MNIST (loaded once) and a private build folder per test."""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import matplotlib  # noqa: E402

matplotlib.use("Agg")

import pytest  # noqa: E402

from helpers.data import load_fashion_mnist  # noqa: E402


@pytest.fixture(scope="session")
def fashion():
    return load_fashion_mnist()


@pytest.fixture
def build(tmp_path, monkeypatch):
    """Point helpers' artifacts at a temporary build folder, in the quick profile."""
    monkeypatch.setenv("NB_BUILD_DIR", str(tmp_path / "build"))
    monkeypatch.setenv("NB_PROFILE", "quick")
    return tmp_path / "build"
