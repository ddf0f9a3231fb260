"""Every notebook has the agreed skeleton and carries fresh, in-order stored outputs."""

import ast
import json
import re

import pytest

from helpers.colab import colab_url, setup_cell_index
from helpers.paths import NOTEBOOKS_DIR, REPO_ROOT

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
README = REPO_ROOT / "README.md"
CONTRIBUTING = REPO_ROOT / "CONTRIBUTING.md"
# A measured-looking number: a decimal or a percentage (what a run prints and prose might quote).
NUMBER_RE = re.compile(r"(?<![\w.])\d+\.\d+%?|(?<![\w.])\d+%")
MAX_CELL_LINES = 40
MAX_LINE_WIDTH = 100


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
    assert links == [colab_url(notebook.name)], "run `make setup-cells` to fix the badge"


def test_setup_section_has_one_code_cell(notebook):
    # Its content follows helpers/colab.py's template: tests/test_colab.py checks and runs it.
    cells = json.loads(notebook.read_text())["cells"]
    headings = [i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and _text(c).startswith("## ")]
    setup = [i for i in headings if _text(cells[i]).startswith("## Setup")]
    assert len(setup) == 1, "one '## Setup' section"
    end = next((i for i in headings if i > setup[0]), len(cells))
    assert len([c for c in cells[setup[0] + 1 : end] if c["cell_type"] == "code"]) == 1


def test_headings_start_their_own_markdown_cell(notebook):
    for cell in _cells(notebook, "markdown"):
        lines = _text(cell).splitlines()
        late = [line for line in lines[1:] if re.match(r"#{1,2} ", line)]
        assert not late, f"put the heading {late[0]!r} at the top of its own markdown cell"


def test_code_cells_are_short_and_narrow(notebook):
    for cell in _cells(notebook, "code"):
        lines = _text(cell).splitlines()
        assert len(lines) <= MAX_CELL_LINES, f"split the cell starting {lines[0]!r} ({len(lines)} lines)"
        wide = [line for line in lines if len(line) > MAX_LINE_WIDTH]
        assert not wide, f"{len(wide)} lines over {MAX_LINE_WIDTH} columns, e.g. {wide[0]!r}"


def test_markdown_quotes_no_measured_number(notebook):
    """A reader in another profile sees other outputs: numbers in prose must be constants of the code.

    Every decimal or percentage in a markdown cell must also appear in a code cell of the same
    notebook (a hyperparameter, a threshold); a measured result is printed by code instead.
    """
    code = "\n".join(_text(c) for c in _cells(notebook, "code"))
    quoted = {m for c in _cells(notebook, "markdown") for m in NUMBER_RE.findall(_text(c)) if m not in code}
    assert not quoted, f"markdown quotes numbers that no code cell holds: {sorted(quoted)}"


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


def test_sources_are_named_not_private_notes(notebook):
    """A student must be able to look a source up: the book, lecture or paper, not "seed 001" or "the notes"."""
    text = "\n".join(_text(c) for c in _cells(notebook, "markdown") + _cells(notebook, "code"))
    private = re.findall(r"seed 00\d|source notes", text, re.IGNORECASE)
    assert not private, f"name the book, lecture or paper instead of {sorted(set(private))}"


def test_stored_outputs_are_from_one_run_in_order(notebook):
    code = [c for c in _cells(notebook, "code") if _text(c).strip()]
    counts = [c["execution_count"] for c in code]
    assert counts == list(range(1, len(code) + 1)), "re-run with `make outputs NB=...` (counts must be 1..N)"
    errors = [o for c in code for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors, "stored outputs contain an error"


def test_stored_outputs_come_from_the_quick_profile(notebook):
    cells = json.loads(notebook.read_text())["cells"]
    setup = cells[setup_cell_index(cells)]
    printed = "".join("".join(o.get("text", "")) for o in setup.get("outputs", []) if o["output_type"] == "stream")
    assert f"notebook: {notebook.stem} | profile: quick |" in printed, "re-make outputs with `make outputs`"


def test_size_under_3_mb(notebook):
    assert notebook.stat().st_size < 3_000_000


def test_checked_outputs_do_not_depend_on_the_profile(notebook):
    for cell in _cells(notebook, "code"):
        if "NBVAL_CHECK_OUTPUT" in _text(cell):
            assert "profile" not in _text(cell).split("NBVAL_CHECK_OUTPUT", 1)[1], "a checked cell reads the profile"


def _calls(name):
    """Every ``helpers.<name>(...)`` call in the notebooks' code: (notebook, call node, its cell's tree)."""
    found = []
    for path in NOTEBOOKS:
        for cell in _cells(path, "code"):
            try:
                tree = ast.parse(_text(cell))
            except SyntaxError:  # IPython magics; none of them call helpers
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == name:
                    found.append((path.name, node, tree))
    return found


def _literal(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def test_every_results_filter_matches_a_recorded_row():
    """A renamed model or metric would silently empty a table: each literal filter must be recorded somewhere."""
    recorded = {"model": set(), "metric": set()}
    for _, call, tree in _calls("record_result") + _calls("report_samples"):
        if call.args and _literal(call.args[0]):
            recorded["model"].add(_literal(call.args[0]))
        if call.func.attr == "record_result" and len(call.args) > 1:
            # A metric passed as a variable (a loop over a dict): any string of that cell may be one.
            strings = {_literal(n) for n in ast.walk(tree)} - {None}
            recorded["metric"] |= {_literal(call.args[1])} if _literal(call.args[1]) else strings
        if call.func.attr == "report_samples":
            metric = next((_literal(k.value) for k in call.keywords if k.arg == "metric"), "fashion_fd")
            recorded["metric"] |= {metric, "class_diversity", "min_class_share", "sample_ms_per_image"}
    assert recorded["model"], "no record_result call found"
    for notebook, call, _ in _calls("read_results"):
        for keyword in call.keywords:
            value = _literal(keyword.value)
            if keyword.arg in recorded and value is not None:
                message = f"{notebook}: read_results({keyword.arg}={value!r}) is never recorded"
                assert value in recorded[keyword.arg], message


def test_readme_lists_every_notebook_with_its_badge():
    readme = README.read_text()
    for path in NOTEBOOKS:
        assert f"notebooks/{path.name}" in readme, f"README does not link {path.name}"
        assert colab_url(path.name) in readme, f"README has no Colab badge for {path.name}"


# A row of helpers.print_workload's table: "<item>: <count name>  <quick>  <full>  <multiple>x".
WORKLOAD_LINE_RE = re.compile(
    r"^(.+?): (epochs|optimizer steps|images seen|images|network passes per image)"
    r"\s+([\d,]+)\s+([\d,]+)\s+[\d.e+]+x$"
)


def _stored_workload(path):
    """{(item, count name): (quick, full)} from the workload tables in a notebook's stored outputs."""
    cells = json.loads(path.read_text())["cells"]
    printed = "".join("".join(o.get("text", "")) for c in cells for o in c.get("outputs", []))
    rows = {}
    for line in printed.splitlines():
        if match := WORKLOAD_LINE_RE.match(line.strip()):
            rows[match[1], match[2]] = (match[3], match[4])
    return rows


def test_contributing_workload_table_matches_the_notebooks_outputs():
    """CONTRIBUTING.md's quick/full table is the notebooks' own printed workload, not a copy that drifts."""
    text = CONTRIBUTING.read_text()
    section = text.split("## What each profile costs", 1)[1].split("\n## ", 1)[0]
    rows = [r for r in section.splitlines() if re.match(r"\| \d\d \|", r)]
    assert rows, "CONTRIBUTING.md's 'What each profile costs' table has no rows"
    seen = set()
    for row in rows:
        number, item, quick, full = (cell.strip() for cell in row.strip("|").split("|")[:4])
        path = next(p for p in NOTEBOOKS if p.name.startswith(number))
        stored = _stored_workload(path)
        names = (
            ("images", "network passes per image")
            if (item, "images") in stored
            else ("epochs", "optimizer steps", "images seen")
        )
        expected = [stored.get((item, name)) for name in names]
        assert None not in expected, f"{path.name} prints no workload for {item!r}"
        assert quick == " / ".join(q for q, _ in expected), f"CONTRIBUTING.md quick column for {number} {item}"
        assert full == " / ".join(f for _, f in expected), f"CONTRIBUTING.md full column for {number} {item}"
        seen.add(number)
    assert seen == {p.name[:2] for p in NOTEBOOKS}, "every notebook has a row in CONTRIBUTING.md's workload table"
