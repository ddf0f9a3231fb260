"""helpers.dcgan: the DCGAN builders generated from notebook 05."""

import keras

from helpers import dcgan


def test_dcgan_builders_shapes_and_options():
    generator = dcgan.build_dcgan_generator(110)
    assert generator.input_shape == (None, 110) and generator.output_shape == (None, 28, 28, 1)
    conditional = dcgan.build_dcgan_discriminator(channels=11)
    assert conditional.input_shape == (None, 28, 28, 11) and conditional.output_shape == (None, 1)
    has_bn = [isinstance(layer, keras.layers.BatchNormalization) for layer in dcgan.build_dcgan_discriminator().layers]
    critic = dcgan.build_dcgan_discriminator(batch_norm=False)
    assert any(has_bn) and not any(isinstance(layer, keras.layers.BatchNormalization) for layer in critic.layers)


def test_weights_are_drawn_from_n_0_002():
    generator = dcgan.build_dcgan_generator(100)
    kernels = [layer.kernel.numpy() for layer in generator.layers if isinstance(layer, keras.layers.Conv2DTranspose)]
    assert all(abs(kernel.std() - 0.02) < 0.002 and abs(kernel.mean()) < 0.002 for kernel in kernels)
