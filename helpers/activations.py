"""The sigmoid, written so that it never overflows, and its derivative.

Introduced in 01-perceptron.ipynb; lesson 03 shows why the textbook form
``1 / (1 + exp(-z))`` warns and misbehaves for large negative ``z``.

One convention for the whole course (see lesson 02): a derivative takes
the *pre-activation* ``z``, the value that went into the function, never
the value that came out of it.
"""
import numpy as np

from helpers import validation


def sigmoid(z):
    """sigma(z) = 1 / (1 + exp(-z)), for any real z, without overflow.

    For z >= 0 the textbook form is safe (exp(-z) <= 1). For z < 0 the
    same value is written exp(z) / (1 + exp(z)), where exp(z) <= 1.
    Shapes: any array (or a number) in, the same shape out; NaN, inf,
    strings and empty arrays are refused with a ValueError or TypeError.
    """
    z = validation.as_array(z, "z", "sigmoid")
    e = np.exp(-np.abs(z))              # in (0, 1]: cannot overflow
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_grad(z):
    """d sigma / dz at the pre-activation z: sigma(z) * (1 - sigma(z))."""
    z = validation.as_array(z, "z", "sigmoid_grad")
    s = sigmoid(z)
    return s * (1.0 - s)
