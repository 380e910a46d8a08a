import re
import time

import pytest

from helpers import timing
from test_lesson_runs import sanitizers


def test_best_time_takes_the_shortest_run():
    calls = []

    def f():
        time.sleep(0.02 if not calls else 0.0)
        calls.append(1)

    assert timing.best_time(f, repeats=3) < 0.015
    assert len(calls) == 3


@pytest.mark.parametrize("seconds, text", [
    (2.5, "2.50 s"), (0.0123, "12.3 ms"), (4.1e-6, "4.1 µs"), (0, "0.0 µs")])
def test_format_duration(seconds, text):
    assert timing.format_duration(seconds) == text


def test_format_speedup():
    assert timing.format_speedup(1.0, 0.02) == "50x faster"
    assert timing.format_speedup(0.1, 0.2) == "2.0x slower"
    assert timing.format_speedup(0.623, 0.420) == "1.5x faster"
    assert timing.format_speedup(0.1, 0.25) == "2.5x slower"
    assert timing.format_speedup(1.0, 0.0999) == "10x faster"


def test_printed_timings_are_exactly_what_the_sanitizer_masks():
    line = (f"loop {timing.format_duration(0.5)}, matmul "
            f"{timing.format_duration(3e-5)}: "
            f"{timing.format_speedup(0.5, 3e-5)}")
    for regex, replace in sanitizers():
        line = regex.sub(replace, line)
    assert line == "loop DURATION, matmul DURATION: SPEEDUP"
    assert not re.search(r"\d", line)


def test_bad_input():
    with pytest.raises(TypeError, match="f must be a function"):
        timing.best_time(3)
    with pytest.raises(ValueError, match="repeats must be a positive"):
        timing.best_time(lambda: None, repeats=0)
    with pytest.raises(ValueError, match="seconds must be a number >= 0"):
        timing.format_duration(-1)
    with pytest.raises(ValueError, match="slow_seconds must be a positive "
                                         "number, got 0"):
        timing.format_speedup(0, 1)


def test_compare_times_each_function_and_compares_with_the_first():
    calls = {"slow": 0, "fast": 0}

    def slow():
        calls["slow"] += 1
        time.sleep(0.02)

    def fast():
        calls["fast"] += 1

    line = timing.compare({"slow": slow, "fast": fast}, repeats=2)
    assert calls == {"slow": 2, "fast": 2}
    assert re.fullmatch(r"slow \S+ ms, fast \S+ µs \(\d+(\.\d)?x faster\)", line), \
        line
    for regex, replace in sanitizers():
        line = regex.sub(replace, line)
    assert line == "slow DURATION, fast DURATION (SPEEDUP)"
