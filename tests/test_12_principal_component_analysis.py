"""The PCA of 12-principal-component-analysis.ipynb (its cells tagged
`model`) and the FastPCA of its optional "making it fast" section (tagged
`fast`), checked against scikit-learn's PCA on tall, wide and square
data, against each other, for properties that hold for any correct PCA,
in a Pipeline, through scikit-learn's own estimator checks, and fed bad
input.

Components with (numerically) zero variance are not unique: any
orthonormal basis of that subspace is right. They are compared as a
subspace, through the projection matrix onto their span.

scikit-learn's default solver for tall data ("covariance_eigh") is the
eigendecomposition of the covariance matrix, whose components are
accurate only to about eps * lambda_1 / gap (the lesson's section 8): on
the breast-cancer data its components of variance ~1e-10 * lambda_1 are
off by 1.5e-8. Against it, components are compared where their variance
exceeds 1e-8 * lambda_1; against svd_solver="full", all of them.
"""
import numpy as np
import pytest
from sklearn.base import clone
from sklearn.datasets import load_breast_cancer, load_digits, load_iris, \
    load_wine
from sklearn.decomposition import PCA as SklearnPCA
from sklearn.model_selection import GridSearchCV, cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline

from estimator_checks import COURSE_VALIDATION, sklearn_checks
from notebook_code import load_model

NOTEBOOK = "12-principal-component-analysis.ipynb"
FAST = load_model(NOTEBOOK, tags=("model", "fast"))
TOL = 1e-8


@pytest.fixture(scope="module")
def lesson():
    return load_model(NOTEBOOK)


def dataset(name):
    rng = np.random.default_rng(12)
    if name == "digits":                      # tall, rank 61 of 64
        return load_digits().data
    if name == "iris":
        return load_iris().data
    if name == "wine":                        # features of very different size
        return load_wine().data
    if name == "breast_cancer":
        return load_breast_cancer().data
    if name == "tall 5000x64":
        return rng.normal(size=(5000, 64)) @ rng.normal(size=(64, 64))
    if name == "wide 30x100":                 # N < D: rank 29
        return rng.normal(size=(30, 100))
    if name == "wide 200x600":
        return rng.normal(size=(200, 600)) + rng.normal(size=600)
    if name == "square 50x50":
        return rng.normal(size=(50, 50)) * np.linspace(0.1, 5, 50)
    raise KeyError(name)


DATASETS = ["digits", "iris", "wine", "breast_cancer", "tall 5000x64",
            "wide 30x100", "wide 200x600", "square 50x50"]


def well_defined(variances):
    # components whose variance stands out of the rounding noise
    return variances > 1e-10 * variances[0]


# --- agreement with scikit-learn ---------------------------------------------

@pytest.mark.parametrize("n_components", [None, 3])
@pytest.mark.parametrize("solver", ["auto", "full"])
@pytest.mark.parametrize("name", DATASETS)
def test_agrees_with_sklearn(lesson, name, solver, n_components):
    X = dataset(name)
    theirs = SklearnPCA(n_components, svd_solver=solver)
    theirs.fit(X)
    if theirs._fit_svd_solver in ("randomized", "arpack"):
        pytest.skip(f"scikit-learn chose the approximate "
                    f"{theirs._fit_svd_solver!r} solver: compared with "
                    "svd_solver='full' instead")
    ours = lesson["PCA"](n_components).fit(X)
    k = theirs.n_components_
    assert ours.n_components_ == k
    assert ours.components_.shape == theirs.components_.shape == (
        k, X.shape[1])
    good = well_defined(ours.explained_variance_)
    # the rest (zero variance) as a subspace
    rest_ours, rest_theirs = ours.components_[~good], \
        theirs.components_[~good]
    assert np.max(np.abs(rest_ours.T @ rest_ours - rest_theirs.T
                         @ rest_theirs), initial=0.0) < TOL
    if theirs._fit_svd_solver == "covariance_eigh":
        good &= ours.explained_variance_ > 1e-8 * \
            ours.explained_variance_[0]
    # entry by entry, with the same sign rule
    assert np.max(np.abs(ours.components_[good]
                         - theirs.components_[good])) < TOL
    assert np.max(np.abs(ours.explained_variance_ratio_
                         - theirs.explained_variance_ratio_)) < TOL
    scale = ours.explained_variance_[0]
    assert np.max(np.abs(ours.explained_variance_
                         - theirs.explained_variance_)) < TOL * scale
    assert np.max(np.abs(ours.singular_values_ - theirs.singular_values_)
                  [good]) < TOL * ours.singular_values_[0]
    assert np.allclose(ours.mean_, theirs.mean_, rtol=0, atol=1e-12 *
                       max(1.0, np.abs(X).max()))
    size = max(1.0, np.abs(X - X.mean(axis=0)).max())
    Z = ours.transform(X)
    assert np.max(np.abs(Z - theirs.transform(X))[:, good]) < TOL * size
    Z[:, ~good] = 0.0
    assert np.max(np.abs(ours.inverse_transform(Z)
                         - theirs.inverse_transform(Z))) < TOL * size


@pytest.mark.parametrize("name", ["digits", "wide 200x600"])
def test_fit_transform_is_fit_then_transform(lesson, name):
    X = dataset(name)
    Z = lesson["PCA"](7).fit_transform(X)
    assert Z.shape == (len(X), 7)
    assert np.allclose(Z, lesson["PCA"](7).fit(X).transform(X), rtol=0,
                       atol=1e-12 * np.abs(X).max())
    assert np.allclose(Z, SklearnPCA(7, svd_solver="full").fit_transform(X),
                       rtol=0, atol=TOL * np.abs(X).max())


# --- what any correct PCA satisfies -------------------------------------------

@pytest.mark.parametrize("name", DATASETS)
def test_components_orthonormal_variances_sorted_and_sum_to_one(lesson,
                                                                name):
    X = dataset(name)
    model = lesson["PCA"]().fit(X)
    V = model.components_
    assert np.allclose(V @ V.T, np.eye(len(V)), rtol=0, atol=1e-12)
    variance = model.explained_variance_
    assert np.all(variance >= 0) and np.all(model.singular_values_ >= 0)
    assert np.all(np.diff(variance) <= 0), "largest first"
    assert np.isclose(np.sum(model.explained_variance_ratio_), 1.0)
    # the total variance is the sum of the features' variances
    assert np.isclose(np.sum(variance), np.sum(np.var(X, axis=0, ddof=1)))
    assert np.allclose(variance, model.singular_values_ ** 2
                       / (len(X) - 1))


@pytest.mark.parametrize("name", ["digits", "wine", "wide 30x100"])
def test_explained_variance_is_the_variance_of_the_scores(lesson, name):
    X = dataset(name)
    model = lesson["PCA"](4).fit(X)
    Z = model.transform(X)
    assert np.allclose(np.var(Z, axis=0, ddof=1), model.explained_variance_,
                       rtol=1e-10)
    assert np.allclose(Z.mean(axis=0), 0, atol=1e-9 * np.abs(Z).max())
    # scores of different components are uncorrelated
    cov = np.cov(Z.T)
    assert np.allclose(cov - np.diag(np.diag(cov)), 0,
                       atol=1e-9 * cov[0, 0])


@pytest.mark.parametrize("name", DATASETS)
def test_all_components_rebuild_exactly(lesson, name):
    X = dataset(name)
    model = lesson["PCA"]().fit(X)
    X_hat = model.inverse_transform(model.transform(X))
    assert np.allclose(X_hat, X, rtol=0, atol=1e-10 * np.abs(X).max())


@pytest.mark.parametrize("name", ["digits", "iris", "wide 30x100"])
def test_reconstruction_error_is_the_dropped_variance(lesson, name):
    X = dataset(name)
    full = lesson["PCA"]().fit(X)
    for k in (1, 2, full.n_components_ // 2):
        model = lesson["PCA"](k).fit(X)
        X_hat = model.inverse_transform(model.transform(X))
        error = np.sum((X - X_hat) ** 2) / (len(X) - 1)
        assert np.isclose(error, np.sum(full.explained_variance_[k:]),
                          rtol=1e-9, atol=1e-9 * full.explained_variance_[0])


def test_first_component_beats_every_other_direction(lesson):
    X = dataset("wine")
    model = lesson["PCA"]().fit(X)
    W = np.random.default_rng(0).normal(size=(13, 2000))
    W /= np.linalg.norm(W, axis=0)
    variance = np.var((X - X.mean(axis=0)) @ W, axis=0, ddof=1)
    assert variance.max() <= model.explained_variance_[0] * (1 + 1e-12)


def test_sign_rule_and_shuffle_invariance(lesson):
    X = dataset("digits")
    model = lesson["PCA"]().fit(X)
    V = model.components_
    biggest = V[np.arange(len(V)), np.argmax(np.abs(V), axis=1)]
    assert np.all(biggest > 0), "largest entry of each component positive"
    order = np.random.default_rng(1).permutation(len(X))
    shuffled = lesson["PCA"]().fit(X[order])
    good = well_defined(model.explained_variance_)
    assert np.max(np.abs(shuffled.components_ - V)[good]) < TOL


def test_flip_signs(lesson):
    flip = lesson["flip_signs"]
    Vt = np.array([[0.6, -0.8], [-0.8, -0.6], [0.0, 0.0]])
    assert np.array_equal(flip(Vt), [[-0.6, 0.8], [0.8, 0.6], [0.0, 0.0]])
    assert np.array_equal(flip(-Vt), flip(Vt))


# --- the optional fast version: QR first, the same model ---------------------

def test_qr_route_equals_direct_svd():
    X = dataset("tall 5000x64")
    X_c = X - X.mean(axis=0)
    S, Vt = FAST["svd_by_qr"](np.asfortranarray(X_c))
    _, S_direct, Vt_direct = np.linalg.svd(X_c, full_matrices=False)
    assert S.shape == (64,) and Vt.shape == (64, 64)
    assert np.max(np.abs(S - S_direct)) < 1e-13 * S_direct[0]
    flip = FAST["flip_signs"]
    assert np.max(np.abs(flip(Vt) - flip(Vt_direct))) < 1e-10


def test_svd_by_qr_on_wide_data_is_the_plain_svd():
    X_c = dataset("wide 30x100")
    S, Vt = FAST["svd_by_qr"](X_c)
    assert S.shape == (30,) and Vt.shape == (30, 100)
    assert np.allclose(S, np.linalg.svd(X_c, compute_uv=False))


@pytest.mark.parametrize("n_components", [None, 3])
@pytest.mark.parametrize("name", DATASETS)
def test_fast_pca_builds_the_same_model(name, n_components):
    X = dataset(name)
    slow = FAST["PCA"](n_components).fit(X)
    fast = FAST["FastPCA"](n_components).fit(X)
    assert fast.n_components_ == slow.n_components_
    scale = slow.explained_variance_[0]
    assert np.allclose(fast.explained_variance_, slow.explained_variance_,
                       rtol=0, atol=1e-12 * scale)
    assert np.allclose(fast.explained_variance_ratio_,
                       slow.explained_variance_ratio_, rtol=0, atol=1e-12)
    good = well_defined(slow.explained_variance_)
    assert np.max(np.abs(fast.components_ - slow.components_)[good]) < TOL
    rest_fast, rest_slow = fast.components_[~good], slow.components_[~good]
    assert np.max(np.abs(rest_fast.T @ rest_fast - rest_slow.T @ rest_slow),
                  initial=0.0) < TOL
    size = max(1.0, np.abs(X - X.mean(axis=0)).max())
    assert np.max(np.abs(fast.transform(X) - slow.transform(X))[:, good]) \
        < TOL * size


def test_non_negative_where_covariance_eigh_goes_negative(lesson):
    # the source's route gives rounding noise of either sign for the
    # digits' three zero variances. Which sign depends on the order of the
    # additions (the CPU's BLAS kernel, the order of the rows), so look
    # for a row order that makes one negative on this machine: about 3 in
    # 4 orders do.
    digits = dataset("digits")
    rng = np.random.default_rng(0)
    for _ in range(50):
        X = digits[rng.permutation(len(digits))]
        if np.linalg.eigvalsh(np.cov(X.T)).min() < 0:
            break
    else:
        pytest.fail("no row order of 50 gave a negative eigenvalue")
    model = lesson["PCA"]().fit(X)
    assert np.all(model.explained_variance_ >= 0)
    assert np.all(model.explained_variance_ratio_ >= 0)


def test_small_variance_kept_to_many_digits(lesson):
    # spread 1 and 1e-9 across it: the covariance route cannot see 1e-18
    rng = np.random.default_rng(0)
    a = rng.normal(size=500)
    a -= a.mean()
    b = rng.normal(size=500)
    b -= b.mean()
    b -= (b @ a) / (a @ a) * a
    turn = np.array([[np.cos(0.5), np.sin(0.5)],
                     [-np.sin(0.5), np.cos(0.5)]])
    X = np.column_stack([a, 1e-9 * b]) @ turn
    true = np.sum((1e-9 * b) ** 2) / 499
    model = lesson["PCA"]().fit(X)
    assert abs(model.explained_variance_[1] - true) < 1e-6 * true


# --- scikit-learn's shape -------------------------------------------------------

def test_init_only_stores(lesson):
    model = lesson["PCA"](n_components=3)
    assert model.n_components == 3
    assert not [a for a in vars(model) if a.endswith("_")]
    assert lesson["PCA"]().n_components is None


def test_fit_returns_self_and_sets_attributes(lesson):
    X = dataset("digits")
    model = lesson["PCA"](10)
    assert model.fit(X) is model
    assert model.n_components == 10, "fit must not change the argument"
    assert model.n_components_ == 10 and isinstance(model.n_components_,
                                                    int)
    assert model.mean_.shape == (64,)
    for name in ("explained_variance_", "explained_variance_ratio_",
                 "singular_values_"):
        assert getattr(model, name).shape == (10,)
    assert model.n_features_in_ == 64


def test_none_keeps_min_of_samples_and_features(lesson):
    assert lesson["PCA"]().fit(dataset("wide 30x100")).n_components_ == 30
    assert lesson["PCA"]().fit(dataset("iris")).n_components_ == 4
    model = lesson["PCA"]()
    model.fit(dataset("iris"))
    assert model.n_components is None, "None stays None for the next fit"


def test_refit_starts_afresh(lesson):
    model = lesson["PCA"]().fit(dataset("digits"))
    model.fit(dataset("iris"))
    assert model.components_.shape == (4, 4)
    assert model.n_features_in_ == 4
    fresh = lesson["PCA"]().fit(dataset("iris"))
    assert np.array_equal(model.components_, fresh.components_)


def test_model_does_not_depend_on_the_callers_array(lesson):
    X = dataset("iris").copy()
    model = lesson["PCA"](2).fit(X)
    before = model.transform(load_iris().data[:5])
    X[:] = 0.0
    assert np.array_equal(model.transform(load_iris().data[:5]), before)


@pytest.mark.parametrize("name", ["PCA", "FastPCA"])
@pytest.mark.parametrize("order", ["C", "F"])
def test_fit_leaves_the_callers_array_alone(name, order):
    # LAPACK overwrites what it factorises: it must be our own copy
    X = np.array(dataset("digits"), order=order)
    before = X.copy()
    FAST[name]().fit(X).transform(X)
    assert np.array_equal(X, before)


def test_one_sample_as_a_vector(lesson):
    X = dataset("digits")
    model = lesson["PCA"](3).fit(X)
    assert model.transform(X[0]).shape == (1, 3)
    assert model.inverse_transform(model.transform(X[0])[0]).shape == (1, 64)


def test_lists_of_ints_are_accepted(lesson):
    X = [[1, 2], [3, 5], [4, 4], [0, 1]]
    model = lesson["PCA"]().fit(X)
    assert np.allclose(model.components_,
                       SklearnPCA().fit(np.array(X, float)).components_)


# --- bad input -------------------------------------------------------------------

@pytest.mark.parametrize("X, shape", [
    (np.zeros(10), r"\(10,\)"),
    (np.zeros((4, 3, 2)), r"\(4, 3, 2\)"),
])
def test_fit_with_wrong_shape(lesson, X, shape):
    with pytest.raises(ValueError,
                       match=r"PCA.fit: X must have shape \(n_samples, "
                             r"n_features\), got " + shape):
        lesson["PCA"]().fit(X)


def test_nan_and_inf(lesson):
    X = np.random.default_rng(0).normal(size=(10, 3))
    bad = X.copy()
    bad[2, 1] = np.nan
    with pytest.raises(ValueError, match="X must hold finite numbers"):
        lesson["PCA"]().fit(bad)
    bad[2, 1] = np.inf
    with pytest.raises(ValueError, match="X must hold finite numbers"):
        lesson["PCA"]().fit(bad)
    model = lesson["PCA"](2).fit(X)
    with pytest.raises(ValueError, match="PCA.transform: X must hold finite"):
        model.transform(bad)
    with pytest.raises(ValueError,
                       match="PCA.inverse_transform: Z must hold finite"):
        model.inverse_transform(np.array([[0.0, np.nan]]))


def test_empty(lesson):
    for X in (np.zeros((0, 3)), np.zeros((3, 0)), []):
        with pytest.raises(ValueError):
            lesson["PCA"]().fit(X)
    with pytest.raises(ValueError, match="must not be empty"):
        lesson["PCA"]().fit(np.zeros((0, 3)))
    model = lesson["PCA"]().fit(np.eye(3))
    with pytest.raises(ValueError, match="must not be empty"):
        model.transform(np.zeros((0, 3)))


def test_not_numbers(lesson):
    with pytest.raises(TypeError, match="X must be numbers"):
        lesson["PCA"]().fit([["a", "b"], ["c", "d"]])


def test_one_sample_is_not_enough(lesson):
    with pytest.raises(ValueError, match="at least 2 samples .* got 1"):
        lesson["PCA"]().fit(np.array([[1.0, 2.0, 3.0]]))


def test_constant_data(lesson):
    with pytest.raises(ValueError, match="no variance"):
        lesson["PCA"]().fit(np.ones((5, 3)))


@pytest.mark.parametrize("bad", [0, -1, 65])
def test_n_components_out_of_range(lesson, bad):
    with pytest.raises(ValueError,
                       match=r"n_components must be from 1 to "
                             r"min\(n_samples, n_features\) = 64, "
                             rf"got {bad}"):
        lesson["PCA"](bad).fit(dataset("digits"))


def test_n_components_above_n_samples_on_wide_data(lesson):
    with pytest.raises(ValueError, match=r"= 30, got 31"):
        lesson["PCA"](31).fit(dataset("wide 30x100"))
    assert lesson["PCA"](30).fit(dataset("wide 30x100")).n_components_ == 30


@pytest.mark.parametrize("bad", [2.5, 3.0, "3", True])
def test_n_components_not_a_whole_number(lesson, bad):
    with pytest.raises(TypeError, match="None or a whole number"):
        lesson["PCA"](bad).fit(dataset("iris"))


def test_numpy_int_n_components(lesson):
    model = lesson["PCA"](np.int64(2)).fit(dataset("iris"))
    assert model.n_components_ == 2 and type(model.n_components_) is int


@pytest.mark.parametrize("method", ["transform", "inverse_transform"])
def test_before_fit(lesson, method):
    with pytest.raises(ValueError, match=rf"PCA.{method}: this PCA is not "
                                         r"fitted yet; call fit\(X\) first"):
        getattr(lesson["PCA"](), method)(np.zeros((2, 3)))


def test_transform_with_wrong_number_of_features(lesson):
    model = lesson["PCA"](10).fit(dataset("digits"))
    with pytest.raises(ValueError,
                       match=r"PCA.transform: X must have shape "
                             r"\(n_samples, 64\), got \(5, 3\)"):
        model.transform(np.zeros((5, 3)))
    with pytest.raises(ValueError, match=r"got \(63,\)"):
        model.transform(np.zeros(63))


def test_inverse_transform_with_wrong_width(lesson):
    model = lesson["PCA"](10).fit(dataset("digits"))
    for width in (3, 64):
        with pytest.raises(ValueError,
                           match=r"PCA.inverse_transform: Z must have shape "
                                 rf"\(n_samples, 10\), got \(5, {width}\)"):
            model.inverse_transform(np.zeros((5, width)))


# --- a scikit-learn transformer ----------------------------------------------------

def test_clone_and_params(lesson):
    model = lesson["PCA"](n_components=5)
    assert model.get_params() == {"n_components": 5}
    copy = clone(model.fit(dataset("wine")))
    assert copy.get_params() == {"n_components": 5}
    assert not hasattr(copy, "components_"), "clone: not fitted"


def test_fit_ignores_y_and_fit_transform_comes_from_the_mixin(lesson):
    X = dataset("wine")
    model = lesson["PCA"](3)
    assert model.fit(X, np.arange(len(X))) is model
    assert np.allclose(lesson["PCA"](3).fit_transform(X, None),
                       model.transform(X))


def test_pipeline_with_cross_validation_as_in_the_lesson(lesson):
    # the lesson's cell: PCA(10) then 5 nearest neighbours, 5 folds
    X, y = load_digits(return_X_y=True)
    ours = cross_val_score(make_pipeline(lesson["PCA"](n_components=10),
                                         KNeighborsClassifier()), X, y, cv=5)
    theirs = cross_val_score(make_pipeline(SklearnPCA(n_components=10),
                                           KNeighborsClassifier()), X, y,
                             cv=5)
    assert np.array_equal(ours, theirs)
    assert ours.mean() > 0.9


def test_grid_search_over_n_components(lesson):
    X, y = load_digits(return_X_y=True)
    pipeline = make_pipeline(lesson["PCA"](), KNeighborsClassifier())
    search = GridSearchCV(pipeline, {"pca__n_components": [2, 10]}, cv=3)
    search.fit(X[:600], y[:600])
    assert search.best_params_ == {"pca__n_components": 10}


# scikit-learn's estimator checks. Of the seven checks every course model
# fails on purpose (helpers.validation's words and rules), two are about y
# and scikit-learn does not run them on a transformer that needs no y
# (check_supervised_y_2d, check_requires_y_none): the other five remain.
UNSUPERVISED_VALIDATION = {
    check: why for check, why in COURSE_VALIDATION.items()
    if check not in ("check_supervised_y_2d", "check_requires_y_none")}
EXPECTED_FAILURES = {"PCA": UNSUPERVISED_VALIDATION,
                     "FastPCA": UNSUPERVISED_VALIDATION}


@sklearn_checks([FAST["PCA"](), FAST["FastPCA"]()], EXPECTED_FAILURES)
def test_scikit_learn_estimator_checks(estimator, check):
    check(estimator)
