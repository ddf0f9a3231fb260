"""Wall-clock timing, the one way the notebooks time training and sampling."""

from __future__ import annotations

import time


class Timer:
    """Wall-clock timer: ``with Timer() as t: model.fit(...)``, then ``t.seconds``."""

    def __enter__(self) -> Timer:
        self._start = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self._start
