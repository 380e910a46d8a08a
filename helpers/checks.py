"""Friendly verdicts for the exercises.

A check cell writes the test as a small function of no arguments that
looks at the learner's answer with `expect`, `expect_equal`, `expect_close`
or `expect_shape`, and hands it to `check_answer`:

    def nand_outputs():
        got = perceptron_predict(X_and, w_nand, b_nand)
        checks.expect_equal(got, y_nand, "the outputs on X_and")

    passed = checks.check_answer(nand_outputs, "NAND is ...", "try ...")

`check_answer` never raises: it prints "Correct: ..." or "Not yet: ..."
with what was expected, what came and a hint, so an attempt ends in advice
rather than a traceback. Nor does an unfinished exercise break it: a name
the exercise cell never defined (its stub raised NotImplementedError) or an
error inside the learner's function becomes a "Not yet" too. (nbgrader
grades with the hidden `assert passed` that follows; the stored output of
a passing check is what nbval compares, so a wrong worked solution fails
the test suite.)
"""
import numpy as np


class Mismatch(Exception):
    """An answer that is not right yet; the message says what was
    expected and what came."""


def _show(value):
    """A short printable form of a value: numbers to 6 significant digits,
    arrays as nested lists on one line, long ones cut to their ends."""
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return _show(value.item())
        rows = [_show(row) for row in value]
        if len(rows) > 8:
            rows = rows[:3] + ["..."] + rows[-3:]
        return "[" + ", ".join(rows) + "]"
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.6g}"
    if isinstance(value, (np.integer, np.bool_)):
        return repr(value.item())
    return repr(value)


def _plain(value):
    """An array of one number as that number, anything else as it is."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        return value.item()
    return value


def expect(condition, message):
    """Raise Mismatch(message) unless `condition`; write the message as
    "<what>: expected ..., got ..."."""
    if not condition:
        raise Mismatch(message)


def expect_shape(got, shape, what):
    """`got` must be an array (or array-like) of exactly this shape."""
    got_shape = np.shape(got)
    expect(got_shape == tuple(shape),
           f"{what}: expected shape {tuple(shape)}, got {got_shape}")


def expect_equal(got, expected, what):
    """`got` must equal `expected` exactly (arrays: same shape, every
    entry equal)."""
    expected = np.asarray(expected)
    if expected.ndim:
        expect_shape(got, expected.shape, what)
    expect(np.array_equal(np.asarray(got), expected),
           f"{what}: expected {_show(_plain(expected))}, "
           f"got {_show(_plain(got))}")


def expect_close(got, expected, what, rtol=1e-6, atol=1e-9):
    """`got` must be numbers within `rtol` (relative) or `atol` of
    `expected`, entry by entry."""
    expected = np.asarray(expected, dtype=float)
    if expected.ndim:
        expect_shape(got, expected.shape, what)
    try:
        got_array = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        raise Mismatch(f"{what}: expected numbers, got {_show(got)}") \
            from None
    expect(np.allclose(got_array, expected, rtol=rtol, atol=atol),
           f"{what}: expected {_show(_plain(expected))}, "
           f"got {_show(_plain(got_array))}")


def check_answer(test, success, hint):
    """Run `test()` and print a verdict; return True when it passed.

    success : what a right answer shows, printed after "Correct:"
    hint : a way forward, printed after the reason the answer is not
        right yet
    """
    if not callable(test):
        raise TypeError("check_answer: test must be a function of no "
                        f"arguments, got {type(test).__name__}")
    try:
        test()
    except Mismatch as wrong:
        reason = str(wrong)
    except NotImplementedError:
        reason = ("the exercise still raises NotImplementedError: replace "
                  "that line with your answer and run the cell again")
    except NameError as missing:
        reason = (f"{missing}: run your exercise cell above (if it "
                  "stopped with an error, fix that first)")
    except Exception as error:                    # a learner's bug, shown
        reason = (f"checking your answer raised {type(error).__name__}: "
                  f"{error}")
    else:
        print(f"Correct: {success}")
        return True
    print(f"Not yet: {reason}\nHint: {hint}")
    return False
