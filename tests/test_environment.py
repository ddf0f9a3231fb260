"""The environment the tests run in is the one they claim: pinned versions, and nbval's kernel in this venv.

``make test-colab`` runs these tests in ``.venv-colab`` (Python 3.13) with ``CONSTRAINTS=constraints-colab.txt`` in
the environment; ``make test`` runs them in ``.venv`` without it (the pin check is then skipped).
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import sys
from pathlib import Path

import keras
import pytest

REPO = Path(__file__).resolve().parent.parent


def _pins(path: Path) -> dict[str, str]:
    """``name==version`` lines of a constraints file, names normalised as in PEP 503."""
    pins = {}
    for line in path.read_text().splitlines():
        match = re.fullmatch(r"\s*([A-Za-z0-9_.-]+)\s*==\s*([^\s#;]+)\s*(#.*)?", line)
        if match:
            pins[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
    return pins


def test_requirements_lower_bounds_are_colabs_versions():
    """Each package of constraints-colab.txt is required, from exactly Colab's version (what is tested)."""
    pins = _pins(REPO / "constraints-colab.txt")
    lower = {}
    for line in (REPO / "requirements.txt").read_text().splitlines():
        if match := re.match(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9.]+)", line):
            lower[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
    # h5py comes with Keras and is not imported by the notebooks; TensorFlow 2.21 caps it below Colab's 3.16
    transitive = {"h5py"}
    for name, version in pins.items():
        if name in transitive:
            assert name not in lower, f"{name} is pinned as transitive but requirements.txt requires it"
            continue
        assert name in lower, f"{name}=={version} is pinned for Colab but requirements.txt does not require it"
        bound = lower[name] + ".0" * (3 - len(lower[name].split(".")))  # 2.20 -> 2.20.0, the first admitted
        assert bound == version, f"requirements.txt admits {name} from {lower[name]}, Colab ships {version}"


def test_installed_versions_are_the_pinned_ones():
    """Under ``make test-colab`` every pinned package is installed at its pin (else pip ignored the file)."""
    constraints = os.environ.get("CONSTRAINTS", "").strip()
    if not constraints:
        pytest.skip("no CONSTRAINTS file in the environment (only `make test-colab` sets one)")
    wrong = {
        name: (version, importlib.metadata.version(name))
        for name, version in _pins(REPO / constraints).items()
        if importlib.metadata.version(name) != version
    }
    assert not wrong, f"pinned vs installed: {wrong}"
    if constraints.endswith("constraints-colab.txt"):
        assert sys.version_info[:2] == (3, 13), "Colab's runtime is Python 3.13"


@pytest.fixture(scope="module")
def kernel():
    """A kernel started the way ``pytest --nbval-current-env`` starts the notebooks' kernels."""
    from nbval.kernel import CURRENT_ENV_KERNEL_NAME, start_new_kernel

    manager, client = start_new_kernel(kernel_name=CURRENT_ENV_KERNEL_NAME)
    yield client
    client.stop_channels()
    manager.shutdown_kernel(now=True)


def run_cell(client, code: str) -> list[dict]:
    """Execute one cell; return its output messages (stdout text, display data ...), failing on an error."""
    outputs: list[dict] = []
    reply = client.execute_interactive(code, output_hook=outputs.append, timeout=60)
    assert reply["content"]["status"] == "ok", reply["content"]
    return [m for m in outputs if m["msg_type"] in ("stream", "display_data", "execute_result")]


def stdout(outputs: list[dict]) -> str:
    """What a cell printed (not the warnings an import writes to stderr)."""
    streams = [m["content"] for m in outputs if m["msg_type"] == "stream"]
    return "".join(content["text"] for content in streams if content["name"] == "stdout")


def test_nbval_kernel_runs_in_this_environment(kernel):
    """``--nbval-current-env`` starts the notebooks' kernel from this venv's python, so it imports this Keras."""
    printed = stdout(run_cell(kernel, "import sys, keras; print(sys.prefix, keras.__version__)"))
    prefix, version = printed.split()  # sys.prefix: venvs share one resolved interpreter
    assert (Path(prefix), version) == (Path(sys.prefix), keras.__version__)


def test_a_figure_is_shown_by_the_cell_that_makes_it(kernel):
    """matplotlib 3.8 with today's IPython showed a kernel's first figure one cell late (hence matplotlib>=3.9)."""
    made = run_cell(kernel, "import matplotlib.pyplot as plt\nfig = plt.figure(figsize=(1, 1))\nplt.plot([0, 1])\nNone")
    after = run_cell(kernel, "print('next cell')")
    assert [m["msg_type"] for m in made] == ["display_data"] and stdout(after) == "next cell\n"
