"""Check a hand-written gradient against centred finite differences.

Introduced in 02-two-layer-xor.ipynb. The rule of thumb the lessons use:
with ``h = 1e-5`` and float64, a correct gradient gives a relative error
below about 1e-7; an error near 1 means the formula is wrong.
"""
import numpy as np

from helpers import validation


def _check_probe_point(x):
    """`x` must be the float64 array that f reads (probed in place)."""
    where = "numerical_gradient"
    validation.as_numbers(x, "x", where)          # None, strings, ... first
    if not isinstance(x, np.ndarray) or x.dtype != np.float64:
        got = type(x).__name__ if not isinstance(x, np.ndarray) else x.dtype
        raise TypeError(
            f"numerical_gradient: x must be a float64 numpy array that f "
            f"reads, got {got}")
    validation.as_array(x, "x", where)            # empty, NaN, inf


def _value(f):
    """f() as a float: the loss at the current x."""
    value = f()
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TypeError(f"numerical_gradient: f must return a number (the "
                        f"loss), got {repr(value)[:40]}") from None


def numerical_gradient(f, x, h=1e-5):
    """Centred differences of the scalar function `f` at the array `x`.

    df/dx_i ~ (f(x + h e_i) - f(x - h e_i)) / (2h), one entry at a time.
    `x` is changed in place while probing and restored afterwards, so `f`
    may read it from a closure (for example a layer's weight matrix).

    Returns an array of the same shape as `x`.
    """
    validation.as_function(f, "f", "numerical_gradient",
                           takes="no arguments")
    _check_probe_point(x)
    h = validation.as_positive(h, "h", "numerical_gradient")
    grad = np.zeros_like(x)
    flat_x, flat_grad = x.reshape(-1), grad.reshape(-1)
    if not np.may_share_memory(flat_x, x):      # a copy: f would not see
        raise ValueError(                       # the probes
            "numerical_gradient: x must be an array f reads, probed in "
            f"place; this view of shape {x.shape} (a transpose or a "
            "slice) cannot be: pass the array f uses itself")
    for i in range(flat_x.size):
        old = flat_x[i]
        flat_x[i] = old + h
        f_plus = _value(f)
        flat_x[i] = old - h
        f_minus = _value(f)
        flat_x[i] = old
        flat_grad[i] = (f_plus - f_minus) / (2 * h)
    return grad


def rel_error(a, b):
    """max |a - b| / max(|a| + |b|, 1e-8), elementwise: 0 for equal arrays.

    Relative, so it means the same for tiny and for large gradients.
    """
    a = validation.as_array(a, "a", "rel_error")
    b = validation.as_array(b, "b", "rel_error")
    if a.shape != b.shape:
        raise ValueError(
            f"rel_error: a and b must have the same shape, "
            f"got {a.shape} and {b.shape}")
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b),
                                                   1e-8)))


def below(error, bound):
    """Check that `error` is below `bound` and return "< 1e-13" to print.

    A rounding error's own digits change from one CPU to the next (another
    order of additions), so a lesson prints the power of ten it stays
    under, never the digits. Raises AssertionError if it is not below.
    Introduced in 12-principal-component-analysis.ipynb; 17 uses it too.
    """
    error = validation.as_number(error, "error", "below")
    bound = validation.as_positive(bound, "bound", "below")
    assert abs(error) < bound, f"{error:.1e} is not below {bound:.0e}"
    return f"< {bound:.0e}"
