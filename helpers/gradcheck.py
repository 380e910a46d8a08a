"""Check a hand-written gradient against centred finite differences.

Introduced in 02-two-layer-xor.ipynb. The rule of thumb the lessons use:
with ``h = 1e-5`` and float64, a correct gradient gives a relative error
below about 1e-7; an error near 1 means the formula is wrong.
"""
import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Centred differences of the scalar function `f` at the array `x`.

    df/dx_i ~ (f(x + h e_i) - f(x - h e_i)) / (2h), one entry at a time.
    `x` is changed in place while probing and restored afterwards, so `f`
    may read it from a closure (for example a layer's weight matrix).

    Returns an array of the same shape as `x`.
    """
    if not isinstance(x, np.ndarray) or x.dtype != np.float64:
        got = type(x).__name__ if not isinstance(x, np.ndarray) else x.dtype
        raise TypeError(
            f"numerical_gradient: x must be a float64 numpy array that f "
            f"reads, got {got}")
    if x.size == 0:
        raise ValueError(
            f"numerical_gradient: x must not be empty, got shape {x.shape}")
    grad = np.zeros_like(x)
    flat_x, flat_grad = x.reshape(-1), grad.reshape(-1)
    for i in range(flat_x.size):
        old = flat_x[i]
        flat_x[i] = old + h
        f_plus = float(f())
        flat_x[i] = old - h
        f_minus = float(f())
        flat_x[i] = old
        flat_grad[i] = (f_plus - f_minus) / (2 * h)
    return grad


def rel_error(a, b):
    """max |a - b| / max(|a| + |b|, 1e-8), elementwise: 0 for equal arrays.

    Relative, so it means the same for tiny and for large gradients.
    """
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError(
            f"rel_error: a and b must have the same shape, "
            f"got {a.shape} and {b.shape}")
    if a.size == 0:
        raise ValueError("rel_error: a and b must not be empty")
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        raise ValueError("rel_error: a and b must hold finite numbers, "
                         "got NaN or infinity")
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b),
                                                   1e-8)))
