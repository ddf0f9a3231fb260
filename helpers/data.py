"""Data sets: Fashion-MNIST, loaded one way everywhere, and small seeded synthetic sets.

Where Fashion-MNIST is searched for, in which order, and how it is verified is documented once,
in ``data/README.md`` (:func:`candidate_dirs` is that order in code). The decoded arrays are
checked against ``data/fashion-mnist.sha256``; a corrupt or truncated file raises an error naming
that file, and nothing ever falls back silently to other data.

Run ``python -m helpers data`` to see where the data are found (it exits 1 when they are not).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from helpers.paths import REPO_ROOT

CHECKSUM_FILE = REPO_ROOT / "data" / "fashion-mnist.sha256"
DEBIAN_DIR = Path("/usr/share/datasets/fashion-mnist")
DOWNLOAD_BASE_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
DOWNLOAD_TIMEOUT_S = 5.0

FILES = {
    "train_images": "train-images-idx3-ubyte.gz",
    "train_labels": "train-labels-idx1-ubyte.gz",
    "test_images": "t10k-images-idx3-ubyte.gz",
    "test_labels": "t10k-labels-idx1-ubyte.gz",
}
EXPECTED_SHAPES = {
    "train_images": (60_000, 28, 28),
    "train_labels": (60_000,),
    "test_images": (10_000, 28, 28),
    "test_labels": (10_000,),
}
CLASS_NAMES = (
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
)  # fmt: skip
N_VALID = 5_000

HOW_TO_PROVIDE = (
    "Provide Fashion-MNIST in one of these ways:\n"
    "  - on Debian/Ubuntu: sudo apt-get install dataset-fashion-mnist  (what `make data` does)\n"
    "  - copy the four *-ubyte.gz files into data/fashion-mnist/ of this repository\n"
    "  - point FASHION_MNIST_DIR at a folder that holds them\n"
    "  - run once with network access so Keras can download them into its cache"
)


class DataError(RuntimeError):
    """The data set is missing, corrupt or does not match the checksums kept in the repo."""


@dataclass(frozen=True)
class FashionMNIST:
    """Fashion-MNIST split 55,000 / 5,000 / 10,000, images float32 in [0, 1], shape (n, 28, 28)."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_valid: np.ndarray
    y_valid: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    class_names: tuple[str, ...]
    source: Path


def keras_cache_dir() -> Path:
    """The folder where ``keras.datasets.fashion_mnist`` keeps its downloads."""
    keras_home = os.environ.get("KERAS_HOME", os.path.join(os.path.expanduser("~"), ".keras"))
    return Path(keras_home) / "datasets" / "fashion-mnist"


def candidate_dirs() -> list[Path]:
    """The folders searched for the four files, in order."""
    dirs = []
    if os.environ.get("FASHION_MNIST_DIR"):
        dirs.append(Path(os.environ["FASHION_MNIST_DIR"]))
    dirs += [REPO_ROOT / "data" / "fashion-mnist", DEBIAN_DIR, keras_cache_dir()]
    return dirs


def find_data_dir(dirs: list[Path] | None = None) -> Path | None:
    """Return the first folder that holds all four files, or None."""
    for folder in candidate_dirs() if dirs is None else dirs:
        if all((folder / name).is_file() for name in FILES.values()):
            return folder
    return None


def read_checksums(path: Path = CHECKSUM_FILE) -> dict[str, str]:
    """Read ``<sha256>  <file name>`` lines into {file name: sha256}."""
    sums = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split()
            sums[name] = digest
    return sums


def array_sha256(array: np.ndarray) -> str:
    """SHA-256 of an array's raw bytes (C order), the checksum kept for each decoded file."""
    return hashlib.sha256(np.ascontiguousarray(array).tobytes()).hexdigest()


def _decode_idx(path: Path, key: str) -> np.ndarray:
    """Decode one gzipped IDX file (the MNIST format) and check its shape."""
    header = 16 if key.endswith("images") else 8
    try:
        with gzip.open(path, "rb") as f:
            raw = f.read()
    except (OSError, EOFError) as exc:  # gzip.BadGzipFile is an OSError
        raise DataError(
            f"{path} is corrupt or truncated ({exc}). Delete it and provide it again.\n{HOW_TO_PROVIDE}"
        ) from exc
    expected = EXPECTED_SHAPES[key]
    if len(raw) != header + int(np.prod(expected)):
        raise DataError(
            f"{path} decodes to {len(raw)} bytes, expected {header + int(np.prod(expected))} "
            f"for an array of shape {expected}: the file is truncated or not the right one. "
            f"Delete it and provide it again.\n{HOW_TO_PROVIDE}"
        )
    return np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(expected)


def _bullets(paths: list[Path]) -> str:
    return "\n".join(f"  - {p}" for p in paths)


def _download_with_keras(searched: list[Path]) -> Path:
    """Download into the Keras cache, failing within seconds when there is no network."""
    probe = DOWNLOAD_BASE_URL + FILES["test_labels"]
    try:
        request = urllib.request.Request(probe, method="HEAD")
        urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT_S).close()
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise DataError(
            f"Fashion-MNIST was not found in any of these folders:\n{_bullets(searched)}\n"
            f"and it cannot be downloaded ({probe} is unreachable: {exc}).\n{HOW_TO_PROVIDE}"
        ) from exc
    import keras

    folder = keras_cache_dir()
    folder.mkdir(parents=True, exist_ok=True)  # Keras falls back to /tmp/.keras for a missing folder
    paths = [
        # cache_dir given explicitly: Keras reads KERAS_HOME only once, when it is imported.
        keras.utils.get_file(
            name,
            origin=DOWNLOAD_BASE_URL + name,
            cache_dir=str(folder.parent.parent),
            cache_subdir=os.path.join("datasets", "fashion-mnist"),
        )
        for name in FILES.values()
    ]
    return Path(paths[0]).parent


def load_raw_fashion_mnist(dirs: list[Path] | None = None, download: bool = True) -> tuple[dict[str, np.ndarray], Path]:
    """Find, decode and verify the four arrays (uint8); return them and the folder they came from."""
    searched = candidate_dirs() if dirs is None else dirs
    folder = find_data_dir(searched)
    if folder is None:
        if not download:
            raise DataError(
                f"Fashion-MNIST was not found in any of these folders:\n{_bullets(searched)}\n{HOW_TO_PROVIDE}"
            )
        folder = _download_with_keras(searched)
    expected_sums = read_checksums()
    arrays = {}
    for key, name in FILES.items():
        array = _decode_idx(folder / name, key)
        if array_sha256(array) != expected_sums[name]:
            raise DataError(
                f"{folder / name} decodes to an array whose SHA-256 does not match {CHECKSUM_FILE.name}: "
                f"the file is corrupt or not the original Fashion-MNIST. Delete it and provide it again.\n"
                f"{HOW_TO_PROVIDE}"
            )
        arrays[key] = array
    return arrays, folder


def load_fashion_mnist(dirs: list[Path] | None = None, download: bool = True) -> FashionMNIST:
    """Load Fashion-MNIST as the usual 55,000 / 5,000 / 10,000 train/valid/test split in [0, 1].

    The validation set is the last 5,000 images of the official training set.

    Args:
        dirs: folders to search instead of :func:`candidate_dirs` (for tests).
        download: whether to try a Keras download when no folder has the files.

    Raises:
        DataError: the data are missing (and cannot be downloaded), corrupt or truncated;
            the message names the file and the ways to fix it.
    """
    arrays, folder = load_raw_fashion_mnist(dirs, download)
    x_full = arrays["train_images"].astype(np.float32) / 255.0
    y_full = arrays["train_labels"].astype(np.int64)
    return FashionMNIST(
        x_train=x_full[:-N_VALID],
        y_train=y_full[:-N_VALID],
        x_valid=x_full[-N_VALID:],
        y_valid=y_full[-N_VALID:],
        x_test=arrays["test_images"].astype(np.float32) / 255.0,
        y_test=arrays["test_labels"].astype(np.int64),
        class_names=CLASS_NAMES,
        source=folder,
    )


def make_3d_cloud(n: int = 60, seed: int = 4, noise: float = 0.1) -> np.ndarray:
    """A 3-D point cloud lying close to a tilted 2-D plane (the textbook's PCA example).

    The points are centred, so a linear autoencoder without much bias work can match PCA.
    """
    rng = np.random.default_rng(seed)
    angles = rng.uniform(0, 1.5 * np.pi, n) - 0.5
    data = np.empty((n, 3))
    data[:, 0] = np.cos(angles) + np.sin(angles) / 2 + noise * rng.normal(size=n) / 2
    data[:, 1] = np.sin(angles) * 0.7 + noise * rng.normal(size=n) / 2
    data[:, 2] = data[:, 0] * 0.1 + data[:, 1] * 0.3 + noise * rng.normal(size=n)
    return (data - data.mean(axis=0)).astype(np.float32)


def main(argv: list[str] | None = None) -> int:
    """Print where Fashion-MNIST is found (``--verify``: load and check it); exit 1 if missing or bad."""
    verify = "--verify" in (sys.argv[1:] if argv is None else argv)
    folder = find_data_dir()
    if folder is None and not verify:
        print("Fashion-MNIST not found in: " + ", ".join(map(str, candidate_dirs())))
        return 1
    if verify:
        try:
            _, folder = load_raw_fashion_mnist()
        except DataError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"Fashion-MNIST verified against {CHECKSUM_FILE.name}: {folder}")
    else:
        print(f"Fashion-MNIST found: {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
