"""The collection's figures: image grids, reconstructions, class scatter plots, curves, class shares, GIFs.

The plot_* functions return the matplotlib Figure, so a notebook can pass it to :func:`save_fig`;
:func:`save_gif` writes an animation of image grids (tiled by :func:`tile_images`) and returns its path.
Both name their files after the running notebook (``build/figures/<notebook>_<name>.png``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import numpy as np

from helpers.data import CLASS_NAMES
from helpers.images import check_images
from helpers.notebook import current_notebook
from helpers.paths import build_dir


def plot_image_grid(
    images: Any,
    n_cols: int = 10,
    titles: Sequence[str] | None = None,
    scale: float = 1.2,
    row_titles: Sequence[str] | None = None,
) -> plt.Figure:
    """Show images (n, 28, 28) in [0, 1] as a grid, dark on light like the textbook.

    ``titles`` labels every image; ``row_titles`` labels each row once, above its first image.
    """
    images = check_images(images)
    n_rows = int(np.ceil(len(images) / n_cols))
    if row_titles is not None:
        if titles is not None or len(row_titles) != n_rows:
            raise ValueError(f"give either titles or {n_rows} row_titles, one per row")
        titles = [row_title if column == 0 else "" for row_title in row_titles for column in range(n_cols)]
    fig, axes = plt.subplots(n_rows, n_cols, figsize=(n_cols * scale, n_rows * scale), squeeze=False)
    for index, ax in enumerate(axes.flat):
        ax.axis("off")
        if index < len(images):
            ax.imshow(images[index], cmap="binary", vmin=0, vmax=1)
            if titles is not None and titles[index]:
                ax.set_title(titles[index], fontsize=8, loc="left" if row_titles is not None else "center")
    fig.tight_layout()
    return fig


def plot_reconstructions(originals: Any, reconstructions: Any, n: int = 10) -> plt.Figure:
    """Originals on the top row, their reconstructions below."""
    originals = check_images(originals, "originals")[:n]
    reconstructions = check_images(reconstructions, "reconstructions")[:n]
    if len(originals) != len(reconstructions):
        raise ValueError(f"got {len(originals)} originals but {len(reconstructions)} reconstructions")
    return plot_image_grid(
        np.concatenate([originals, reconstructions]), n_cols=len(originals), row_titles=["original", "reconstruction"]
    )


def plot_scatter_by_class(points: Any, labels: Any, class_names: Sequence[str], title: str | None = None) -> plt.Figure:
    """Scatter 2-D points coloured by class, with a legend of class names."""
    points, labels = np.asarray(points), np.asarray(labels)
    if points.ndim != 2 or points.shape[1] != 2:
        raise ValueError(f"points must have shape (n, 2), got {points.shape}; project them to 2-D first.")
    if len(points) != len(labels):
        raise ValueError(f"got {len(points)} points but {len(labels)} labels")
    fig, ax = plt.subplots(figsize=(7, 6))
    cmap = plt.get_cmap("tab10")
    for index, name in enumerate(class_names):
        mask = labels == index
        ax.scatter(points[mask, 0], points[mask, 1], s=4, color=cmap(index % 10), label=name)
    ax.legend(markerscale=3, fontsize=8, loc="center left", bbox_to_anchor=(1, 0.5))
    ax.set_xticks([])
    ax.set_yticks([])
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_history(history: Any, keys: Sequence[str] | None = None, title: str | None = None) -> plt.Figure:
    """Plot per-epoch curves from a Keras ``History`` or a dict of lists (default: every key)."""
    curves: Mapping[str, Sequence[float]] = getattr(history, "history", history)
    keys = list(curves) if keys is None else list(keys)
    missing = [k for k in keys if k not in curves]
    if missing:
        raise KeyError(f"no curve named {missing}; available: {sorted(curves)}")
    fig, ax = plt.subplots(figsize=(6, 3.5))
    for key in keys:
        values = list(curves[key])
        ax.plot(range(1, len(values) + 1), values, marker="o" if len(values) < 30 else None, label=key)
    ax.set_xlabel("epoch")
    ax.grid(alpha=0.3)
    ax.legend()
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


def figure_path(name: str, suffix: str) -> Path:
    """``build/figures/<notebook>_<name><suffix>``, its folder created."""
    path = build_dir() / "figures" / f"{current_notebook()}_{name}{suffix}"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def save_fig(fig: plt.Figure, name: str, dpi: int = 80) -> None:
    """Save a figure to ``build/figures/<notebook>_<name>.png`` (returns nothing: a notebook echoes nothing)."""
    fig.savefig(figure_path(name, ".png"), dpi=dpi, bbox_inches="tight")


def plot_class_shares(counts: Mapping[str, Any], title: str | None = None) -> plt.Figure:
    """Bars of the class shares of one or more sets of images, e.g. ``{"GAN": counts, "test set": ...}``.

    Each value holds the number of images per class (10 counts, as ``class_histogram`` returns);
    a dashed line marks the uniform share, 10%.
    """
    if not counts:
        raise ValueError("plot_class_shares needs at least one set of counts")
    fig, ax = plt.subplots(figsize=(8, 3))
    width = 0.8 / len(counts)
    for index, (label, values) in enumerate(counts.items()):
        values = np.asarray(values, dtype=float)
        if values.shape != (len(CLASS_NAMES),):
            raise ValueError(f"{label!r}: expected {len(CLASS_NAMES)} counts, got shape {values.shape}")
        positions = np.arange(len(CLASS_NAMES)) + (index - (len(counts) - 1) / 2) * width
        ax.bar(positions, values / values.sum(), width=width, label=label)
    ax.axhline(1 / len(CLASS_NAMES), color="grey", linestyle="--", linewidth=1)
    ax.set_xticks(range(len(CLASS_NAMES)), CLASS_NAMES, rotation=30, ha="right", fontsize=8)
    ax.yaxis.set_major_formatter(plt.matplotlib.ticker.PercentFormatter(1.0))
    ax.set_ylabel("share of images")
    if len(counts) > 1:
        ax.legend(fontsize=8)
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


def tile_images(images: Any, n_cols: int = 10, zoom: int = 2, gap: int = 2) -> np.ndarray:
    """Tile images (n, 28, 28) in [0, 1] into one uint8 picture, dark on light like the grids."""
    images = check_images(images)
    n_rows = int(np.ceil(len(images) / n_cols))
    side = 28 * zoom
    canvas = np.full((n_rows * (side + gap) + gap, n_cols * (side + gap) + gap), 255, dtype=np.uint8)
    for index, image in enumerate(images):
        row, col = divmod(index, n_cols)
        top, left = gap + row * (side + gap), gap + col * (side + gap)
        canvas[top : top + side, left : left + side] = np.kron(255 * (1 - image), np.ones((zoom, zoom)))
    return canvas


def save_gif(
    frames: Sequence[Any],
    name: str,
    captions: Sequence[str] | None = None,
    n_cols: int = 10,
    seconds_per_frame: float = 0.5,
) -> Path:
    """Write an animated GIF of image grids to ``build/figures/<notebook>_<name>.gif`` and return its path.

    Each frame is a set of images (n, 28, 28) in [0, 1], tiled like :func:`plot_image_grid`, with an
    optional caption above it (for example the epoch). The last frame is held three times as long.
    """
    from PIL import Image, ImageDraw

    if len(frames) == 0:
        raise ValueError("save_gif needs at least one frame")
    if captions is not None and len(captions) != len(frames):
        raise ValueError(f"got {len(frames)} frames but {len(captions)} captions")
    pictures = []
    for index, frame in enumerate(frames):
        grid = tile_images(frame, n_cols=n_cols)
        picture = Image.new("L", (grid.shape[1], grid.shape[0] + 16), 255)
        picture.paste(Image.fromarray(grid), (0, 16))
        if captions is not None:
            ImageDraw.Draw(picture).text((4, 2), captions[index], fill=0)
        pictures.append(picture)
    if len({picture.size for picture in pictures}) != 1:
        raise ValueError("every frame must tile to the same size: give each frame the same number of images")
    durations = [int(1000 * seconds_per_frame)] * len(pictures)
    durations[-1] *= 3
    path = figure_path(name, ".gif")
    pictures[0].save(path, save_all=True, append_images=pictures[1:], duration=durations, loop=0)
    return path
