import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

from helpers.plots import (
    plot_class_shares,
    plot_history,
    plot_image_grid,
    plot_reconstructions,
    plot_scatter_by_class,
    save_fig,
    save_gif,
    tile_images,
)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_image_grid_lays_out_rows_and_titles(fashion):
    fig = plot_image_grid(fashion.x_test[:12], n_cols=5, titles=[str(i) for i in range(12)])
    assert len(fig.axes) == 15  # 3 rows of 5, the last 3 left empty
    assert fig.axes[11].get_title() == "11" and not fig.axes[12].images


def test_image_grid_accepts_a_channel_axis(fashion):
    assert len(plot_image_grid(fashion.x_test[:4, :, :, None], n_cols=4).axes) == 4


def test_image_grid_checks_its_images():
    # The contract itself is tested in tests/test_images.py; here: the grid applies it.
    with pytest.raises(ValueError, match=r"\(images \+ 1\) / 2"):
        plot_image_grid(np.full((4, 28, 28), -0.5, dtype="float32"))


def test_reconstructions_put_originals_above(fashion):
    fig = plot_reconstructions(fashion.x_test[:6], fashion.x_test[:6] * 0.5, n=6)
    assert len(fig.axes) == 12
    np.testing.assert_array_equal(fig.axes[0].images[0].get_array(), fashion.x_test[0])
    np.testing.assert_array_equal(fig.axes[6].images[0].get_array(), fashion.x_test[0] * 0.5)


def test_reconstructions_need_matching_counts(fashion):
    with pytest.raises(ValueError, match="6 originals but 3 reconstructions"):
        plot_reconstructions(fashion.x_test[:6], fashion.x_test[:3], n=6)


def test_scatter_has_one_legend_entry_per_class(fashion):
    points = np.random.default_rng(0).normal(size=(200, 2))
    fig = plot_scatter_by_class(points, fashion.y_test[:200], fashion.class_names)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels == list(fashion.class_names)


def test_scatter_rejects_points_that_are_not_2d(fashion):
    with pytest.raises(ValueError, match=r"shape \(n, 2\)"):
        plot_scatter_by_class(np.zeros((10, 3)), fashion.y_test[:10], fashion.class_names)


def test_history_plots_chosen_curves():
    fig = plot_history({"loss": [3, 2, 1], "val_loss": [3.5, 2.5, 2]}, keys=["loss", "val_loss"])
    lines = fig.axes[0].get_lines()
    assert [line.get_label() for line in lines] == ["loss", "val_loss"]
    assert list(lines[0].get_xdata()) == [1, 2, 3]
    with pytest.raises(KeyError, match="accuracy"):
        plot_history({"loss": [1]}, keys=["accuracy"])


def test_save_fig_writes_a_png_under_build(build):
    assert save_fig(plot_history({"loss": [2, 1]}), "curve") is None
    assert (build / "figures" / "01_autoencoders_curve.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_row_titles_label_the_first_image_of_each_row(fashion):
    fig = plot_image_grid(fashion.x_test[:6], n_cols=3, row_titles=["top", "bottom"])
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["top", "", "", "bottom", "", ""]
    with pytest.raises(ValueError, match="2 row_titles"):
        plot_image_grid(fashion.x_test[:6], n_cols=3, row_titles=["only one"])


def test_class_shares_draw_one_bar_per_class_and_set(fashion):
    counts = np.bincount(fashion.y_test, minlength=10)
    fig = plot_class_shares({"test": counts, "one class": np.eye(10)[1] * 5})
    bars = fig.axes[0].patches
    assert len(bars) == 20 and bars[0].get_height() == pytest.approx(0.1) and bars[11].get_height() == 1.0


def test_class_shares_reject_wrong_counts():
    with pytest.raises(ValueError, match="expected 10 counts"):
        plot_class_shares({"bad": [1, 2, 3]})
    with pytest.raises(ValueError, match="at least one"):
        plot_class_shares({})


def test_gif_has_one_frame_per_grid(fashion, build):
    frames = [fashion.x_test[:12], fashion.x_test[12:24], fashion.x_test[24:36]]
    path = save_gif(frames, "anim", captions=["a", "b", "c"], n_cols=6)
    assert path == build / "figures" / "01_autoencoders_anim.gif"
    grid = tile_images(frames[0], n_cols=6)
    with Image.open(path) as gif:
        assert gif.n_frames == 3 and gif.size == (grid.shape[1], grid.shape[0] + 16)  # 16 px for the caption


def test_tile_draws_dark_on_light():
    canvas = tile_images(np.stack([np.zeros((28, 28)), np.ones((28, 28))]), n_cols=2, zoom=1, gap=2)
    assert canvas.shape == (32, 62) and canvas[10, 10] == 255 and canvas[10, 40] == 0


@pytest.mark.parametrize(
    "frames, captions, message",
    [([], None, "at least one frame"), ([np.zeros((4, 28, 28))], ["a", "b"], "1 frames but 2 captions")],
)
def test_gif_rejects_bad_input(build, frames, captions, message):
    with pytest.raises(ValueError, match=message):
        save_gif(frames, "bad", captions=captions)


def test_gif_rejects_tanh_range(build):
    with pytest.raises(ValueError, match=r"\(images \+ 1\) / 2"):
        save_gif([np.full((4, 28, 28), -0.5, dtype="float32")], "bad")
