"""The GAN training step of notebook 04 and the DCGAN blocks of notebook 05, for the later notebooks.

Notebook 04 writes this class out line by line to teach it; from notebook 05 on it is imported as
``helpers.GAN``, with four generalisations: the discriminator may return logits, the generator may
take several steps per discriminator step, real and fake images go through the discriminator in
separate batches (so batch normalization in it never mixes their statistics), and ``(images,
labels)`` data condition both networks on the labels (notebook 06's conditional GAN).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from keras import layers

from helpers.artifacts import build_dir
from helpers.plots import plot_image_grid
from helpers.quality import fashion_fid

# The DCGAN's blocks and networks, written out in notebook 05 (a test keeps the two copies identical).
init = keras.initializers.RandomNormal(mean=0.0, stddev=0.02)


def g_block(x, filters, kernel_size, strides=2, padding="same"):
    """Generator block: transposed convolution (upsampling), batch norm, ReLU."""
    x = layers.Conv2DTranspose(filters, kernel_size, strides, padding, use_bias=False, kernel_initializer=init)(x)
    return layers.ReLU()(layers.BatchNormalization()(x))


def d_block(x, filters, batch_norm=True):
    """Discriminator block: stride-2 convolution (downsampling), batch norm, leaky ReLU 0.2."""
    x = layers.Conv2D(filters, 4, strides=2, padding="same", use_bias=not batch_norm, kernel_initializer=init)(x)
    if batch_norm:
        x = layers.BatchNormalization()(x)
    return layers.LeakyReLU(negative_slope=0.2)(x)


def build_dcgan_generator(codings_size=100):
    codings = keras.Input((codings_size,))
    x = layers.Reshape((1, 1, codings_size))(codings)
    x = g_block(x, 128, kernel_size=7, strides=1, padding="valid")  # 1x1 -> 7x7
    x = g_block(x, 64, kernel_size=4)  # 7x7 -> 14x14
    images = layers.Conv2DTranspose(1, 4, strides=2, padding="same", activation="tanh", kernel_initializer=init)(x)
    return keras.Model(codings, images, name="dcgan_generator")


def build_dcgan_discriminator(channels=1, batch_norm=True):
    images = keras.Input((28, 28, channels))
    x = d_block(images, 32, batch_norm=False)  # 28x28 -> 14x14 (no batch norm on the input side)
    x = d_block(x, 64, batch_norm=batch_norm)  # 14x14 -> 7x7
    logits = layers.Flatten()(layers.Conv2D(1, 7, kernel_initializer=init)(x))  # 7x7 -> 1x1x1
    return keras.Model(images, logits, name="dcgan_discriminator")


class GAN(keras.Model):
    """A generator and a discriminator trained in one compiled step, non-saturating generator loss.

    ``discriminator`` ends in a sigmoid (``from_logits=False``) or in a bare logit (``True``).
    The discriminator loss is the mean binary cross-entropy over the real and the fake half batch.
    Conditional GANs: when the data are ``(images, labels)`` pairs, both networks take
    ``[input, labels]`` and the fakes of a step are made for the labels of its real batch.
    """

    def __init__(self, generator, discriminator, from_logits: bool = False, generator_steps: int = 1, **kwargs):
        super().__init__(**kwargs)
        if generator_steps < 1:
            raise ValueError(f"generator_steps must be at least 1, got {generator_steps}")
        self.generator, self.discriminator = generator, discriminator
        codings_shape = generator.input_shape[0] if isinstance(generator.input_shape, list) else generator.input_shape
        self.codings_size = int(codings_shape[-1])  # a conditional generator's first input is the codings
        self.generator_steps = generator_steps
        self.bce = keras.losses.BinaryCrossentropy(from_logits=from_logits)
        self.d_loss_tracker, self.g_loss_tracker = keras.metrics.Mean(name="d_loss"), keras.metrics.Mean(name="g_loss")

    def compile(self, d_optimizer, g_optimizer):
        super().compile()
        self.d_optimizer, self.g_optimizer = d_optimizer, g_optimizer

    @property
    def metrics(self):
        return [self.d_loss_tracker, self.g_loss_tracker]

    def generator_loss(self, fake_scores):
        """Non-saturating: binary cross-entropy with labels 1 ("real"), i.e. mean -log D(G(z))."""
        return self.bce(tf.ones_like(fake_scores), fake_scores)

    def train_step(self, data):
        real_images, labels = data if isinstance(data, tuple) else (data, None)

        def generate_fakes():  # the labels, if any, condition both networks
            codings = keras.random.normal((tf.shape(real_images)[0], self.codings_size))
            return self.generator(codings if labels is None else [codings, labels], training=True)

        def discriminate(images):
            return self.discriminator(images if labels is None else [images, labels], training=True)

        # Phase 1: the discriminator, on reals (label 1) and fakes (label 0).
        fakes = generate_fakes()
        with tf.GradientTape() as tape:
            real_scores, fake_scores = discriminate(real_images), discriminate(fakes)
            d_loss = 0.5 * (
                self.bce(tf.ones_like(real_scores), real_scores) + self.bce(tf.zeros_like(fake_scores), fake_scores)
            )
        grads = tape.gradient(d_loss, self.discriminator.trainable_weights)
        self.d_optimizer.apply(grads, self.discriminator.trainable_weights)
        # Phase 2: the generator, through the (now fixed) discriminator, once or more.
        for _ in range(self.generator_steps):
            with tf.GradientTape() as tape:
                g_loss = self.generator_loss(discriminate(generate_fakes()))
            grads = tape.gradient(g_loss, self.generator.trainable_weights)
            self.g_optimizer.apply(grads, self.generator.trainable_weights)
        self.d_loss_tracker.update_state(d_loss)
        self.g_loss_tracker.update_state(g_loss)
        return {"d_loss": self.d_loss_tracker.result(), "g_loss": self.g_loss_tracker.result()}


def generate(generator, codings: Any, tanh_output: bool = False, batch_size: int = 1000) -> np.ndarray:
    """Run ``generator`` on ``codings`` and return images (n, 28, 28) in [0, 1] (tanh outputs are rescaled)."""
    images = np.asarray(generator.predict(codings, batch_size=batch_size, verbose=0), dtype=np.float32)
    # (``codings`` may be a list of inputs, such as [codings, labels] for a conditional generator)
    if images.ndim == 4 and images.shape[-1] == 1:
        images = images[..., 0]
    return (images + 1.0) / 2.0 if tanh_output else images


class GANMonitor(keras.callbacks.Callback):
    """After every epoch: the losses, the quality score of samples from fixed noise, and a grid of them.

    ``history`` holds ``d_loss``, ``g_loss`` and ``score`` per epoch; ``frames`` the first
    ``n_frame`` samples before training (``frames[0]``) and after every epoch, for
    :func:`helpers.save_gif`. With ``grid_name`` each epoch's grid is also written to
    ``build/figures/<grid_name>_epoch_<n>.png``.
    """

    def __init__(
        self,
        fixed_codings: Any,
        tanh_output: bool = False,
        n_frame: int = 20,
        grid_name: str | None = None,
        verbose: bool = True,
        loss_keys: Sequence[str] = ("d_loss", "g_loss"),
    ) -> None:
        super().__init__()
        self.fixed_codings, self.tanh_output = fixed_codings, tanh_output  # an array, or [codings, labels]
        self.n_frame, self.grid_name, self.verbose = n_frame, grid_name, verbose
        self.loss_keys = tuple(loss_keys)
        self.history: dict[str, list[float]] = {key: [] for key in (*self.loss_keys, "score")}
        self.frames: list[np.ndarray] = []
        self.grid_paths: list[Path] = []

    def on_train_begin(self, logs: dict[str, Any] | None = None) -> None:
        if not self.frames:  # a second fit() call continues the animation
            codings = self.fixed_codings
            first = (
                [c[: self.n_frame] for c in codings] if isinstance(codings, list | tuple) else codings[: self.n_frame]
            )
            self.frames.append(generate(self.model.generator, first, self.tanh_output))

    def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        logs = logs or {}
        samples = generate(self.model.generator, self.fixed_codings, self.tanh_output)
        for key in self.loss_keys:
            self.history[key].append(float(logs[key]))
        self.history["score"].append(fashion_fid(samples))
        self.frames.append(samples[: self.n_frame])
        if self.grid_name:
            path = build_dir() / "figures" / f"{self.grid_name}_epoch_{epoch + 1:03d}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            fig = plot_image_grid(self.frames[-1], n_cols=10, scale=0.8)
            fig.suptitle(f"epoch {epoch + 1}", fontsize=9)
            fig.savefig(path, dpi=60)
            plt.close(fig)  # saved, not shown: the notebook shows the animation instead
            self.grid_paths.append(path)
        if self.verbose:
            losses = "  ".join(f"{key} {self.history[key][-1]:.3f}" for key in self.loss_keys)
            epochs = self.params.get("epochs", "?")
            print(f"epoch {epoch + 1}/{epochs}  {losses}  quality score {self.history['score'][-1]:.1f}", flush=True)
