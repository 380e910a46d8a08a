"""The GradientBoostingRegressor of 09-gradient-boosting.ipynb (its cells
tagged `model`): agreement with scikit-learn, scikit-learn's own estimator
checks, bad input and settings, refitting (the source's defect 14: a tree
list that never empties), determinism of the subsample draws, staged
predictions, and what the lesson's explorer relies on."""
import numpy as np
import pytest
from sklearn.datasets import load_diabetes
from sklearn.ensemble import GradientBoostingRegressor as SklearnBoosting
from sklearn.exceptions import NotFittedError
from sklearn.model_selection import train_test_split

from estimator_checks import COURSE_VALIDATION, sklearn_checks
from notebook_code import load_model

NOTEBOOK = "09-gradient-boosting.ipynb"
GradientBoostingRegressor = load_model(NOTEBOOK)["GradientBoostingRegressor"]

EXPECTED_FAILURES = {"GradientBoostingRegressor": COURSE_VALIDATION}


@sklearn_checks([GradientBoostingRegressor(n_estimators=10,
                                           learning_rate=0.5, max_depth=2)],
                EXPECTED_FAILURES)
def test_scikit_learn_estimator_checks(estimator, check):
    check(estimator)


@pytest.fixture(scope="module")
def Booster():
    return GradientBoostingRegressor


@pytest.fixture(scope="module")
def diabetes():
    X, y = load_diabetes(return_X_y=True)
    return train_test_split(X, y, random_state=0)


def mse(y, y_hat):
    return float(np.mean((y - y_hat) ** 2))


def toy(n=60, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.uniform(0, 6, size=(n, 2))
    y = np.sin(X[:, 0]) + 0.3 * X[:, 1] + rng.normal(0, 0.2, size=n)
    return X, y


# ---------------------------------------------------------------- agreement

@pytest.mark.parametrize("lr, n_estimators, max_depth",
                         [(0.1, 100, 3), (0.3, 40, 2)])
def test_agrees_with_scikit_learn_on_diabetes(Booster, diabetes, lr,
                                              n_estimators, max_depth):
    X_train, X_test, y_train, y_test = diabetes
    settings = dict(learning_rate=lr, n_estimators=n_estimators,
                    max_depth=max_depth)
    ours = Booster(**settings).fit(X_train, y_train)
    sk = SklearnBoosting(loss="squared_error", subsample=1.0,
                         random_state=0, **settings).fit(X_train, y_train)
    # the same splits: the same training predictions and train_score_
    assert np.allclose(ours.predict(X_train), sk.predict(X_train),
                       rtol=0, atol=1e-6)
    assert np.allclose(ours.train_score_, sk.train_score_)
    # the test error within 5% (scikit-learn's thresholds are float32)
    ours_mse, sk_mse = mse(y_test, ours.predict(X_test)), mse(
        y_test, sk.predict(X_test))
    assert abs(ours_mse - sk_mse) <= 0.05 * sk_mse
    assert np.isclose(ours.init_, y_train.mean())


def test_staged_predict_matches_scikit_learn_and_predict(Booster,
                                                         diabetes):
    X_train, X_test, y_train, _ = diabetes
    ours = Booster(n_estimators=30, max_depth=2).fit(X_train, y_train)
    sk = SklearnBoosting(n_estimators=30, max_depth=2,
                         random_state=0).fit(X_train, y_train)
    staged = ours.staged_predict(X_train)
    assert staged.shape == (30, len(X_train))
    assert np.allclose(staged, np.array(list(sk.staged_predict(X_train))))
    assert np.allclose(staged[-1], ours.predict(X_train))
    assert np.allclose(ours.staged_predict(X_test)[-1],
                       ours.predict(X_test))
    # train_score_ is the training MSE after each tree
    assert np.allclose(ours.train_score_,
                       np.mean((staged - y_train) ** 2, axis=1))


def test_learning_rate_shrinks_each_tree(Booster):
    X, y = toy()
    one = Booster(n_estimators=1, learning_rate=1.0, max_depth=2).fit(X, y)
    tenth = Booster(n_estimators=1, learning_rate=0.1, max_depth=2).fit(X,
                                                                       y)
    step_one = one.predict(X) - y.mean()
    step_tenth = tenth.predict(X) - y.mean()
    assert np.allclose(step_tenth, 0.1 * step_one)
    assert np.max(np.abs(step_one)) > 0.1


def test_first_tree_fits_the_residuals_of_the_mean(Booster):
    X, y = toy()
    model = Booster(n_estimators=1, learning_rate=1.0, max_depth=20)
    model.fit(X, y)
    # a tree grown until pure reproduces its targets y - mean(y) exactly
    assert np.allclose(model.predict(X), y)


# ---------------------------------------------------------------- bad input

def test_bad_input_beyond_the_shared_checks(Booster):
    # the checks every model shares are in tests/test_models_bad_input.py;
    # here: staged_predict, and a column of targets
    X = np.arange(20.0).reshape(10, 2)
    y = np.linspace(0.0, 1.0, 10)
    model = Booster(n_estimators=3)
    with pytest.raises(NotFittedError, match=r"not fitted yet"):
        model.staged_predict(X)
    with pytest.raises(ValueError, match=r"flatten"):
        model.fit(X, y.reshape(-1, 1))
    assert model.fit(X, y) is model
    with pytest.raises(ValueError, match=r"staged_predict: X must have "
                                         r"shape \(n_samples, 2\)"):
        model.staged_predict(np.ones((4, 3)))


@pytest.mark.parametrize("settings, match", [
    (dict(n_estimators=0), r"n_estimators must be a positive whole"),
    (dict(n_estimators=2.5), r"n_estimators must be a positive whole"),
    (dict(learning_rate=0), r"learning_rate must be a positive number"),
    (dict(learning_rate=-0.1), r"learning_rate must be a positive"),
    (dict(max_depth=0), r"max_depth must be a positive whole number"),
    (dict(max_depth=None), r"max_depth must be a positive whole number"),
    (dict(subsample=0), r"subsample must be a positive number"),
    (dict(subsample=1.5), r"subsample must be in \(0, 1\], got 1.5"),
])
def test_bad_settings_raise(Booster, settings, match):
    X, y = toy(20)
    with pytest.raises((ValueError, TypeError), match=match):
        Booster(**settings).fit(X, y)


# ----------------------------------------------------- refit, determinism

def test_init_only_stores_its_arguments(Booster):
    model = Booster(n_estimators=7, learning_rate=0.5, max_depth=2,
                    subsample=0.8, random_state=3)
    assert vars(model) == dict(n_estimators=7, learning_rate=0.5,
                               max_depth=2, subsample=0.8, random_state=3)


def test_refit_starts_afresh(Booster, diabetes):
    X_train, X_test, y_train, _ = diabetes
    X_toy, y_toy = toy()
    model = Booster(n_estimators=20, max_depth=2)
    model.fit(X_toy, y_toy)                      # 2 features
    model.fit(X_train, y_train)                  # 10 features
    model.fit(X_train, y_train)                  # again: no doubling
    fresh = Booster(n_estimators=20, max_depth=2).fit(X_train, y_train)
    assert len(model.estimators_) == 20
    assert model.n_features_in_ == 10
    assert model.train_score_.shape == (20,)
    assert np.array_equal(model.predict(X_test), fresh.predict(X_test))


def test_subsample_is_deterministic_with_a_seed(Booster, diabetes):
    X_train, X_test, y_train, _ = diabetes
    settings = dict(n_estimators=15, subsample=0.5, max_depth=2)
    a = Booster(random_state=7, **settings).fit(X_train, y_train)
    b = Booster(random_state=7, **settings).fit(X_train, y_train)
    c = Booster(random_state=8, **settings).fit(X_train, y_train)
    assert np.array_equal(a.predict(X_test), b.predict(X_test))
    assert not np.allclose(a.predict(X_test), c.predict(X_test))
    # each tree sees int(0.5 * 331) = 165 samples, drawn without replacement
    assert all(tree.tree_.n_node_samples[0] == 165 for tree in a.estimators_)
    # a refit with the same seed draws the same samples again
    a.fit(X_train, y_train)
    assert np.array_equal(a.predict(X_test), b.predict(X_test))


def test_full_sample_ignores_the_seed(Booster):
    X, y = toy()
    a = Booster(n_estimators=10, random_state=1).fit(X, y)
    b = Booster(n_estimators=10, random_state=2).fit(X, y)
    assert np.array_equal(a.predict(X), b.predict(X))
    assert a.estimators_[0].tree_.n_node_samples[0] == len(X)


def test_a_single_sample_and_a_constant_target(Booster):
    X, y = toy(10)
    const = Booster(n_estimators=5).fit(X, np.full(10, 2.5))
    assert np.allclose(const.predict(X), 2.5)
    one = Booster(n_estimators=5).fit(X[:1], [4.0])
    assert np.allclose(one.predict(X), 4.0)


# ------------------------------------------------------------ the explorer

def test_the_first_trees_of_a_long_run_are_a_short_run(Booster):
    # the explorer fits 300 trees per learning rate once and shows row
    # n - 1 of staged_predict as the model of n trees: boosting is
    # sequential, so that row is the model fitted with n trees
    X, y = toy(80)
    X_grid = np.linspace(0, 6, 50)[:, None].repeat(2, axis=1)
    long = Booster(n_estimators=60, learning_rate=0.3, max_depth=2).fit(X, y)
    short = Booster(n_estimators=20, learning_rate=0.3, max_depth=2).fit(X,
                                                                        y)
    assert np.allclose(long.staged_predict(X_grid)[19], short.predict(X_grid))
    assert np.allclose(long.train_score_[:20], short.train_score_)


def test_it_is_a_scikit_learn_estimator(Booster, diabetes):
    from sklearn.base import clone
    from sklearn.model_selection import cross_val_score
    X_train, _, y_train, _ = diabetes
    model = Booster(n_estimators=20, learning_rate=0.2, max_depth=2)
    assert clone(model).get_params() == model.get_params()
    scores = cross_val_score(model, X_train, y_train, cv=3)   # R^2
    assert scores.shape == (3,) and np.all(scores > 0)
