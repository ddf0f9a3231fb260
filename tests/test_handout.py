"""helpers.handout: the copies for handing out drop exactly the solutions, on tiny notebooks and the real ones."""

import ast
import json
import re

import nbformat
import pytest
from IPython.core.inputtransformer2 import TransformerManager

from helpers import handout as ho
from helpers.paths import NOTEBOOKS_DIR

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9]*.ipynb"))


def _md(text):
    return {"cell_type": "markdown", "metadata": {}, "source": text.splitlines(keepends=True)}


def _code(text, count=1):
    output = {"output_type": "stream", "name": "stdout", "text": ["printed\n"]}
    return {"cell_type": "code", "metadata": {}, "source": [text], "execution_count": count, "outputs": [output]}


def _nb(cells):
    return {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 4}


BADGE = "[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.example/nb.ipynb)"
HEAD = [_md(f"# Title\n\n{BADGE}\n\nWhat you will learn."), _md("## 1. A section"), _code("x = 1")]


def _sources(nb):
    return ["".join(c["source"]) for c in nb["cells"]]


def test_statements_first_then_solutions_with_continuations():
    """Today's layout: all statements, then the solutions; a solution may start inside the previous one's cell."""
    nb = _nb(
        HEAD
        + [
            _md("## Exercises"),
            _md("1. **One.** Do this.\n2. **Two.** Do that.\n\nTry them before reading the solutions below."),
            _code("starter = 0  # kept: scaffolding for the exercise"),
            _md("**Solution 1.** Here is how:"),
            _code("answer = 1"),
            _md("What the output shows.\n\n**Solution 2.** And this:"),
            _code("answer = 2"),
        ]
    )
    assert ho.solution_cells(nb["cells"]) == [6, 7, 8, 9]
    copy = ho.handout(nb)
    texts = _sources(copy)
    assert texts[:-1] == [
        "# Title\n\nWhat you will learn.",
        "## 1. A section",
        "x = 1",
        "## Exercises",
        "1. **One.** Do this.\n2. **Two.** Do that.\n\nTry them before reading the solutions below.",
        "starter = 0  # kept: scaffolding for the exercise",
    ]
    assert texts[-1] == ho.NO_SOLUTIONS_NOTE
    code = [c for c in copy["cells"] if c["cell_type"] == "code"]
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)
    assert nb["cells"][2]["outputs"], "the original is left alone"


def test_interleaved_statements_and_solutions():
    nb = _nb(
        HEAD
        + [
            _md("## Exercises\n\n1. **One.** Do this."),
            _md("**Solution 1.**"),
            _code("answer = 1"),
            _md("2. **Two.** Do that."),
            _code("starter = 2"),
            _md("**Solution 2.** Like this."),
        ]
    )
    assert ho.solution_cells(nb["cells"]) == [4, 5, 8]
    kept = ["## Exercises\n\n1. **One.** Do this.", "2. **Two.** Do that.", "starter = 2"]
    assert _sources(ho.handout(nb))[3:6] == kept


@pytest.mark.parametrize(
    ("exercises", "message"),
    [
        ([_md("## Exercises\n\n1. **One.** Do this.\n\n**Solution 1.** Inline.")], "not a solution's"),
        ([_md("## Exercises"), _md("1. **One.**\n2. **Two.**"), _md("**Solution 1.**")], "one to one"),
        ([_md("## Exercises"), _md("1. **One.**"), _md("**Solution 1.**"), _md("**Solution 2.**")], "one to one"),
        ([_md("## Exercises"), _md("Do something."), _md("**Solution 1.**")], "no statement"),
        ([_md("## Exercises\n\n1. **One.**"), _md("**Solution 1.**"), _md("## 9. After")], "last"),
        ([_md("## 2. No exercises")], "no '## Exercises'"),
    ],
    ids=["inside-a-statement", "unsolved", "unstated", "unnumbered", "not-last", "missing"],
)
def test_a_breach_of_the_convention_is_an_error_not_a_leak(exercises, message):
    with pytest.raises(ho.HandoutError, match=message):
        ho.handout(_nb(HEAD + exercises))


def test_command_writes_every_copy_and_fails_with_the_notebook_named(tmp_path, capsys):
    assert ho.main(["--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.glob("*.ipynb")) == [p.name for p in NOTEBOOKS]
    assert ho.main(["no_such.ipynb", "--out", str(tmp_path)]) == 2
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "99_bad.ipynb").write_text(json.dumps(_nb(HEAD + [_md("## 2. No exercises")])))
    with pytest.raises(ho.HandoutError, match="99_bad.ipynb: no '## Exercises'"):
        ho.write_handout(bad / "99_bad.ipynb", tmp_path)
    capsys.readouterr()


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.name)
def real(request, tmp_path):
    """(original, handout copy) of one of the collection's notebooks, the copy written and read back."""
    written = ho.write_handout(request.param, tmp_path)
    return json.loads(request.param.read_text()), nbformat.read(written, as_version=4)


def test_real_handout_has_no_solution_and_no_output(real):
    _, copy = real
    for cell in copy.cells:
        assert not re.search(r"\*\*solution|#+\s*solution", cell.source, re.IGNORECASE), cell.source[:80]
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    assert "colab.research.google.com/github" not in copy.cells[0].source, "the badge opens the solutions"


def test_real_handout_keeps_every_exercise_statement(real):
    original, copy = real
    start = ho.exercises_start(original["cells"])
    statements = [
        line
        for cell in original["cells"][start:]
        for line in "".join(cell["source"]).splitlines()
        if re.match(r"\d+\. \*\*", line)
    ]
    numbers = {s.split(".", 1)[0] for s in statements}
    markdown = "\n".join("".join(c["source"]) for c in original["cells"][start:] if c["cell_type"] == "markdown")
    solved = set(re.findall(r"^\*\*Solution (\d+)\.", markdown, re.MULTILINE))
    assert numbers and numbers == solved, "every exercise has its '**Solution N.**'"
    kept = "\n".join(c.source for c in copy.cells)
    assert all(s in kept for s in statements)
    # everything before the exercises' solutions is there, in order, with its ids
    first_solution = min(ho.solution_cells(original["cells"]))
    assert [c.id for c in copy.cells[:first_solution]] == [c["id"] for c in original["cells"][:first_solution]]


def test_real_handout_is_a_valid_notebook_whose_code_parses(real):
    _, copy = real
    nbformat.validate(copy)
    for cell in copy.cells:
        if cell.cell_type == "code":
            ast.parse(TransformerManager().transform_cell(cell.source))
