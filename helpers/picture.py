"""The README's picture: samples of each generator, from the committed outputs' run (``make picture``).

    python -m helpers picture                    # build/outputs/ -> docs/samples.png
    python -m helpers picture --build DIR --out PATH

``make outputs`` runs each notebook alone in ``build/outputs/<notebook>/``, where
``helpers.report_samples`` saves every generator's samples as ``samples/<model>.npy``
((n, 28, 28) in [0, 1], see :mod:`helpers.artifacts`). This module draws one labelled row per
generator of :data:`ROWS` that has samples there, :data:`PER_ROW` images each, spread evenly over
the saved array (so a class-conditional generator whose samples are stored class by class shows
its classes). It draws no row it cannot back with a file, names the rows it skipped, and stops
with an error naming ``make outputs`` when there is none.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from helpers.images import check_images
from helpers.paths import REPO_ROOT, build_dir

# (notebook, the model name it gives report_samples, the row's label), in reading order.
# tests/test_picture.py checks that each notebook still reports samples under that name.
ROWS: tuple[tuple[str, str, str], ...] = (
    ("03_variational_autoencoders", "vae", "VAE (03)"),
    ("04_gans", "gan", "GAN (04)"),
    ("05_dcgan", "dcgan", "DCGAN (05)"),
    ("06_beyond_gans", "cgan", "conditional GAN (06)"),
    ("06_beyond_gans", "wgan_gp", "WGAN-GP (06)"),
    ("07_explicit_density", "pixelcnn", "PixelCNN (07)"),
    ("08_diffusion", "diffusion", "diffusion (08)"),
    ("08_diffusion", "diffusion_guided", "guided diffusion (08)"),
)
PER_ROW = 10
PICTURE = REPO_ROOT / "docs" / "samples.png"


def samples_path(outputs: Path, notebook: str, model: str) -> Path:
    """Where ``make outputs`` leaves the samples ``notebook`` reported under ``model``."""
    return outputs / notebook / "samples" / f"{model}.npy"


def pick(images: np.ndarray, n: int = PER_ROW) -> np.ndarray:
    """``n`` images spread evenly over ``images`` (all of them if there are fewer)."""
    indices = np.unique(np.linspace(0, len(images) - 1, min(n, len(images))).round().astype(int))
    return images[indices]


def collect(
    outputs: Path, rows: Sequence[tuple[str, str, str]] = ROWS
) -> tuple[list[str], list[np.ndarray], list[str]]:
    """(labels, picked images per row, labels of the rows without samples) for the rows found under ``outputs``."""
    labels: list[str] = []
    images: list[np.ndarray] = []
    missing: list[str] = []
    for notebook, model, label in rows:
        path = samples_path(outputs, notebook, model)
        if path.is_file():
            labels.append(label)
            images.append(pick(check_images(np.load(path), str(path))))
        else:
            missing.append(label)
    return labels, images, missing


def make_picture(outputs: Path, destination: Path, rows: Sequence[tuple[str, str, str]] = ROWS) -> list[str]:
    """Draw the samples found under ``outputs`` into ``destination`` (PNG); return the labels of missing rows.

    Raises:
        FileNotFoundError: no row of ``rows`` has samples under ``outputs`` (``make outputs`` has not run).
    """
    import matplotlib.pyplot as plt

    labels, images, missing = collect(outputs, rows)
    if not labels:
        raise FileNotFoundError(
            f"no generator's samples under {outputs} (looked for <notebook>/samples/<model>.npy): "
            "run `make outputs` first, which saves them there"
        )
    fig, axes = plt.subplots(len(labels), PER_ROW, figsize=(PER_ROW * 0.8, len(labels) * 0.8), squeeze=False)
    for row, (label, picked) in enumerate(zip(labels, images, strict=True)):
        for column, ax in enumerate(axes[row]):
            ax.axis("off")
            if column < len(picked):
                # dark on light, as every grid of the collection
                ax.imshow(picked[column], cmap="binary", vmin=0, vmax=1)
        axes[row, 0].text(-0.15, 0.5, label, transform=axes[row, 0].transAxes, ha="right", va="center")
    fig.subplots_adjust(wspace=0.05, hspace=0.05)
    destination.parent.mkdir(parents=True, exist_ok=True)
    # no "Software" stamp: the committed file changes only when the samples do
    fig.savefig(destination, dpi=80, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=None, help="the outputs' build folders (default: build/outputs/)")
    parser.add_argument("--out", default=str(PICTURE), help="the picture (default: docs/samples.png)")
    args = parser.parse_args(argv)

    outputs = Path(args.build) if args.build else build_dir() / "outputs"
    try:
        missing = make_picture(outputs, Path(args.out))
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out} from {outputs}" + (f"; no samples for: {', '.join(missing)}" if missing else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
