"""The KNNClassifier and KNNRegressor of 06-k-nearest-neighbours.ipynb
(its cells tagged `model`), checked against scikit-learn's brute-force
neighbours, run through scikit-learn's own estimator checks and fed bad
input; and the fast search of its optional last section (cells tagged
`fast`), which must find the same neighbours."""
import numpy as np
import pytest
from sklearn.base import clone
from sklearn.datasets import load_diabetes, load_digits, load_iris
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor

from estimator_checks import COURSE_VALIDATION, sklearn_checks
from notebook_code import load_model

NOTEBOOK = "06-k-nearest-neighbours.ipynb"
MODELS = ("KNNClassifier", "KNNRegressor")
LESSON = load_model(NOTEBOOK)


@pytest.fixture(scope="module")
def lesson():
    return LESSON


@pytest.fixture(scope="module")
def fast():
    return load_model(NOTEBOOK, tags=("model", "fast"))


@pytest.fixture(scope="module")
def digits():
    X, y = load_digits(return_X_y=True)
    return train_test_split(X, y, test_size=0.2, random_state=0)


def stable_nearest(X, X_train, k):
    # the lesson's tie rule, from exact (whole-number) squared distances
    D2 = np.sum((X[:, None, :] - X_train[None, :, :]) ** 2, axis=2)
    return np.argsort(D2, axis=1, kind="stable")[:, :k]


# --- agreement with scikit-learn -------------------------------------------

@pytest.mark.parametrize("weights", ["uniform", "distance"])
def test_classifier_equals_sklearn_on_digits(lesson, digits, weights):
    X_train, X_test, y_train, y_test = digits
    ours = lesson["KNNClassifier"](k=5, weights=weights)
    theirs = KNeighborsClassifier(n_neighbors=5, weights=weights,
                                  algorithm="brute")
    y_hat = ours.fit(X_train, y_train).predict(X_test)
    assert np.array_equal(y_hat, theirs.fit(X_train, y_train)
                          .predict(X_test))
    assert y_hat.dtype == y_train.dtype


@pytest.mark.parametrize("weights", ["uniform", "distance"])
def test_regressor_within_1e_9_of_sklearn_on_digits(lesson, digits, weights):
    # the digit's label read as a number, as in the lesson's check
    X_train, X_test, y_train, y_test = digits
    ours = lesson["KNNRegressor"](k=5, weights=weights)
    theirs = KNeighborsRegressor(n_neighbors=5, weights=weights,
                                 algorithm="brute")
    gap = np.abs(ours.fit(X_train, y_train).predict(X_test)
                 - theirs.fit(X_train, y_train).predict(X_test))
    assert gap.max() < 1e-9


@pytest.mark.parametrize("weights", ["uniform", "distance"])
def test_regressor_within_1e_9_of_sklearn_on_diabetes(lesson, weights):
    # continuous features: distances are not whole numbers here
    X, y = load_diabetes(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y,
                                                        random_state=0)
    ours = lesson["KNNRegressor"](k=7, weights=weights)
    theirs = KNeighborsRegressor(n_neighbors=7, weights=weights,
                                 algorithm="brute")
    gap = np.abs(ours.fit(X_train, y_train).predict(X_test)
                 - theirs.fit(X_train, y_train).predict(X_test))
    assert gap.max() < 1e-9


def test_kneighbors_matches_sklearn_on_digits(lesson, digits):
    X_train, X_test, y_train, _ = digits
    dist, ind = lesson["KNNClassifier"](k=5).fit(X_train, y_train) \
        .kneighbors(X_test)
    sk_dist, sk_ind = KNeighborsClassifier(
        n_neighbors=5, algorithm="brute").fit(X_train, y_train) \
        .kneighbors(X_test)
    assert np.array_equal(np.sort(ind, axis=1), np.sort(sk_ind, axis=1))
    assert np.allclose(dist, sk_dist, rtol=0, atol=1e-9)
    assert np.all(np.diff(dist, axis=1) >= 0), "nearest first"


# --- the tie rule and the exact-match rule ------------------------------------

@pytest.mark.parametrize("k", [1, 2, 5, 17, 60])
def test_ties_go_to_the_earlier_row(lesson, k):
    # a small integer grid: equal distances everywhere
    rng = np.random.default_rng(0)
    X_train = rng.integers(0, 4, size=(60, 2)).astype(float)
    X = rng.integers(0, 4, size=(25, 2)).astype(float)
    y_train = np.arange(60) % 3
    model = lesson["KNNClassifier"](k=k).fit(X_train, y_train)
    _, ind = model.kneighbors(X)
    assert np.array_equal(ind, stable_nearest(X, X_train, k))


def test_vote_tie_goes_to_the_smallest_label(lesson):
    X_train = np.array([[1.0], [-1.0], [2.0], [-2.0]])
    y_train = np.array([7, 3, 7, 3])
    model = lesson["KNNClassifier"](k=2).fit(X_train, y_train)
    assert model.predict(np.array([[0.0]]))[0] == 3        # 1 vote each
    model = lesson["KNNClassifier"](k=4, weights="distance").fit(
        X_train, y_train)
    assert model.predict(np.array([[0.0]]))[0] == 3        # equal weights


def test_exact_matches_take_all_the_weight(lesson):
    X_train = np.array([[0.0, 0.0], [0.0, 0.0], [0.1, 0.0], [0.2, 0.0]])
    y_train = np.array([5.0, 1.0, 100.0, 100.0])
    reg = lesson["KNNRegressor"](k=4, weights="distance").fit(X_train,
                                                              y_train)
    assert reg.predict(np.array([[0.0, 0.0]]))[0] == 3.0
    sk = KNeighborsRegressor(n_neighbors=4, weights="distance",
                             algorithm="brute").fit(X_train, y_train)
    assert reg.predict(X_train) == pytest.approx(sk.predict(X_train))
    clf = lesson["KNNClassifier"](k=4, weights="distance").fit(
        X_train, np.array([2, 1, 0, 0]))
    assert clf.predict(np.array([[0.0, 0.0]]))[0] == 1    # 1-1 tie: smaller


def test_distances_no_loops_equals_the_definition(lesson):
    # the no-loops formula against sqrt(sum (a - b)^2), whatever the shapes
    rng = np.random.default_rng(1)
    for M, N, n_dims in [(1, 1, 1), (1, 7, 3), (6, 1, 2), (5, 8, 4)]:
        X = rng.normal(size=(M, n_dims))
        X_train = rng.normal(size=(N, n_dims))
        direct = np.sqrt(np.sum((X[:, None, :] - X_train[None, :, :]) ** 2,
                                axis=2))
        got = lesson["distances_no_loops"](X, X_train)
        assert got.shape == (M, N)
        assert np.allclose(got, direct, rtol=0, atol=1e-7)


@pytest.mark.parametrize("k", [1, 2, 5, 10, 30])
def test_iris_in_mm_ties_go_to_the_earlier_row(lesson, k):
    # whole millimetres: exact duplicates and many equal distances
    X, y = load_iris(return_X_y=True)
    X_mm = np.round(X[:, :2] * 10)
    dist, ind = lesson["KNNClassifier"](k=k).fit(X_mm, y).kneighbors(X_mm)
    assert np.array_equal(ind, stable_nearest(X_mm, X_mm, k))
    assert np.all(dist[:, 0] == 0), "each flower is 0 from itself"


def test_k_equal_to_n_train_and_labels_kept(lesson):
    X, y = load_iris(return_X_y=True)
    labels = np.array([10, 20, 30])[y]
    model = lesson["KNNClassifier"](k=len(X)).fit(X, labels)
    assert set(np.unique(model.predict(X))) <= {10, 20, 30}
    assert np.array_equal(model.classes_, [10, 20, 30])


# --- scikit-learn's shape -----------------------------------------------------

@pytest.mark.parametrize("name", MODELS)
def test_init_only_stores(lesson, name):
    model = lesson[name](k=3, weights="distance")
    assert (model.k, model.weights) == (3, "distance")
    assert not [a for a in vars(model) if a.endswith("_")]


@pytest.mark.parametrize("name", MODELS)
def test_fit_returns_self(lesson, name, digits):
    X_train, _, y_train, _ = digits
    model = lesson[name]()
    assert model.fit(X_train, y_train) is model
    assert model.n_features_in_ == 64


def test_refit_starts_afresh(lesson, digits):
    X_train, X_test, y_train, _ = digits
    X_iris, y_iris = load_iris(return_X_y=True)
    model = lesson["KNNClassifier"](k=5).fit(X_train, y_train)
    model.fit(X_iris, y_iris)
    assert model.n_features_in_ == 4
    assert np.array_equal(model.classes_, [0, 1, 2])
    fresh = lesson["KNNClassifier"](k=5).fit(X_iris, y_iris)
    assert np.array_equal(model.predict(X_iris), fresh.predict(X_iris))
    reg = lesson["KNNRegressor"](k=5).fit(X_train, y_train).fit(
        X_iris, y_iris)
    assert reg.y_train_.shape == (150,)


def test_model_keeps_its_own_copy(lesson):
    X, y = load_iris(return_X_y=True)
    X = X.copy()
    model = lesson["KNNClassifier"](k=3).fit(X, y)
    before = model.predict(X[:20])
    X[:] = 0.0                       # the caller reuses the array
    assert np.array_equal(model.predict(load_iris().data[:20]), before)


@pytest.mark.parametrize("name", MODELS)
def test_deterministic(lesson, name, digits):
    X_train, X_test, y_train, _ = digits
    one = lesson[name](k=5, weights="distance").fit(X_train, y_train)
    two = lesson[name](k=5, weights="distance").fit(X_train, y_train)
    assert np.array_equal(one.predict(X_test), two.predict(X_test))


# --- bad input ----------------------------------------------------------------

@pytest.mark.parametrize("name", MODELS)
def test_predict_before_fit(lesson, name):
    with pytest.raises(ValueError, match="not fitted yet"):
        lesson[name]().predict(np.zeros((2, 3)))


@pytest.mark.parametrize("name", MODELS)
def test_predict_with_wrong_number_of_features(lesson, name, digits):
    X_train, _, y_train, _ = digits
    model = lesson[name]().fit(X_train, y_train)
    with pytest.raises(ValueError,
                       match=r"shape \(n_samples, 64\), got \(5, 3\)"):
        model.predict(np.zeros((5, 3)))


@pytest.mark.parametrize("name", MODELS)
def test_fit_with_bad_shapes(lesson, name):
    with pytest.raises(ValueError, match=r"X must have shape"):
        lesson[name]().fit(np.zeros(10), np.arange(10) % 2)
    with pytest.raises(ValueError, match=r"y must have shape \(10,\)"):
        lesson[name]().fit(np.zeros((10, 2)), np.arange(9) % 2)
    with pytest.raises(ValueError, match=r"flatten it"):
        lesson[name]().fit(np.zeros((10, 2)),
                           (np.arange(10) % 2).reshape(-1, 1))


@pytest.mark.parametrize("name", MODELS)
def test_nan(lesson, name):
    X = np.random.default_rng(0).normal(size=(10, 2))
    y = np.arange(10) % 2
    X_nan = X.copy()
    X_nan[3, 1] = np.nan
    with pytest.raises(ValueError, match="X must hold finite numbers"):
        lesson[name]().fit(X_nan, y)
    with pytest.raises(ValueError, match="y must hold finite"):
        lesson[name]().fit(X, np.where(y == 1, np.nan, 0.0))
    model = lesson[name](k=3).fit(X, y)
    with pytest.raises(ValueError, match="X must hold finite numbers"):
        model.predict(X_nan)


@pytest.mark.parametrize("name", MODELS)
def test_empty(lesson, name):
    with pytest.raises(ValueError, match="must not be empty"):
        lesson[name]().fit(np.zeros((0, 2)), np.zeros(0))
    model = lesson[name](k=1).fit(np.eye(2), [0, 1])
    with pytest.raises(ValueError, match="must not be empty"):
        model.predict(np.zeros((0, 2)))


def test_single_class(lesson):
    with pytest.raises(ValueError, match="at least 2 classes, got only "
                                         "the class 4"):
        lesson["KNNClassifier"](k=1).fit(np.eye(3), [4, 4, 4])


@pytest.mark.parametrize("name", MODELS)
def test_bad_k(lesson, name):
    X, y = np.eye(4), [0, 1, 0, 1]
    with pytest.raises(ValueError, match=r"at most n_samples = 4, the "
                                         r"number of training samples, "
                                         r"got k=5"):
        lesson[name](k=5).fit(X, y)
    for bad in (0, -2, 2.5):
        with pytest.raises(ValueError, match="k must be a positive whole"):
            lesson[name](k=bad).fit(X, y)
    model = lesson[name](k=2).fit(X, y)
    model.k = 9                     # changed after fit: checked again
    with pytest.raises(ValueError, match="got k=9"):
        model.predict(X)


@pytest.mark.parametrize("name", MODELS)
def test_bad_weights(lesson, name):
    with pytest.raises(ValueError, match="'uniform' or 'distance', got "
                                         "'inverse'"):
        lesson[name](weights="inverse").fit(np.eye(6), [0, 1] * 3)


# --- an estimator: probabilities, labels of any kind, scikit-learn's tools --

@pytest.mark.parametrize("weights", ["uniform", "distance"])
def test_predict_proba_equals_sklearn_on_digits(lesson, digits, weights):
    X_train, X_test, y_train, _ = digits
    ours = lesson["KNNClassifier"](k=5, weights=weights).fit(X_train,
                                                             y_train)
    theirs = KNeighborsClassifier(n_neighbors=5, weights=weights,
                                  algorithm="brute").fit(X_train, y_train)
    proba = ours.predict_proba(X_test)
    assert proba.shape == (len(X_test), 10)
    assert np.allclose(proba, theirs.predict_proba(X_test), rtol=0,
                       atol=1e-12)
    assert np.array_equal(ours.classes_[np.argmax(proba, axis=1)],
                          ours.predict(X_test))


def test_string_labels(lesson):
    # the species' names, as in the lesson's section 9
    iris = load_iris()
    names = iris.target_names[iris.target]
    X_mm = np.round(iris.data[:, :2] * 10)
    ours = lesson["KNNClassifier"](k=7).fit(X_mm, names)
    theirs = KNeighborsClassifier(n_neighbors=7, algorithm="brute").fit(
        X_mm, names)
    assert list(ours.classes_) == ["setosa", "versicolor", "virginica"]
    assert np.array_equal(ours.predict(X_mm), theirs.predict(X_mm))
    assert ours.score(X_mm, names) == theirs.score(X_mm, names)


def test_params_clone_and_grid_search(lesson):
    X, y = load_iris(return_X_y=True)
    X_mm = np.round(X[:, :2] * 10)
    model = lesson["KNNClassifier"](k=7, weights="distance")
    assert model.get_params() == {"k": 7, "weights": "distance"}
    assert repr(model) == "KNNClassifier(k=7, weights='distance')"
    copy = clone(model)
    assert copy is not model and copy.get_params() == model.get_params()
    search = GridSearchCV(lesson["KNNClassifier"](), {"k": [1, 5, 9]},
                          cv=3).fit(X_mm, y)
    assert search.best_params_["k"] in (1, 5, 9)
    assert isinstance(search.best_estimator_, lesson["KNNClassifier"])


# --- scikit-learn's own estimator checks -------------------------------------

EXPECTED_FAILURES = {"KNNClassifier": COURSE_VALIDATION,
                     "KNNRegressor": COURSE_VALIDATION}


@sklearn_checks([LESSON["KNNClassifier"](k=3), LESSON["KNNRegressor"](k=3)],
                EXPECTED_FAILURES)
def test_scikit_learn_estimator_checks(estimator, check):
    check(estimator)


# --- the fast search of the optional last section ----------------------------

def test_blocks_give_the_same_answer(fast, digits):
    X_train, X_test, _, _ = digits
    sq_train = np.sum(X_train ** 2, axis=1)
    whole = fast["k_nearest"](X_test, X_train, sq_train, 5,
                              block_size=10 ** 9)
    tiny = fast["k_nearest"](X_test, X_train, sq_train, 5, block_size=1)
    assert np.array_equal(whole[1], tiny[1])
    assert np.array_equal(whole[0], tiny[0])


@pytest.mark.parametrize("weights", ["uniform", "distance"])
def test_fast_builds_the_same_model_on_digits(fast, digits, weights):
    X_train, X_test, y_train, _ = digits
    readable = fast["KNNClassifier"](k=5, weights=weights).fit(X_train,
                                                               y_train)
    quick = fast["FastKNNClassifier"](k=5, weights=weights).fit(X_train,
                                                                y_train)
    for a, b in zip(readable.kneighbors(X_test), quick.kneighbors(X_test)):
        assert np.array_equal(a, b)
    assert np.array_equal(readable.predict(X_test), quick.predict(X_test))
    assert np.array_equal(readable.predict_proba(X_test),
                          quick.predict_proba(X_test))
    reg = fast["KNNRegressor"](k=5, weights=weights).fit(X_train, y_train)
    reg_quick = fast["FastKNNRegressor"](k=5, weights=weights).fit(
        X_train, y_train)
    assert np.array_equal(reg.predict(X_test), reg_quick.predict(X_test))


@pytest.mark.parametrize("k", [1, 2, 5, 17, 60])
def test_fast_keeps_the_tie_rule(fast, k):
    rng = np.random.default_rng(0)
    X_train = rng.integers(0, 4, size=(60, 2)).astype(float)
    X = rng.integers(0, 4, size=(25, 2)).astype(float)
    model = fast["FastKNNClassifier"](k=k).fit(X_train, np.arange(60) % 3)
    _, ind = model.kneighbors(X)
    assert np.array_equal(ind, stable_nearest(X, X_train, k))

