"""Shared plumbing for the notebooks: profile, seeding, data, plots, artifacts, quality score.

Importing this package has no side effects: it imports NumPy and matplotlib, and TensorFlow
only later, inside the functions (and the ``EpochLogger`` class) that need it.
"""

from helpers.artifacts import Timer, build_dir, check_images, record_result, save_model, save_samples
from helpers.data import FashionMNIST, load_fashion_mnist, make_3d_cloud
from helpers.plots import (
    plot_history,
    plot_image_grid,
    plot_reconstructions,
    plot_scatter_by_class,
    save_fig,
)
from helpers.profile import PROFILES, by_profile, get_profile
from helpers.quality import class_histogram, classify, fashion_features, fashion_fid
from helpers.seeding import seed_everything
from helpers.tables import format_table, read_results

__all__ = [
    "EpochLogger",
    "PROFILES",
    "FashionMNIST",
    "Timer",
    "build_dir",
    "by_profile",
    "check_images",
    "class_histogram",
    "classify",
    "fashion_features",
    "fashion_fid",
    "format_table",
    "get_profile",
    "load_fashion_mnist",
    "make_3d_cloud",
    "plot_history",
    "plot_image_grid",
    "plot_reconstructions",
    "plot_scatter_by_class",
    "read_results",
    "record_result",
    "save_fig",
    "save_model",
    "save_samples",
    "seed_everything",
]


def __getattr__(name: str):
    # EpochLogger subclasses a Keras class: import it (and TensorFlow) only when asked for.
    if name == "EpochLogger":
        from helpers.training import EpochLogger

        return EpochLogger
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")
