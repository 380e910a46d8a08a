"""The KMeans of 11-k-means.ipynb (its cells tagged `model`) and the
FastKMeans of its optional "making it fast" section (tagged `fast`),
checked against scikit-learn's KMeans(algorithm="lloyd") started from the
same centroids, against each other, fed bad input, and run through
scikit-learn's own estimator checks.

Agreement is tested on data without exact ties (continuous blobs and
noise, and the digits and iris with a 1e-6 jitter): on whole-number data a
point can be exactly as far from two centroids, and then rounding, done
differently in the two programs, decides its label (the lesson explains
this). On the raw digits we check instead that the result is a correct
Lloyd fixed point.
"""
import numpy as np
import pytest
from sklearn.base import clone
from sklearn.cluster import KMeans as SklearnKMeans
from sklearn.datasets import load_digits, load_iris
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from estimator_checks import COURSE_VALIDATION, sklearn_checks
from notebook_code import load_model

NOTEBOOK = "11-k-means.ipynb"
FAST = load_model(NOTEBOOK, tags=("model", "fast"))


@pytest.fixture(scope="module")
def lesson():
    return load_model(NOTEBOOK)


@pytest.fixture(scope="module")
def fast():
    return FAST


def blobs(seed, n_blobs=4, n_per=60, spread=0.8):
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-6, 6, size=(n_blobs, 2))
    return np.concatenate([rng.normal(c, spread, size=(n_per, 2))
                           for c in centres])


def jittered(X, seed=0):
    # break the exact ties of whole-number data, far above rounding
    return X + np.random.default_rng(seed).normal(scale=1e-6, size=X.shape)


def datasets():
    digits = load_digits().data
    iris = load_iris().data
    rng = np.random.default_rng(42)
    return {
        "blobs": blobs(0),
        "blobs-6": blobs(1, n_blobs=6, spread=1.5),
        "noise-2000x3": rng.normal(size=(2000, 3)),
        "uniform-500x2": rng.random((500, 2)),
        "digits-jitter": jittered(digits),
        "iris-jitter": jittered(iris),
        "far-from-origin": blobs(2) + 1e4,
    }


DATA = datasets()


def same_partition(a, b):
    # contingency table: one nonzero entry per row and per column
    T = np.zeros((a.max() + 1, b.max() + 1), dtype=int)
    np.add.at(T, (a, b), 1)
    return bool(np.all(np.count_nonzero(T, axis=0) == 1)
                and np.all(np.count_nonzero(T, axis=1) == 1))


def squared_distances(X, C):
    # directly from the differences: (N, k)
    return np.sum((X[:, None, :] - C[None, :, :]) ** 2, axis=2)


def compare(lesson, X, C0, tol=1e-4, max_iter=300):
    ours = lesson["KMeans"](len(C0), init=C0, tol=tol,
                            max_iter=max_iter).fit(X)
    theirs = SklearnKMeans(len(C0), init=C0, n_init=1, tol=tol,
                           max_iter=max_iter, algorithm="lloyd").fit(X)
    gap = abs(ours.inertia_ - theirs.inertia_) / theirs.inertia_
    assert gap < 0.01, f"inertia differs by {gap:.2%}"
    assert gap < 1e-9, f"inertia differs by {gap:.2e}, more than rounding"
    assert same_partition(ours.labels_, theirs.labels_)
    assert ours.n_iter_ == theirs.n_iter_
    assert np.allclose(ours.cluster_centers_, theirs.cluster_centers_,
                       rtol=1e-9, atol=1e-9)
    return ours, theirs


# --- agreement with scikit-learn ---------------------------------------------

@pytest.mark.parametrize("name", sorted(DATA))
@pytest.mark.parametrize("k", [2, 3, 5, 10])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_same_clusters_as_sklearn_from_random_rows(lesson, name, k, seed):
    X = DATA[name]
    rng = np.random.default_rng(seed)
    C0 = X[rng.choice(len(X), size=k, replace=False)]
    compare(lesson, X, C0)


@pytest.mark.parametrize("name", sorted(DATA))
@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_same_clusters_as_sklearn_from_kmeans_plus_plus(lesson, name, seed):
    X = DATA[name]
    C0 = lesson["kmeans_plus_plus"](X, 8, np.random.default_rng(seed))
    compare(lesson, X, C0)


@pytest.mark.parametrize("max_iter", [1, 2, 3, 7])
@pytest.mark.parametrize("tol", [0.0, 1e-4, 1e-2])
def test_same_result_when_stopped_early(lesson, max_iter, tol):
    X = DATA["noise-2000x3"]
    C0 = X[np.random.default_rng(5).choice(len(X), 6, replace=False)]
    ours, _ = compare(lesson, X, C0, tol=tol, max_iter=max_iter)
    assert ours.n_iter_ <= max_iter


@pytest.mark.parametrize("name", ["blobs", "iris-jitter", "digits-jitter"])
def test_empty_cluster_relocated_as_sklearn_does(lesson, name):
    # a start with a repeated row: the second copy gets no point
    X = DATA[name]
    C0 = X[[0, 0, 1, len(X) // 2, len(X) - 1]]
    ours, _ = compare(lesson, X, C0)
    assert np.all(np.isfinite(ours.cluster_centers_))
    assert len(np.unique(ours.labels_)) == 5


def test_scaling_the_data_does_not_change_when_it_stops(lesson):
    # tol is relative to the data's variance, so units do not matter
    X = DATA["noise-2000x3"]
    C0 = X[:5]
    metres = lesson["KMeans"](5, init=C0, tol=1e-3).fit(X)
    millimetres = lesson["KMeans"](5, init=C0 * 1000, tol=1e-3).fit(X * 1000)
    assert metres.n_iter_ == millimetres.n_iter_
    assert np.array_equal(metres.labels_, millimetres.labels_)
    assert np.allclose(metres.cluster_centers_ * 1000,
                       millimetres.cluster_centers_)


# --- labels, inertia, stopping -----------------------------------------------

@pytest.mark.parametrize("max_iter", [1, 2, 3, 300])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_labels_are_nearest_to_the_final_centroids(lesson, max_iter, seed):
    X = blobs(seed, n_blobs=5, spread=1.5)
    model = lesson["KMeans"](5, init="random", max_iter=max_iter, tol=0.0,
                             random_state=seed).fit(X)
    D2 = squared_distances(X, model.cluster_centers_)
    assert np.array_equal(model.labels_, np.argmin(D2, axis=1))
    assert model.inertia_ == pytest.approx(
        np.sum(np.min(D2, axis=1)), rel=1e-12)
    assert np.array_equal(model.predict(X), model.labels_)
    assert 1 <= model.n_iter_ <= max_iter


def test_centroids_are_the_means_of_their_clusters_at_convergence(lesson):
    X = blobs(3, n_blobs=5, spread=1.2)
    model = lesson["KMeans"](5, tol=0.0, random_state=0).fit(X)
    assert model.n_iter_ < 300
    for j in range(5):
        assert np.allclose(model.cluster_centers_[j],
                           X[model.labels_ == j].mean(axis=0))


def test_inertia_never_increases_with_more_iterations(lesson):
    X = DATA["noise-2000x3"]
    C0 = X[:8]
    inertias = [lesson["KMeans"](8, init=C0, max_iter=m, tol=0.0)
                .fit(X).inertia_ for m in range(1, 15)]
    assert np.all(np.diff(inertias) <= 1e-9)


def test_stops_at_the_first_small_enough_shift(lesson):
    # a plain reference Lloyd loop (no empty clusters on these data)
    X = DATA["noise-2000x3"]
    C = X[:6].copy()
    tol_abs = 1e-3 * np.mean(np.var(X, axis=0))
    for step in range(1, 301):
        labels = np.argmin(squared_distances(X, C), axis=1)
        C_new = np.array([X[labels == j].mean(axis=0) for j in range(6)])
        shift = np.sum((C_new - C) ** 2)
        C = C_new
        if shift <= tol_abs:
            break
    model = lesson["KMeans"](6, init=X[:6], tol=1e-3).fit(X)
    assert model.n_iter_ == step
    assert np.allclose(model.cluster_centers_, C)


def test_raw_digits_end_in_a_lloyd_fixed_point(lesson):
    # whole numbers: ties exist; whatever rounding decided, the result
    # must be a correct Lloyd run
    X = load_digits().data
    model = lesson["KMeans"](10, tol=0.0, random_state=2).fit(X)
    D2 = squared_distances(X, model.cluster_centers_)
    own = D2[np.arange(len(X)), model.labels_]
    assert np.all(own <= np.min(D2, axis=1) + 1e-9 * np.max(D2))
    for j in range(10):
        assert np.allclose(model.cluster_centers_[j],
                           X[model.labels_ == j].mean(axis=0))


def test_nearest_centroid_breaks_exact_ties_to_the_smaller_index(fast):
    rng = np.random.default_rng(0)
    X = rng.integers(-3, 4, size=(500, 2)).astype(float)   # exact arithmetic
    C = np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 0.0], [-1.0, 2.0],
                  [2.0, -1.0]])
    for labels in (fast["nearest_centroid"](X, C),
                   fast["assign"](X, C)):
        assert np.array_equal(labels,
                              np.argmin(squared_distances(X, C), axis=1))
        assert not np.any(labels == 2), "a copy of centroid 0 never wins"


@pytest.mark.parametrize("k", [1, 2, 7, 40])
def test_nearest_centroid_equals_argmin(fast, k):
    X = DATA["noise-2000x3"]
    C = np.random.default_rng(k).normal(size=(k, 3))
    labels = fast["nearest_centroid"](X, C)
    assert np.array_equal(labels, np.argmin(squared_distances(X, C), axis=1))
    assert np.array_equal(labels, fast["assign"](X, C))


@pytest.mark.parametrize("name", sorted(DATA))
@pytest.mark.parametrize("seed", [0, 1])
def test_fast_kmeans_builds_the_same_model(fast, name, seed):
    # the optional ending changes the assignment step only
    X = DATA[name]
    for init in ("k-means++", "random"):
        slow = fast["KMeans"](6, init=init, random_state=seed).fit(X)
        quick = fast["FastKMeans"](6, init=init, random_state=seed).fit(X)
        assert quick.n_iter_ == slow.n_iter_
        assert np.array_equal(quick.labels_, slow.labels_)
        assert np.allclose(quick.cluster_centers_, slow.cluster_centers_,
                           rtol=1e-12, atol=1e-12)
        assert np.array_equal(quick.predict(X[:50]), slow.predict(X[:50]))


def test_one_cluster_is_the_mean(lesson):
    X = DATA["blobs"]
    model = lesson["KMeans"](1).fit(X)
    assert np.allclose(model.cluster_centers_[0], X.mean(axis=0))
    assert model.inertia_ == pytest.approx(np.sum((X - X.mean(axis=0)) ** 2))
    assert np.all(model.labels_ == 0)


# --- the update step and empty clusters --------------------------------------

def test_empty_cluster_takes_the_farthest_point(lesson):
    X = np.array([[0.0], [1.0], [2.0], [10.0]])
    labels = np.zeros(4, dtype=int)            # all nearest to centroid 0
    C_new = lesson["update_centroids"](X, labels, np.array([[3.0], [100.0]]))
    # 10 is farthest from centroid 0 (at 3): it founds cluster 1
    assert np.array_equal(C_new, [[1.0], [10.0]])


def test_two_empty_clusters_take_the_two_farthest_points(lesson):
    X = np.array([[0.0], [1.0], [9.0], [-7.0], [2.0]])
    labels = np.zeros(5, dtype=int)
    C_new = lesson["update_centroids"](
        X, labels, np.array([[1.0], [50.0], [60.0]]))
    # distances to 1: 1, 0, 8, 8, 1: 9 first (earlier row), then -7
    assert np.array_equal(C_new, [[1.0], [9.0], [-7.0]])


def test_more_clusters_than_distinct_points(lesson):
    X = np.repeat(np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 5.0]]), 4, axis=0)
    for init in ("k-means++", "random"):
        model = lesson["KMeans"](5, init=init, random_state=0).fit(X)
        assert np.all(np.isfinite(model.cluster_centers_))
        assert model.inertia_ == 0.0
        assert len(np.unique(model.labels_)) == 3


def test_source_collapse_does_not_happen(lesson):
    # the lesson's demonstration: a repeated start point
    X = DATA["blobs"]
    model = lesson["KMeans"](4, init=X[[0, 0, 60, 120]]).fit(X)
    assert np.all(np.isfinite(model.cluster_centers_))
    assert np.all(np.bincount(model.labels_, minlength=4) > 0)


# --- k-means++ ---------------------------------------------------------------

def test_kmeans_plus_plus_follows_the_d2_distribution(lesson):
    # 1-D points 0, 1, 3: the first pick is uniform, the second has
    # probability d^2 / sum d^2 given the first
    X = np.array([[0.0], [1.0], [3.0]])
    n_draws = 6000
    counts = np.zeros((3, 3))
    for s in range(n_draws):
        C = lesson["kmeans_plus_plus"](X, 2, np.random.default_rng(s))
        first, second = (int(np.flatnonzero(X[:, 0] == c)[0])
                         for c in C[:, 0])
        counts[first, second] += 1
    d2 = (X - X.T) ** 2
    expected = (d2 / d2.sum(axis=1, keepdims=True)) / 3
    sigma = np.sqrt(expected * (1 - expected) / n_draws)
    assert np.all(np.abs(counts / n_draws - expected) <= 4 * sigma + 1e-12)
    assert np.all(np.diag(counts) == 0), "a chosen point is never re-chosen"


def test_kmeans_plus_plus_spreads_over_far_groups(lesson):
    # three tight groups very far apart: k-means++ picks one from each
    rng = np.random.default_rng(0)
    X = np.concatenate([rng.normal(c, 0.01, size=(50, 2))
                        for c in ([0, 0], [100, 0], [0, 100])])
    for s in range(20):
        C = lesson["kmeans_plus_plus"](X, 3, np.random.default_rng(s))
        groups = {int(round(c[0] / 100)) + 2 * int(round(c[1] / 100))
                  for c in C}
        assert groups == {0, 1, 2}


def test_starts_are_rows_and_depend_on_the_seed(lesson):
    X = DATA["blobs"]
    for init in ("k-means++", "random"):
        model = lesson["KMeans"](4, init=init, random_state=3)
        C0 = model._initial_centroids(X, 4, np.random.default_rng(3), "test")
        assert all(np.any(np.all(X == c, axis=1)) for c in C0)
        assert len(np.unique(C0, axis=0)) == 4
        a = model.fit(X)
        b = lesson["KMeans"](4, init=init, random_state=3).fit(X)
        assert np.array_equal(a.cluster_centers_, b.cluster_centers_)
    starts = {lesson["KMeans"](4, init="random", max_iter=1,
                               random_state=s).fit(X).inertia_
              for s in range(5)}
    assert len(starts) > 1, "different seeds, different starts"


def test_random_state_accepts_a_generator(lesson):
    X = DATA["blobs"]
    a = lesson["KMeans"](4, random_state=np.random.default_rng(7)).fit(X)
    b = lesson["KMeans"](4, random_state=7).fit(X)
    assert np.array_equal(a.cluster_centers_, b.cluster_centers_)


# --- scikit-learn's shape ----------------------------------------------------

def test_init_only_stores(lesson):
    C0 = np.zeros((3, 2))
    model = lesson["KMeans"](3, init=C0, max_iter=5, tol=0.1,
                             random_state=1)
    assert model.init is C0
    assert (model.n_clusters, model.max_iter, model.tol,
            model.random_state) == (3, 5, 0.1, 1)
    assert not [a for a in vars(model) if a.endswith("_")]


def test_fit_returns_self_and_sets_attributes(lesson):
    X = DATA["blobs"]
    model = lesson["KMeans"](4, random_state=0)
    assert model.fit(X) is model
    assert model.cluster_centers_.shape == (4, 2)
    assert model.labels_.shape == (len(X),)
    assert isinstance(model.inertia_, float)
    assert isinstance(model.n_iter_, int)
    assert model.n_features_in_ == 2


def test_fit_predict_equals_fit_then_labels(lesson):
    X = DATA["digits-jitter"]
    labels = lesson["KMeans"](10, random_state=0).fit_predict(X)
    model = lesson["KMeans"](10, random_state=0).fit(X)
    assert np.array_equal(labels, model.labels_)
    assert np.array_equal(model.predict(X), labels)


def test_predict_new_points(lesson):
    X = DATA["blobs"]
    model = lesson["KMeans"](4, random_state=0).fit(X)
    new = np.random.default_rng(9).uniform(-8, 8, size=(50, 2))
    want = np.argmin(squared_distances(new, model.cluster_centers_), axis=1)
    assert np.array_equal(model.predict(new), want)
    assert model.predict(new[0]).shape == (1,)   # one sample, 1-D


def test_refit_starts_afresh_and_inputs_are_not_changed(lesson):
    X = DATA["blobs"].copy()
    C0 = X[:4].copy()
    model = lesson["KMeans"](4, init=C0).fit(X)
    assert np.array_equal(C0, X[:4]) and np.array_equal(X, DATA["blobs"])
    iris = load_iris().data
    model.init = "k-means++"
    model.n_clusters = 3
    model.fit(iris)
    assert model.n_features_in_ == 4
    assert model.cluster_centers_.shape == (3, 4)
    assert model.labels_.shape == (150,)


# --- bad input ---------------------------------------------------------------

def test_fit_refuses_bad_X(lesson):
    KMeans = lesson["KMeans"]
    with pytest.raises(ValueError, match=r"KMeans.fit: X must have shape "
                                         r"\(n_samples, n_features\), "
                                         r"got \(3,\)"):
        KMeans(2).fit(np.zeros(3))
    with pytest.raises(ValueError, match=r"got \(2, 3, 4\)"):
        KMeans(2).fit(np.zeros((2, 3, 4)))
    X = DATA["blobs"].copy()
    X[5, 1] = np.nan
    with pytest.raises(ValueError, match="X must hold finite numbers"):
        KMeans(2).fit(X)
    X[5, 1] = np.inf
    with pytest.raises(ValueError, match="X must hold finite numbers"):
        KMeans(2).fit(X)
    with pytest.raises(ValueError, match=r"X must not be empty, got shape "
                                         r"\(0, 2\)"):
        KMeans(2).fit(np.zeros((0, 2)))
    with pytest.raises(TypeError, match="X must be numbers"):
        KMeans(2).fit([["a", "b"], ["c", "d"]])


@pytest.mark.parametrize("bad", [0, -1, 2.5, "three"])
def test_fit_refuses_bad_n_clusters(lesson, bad):
    kind = TypeError if isinstance(bad, str) else ValueError
    with pytest.raises(kind, match=r"n_clusters must be a positive whole "
                                   r"number"):
        lesson["KMeans"](bad).fit(DATA["blobs"])


def test_fit_refuses_more_clusters_than_samples(lesson):
    with pytest.raises(ValueError, match=r"n_clusters must be at most the "
                                         r"number of samples, n_samples=5, "
                                         r"got n_clusters=6"):
        lesson["KMeans"](6).fit(np.arange(10.0).reshape(5, 2))


def test_fit_refuses_a_bad_init(lesson):
    KMeans, X = lesson["KMeans"], DATA["blobs"]
    with pytest.raises(ValueError, match=r"init must have shape "
                                         r"\(n_clusters, n_features\) = "
                                         r"\(3, 2\), got \(4, 2\)"):
        KMeans(3, init=X[:4]).fit(X)
    with pytest.raises(ValueError, match=r"= \(3, 2\), got \(3, 3\)"):
        KMeans(3, init=np.zeros((3, 3))).fit(X)
    with pytest.raises(ValueError, match=r"init must have shape"):
        KMeans(3, init=np.zeros(6)).fit(X)
    with pytest.raises(ValueError, match="init must hold finite numbers"):
        KMeans(2, init=np.array([[0.0, np.nan], [1.0, 1.0]])).fit(X)
    with pytest.raises(ValueError, match=r"init must be 'k-means\+\+', "
                                         r"'random' or an array .* got "
                                         r"'kmeans'"):
        KMeans(3, init="kmeans").fit(X)


@pytest.mark.parametrize("bad", [0, -3, 1.5])
def test_fit_refuses_bad_max_iter(lesson, bad):
    with pytest.raises(ValueError, match="max_iter must be a positive whole"):
        lesson["KMeans"](2, max_iter=bad).fit(DATA["blobs"])


def test_fit_refuses_bad_tol(lesson):
    for bad in (-1e-4, np.nan, np.inf):
        with pytest.raises(ValueError, match=r"tol must be a number >= 0"):
            lesson["KMeans"](2, tol=bad).fit(DATA["blobs"])
    with pytest.raises(TypeError, match=r"tol must be a number >= 0"):
        lesson["KMeans"](2, tol="small").fit(DATA["blobs"])


def test_predict_before_fit(lesson):
    with pytest.raises(ValueError, match=r"KMeans.predict: this KMeans is "
                                         r"not fitted yet; call fit\(X\)"):
        lesson["KMeans"](2).predict(np.zeros((3, 2)))


def test_predict_refuses_bad_X(lesson):
    model = lesson["KMeans"](3, random_state=0).fit(DATA["blobs"])
    with pytest.raises(ValueError, match=r"KMeans.predict: X must have "
                                         r"shape \(n_samples, 2\), got "
                                         r"\(5, 3\)"):
        model.predict(np.zeros((5, 3)))
    with pytest.raises(ValueError, match="X must hold finite numbers"):
        model.predict(np.array([[0.0, np.nan]]))
    with pytest.raises(ValueError, match="X must not be empty"):
        model.predict(np.zeros((0, 2)))


# --- the explorer's runs -----------------------------------------------------

@pytest.mark.parametrize("seed", range(10))
def test_a_run_of_the_two_steps_ends_where_the_model_ends(lesson, seed):
    # "Try it" replays Lloyd runs of the lesson's `assign` and
    # `update_centroids` from the starts of KMeans(init="random"); they
    # must end where the model ends
    X = blobs(4, n_blobs=4, n_per=100)
    C = X[np.random.default_rng(seed).choice(len(X), 4, replace=False)]
    for _ in range(100):
        C_new = lesson["update_centroids"](X, lesson["assign"](X, C), C)
        if np.array_equal(C_new, C):
            break
        C = C_new
    labels = lesson["assign"](X, C)
    model = lesson["KMeans"](4, init="random", tol=0.0,
                             random_state=seed).fit(X)
    assert same_partition(labels, model.labels_)
    assert np.allclose(C, model.cluster_centers_)
    assert np.sum((X - C[labels]) ** 2) == pytest.approx(model.inertia_,
                                                          rel=1e-12)


# --- a scikit-learn estimator ------------------------------------------------

def test_clone_get_params_and_a_pipeline(lesson):
    X = DATA["blobs"]
    model = lesson["KMeans"](4, random_state=0)
    assert model.get_params()["n_clusters"] == 4
    copy = clone(model)
    assert copy is not model and copy.get_params() == model.get_params()
    assert not hasattr(copy, "cluster_centers_")
    pipe = make_pipeline(StandardScaler(), lesson["KMeans"](4,
                                                            random_state=0))
    labels = pipe.fit_predict(X)
    direct = lesson["KMeans"](4, random_state=0).fit(
        StandardScaler().fit_transform(X))
    assert np.array_equal(labels, direct.labels_)
    assert np.array_equal(pipe.predict(X), labels)


# The course's validation checks that concern X (the two about y,
# check_supervised_y_2d and check_requires_y_none, are not run on a
# clusterer, which ignores y); every other check passes.
UNSUPERVISED = {name: why for name, why in COURSE_VALIDATION.items()
                if name not in ("check_supervised_y_2d",
                                "check_requires_y_none")}
EXPECTED_FAILURES = {"KMeans": UNSUPERVISED, "FastKMeans": UNSUPERVISED}


@sklearn_checks([load_model(NOTEBOOK)["KMeans"](n_clusters=3,
                                                random_state=0),
                 FAST["FastKMeans"](n_clusters=3, random_state=0)],
                EXPECTED_FAILURES)
def test_scikit_learn_estimator_checks(estimator, check):
    check(estimator)
