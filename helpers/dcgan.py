"""The DCGAN's blocks and builders, generated from notebook 05's marked cell: do not edit here.

Edit the cell in notebooks/05_dcgan.ipynb, then run ``make codegen`` (``python -m helpers codegen``).
"""

import keras
from keras import layers


def init():
    return keras.initializers.RandomNormal(mean=0.0, stddev=0.02)


def g_block(x, filters, kernel_size, strides=2, padding="same"):
    conv = layers.Conv2DTranspose(filters, kernel_size, strides, padding, use_bias=False,
                                  kernel_initializer=init())
    return layers.ReLU()(layers.BatchNormalization()(conv(x)))


def d_block(x, filters, batch_norm=True):
    x = layers.Conv2D(filters, 4, strides=2, padding="same", use_bias=not batch_norm,
                      kernel_initializer=init())(x)
    x = layers.BatchNormalization()(x) if batch_norm else x
    return layers.LeakyReLU(negative_slope=0.2)(x)


def build_dcgan_generator(codings_size=100):
    """Codings -> 7x7x128 -> 14x14x64 -> 28x28x1 images in [-1, 1] (tanh)."""
    codings = keras.Input((codings_size,))
    x = layers.Reshape((1, 1, codings_size))(codings)
    x = g_block(x, 128, kernel_size=7, strides=1, padding="valid")
    x = g_block(x, 64, kernel_size=4)
    images = layers.Conv2DTranspose(1, 4, strides=2, padding="same", activation="tanh",
                                    kernel_initializer=init())(x)
    return keras.Model(codings, images, name="dcgan_generator")


def build_dcgan_discriminator(channels=1, batch_norm=True):
    """channels > 1: a conditional discriminator; batch_norm=False: a WGAN critic (notebook 06)."""
    images = keras.Input((28, 28, channels))
    x = d_block(images, 32, batch_norm=False)
    x = d_block(x, 64, batch_norm=batch_norm)
    logits = layers.Flatten()(layers.Conv2D(1, 7, kernel_initializer=init())(x))
    return keras.Model(images, logits, name="dcgan_discriminator")
