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

from helpers.activations import sigmoid


def _matrix(a, name, where, shape_text, n_cols=None):
    """`a` as a finite 2-D float array with `n_cols` columns (if given)."""
    a = np.asarray(a, dtype=float)
    if a.ndim != 2 or (n_cols is not None and a.shape[1] != n_cols):
        raise ValueError(f"{where}: {name} must have shape {shape_text}, "
                         f"got {a.shape}")
    if a.size == 0:
        raise ValueError(f"{where}: {name} must not be empty, got shape "
                         f"{a.shape}")
    if not np.all(np.isfinite(a)):
        raise ValueError(f"{where}: {name} must be finite, got NaN or inf")
    return a


def dense_forward(x, w, b):
    """out = x @ w + b: (N, D) @ (D, M) + (M,) -> (N, M)."""
    w = _matrix(w, "w", "dense_forward", "(D, M)")
    d, m = w.shape
    x = _matrix(x, "x", "dense_forward", f"(N, D) = (N, {d})", n_cols=d)
    b = np.asarray(b, dtype=float)
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
    x, w = cache
    dout = _matrix(dout, "dout", "dense_backward",
                   f"(N, M) = ({len(x)}, {w.shape[1]})", n_cols=w.shape[1])
    if len(dout) != len(x):
        raise ValueError(f"dense_backward: dout must have shape (N, M) = "
                         f"({len(x)}, {w.shape[1]}), got {dout.shape}")
    return dout @ w.T, x.T @ dout, dout.sum(axis=0)


def relu_forward(x):
    """out = max(0, x), any shape."""
    x = np.asarray(x, dtype=float)
    return np.maximum(x, 0.0), x


def relu_backward(dout, cache):
    """dL/dx = dout where x > 0, else 0 (at x = 0 we take 0)."""
    x = cache
    return np.where(x > 0, dout, 0.0)


def sigmoid_forward(x):
    """out = sigma(x), any shape, without overflow."""
    out = sigmoid(x)
    return out, out


def sigmoid_backward(dout, cache):
    """dL/dx = dout * sigma(x) * (1 - sigma(x))."""
    s = cache
    return dout * s * (1.0 - s)


def softmax(scores):
    """Row-wise softmax of (N, K) scores; large scores do not overflow.

    Subtracting each row's maximum changes nothing (softmax is unchanged
    by adding a constant to a row) and makes every exponent <= 0.
    """
    scores = np.asarray(scores, dtype=float)
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
    y = np.asarray(y)
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
    y_hat = np.asarray(y_hat, dtype=float)
    y = np.asarray(y, dtype=float)
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
    return rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_in, n_out))


def xavier_init(rng, n_in, n_out):
    """(n_in, n_out) weights from U(-a, a), a = sqrt(6 / (n_in + n_out)).

    Glorot and Bengio's choice for sigmoid and tanh layers: the variance
    2 / (n_in + n_out) is a compromise between keeping the forward and the
    backward signal at the same size.
    """
    a = np.sqrt(6.0 / (n_in + n_out))
    return rng.uniform(-a, a, size=(n_in, n_out))
