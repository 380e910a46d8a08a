"""The LinearRegression of 05-linear-regression.ipynb (its cells tagged
`model`), checked against scikit-learn, by scikit-learn's own estimator
checks, and fed bad input."""
import warnings

import numpy as np
import pytest
from sklearn import linear_model
from sklearn.base import clone
from sklearn.datasets import load_diabetes
from sklearn.model_selection import GridSearchCV

from estimator_checks import COURSE_VALIDATION, sklearn_checks
from notebook_code import load_model

NOTEBOOK = "05-linear-regression.ipynb"

EXPECTED_FAILURES = {"LinearRegression": COURSE_VALIDATION}
_LinearRegression = load_model(NOTEBOOK)["LinearRegression"]


@sklearn_checks([_LinearRegression(), _LinearRegression(method="gd")],
                EXPECTED_FAILURES)
def test_scikit_learn_estimator_checks(estimator, check):
    check(estimator)


def test_score_clone_and_grid_search(diabetes, sk):
    X, y = diabetes
    model = _LinearRegression(method="gd", lr=0.2).fit(X, y)
    assert np.isclose(model.score(X, y), sk.score(X, y), rtol=0, atol=1e-8)
    assert model.get_params() == dict(method="gd", lr=0.2,
                                      max_epochs=100_000, tol=1e-10)
    copy = clone(model)
    assert copy.get_params() == model.get_params()
    assert not hasattr(copy, "coef_"), "a clone is not fitted"
    search = GridSearchCV(_LinearRegression(lr=0.2),
                          {"method": ["lstsq", "gd"]}, cv=3).fit(X, y)
    lstsq, gd = search.cv_results_["mean_test_score"]
    assert np.isclose(lstsq, gd, rtol=0, atol=1e-6), "one model, two fits"


@pytest.fixture(scope="module")
def LinearRegression():
    return _LinearRegression


@pytest.fixture(scope="module")
def diabetes():
    return load_diabetes(return_X_y=True)


@pytest.fixture(scope="module")
def sk(diabetes):
    return linear_model.LinearRegression().fit(*diabetes)


def largest_gap(model, sk):
    return max(np.max(np.abs(model.coef_ - sk.coef_)),
               abs(model.intercept_ - sk.intercept_))


def test_lstsq_matches_sklearn_within_1e_8(LinearRegression, diabetes, sk):
    X, y = diabetes
    model = LinearRegression(method="lstsq").fit(X, y)
    assert model.coef_.shape == (10,)
    assert largest_gap(model, sk) < 1e-8
    assert np.allclose(model.predict(X), sk.predict(X), rtol=0, atol=1e-8)


def test_gd_matches_sklearn_within_1e_4(LinearRegression, diabetes, sk):
    X, y = diabetes
    model = LinearRegression(method="gd", lr=0.2).fit(X, y)
    assert 0 < model.n_epochs_ < model.max_epochs
    assert largest_gap(model, sk) < 1e-4


def test_gd_on_unscaled_features(LinearRegression):
    # raw units (age in years, blood pressure, ...): standardising inside
    # fit must still give scikit-learn's answer
    X, y = load_diabetes(return_X_y=True, scaled=False)
    sk = linear_model.LinearRegression().fit(X, y)
    model = LinearRegression(method="gd", lr=0.2, tol=1e-12).fit(X, y)
    ours = np.append(model.coef_, model.intercept_)
    theirs = np.append(sk.coef_, sk.intercept_)
    assert np.allclose(ours, theirs, rtol=1e-6, atol=1e-6)
    lstsq = LinearRegression().fit(X, y)
    assert np.allclose(np.append(lstsq.coef_, lstsq.intercept_), theirs,
                       rtol=0, atol=1e-8)


def test_constant_column_is_harmless(LinearRegression):
    rng = np.random.default_rng(0)
    X = np.column_stack([rng.normal(size=50), np.full(50, 3.0)])
    y = 2 * X[:, 0] + 1
    model = LinearRegression(method="gd").fit(X, y)
    assert np.allclose(model.predict(X), y, atol=1e-6)


def test_fit_returns_self(LinearRegression, diabetes):
    for method in ("lstsq", "gd"):
        model = LinearRegression(method=method, lr=0.2)
        assert model.fit(*diabetes) is model


def test_init_only_stores(LinearRegression):
    model = LinearRegression(method="gd", lr=0.5, max_epochs=7, tol=1e-3)
    assert (model.method, model.lr, model.max_epochs, model.tol) == (
        "gd", 0.5, 7, 1e-3)
    assert not hasattr(model, "coef_")


@pytest.mark.parametrize("method", ["lstsq", "gd"])
def test_refit_starts_afresh(LinearRegression, diabetes, method):
    X, y = diabetes
    rng = np.random.default_rng(1)
    X_small = rng.normal(size=(60, 3))
    y_small = X_small @ np.array([1.0, -2.0, 0.5]) + 4.0
    model = LinearRegression(method=method, lr=0.2)
    model.fit(X, y).fit(X_small, y_small)
    fresh = LinearRegression(method=method, lr=0.2).fit(X_small, y_small)
    assert model.n_features_in_ == 3
    assert np.array_equal(model.coef_, fresh.coef_)
    assert model.intercept_ == fresh.intercept_
    assert model.n_epochs_ == fresh.n_epochs_


@pytest.mark.parametrize("method", ["lstsq", "gd"])
def test_deterministic(LinearRegression, diabetes, method):
    a = LinearRegression(method=method, lr=0.2).fit(*diabetes)
    b = LinearRegression(method=method, lr=0.2).fit(*diabetes)
    assert np.array_equal(a.coef_, b.coef_)
    assert a.intercept_ == b.intercept_


def test_fit_does_not_change_its_input(LinearRegression, diabetes):
    X, y = diabetes
    X_copy, y_copy = X.copy(), y.copy()
    LinearRegression(method="gd", lr=0.2).fit(X, y)
    assert np.array_equal(X, X_copy) and np.array_equal(y, y_copy)


def _with_nan(a):
    a = np.array(a, dtype=float)
    a.flat[3] = np.nan
    return a


FIT_CASES = {
    "X 1-D": (lambda X, y: (X[:, 0], y), r"X must have shape \(n_samples"),
    "X 3-D": (lambda X, y: (X[None], y), r"X must have shape \(n_samples"),
    "X NaN": (lambda X, y: (_with_nan(X), y), "finite"),
    "y NaN": (lambda X, y: (X, _with_nan(y)), "finite"),
    "X empty": (lambda X, y: (X[:0], y[:0]), "empty"),
    "y too short": (lambda X, y: (X, y[:-1]), r"y must have shape \(442,\)"),
    "y column": (lambda X, y: (X, y.reshape(-1, 1)),
                 r"got \(442, 1\) \(flatten it with \.ravel\(\)\)"),
}


@pytest.mark.parametrize("method", ["lstsq", "gd"])
@pytest.mark.parametrize("case", sorted(FIT_CASES))
def test_fit_refuses_bad_input(LinearRegression, diabetes, method, case):
    make, message = FIT_CASES[case]
    with pytest.raises(ValueError, match=message):
        LinearRegression(method=method).fit(*make(*diabetes))


@pytest.mark.parametrize("bad, message", [
    (lambda X: X[:, :3],
     r"X must have shape \(n_samples, 10\), got \(442, 3\)"),
    (lambda X: _with_nan(X), "finite"),
    (lambda X: X[:0], "empty"),
    (lambda X: X[:, 0], r"X must have shape \(n_samples, 10\)"),
])
def test_predict_refuses_bad_input(LinearRegression, diabetes, bad, message):
    X, y = diabetes
    model = LinearRegression().fit(X, y)
    with pytest.raises(ValueError, match=message):
        model.predict(bad(X))


def test_predict_one_sample_as_a_row(LinearRegression, diabetes):
    X, y = diabetes
    model = LinearRegression().fit(X, y)
    assert model.predict(X[0]).shape == (1,)


def test_predict_before_fit(LinearRegression, diabetes):
    with pytest.raises(ValueError, match="not fitted yet.*call fit"):
        LinearRegression().predict(diabetes[0])


@pytest.mark.parametrize("settings, message", [
    (dict(method="normal"), "method must be 'lstsq' or 'gd', got 'normal'"),
    (dict(method="gd", lr=-0.1), "lr must be a positive number"),
    (dict(method="gd", lr=0.0), "lr must be a positive number"),
    (dict(method="gd", max_epochs=2.5), "max_epochs must be a positive"),
    (dict(method="gd", tol=0), "tol must be a positive number"),
])
def test_bad_settings(LinearRegression, diabetes, settings, message):
    with pytest.raises(ValueError, match=message):
        LinearRegression(**settings).fit(*diabetes)


def test_too_large_learning_rate_is_refused(LinearRegression, diabetes):
    with warnings.catch_warnings():
        warnings.simplefilter("error")          # no overflow on the way
        with pytest.raises(ValueError, match="diverged.*lower lr"):
            LinearRegression(method="gd", lr=0.5).fit(*diabetes)


def test_too_few_epochs_warns(LinearRegression, diabetes):
    with pytest.warns(RuntimeWarning, match="max_epochs"):
        model = LinearRegression(method="gd", max_epochs=5).fit(*diabetes)
    assert model.n_epochs_ == 5


def test_lstsq_settings_are_ignored(LinearRegression, diabetes):
    model = LinearRegression(method="lstsq", lr=-1).fit(*diabetes)
    assert model.n_epochs_ is None


EXPLORER_CHECKS = """
assert explorer.error is None, explorer.error
path_default = descend_1d(x, y, 0.1, 50, w_start, b_start)
assert np.allclose(path_default, path_raw[:51]), (
    "the explorer's default run must be section 3's first 50 epochs")
assert np.array_equal(run_for(0.1)[:51], path_default), (
    "a run of 300 epochs must start with the run of 50")
assert "50 epochs" in explorer.text.value, explorer.text.value
explorer.set(lr=0.3)
assert "diverged" in explorer.text.value, "lr = 0.3 must diverge"
explorer.set(lr=0.1)
explorer.reset()
assert explorer.sliders["epoch"].value == 0 and explorer.error is None
for _ in range(30):                    # Play's frames, one by one
    explorer.step()
assert not explorer.playing and explorer.sliders["epoch"].value == 30
assert "30 epochs" in explorer.text.value, explorer.text.value
print("explorer checks passed")
"""


def test_explorer_replays_the_lessons_run_and_steps():
    # the checks of the explorer of section 8, run after the lesson
    from execute import ROOT, execute
    nb = execute(ROOT / "notebooks" / NOTEBOOK, extra=[EXPLORER_CHECKS])
    # (what a frame costs is measured by make bench, not here)
    assert nb.cells[-1].outputs[0].text == "explorer checks passed\n"
