"""Shared plumbing for the notebooks: profile, seeding, data, plots, artifacts, quality score.

Importing this package has no side effects: it imports NumPy and matplotlib, and TensorFlow
only later, inside the functions (and the ``EpochLogger``, ``GAN`` and ``GANMonitor`` classes) that
need it.
"""

from helpers.artifacts import Timer, build_dir, check_images, record_result, save_model, save_samples
from helpers.data import FashionMNIST, load_fashion_mnist, make_3d_cloud
from helpers.plots import (
    plot_history,
    plot_image_grid,
    plot_reconstructions,
    plot_scatter_by_class,
    save_fig,
    save_gif,
    tile_images,
)
from helpers.profile import PROFILES, by_profile, get_profile
from helpers.quality import class_histogram, classify, fashion_features, fashion_fid
from helpers.seeding import seed_everything
from helpers.tables import format_table, read_results

__all__ = [
    "GAN",
    "EpochLogger",
    "GANMonitor",
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
    "save_gif",
    "save_model",
    "save_samples",
    "seed_everything",
    "tile_images",
    "generate",
    "g_block",
    "d_block",
    "build_dcgan_generator",
    "build_dcgan_discriminator",
]


_LAZY = {
    "EpochLogger": "helpers.training",
    "GAN": "helpers.gan",
    "GANMonitor": "helpers.gan",
    "generate": "helpers.gan",
    "g_block": "helpers.gan",
    "d_block": "helpers.gan",
    "build_dcgan_generator": "helpers.gan",
    "build_dcgan_discriminator": "helpers.gan",
}


def __getattr__(name: str):
    # These subclass or call Keras: import them (and TensorFlow) only when asked for.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")
