"""helpers.callbacks: one progress line per epoch, and the GAN monitor."""

import keras
import numpy as np

from helpers import callbacks, gan


def test_epoch_line_format():
    line = callbacks.epoch_line(3, 10, {"loss": 0.123456, "val_loss": 2.0}, 12.4)
    assert line == "epoch  3/10  loss 0.1235  val_loss 2  (12 s)"


def test_epoch_logger_prints_one_rounded_line_per_epoch(capsys):
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    x = np.ones((8, 2), dtype="float32")
    logger = callbacks.EpochLogger()
    model.fit(x, x[:, :1], validation_data=(x, x[:, :1]), epochs=3, verbose=0, callbacks=[logger])
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("epoch 1/3  loss ") and "val_loss " in lines[0] and lines[0].endswith(" s)")


def test_monitor_scores_every_epoch_and_keeps_frames(fashion, build, capsys, tiny_dcgan):
    generator, discriminator = tiny_dcgan
    model = gan.GAN(generator, discriminator, from_logits=True)
    model.compile(keras.optimizers.Adam(2e-4, beta_1=0.5), keras.optimizers.Adam(2e-4, beta_1=0.5))
    codings = np.random.default_rng(0).normal(size=(50, 8)).astype("float32")
    monitor = callbacks.GANMonitor(codings, tanh_output=True, n_frame=6, grid_name="tiny")
    model.fit(fashion.x_train[:64, :, :, None] * 2 - 1, batch_size=32, epochs=2, verbose=0, callbacks=[monitor])
    assert len(monitor.history["fashion_fd"]) == 2 and all(s > 0 for s in monitor.history["fashion_fd"])
    assert len(monitor.frames) == 3 and monitor.frames[0].shape == (6, 28, 28)  # before training + 2 epochs
    assert monitor.samples.shape == (50, 28, 28)  # the last epoch's samples, every fixed coding
    assert monitor.figure_names == ["tiny_epoch_001", "tiny_epoch_002"]
    assert len(monitor.epoch_seconds) == 2 and all(s > 0 for s in monitor.epoch_seconds)
    assert all((build / "figures" / f"01_autoencoders_{name}.png").exists() for name in monitor.figure_names)
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2 and lines[1].startswith("epoch 2/2  d_loss ") and " fashion_fd " in lines[1]
