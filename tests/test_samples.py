"""helpers.samples: the one ritual for a generator's samples."""

import numpy as np
import pytest

from helpers.results import read_results
from helpers.samples import report_samples


def test_report_scores_saves_records_and_prints_one_line(fashion, build, capsys):
    images = fashion.x_test[fashion.y_test != 1][:1000]  # every class but trousers
    report = report_samples("toy", images, epochs=3, train_seconds=12.0, sample_seconds=0.5)
    line = capsys.readouterr().out.strip()
    assert line.startswith("toy: Fashion FD ") and "on 1,000 samples" in line and "rarest Trouser" in line
    assert line.endswith("3 epochs, 12 s, sampling 0.50 ms/image")
    assert report.counts.sum() == 1000 and report.min_class_share < 0.02 and 0.9 < report.class_diversity < 1
    assert report.fashion_fd > 1  # a missing class is far from the test set
    assert np.load(build / "samples" / "toy.npy").shape == (1000, 28, 28)
    metrics = {r["metric"]: float(r["value"]) for r in read_results(model="toy")}
    assert set(metrics) == {"fashion_fd", "class_diversity", "min_class_share", "sample_ms_per_image", "samples"}
    assert metrics["samples"] == 1000  # the scoreboard shows it: scores compare only at equal counts
    assert metrics["fashion_fd"] == pytest.approx(report.fashion_fd, rel=1e-5)


def test_another_reference_needs_its_own_metric_name(fashion, build):
    with pytest.raises(ValueError, match="metric name of their own"):
        report_samples("toy", fashion.x_test[:100], epochs=1, train_seconds=1, reference=fashion.x_valid[:100])
    report = report_samples(
        "toy", fashion.x_test[:100], epochs=1, train_seconds=1, reference=fashion.x_test[:100], metric="fd_own"
    )
    assert report.fashion_fd == pytest.approx(0, abs=1e-6)
    assert [r["metric"] for r in read_results(model="toy")][0] == "fd_own"
