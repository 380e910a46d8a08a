"""The SVM of 10-support-vector-machines.ipynb (its cells tagged `model`)
and the FastSVM of its optional "making it fast" section (tagged `fast`),
checked against scikit-learn's SVC, against each other, fed bad input, and
run through scikit-learn's own estimator checks."""
import warnings

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.datasets import load_breast_cancer
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.svm import SVC

from estimator_checks import COURSE_VALIDATION, sklearn_checks
from notebook_code import load_model

NOTEBOOK = "10-support-vector-machines.ipynb"
FAST = load_model(NOTEBOOK, tags=("model", "fast"))


@pytest.fixture(scope="module")
def lesson():
    return load_model(NOTEBOOK)


@pytest.fixture(scope="module")
def SVM(lesson):
    return lesson["SVM"]


@pytest.fixture(scope="module")
def cancer():
    # the lesson's data: breast cancer, split 75/25, standardised
    X, y = load_breast_cancer(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y,
                                                        random_state=0)
    mean, sd = X_train.mean(axis=0), X_train.std(axis=0)
    return (X_train - mean) / sd, (X_test - mean) / sd, y_train, y_test


@pytest.fixture(scope="module")
def blobs():
    # a small seeded two-class set that overlaps a little
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, 80)
    X = rng.normal(size=(80, 2)) + np.where(y[:, None] == 1, 1.0, -1.0)
    return X, y


def sklearn_dual(svc, K):
    # D = sum(alpha) - 1/2 sum alpha_i alpha_j y_i y_j K_ij from SVC
    coef, sv = svc.dual_coef_[0], svc.support_
    return np.abs(coef).sum() - 0.5 * coef @ K[np.ix_(sv, sv)] @ coef


@pytest.mark.parametrize("kernel", ["linear", "rbf"])
def test_agrees_with_sklearn_svc(lesson, SVM, cancer, kernel):
    X_train, X_test, y_train, _ = cancer
    gamma = 1.0 / X_train.shape[1]
    ours = SVM(C=1.0, kernel=kernel, gamma=gamma, tol=1e-3)
    ours.fit(X_train, y_train)
    theirs = SVC(C=1.0, kernel=kernel, gamma=gamma, tol=1e-3)
    theirs.fit(X_train, y_train)
    K = lesson["KERNELS"][kernel](X_train, X_train, gamma)
    D_theirs = sklearn_dual(theirs, K)
    assert abs(ours.dual_objective_ - D_theirs) < 1e-3 * abs(D_theirs)
    # dual_objective_ is the dual of the stored alphas
    v = np.zeros(len(X_train))
    v[ours.support_] = ours.dual_coef_
    D_direct = np.abs(v).sum() - 0.5 * v @ K @ v
    assert abs(ours.dual_objective_ - D_direct) < 1e-9 * abs(D_direct)
    same = np.mean(ours.predict(X_test) == theirs.predict(X_test))
    assert same >= 0.99
    assert abs(ours.intercept_ - theirs.intercept_[0]) < 1e-2


def test_gamma_scale_matches_sklearn(SVM, cancer):
    X_train, X_test, y_train, _ = cancer
    ours = SVM(C=1.0).fit(X_train, y_train)
    theirs = SVC(C=1.0).fit(X_train, y_train)
    assert np.isclose(ours.gamma_, theirs._gamma)
    assert np.mean(ours.predict(X_test) == theirs.predict(X_test)) >= 0.99


@pytest.mark.parametrize("kernel", ["linear", "rbf"])
def test_solution_meets_the_kkt_conditions(SVM, blobs, kernel):
    X, y = blobs
    C, tol = 1.0, 1e-3
    model = SVM(C=C, kernel=kernel, gamma=0.5, tol=tol).fit(X, y)
    alpha = np.abs(model.dual_coef_)
    assert abs(model.dual_coef_.sum()) < 1e-10          # sum(alpha y) = 0
    assert np.all((alpha > 0) & (alpha <= C))
    margin = np.where(y == 1, 1, -1) * model.decision_function(X)
    free = model.support_[alpha < C]
    bounded = model.support_[alpha == C]
    others = np.setdiff1d(np.arange(len(y)), model.support_)
    assert len(free) > 0
    assert np.all(np.abs(margin[free] - 1) <= tol + 1e-9)
    assert np.all(margin[bounded] <= 1 + tol + 1e-9)
    assert np.all(margin[others] >= 1 - tol - 1e-9)


def test_smo_keeps_its_error_cache_exact(lesson, blobs):
    X, y = blobs
    y_pm = np.where(y == 1, 1.0, -1.0)
    K = lesson["rbf_kernel"](X, X, 0.5)
    alpha, E, steps = lesson["smo"](K, y_pm, 1.0)
    assert steps > 0
    assert np.allclose(E, K @ (alpha * y_pm) - y_pm, atol=1e-10)
    assert abs(alpha @ y_pm) < 1e-10


def test_fit_returns_self(SVM, blobs):
    model = SVM()
    assert model.fit(*blobs) is model


def test_refit_starts_afresh(SVM, blobs, cancer):
    X_train, _, y_train, _ = cancer
    model = SVM(kernel="linear").fit(X_train, y_train)
    model.fit(*blobs)
    fresh = SVM(kernel="linear").fit(*blobs)
    assert model.n_features_in_ == 2
    assert np.array_equal(model.support_, fresh.support_)
    assert np.array_equal(model.dual_coef_, fresh.dual_coef_)
    assert model.intercept_ == fresh.intercept_


def test_deterministic(SVM, blobs):
    first = SVM(C=3.0, gamma=0.7).fit(*blobs)
    second = SVM(C=3.0, gamma=0.7).fit(*blobs)
    assert np.array_equal(first.dual_coef_, second.dual_coef_)
    assert first.intercept_ == second.intercept_


def test_any_two_labels(SVM, blobs):
    X, y = blobs
    numeric = SVM().fit(X, y)
    for labels in [np.array([3, 8]), np.array(["no", "yes"]),
                   np.array([-1.0, 1.0])]:
        model = SVM().fit(X, labels[y])
        assert np.array_equal(model.classes_, labels)
        assert np.array_equal(model.predict(X), labels[numeric.predict(X)])


def test_a_point_on_the_boundary_gets_a_class(SVM):
    model = SVM(kernel="linear").fit([[-1.0, 0.0], [1.0, 0.0]], [4, 7])
    points = np.array([[0.0, 0.0], [0.0, 5.0]])
    assert np.all(model.decision_function(points) == 0.0)
    assert np.array_equal(model.predict(points), [7, 7])


def test_max_iter_warns(SVM, blobs):
    with pytest.warns(ConvergenceWarning, match="max_iter=2"):
        SVM(max_iter=2).fit(*blobs)
    with pytest.warns(ConvergenceWarning, match="max_iter=2"):
        FAST["FastSVM"](max_iter=2).fit(*blobs)


def test_the_kkt_gap_after_smo_is_below_tol(lesson, blobs):
    X, y = blobs
    y_pm = np.where(y == 1, 1.0, -1.0)
    for C in [0.01, 1.0, 100.0]:
        K = lesson["rbf_kernel"](X, X, 2.0)
        alpha, E, _ = lesson["smo"](K, y_pm, C, tol=1e-4)
        assert lesson["kkt_gap"](alpha, E, y_pm, C) < 1e-4
        assert np.all((alpha >= 0) & (alpha <= C))


@pytest.mark.parametrize("kernel", ["linear", "rbf"])
def test_fast_svm_builds_the_same_model(SVM, cancer, blobs, kernel):
    # smo_fast (Going further) chooses the same pairs as smo, up to
    # rounding: the same dual, the same predictions
    for X, y in [cancer[0::2], blobs]:
        ours = SVM(C=1.0, kernel=kernel, tol=1e-3).fit(X, y)
        fast = FAST["FastSVM"](C=1.0, kernel=kernel, tol=1e-3).fit(X, y)
        assert abs(fast.dual_objective_ - ours.dual_objective_) < \
            1e-6 * abs(ours.dual_objective_)
        assert np.mean(fast.predict(X) == ours.predict(X)) >= 0.99
        assert abs(fast.intercept_ - ours.intercept_) < 1e-2


def test_a_scikit_learn_estimator(SVM, blobs):
    X, y = blobs
    model = SVM(C=3.0, gamma=0.5)
    assert model.get_params()["C"] == 3.0
    twin = clone(model).fit(X, y)
    assert not hasattr(model, "support_")          # clone left it alone
    assert twin.score(X, y) >= 0.8
    search = GridSearchCV(SVM(), {"C": [0.1, 10.0]}, cv=3).fit(X, y)
    assert search.best_params_["C"] in (0.1, 10.0)


def test_predict_before_fit_raises(SVM):
    with pytest.raises(ValueError, match="not fitted yet"):
        SVM().predict(np.zeros((3, 2)))


@pytest.mark.parametrize("X, y, message", [
    (np.zeros((0, 2)), np.zeros(0), r"X must not be empty"),
    ([[0.0, np.nan], [1.0, 1.0]], [0, 1], r"X must hold finite numbers"),
    ([[0.0, 0.0], [1.0, 1.0]], [0.0, np.nan], r"y must hold finite"),
    (np.zeros(4), [0, 1, 0, 1], r"X must have shape \(n_samples, "
                                r"n_features\), got \(4,\)"),
    (np.zeros((4, 2)), [0, 1, 0], r"y must have shape \(4,\)"),
    (np.zeros((4, 2)), ["a", "b", "a"], r"y must have shape \(4,\)"),
    (np.zeros((4, 2)), [1, 1, 1, 1], r"exactly two classes, got 1"),
    (np.zeros((3, 2)), [0, 1, 2], r"exactly two classes, got 3"),
])
def test_fit_rejects_bad_input(SVM, X, y, message):
    with pytest.raises(ValueError, match=message):
        SVM().fit(X, y)


@pytest.mark.parametrize("params, message", [
    (dict(C=-1.0), r"C must be a positive number"),
    (dict(kernel="poly"), r"kernel must be one of \['linear', 'rbf'\], "
                          r"got 'poly'"),
    (dict(gamma=0.0), r"gamma must be a positive number"),
    (dict(tol=0), r"tol must be a positive number"),
])
def test_fit_rejects_bad_settings(SVM, blobs, params, message):
    with pytest.raises(ValueError, match=message):
        SVM(**params).fit(*blobs)


@pytest.mark.parametrize("X, message", [
    (np.zeros((3, 5)), r"X must have shape \(n_samples, 2\), got \(3, 5\)"),
    (np.zeros((0, 2)), r"X must not be empty"),
    ([[np.nan, 0.0]], r"X must hold finite numbers"),
])
def test_predict_rejects_bad_input(SVM, blobs, X, message):
    model = SVM().fit(*blobs)
    with pytest.raises(ValueError, match=message):
        model.predict(X)
    with pytest.raises(ValueError, match=message):
        model.decision_function(X)


def test_no_warnings_on_ordinary_fits(SVM, blobs):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        SVM(C=100.0, gamma=10.0).fit(*blobs).predict(blobs[0])


# scikit-learn's estimator checks. SVM takes two classes only and says so
# in its tags (classifier_tags.multi_class = False), so the checks give it
# two; what it fails is the course's own input checking.
EXPECTED_FAILURES = {"SVM": COURSE_VALIDATION, "FastSVM": COURSE_VALIDATION}


@sklearn_checks([FAST["SVM"](C=1.0, kernel="rbf"),
                 FAST["FastSVM"](C=1.0, kernel="rbf")], EXPECTED_FAILURES)
def test_scikit_learn_estimator_checks(estimator, check):
    check(estimator)


# ---------------------------------------------------------------- Try it

PLAY_CHECKS = """
assert explorer.error is None, explorer.error
explorer.reset()
explorer.per_frame.value = 50               # 50 SMO steps a frame
explorer.play()
for _ in range(1000):                       # Play's frames, by hand
    if not explorer.playing:
        break
    explorer._tick()
# SMO stopped (KKT gap below tol): Play paused by itself, and the counter
# stopped at the step where the lesson's smo stops
_, _, smo_steps = smo(rbf_kernel(X_moons, X_moons, 1.0), y_pm, 1.0, TOL)
assert smo_on_the_moons.done and not explorer.playing
assert explorer.count == smo_steps == len(smo_on_the_moons.gaps) - 1, (
    explorer.count, smo_steps)
assert smo_steps % 50 != 0, "pick settings where the last frame is short"
assert "below tol, SMO stops" in explorer.text.value, explorer.text.value
explorer.step()                             # done: Step does nothing
assert explorer.count == smo_steps and explorer.error is None
explorer.play()                             # a fresh run from alpha = 0
explorer._tick()
assert explorer.count == 50 and not smo_on_the_moons.done, explorer.count
explorer.pause()
print("play checks passed")
"""


def test_play_stops_where_smo_stops():
    # Play on the explorer of "Try it", run after the lesson: it pauses by
    # itself when SMO has converged, and the counter shows smo's steps
    from execute import ROOT, execute
    nb = execute(ROOT / "notebooks" / NOTEBOOK, extra=[PLAY_CHECKS])
    assert nb.cells[-1].outputs[0].text == "play checks passed\n"
