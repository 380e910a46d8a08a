"""Turn learners' inputs into clean float arrays, or explain what is wrong.

Every public function of the course validates its arguments here, so that a
wrong shape, a NaN or an empty array ends in one sentence that names what
was expected and what was given, never in a numpy broadcasting traceback.

This is not a general-purpose validation library: it checks the few things
the lessons need and nothing else.
"""
import numpy as np


def _as_float_array(values, name, where):
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"{where}: {name} must be numbers (an array or a list), "
            f"got {type(values).__name__}") from None
    return arr


def _check_finite_nonempty(arr, name, where):
    if arr.size == 0:
        raise ValueError(
            f"{where}: {name} must not be empty, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        bad = int(np.sum(~np.isfinite(arr)))
        raise ValueError(
            f"{where}: {name} must hold finite numbers, "
            f"got {bad} NaN or infinite value(s)")


def as_matrix(X, name="X", n_features=None, where="input"):
    """Return `X` as a finite float array of shape (n_samples, n_features).

    A 1-D input of length D is read as one sample of D features only when
    `n_features` is D; otherwise it is an error, since guessing would hide
    a bug.

    Raises ValueError naming the expected and the given shape.
    """
    arr = _as_float_array(X, name, where)
    if arr.ndim == 1 and n_features is not None and arr.shape[0] == n_features:
        arr = arr.reshape(1, -1)
    if arr.ndim != 2:
        want = "n_features" if n_features is None else str(n_features)
        raise ValueError(
            f"{where}: {name} must have shape (n_samples, {want}), "
            f"got {arr.shape}")
    if n_features is not None and arr.shape[1] != n_features:
        raise ValueError(
            f"{where}: {name} must have shape (n_samples, {n_features}), "
            f"got {arr.shape}")
    _check_finite_nonempty(arr, name, where)
    return arr


def as_vector(y, name="y", length=None, where="input"):
    """Return `y` as a finite float array of shape (length,).

    A column of shape (N, 1) is refused rather than flattened: mixing
    (N,) and (N, 1) is how `y_hat - y` silently becomes an (N, N) matrix.
    """
    arr = _as_float_array(y, name, where)
    if arr.ndim != 1:
        want = "n_samples" if length is None else str(length)
        hint = ""
        if arr.ndim == 2 and 1 in arr.shape:
            hint = " (flatten it with .ravel())"
        raise ValueError(
            f"{where}: {name} must have shape ({want},), "
            f"got {arr.shape}{hint}")
    if length is not None and arr.shape[0] != length:
        raise ValueError(
            f"{where}: {name} must have shape ({length},) to match X, "
            f"got {arr.shape}")
    _check_finite_nonempty(arr, name, where)
    return arr


def as_binary_labels(y, name="y", length=None, where="input"):
    """Return labels as an int array of 0s and 1s, or explain what is wrong."""
    arr = as_vector(y, name, length, where)
    values = np.unique(arr)
    if not np.all(np.isin(values, (0.0, 1.0))):
        shown = ", ".join(f"{v:g}" for v in values[:5])
        raise ValueError(
            f"{where}: {name} must hold only the labels 0 and 1, "
            f"got the values {{{shown}}}")
    return arr.astype(int)


def as_positive(value, name, where="input", integer=False):
    """Return a finite positive number (an int when `integer`)."""
    kind = "a positive whole number" if integer else "a positive number"
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise TypeError(
            f"{where}: {name} must be {kind}, got {value!r}") from None
    if not np.isfinite(number) or number <= 0 or (
            integer and number != int(number)):
        raise ValueError(f"{where}: {name} must be {kind}, got {value!r}")
    return int(number) if integer else number


def check_fitted(model, attribute, where=None, call="fit(X, y)"):
    """Raise ValueError if `model` has no `attribute` yet (not fitted).

    `call` is how this model is fitted, named in the message: "fit(X)"
    for k-means and PCA, "fit(env)" for an agent.
    """
    if getattr(model, attribute, None) is None:
        name = type(model).__name__
        where = where or f"{name}.predict"
        raise ValueError(
            f"{where}: this {name} is not fitted yet; "
            f"call {call} first")
