"""The GitHub workflow and .ci/run run the same make targets, and the Makefile has them.

Read as text (PyYAML is not a requirement): the workflow's ``run:`` lines that call make, with
``${{ matrix.target }}`` expanded from the matrix's one-line ``target: [...]`` list.
"""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "test.yml"
CI_RUN = REPO / ".ci" / "run"
MAKE = re.compile(r"^\s*make\s+(.+?)\s*(?:#.*)?$")
MATRIX_TARGET = re.compile(r"\$\{\{\s*matrix\.target\s*\}\}")


def ci_run_targets(text: str) -> list[str]:
    """The make targets .ci/run calls, in order (one ``make TARGET ...`` command per line)."""
    return [target for line in text.splitlines() if (m := MAKE.match(line)) for target in m[1].split()]


def workflow_targets(text: str) -> list[str]:
    """The make targets the workflow's ``run:`` steps call, with the matrix expanded."""
    matrix = re.search(r"^\s*target:\s*\[([^\]]*)\]", text, re.MULTILINE)
    expansions = [t.strip().strip("'\"") for t in matrix[1].split(",")] if matrix else []
    targets = []
    for line in text.splitlines():
        run = re.match(r"^\s*(?:-\s+)?run:\s*(.*)$", line)
        for command in re.split(r"&&|;", run[1]) if run else []:
            if m := MAKE.match(command):
                for word in MATRIX_TARGET.sub("<matrix>", m[1]).split():
                    targets += expansions if word == "<matrix>" else [word]
    return targets


def _jobs(text: str) -> dict[str, str]:
    """The workflow's jobs by name, each as its block of text."""
    body = text.split("\njobs:\n", 1)[1]
    parts = re.split(r"^  ([a-z][\w-]*):\n", body, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_workflow_runs_exactly_the_targets_of_ci_run():
    ci = ci_run_targets(CI_RUN.read_text())
    assert ci == ["test", "test-colab"], ci
    jobs = _jobs(WORKFLOW.read_text())
    assert sorted(workflow_targets(jobs["test"])) == sorted(ci)


def test_gpu_job_is_off_by_default_and_runs_make_test_gpu():
    """The self-hosted GPU job runs the same command as a maintainer (`make test-gpu`), only when enabled."""
    gpu = _jobs(WORKFLOW.read_text())["gpu"]
    assert "if: vars.GPU_RUNNER == 'true'" in gpu
    assert [t for t in workflow_targets(gpu) if t.startswith("test")] == ["test-gpu"]
    makefile = (REPO / "Makefile").read_text()
    assert re.search(r"^test-gpu:", makefile, re.MULTILINE)


def test_workflow_runs_on_every_push_and_pull_request():
    on = re.search(r"^on:\n((?:[ \t]+.*\n)+)", WORKFLOW.read_text(), re.MULTILINE)
    assert on, "the workflow has an `on:` block"
    events = re.findall(r"^[ \t]+([a-z_]+):", on[1], re.MULTILINE)
    assert {"push", "pull_request"} <= set(events), events
    assert "branches" not in on[1], "every push and pull request, not some branches"


def test_workflow_caches_pip_on_both_requirement_files():
    text = WORKFLOW.read_text()
    assert re.search(r"^\s*cache:\s*pip\s*$", text, re.MULTILINE)
    assert "requirements.txt" in text and "constraints-colab.txt" in text


def test_every_ci_target_is_a_makefile_target():
    makefile = (REPO / "Makefile").read_text()
    rules = set(re.findall(r"^([A-Za-z][\w-]*):", makefile, re.MULTILINE))
    assert set(ci_run_targets(CI_RUN.read_text())) <= rules


def test_the_parsers_read_what_they_should():
    """The regexes themselves: a matrix, a chained command, comments and a non-make step."""
    workflow = (
        "        target: [test, 'test-colab']\n"
        "      - run: sudo apt-get update && make data\n"
        "        run: make ${{ matrix.target }}  # both\n"
        "      - run: echo make nothing\n"
    )
    assert workflow_targets(workflow) == ["data", "test", "test-colab"]
    assert ci_run_targets("set -e\n# make lab\nmake test\n  make test-colab\n") == ["test", "test-colab"]
