"""Lesson 07's decision tree (the notebook's cells tagged `model`) and the
fast copy kept for later lessons in helpers/trees.py: agreement with
scikit-learn and with each other (the same tree, split for split),
scikit-learn's estimator checks, bad input, refitting, determinism, and the
defects of the source material (odd labels, duplicate rows, zero-gain
splits)."""
import numpy as np
import pytest
from sklearn.base import clone
from sklearn.datasets import load_diabetes
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier as SklearnClassifier
from sklearn.tree import DecisionTreeRegressor as SklearnRegressor

from estimator_checks import COURSE_VALIDATION, sklearn_checks
from helpers import trees
from notebook_code import load_model

LESSON = load_model("07-decision-trees.ipynb")
LessonTree = LESSON["DecisionTreeClassifier"]
CLASSIFIERS = {"lesson": LessonTree, "helpers": trees.DecisionTreeClassifier}


def splits(model):
    """The tree's nodes depth first (node, left side, right side): a
    (feature, threshold) per inner node, None per leaf. Works on the
    lesson's tree of `Node`s and on helpers.trees' flat arrays."""
    if hasattr(model, "root_"):
        def visit(node):
            if node.is_leaf():
                return [None]
            return ([(int(node.feature), float(node.threshold))]
                    + visit(node.left) + visit(node.right))
        return visit(model.root_)
    tree = model.tree_

    def visit_arrays(i):
        if tree.children_left[i] == trees.LEAF:
            return [None]
        return ([(int(tree.feature[i]), float(tree.threshold[i]))]
                + visit_arrays(tree.children_left[i])
                + visit_arrays(tree.children_right[i]))
    return visit_arrays(0)


def node_count(model):
    return len(splits(model))


# ---------------------------------------------------------------- agreement

@pytest.mark.parametrize("kind", CLASSIFIERS)
def test_agrees_with_scikit_learn_on_digits(kind, digits):
    X_train, X_test, y_train, y_test = digits
    ours = CLASSIFIERS[kind](criterion="entropy", max_depth=10)
    ours.fit(X_train, y_train)
    sk = SklearnClassifier(criterion="entropy", max_depth=10,
                           random_state=0).fit(X_train, y_train)
    assert splits(ours)[0] == (33, 2.5)
    assert sk.tree_.feature[0] == 33 and sk.tree_.threshold[0] == 2.5
    train = [np.mean(m.predict(X_train) == y_train) for m in (ours, sk)]
    test = [np.mean(m.predict(X_test) == y_test) for m in (ours, sk)]
    assert train[0] == train[1]
    assert abs(test[0] - test[1]) <= 0.02
    assert node_count(ours) == sk.tree_.node_count


@pytest.mark.parametrize("criterion", ["entropy", "gini"])
@pytest.mark.parametrize("max_depth, leaf", [(3, 1), (None, 1), (None, 5)])
def test_lesson_and_helpers_grow_the_same_tree(digits, wine, criterion,
                                               max_depth, leaf):
    # the readable tree and the fast one: the same questions in the same
    # nodes (thresholds equal up to the last bit of the midpoint)
    wine2 = [part[:, [6, 12]] if part.ndim == 2 else part for part in wine]
    for X_train, X_test, y_train, _ in (digits, wine, wine2):
        settings = dict(criterion=criterion, max_depth=max_depth,
                        min_samples_leaf=leaf)
        a = LessonTree(**settings).fit(X_train, y_train)
        b = trees.DecisionTreeClassifier(**settings).fit(X_train, y_train)
        ours, fast = splits(a), splits(b)
        assert [s is None for s in ours] == [s is None for s in fast]
        assert [s[0] for s in ours if s] == [s[0] for s in fast if s]
        assert np.allclose([s[1] for s in ours if s],
                           [s[1] for s in fast if s], rtol=1e-15, atol=0)
        for X in (X_train, X_test):
            assert np.array_equal(a.predict(X), b.predict(X))
            assert np.allclose(a.predict_proba(X), b.predict_proba(X))
        # the same node sizes as scikit-learn's tree (ties aside, the same)
        sk = SklearnClassifier(random_state=0, **settings).fit(X_train,
                                                              y_train)
        assert node_count(a) == sk.tree_.node_count


@pytest.mark.parametrize("max_depth", [3, 6, None])
def test_regressor_agrees_with_scikit_learn(max_depth):
    X, y = load_diabetes(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
    ours = trees.DecisionTreeRegressor(max_depth=max_depth)
    ours.fit(X_train, y_train)
    sk = SklearnRegressor(max_depth=max_depth, random_state=0)
    sk.fit(X_train, y_train)
    assert ours.tree_.node_count == sk.tree_.node_count
    # same partition of the training set, so the same training predictions
    assert np.allclose(ours.predict(X_train), sk.predict(X_train))
    assert np.isclose(ours.tree_.threshold[0], sk.tree_.threshold[0],
                      rtol=1e-6)


def test_regressor_compressed_positions_match_dense():
    # many distinct values per feature: deep levels renumber the ranks
    rng = np.random.default_rng(0)
    X = rng.normal(size=(600, 4))
    y = X[:, 0] ** 2 + np.sin(3 * X[:, 1]) + 0.1 * rng.normal(size=600)
    ours = trees.DecisionTreeRegressor().fit(X, y)
    sk = SklearnRegressor(random_state=0).fit(X, y)
    assert ours.tree_.node_count == sk.tree_.node_count
    assert np.allclose(ours.predict(X), y)        # grown until pure


def test_chunked_search_gives_the_same_tree(digits, monkeypatch):
    X_train, X_test, y_train, _ = digits
    whole = trees.DecisionTreeClassifier(max_depth=8).fit(X_train, y_train)
    monkeypatch.setattr(trees, "MAX_CELLS", 5000)
    chunked = trees.DecisionTreeClassifier(max_depth=8).fit(X_train, y_train)
    assert np.array_equal(whole.tree_.threshold, chunked.tree_.threshold)
    assert np.array_equal(whole.predict(X_test), chunked.predict(X_test))


# ---------------------------------------------------------------- bad input

# Wrong shapes, NaN, empty input and predict before fit, for the lesson's
# tree and both trees of helpers.trees: tests/test_models_bad_input.py.

@pytest.mark.parametrize("Model", list(CLASSIFIERS.values()))
def test_classifier_rejects_one_class_and_nan_labels(Model):
    X = np.arange(20.0).reshape(10, 2)
    with pytest.raises(ValueError, match=r"at least 2 classes, got only "
                                         r"one( class)?: 1"):
        Model().fit(X, np.ones(10, dtype=int))
    y = np.array([0.0, 1.0] * 5)
    y[2] = np.nan
    with pytest.raises(ValueError, match=r"finite labels"):
        Model().fit(X, y)


@pytest.mark.parametrize("Model", list(CLASSIFIERS.values()))
@pytest.mark.parametrize("settings, match", [
    (dict(criterion="log_loss"), r"criterion must be 'entropy' or 'gini'"),
    (dict(max_depth=0), r"max_depth must be a positive whole number"),
    (dict(max_depth=2.5), r"max_depth must be a positive whole number"),
    (dict(min_samples_split=1), r"min_samples_split must be at least 2"),
    (dict(min_samples_leaf=0), r"min_samples_leaf must be a positive"),
])
def test_bad_settings_raise(Model, settings, match):
    X = np.arange(20.0).reshape(10, 2)
    with pytest.raises(ValueError, match=match):
        Model(**settings).fit(X, [0, 1] * 5)


@pytest.mark.parametrize("max_features", [0, 3, 1.5, "log2"])
def test_bad_max_features_raise(max_features):
    X = np.arange(20.0).reshape(10, 2)
    with pytest.raises(ValueError, match=r"max_features must be None"):
        trees.DecisionTreeClassifier(max_features=max_features).fit(
            X, [0, 1] * 5)


# ----------------------------------------------------- refit, determinism

@pytest.mark.parametrize("Model", list(CLASSIFIERS.values()))
def test_refit_starts_afresh(Model, digits, wine):
    X_train, X_test, y_train, _ = wine
    model = Model(max_depth=4)
    model.fit(digits[0], digits[2])                 # 64 features, 10 classes
    model.fit(X_train, y_train)                     # 13 features, 3 classes
    fresh = Model(max_depth=4).fit(X_train, y_train)
    assert model.n_features_in_ == 13
    assert np.array_equal(model.classes_, [0, 1, 2])
    assert splits(model) == splits(fresh)
    assert np.array_equal(model.predict(X_test), fresh.predict(X_test))


def test_fits_are_deterministic(digits):
    X_train, X_test, y_train, _ = digits
    a = LessonTree(max_depth=6).fit(X_train, y_train)
    b = LessonTree(max_depth=6).fit(X_train, y_train)
    assert splits(a) == splits(b)
    for Model in (trees.DecisionTreeRegressor, trees.DecisionTreeClassifier):
        runs = [Model(max_features="sqrt", random_state=7).fit(
            X_train, y_train) for _ in range(2)]
        assert np.array_equal(runs[0].tree_.feature, runs[1].tree_.feature)
        assert np.array_equal(runs[0].predict(X_test),
                              runs[1].predict(X_test))
    other = trees.DecisionTreeClassifier(max_features="sqrt", random_state=8)
    other.fit(X_train, y_train)
    assert not np.array_equal(other.tree_.feature, runs[0].tree_.feature)


def test_max_features_draws_at_every_split(digits):
    X_train, X_test, y_train, y_test = digits
    model = trees.DecisionTreeClassifier(max_features="sqrt", random_state=0)
    model.fit(X_train, y_train)
    assert model.max_features_ == 8
    used = model.tree_.feature[model.tree_.feature >= 0]
    assert len(np.unique(used)) > 20        # not one fixed set of 8 features
    assert np.mean(model.predict(X_train) == y_train) == 1.0
    assert np.mean(model.predict(X_test) == y_test) > 0.7
    # one feature per split: a draw can offer no useful split (gain 0), and
    # the node then stays a leaf, so the fit is good but not perfect
    one = trees.DecisionTreeClassifier(max_features=1, random_state=0)
    assert np.mean(one.fit(X_train, y_train).predict(X_train)
                   == y_train) > 0.9


# ---------------------------------------------- the source's defects, fixed

@pytest.mark.parametrize("Model", list(CLASSIFIERS.values()))
def test_any_labels(Model, wine):
    X_train, X_test, y_train, _ = wine
    codes = Model(max_depth=3).fit(X_train, y_train).predict(X_test)
    # labels in the same order as the codes 0, 1, 2: the very same tree
    for labels in (np.array([-1, 1, 7]), np.array(["ash", "elm", "oak"])):
        model = Model(max_depth=3).fit(X_train, labels[y_train])
        assert set(model.classes_) == set(labels)
        assert np.array_equal(model.predict(X_test), labels[codes])
        assert model.predict_proba(X_test).shape == (len(X_test), 3)


@pytest.mark.parametrize("Model", list(CLASSIFIERS.values()))
def test_duplicate_rows_with_conflicting_labels(Model):
    rng = np.random.default_rng(0)
    X = rng.integers(0, 3, size=(30, 2)).astype(float)
    y = rng.integers(0, 2, size=30)
    model = Model().fit(X, y)                  # no crash, no endless loop
    sk = SklearnClassifier(criterion="entropy", random_state=0).fit(X, y)
    assert node_count(model) == sk.tree_.node_count
    leaves = sk.apply(X)                       # the same partition
    for leaf in np.unique(leaves):             # each leaf: its fractions
        fractions = np.bincount(y[leaves == leaf], minlength=2) / np.sum(
            leaves == leaf)
        assert np.allclose(model.predict_proba(X[leaves == leaf]),
                           fractions)
    assert np.array_equal(model.predict(X), sk.predict(X))


@pytest.mark.parametrize("Model", list(CLASSIFIERS.values()))
def test_no_split_that_gains_nothing(Model):
    X = np.array([[1.0], [1.0], [2.0], [2.0]])
    model = Model().fit(X, [0, 1, 0, 1])
    assert node_count(model) == 1
    assert np.allclose(model.predict_proba(X), 0.5)
    # XOR: every first split gains nothing, so the tree stays one leaf
    X_xor = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    assert node_count(Model().fit(X_xor, [0, 1, 1, 0])) == 1


def test_regressor_constant_target_and_single_sample():
    X = np.arange(12.0).reshape(6, 2)
    model = trees.DecisionTreeRegressor().fit(X, np.full(6, 0.1))
    assert model.tree_.node_count == 1
    assert np.allclose(model.predict(X), 0.1)
    one = trees.DecisionTreeRegressor().fit(X[:1], [3.0])
    assert np.allclose(one.predict(X), 3.0)


def test_apply_walks_like_a_loop(wine):
    # helpers.trees moves all samples down together, level by level
    X_train, X_test, y_train, _ = wine
    for Model in [trees.DecisionTreeClassifier]:
        model = Model(max_depth=5).fit(X_train, y_train)
        tree = model.tree_
        for x, leaf in zip(X_test, model.apply(X_test)):
            node = 0
            while tree.children_left[node] != -1:
                go_left = x[tree.feature[node]] <= tree.threshold[node]
                node = (tree.children_left[node] if go_left
                        else tree.children_right[node])
            assert node == leaf


def test_threshold_stays_below_the_larger_value():
    # two neighbouring floats: their midpoint rounds onto the larger one
    low = 1.0
    high = np.nextafter(low, 2.0)
    X = np.array([[low], [low], [high], [high]])
    for Model in CLASSIFIERS.values():
        model = Model().fit(X, [0, 0, 1, 1])
        assert splits(model)[0] == (0, low)
        assert np.array_equal(model.predict(X), [0, 0, 1, 1])


def test_one_feature_and_leaves_at_different_depths():
    # samples reach leaves in different rounds; leaves must not be read as
    # a test on feature -2 (which one column does not have)
    X = np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]])
    y = np.array([0, 1, 1, 0, 0, 0])
    for Model in CLASSIFIERS.values():
        model = Model().fit(X, y)
        assert np.array_equal(model.predict(X), y)
    reg = trees.DecisionTreeRegressor().fit(X, [0.0, 1, 4, 9, 16, 25])
    assert np.allclose(reg.predict(X), [0, 1, 4, 9, 16, 25])


# ------------------------------------------- scikit-learn's estimator contract

def test_lesson_tree_is_a_scikit_learn_classifier(wine):
    X_train, X_test, y_train, y_test = wine
    names = np.array(["class_0", "class_1", "class_2"])[y_train]
    model = LessonTree(max_depth=3).fit(X_train, names)
    assert model.get_params()["max_depth"] == 3
    assert clone(model).set_params(max_depth=2).max_depth == 2
    assert list(model.classes_) == ["class_0", "class_1", "class_2"]
    assert model.n_features_in_ == 13
    proba = model.predict_proba(X_test)
    assert proba.shape == (len(X_test), 3)
    assert np.allclose(proba.sum(axis=1), 1)
    assert np.array_equal(model.classes_[proba.argmax(axis=1)],
                          model.predict(X_test))
    assert 0.8 < model.score(X_test, np.array(
        ["class_0", "class_1", "class_2"])[y_test]) <= 1


EXPECTED_FAILURES = {"DecisionTreeClassifier": COURSE_VALIDATION}


@sklearn_checks([LessonTree(max_depth=3)], EXPECTED_FAILURES)
def test_scikit_learn_estimator_checks(estimator, check):
    check(estimator)
