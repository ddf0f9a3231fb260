"""helpers.picture: the README's samples picture, drawn from a tiny fake build folder."""

import ast
import json

import matplotlib.image
import numpy as np
import pytest

from helpers import picture
from helpers.paths import NOTEBOOKS_DIR


def _fake_outputs(root, rows):
    """Saved samples as `make outputs` leaves them: <notebook>/samples/<model>.npy, (n, 28, 28) in [0, 1]."""
    for notebook, model, n in rows:
        path = picture.samples_path(root, notebook, model)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, np.random.default_rng(0).random((n, 28, 28), dtype=np.float32))


def test_one_row_per_generator_found_and_the_missing_ones_named(tmp_path, capsys):
    _fake_outputs(tmp_path / "outputs", [("05_dcgan", "dcgan", 50), ("08_diffusion", "diffusion", 3)])
    out = tmp_path / "docs" / "samples.png"
    assert picture.main(["--build", str(tmp_path / "outputs"), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"wrote {out}" in printed and "no samples for: VAE (03)" in printed
    labels, images, missing = picture.collect(tmp_path / "outputs")
    assert labels == ["DCGAN (05)", "diffusion (08)"]
    assert [len(i) for i in images] == [picture.PER_ROW, 3]
    assert len(missing) == len(picture.ROWS) - 2
    height, width, _ = matplotlib.image.imread(out).shape
    assert width > 5 * height / 2, "two rows of ten images: wider than tall"


def test_no_samples_is_an_error_that_names_make_outputs(tmp_path, capsys):
    assert picture.main(["--build", str(tmp_path / "empty"), "--out", str(tmp_path / "p.png")]) == 1
    assert "run `make outputs` first" in capsys.readouterr().err
    assert not (tmp_path / "p.png").exists()


def test_samples_outside_the_contract_are_refused(tmp_path):
    path = picture.samples_path(tmp_path, "05_dcgan", "dcgan")
    path.parent.mkdir(parents=True)
    np.save(path, np.full((4, 28, 28), 2.0, dtype=np.float32))
    with pytest.raises(ValueError, match="dcgan.npy"):
        picture.make_picture(tmp_path, tmp_path / "p.png")


def test_pick_spreads_over_class_ordered_samples():
    """Samples stored class by class (1,000 of each) give one image of each class."""
    classes = np.repeat(np.arange(10), 1000).astype(np.float32)[:, None, None] * np.ones((1, 28, 28)) / 10
    assert [float(image[0, 0]) for image in picture.pick(classes)] == pytest.approx(np.arange(10) / 10)
    assert len(picture.pick(classes[:4])) == 4


def _reported_names(notebook):
    """First arguments of helpers.report_samples / save_samples in a notebook's code, where literal."""
    names = set()
    for cell in json.loads((NOTEBOOKS_DIR / f"{notebook}.ipynb").read_text())["cells"]:
        if cell["cell_type"] != "code":
            continue
        try:
            tree = ast.parse("".join(cell["source"]))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) in ("report_samples", "save_samples"):
                if node.args and isinstance(node.args[0], ast.Constant):
                    names.add(node.args[0].value)
    return names


@pytest.mark.parametrize("row", picture.ROWS, ids=lambda row: f"{row[0]}:{row[1]}")
def test_every_row_is_a_generator_its_notebook_reports(row):
    notebook, model, _ = row
    assert model in _reported_names(notebook), f"{notebook} no longer reports samples as {model!r}: update ROWS"
