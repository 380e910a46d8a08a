"""Lesson 03 (1-D logistic regression): its LogisticRegressionGD (the
cells tagged `model`) as a scikit-learn estimator, against scikit-learn's
LogisticRegression and the lesson's own training. (The "Try it" explorer
is checked in tests/test_play.py.)"""
import numpy as np
import pytest
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from estimator_checks import COURSE_VALIDATION, sklearn_checks
from helpers import data
from notebook_code import load_model

LESSON = load_model("03-logistic-regression-1d.ipynb")
LogisticRegressionGD = LESSON["LogisticRegressionGD"]

EXPECTED_FAILURES = {"LogisticRegressionGD": COURSE_VALIDATION}


@sklearn_checks([LogisticRegressionGD()], EXPECTED_FAILURES)
def test_scikit_learn_estimator_checks(estimator, check):
    check(estimator)


@pytest.fixture(scope="module")
def gaussians():
    x, y = data.two_gaussians(np.random.default_rng(0))
    return x.reshape(-1, 1), y


def lesson_training(x, y, lr, num_epochs):
    # the lesson's `train` from w = [w1, w0] = 0: its `gradient`, step by
    # step
    w = np.zeros(2)
    for epoch in range(num_epochs):
        dout = 1 / (1 + np.exp(-(w[0] * x + w[1]))) - y
        w = w - lr * np.array([np.mean(dout * x), np.mean(dout)])
    return w


def test_one_column_is_the_lessons_training(gaussians):
    X, y = gaussians
    model = LogisticRegressionGD(lr=0.5, num_epochs=120).fit(X, y)
    w = lesson_training(X[:, 0], y, 0.5, 120)
    assert np.allclose([model.coef_[0], model.intercept_], w,
                       rtol=1e-10, atol=1e-12)
    assert model.score(X, y) > 0.98
    assert np.array_equal(model.predict(X),
                          (w[0] * X[:, 0] + w[1] >= 0).astype(int))


@pytest.mark.parametrize("n_features", [1, 3])
def test_agrees_with_scikit_learn_on_overlapping_data(n_features):
    rng = np.random.default_rng(1)
    X = rng.normal(size=(400, n_features))
    y = (X @ np.arange(1.0, n_features + 1) + rng.normal(size=400) > 0.3)
    y = y.astype(int)
    ours = LogisticRegressionGD(lr=1.0, num_epochs=5000).fit(X, y)
    sk = LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000).fit(X, y)
    assert np.allclose(ours.coef_, sk.coef_[0], rtol=1e-5, atol=1e-6)
    assert np.isclose(ours.intercept_, sk.intercept_[0], rtol=1e-5,
                      atol=1e-6)
    assert np.allclose(ours.predict_proba(X), sk.predict_proba(X),
                       rtol=0, atol=1e-6)


def test_any_two_labels(gaussians):
    X, y = gaussians
    labels = np.array(["no", "yes"])[y]
    by_name = LogisticRegressionGD().fit(X, labels)
    by_number = LogisticRegressionGD().fit(X, y)
    assert list(by_name.classes_) == ["no", "yes"]
    assert np.array_equal(by_name.predict(X),
                          np.array(["no", "yes"])[by_number.predict(X)])
    assert np.array_equal(by_name.predict_proba(X),
                          by_number.predict_proba(X))


def test_predict_proba_has_one_column_per_class(gaussians):
    X, y = gaussians
    model = LogisticRegressionGD().fit(X, y)
    proba = model.predict_proba(X)
    assert proba.shape == (len(X), 2)
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert np.array_equal(model.predict(X),
                          model.classes_[np.argmax(proba, axis=1)])


def test_bad_input_is_refused(gaussians):
    X, y = gaussians
    with pytest.raises(ValueError, match=r"two classes, got 3"):
        LogisticRegressionGD().fit(X[:3], [0, 1, 2])
    with pytest.raises(ValueError, match=r"X must have shape \(n_samples"):
        LogisticRegressionGD().fit(X[:, 0], y)       # x, not a column
    with pytest.raises(ValueError, match=r"lr must be a positive number"):
        LogisticRegressionGD(lr=-1).fit(X, y)
    with pytest.raises(ValueError, match=r"num_epochs must be a positive"):
        LogisticRegressionGD(num_epochs=2.5).fit(X, y)
    with pytest.raises(ValueError, match=r"not fitted yet"):
        LogisticRegressionGD().predict(X)
    model = LogisticRegressionGD().fit(X, y)
    with pytest.raises(ValueError, match=r"\(n_samples, 1\), got \(5, 2\)"):
        model.predict(np.ones((5, 2)))


def test_clone_get_params_and_grid_search(gaussians):
    X, y = gaussians
    model = LogisticRegressionGD(lr=0.1, num_epochs=30)
    assert model.get_params() == {"lr": 0.1, "num_epochs": 30}
    copy = clone(model.fit(X, y))
    assert copy.get_params() == model.get_params()
    assert not hasattr(copy, "coef_"), "a clone is not fitted"
    search = GridSearchCV(make_pipeline(StandardScaler(),
                                        LogisticRegressionGD()),
                          {"logisticregressiongd__lr": [0.01, 1.0]}, cv=3)
    search.fit(X, y)
    assert search.best_params_ == {"logisticregressiongd__lr": 1.0}
