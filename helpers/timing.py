"""Measure how long a piece of code takes, and print it so tests can mask it.

Introduced in 01-perceptron.ipynb, which writes the same steps inline. A
lesson that compares a clear version with a fast one times both with
`best_time` and prints the results with `format_duration` and
`format_speedup`: exactly the forms that tests/sanitize.cfg masks, since
timings differ from run to run.
"""
import time


def best_time(f, repeats=5):
    """The shortest of `repeats` runs of `f()`, in seconds.

    The shortest, not the mean: a slower run only measures interruptions
    by other programs on the machine.
    """
    if not callable(f):
        raise TypeError(
            f"best_time: f must be a function to call, got {type(f).__name__}")
    if not isinstance(repeats, int) or repeats < 1:
        raise ValueError(
            f"best_time: repeats must be a positive whole number, "
            f"got {repeats!r}")
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def format_duration(seconds):
    """A duration as "1.20 s", "12.3 ms" or "4.1 µs"."""
    if seconds < 0:
        raise ValueError(
            f"format_duration: seconds must be >= 0, got {seconds!r}")
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.1f} µs"


def format_speedup(slow_seconds, fast_seconds):
    """The ratio as "35x faster" (or "2x slower" when it is below 1)."""
    if slow_seconds <= 0 or fast_seconds <= 0:
        raise ValueError(
            "format_speedup: both times must be positive, "
            f"got {slow_seconds!r} and {fast_seconds!r}")
    ratio = slow_seconds / fast_seconds
    if ratio >= 1:
        return f"{ratio:.0f}x faster"
    return f"{1 / ratio:.0f}x slower"
