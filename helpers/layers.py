"""Layers of a neural network as paired forward and backward functions.

Introduced in 15-deep-networks.ipynb, where each one is derived, written
and gradient-checked; lessons 16 (CNN operations) and 17 (autoencoders)
import them from here. Each forward function returns ``(out, cache)`` and
its backward function takes ``(dout, cache)``: ``dout`` is dL/d(out), the
gradient of the loss with respect to what the forward function returned,
and the backward function returns the gradients with respect to its
inputs, each of the same shape as that input.

Shapes use fixed letters: N samples in a batch, D inputs, M outputs,
K classes. This module is not a framework: no autograd, no optimiser
objects, only the few layers the lessons need.
"""
import numpy as np

from helpers import validation
from helpers.activations import sigmoid


def _matrix(a, name, where, shape_text, n_cols=None):
    """`a` as a finite 2-D float array with `n_cols` columns (if given)."""
    a = validation.as_array(a, name, where)     # numbers, finite, not empty
    if a.ndim != 2 or (n_cols is not None and a.shape[1] != n_cols):
        raise ValueError(f"{where}: {name} must have shape {shape_text}, "
                         f"got {a.shape}")
    return a


def _like(dout, x, where, made_by):
    """`dout` as a finite float array of the shape of `x` (the input of the
    forward pass): dL/dx has the shape of x, so dout must too."""
    x = validation.as_array(x, "cache", where)
    dout = validation.as_array(dout, "dout", where)
    if dout.shape != x.shape:
        raise ValueError(f"{where}: dout must have the shape of the input "
                         f"of {made_by}, {x.shape}, got {dout.shape}")
    return dout, x


def _pair(cache, where):
    """The cache (x, w) that dense_forward returned."""
    if not (isinstance(cache, tuple) and len(cache) == 2):
        got = "None" if cache is None else type(cache).__name__
        raise TypeError(f"{where}: cache must be the pair (x, w) that "
                        f"dense_forward returned, got {got}")
    x, w = cache
    w = _matrix(w, "w (in cache)", where, "(D, M)")
    x = _matrix(x, "x (in cache)", where, f"(N, D) = (N, {w.shape[0]})",
                n_cols=w.shape[0])
    return x, w


def _generator(rng, where):
    """`rng` if it is a numpy Generator, else a TypeError."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"{where}: rng must be a numpy Generator "
                        f"(np.random.default_rng(seed)), "
                        f"got {'None' if rng is None else type(rng).__name__}")
    return rng


def dense_forward(x, w, b):
    """out = x @ w + b: (N, D) @ (D, M) + (M,) -> (N, M)."""
    w = _matrix(w, "w", "dense_forward", "(D, M)")
    d, m = w.shape
    x = _matrix(x, "x", "dense_forward", f"(N, D) = (N, {d})", n_cols=d)
    b = validation.as_array(b, "b", "dense_forward")
    if b.shape != (m,):
        raise ValueError(f"dense_forward: b must have shape (M,) = ({m},), "
                         f"got {b.shape}")
    return x @ w + b, (x, w)


def dense_backward(dout, cache):
    """Gradients of a dense layer: dout (N, M) -> dx (N, D), dw (D, M),
    db (M,).

    dL/dx = dout @ w.T; dL/dw = x.T @ dout; dL/db = dout summed over the
    batch (every sample used the same b).
    """
    x, w = _pair(cache, "dense_backward")
    dout = _matrix(dout, "dout", "dense_backward",
                   f"(N, M) = ({len(x)}, {w.shape[1]})", n_cols=w.shape[1])
    if len(dout) != len(x):
        raise ValueError(f"dense_backward: dout must have shape (N, M) = "
                         f"({len(x)}, {w.shape[1]}), got {dout.shape}")
    return dout @ w.T, x.T @ dout, dout.sum(axis=0)


def relu_forward(x):
    """out = max(0, x), any shape."""
    x = validation.as_array(x, "x", "relu_forward")
    return np.maximum(x, 0.0), x


def relu_backward(dout, cache):
    """dL/dx = dout where x > 0, else 0 (at x = 0 we take 0).

    cache : x, what relu_forward returned; dout : the shape of x.
    """
    dout, x = _like(dout, cache, "relu_backward", "relu_forward")
    return np.where(x > 0, dout, 0.0)


def sigmoid_forward(x):
    """out = sigma(x), any shape, without overflow."""
    x = validation.as_array(x, "x", "sigmoid_forward")
    out = sigmoid(x)
    return out, out


def sigmoid_backward(dout, cache):
    """dL/dx = dout * sigma(x) * (1 - sigma(x)).

    cache : sigma(x), what sigmoid_forward returned; dout : its shape.
    """
    dout, s = _like(dout, cache, "sigmoid_backward", "sigmoid_forward")
    return dout * s * (1.0 - s)


def softmax(scores):
    """Row-wise softmax of (N, K) scores; large scores do not overflow.

    Subtracting each row's maximum changes nothing (softmax is unchanged
    by adding a constant to a row) and makes every exponent <= 0.
    """
    scores = _matrix(scores, "scores", "softmax", "(N, K)")
    shifted = scores - scores.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


def softmax_cross_entropy(scores, y):
    """Mean cross-entropy of softmax(scores) against integer labels.

    scores : (N, K); y : (N,) ints in 0..K-1.
    Returns (loss, dscores), dscores = (softmax(scores) - onehot(y)) / N.
    """
    where = "softmax_cross_entropy"
    scores = _matrix(scores, "scores", where, "(N, K)")
    n, k = scores.shape
    y = validation.as_numbers(y, "y", where)     # None, strings, ... first
    if y.dtype.kind == "f" and not np.all(np.isfinite(y)):
        raise ValueError(f"{where}: y must be {n} integer labels, got NaN "
                         f"or infinity")
    if y.shape != (n,) or not np.issubdtype(y.dtype, np.integer):
        raise ValueError(f"{where}: y must be {n} integer labels, shape "
                         f"(N,) = ({n},), got shape {y.shape} of {y.dtype}")
    if y.min() < 0 or y.max() >= k:
        raise ValueError(f"{where}: y must hold labels 0..{k - 1} (one "
                         f"per column of scores), got {y.min()}..{y.max()}")
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs[np.arange(n), y].mean()
    dscores = np.exp(log_probs)
    dscores[np.arange(n), y] -= 1.0
    return loss, dscores / n


def mse_loss(y_hat, y):
    """Mean squared error over every entry, and its gradient.

    y_hat, y : the same shape. Returns (loss, dy_hat),
    loss = mean((y_hat - y)^2), dy_hat = 2 (y_hat - y) / y_hat.size.
    """
    y_hat = validation.as_array(y_hat, "y_hat", "mse_loss")
    y = validation.as_array(y, "y", "mse_loss")
    if y_hat.shape != y.shape:
        raise ValueError(f"mse_loss: y_hat and y must have the same shape, "
                         f"got {y_hat.shape} and {y.shape}")
    diff = y_hat - y
    return np.mean(diff ** 2), 2.0 * diff / diff.size


def he_init(rng, n_in, n_out):
    """(n_in, n_out) weights from N(0, 2 / n_in), for ReLU layers.

    A ReLU zeroes half of its inputs on average, so the factor 2 keeps the
    variance of the activations the same from layer to layer.
    """
    rng = _generator(rng, "he_init")
    n_in = validation.as_positive(n_in, "n_in", "he_init", integer=True)
    n_out = validation.as_positive(n_out, "n_out", "he_init", integer=True)
    return rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_in, n_out))


def xavier_init(rng, n_in, n_out):
    """(n_in, n_out) weights from U(-a, a), a = sqrt(6 / (n_in + n_out)).

    Glorot and Bengio's choice for tanh layers: the variance
    2 / (n_in + n_out) is a compromise between keeping the forward and the
    backward signal at the same size. Their derivation assumes activations
    of mean 0 and slope 1 at 0, as tanh has; the sigmoid (mean 1/2, slope
    1/4) meets neither assumption.
    """
    rng = _generator(rng, "xavier_init")
    n_in = validation.as_positive(n_in, "n_in", "xavier_init", integer=True)
    n_out = validation.as_positive(n_out, "n_out", "xavier_init",
                                   integer=True)
    a = np.sqrt(6.0 / (n_in + n_out))
    return rng.uniform(-a, a, size=(n_in, n_out))
