"""helpers.layers: every backward pass against finite differences, the
numerics at the edges, and the bad inputs."""
import numpy as np
import pytest

from helpers import layers
from helpers.gradcheck import numerical_gradient, rel_error

rng = np.random.default_rng(0)


def check_backward(forward, backward, inputs, which):
    """rel_error of backward's gradient of sum(out * dout) for each input."""
    out, cache = forward(*inputs)
    dout = rng.normal(size=out.shape)
    grads = backward(dout, cache)
    grads = grads if isinstance(grads, tuple) else (grads,)
    for i, grad in zip(which, grads):
        x = inputs[i]
        numeric = numerical_gradient(
            lambda: np.sum(forward(*inputs)[0] * dout), x)
        assert rel_error(grad, numeric) < 1e-7, (forward.__name__, i)


def test_dense_backward_matches_finite_differences():
    x, w, b = rng.normal(size=(5, 4)), rng.normal(size=(4, 3)), \
        rng.normal(size=3)
    check_backward(layers.dense_forward, layers.dense_backward,
                   [x, w, b], which=[0, 1, 2])


def test_relu_and_sigmoid_backward_match_finite_differences():
    x = rng.normal(size=(6, 5))
    x[np.abs(x) < 1e-3] = 0.5                  # keep away from the kink
    check_backward(layers.relu_forward, layers.relu_backward, [x], [0])
    check_backward(layers.sigmoid_forward, layers.sigmoid_backward,
                   [rng.normal(size=(6, 5))], [0])


def test_softmax_cross_entropy_gradient_and_value():
    scores, y = rng.normal(size=(7, 4)), rng.integers(0, 4, 7)
    loss, dscores = layers.softmax_cross_entropy(scores, y)
    numeric = numerical_gradient(
        lambda: layers.softmax_cross_entropy(scores, y)[0], scores)
    assert rel_error(dscores, numeric) < 1e-7
    p = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    assert np.isclose(loss, -np.mean(np.log(p[np.arange(7), y])))


def test_softmax_of_huge_scores_is_finite_and_sums_to_one():
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        p = layers.softmax(np.array([[1000.0, 0.0, -1000.0]]))
        loss, _ = layers.softmax_cross_entropy(
            np.array([[1000.0, 0.0]]), np.array([1]))
    assert np.allclose(p, [[1, 0, 0]]) and np.isclose(p.sum(), 1)
    assert np.isclose(loss, 1000.0)              # finite, and right


def test_mse_loss_gradient():
    y_hat, y = rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
    loss, grad = layers.mse_loss(y_hat, y)
    numeric = numerical_gradient(lambda: layers.mse_loss(y_hat, y)[0], y_hat)
    assert rel_error(grad, numeric) < 1e-7
    assert np.isclose(loss, np.mean((y_hat - y) ** 2))


def test_initialisations_have_the_stated_variance():
    g = np.random.default_rng(1)
    he = layers.he_init(g, 400, 300)
    xavier = layers.xavier_init(g, 400, 300)
    assert he.shape == xavier.shape == (400, 300)
    assert abs(he.var() / (2 / 400) - 1) < 0.02
    assert abs(xavier.var() / (2 / 700) - 1) < 0.02
    assert np.abs(xavier).max() <= np.sqrt(6 / 700)


def test_bad_input_names_the_expected_shape():
    w, b = np.zeros((4, 3)), np.zeros(3)
    with pytest.raises(ValueError, match=r"x must have shape \(N, D\) = "
                                         r"\(N, 4\), got \(5, 2\)"):
        layers.dense_forward(np.zeros((5, 2)), w, b)
    with pytest.raises(ValueError, match=r"b must have shape \(M,\) = "
                                         r"\(3,\), got \(4,\)"):
        layers.dense_forward(np.zeros((5, 4)), w, np.zeros(4))
    with pytest.raises(ValueError, match="finite"):
        layers.dense_forward(np.full((5, 4), np.nan), w, b)
    _, cache = layers.dense_forward(np.zeros((5, 4)), w, b)
    with pytest.raises(ValueError, match=r"dout must have shape \(N, M\) = "
                                         r"\(5, 3\), got \(5, 2\)"):
        layers.dense_backward(np.zeros((5, 2)), cache)
    with pytest.raises(ValueError, match=r"labels 0..2"):
        layers.softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 3]))
    with pytest.raises(ValueError, match=r"integer labels"):
        layers.softmax_cross_entropy(np.zeros((2, 3)), np.array([0.0, 1.0]))
    with pytest.raises(ValueError, match="same shape"):
        layers.mse_loss(np.zeros((2, 3)), np.zeros((3, 2)))
