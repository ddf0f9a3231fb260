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


def test_initial_weights_follow_the_global_seed():
    """One shared unseeded Keras 3 initializer would give every build, whatever the seed, the same draw."""
    from helpers.seeding import seed_everything

    def first_kernels(seed):
        seed_everything(seed)
        layers = dcgan.build_dcgan_discriminator().layers
        return [layer.kernel.numpy().ravel() for layer in layers if isinstance(layer, keras.layers.Conv2D)]

    first, again, other = first_kernels(42), first_kernels(42), first_kernels(43)
    assert all((a == b).all() for a, b in zip(first, again, strict=True)), "the same seed repeats the weights"
    assert not any((a == b).all() for a, b in zip(first, other, strict=True)), "another seed draws other weights"
    # and no layer's kernel is the start of another's (the signature of one stream shared by all layers)
    assert not (first[1][: first[0].size] == first[0]).all()
