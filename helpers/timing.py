"""Measure how long a piece of code takes, and print it so tests can mask it.

Introduced in 01-perceptron.ipynb, which writes the same steps inline. A
lesson that compares a clear version with a fast one times both with
`best_time` and prints the results with `format_duration` and
`format_speedup`: exactly the forms that tests/sanitize.cfg masks, since
timings differ from run to run.
"""
import time

from helpers import validation


def best_time(f, repeats=5):
    """The shortest of `repeats` runs of `f()`, in seconds.

    The shortest, not the mean: a slower run only measures interruptions
    by other programs on the machine.
    """
    validation.as_function(f, "f", "best_time", takes="no arguments")
    repeats = validation.as_positive(repeats, "repeats", "best_time",
                                     integer=True)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def format_duration(seconds):
    """A duration as "1.20 s", "12.3 ms" or "4.1 µs"."""
    seconds = validation.as_positive(seconds, "seconds", "format_duration",
                                     allow_zero=True)
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.1f} µs"


def format_speedup(slow_seconds, fast_seconds):
    """The ratio as "35x faster" (or "2.5x slower" when it is below 1),
    with one decimal below 10, so 1.5 is not shown as "2x" nor 1.4 as
    "1x"."""
    slow_seconds = validation.as_positive(slow_seconds, "slow_seconds",
                                          "format_speedup")
    fast_seconds = validation.as_positive(fast_seconds, "fast_seconds",
                                          "format_speedup")
    ratio = slow_seconds / fast_seconds
    word = "faster" if ratio >= 1 else "slower"
    ratio = max(ratio, 1 / ratio)
    return f"{ratio:.1f}x {word}" if ratio < 10 else f"{ratio:.0f}x {word}"


def compare(functions, repeats=5):
    """Time each function of a dict {name: f} with `best_time` and return
    one line that compares them with the first, e.g.
    "two loops 812.0 ms, no loops 2.3 ms (353x faster)".

    Introduced in 06-k-nearest-neighbours.ipynb, where one measurement
    (loops against no loops) is the only timing a lesson's main path has.
    """
    if not isinstance(functions, dict) or len(functions) < 2:
        got = type(functions).__name__
        if isinstance(functions, dict):
            got += f" of {len(functions)}"
        raise TypeError(f"compare: functions must be a dict of at least two "
                        f"{{name: function}}, got {got}")
    repeats = validation.as_positive(repeats, "repeats", "compare",
                                     integer=True)
    times = {}
    for name, f in functions.items():
        if not isinstance(name, str):
            raise TypeError(f"compare: the names must be strings, got "
                            f"{name!r}")
        validation.as_function(f, f"functions[{name!r}]", "compare",
                               takes="no arguments")
        times[name] = best_time(f, repeats)
    first, *others = times
    parts = [f"{first} {format_duration(times[first])}"]
    parts += [f"{name} {format_duration(times[name])} "
              f"({format_speedup(times[first], times[name])})"
              for name in others]
    return ", ".join(parts)
