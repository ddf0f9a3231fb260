"""The GAN training step of notebook 04, for the later notebooks, and ``generate`` to sample a generator.

Notebook 04 writes this class out line by line to teach it; from notebook 05 on it is imported as
``helpers.GAN``, with four generalisations: the discriminator may return logits, the generator may
take several steps per discriminator step, real and fake images go through the discriminator in
separate batches (so batch normalization in it never mixes their statistics), and ``(images,
labels)`` data condition both networks on the labels (notebook 06's conditional GAN).
"""

from __future__ import annotations

from typing import Any

import keras
import numpy as np
import tensorflow as tf


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
        return self.bce(keras.ops.ones_like(fake_scores), fake_scores)

    def train_step(self, data):
        real_images, labels = data if isinstance(data, tuple) else (data, None)

        def generate_fakes():  # the labels, if any, condition both networks
            codings = keras.random.normal((keras.ops.shape(real_images)[0], self.codings_size))
            return self.generator(codings if labels is None else [codings, labels], training=True)

        def discriminate(images):
            return self.discriminator(images if labels is None else [images, labels], training=True)

        # Phase 1: the discriminator, on reals (label 1) and fakes (label 0).
        fakes = generate_fakes()
        with tf.GradientTape() as tape:
            real_scores, fake_scores = discriminate(real_images), discriminate(fakes)
            real_loss = self.bce(keras.ops.ones_like(real_scores), real_scores)
            d_loss = 0.5 * (real_loss + self.bce(keras.ops.zeros_like(fake_scores), fake_scores))
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
