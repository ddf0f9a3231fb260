"""The results table ``build/results.csv``: its schema, writing, reading, and the scoreboard.

One row per measured number::

    notebook,model,profile,epochs,train_seconds,metric,value

``notebook`` is set once per notebook by :func:`helpers.start_notebook`. Metric names used across
notebooks are listed in :data:`METRICS`; the scoreboard reads the generator metrics among them.
"""

from __future__ import annotations

import csv
from pathlib import Path

from helpers.notebook import current_notebook
from helpers.paths import build_dir
from helpers.profile import get_profile

RESULT_COLUMNS = ("notebook", "model", "profile", "epochs", "train_seconds", "metric", "value")

# The metrics the scoreboard knows, with what they mean (notebooks may record others of their own).
METRICS = {
    "fashion_fd": "Fréchet distance to the test set in the collection's classifier features (lower is better)",
    "class_diversity": "entropy of the classifier's class shares over log 10 (1 = all classes equally often)",
    "min_class_share": "share of the rarest class among the samples (0.1 when all are equally common)",
    "sample_ms_per_image": "milliseconds to generate one image, in batches, on this machine",
    # the Fashion FD is biased upward on fewer samples: compare scores only at equal counts
    "samples": "number of generated images the scores were measured on",
}
SCOREBOARD_METRICS = tuple(METRICS)


def results_path() -> Path:
    return build_dir() / "results.csv"


def record_result(model: str, metric: str, value: float, *, epochs: int, train_seconds: float) -> Path:
    """Write one row for the running notebook and profile; return the table's path.

    A row with the same notebook, model, profile and metric is replaced, so re-running a
    notebook updates the table instead of piling up duplicates.
    """
    if train_seconds <= 0:
        raise ValueError(f"train_seconds must be the measured time (> 0), got {train_seconds}")
    path = results_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    row = {
        "notebook": current_notebook(),
        "model": model,
        "profile": get_profile(),
        "epochs": int(epochs),
        "train_seconds": f"{float(train_seconds):.1f}",
        "metric": metric,
        "value": f"{float(value):.6g}",
    }
    key = ("notebook", "model", "profile", "metric")
    rows = [r for r in read_results() if any(r[k] != str(row[k]) for k in key)]
    rows.append(row)
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=RESULT_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def read_results(**filters: str) -> list[dict[str, str]]:
    """Rows whose columns equal ``filters`` (e.g. ``profile="quick"``); [] when there are none.

    Raises:
        ValueError: a filter names a column the table does not have.
    """
    unknown = set(filters) - set(RESULT_COLUMNS)
    if unknown:
        raise ValueError(f"no column {sorted(unknown)} in results.csv; columns: {', '.join(RESULT_COLUMNS)}")
    path = results_path()
    if not path.exists():
        return []
    with path.open(newline="") as f:
        return [row for row in csv.DictReader(f) if all(row.get(k) == v for k, v in filters.items())]


def scoreboard(profile: str, up_to: str | None = None) -> list[dict[str, object]]:
    """One row per generator recorded with ``fashion_fd`` in ``profile``, best (lowest) first.

    Columns: notebook, model, epochs, train_seconds and the :data:`SCOREBOARD_METRICS` it has.
    ``up_to`` (a notebook id such as ``"06_beyond_gans"``) keeps only the notebooks numbered up to
    it: a later notebook's rows, if any, come from an earlier run, not from this one's chapter.
    """
    board: dict[tuple[str, str], dict[str, object]] = {}
    for row in read_results(profile=profile):
        if row["metric"] not in SCOREBOARD_METRICS:
            continue
        if up_to is not None and row["notebook"][:2] > up_to[:2]:
            continue
        entry = board.setdefault(
            (row["notebook"], row["model"]),
            {"notebook": row["notebook"], "model": row["model"], "epochs": int(row["epochs"])},
        )
        entry["train_seconds"] = float(row["train_seconds"])
        entry[row["metric"]] = float(row["value"])
    rows = [entry for entry in board.values() if "fashion_fd" in entry]
    return sorted(rows, key=lambda entry: entry["fashion_fd"])
