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
