"""The CNN operations and the SmallCNN of 16-cnn-operations.ipynb (its cells
tagged `model`): the loops against SciPy, the vectorised layers against
the loops, every backward pass against finite differences, the network on
the digits, scikit-learn's estimator checks, every bad input, and the
"Try it" explorer whose filters learn as it plays."""
import numpy as np
import pytest
from scipy import signal
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

from estimator_checks import COURSE_VALIDATION, sklearn_checks
from helpers.gradcheck import numerical_gradient, rel_error
from notebook_code import load_model

NOTEBOOK = "16-cnn-operations.ipynb"
LESSON = load_model(NOTEBOOK)
CONV = [("conv2d_forward", "conv2d_backward"),
        ("conv2d_forward_loops", "conv2d_backward_loops")]
POOL_FORWARDS = ("max_pool_forward", "max_pool_forward_loops")

# (x shape, w shape, stride, pad): channels, non-square kernels and
# images, overlapping and non-overlapping windows
SETTINGS = [((2, 3, 7, 7), (4, 3, 3, 3), 1, 1),
            ((2, 3, 7, 7), (4, 3, 3, 3), 2, 1),
            ((3, 2, 6, 9), (5, 2, 2, 3), 2, 0),
            ((1, 1, 8, 8), (2, 1, 5, 5), 1, 2),
            ((2, 1, 5, 5), (1, 1, 5, 5), 1, 0),
            ((2, 2, 9, 9), (3, 2, 3, 3), 3, 0)]


@pytest.fixture(scope="module")
def lesson():
    return LESSON


@pytest.fixture(scope="module")
def split():
    """The lesson's digits: rows of 64 pixels in [0, 1], split 3:1."""
    digits = load_digits()
    return train_test_split(digits.data / 16.0, digits.target,
                            test_size=0.25, random_state=0)


def digits_cnn(lesson, **settings):
    """A SmallCNN for the 8 x 8 digits, as the lesson makes it."""
    return lesson["SmallCNN"](image_shape=(1, 8, 8), **settings)


@pytest.fixture(scope="module")
def trained(lesson, split):
    X_train, _, y_train, _ = split
    return digits_cnn(lesson, random_state=0).fit(X_train, y_train)


def arrays(x_shape, w_shape, seed=0):
    rng = np.random.default_rng(seed)
    return (rng.normal(size=x_shape), rng.normal(size=w_shape),
            rng.normal(size=w_shape[0]))


def scipy_conv(x, w, b, stride, pad):
    # for each image and filter: scipy's correlation over the channels
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    return np.array([[signal.correlate(x_pad[n], w[f], mode="valid")[0]
                      [::stride, ::stride] + b[f] for f in range(len(w))]
                     for n in range(len(x))])


# --- the convolution against SciPy ------------------------------------------

@pytest.mark.parametrize("forward", ["conv2d_forward",
                                     "conv2d_forward_loops"])
@pytest.mark.parametrize("x_shape, w_shape, stride, pad", SETTINGS)
def test_conv_forward_within_1e_12_of_scipy(lesson, forward, x_shape,
                                            w_shape, stride, pad):
    x, w, b = arrays(x_shape, w_shape)
    out, _ = lesson[forward](x, w, b, stride, pad)
    H_out = (x_shape[2] + 2 * pad - w_shape[2]) // stride + 1
    W_out = (x_shape[3] + 2 * pad - w_shape[3]) // stride + 1
    assert out.shape == (x_shape[0], w_shape[0], H_out, W_out)
    assert np.max(np.abs(out - scipy_conv(x, w, b, stride, pad))) < 1e-12


@pytest.mark.parametrize("pad, mode", [(0, "valid"), (1, "same"),
                                       (2, "full")])
def test_one_channel_is_correlate2d_and_flipped_is_convolve2d(lesson, pad,
                                                              mode):
    rng = np.random.default_rng(1)
    image, kernel = rng.normal(size=(6, 7)), rng.normal(size=(3, 3))
    out, _ = lesson["conv2d_forward"](image[None, None], kernel[None, None],
                                      np.zeros(1), 1, pad)
    corr = signal.correlate2d(image, kernel, mode=mode)
    assert np.max(np.abs(out[0, 0] - corr)) < 1e-12
    flipped, _ = lesson["conv2d_forward"](
        image[None, None], kernel[::-1, ::-1][None, None], np.zeros(1), 1,
        pad)
    conv = signal.convolve2d(image, kernel, mode=mode)
    assert np.max(np.abs(flipped[0, 0] - conv)) < 1e-12
    assert np.max(np.abs(out[0, 0] - conv)) > 0.1, "not a convolution"


def test_bias_is_added_once_per_filter(lesson):
    x, w, b = arrays((2, 3, 5, 5), (4, 3, 3, 3))
    with_b, _ = lesson["conv2d_forward"](x, w, b, 1, 1)
    without, _ = lesson["conv2d_forward"](x, w, np.zeros(4), 1, 1)
    assert np.allclose(with_b - without, b[None, :, None, None],
                       rtol=0, atol=1e-12)


# --- vectorised against loops, and gradients --------------------------------

@pytest.mark.parametrize("x_shape, w_shape, stride, pad", SETTINGS)
def test_vectorised_equals_loops_forward_and_backward(lesson, x_shape,
                                                      w_shape, stride, pad):
    x, w, b = arrays(x_shape, w_shape)
    out_fast, cache_fast = lesson["conv2d_forward"](x, w, b, stride, pad)
    out_loops, cache_loops = lesson["conv2d_forward_loops"](x, w, b,
                                                            stride, pad)
    assert np.max(np.abs(out_fast - out_loops)) < 1e-12
    dout = np.random.default_rng(2).normal(size=out_fast.shape)
    fast = lesson["conv2d_backward"](dout, cache_fast)
    slow = lesson["conv2d_backward_loops"](dout, cache_loops)
    for g_fast, g_slow, arr in zip(fast, slow, (x, w, b)):
        assert g_fast.shape == g_slow.shape == arr.shape
        assert np.max(np.abs(g_fast - g_slow)) < 1e-12


@pytest.mark.parametrize("forward, backward", CONV)
@pytest.mark.parametrize("x_shape, w_shape, stride, pad",
                         [SETTINGS[1], SETTINGS[2], SETTINGS[3]])
def test_conv_backward_matches_finite_differences(lesson, forward, backward,
                                                  x_shape, w_shape, stride,
                                                  pad):
    x, w, b = arrays(x_shape, w_shape, seed=3)
    out, cache = lesson[forward](x, w, b, stride, pad)
    dout = np.random.default_rng(4).normal(size=out.shape)
    grads = lesson[backward](dout, cache)
    for arr, grad in zip((x, w, b), grads):
        numeric = numerical_gradient(
            lambda: np.sum(lesson[forward](x, w, b, stride, pad)[0] * dout),
            arr)
        assert rel_error(grad, numeric) < 1e-6


def test_im2col_rows_are_the_windows(lesson):
    x = np.arange(2 * 3 * 5 * 5, dtype=float).reshape(2, 3, 5, 5)
    cols = lesson["im2col"](x, 3, 2, 2)             # stride 2: 2 x 2 places
    assert cols.shape == (2 * 2 * 2, 3 * 3 * 2)
    # row (n=1, i=1, j=0) is the window at rows 2..4, columns 0..1
    assert np.array_equal(cols[1 * 4 + 1 * 2 + 0], x[1, :, 2:5, 0:2].ravel())


def test_backward_does_not_change_its_inputs(lesson):
    x, w, b = arrays((2, 2, 6, 6), (3, 2, 3, 3))
    copies = [a.copy() for a in (x, w, b)]
    out, cache = lesson["conv2d_forward"](x, w, b, 1, 1)
    dout = np.ones_like(out)
    lesson["conv2d_backward"](dout, cache)
    lesson["conv2d_backward"](dout, cache)          # twice: same cache
    assert all(np.array_equal(a, c) for a, c in zip((x, w, b), copies))
    assert np.array_equal(dout, np.ones_like(out))


# --- max-pooling ------------------------------------------------------------

POOLS = [((2, 3, 8, 8), 2, None), ((2, 3, 6, 6), 3, 3),
         ((2, 2, 5, 5), 2, 1), ((1, 2, 7, 7), 3, 2), ((1, 1, 4, 6), 2, 2)]


@pytest.mark.parametrize("x_shape, P, stride", POOLS)
def test_max_pool_equals_loops_and_a_reference(lesson, x_shape, P, stride):
    x = np.random.default_rng(5).normal(size=x_shape)
    out, _ = lesson["max_pool_forward"](x, P, stride)
    s = P if stride is None else stride
    H_out, W_out = (x_shape[2] - P) // s + 1, (x_shape[3] - P) // s + 1
    want = np.array([[[[x[n, c, i * s:i * s + P, j * s:j * s + P].max()
                        for j in range(W_out)] for i in range(H_out)]
                      for c in range(x_shape[1])] for n in range(x_shape[0])])
    assert np.array_equal(out, want)
    assert np.array_equal(lesson["max_pool_forward_loops"](x, P, stride),
                          want)


@pytest.mark.parametrize("x_shape, P, stride", POOLS)
def test_max_pool_backward_matches_finite_differences(lesson, x_shape, P,
                                                      stride):
    x = np.random.default_rng(6).normal(size=x_shape)
    out, cache = lesson["max_pool_forward"](x, P, stride)
    dout = np.random.default_rng(7).normal(size=out.shape)
    numeric = numerical_gradient(
        lambda: np.sum(lesson["max_pool_forward"](x, P, stride)[0] * dout),
        x)
    assert rel_error(lesson["max_pool_backward"](dout, cache), numeric) \
        < 1e-6


def test_max_pool_ties_go_to_the_first_maximum(lesson):
    x = np.array([[[[3.0, 3.0, 0.0, 1.0],
                    [1.0, 0.0, 1.0, 0.0],
                    [2.0, 5.0, 4.0, 4.0],
                    [5.0, 1.0, 4.0, 4.0]]]])
    out, cache = lesson["max_pool_forward"](x, 2)
    assert np.array_equal(out[0, 0], [[3.0, 1.0], [5.0, 4.0]])
    dx = lesson["max_pool_backward"](np.ones((1, 1, 2, 2)), cache)[0, 0]
    assert np.array_equal(dx, [[1, 0, 0, 1],       # (0, 1) tie: first
                               [0, 0, 0, 0],       # (0, 3) over (1, 2)
                               [0, 1, 1, 0],       # 5s: (2, 1) first;
                               [0, 0, 0, 0]])      # four 4s: (2, 2)


def test_overlapping_windows_add_their_gradients(lesson):
    # the 9 in the middle wins all four 2 x 2 windows at stride 1
    x = np.zeros((1, 1, 3, 3))
    x[0, 0, 1, 1] = 9.0
    out, cache = lesson["max_pool_forward"](x, 2, 1)
    assert np.array_equal(out, np.full((1, 1, 2, 2), 9.0))
    dout = np.array([[[[1.0, 2.0], [3.0, 4.0]]]])
    dx = lesson["max_pool_backward"](dout, cache)
    assert dx[0, 0, 1, 1] == 10.0 and dx.sum() == 10.0


# --- the network -----------------------------------------------------------

def test_cnn_loss_gradient_matches_finite_differences(lesson):
    rng = np.random.default_rng(8)
    params = {"w_conv": rng.normal(0, 0.5, size=(3, 2, 3, 3)),
              "b_conv": rng.normal(0, 0.1, size=3),
              "w_dense": rng.normal(0, 0.1, size=(48, 4)),
              "b_dense": rng.normal(0, 0.1, size=4)}
    X = rng.normal(size=(5, 2, 8, 8))
    y = rng.integers(0, 4, size=5)
    _, grads = lesson["cnn_loss"](params, X, y, 1, 2)
    for name, value in params.items():
        numeric = numerical_gradient(
            lambda: lesson["cnn_loss"](params, X, y, 1, 2)[0], value)
        assert rel_error(grads[name], numeric) < 1e-6, name


def test_small_cnn_reaches_95_percent_on_the_digits(trained, split):
    _, X_test, _, y_test = split
    assert trained.score(X_test, y_test) >= 0.95
    assert len(trained.loss_curve_) == 20
    assert trained.loss_curve_[-1] < 0.25 * trained.loss_curve_[0]


def test_predict_proba_is_a_distribution_and_predict_its_argmax(trained,
                                                                split):
    _, X_test, _, _ = split
    P = trained.predict_proba(X_test[:50])
    assert P.shape == (50, 10)
    assert np.allclose(P.sum(axis=1), 1.0) and np.all(P >= 0)
    assert np.array_equal(trained.predict(X_test[:50]),
                          trained.classes_[P.argmax(axis=1)])


def test_init_only_stores(lesson):
    model = lesson["SmallCNN"](num_filters=4, lr=0.1, random_state=3)
    assert (model.num_filters, model.lr, model.random_state) == (4, 0.1, 3)
    assert not [a for a in vars(model) if a.endswith("_")]


def test_fit_returns_self_and_shapes(lesson, split):
    X_train, _, y_train, _ = split
    model = digits_cnn(lesson, num_filters=5, num_epochs=1)
    assert model.fit(X_train[:200], y_train[:200]) is model
    assert model.w_conv_.shape == (5, 1, 3, 3)
    assert model.b_conv_.shape == (5,)
    assert model.w_dense_.shape == (5 * 4 * 4, 10)
    assert model.image_shape_ == (1, 8, 8) and model.n_features_in_ == 64


def test_deterministic_and_seeded(lesson, split):
    X_train, X_test, y_train, _ = split
    make = lambda seed: digits_cnn(lesson, num_epochs=2,   # noqa: E731
                                   random_state=seed).fit(
        X_train[:300], y_train[:300])
    one, two, other = make(0), make(0), make(1)
    assert np.array_equal(one.w_conv_, two.w_conv_)
    assert np.array_equal(one.predict_proba(X_test), two.predict_proba(X_test))
    assert not np.allclose(one.w_conv_, other.w_conv_)


def test_refit_starts_afresh(lesson, split):
    X_train, X_test, y_train, _ = split
    model = digits_cnn(lesson, num_epochs=1).fit(X_train[:300],
                                                 y_train[:300])
    model.fit(X_train[300:600], y_train[300:600])
    fresh = digits_cnn(lesson, num_epochs=1).fit(X_train[300:600],
                                                 y_train[300:600])
    assert np.array_equal(model.w_conv_, fresh.w_conv_)
    assert len(model.loss_curve_) == 1


def test_labels_are_kept_and_channels_work(lesson):
    # two classes named by strings, on 2-channel 6 x 6 images given as
    # rows of 72 numbers
    rng = np.random.default_rng(9)
    images = rng.normal(size=(80, 2, 6, 6))
    y = np.where(images[:, 0, :3].sum(axis=(1, 2)) > 0, "top", "bottom")
    model = lesson["SmallCNN"](image_shape=(2, 6, 6), num_filters=4,
                               num_epochs=15).fit(images.reshape(80, -1), y)
    assert list(model.classes_) == ["bottom", "top"]
    assert set(model.predict(images.reshape(80, -1))) <= {"bottom", "top"}
    assert model.score(images.reshape(80, -1), y) > 0.8


def test_rows_are_folded_into_images_channel_first(lesson, split):
    # predict on rows equals the network run on the images they fold to
    X_train, X_test, y_train, _ = split
    model = digits_cnn(lesson, num_epochs=1).fit(X_train[:200],
                                                 y_train[:200])
    params = {"w_conv": model.w_conv_, "b_conv": model.b_conv_,
              "w_dense": model.w_dense_, "b_dense": model.b_dense_}
    scores, _ = lesson["cnn_forward"](params, X_test[:7].reshape(7, 1, 8, 8),
                                      1, 2)
    assert np.allclose(model.predict_proba(X_test[:7]),
                       lesson["layers"].softmax(scores), rtol=0, atol=1e-12)


def test_without_image_shape_a_row_is_one_line_of_pixels(lesson):
    rng = np.random.default_rng(10)
    X = rng.normal(size=(60, 6))
    y = (X[:, 0] > 0).astype(int)
    model = lesson["SmallCNN"](pool_size=1, num_epochs=2).fit(X, y)
    assert model.image_shape_ == (1, 1, 6)
    assert model.predict_proba(X).shape == (60, 2)


def test_works_in_a_grid_search(lesson, split):
    from sklearn.model_selection import GridSearchCV
    X_train, _, y_train, _ = split
    search = GridSearchCV(digits_cnn(lesson, num_epochs=2),
                          {"num_filters": [2, 4]}, cv=2)
    search.fit(X_train[:300], y_train[:300])
    assert search.best_params_["num_filters"] in (2, 4)


# --- scikit-learn's estimator checks ----------------------------------------
# The checks feed matrices of 1 to 10 features, not 8 x 8 images: without
# image_shape a row is read as a one-row image, where no 2 x 2 pooling fits,
# so the checked instance pools 1 x 1 (no pooling) and trains 10 epochs.

EXPECTED_FAILURES = {"SmallCNN": COURSE_VALIDATION}


@sklearn_checks([LESSON["SmallCNN"](num_filters=4, pool_size=1,
                                    num_epochs=10)], EXPECTED_FAILURES)
def test_scikit_learn_estimator_checks(estimator, check):
    check(estimator)


# --- bad input -------------------------------------------------------------

@pytest.mark.parametrize("forward", ["conv2d_forward",
                                     "conv2d_forward_loops"])
def test_conv_bad_shapes(lesson, forward):
    f = lesson[forward]
    x, w, b = arrays((2, 3, 6, 6), (4, 3, 3, 3))
    with pytest.raises(ValueError, match=r"x must have shape \(N, C, H, W\)"
                                         r", got \(28, 28\)"):
        f(np.zeros((28, 28)), w, b, 1, 1)
    with pytest.raises(ValueError, match=r"w must have shape \(F, C, HH, "
                                         r"WW\), got \(3, 3\)"):
        f(x, np.zeros((3, 3)), b, 1, 1)
    with pytest.raises(ValueError, match=r"with C = 3, the channels of x "
                                         r"\(2, 3, 6, 6\); got "
                                         r"\(4, 1, 3, 3\)"):
        f(x, np.zeros((4, 1, 3, 3)), b, 1, 1)
    with pytest.raises(ValueError, match=r"b must have shape \(F,\) = "
                                         r"\(4,\).*got \(4, 1\)"):
        f(x, w, b[:, None], 1, 1)
    with pytest.raises(ValueError, match=r"b must have shape \(F,\) = "
                                         r"\(4,\).*got \(3,\)"):
        f(x, w, b[:3], 1, 1)


@pytest.mark.parametrize("forward", ["conv2d_forward",
                                     "conv2d_forward_loops"])
def test_conv_bad_stride_pad_and_sizes(lesson, forward):
    f = lesson[forward]
    x, w, b = arrays((2, 3, 6, 6), (4, 3, 3, 3))
    for stride in (0, -1, 1.5, True, "2"):
        with pytest.raises(ValueError, match="stride must be a whole "
                                             "number >= 1"):
            f(x, w, b, stride, 1)
    for pad in (-1, 0.5):
        with pytest.raises(ValueError, match="pad must be a whole number "
                                             ">= 0"):
            f(x, w, b, 1, pad)
    big = np.zeros((4, 3, 9, 9))
    with pytest.raises(ValueError, match=r"kernel \(HH, WW\) = \(9, 9\) is "
                                         r"larger than the padded input "
                                         r"\(H \+ 2 \* pad, W \+ 2 \* pad\)"
                                         r" = \(8, 8\)"):
        f(x, big, b, 1, 1)
    with pytest.raises(ValueError, match="stride 4 does not fit: "
                                         "H \\+ 2 \\* pad - HH = 5"):
        f(x, w, b, 4, 1)


@pytest.mark.parametrize("forward", ["conv2d_forward",
                                     "conv2d_forward_loops"])
def test_conv_nan_and_empty(lesson, forward):
    f = lesson[forward]
    x, w, b = arrays((2, 3, 6, 6), (4, 3, 3, 3))
    for i, name in enumerate("xwb"):
        bad = [x.copy(), w.copy(), b.copy()]
        bad[i].flat[1] = np.nan
        with pytest.raises(ValueError, match=f"{name} must hold finite"):
            f(*bad, 1, 1)
    with pytest.raises(ValueError, match="x must not be empty"):
        f(np.zeros((0, 3, 6, 6)), w, b, 1, 1)
    with pytest.raises(TypeError, match="x must be numbers .*strings"):
        f([["a"]], w, b, 1, 1)


@pytest.mark.parametrize("forward, backward", CONV)
def test_conv_backward_bad_dout(lesson, forward, backward):
    x, w, b = arrays((2, 3, 7, 7), (4, 3, 3, 3))
    out, cache = lesson[forward](x, w, b, 2, 1)
    assert out.shape == (2, 4, 4, 4)
    with pytest.raises(ValueError, match=r"dout must have the shape of the "
                                         r"forward output, \(N, F, H_out, "
                                         r"W_out\) = \(2, 4, 4, 4\), got "
                                         r"\(2, 4, 7, 7\)"):
        lesson[backward](np.zeros((2, 4, 7, 7)), cache)
    dout = np.ones(out.shape)
    dout[0, 0, 0, 0] = np.nan
    with pytest.raises(ValueError, match="dout must hold finite numbers"):
        lesson[backward](dout, cache)


@pytest.mark.parametrize("forward", POOL_FORWARDS)
def test_pool_bad_input(lesson, forward):
    f = lesson[forward]
    x = np.random.default_rng(0).normal(size=(2, 3, 6, 6))
    with pytest.raises(ValueError, match=r"x must have shape \(N, C, H, W\)"
                                         r", got \(6, 6\)"):
        f(x[0, 0], 2)
    with pytest.raises(ValueError, match=r"pool_size 7 is larger than the "
                                         r"input \(H, W\) = \(6, 6\)"):
        f(x, 7)
    with pytest.raises(ValueError, match=r"windows of 4 x 4 at stride 4 do "
                                         r"not tile \(H, W\) = \(6, 6\)"):
        f(x, 4)
    with pytest.raises(ValueError, match=r"windows of 2 x 2 at stride 3 do "
                                         r"not tile"):
        f(x, 2, 3)
    with pytest.raises(ValueError, match="do not tile"):
        f(np.zeros((1, 1, 7, 7)), 2)
    for size in (0, 2.0, None):
        with pytest.raises(ValueError, match="pool_size must be a whole "
                                             "number >= 1"):
            f(x, size)
    with pytest.raises(ValueError, match="stride must be a whole number"):
        f(x, 2, 0)
    x_nan = x.copy()
    x_nan[1, 2, 3, 4] = np.nan
    with pytest.raises(ValueError, match="x must hold finite numbers"):
        f(x_nan, 2)
    with pytest.raises(ValueError, match="x must not be empty"):
        f(np.zeros((0, 3, 6, 6)), 2)


def test_pool_backward_bad_dout(lesson):
    x = np.random.default_rng(0).normal(size=(2, 3, 6, 6))
    _, cache = lesson["max_pool_forward"](x, 2)
    with pytest.raises(ValueError, match=r"dout must have the shape of the "
                                         r"forward output, \(N, C, H_out, "
                                         r"W_out\) = \(2, 3, 3, 3\), got "
                                         r"\(2, 3, 6, 6\)"):
        lesson["max_pool_backward"](x, cache)
    with pytest.raises(ValueError, match="dout must hold finite numbers"):
        lesson["max_pool_backward"](np.full((2, 3, 3, 3), np.nan), cache)


def test_small_cnn_bad_input(lesson, trained, split):
    X_train, X_test, y_train, _ = split
    SmallCNN = lambda: digits_cnn(lesson)                   # noqa: E731
    with pytest.raises(ValueError, match="not fitted yet"):
        SmallCNN().predict(X_test)
    with pytest.raises(ValueError, match=r"SmallCNN.predict: X must have "
                                         r"shape \(n_samples, 64\), got "
                                         r"\(5, 1, 8, 8\)"):
        trained.predict(X_test[:5].reshape(5, 1, 8, 8))
    with pytest.raises(ValueError, match=r"SmallCNN.predict_proba: X must "
                                         r"have shape \(n_samples, 64\), "
                                         r"got \(5, 36\)"):
        trained.predict_proba(X_test[:5, :36])
    with pytest.raises(ValueError, match=r"SmallCNN.fit: X must have shape "
                                         r"\(n_samples, n_features\), got "
                                         r"\(20, 1, 8, 8\)"):
        SmallCNN().fit(X_train[:20].reshape(20, 1, 8, 8), y_train[:20])
    with pytest.raises(ValueError, match=r"image_shape must be \(C, H, W\) "
                                         r"with C \* H \* W = 36"):
        SmallCNN().fit(X_train[:20, :36], y_train[:20])
    with pytest.raises(ValueError, match=r"y must have shape "
                                         r"\(20,\).*got \(19,\)"):
        SmallCNN().fit(X_train[:20], y_train[:19])
    with pytest.raises(ValueError, match=r"got \(20, 1\)"):
        SmallCNN().fit(X_train[:20], y_train[:20, None])
    X_nan = X_train[:20].copy()
    X_nan[3, 40] = np.nan
    with pytest.raises(ValueError, match="X must hold finite numbers"):
        SmallCNN().fit(X_nan, y_train[:20])
    with pytest.raises(ValueError, match="y must hold finite labels"):
        SmallCNN().fit(X_train[:3], [0.0, np.nan, 1.0])
    with pytest.raises(ValueError, match="X must not be empty"):
        SmallCNN().fit(X_train[:0], y_train[:0])
    with pytest.raises(ValueError, match="at least 2 classes, got 1 class"):
        SmallCNN().fit(X_train[:5], np.full(5, 3))


@pytest.mark.parametrize("settings, message", [
    (dict(lr=0.0), "lr must be a positive number"),
    (dict(momentum=1.0), r"momentum must be in \[0, 1\)"),
    (dict(num_epochs=0), "num_epochs must be a positive whole number"),
    (dict(batch_size=2.5), "batch_size must be a positive whole number"),
    (dict(num_filters=0), "num_filters must be a positive whole number"),
    (dict(pad=-1), "pad must be a whole number >= 0"),
    (dict(image_shape=(1, 4, 4)), r"image_shape must be \(C, H, W\) with "
                                  r"C \* H \* W = 64"),
    (dict(image_shape=(1, 0, 8)), "image_shape must be a positive whole"),
    (dict(pool_size=3), r"feature maps of 8 x 8 .* which pool_size 3 must "
                        r"divide"),
    (dict(kernel_size=11), r"feature maps of 0 x 0"),
])
def test_small_cnn_bad_settings(lesson, split, settings, message):
    X_train, _, y_train, _ = split
    settings = {"image_shape": (1, 8, 8), **settings}
    with pytest.raises(ValueError, match=message):
        lesson["SmallCNN"](**settings).fit(X_train[:20], y_train[:20])


@pytest.mark.parametrize("bad, words", [
    (lambda X: X + 1j, "complex"),
    (lambda X: X > 0.5, "bool"),
    (lambda X: None, "None"),
])
def test_small_cnn_refuses_x_that_is_not_numbers(lesson, split, bad, words):
    X_train, _, y_train, _ = split
    with pytest.raises((TypeError, ValueError), match=words):
        digits_cnn(lesson).fit(bad(X_train[:20]), y_train[:20])


def test_small_cnn_refuses_a_continuous_y(lesson, split):
    X_train, _, y_train, _ = split
    with pytest.raises(ValueError, match="y looks continuous"):
        digits_cnn(lesson).fit(X_train[:20], y_train[:20] + 0.5)


# --- Try it: a filter that learns ------------------------------------------

PLAY_CHECKS = """
assert explorer.error is None, explorer.error
assert explorer.count == 0
start = filter_trainer.params["w_conv"].copy()
explorer.step(3)                             # three epochs
assert explorer.count == 3 and len(filter_trainer.test_losses) == 4
assert not np.allclose(filter_trainer.params["w_conv"], start)
assert filter_trainer.test_losses[-1] < 0.5 * filter_trainer.test_losses[0]
# the filters shown are the network's filters, the maps its ReLU maps
assert np.array_equal(filter_images[0].get_array(),
                      filter_trainer.params["w_conv"][0, 0])
# a new learning rate goes on with the run; fewer filters start again
explorer.set(lr=0.1)
assert explorer.count == 3 and filter_trainer.lr == 0.1
explorer.set(num_filters=3)
assert explorer.count == 0
assert [image.get_visible() for image in filter_images] == [True] * 3 + [
    False] * 5
explorer.step(30)                            # the whole run, then no more
assert explorer.count == 30
# the trainer follows fit: the same seed and settings, the same filters
model_3 = SmallCNN(image_shape=(1, 8, 8), num_filters=3, lr=0.1,
                   num_epochs=30, random_state=0).fit(X_train[:800],
                                                      y_train[:800])
assert np.allclose(model_3.w_conv_, filter_trainer.params["w_conv"])
print("play checks passed")
"""


def test_the_filters_learn_as_the_explorer_plays():
    from execute import ROOT, execute
    nb = execute(ROOT / "notebooks" / NOTEBOOK, extra=[PLAY_CHECKS])
    assert nb.cells[-1].outputs[0].text == "play checks passed\n"
