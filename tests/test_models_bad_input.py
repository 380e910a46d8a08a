"""Every classical model, every bad input the course promises to explain.

For each supervised model of lessons 05-10 and 15 (the cells the lesson
tags `model`, and the trees of helpers.trees): `fit` and `predict` with
the wrong number of features, a NaN, an empty array, an X of strings,
complex numbers, booleans or None, a single class or a continuous y
(classifiers), and `predict` before `fit` each raise a ValueError (or a
TypeError) whose message says what was expected and what came. The
unsupervised models of lessons 11, 12 and 17 (k-means, PCA, the
autoencoder) get the same promises for `fit(X)`. (The lessons' own test
files go deeper, model by model, including lesson 13's agent and
environment and lesson 14's vectorisers and naive Bayes.)
"""
import numpy as np
import pytest

from helpers import trees
from notebook_code import load_model

rng = np.random.default_rng(0)
X = rng.normal(size=(40, 3))
y_class = (X[:, 0] + X[:, 1] > 0).astype(int)
y_value = X @ np.array([1.0, -2.0, 0.5]) + 0.1 * rng.normal(size=40)


def models():
    """(name, a fresh model, is it a classifier), for each model."""
    lessons = {n: load_model(n) for n in (
        "05-linear-regression.ipynb", "06-k-nearest-neighbours.ipynb",
        "07-decision-trees.ipynb", "08-random-forests.ipynb",
        "09-gradient-boosting.ipynb", "10-support-vector-machines.ipynb",
        "15-deep-networks.ipynb")}
    found = lambda lesson, name: lessons[lesson][name]   # noqa: E731
    return [
        ("05 LinearRegression lstsq", lambda: found(
            "05-linear-regression.ipynb", "LinearRegression")(), False),
        ("05 LinearRegression gd", lambda: found(
            "05-linear-regression.ipynb", "LinearRegression")(method="gd"),
         False),
        ("06 KNNClassifier", lambda: found(
            "06-k-nearest-neighbours.ipynb", "KNNClassifier")(k=3), True),
        ("06 KNNRegressor", lambda: found(
            "06-k-nearest-neighbours.ipynb", "KNNRegressor")(k=3), False),
        ("07 DecisionTreeClassifier", lambda: found(
            "07-decision-trees.ipynb", "DecisionTreeClassifier")(
                max_depth=3), True),
        ("helpers.trees classifier",
         lambda: trees.DecisionTreeClassifier(max_depth=3), True),
        ("helpers.trees regressor",
         lambda: trees.DecisionTreeRegressor(max_depth=3), False),
        ("08 RandomForestClassifier", lambda: found(
            "08-random-forests.ipynb", "RandomForestClassifier")(
                n_estimators=5, random_state=0), True),
        ("09 GradientBoostingRegressor", lambda: found(
            "09-gradient-boosting.ipynb", "GradientBoostingRegressor")(
                n_estimators=5), False),
        ("10 SVM", lambda: found(
            "10-support-vector-machines.ipynb", "SVM")(kernel="linear"),
         True),
        ("15 MLP", lambda: found("15-deep-networks.ipynb", "MLP")(
            hidden_layer_sizes=(8,), num_epochs=3, random_state=0), True),
    ]


MODELS = models()
IDS = [name for name, _, _ in MODELS]


def with_nan(a):
    a = a.astype(float).copy()
    a.flat[5] = np.nan
    return a


@pytest.fixture(params=MODELS, ids=IDS)
def case(request):
    name, make, is_classifier = request.param
    return make, (y_class if is_classifier else y_value), is_classifier


def test_fit_returns_self_and_predicts_one_value_per_row(case):
    make, y, _ = case
    model = make()
    assert model.fit(X, y) is model
    assert np.shape(model.predict(X[:7])) == (7,)


def test_predict_refuses_the_wrong_number_of_features(case):
    make, y, _ = case
    model = make().fit(X, y)                     # trained on 3 features
    with pytest.raises(ValueError, match=r"3"):
        model.predict(X[:, :2])


def test_fit_refuses_nan_in_X(case):
    make, y, _ = case
    with pytest.raises(ValueError, match=r"finite|NaN"):
        make().fit(with_nan(X), y)


def test_fit_refuses_empty_input(case):
    make, y, _ = case
    with pytest.raises(ValueError, match=r"empty"):
        make().fit(X[:0], y[:0])


def test_fit_refuses_nan_in_y(case):
    make, y, _ = case
    with pytest.raises(ValueError, match=r"finite|NaN|nan"):
        make().fit(X, with_nan(y))


def test_predict_refuses_nan_and_empty(case):
    make, y, _ = case
    model = make().fit(X, y)
    with pytest.raises(ValueError, match=r"finite|NaN"):
        model.predict(with_nan(X))
    with pytest.raises(ValueError, match=r"empty"):
        model.predict(X[:0])


def test_fit_refuses_y_of_another_length(case):
    make, y, _ = case
    with pytest.raises(ValueError, match=r"\(40,\)"):   # what was expected
        make().fit(X, y[:7])


def test_fit_refuses_a_vector_for_X(case):
    make, y, _ = case
    with pytest.raises(ValueError, match=r"\(n_samples, n_features\)"):
        make().fit(X[:, 0], y)


def test_predict_names_itself_and_both_shapes(case):
    make, y, _ = case
    model = make().fit(X, y)
    with pytest.raises(ValueError, match=r"predict: X must have shape "
                                         r"\(n_samples, 3\), got \(7, 2\)"):
        model.predict(X[:7, :2])


def test_predict_before_fit_says_so(case):
    make, _, _ = case
    with pytest.raises(ValueError, match=r"not fitted|fit\("):
        make().predict(X)


@pytest.mark.parametrize("make", [m for _, m, c in MODELS if c],
                         ids=[n for n, _, c in MODELS if c])
def test_classifiers_refuse_a_single_class(make):
    with pytest.raises(ValueError, match=r"class|label"):
        make().fit(X, np.zeros(len(X), dtype=int))


# Unsupervised models (lessons 11, 12, 17) learn from X alone: `fit(X)`,
# then `predict` (k-means) or `transform` (PCA, autoencoder). The same promises hold.
def unsupervised():
    kmeans = load_model("11-k-means.ipynb")["KMeans"]
    pca = load_model("12-principal-component-analysis.ipynb")["PCA"]
    autoencoder = load_model("17-autoencoders.ipynb")["Autoencoder"]
    return [
        ("11 KMeans", lambda: kmeans(n_clusters=3, random_state=0),
         "predict"),
        ("12 PCA", lambda: pca(n_components=2), "transform"),
        ("17 Autoencoder", lambda: autoencoder(
            hidden_sizes=(4,), n_components=2, output="linear",
            num_epochs=3, random_state=0), "transform"),
    ]


UNSUPERVISED = unsupervised()


@pytest.fixture(params=UNSUPERVISED, ids=[n for n, _, _ in UNSUPERVISED])
def learner(request):
    _, make, method = request.param
    return make, method


def test_unsupervised_fit_returns_self_and_maps_every_row(learner):
    make, method = learner
    model = make()
    assert model.fit(X) is model
    assert len(getattr(model, method)(X[:7])) == 7


def test_unsupervised_refuses_nan_empty_and_a_wrong_shape(learner):
    make, method = learner
    with pytest.raises(ValueError, match=r"finite|NaN"):
        make().fit(with_nan(X))
    with pytest.raises(ValueError, match=r"empty"):
        make().fit(X[:0])
    with pytest.raises(ValueError, match=r"\(n_samples, n_features\)"):
        make().fit(X[:, 0])                       # a vector, not a table
    model = make().fit(X)                         # trained on 3 features
    with pytest.raises(ValueError, match=r"3"):
        getattr(model, method)(X[:, :2])
    with pytest.raises(ValueError, match=r"finite|NaN"):
        getattr(model, method)(with_nan(X))


def test_unsupervised_before_fit_says_call_fit_x(learner):
    make, method = learner
    with pytest.raises(ValueError, match=r"not fitted yet; call fit\(X\)"):
        getattr(make(), method)(X)


# X that is not numbers (strings, complex numbers, None, booleans) and,
# for the classifiers, a continuous y (a regression target): each is
# refused with a message that says what came. The models check X with
# helpers.validation.as_matrix, which names these kinds, and each
# classifier's y with helpers.validation.as_class_labels.
NOT_NUMBERS = {
    "strings": (lambda: np.full(X.shape, "cat"), r"string"),
    "complex": (lambda: X + 1j, r"complex"),
    "None": (lambda: None, r"None"),
    "booleans": (lambda: X > 0, r"bool"),
}
y_continuous = X[:, 0] * 1.7 + 0.3          # floats, none of them whole



@pytest.mark.parametrize("kind", NOT_NUMBERS)
def test_fit_and_predict_refuse_x_that_is_not_numbers(case, kind):
    make, y, _ = case
    bad, words = NOT_NUMBERS[kind]
    with pytest.raises((TypeError, ValueError), match=words):
        make().fit(bad(), y)
    model = make().fit(X, y)
    with pytest.raises((TypeError, ValueError), match=words):
        model.predict(bad())


@pytest.mark.parametrize("kind", NOT_NUMBERS)
def test_unsupervised_fit_refuses_x_that_is_not_numbers(learner, kind):
    make, method = learner
    bad, words = NOT_NUMBERS[kind]
    with pytest.raises((TypeError, ValueError), match=words):
        make().fit(bad())
    model = make().fit(X)
    with pytest.raises((TypeError, ValueError), match=words):
        getattr(model, method)(bad())


@pytest.mark.parametrize("make", [m for _, m, c in MODELS if c],
                         ids=[n for n, _, c in MODELS if c])
def test_classifiers_refuse_a_continuous_y(make):
    with pytest.raises(ValueError, match=r"regressor|continuous"):
        make().fit(X, y_continuous)
