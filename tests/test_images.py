"""helpers.images: the (n, 28, 28) in [0, 1] contract."""

import numpy as np
import pytest

from helpers.images import check_images


def test_a_channel_axis_is_dropped():
    assert check_images(np.zeros((3, 28, 28, 1), dtype="float32")).shape == (3, 28, 28)


@pytest.mark.parametrize(
    "images, message",
    [
        (np.zeros((4, 784), dtype="float32"), r"shape \(n, 28, 28\).*reshape"),
        (np.zeros((4, 28, 28, 3), dtype="float32"), r"shape \(n, 28, 28\)"),
        (np.zeros((4, 28, 28), dtype="uint8"), "divide uint8 pixels by 255"),
        (np.full((4, 28, 28), -0.5, dtype="float32"), r"\(images \+ 1\) / 2"),
        (np.full((4, 28, 28), 255.0, dtype="float32"), r"values in \[0, 1\], got \[255, 255\]\.$"),
        (np.full((4, 28, 28), np.nan, dtype="float32"), "NaN"),
    ],
)
def test_bad_images_are_refused_with_the_fix(images, message):
    with pytest.raises(ValueError, match=message):
        check_images(images)
