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
import numbers

import numpy as np

from helpers import validation


class Mismatch(ValueError):
    """An answer that is not right yet; the message says what was
    expected and what came. (A ValueError: the value is wrong.)"""


def _show(value):
    """A short printable form of a value: numbers to 6 significant digits,
    arrays as nested lists on one line, long ones cut to their ends."""
    if isinstance(value, np.generic):         # 'cat', not np.str_('cat')
        value = value.item()
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return _show(value.item())
        rows = [_show(row) for row in value]
        if len(rows) > 8:
            rows = rows[:3] + ["..."] + rows[-3:]
        return "[" + ", ".join(rows) + "]"
    if isinstance(value, float):
        return f"{float(value):.6g}"
    return repr(value)


def _plain(value):
    """An array of one number as that number, anything else as it is."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        return value.item()
    return value


def _check_text(text, name, where):
    """`text` must be a string: it is printed in the verdict."""
    if not isinstance(text, str):
        got = "None" if text is None else \
            f"{type(text).__name__} {text!r:.40}"
        raise TypeError(f"{where}: {name} must be a string, got {got}")


def _shape_of(got, what):
    """np.shape(got), or a Mismatch when `got` has no shape (a ragged
    list)."""
    try:
        return np.shape(got)
    except ValueError:
        raise Mismatch(f"{what}: expected an array, got a ragged "
                       f"{type(got).__name__} (rows of different "
                       f"lengths): {_show(got)}") from None


def expect(condition, message):
    """Raise Mismatch(message) unless `condition`; write the message as
    "<what>: expected ..., got ...".

    `condition` is True or False: one test, such as `error < 1e-6` or
    `np.all(y_hat == y)` (an array of them would be ambiguous).
    """
    _check_text(message, "message", "expect")
    if isinstance(condition, np.ndarray) and condition.shape == ():
        condition = condition[()]
    if not isinstance(condition, (bool, np.bool_)):
        shape = np.shape(condition) if isinstance(condition, np.ndarray) \
            else None
        got = (f"an array of shape {shape}; use np.all(...) or np.any(...)"
               if shape else "None" if condition is None
               else f"{type(condition).__name__} {condition!r:.40}")
        raise TypeError(f"expect: condition must be True or False (a test "
                        f"such as error < 1e-6), got {got}")
    if not condition:
        raise Mismatch(message)


def expect_shape(got, shape, what):
    """`got` must be an array (or array-like) of exactly this shape."""
    _check_text(what, "what", "expect_shape")
    if not (isinstance(shape, (tuple, list)) and all(
            isinstance(n, (int, np.integer)) and not isinstance(n, bool)
            and n >= 0 for n in shape)):
        raise TypeError(f"expect_shape: shape must be a tuple of whole "
                        f"numbers >= 0, such as (3,) or (2, 4), "
                        f"got {shape!r}")
    got_shape = _shape_of(got, what)
    if got_shape == () and not isinstance(got, (numbers.Number, np.generic,
                                                np.ndarray)):
        got_shape = _show(got)       # None, a string: say what came
    expect(got_shape == tuple(shape),
           f"{what}: expected shape {tuple(shape)}, got {got_shape}")


def expect_equal(got, expected, what):
    """`got` must equal `expected` exactly (arrays: same shape, every
    entry equal)."""
    _check_text(what, "what", "expect_equal")
    try:
        expected = np.asarray(expected)
    except ValueError:
        raise ValueError(f"expect_equal: expected must be an array or a "
                         f"value, got a ragged {type(expected).__name__}") \
            from None
    if expected.ndim:
        expect_shape(got, expected.shape, what)
    _shape_of(got, what)                  # a ragged list: Mismatch
    expect(bool(np.array_equal(np.asarray(got), expected)),
           f"{what}: expected {_show(_plain(expected))}, "
           f"got {_show(_plain(got))}")


def expect_close(got, expected, what, rtol=1e-6, atol=1e-9):
    """`got` must be numbers within `rtol` (relative) or `atol` of
    `expected`, entry by entry (one number when `expected` is one)."""
    where = "expect_close"
    _check_text(what, "what", where)
    expected = validation.as_array(expected, "expected", where)
    rtol = validation.as_positive(rtol, "rtol", where, allow_zero=True)
    atol = validation.as_positive(atol, "atol", where, allow_zero=True)
    if expected.ndim:
        expect_shape(got, expected.shape, what)
    try:
        got_array = validation.as_numbers(got, what, where)
    except (TypeError, ValueError):
        raise Mismatch(f"{what}: expected numbers, got {_show(got)}") \
            from None
    got_array = np.asarray(got_array, dtype=float)
    if not expected.ndim:
        expect(got_array.size == 1,
               f"{what}: expected one number, {_show(_plain(expected))}, "
               f"got {_show(got_array)}")
    expect(bool(np.allclose(got_array, expected, rtol=rtol, atol=atol)),
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
                        "arguments, got "
                        f"{'None' if test is None else type(test).__name__}")
    _check_text(success, "success", "check_answer")
    _check_text(hint, "hint", "check_answer")
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
