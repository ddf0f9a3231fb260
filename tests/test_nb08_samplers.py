"""Notebook 08's samplers and guidance, audited on its own code (the functions of its cells).

DDIM with eta = 1 must be DDPM's ancestral step, its grid of T steps DDPM's chain, and
classifier-free guidance must mix the network's two estimates as the formula says, whatever
the weights: two implementations that must agree, run here so the notebook need not assert them.
"""

import ast
import functools
import json

import keras
import numpy as np
import pytest
import tensorflow as tf
from keras import layers, ops

import helpers
from helpers.paths import NOTEBOOKS_DIR

NOTEBOOK = NOTEBOOKS_DIR / "08_diffusion.ipynb"
CONSTANTS = ("T", "N_CLASSES", "NO_LABEL")


@pytest.fixture(scope="module")
def nb():
    """The notebook's constants, functions and classes, executed in one namespace."""
    cells = [c for c in json.loads(NOTEBOOK.read_text())["cells"] if c["cell_type"] == "code"]
    nodes = [node for c in cells for node in ast.parse("".join(c["source"])).body]

    def assigns(*names):
        return [n for n in nodes if isinstance(n, ast.Assign) and len(n.targets) == 1
                and getattr(n.targets[0], "id", None) in names]

    namespace = {"np": np, "keras": keras, "layers": layers, "ops": ops, "tf": tf,
                 "functools": functools, "helpers": helpers}
    definitions = [n for n in nodes if isinstance(n, ast.FunctionDef | ast.ClassDef)]
    for group in (assigns(*CONSTANTS), definitions):
        exec(compile(ast.Module(body=group, type_ignores=[]), str(NOTEBOOK), "exec"), namespace)
    namespace["ALPHA_BARS"] = namespace["cosine_alpha_bars"]()
    body = assigns("BETAS", "T_START")
    exec(compile(ast.Module(body=body, type_ignores=[]), str(NOTEBOOK), "exec"), namespace)
    return namespace


def fake_estimate(x, t):
    """A noise estimate that depends on x and t nonlinearly, standing in for a network."""
    return 0.5 * np.tanh(x) + 0.01 * t / 1000


def test_ddim_step_with_eta_one_is_the_ddpm_step(nb):
    x, z = np.random.default_rng(0).standard_normal((2, 4, 28, 28, 1))
    for t in (nb["T"] - 1, nb["T"] // 2, 1, 0):
        following = nb["ALPHA_BARS"][t - 1] if t > 0 else 1.0
        ddim = nb["ddim_step"](fake_estimate, x, t, following, z, eta=1.0)
        np.testing.assert_allclose(ddim, nb["ddpm_step"](fake_estimate, x, t, z), atol=1e-9)


def test_ddim_step_with_eta_zero_ignores_the_fresh_noise(nb):
    x, z = np.random.default_rng(1).standard_normal((2, 3, 28, 28, 1))
    step = functools.partial(nb["ddim_step"], fake_estimate, x, 500, nb["ALPHA_BARS"][300])
    np.testing.assert_array_equal(step(z), step(-z))
    assert not np.allclose(step(z, eta=1.0), step(-z, eta=1.0))


def test_ddim_grids(nb):
    T, start, alpha_bars = nb["T"], nb["T_START"], nb["ALPHA_BARS"]
    # every grid starts at the last step, where the forward process ends in pure noise
    assert start == T - 1 and alpha_bars[start] < 1e-3
    for n in (1, 2, 5, 10, 20, 50, 100):
        grid = nb["ddim_grid"](n)
        assert len(grid) == n and grid[0] == start and np.all(np.diff(grid) < 0)
        assert grid[-1] > 0, "no step wasted at t = 0 unless the grid is DDPM's own"
    np.testing.assert_array_equal(nb["ddim_grid"](T), np.arange(T)[::-1])


def test_the_sampling_loop_with_t_steps_and_eta_one_is_ddpm(nb):
    noise = np.random.default_rng(2).standard_normal((2, 28, 28, 1))
    rng, x = np.random.default_rng(7), noise
    for t in range(nb["T"] - 1, -1, -1):
        x = nb["ddpm_step"](fake_estimate, x, t, rng.standard_normal(x.shape))
    loop = nb["ddim_sample"](fake_estimate, noise, nb["T"], eta=1.0, seed=7)
    np.testing.assert_allclose(loop, nb["to_unit"](x), atol=1e-6)


@pytest.fixture(scope="module")
def network(nb):
    keras.utils.set_random_seed(0)
    # widths of 16: two channels per normalisation group (one would normalise the embedding away)
    network = nb["build_unet"]((16, 16, 16), embedding_dim=16)
    rng = np.random.default_rng(0)
    # random weights everywhere (the last convolution starts at zero: the output would be 0)
    for weight in network.weights:
        weight.assign(0.2 * rng.standard_normal(weight.shape))
    return network


def test_noise_estimate_stitches_its_chunks(nb, network):
    n = 1_200  # two calls of the network: 1,000 images, then 200
    x = np.random.default_rng(3).standard_normal((n, 28, 28, 1)).astype("float32")
    labels = np.arange(n, dtype="int32") % 11
    direct = network([x, np.full(n, 400, dtype="int32"), labels]).numpy()
    np.testing.assert_allclose(nb["noise_estimate"](network, x, 400, labels), direct, atol=1e-5)


def test_guidance_mixes_the_two_estimates(nb, network):
    x = np.random.default_rng(4).standard_normal((20, 28, 28, 1)).astype("float32")
    labels = np.arange(20, dtype="int32") % 10
    without = nb["no_label"](network)(x, 700)
    with_label = nb["noise_estimate"](network, x, 700, labels)
    # the label reaches the network: asking for a class changes the estimate
    assert np.abs(with_label - without).max() > 1e-3
    for scale in (0.0, 1.0, 3.0):
        guided = nb["guided"](network, labels, scale)(x, 700)
        np.testing.assert_allclose(guided, without + scale * (with_label - without), atol=1e-4)
