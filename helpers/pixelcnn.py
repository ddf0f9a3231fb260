"""The PixelCNN's masked convolution, generated from notebook 07's marked cell: do not edit here.

Edit the cell in notebooks/07_explicit_density.ipynb, then run ``make codegen`` (``python -m helpers codegen``).
"""

import keras
import numpy as np
from keras import layers


def raster_mask(kernel_size, mask_type):
    """1 where a kernel may look: rows above the centre; in its row, left of it (B: and itself)."""
    mask = np.zeros((kernel_size, kernel_size), dtype="float32")
    centre = kernel_size // 2
    mask[:centre] = 1
    mask[centre, : centre + (mask_type == "B")] = 1
    return mask


# The registration and get_config() only let keras.models.load_model rebuild a saved model.
@keras.saving.register_keras_serializable(package="notebook07")
class MaskedConv2D(layers.Layer):
    """A "same" convolution that sees only earlier pixels in raster order (mask type "A" or "B")."""

    def __init__(self, mask_type, filters, kernel_size, **kwargs):
        super().__init__(**kwargs)
        if mask_type not in ("A", "B"):
            raise ValueError(f"mask_type must be 'A' or 'B', got {mask_type!r}")
        self.mask_type, self.filters, self.kernel_size = mask_type, filters, kernel_size

    def build(self, input_shape):
        shape = (self.kernel_size, self.kernel_size, input_shape[-1], self.filters)
        self.kernel = self.add_weight(shape=shape, initializer="glorot_uniform", name="kernel")
        self.bias = self.add_weight(shape=(self.filters,), initializer="zeros", name="bias")
        self.mask = raster_mask(self.kernel_size, self.mask_type)[:, :, None, None]

    def call(self, inputs):
        return keras.ops.conv(inputs, self.kernel * self.mask, padding="same") + self.bias

    def get_config(self):
        names = ("mask_type", "filters", "kernel_size")
        return {**super().get_config(), **{name: getattr(self, name) for name in names}}
