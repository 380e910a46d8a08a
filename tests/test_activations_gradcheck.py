import warnings

import numpy as np
import pytest

from helpers import activations, gradcheck


def test_sigmoid_matches_the_textbook_form_where_that_is_safe():
    z = np.linspace(-30, 30, 121)
    assert np.allclose(activations.sigmoid(z), 1 / (1 + np.exp(-z)),
                       rtol=1e-14, atol=0)
    assert activations.sigmoid(0.0) == 0.5


def test_sigmoid_at_the_edges_gives_0_and_1_without_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = activations.sigmoid(np.array([-1000.0, 1000.0]))
        grad = activations.sigmoid_grad(np.array([-1000.0, 1000.0]))
    assert out.tolist() == [0.0, 1.0] and grad.tolist() == [0.0, 0.0]


def test_sigmoid_grad_takes_the_pre_activation():
    z = np.array([-2.0, 0.0, 3.0])
    f = lambda: activations.sigmoid(z).sum()                  # noqa: E731
    assert gradcheck.rel_error(activations.sigmoid_grad(z),
                               gradcheck.numerical_gradient(f, z)) < 1e-8
    assert activations.sigmoid_grad(0.0) == 0.25


def test_numerical_gradient_of_a_quadratic_and_x_is_restored():
    A = np.array([[2.0, 1.0], [1.0, 3.0]])
    x = np.array([0.5, -1.5])
    before = x.copy()
    grad = gradcheck.numerical_gradient(lambda: x @ A @ x / 2, x)
    assert np.allclose(grad, A @ x, atol=1e-9)
    assert np.array_equal(x, before)


def test_numerical_gradient_catches_a_wrong_formula():
    w = np.array([1.0, 2.0, 3.0])
    wrong = 2 * w + 0.01                       # d(w.w)/dw is 2w, not this
    numeric = gradcheck.numerical_gradient(lambda: w @ w, w)
    assert gradcheck.rel_error(wrong, numeric) > 1e-3


def test_numerical_gradient_bad_input():
    with pytest.raises(TypeError, match="float64 numpy array"):
        gradcheck.numerical_gradient(lambda: 0.0, [1.0, 2.0])
    with pytest.raises(TypeError, match="got int64"):
        gradcheck.numerical_gradient(lambda: 0.0, np.arange(3))
    with pytest.raises(ValueError, match="must not be empty"):
        gradcheck.numerical_gradient(lambda: 0.0, np.zeros(0))


def test_rel_error():
    assert gradcheck.rel_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert gradcheck.rel_error([0.0], [0.0]) == 0.0
    assert abs(gradcheck.rel_error([1.0], [1.1]) - 0.1 / 2.1) < 1e-12
    with pytest.raises(ValueError, match=r"same shape, got \(2,\) and \(3,\)"):
        gradcheck.rel_error(np.zeros(2), np.zeros(3))
    with pytest.raises(ValueError, match="finite"):
        gradcheck.rel_error([np.nan], [1.0])
    with pytest.raises(ValueError, match="empty"):
        gradcheck.rel_error([], [])
