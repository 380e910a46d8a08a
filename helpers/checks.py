"""Friendly verdicts for the exercises.

A check cell calls `verdict(ok, ...)`: it prints one line, a pass or a hint,
and never raises, so a learner's attempt ends in advice rather than in a
traceback. (The stored output of a passing check is what nbval compares, so
a wrong worked solution still fails the test suite.)
"""


def verdict(ok, success, hint):
    """Print "Correct: <success>" when `ok`, else "Not yet: <hint>".

    Returns `ok` as a bool, so a cell can also use it.
    """
    ok = bool(ok)
    print(f"Correct: {success}" if ok else f"Not yet: {hint}")
    return ok


def attempt(fn, *args, **kwargs):
    """Call `fn(*args, **kwargs)`; return (result, None) or (None, message).

    For check cells that run a learner's function: an exception becomes a
    message for `verdict` instead of a traceback.
    """
    try:
        return fn(*args, **kwargs), None
    except Exception as exc:                      # a learner's bug, shown
        return None, f"{type(exc).__name__}: {exc}"
