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


# -- introduced in 15-deep-networks.ipynb --


def test_check_dense_args():
    x, w, b = validation.check_dense_args([[1, 2]], np.zeros((2, 3)),
                                          [0, 0, 0])
    assert x.dtype == float and b.shape == (3,)
    w, b = np.zeros((64, 10)), np.zeros(10)
    with pytest.raises(ValueError, match=r"dense: x must have shape \(N, D\)"
                                         r" = \(N, 64\), got \(28, 28\)"):
        validation.check_dense_args(np.zeros((28, 28)), w, b, "dense")
    with pytest.raises(ValueError, match=r"w must have shape \(D, M\), got "
                                         r"\(64,\)"):
        validation.check_dense_args(np.zeros((2, 64)), np.zeros(64), b)
    with pytest.raises(ValueError, match=r"b must have shape \(M,\) = "
                                         r"\(10,\), got \(1, 10\)"):
        validation.check_dense_args(np.zeros((2, 64)), w, np.zeros((1, 10)))
    with pytest.raises(ValueError, match="x must hold finite numbers"):
        validation.check_dense_args([[np.nan] * 64], w, b)
    with pytest.raises(ValueError, match="x must not be empty"):
        validation.check_dense_args(np.zeros((0, 64)), w, b)
    with pytest.raises(TypeError, match="w must be numbers"):
        validation.check_dense_args(np.zeros((2, 2)), "w", b)


def test_check_scores_and_labels():
    scores, y = validation.check_scores_and_labels([[0, 1], [2, 3]], [1, 0])
    assert scores.dtype == float and list(y) == [1, 0]
    scores = np.zeros((3, 4))
    with pytest.raises(ValueError, match=r"loss: y must hold whole numbers "
                                         r"from 0 to 3, got values from 0 "
                                         r"to 4"):
        validation.check_scores_and_labels(scores, [0, 4, 1], "loss")
    with pytest.raises(TypeError, match="y must be whole numbers"):
        validation.check_scores_and_labels(scores, [0.0, 1.0, 2.0])
    with pytest.raises(ValueError, match=r"y must have shape \(3,\), got "
                                         r"\(2,\)"):
        validation.check_scores_and_labels(scores, [0, 1])
    with pytest.raises(ValueError, match=r"scores must have shape \(N, K\)"):
        validation.check_scores_and_labels(np.zeros(4), [0])
    with pytest.raises(ValueError, match="scores must hold finite numbers"):
        validation.check_scores_and_labels([[np.inf, 0.0]], [0])


class _Settings:
    def __init__(self, **changes):
        self.__dict__.update(dict(hidden_layer_sizes=(8, 4), activation="relu",
                                  alpha=0.0, lr=0.1, batch_size=32,
                                  num_epochs=3, init="he"), **changes)


def test_check_hidden_sizes():
    assert validation.check_hidden_sizes(5) == [5]
    assert validation.check_hidden_sizes([np.int64(3), 2]) == [3, 2]
    for bad in ((128, 0), (2.5,), (True,), True):
        error = TypeError if bad is True else ValueError
        with pytest.raises(error, match="net: hidden_layer_sizes must be "
                                        "positive whole numbers"):
            validation.check_hidden_sizes(bad, "net")
    with pytest.raises(TypeError, match="hidden_layer_sizes"):
        validation.check_hidden_sizes("64")


@pytest.mark.parametrize("changes, error, message", [
    (dict(hidden_layer_sizes=(-3,)), ValueError, "hidden_layer_sizes"),
    (dict(activation="softplus"), ValueError, "activation must be one of "
                                              r"\['relu', 'tanh'\]"),
    (dict(activation=["relu"]), ValueError, "activation must be one of"),
    (dict(alpha=-1.0), ValueError, "alpha must be a number >= 0"),
    (dict(lr=0), ValueError, "lr must be a positive number, got 0"),
    (dict(lr="fast"), TypeError, "lr must be a positive number"),
    (dict(batch_size=2.5), ValueError, "batch_size must be a positive whole"),
    (dict(num_epochs=0), ValueError, "num_epochs must be a positive whole"),
    (dict(init="normal"), ValueError, "init must be 'he', 'xavier' or a "
                                      "positive standard deviation, got "
                                      "'normal'"),
    (dict(init=-0.1), ValueError, "init must be a positive number"),
])
def test_check_mlp_settings_errors(changes, error, message):
    with pytest.raises(error, match="MLP.fit: " + message):
        validation.check_mlp_settings(_Settings(**changes), ("relu", "tanh"))


def test_check_mlp_settings_returns_the_widths():
    assert validation.check_mlp_settings(_Settings(), {"relu": None}) == [8, 4]
    assert validation.check_mlp_settings(
        _Settings(hidden_layer_sizes=16, init=0.01), ["relu"]) == [16]


# -- introduced in 17-autoencoders.ipynb --

class _AutoencoderSettings:
    hidden_sizes, n_components, activation, output = (32,), 2, "relu", "sigmoid"
    optimizer, lr, batch_size, num_epochs, noise = "adam", 0.02, 128, 100, 0.0


def _autoencoder(**changes):
    model = _AutoencoderSettings()
    for name, value in changes.items():
        setattr(model, name, value)
    return model


def test_check_autoencoder_settings_returns_clean_values():
    got = validation.check_autoencoder_settings(
        _autoencoder(hidden_sizes=np.int64(8), n_components=np.int64(3),
                     batch_size=16.0, noise=0.3), 64)
    assert got == ((8,), 3, 0.02, 16, 100, 0.3)
    assert type(got[1]) is int and type(got[0][0]) is int


@pytest.mark.parametrize("changes, error, message", [
    (dict(hidden_sizes=(0,)), ValueError, "hidden_sizes must be positive "
                                          "whole numbers"),
    (dict(hidden_sizes=3.5), TypeError, "hidden_sizes must be positive "
                                        "whole numbers"),
    (dict(n_components=2.0), TypeError, "n_components must be a whole"),
    (dict(n_components=65), ValueError,
     r"f: n_components \(the bottleneck\) must be from 1 to n_features = 64,"
     r" got 65"),
    (dict(activation="softmax"), ValueError, "activation must be one of"),
    (dict(output=None), ValueError, "output must be one of"),
    (dict(optimizer="rmsprop"), ValueError, "optimizer must be one of"),
    (dict(lr=0), ValueError, "lr must be a positive number"),
    (dict(batch_size=2.5), ValueError, "batch_size must be a positive whole"),
    (dict(noise="loud"), ValueError, "noise must be a number >= 0"),
    (dict(noise=-0.1), ValueError, "noise must be a number >= 0"),
])
def test_check_autoencoder_settings_errors(changes, error, message):
    with pytest.raises(error, match=message):
        validation.check_autoencoder_settings(_autoencoder(**changes), 64, "f")


# -- introduced in 16-cnn-operations.ipynb --

class _CNNSettings:
    """The settings SmallCNN passes to check_cnn_settings."""

    def __init__(self, **changes):
        self.image_shape, self.num_filters, self.kernel_size = (1, 8, 8), 8, 3
        self.pad, self.pool_size, self.lr, self.momentum = 1, 2, 0.05, 0.9
        self.num_epochs, self.batch_size = 20, 32
        self.__dict__.update(changes)


def test_check_cnn_settings_returns_the_image_shape():
    assert validation.check_cnn_settings(_CNNSettings(), 64) == (1, 8, 8)
    assert validation.check_cnn_settings(
        _CNNSettings(image_shape=None, kernel_size=1, pool_size=1),
        6) == (1, 1, 6)


@pytest.mark.parametrize("changes, message", [
    (dict(image_shape=(1, 4, 4)),
     r"cnn: image_shape must be \(C, H, W\) with C \* H \* W = 64, the "
     r"features of X, got \(1, 4, 4\)"),
    (dict(image_shape=64), r"image_shape must be \(C, H, W\).*got 64"),
    (dict(image_shape=(1, 0, 8)), "image_shape must be a positive whole"),
    (dict(num_filters=0), "num_filters must be a positive whole number"),
    (dict(batch_size=2.5), "batch_size must be a positive whole number"),
    (dict(pad=-1), "pad must be a whole number >= 0, got -1"),
    (dict(lr=0.0), "lr must be a positive number"),
    (dict(momentum=1.0), r"momentum must be in \[0, 1\), got 1.0"),
    (dict(pool_size=3), r"feature maps of 8 x 8 \(kernel_size 3, pad 1\), "
                        r"which pool_size 3 must divide"),
    (dict(kernel_size=11), "feature maps of 0 x 0"),
])
def test_check_cnn_settings_errors(changes, message):
    with pytest.raises(ValueError, match=message):
        validation.check_cnn_settings(_CNNSettings(**changes), 64, "cnn")
