"""helpers.timing."""

import time

from helpers.timing import Timer


def test_timer_measures_wall_time():
    with Timer() as t:
        time.sleep(0.05)
    assert 0.04 < t.seconds < 1
