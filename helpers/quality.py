"""The collection's sample metric, the Fashion FD, and the classifier behind it.

``fashion_fd(images)`` is the Fréchet distance between the Gaussian fitted to the classifier's
penultimate-layer features of ``images`` and the one fitted to the Fashion-MNIST test set (the
formula of the FID of Heusel et al., with the collection's own small CNN in place of Inception,
hence not called FID). Lower is better; the test set against itself scores 0. It mixes fidelity
(do samples look like garments?) and coverage (do they spread over all of them?) in one number,
and it is biased upward for small samples: compare scores computed on equal numbers of images.

The classifier's weights are committed (``helpers/assets/fashion_classifier.weights.h5``).
``python -m helpers classifier`` (``make classifier``) retrains them deterministically on CPU
and prints their test accuracy.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

import numpy as np

from helpers.images import check_images

WEIGHTS_PATH = Path(__file__).resolve().parent / "assets" / "fashion_classifier.weights.h5"
FEATURE_LAYER = "features"
TRAIN_EPOCHS = 8
TRAIN_SEED = 42


def build_fashion_classifier() -> Any:
    """The scorer's CNN: 28x28x1 in [0, 1] -> 10 class probabilities, 128-d features before that."""
    import keras
    from keras import layers

    inputs = keras.Input(shape=(28, 28, 1))
    x = layers.Conv2D(32, 3, padding="same", activation="relu")(inputs)
    x = layers.MaxPooling2D()(x)  # 14x14
    x = layers.Conv2D(64, 3, padding="same", activation="relu")(x)
    x = layers.MaxPooling2D()(x)  # 7x7
    x = layers.Conv2D(64, 3, padding="same", activation="relu")(x)
    x = layers.MaxPooling2D()(x)  # 3x3
    x = layers.Flatten()(x)
    x = layers.Dropout(0.3)(x)
    features = layers.Dense(128, activation="relu", name=FEATURE_LAYER)(x)
    outputs = layers.Dense(10, activation="softmax")(layers.Dropout(0.3)(features))
    return keras.Model(inputs, outputs, name="fashion_classifier")


@functools.lru_cache(maxsize=1)
def _models() -> tuple[Any, Any]:
    """The classifier with its committed weights, and a model that outputs its features."""
    import keras

    if not WEIGHTS_PATH.is_file():
        raise FileNotFoundError(f"{WEIGHTS_PATH} is missing; recreate it with `make classifier`.")
    classifier = build_fashion_classifier()
    classifier.load_weights(WEIGHTS_PATH)
    extractor = keras.Model(classifier.input, classifier.get_layer(FEATURE_LAYER).output)
    return classifier, extractor


def _as_batch(images: Any) -> np.ndarray:
    return check_images(images).astype(np.float32)[..., None]


def class_probabilities(images: Any, batch_size: int = 1000) -> np.ndarray:
    """The classifier's softmax over the 10 classes for each image in [0, 1], shape (n, 10).

    Its maximum is the classifier's confidence. A confident class is not proof of a realistic
    image: the classifier never saw anything but garments, so it also assigns off-manifold images
    (noise, blends) to some class, sometimes confidently.
    """
    classifier, _ = _models()
    return classifier.predict(_as_batch(images), batch_size=batch_size, verbose=0).astype(np.float64)


def classify(images: Any, batch_size: int = 1000) -> np.ndarray:
    """Class index (0-9) that the collection's classifier assigns to each image in [0, 1]."""
    return np.argmax(class_probabilities(images, batch_size), axis=1)


def fashion_features(images: Any, batch_size: int = 1000) -> np.ndarray:
    """The classifier's 128-d penultimate-layer features of images in [0, 1], float64."""
    _, extractor = _models()
    return extractor.predict(_as_batch(images), batch_size=batch_size, verbose=0).astype(np.float64)


def class_histogram(images: Any) -> tuple[np.ndarray, float]:
    """Counts of each class (0-9) among ``images`` as judged by the classifier, and their diversity.

    Diversity is the entropy of the class shares divided by its maximum, log 10: 1.0 when every
    class is equally common (as in the test set), 0.0 when all images fall into one class, about
    0.3 for two classes. A direct view of mode collapse.
    """
    counts = np.bincount(classify(images), minlength=10)
    shares = counts[counts > 0] / counts.sum()
    return counts, abs(float(-np.sum(shares * np.log(shares)) / np.log(10)))  # abs: one class gives -0.0


def frechet_distance(mu1: np.ndarray, cov1: np.ndarray, mu2: np.ndarray, cov2: np.ndarray) -> float:
    """Fréchet distance between N(mu1, cov1) and N(mu2, cov2).

    ``|mu1 - mu2|^2 + tr(cov1 + cov2 - 2 (cov1^1/2 cov2 cov1^1/2)^1/2)``, computed with symmetric
    eigendecompositions so it stays real and stable even for singular covariances.
    """

    def sqrt_psd(matrix: np.ndarray) -> np.ndarray:
        values, vectors = np.linalg.eigh((matrix + matrix.T) / 2)
        return (vectors * np.sqrt(np.clip(values, 0, None))) @ vectors.T

    root1 = sqrt_psd(cov1)
    middle = root1 @ cov2 @ root1
    trace_sqrt = np.sqrt(np.clip(np.linalg.eigvalsh((middle + middle.T) / 2), 0, None)).sum()
    distance = np.sum((mu1 - mu2) ** 2) + np.trace(cov1) + np.trace(cov2) - 2 * trace_sqrt
    return float(max(distance, 0.0))


def _gaussian(features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return features.mean(axis=0), np.cov(features, rowvar=False)


@functools.lru_cache(maxsize=1)
def _test_set_gaussian() -> tuple[np.ndarray, np.ndarray]:
    from helpers.data import load_fashion_mnist

    return _gaussian(fashion_features(load_fashion_mnist().x_test))


def fashion_fd(images: Any, reference: Any | None = None) -> float:
    """Fréchet distance between ``images`` and the Fashion-MNIST test set (or ``reference``).

    Args:
        images: at least 2 images, shape (n, 28, 28) or (n, 28, 28, 1), floats in [0, 1]. The
            estimate is biased upward for small n: compare scores computed on equal n
            (the collection uses 10,000 samples wherever it can).
        reference: images to compare with instead of the test set.

    Raises:
        ValueError: wrong shape, dtype or value range (the message says how to fix it).
    """
    images = check_images(images)
    if len(images) < 2:
        raise ValueError(f"fashion_fd needs at least 2 images to estimate a covariance, got {len(images)}.")
    mu, cov = _gaussian(fashion_features(images))
    if reference is None:
        mu_ref, cov_ref = _test_set_gaussian()
    else:
        mu_ref, cov_ref = _gaussian(fashion_features(check_images(reference, "reference")))
    return frechet_distance(mu, cov, mu_ref, cov_ref)


def train_fashion_classifier(epochs: int = TRAIN_EPOCHS, seed: int = TRAIN_SEED) -> tuple[Any, float]:
    """Train the scorer's classifier deterministically on the 60,000 training images.

    Returns the model and its test accuracy.
    """
    import keras

    from helpers.data import load_fashion_mnist
    from helpers.seeding import seed_everything

    seed_everything(seed)
    data = load_fashion_mnist()
    x_train = np.concatenate([data.x_train, data.x_valid])[..., None]
    y_train = np.concatenate([data.y_train, data.y_valid])
    model = build_fashion_classifier()
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x_train, y_train, epochs=epochs, batch_size=128, shuffle=True, verbose=2)
    _, accuracy = model.evaluate(data.x_test[..., None], data.y_test, verbose=0)
    return model, float(accuracy)


def main() -> int:
    """Retrain the classifier and write its weights (``make classifier``)."""
    model, accuracy = train_fashion_classifier()
    print(f"test accuracy: {accuracy:.4f}")
    if accuracy < 0.90:
        print("error: below the 0.90 the Fashion FD relies on; weights not written", file=sys.stderr)
        return 1
    WEIGHTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    inference_copy = build_fashion_classifier()  # uncompiled: Keras would also save the optimizer's slots
    inference_copy.set_weights(model.get_weights())
    inference_copy.save_weights(WEIGHTS_PATH)
    print(f"wrote {WEIGHTS_PATH} ({WEIGHTS_PATH.stat().st_size / 1e3:.0f} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
