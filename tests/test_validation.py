import numpy as np
import pytest

from helpers import validation


def test_as_matrix_accepts_lists_and_returns_floats():
    X = validation.as_matrix([[1, 2], [3, 4]], n_features=2)
    assert X.dtype == float and X.shape == (2, 2)


def test_as_matrix_reads_one_sample_when_the_width_matches():
    assert validation.as_matrix([1, 2, 3], n_features=3).shape == (1, 3)


@pytest.mark.parametrize("bad, message", [
    (np.zeros((4, 3)), r"f: X must have shape \(n_samples, 2\), got \(4, 3\)"),
    (np.zeros(5), r"must have shape \(n_samples, 2\), got \(5,\)"),
    (np.zeros((0, 2)), r"must not be empty, got shape \(0, 2\)"),
    (np.array([[1.0, np.nan]]), r"finite numbers, got 1 NaN"),
    (np.zeros((2, 2, 2)), r"got \(2, 2, 2\)"),
])
def test_as_matrix_names_expected_and_given(bad, message):
    with pytest.raises(ValueError, match=message):
        validation.as_matrix(bad, "X", 2, "f")


def test_as_matrix_refuses_text():
    with pytest.raises(TypeError, match="X must be numbers"):
        validation.as_matrix([["a", "b"]], "X", 2, "f")


def test_as_vector_refuses_a_column_with_a_hint():
    with pytest.raises(ValueError, match=r"got \(9, 1\) \(flatten it"):
        validation.as_vector(np.zeros((9, 1)), "y", 9, "f")


@pytest.mark.parametrize("bad, message", [
    (np.zeros(3), r"shape \(4,\) to match X, got \(3,\)"),
    ([], r"must not be empty"),
    ([0.0, np.inf, 1, 1], r"finite numbers"),
])
def test_as_vector_errors(bad, message):
    with pytest.raises(ValueError, match=message):
        validation.as_vector(bad, "y", 4 if len(bad) else None, "f")


def test_binary_labels():
    assert validation.as_binary_labels([0, 1.0, 1]).dtype == int
    with pytest.raises(ValueError, match=r"only the labels 0 and 1, "
                                         r"got the values \{-1, 1\}"):
        validation.as_binary_labels([-1, 1, 1])


@pytest.mark.parametrize("value", [0, -1, float("nan"), 2.5])
def test_as_positive_integer_errors(value):
    with pytest.raises(ValueError, match="positive whole number"):
        validation.as_positive(value, "k", "f", integer=True)


def test_as_positive_refuses_text():
    with pytest.raises(TypeError, match="k must be a positive number"):
        validation.as_positive("ten", "k", "f")
    assert validation.as_positive("3", "k", integer=True) == 3


def test_check_fitted():
    class Model:
        coef_ = None
    with pytest.raises(ValueError, match="Model.predict: this Model is not "
                                         r"fitted yet; call fit\(X, y\)"):
        validation.check_fitted(Model(), "coef_")
    fitted = Model()
    fitted.coef_ = np.ones(2)
    validation.check_fitted(fitted, "coef_")


def test_check_fitted_names_how_the_model_is_fitted():
    class PCA:
        components_ = None
    with pytest.raises(ValueError, match=r"PCA.transform: this PCA is not "
                                         r"fitted yet; call fit\(X\) first"):
        validation.check_fitted(PCA(), "components_", "PCA.transform",
                                call="fit(X)")


# --- images and the sizes of convolution and pooling (lesson 16) ----------

def test_as_images_wants_four_axes():
    assert validation.as_images(np.zeros((2, 1, 3, 3))).shape == (2, 1, 3, 3)
    with pytest.raises(ValueError, match=r"f: w must have shape \(F, C, HH, "
                                         r"WW\), got \(3, 3\)"):
        validation.as_images(np.zeros((3, 3)), "w", "f", "(F, C, HH, WW)")
    with pytest.raises(ValueError, match="x must hold finite numbers"):
        validation.as_images(np.full((1, 1, 2, 2), np.nan))


def test_check_conv_shapes_returns_clean_values():
    x, w, b, stride, pad = validation.check_conv_shapes(
        np.zeros((2, 3, 6, 6)), np.zeros((4, 3, 3, 3)), [0, 1, 2, 3],
        np.int64(1), 1)
    assert b.dtype == float and b.shape == (4,)
    assert (stride, pad) == (1, 1) and type(stride) is int


@pytest.mark.parametrize("args, message", [
    (((2, 3, 6, 6), (4, 2, 3, 3), 4, 1, 1),
     r"with C = 3, the channels of x \(2, 3, 6, 6\); got \(4, 2, 3, 3\)"),
    (((2, 3, 6, 6), (4, 3, 3, 3), 3, 1, 1),
     r"b must have shape \(F,\) = \(4,\), one bias per filter, got \(3,\)"),
    (((2, 3, 6, 6), (4, 3, 3, 3), 4, 1.5, 1),
     "stride must be a whole number >= 1, got 1.5"),
    (((2, 3, 6, 6), (4, 3, 3, 3), 4, 1, -1),
     "pad must be a whole number >= 0, got -1"),
    (((2, 3, 6, 6), (4, 3, 9, 9), 4, 1, 1),
     r"the kernel \(HH, WW\) = \(9, 9\) is larger than the padded input"),
    (((2, 3, 6, 6), (4, 3, 3, 3), 4, 4, 1),
     "stride 4 does not fit: H \\+ 2 \\* pad - HH = 5"),
])
def test_check_conv_shapes_errors(args, message):
    x_shape, w_shape, F, stride, pad = args
    with pytest.raises(ValueError, match=message):
        validation.check_conv_shapes(np.zeros(x_shape), np.zeros(w_shape),
                                     np.zeros(F), stride, pad, "conv")


def test_check_conv_shapes_refuses_a_nan_bias():
    with pytest.raises(ValueError, match="conv: b must hold finite"):
        validation.check_conv_shapes(np.zeros((1, 1, 4, 4)),
                                     np.zeros((1, 1, 3, 3)), [np.nan], 1, 0,
                                     "conv")


def test_check_pool_shapes():
    x, P, stride = validation.check_pool_shapes(np.zeros((1, 2, 6, 6)), 2,
                                                None)
    assert (P, stride) == (2, 2)
    with pytest.raises(ValueError, match=r"pool: pool_size 7 is larger than "
                                         r"the input \(H, W\) = \(6, 6\)"):
        validation.check_pool_shapes(x, 7, None, "pool")
    with pytest.raises(ValueError, match=r"windows of 4 x 4 at stride 4 do "
                                         r"not tile \(H, W\) = \(6, 6\)"):
        validation.check_pool_shapes(x, 4, None)
    for size in (0, 2.0, None, True):
        with pytest.raises(ValueError, match="pool_size must be a whole "
                                             "number >= 1"):
            validation.check_pool_shapes(x, size, None)


def test_check_dout():
    dout = validation.check_dout([[1, 2]], (1, 2), "back", "(N, K)")
    assert dout.dtype == float
    with pytest.raises(ValueError, match=r"back: dout must have the shape "
                                         r"of the forward output, \(N, K\) "
                                         r"= \(1, 3\), got \(1, 2\)"):
        validation.check_dout(dout, (1, 3), "back", "(N, K)")
    with pytest.raises(ValueError, match="dout must hold finite numbers"):
        validation.check_dout([[np.inf, 0.0]], (1, 2))
