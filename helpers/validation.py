"""Turn learners' inputs into clean arrays and numbers, or explain what is
wrong.

Every public function of the course validates its arguments here, so that a
wrong shape, a NaN, an empty array, a string or a None ends in one sentence
that names the function, what was expected and what was given, never in a
numpy broadcasting traceback (and never in a silent wrong answer, as when
numpy keeps only the real part of a complex number).

This is not a general-purpose validation library: it checks the few things
the lessons need and nothing else.
"""
import numbers

import numpy as np
from sklearn.exceptions import NotFittedError


# ----------------------------------------------------------------------
# What was given, in words
# ----------------------------------------------------------------------

def _is_number(value):
    """True for an int or a float (Python's or numpy's), False for a bool."""
    return (isinstance(value, numbers.Real)
            and not isinstance(value, (bool, np.bool_)))


def _short(value):
    """repr(value), cut to 40 characters; numpy scalars shown plainly."""
    if isinstance(value, np.generic):
        value = value.item()                      # 0.5, not np.float64(0.5)
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _strings_example(arr):
    """One entry of a string array to show: the first that is no number."""
    for text in arr.flat:
        try:
            float(text)
        except (TypeError, ValueError):
            return str(text)
    return str(arr.flat[0])


def _not_numbers(values, arr):
    """Why `values` (read by numpy as `arr`) is not an array of real
    numbers, in words ("strings such as 'cat'"); None when it is one."""
    kind = arr.dtype.kind
    if kind in "iuf":
        return None
    if kind in "US":
        if arr.size == 0:
            return "strings"
        return f"strings such as {_strings_example(arr)!r}"
    if kind == "c":
        example = f" such as {complex(arr.flat[0])}" if arr.size else ""
        return f"complex numbers{example}; keep .real or abs() explicitly"
    if kind == "b":
        return ("booleans (True/False); convert them with .astype(float) "
                "or .astype(int)")
    if kind != "O":
        return f"values of type {arr.dtype}"
    if arr.ndim == 0:                             # a dict, a set, ...
        return f"a {type(values).__name__}: {_short(values)}"
    for odd in arr.flat:                          # the first non-number
        if not _is_number(odd):
            break
    else:
        return None                               # numbers held as objects
    holder = ("an object array" if isinstance(values, np.ndarray)
              else f"a {type(values).__name__}")
    if odd is None:
        return f"{holder} holding None (a missing value?)"
    if isinstance(odd, str):
        return f"{holder} holding strings such as {odd!r}"
    return (f"{holder} holding {type(odd).__name__} values such as "
            f"{_short(odd)}")


def as_numbers(values, name="x", where="input"):
    """Return `values` as a numpy array of real numbers (ints or floats),
    any shape, or raise a TypeError that says what it holds instead.

    Refused, each named in the message: None, strings, objects that are
    not numbers, complex numbers (numpy would silently drop the imaginary
    part) and booleans (True/False are not numbers here). A list whose
    rows have different lengths is a ValueError.
    """
    expected = f"{where}: {name} must be numbers (an array or a list)"
    if values is None:
        raise TypeError(f"{expected}, got None")
    try:
        arr = np.asarray(values)
    except (TypeError, ValueError):               # ragged nested lists
        raise ValueError(
            f"{expected}, got a {type(values).__name__} whose rows have "
            f"different lengths") from None
    problem = _not_numbers(values, arr)
    if problem is not None:
        raise TypeError(f"{expected}, got {problem}")
    if arr.dtype.kind == "O":                     # numbers held as objects
        arr = np.asarray(values, dtype=float)
    return arr


def _as_float_array(values, name, where):
    """`values` as a float array of any shape (see `as_numbers`)."""
    return np.asarray(as_numbers(values, name, where), dtype=float)


def _check_finite_nonempty(arr, name, where):
    if arr.size == 0:
        raise ValueError(
            f"{where}: {name} must not be empty, got shape {arr.shape}")
    if not np.isfinite(arr).all():
        bad = int(np.sum(~np.isfinite(arr)))
        raise ValueError(
            f"{where}: {name} must hold finite numbers, "
            f"got {bad} NaN or infinite value(s)")


# ----------------------------------------------------------------------
# Arrays of numbers
# ----------------------------------------------------------------------

def as_array(values, name="x", where="input"):
    """Return `values` as a finite float array of any shape, not empty.

    For functions that work entry by entry (sigmoid, ReLU) or that only
    need two arrays of the same shape.
    """
    arr = _as_float_array(values, name, where)
    _check_finite_nonempty(arr, name, where)
    return arr


def as_matrix(X, name="X", n_features=None, where="input"):
    """Return `X` as a finite float array of shape (n_samples, n_features).

    A 1-D input of length D is read as one sample of D features only when
    `n_features` is D; otherwise it is an error, since guessing would hide
    a bug.

    Raises ValueError naming the expected and the given shape.
    """
    if n_features is not None:
        n_features = as_positive(n_features, "n_features", where,
                                 integer=True)
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
    if length is not None:
        length = as_positive(length, "length", where, integer=True)
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
        match = " to match X" if name == "y" else ""    # X's rows
        raise ValueError(
            f"{where}: {name} must have shape ({length},){match}, "
            f"got {arr.shape}")
    _check_finite_nonempty(arr, name, where)
    return arr


def _has_shape(arr, shape):
    """True if arr.shape is `shape`; a string in `shape` fits any size."""
    return arr.ndim == len(shape) and all(
        isinstance(want, str) or want == got
        for want, got in zip(shape, arr.shape))


def as_indices(values, name, high, where="input", shape=None):
    """Return `values` as an int array whose entries lie in 0..high-1.

    For positions in an array of length `high` (rows, nodes, features)
    and for counts (at most high - 1). `shape`, if given, is the shape
    required; an entry that is a string names a free size, e.g.
    ("n_rows",) for any 1-D array. Floats are refused even when whole:
    numpy indexes with ints only.
    """
    high = as_positive(high, "high", where, integer=True)
    arr = as_numbers(values, name, where)
    if shape is not None and not _has_shape(arr, shape):
        text = ", ".join(str(size) for size in shape)
        text = f"({text},)" if len(shape) == 1 else f"({text})"
        raise ValueError(f"{where}: {name} must have shape {text}, "
                         f"got {arr.shape}")
    _check_finite_nonempty(arr, name, where)
    if arr.dtype.kind == "f":
        raise TypeError(
            f"{where}: {name} must be whole numbers (an int array), got "
            f"floats such as {arr.flat[0]:g}; convert with .astype(int)")
    if arr.min() < 0 or arr.max() >= high:
        raise ValueError(
            f"{where}: {name} must hold whole numbers from 0 to {high - 1}, "
            f"got values from {arr.min()} to {arr.max()}")
    return arr


# ----------------------------------------------------------------------
# Labels
# ----------------------------------------------------------------------

def as_binary_labels(y, name="y", length=None, where="input"):
    """Return labels as an int array of 0s and 1s, or explain what is wrong.

    A boolean array (such as y > 0) is read as 1s and 0s.
    """
    if isinstance(y, np.ndarray) and y.dtype == bool:
        y = y.astype(int)
    arr = as_vector(y, name, length, where)
    values = np.unique(arr)
    if not np.all(np.isin(values, (0.0, 1.0))):
        shown = ", ".join(f"{v:g}" for v in values[:5])
        raise ValueError(
            f"{where}: {name} must hold only the labels 0 and 1, "
            f"got the values {{{shown}}}")
    return arr.astype(int)


def as_class_labels(y, name="y", length=None, where="input",
                    regressor="a regressor"):
    """Return class labels as an array of shape (length,), unchanged.

    Labels may be whole numbers (ints, or floats such as 1.0), strings or
    True/False. Refused: a continuous `y` (floats that are not whole, as a
    regression target is; `regressor` names the model to use instead),
    NaN, complex numbers, objects, an empty or a wrongly shaped `y`.
    """
    if length is not None:
        length = as_positive(length, "length", where, integer=True)
    expected = (f"{where}: {name} must be class labels (whole numbers or "
                f"strings)")
    if y is None:
        raise TypeError(f"{expected}, got None")
    try:
        arr = np.asarray(y)
    except (TypeError, ValueError):               # ragged nested lists
        raise ValueError(f"{expected}, got a {type(y).__name__} whose rows "
                         f"have different lengths") from None
    strings = arr.dtype.kind in "US" or (
        arr.dtype.kind == "O" and all(isinstance(v, str) for v in arr.flat))
    if not strings and arr.dtype.kind != "b":    # then numbers
        problem = _not_numbers(y, arr)
        if problem is not None:
            raise TypeError(f"{expected}, got {problem}")
    if arr.ndim != 1 or (length is not None and len(arr) != length):
        want = "n_samples" if length is None else length
        hint = ""
        if arr.ndim == 2 and 1 in arr.shape:
            hint = " (flatten it with .ravel())"
        raise ValueError(f"{where}: {name} must have shape ({want},) to "
                         f"match X, got {arr.shape}{hint}")
    if arr.size == 0:
        raise ValueError(f"{where}: {name} must not be empty, got shape "
                         f"{arr.shape}")
    if arr.dtype.kind == "f" and not np.all(np.isfinite(arr)):
        raise ValueError(f"{where}: {name} must hold finite labels, got "
                         f"{int(np.sum(~np.isfinite(arr)))} NaN or infinite")
    if arr.dtype.kind == "f" and np.any(arr != np.round(arr)):
        example = arr[arr != np.round(arr)][0]
        raise ValueError(
            f"{where}: {name} looks continuous ({len(np.unique(arr))} "
            f"distinct values, such as {example:g}), not like class "
            f"labels; to predict a number use {regressor}")
    return arr


# ----------------------------------------------------------------------
# Single numbers, functions and fitted models
# ----------------------------------------------------------------------

def _as_real(value, name, kind, where):
    """`value` as a float, or a TypeError saying it is no `kind`."""
    expected = f"{where}: {name} must be {kind}"
    if value is None:
        raise TypeError(f"{expected}, got None")
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{expected}, got {_short(value)} (a boolean)")
    if isinstance(value, (complex, np.complexfloating)):
        raise TypeError(f"{expected}, got the complex number {value}")
    if isinstance(value, np.ndarray) and value.ndim > 0:
        raise TypeError(f"{expected}, got an array of shape {value.shape}")
    try:
        return float(value)
    except (TypeError, ValueError):
        if isinstance(value, str):
            raise TypeError(
                f"{expected}, got the string {_short(value)}") from None
        raise TypeError(f"{expected}, got {_short(value)}") from None


def as_number(value, name, where="input"):
    """Return a finite number of any sign as a float."""
    number = _as_real(value, name, "a finite number", where)
    if not np.isfinite(number):
        raise ValueError(
            f"{where}: {name} must be a finite number, got {_short(value)}")
    return number


def as_positive(value, name, where="input", integer=False,
                allow_zero=False):
    """Return a finite positive number (an int when `integer`).

    With `allow_zero`, 0 is accepted too (a number >= 0). A string that
    reads as a number ("3") is accepted; True and False are not.
    """
    if allow_zero:
        kind = "a whole number >= 0" if integer else "a number >= 0"
    else:
        kind = "a positive whole number" if integer else "a positive number"
    number = _as_real(value, name, kind, where)
    too_small = number < 0 if allow_zero else number <= 0
    if not np.isfinite(number) or too_small or (
            integer and number != int(number)):
        raise ValueError(f"{where}: {name} must be {kind}, "
                         f"got {_short(value)}")
    return int(number) if integer else number


def as_function(f, name, where="input", takes=None):
    """Return `f` if it can be called, else a TypeError.

    `takes` says what `f` is called with ("no arguments"), for the message.
    """
    if not callable(f):
        called = f" (called with {takes})" if takes else ""
        got = "None" if f is None else f"{type(f).__name__} {_short(f)}"
        raise TypeError(f"{where}: {name} must be a function{called}, "
                        f"got {got}")
    return f


def check_fitted(model, attribute, where=None, call="fit(X, y)"):
    """Raise scikit-learn's NotFittedError (a ValueError) if `model` has no
    `attribute` yet (not fitted), the error scikit-learn's own models raise.

    `call` is how this model is fitted, named in the message: "fit(X)"
    for k-means and PCA, "fit(env)" for an agent.
    """
    for text, value in (("attribute", attribute), ("call", call)):
        if not isinstance(value, str):
            raise TypeError(f"check_fitted: {text} must be a string, "
                            f"got {_short(value)}")
    if where is not None and not isinstance(where, str):
        raise TypeError(f"check_fitted: where must be a string or None, "
                        f"got {_short(where)}")
    if model is None:
        raise TypeError(f"{where or 'check_fitted'}: model must be a "
                        f"model object, got None")
    if getattr(model, attribute, None) is None:
        name = type(model).__name__
        where = where or f"{name}.predict"
        raise NotFittedError(
            f"{where}: this {name} is not fitted yet; "
            f"call {call} first")


# ----------------------------------------------------------------------
# Images, filters and the sizes of convolution and pooling layers
# ----------------------------------------------------------------------


def _whole_number(value, name, where, smallest):
    """`value` as an int >= `smallest`; a float, bool or string is refused
    (a stride of 1.5 or "2" is a bug, not a setting)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(
            value, (int, np.integer)) or value < smallest:
        raise ValueError(f"{where}: {name} must be a whole number >= "
                         f"{smallest}, got {_short(value)}")
    return int(value)


def as_images(x, name="x", where="input", letters="(N, C, H, W)"):
    """Return `x` as a finite, non-empty float array with 4 axes.

    `letters` names the axes in the message: "(N, C, H, W)" for a batch
    of images, "(F, C, HH, WW)" for filters.
    Introduced in 16-cnn-operations.ipynb.
    """
    arr = as_array(x, name, where)
    if arr.ndim != 4:
        raise ValueError(f"{where}: {name} must have shape {letters}, "
                         f"got {arr.shape}")
    return arr


def check_conv_shapes(x, w, b, stride, pad, where="conv2d_forward"):
    """Return (x, w, b, stride, pad) checked for a convolution layer.

    x (N, C, H, W), w (F, C, HH, WW) with the same C, b (F,), finite;
    stride a whole number >= 1, pad >= 0. The kernel must fit in the
    padded input, and the windows must reach its last row and column:
    H + 2 * pad - HH and W + 2 * pad - WW multiples of the stride.
    Introduced in 16-cnn-operations.ipynb.
    """
    x = as_images(x, "x", where)
    w = as_images(w, "w", where, "(F, C, HH, WW)")
    N, C, H, W = x.shape
    F, C_w, HH, WW = w.shape
    if C_w != C:
        raise ValueError(f"{where}: w must have shape (F, C, HH, WW) with "
                         f"C = {C}, the channels of x {x.shape}; "
                         f"got {w.shape}")
    b = _as_float_array(b, "b", where)
    if b.shape != (F,):
        raise ValueError(f"{where}: b must have shape (F,) = ({F},), one "
                         f"bias per filter, got {b.shape}")
    _check_finite_nonempty(b, "b", where)
    stride = _whole_number(stride, "stride", where, 1)
    pad = _whole_number(pad, "pad", where, 0)
    H_pad, W_pad = H + 2 * pad, W + 2 * pad
    if HH > H_pad or WW > W_pad:
        raise ValueError(f"{where}: the kernel (HH, WW) = ({HH}, {WW}) is "
                         f"larger than the padded input (H + 2 * pad, "
                         f"W + 2 * pad) = ({H_pad}, {W_pad})")
    if (H_pad - HH) % stride or (W_pad - WW) % stride:
        raise ValueError(f"{where}: stride {stride} does not fit: "
                         f"H + 2 * pad - HH = {H_pad - HH} and "
                         f"W + 2 * pad - WW = {W_pad - WW} must be "
                         f"multiples of it, or the last rows or columns "
                         f"would be skipped")
    return x, w, b, stride, pad


def check_pool_shapes(x, pool_size, stride, where="max_pool_forward"):
    """Return (x, pool_size, stride) checked for max-pooling.

    x (N, C, H, W), finite; pool_size a whole number >= 1; stride one
    too, or None for pool_size. The windows must tile the input:
    pool_size <= H and W, and H - pool_size and W - pool_size multiples
    of the stride.
    Introduced in 16-cnn-operations.ipynb.
    """
    x = as_images(x, "x", where)
    pool_size = _whole_number(pool_size, "pool_size", where, 1)
    stride = pool_size if stride is None else _whole_number(
        stride, "stride", where, 1)
    H, W = x.shape[2:]
    if pool_size > H or pool_size > W:
        raise ValueError(f"{where}: pool_size {pool_size} is larger than "
                         f"the input (H, W) = ({H}, {W})")
    if (H - pool_size) % stride or (W - pool_size) % stride:
        raise ValueError(f"{where}: windows of {pool_size} x {pool_size} "
                         f"at stride {stride} do not tile (H, W) = ({H}, "
                         f"{W}): H - pool_size and W - pool_size must be "
                         f"multiples of the stride, or the last rows or "
                         f"columns would be dropped")
    return x, pool_size, stride


def check_dout(dout, shape, where="backward", letters="the output"):
    """Return `dout` as a finite float array of the forward output's
    `shape`, whose axes `letters` names ("(N, F, H_out, W_out)").
    Introduced in 16-cnn-operations.ipynb.
    """
    dout = _as_float_array(dout, "dout", where)
    if dout.shape != tuple(shape):
        raise ValueError(f"{where}: dout must have the shape of the "
                         f"forward output, {letters} = {tuple(shape)}, "
                         f"got {dout.shape}")
    _check_finite_nonempty(dout, "dout", where)
    return dout


# -- introduced in 15-deep-networks.ipynb --


def _as_finite_matrix(a, name, where, letters):
    """`a` as a finite, non-empty 2-D float array; `letters` names its
    axes in the message."""
    arr = _as_float_array(a, name, where)
    if arr.ndim != 2:
        raise ValueError(f"{where}: {name} must have shape {letters}, "
                         f"got {arr.shape}")
    _check_finite_nonempty(arr, name, where)
    return arr


def check_dense_args(x, w, b, where="dense_forward"):
    """Return (x, w, b) checked for a dense layer out = x @ w + b.

    w (D, M), x (N, D) with the same D, b (M,): finite float arrays, not
    empty. Introduced in 15-deep-networks.ipynb.
    """
    w = _as_finite_matrix(w, "w", where, "(D, M)")
    D, M = w.shape
    x = _as_float_array(x, "x", where)
    if x.ndim != 2 or x.shape[1] != D:
        raise ValueError(f"{where}: x must have shape (N, D) = (N, {D}), "
                         f"got {x.shape}")
    _check_finite_nonempty(x, "x", where)
    b = _as_float_array(b, "b", where)
    if b.shape != (M,):
        raise ValueError(f"{where}: b must have shape (M,) = ({M},), "
                         f"got {b.shape}")
    _check_finite_nonempty(b, "b", where)
    return x, w, b


def check_scores_and_labels(scores, y, where="softmax_cross_entropy"):
    """Return (scores, y) checked for a softmax loss: scores a finite
    float array (N, K), y N integer labels in 0..K-1.
    Introduced in 15-deep-networks.ipynb.
    """
    scores = _as_finite_matrix(scores, "scores", where, "(N, K)")
    n, k = scores.shape
    return scores, as_indices(y, "y", k, where, shape=(n,))


def check_hidden_sizes(hidden_layer_sizes, where="MLP.fit",
                       name="hidden_layer_sizes"):
    """Return the hidden layers' widths as a list of positive ints; one
    int means one hidden layer, an empty tuple none. `name` is the
    setting's name in the message. Introduced in 15-deep-networks.ipynb
    (also used by 17-autoencoders.ipynb).
    """
    sizes = hidden_layer_sizes
    if isinstance(sizes, (int, np.integer)) and not isinstance(
            sizes, (bool, np.bool_)):
        sizes = (sizes,)
    message = (f"{where}: {name} must be positive whole numbers such as "
               f"(128, 64), got {_short(hidden_layer_sizes)}")
    if not isinstance(sizes, (list, tuple)):
        raise TypeError(message)
    for size in sizes:
        if (isinstance(size, (bool, np.bool_))
                or not isinstance(size, (int, np.integer)) or size < 1):
            raise ValueError(message)
    return [int(size) for size in sizes]


def check_mlp_settings(model, activations, where="MLP.fit"):
    """Check a multi-layer perceptron's settings before it trains; return
    its hidden widths as a list of ints.

    `model` has hidden_layer_sizes, activation (one of the names in
    `activations`), alpha >= 0, lr > 0, batch_size and num_epochs
    (positive whole numbers) and init ("he", "xavier" or a positive
    standard deviation). Introduced in 15-deep-networks.ipynb.
    """
    hidden = check_hidden_sizes(model.hidden_layer_sizes, where)
    if not isinstance(model.activation, str) or (
            model.activation not in activations):
        raise ValueError(f"{where}: activation must be one of "
                         f"{list(activations)}, got {_short(model.activation)}")
    as_positive(model.alpha, "alpha", where, allow_zero=True)
    as_positive(model.lr, "lr", where)
    as_positive(model.batch_size, "batch_size", where, integer=True)
    as_positive(model.num_epochs, "num_epochs", where, integer=True)
    if isinstance(model.init, str):
        if model.init not in ("he", "xavier"):
            raise ValueError(f"{where}: init must be 'he', 'xavier' or a "
                             f"positive standard deviation, got "
                             f"{model.init!r}")
    else:
        as_positive(model.init, "init", where)
    return hidden


# -- introduced in 17-autoencoders.ipynb --


def _autoencoder_choice(value, name, choices, where):
    """`value` if it is one of `choices`, else a ValueError."""
    if value not in choices:
        raise ValueError(f"{where}: {name} must be one of {choices}, "
                         f"got {value!r}")
    return value


def check_autoencoder_settings(model, n_features, where="Autoencoder.fit"):
    """Check an autoencoder's settings before it trains on data with
    `n_features` columns. Introduced in 17-autoencoders.ipynb.

    `model` has hidden_sizes (positive whole numbers, possibly none; one
    int means one hidden layer), n_components (the code's width, 1 to
    n_features), activation ("relu", "tanh" or "linear"), output
    ("sigmoid" or "linear"), optimizer ("adam" or "sgd"), lr > 0,
    batch_size and num_epochs (positive whole numbers) and noise >= 0.
    Returns (hidden_sizes, n_components, lr, batch_size, num_epochs,
    noise), cleaned: a tuple of ints, ints and floats.
    """
    hidden = check_hidden_sizes(model.hidden_sizes, where, "hidden_sizes")
    k = model.n_components
    if isinstance(k, (bool, np.bool_)) or not isinstance(
            k, (int, np.integer)):
        raise TypeError(f"{where}: n_components must be a whole number, "
                        f"got {k!r}")
    if not 1 <= k <= n_features:
        raise ValueError(f"{where}: n_components (the bottleneck) must be "
                         f"from 1 to n_features = {n_features}, got {k}")
    _autoencoder_choice(model.activation, "activation",
                        ("relu", "tanh", "linear"), where)
    _autoencoder_choice(model.output, "output", ("sigmoid", "linear"), where)
    _autoencoder_choice(model.optimizer, "optimizer", ("adam", "sgd"), where)
    lr = as_positive(model.lr, "lr", where)
    batch_size = as_positive(model.batch_size, "batch_size", where,
                             integer=True)
    num_epochs = as_positive(model.num_epochs, "num_epochs", where,
                             integer=True)
    try:
        noise = float(model.noise)
    except (TypeError, ValueError):
        noise = float("nan")
    if not (np.isfinite(noise) and noise >= 0):
        raise ValueError(f"{where}: noise must be a number >= 0 (the "
                         f"noise's standard deviation), got {model.noise!r}")
    return (tuple(int(size) for size in hidden), int(k), lr, batch_size,
            num_epochs, noise)


# -- introduced in 16-cnn-operations.ipynb --


def check_cnn_settings(model, n_features, where="SmallCNN.fit"):
    """Check the settings of a small CNN for rows of `n_features` pixels;
    return the image shape (C, H, W) as a tuple of ints.

    `model` carries image_shape ((C, H, W) with C * H * W = n_features;
    None: one channel, one row of pixels), num_filters, kernel_size,
    pool_size, num_epochs and batch_size (whole numbers >= 1), pad (a
    whole number >= 0), lr (> 0) and momentum (in [0, 1)). The feature
    maps of the convolution (stride 1) must be tiled by pool_size.
    Introduced in 16-cnn-operations.ipynb (SmallCNN.fit).
    """
    n_features = _whole_number(n_features, "n_features", where, 1)
    if model.image_shape is None:
        shape = (1, 1, n_features)
    elif isinstance(model.image_shape, (tuple, list, np.ndarray)):
        shape = tuple(as_positive(n, "image_shape", where, integer=True)
                      for n in model.image_shape)
    else:
        shape = ()
    if len(shape) != 3 or np.prod(shape) != n_features:
        raise ValueError(f"{where}: image_shape must be (C, H, W) with "
                         f"C * H * W = {n_features}, the features of X, "
                         f"got {_short(model.image_shape)}")
    for name in ("num_filters", "kernel_size", "pool_size", "num_epochs",
                 "batch_size"):
        as_positive(getattr(model, name), name, where, integer=True)
    as_positive(model.pad, "pad", where, integer=True, allow_zero=True)
    as_positive(model.lr, "lr", where)
    if not 0 <= as_number(model.momentum, "momentum", where) < 1:
        raise ValueError(f"{where}: momentum must be in [0, 1), got "
                         f"{_short(model.momentum)}")
    k, pad, P = int(model.kernel_size), int(model.pad), int(model.pool_size)
    H_conv = shape[1] + 2 * pad - k + 1
    W_conv = shape[2] + 2 * pad - k + 1
    if H_conv < P or W_conv < P or H_conv % P or W_conv % P:
        raise ValueError(
            f"{where}: images of (H, W) = {shape[1:]} give feature maps of "
            f"{H_conv} x {W_conv} (kernel_size {k}, pad {pad}), which "
            f"pool_size {P} must divide")
    return shape
