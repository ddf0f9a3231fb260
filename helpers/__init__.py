"""Shared plumbing for the notebooks, one module per job.

=================  ============================================================================
``notebook``       ``start_notebook``: the running notebook's id, seeding, the setup line
``profile``        ``get_profile`` / ``by_profile``: the training budget (``NB_PROFILE``)
``seeding``        ``seed_everything``: repeatable runs on CPU
``data``           ``load_fashion_mnist`` (one way to load the data) and the synthetic 3-D cloud
``images``         ``check_images``: the (n, 28, 28) in [0, 1] contract every helper checks
``plots``          grids, reconstructions, scatter, curves, class shares, GIFs; ``save_fig``
``quality``        ``fashion_fd`` (the sample metric), ``classify``, ``class_probabilities``, ``class_histogram``
``samples``        ``report_samples``: the one ritual for a generator's samples
``compare``        ``compare``: a measured difference read against its noise
``results``        ``build/results.csv``: ``record_result``, ``read_results``, ``scoreboard``
``artifacts``      ``save_model`` / ``save_samples`` under ``build/``
``timing``         ``Timer``
``tables``         ``format_table``: aligned text tables
``workload``       ``Training``, ``Sampling``, ``print_workload``: what each profile costs
``gan``            ``GAN`` (notebook 04's training step, generalised) and ``generate``
``dcgan``          the DCGAN blocks and builders, generated from notebook 05
``pixelcnn``       ``MaskedConv2D`` and ``raster_mask``, generated from notebook 07
``callbacks``      ``EpochLogger`` and ``GANMonitor``: one progress line per epoch
``resume``         ``resumable``: long trainings that survive a disconnect
``handout``        ``make handout``: copies of the notebooks without solutions or outputs
``picture``        ``make picture``: the README's samples picture, from ``make outputs``' run
=================  ============================================================================

Importing this package has no side effects: it imports NumPy and matplotlib, and TensorFlow
only later, inside the functions and classes that need it (``gan``, ``dcgan``, ``pixelcnn``,
``callbacks``, ``resume`` are imported on first use; ``handout`` and ``picture`` serve the command
line, ``python -m helpers``, and are not imported here).
"""

from helpers.artifacts import save_model, save_samples
from helpers.compare import compare
from helpers.data import CLASS_NAMES, FashionMNIST, load_fashion_mnist, make_3d_cloud
from helpers.images import check_images
from helpers.notebook import start_notebook
from helpers.plots import (
    plot_class_shares,
    plot_history,
    plot_image_grid,
    plot_reconstructions,
    plot_scatter_by_class,
    save_fig,
    save_gif,
    tile_images,
)
from helpers.profile import PROFILES, by_profile, get_profile
from helpers.quality import class_histogram, class_probabilities, classify, fashion_fd, fashion_features
from helpers.results import read_results, record_result, scoreboard
from helpers.samples import SampleReport, report_samples
from helpers.seeding import seed_everything
from helpers.tables import format_table
from helpers.timing import Timer
from helpers.workload import PerProfile, Sampling, Training, print_workload, workload_table

_LAZY = {
    "GAN": "helpers.gan",
    "generate": "helpers.gan",
    "g_block": "helpers.dcgan",
    "d_block": "helpers.dcgan",
    "build_dcgan_generator": "helpers.dcgan",
    "build_dcgan_discriminator": "helpers.dcgan",
    "MaskedConv2D": "helpers.pixelcnn",
    "raster_mask": "helpers.pixelcnn",
    "EpochLogger": "helpers.callbacks",
    "GANMonitor": "helpers.callbacks",
    "resumable": "helpers.resume",
}

__all__ = [
    "CLASS_NAMES",
    "PROFILES",
    "PerProfile",
    "Sampling",
    "Training",
    "FashionMNIST",
    "SampleReport",
    "Timer",
    "by_profile",
    "check_images",
    "class_histogram",
    "class_probabilities",
    "classify",
    "compare",
    "fashion_fd",
    "fashion_features",
    "format_table",
    "get_profile",
    "load_fashion_mnist",
    "make_3d_cloud",
    "plot_class_shares",
    "plot_history",
    "plot_image_grid",
    "plot_reconstructions",
    "plot_scatter_by_class",
    "print_workload",
    "read_results",
    "record_result",
    "report_samples",
    "save_fig",
    "save_gif",
    "save_model",
    "save_samples",
    "scoreboard",
    "seed_everything",
    "start_notebook",
    "tile_images",
    "workload_table",
    *_LAZY,
]


def __getattr__(name: str):
    # These subclass or call Keras: import them (and TensorFlow) only when asked for.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")
