"""Every notebook has the agreed skeleton and carries fresh, in-order stored outputs."""

import json
import re
from pathlib import Path

import pytest

from helpers.colab import REPO_URL, colab_url

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))
README = Path(__file__).resolve().parent.parent / "README.md"


def test_there_are_notebooks_and_they_are_numbered():
    assert NOTEBOOKS, "notebooks/ holds no notebook"
    for path in NOTEBOOKS:
        assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", path.name), path.name
    numbers = [int(p.name[:2]) for p in NOTEBOOKS]
    assert numbers == list(range(1, len(numbers) + 1)), "notebooks must be numbered 01, 02, ... without gaps"


def _cells(path, kind):
    nb = json.loads(path.read_text())
    return [c for c in nb["cells"] if c["cell_type"] == kind]


def _text(cell):
    return "".join(cell["source"])


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.name)
def notebook(request):
    return request.param


def test_one_h1_title_first(notebook):
    markdown = [_text(c) for c in _cells(notebook, "markdown")]
    h1 = [line for text in markdown for line in text.splitlines() if re.match(r"# \S", line)]
    assert len(h1) == 1, f"expected one H1, found {h1}"
    assert markdown[0].startswith("# "), "the first cell must start with the H1 title"


def test_colab_badge_points_at_its_own_path(notebook):
    first = _text(_cells(notebook, "markdown")[0])
    links = re.findall(r"https://colab\.research\.google\.com/github/[^)\s]+", first)
    assert links == [colab_url(notebook.name)], "run `make colab-links` to fix the badge"


def test_setup_section_has_one_code_cell_that_follows_the_repo_constant(notebook):
    nb = json.loads(notebook.read_text())
    cells = nb["cells"]
    headings = [i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and _text(c).startswith("## ")]
    setup = [i for i in headings if _text(cells[i]).startswith("## Setup")]
    assert len(setup) == 1, "one '## Setup' section"
    end = next((i for i in headings if i > setup[0]), len(cells))
    code = [c for c in cells[setup[0] + 1 : end] if c["cell_type"] == "code"]
    assert len(code) == 1, "the Setup section holds a single code cell"
    assert f'REPO_URL = "{REPO_URL}"' in _text(code[0]), "run `make colab-links` to fix the Setup cell"
    assert "google.colab" in _text(code[0])


def test_sections_are_numbered_and_end_with_exercises(notebook):
    headings = [line for c in _cells(notebook, "markdown") for line in _text(c).splitlines() if line.startswith("## ")]
    assert headings[0] == "## Setup"
    numbered = headings[1:-1]
    assert numbered, "numbered sections between Setup and Exercises"
    for index, heading in enumerate(numbered, start=1):
        assert heading.startswith(f"## {index}. "), f"section {index} is {heading!r}"
    assert headings[-1].startswith("## Exercises")
    solutions = [c for c in _cells(notebook, "markdown") if "solution" in _text(c).lower()]
    assert solutions, "exercises come with solutions"


def test_stored_outputs_are_from_one_run_in_order(notebook):
    code = [c for c in _cells(notebook, "code") if _text(c).strip()]
    counts = [c["execution_count"] for c in code]
    assert counts == list(range(1, len(code) + 1)), "re-run with `make outputs NB=...` (counts must be 1..N)"
    errors = [o for c in code for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors, "stored outputs contain an error"


def test_stored_outputs_come_from_the_quick_profile(notebook):
    text = notebook.read_text()
    assert "profile: quick" in text, "committed outputs are made by `make outputs` (quick profile)"


def test_size_under_3_mb(notebook):
    assert notebook.stat().st_size < 3_000_000


def test_checked_outputs_do_not_depend_on_the_profile(notebook):
    for cell in _cells(notebook, "code"):
        if "NBVAL_CHECK_OUTPUT" in _text(cell):
            assert "profile" not in _text(cell).split("NBVAL_CHECK_OUTPUT", 1)[1], "a checked cell reads the profile"


def test_readme_lists_every_notebook_with_its_badge():
    readme = README.read_text()
    for path in NOTEBOOKS:
        assert f"notebooks/{path.name}" in readme, f"README does not link {path.name}"
        assert colab_url(path.name) in readme, f"README has no Colab badge for {path.name}"
