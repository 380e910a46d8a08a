"""Lesson 08's random forests: the readable forest (cells tagged `model`,
a loop of bootstrap samples and lesson 07's trees) and the optional
all-trees-at-once forest (cells tagged `fast`): agreement with
scikit-learn and with each other, scikit-learn's estimator checks, bad
input, refitting, determinism, and the pieces of the lesson (bootstrap,
features drawn at every split, soft vote, out-of-bag score)."""
import numpy as np
import pytest
from sklearn.base import clone
from sklearn.ensemble import RandomForestClassifier as SklearnForest

from estimator_checks import COURSE_VALIDATION, sklearn_checks
from helpers import trees
from notebook_code import load_model

LESSON = load_model("08-random-forests.ipynb")
FAST = load_model("08-random-forests.ipynb", tags=("model", "fast"))
Forest = LESSON["RandomForestClassifier"]
AllAtOnce = FAST["RandomForestAllAtOnce"]
BOTH = pytest.mark.parametrize("Model", [Forest, AllAtOnce],
                               ids=["readable", "all_at_once"])


def node_count(model):
    """All the nodes of a fitted forest, of either kind."""
    if hasattr(model, "forest_"):
        return model.forest_.node_count
    return sum(tree.tree_.node_count for tree in model.estimators_)


# ---------------------------------------------------------------- agreement

@BOTH
def test_agrees_with_scikit_learn_on_digits(Model, digits):
    # the mean over three seeds, as random forests are random: test and
    # out-of-bag accuracy within 2 points, and about as many nodes
    X_train, X_test, y_train, y_test = digits
    ours, theirs = [], []
    for seed in (0, 1, 2):
        settings = dict(n_estimators=100, max_features="sqrt",
                        bootstrap=True, oob_score=True, random_state=seed)
        for found, model in ((ours, Model(**settings)),
                             (theirs, SklearnForest(n_jobs=1, **settings))):
            model.fit(X_train, y_train)
            found.append((model.score(X_test, y_test), model.oob_score_))
    ours, theirs = np.mean(ours, axis=0), np.mean(theirs, axis=0)
    assert abs(ours[0] - theirs[0]) <= 0.02
    assert ours[0] > 0.96
    assert abs(ours[1] - theirs[1]) <= 0.02
    sk = SklearnForest(n_estimators=30, random_state=0).fit(X_train, y_train)
    sk_nodes = sum(e.tree_.node_count for e in sk.estimators_)
    mine = Model(n_estimators=30, random_state=0).fit(X_train, y_train)
    assert abs(node_count(mine) / sk_nodes - 1) < 0.05


def test_the_fast_forest_grows_the_same_kind_of_forest(digits, wine):
    # not the same trees (the random numbers come in another order), but
    # grown by the same rules: same accuracy and size, within noise ...
    X_train, X_test, y_train, y_test = digits
    settings = dict(n_estimators=60, oob_score=True, random_state=1)
    slow = Forest(**settings).fit(X_train, y_train)
    fast = AllAtOnce(**settings).fit(X_train, y_train)
    assert abs(slow.score(X_test, y_test) - fast.score(X_test, y_test)) < 0.02
    assert abs(slow.oob_score_ - fast.oob_score_) < 0.02
    assert abs(node_count(slow) / node_count(fast) - 1) < 0.05
    # ... and exactly the same forest when nothing is random: no
    # bootstrap, every feature at every split
    for X_train, X_test, y_train, _ in (digits, wine):
        for criterion in ("gini", "entropy"):
            settings = dict(n_estimators=2, bootstrap=False,
                            max_features=None, criterion=criterion)
            slow = Forest(**settings).fit(X_train, y_train)
            fast = AllAtOnce(**settings).fit(X_train, y_train)
            assert node_count(fast) == node_count(slow)
            assert np.array_equal(slow.predict_proba(X_test),
                                  fast.predict_proba(X_test))


def test_one_tree_on_all_samples_is_lesson_07s_tree(digits, wine):
    # no bootstrap, every feature at every split: the forest's one tree
    # must be helpers.trees' tree (same search, same tie-breaking)
    for X_train, X_test, y_train, _ in (digits, wine):
        for criterion in ("gini", "entropy"):
            tree = trees.DecisionTreeClassifier(criterion=criterion)
            tree.fit(X_train, y_train)
            for Model in (Forest, AllAtOnce):
                one = Model(n_estimators=1, bootstrap=False,
                            max_features=None, criterion=criterion)
                one.fit(X_train, y_train)
                assert node_count(one) == tree.tree_.node_count
                assert np.array_equal(one.predict(X_test),
                                      tree.predict(X_test))
            fast = one.forest_
            assert np.array_equal(fast.threshold, tree.tree_.threshold)


# ------------------------------------------------ scikit-learn's checks

# One more than every model of the course: one sample has one class,
# which the forest refuses before it could say anything about the sample.
VALIDATION = {
    **COURSE_VALIDATION,
    "check_fit2d_1sample":
        "one sample is refused as 'y must hold at least 2 classes', not "
        "with the '1 sample' words the check looks for",
}
EXPECTED_FAILURES = {"RandomForestClassifier": VALIDATION,
                     "RandomForestAllAtOnce": VALIDATION}


@sklearn_checks([Forest(n_estimators=5, random_state=0),
                 AllAtOnce(n_estimators=5, random_state=0)],
                EXPECTED_FAILURES)
def test_scikit_learn_estimator_checks(estimator, check):
    check(estimator)


def test_clone_and_params():
    model = Forest(n_estimators=7, max_depth=3, random_state=2)
    copy = clone(model)
    assert copy.get_params() == model.get_params()
    assert repr(model) == ("RandomForestClassifier(max_depth=3, "
                           "n_estimators=7, random_state=2)")


# ---------------------------------------------------------------- bad input

@BOTH
def test_bad_input_beyond_the_shared_checks(Model):
    # the checks every model shares are in tests/test_models_bad_input.py;
    # here: the forest's other methods, and its exact label messages
    X = np.arange(20.0).reshape(10, 2)
    y = np.array([0, 1] * 5)
    model = Model(n_estimators=3, random_state=0)
    for method in (model.predict_proba, model.proba_per_tree):
        with pytest.raises(ValueError, match=r"not fitted yet"):
            method(X)
    with pytest.raises(ValueError, match=r"at least 2 classes, got only "
                                         r"one: 1"):
        model.fit(X, np.ones(10, dtype=int))
    y_nan = y.astype(float)
    y_nan[2] = np.nan
    with pytest.raises(ValueError, match=r"finite labels"):
        model.fit(X, y_nan)


@BOTH
@pytest.mark.parametrize("settings, match", [
    (dict(n_estimators=0), r"n_estimators must be a positive whole number"),
    (dict(n_estimators=2.5), r"n_estimators must be a positive whole"),
    (dict(criterion="log_loss"), r"criterion must be 'entropy' or 'gini'"),
    (dict(max_depth=0), r"max_depth must be a positive whole number"),
    (dict(min_samples_split=1), r"min_samples_split must be at least 2"),
    (dict(min_samples_leaf=0), r"min_samples_leaf must be a positive"),
    (dict(max_features=0), r"max_features must be None, 'sqrt'"),
    (dict(max_features=3), r"from 1 to n_features=2, got 3"),
    (dict(max_features="log2"), r"max_features must be None, 'sqrt'"),
    (dict(max_features=1.5), r"max_features must be None, 'sqrt'"),
    (dict(oob_score=True, bootstrap=False), r"oob_score=True needs "
                                            r"bootstrap=True"),
])
def test_bad_settings_raise(Model, settings, match):
    X = np.arange(20.0).reshape(10, 2)
    with pytest.raises(ValueError, match=match):
        Model(**settings).fit(X, [0, 1] * 5)


# ----------------------------------------------------- refit, determinism

@BOTH
def test_refit_starts_afresh(Model, digits, wine):
    X_train, X_test, y_train, _ = wine
    model = Model(n_estimators=5, oob_score=True, random_state=3)
    model.fit(digits[0], digits[2])                 # 64 features, 10 classes
    model.fit(X_train, y_train)                     # 13 features, 3 classes
    fresh = Model(n_estimators=5, oob_score=True,
                  random_state=3).fit(X_train, y_train)
    assert model.n_features_in_ == 13
    assert np.array_equal(model.classes_, [0, 1, 2])
    assert model.in_bag_.shape == (5, len(X_train))
    assert np.array_equal(model.in_bag_, fresh.in_bag_)
    assert np.array_equal(model.predict_proba(X_test),
                          fresh.predict_proba(X_test))
    assert model.oob_score_ == fresh.oob_score_


@BOTH
def test_fits_are_deterministic(Model, digits):
    X_train, X_test, y_train, _ = digits
    runs = [Model(n_estimators=10, random_state=7).fit(X_train, y_train)
            for _ in range(2)]
    assert np.array_equal(runs[0].in_bag_, runs[1].in_bag_)
    assert np.array_equal(runs[0].predict_proba(X_test),
                          runs[1].predict_proba(X_test))
    other = Model(n_estimators=10, random_state=8).fit(X_train, y_train)
    assert not np.array_equal(other.in_bag_, runs[0].in_bag_)
    # a generator as random_state: the fit draws from it (and advances it)
    rng = np.random.default_rng(0)
    a = Model(n_estimators=2, random_state=rng).fit(X_train, y_train)
    b = Model(n_estimators=2, random_state=rng).fit(X_train, y_train)
    assert not np.array_equal(a.in_bag_, b.in_bag_)


def test_a_shorter_forest_is_the_first_trees_of_a_longer_one(digits):
    # one tree after the other from one generator: the explorer's "first
    # n trees" are the forest of n trees
    X_train, X_test, y_train, _ = digits
    long = Forest(n_estimators=8, random_state=4).fit(X_train, y_train)
    short = Forest(n_estimators=3, random_state=4).fit(X_train, y_train)
    assert np.array_equal(long.in_bag_[:3], short.in_bag_)
    assert np.array_equal(long.proba_per_tree(X_test)[:3],
                          short.proba_per_tree(X_test))


# ---------------------------------------------------- the lesson's pieces

@BOTH
def test_bootstrap_samples(Model, digits):
    X_train, _, y_train, _ = digits
    n = len(X_train)
    model = Model(n_estimators=20, random_state=0).fit(X_train, y_train)
    assert np.all(model.in_bag_.sum(axis=1) == n)
    assert abs(np.mean(model.in_bag_ == 0) - (1 - 1 / n) ** n) < 0.01
    whole = Model(n_estimators=3, bootstrap=False,
                  random_state=0).fit(X_train, y_train)
    assert np.all(whole.in_bag_ == 1)


def test_each_tree_grows_on_its_bootstrap_sample(digits):
    X_train, _, y_train, _ = digits
    model = Forest(n_estimators=5, random_state=0).fit(X_train, y_train)
    for tree, in_bag in zip(model.estimators_, model.in_bag_):
        assert tree.tree_.n_node_samples[0] == len(X_train)  # with copies
        # the root's class fractions are those of the bootstrap sample
        counts = np.bincount(y_train, weights=in_bag, minlength=10)
        assert np.allclose(tree.tree_.value[0], counts / counts.sum())


def test_features_are_drawn_at_every_split(digits):
    X_train, _, y_train, _ = digits
    one = Forest(n_estimators=1, random_state=0).fit(X_train, y_train)
    tree = one.estimators_[0]
    assert tree.max_features_ == 8
    used = tree.tree_.feature[tree.tree_.feature >= 0]
    assert len(np.unique(used)) > 20        # not one fixed set of 8
    # the fast forest's own draw: a node where only pixel 5 varies still
    # gets pixel 5
    pair = np.array([X_train[0], X_train[0]])
    pair[1, 5] += 1
    ranks, _ = trees.rank_values(pair)
    feats = FAST["draw_features"](ranks, np.tile([0, 1], 6),
                                  np.repeat(np.arange(6), 2), 6, 8,
                                  np.random.default_rng(0))
    assert feats.shape == (6, 8)
    assert np.all(np.any(feats == 5, axis=1))
    assert all(len(set(row)) == 8 for row in feats)


@BOTH
def test_soft_vote(Model, wine):
    X_train, X_test, y_train, _ = wine
    model = Model(n_estimators=7, max_depth=3, random_state=1)
    model.fit(X_train, y_train)
    per_tree = model.proba_per_tree(X_test)
    assert per_tree.shape == (7, len(X_test), 3)
    proba = model.predict_proba(X_test)
    assert np.allclose(proba, per_tree.mean(axis=0))
    assert np.allclose(proba.sum(axis=1), 1)
    assert np.array_equal(model.predict(X_test),
                          model.classes_[np.argmax(proba, axis=1)])


@BOTH
def test_out_of_bag_score_by_hand(Model, wine):
    X_train, _, y_train, _ = wine
    model = Model(n_estimators=15, oob_score=True, random_state=2)
    model.fit(X_train, y_train)
    out = model.in_bag_ == 0
    votes = np.sum(model.proba_per_tree(X_train) * out[:, :, None], axis=0)
    scored = out.any(axis=0)
    expected = np.mean(np.argmax(votes[scored], axis=1) == y_train[scored])
    assert model.oob_score_ == pytest.approx(expected)
    assert np.allclose(model.oob_decision_function_[scored].sum(axis=1), 1)
    assert np.all(np.isnan(model.oob_decision_function_[~scored]))
    assert not hasattr(Model(n_estimators=2).fit(X_train, y_train),
                       "oob_score_")


def test_min_samples_leaf_and_any_labels(wine):
    X_train, X_test, y_train, _ = wine
    model = Forest(n_estimators=5, min_samples_leaf=4, random_state=0)
    model.fit(X_train, y_train)
    for tree in model.estimators_:
        leaves = tree.tree_.children_left == trees.LEAF
        assert tree.tree_.n_node_samples[leaves].min() >= 4
    codes = model.predict(X_test)
    for labels in (np.array([-1, 1, 7]), np.array(["ash", "elm", "oak"])):
        named = Forest(n_estimators=5, min_samples_leaf=4, random_state=0)
        named.fit(X_train, labels[y_train])
        assert np.array_equal(named.classes_, labels)
        assert np.array_equal(named.predict(X_test), labels[codes])


@BOTH
def test_a_class_missing_from_a_bootstrap_sample(Model):
    # class 2 has one sample: most bootstrap samples miss it, the forest
    # still has a column for it and can predict it where a tree saw it
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(0, 1, (20, 2)), rng.normal(5, 1, (20, 2)),
                   [[20.0, 20.0]]])
    y = np.array([0] * 20 + [1] * 20 + [2])
    model = Model(n_estimators=30, random_state=0).fit(X, y)
    assert model.predict_proba(X).shape == (41, 3)
    assert model.predict([[20.0, 20.0]])[0] == 2
