"""Lesson 08's random forest (the notebook's cells tagged `model`):
agreement with scikit-learn, bad input, refitting, determinism, and the
pieces of the lesson (bootstrap, features drawn at every split, soft vote,
out-of-bag score)."""
import numpy as np
import pytest
from sklearn.ensemble import RandomForestClassifier as SklearnForest

from helpers import trees
from notebook_code import load_model

LESSON = load_model("08-random-forests.ipynb")
Forest = LESSON["RandomForestClassifier"]


# ---------------------------------------------------------------- agreement

def test_agrees_with_scikit_learn_on_digits(digits):
    X_train, X_test, y_train, y_test = digits
    settings = dict(n_estimators=100, max_features="sqrt", bootstrap=True,
                    oob_score=True, random_state=0)
    ours = Forest(**settings).fit(X_train, y_train)
    sk = SklearnForest(n_jobs=1, **settings).fit(X_train, y_train)
    test = [np.mean(m.predict(X_test) == y_test) for m in (ours, sk)]
    assert abs(test[0] - test[1]) <= 0.02
    assert test[0] > 0.96
    assert abs(ours.oob_score_ - sk.oob_score_) <= 0.02
    # trees grown until pure: about as many nodes as scikit-learn's
    sk_nodes = sum(e.tree_.node_count for e in sk.estimators_)
    assert abs(ours.forest_.node_count / sk_nodes - 1) < 0.05


def test_one_tree_on_all_samples_is_lesson_07s_tree(digits, wine):
    # no bootstrap, every feature at every split: the forest's one tree
    # must be helpers.trees' tree (same search, same tie-breaking)
    for X_train, X_test, y_train, _ in (digits, wine):
        for criterion in ("gini", "entropy"):
            one = Forest(n_estimators=1, bootstrap=False, max_features=None,
                         criterion=criterion).fit(X_train, y_train)
            tree = trees.DecisionTreeClassifier(criterion=criterion)
            tree.fit(X_train, y_train)
            assert one.forest_.node_count == tree.tree_.node_count
            assert np.array_equal(one.forest_.threshold,
                                  tree.tree_.threshold)
            assert np.array_equal(one.predict(X_test), tree.predict(X_test))


# ---------------------------------------------------------------- bad input

def test_bad_input_beyond_the_shared_checks():
    # the checks every model shares are in tests/test_models_bad_input.py;
    # here: the forest's other methods, and its exact label messages
    X = np.arange(20.0).reshape(10, 2)
    y = np.array([0, 1] * 5)
    model = Forest(n_estimators=3, random_state=0)
    for method in (model.predict_proba, model.apply):
        with pytest.raises(ValueError, match=r"not fitted yet"):
            method(X)
    with pytest.raises(ValueError, match=r"at least 2 classes, got only "
                                         r"one: 1"):
        model.fit(X, np.ones(10, dtype=int))
    y_nan = y.astype(float)
    y_nan[2] = np.nan
    with pytest.raises(ValueError, match=r"finite labels"):
        model.fit(X, y_nan)


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
def test_bad_settings_raise(settings, match):
    X = np.arange(20.0).reshape(10, 2)
    with pytest.raises(ValueError, match=match):
        Forest(**settings).fit(X, [0, 1] * 5)


# ----------------------------------------------------- refit, determinism

def test_refit_starts_afresh(digits, wine):
    X_train, X_test, y_train, _ = wine
    model = Forest(n_estimators=5, oob_score=True, random_state=3)
    model.fit(digits[0], digits[2])                 # 64 features, 10 classes
    model.fit(X_train, y_train)                     # 13 features, 3 classes
    fresh = Forest(n_estimators=5, oob_score=True,
                   random_state=3).fit(X_train, y_train)
    assert model.n_features_in_ == 13 and model.max_features_ == 3
    assert np.array_equal(model.classes_, [0, 1, 2])
    assert model.in_bag_.shape == (5, len(X_train))
    assert np.array_equal(model.forest_.feature, fresh.forest_.feature)
    assert np.array_equal(model.predict(X_test), fresh.predict(X_test))
    assert model.oob_score_ == fresh.oob_score_


def test_fits_are_deterministic(digits):
    X_train, X_test, y_train, _ = digits
    runs = [Forest(n_estimators=10, random_state=7).fit(X_train, y_train)
            for _ in range(2)]
    assert np.array_equal(runs[0].forest_.feature, runs[1].forest_.feature)
    assert np.array_equal(runs[0].in_bag_, runs[1].in_bag_)
    assert np.array_equal(runs[0].predict_proba(X_test),
                          runs[1].predict_proba(X_test))
    other = Forest(n_estimators=10, random_state=8).fit(X_train, y_train)
    assert not np.array_equal(other.in_bag_, runs[0].in_bag_)
    # a generator as random_state: the fit draws from it (and advances it)
    rng = np.random.default_rng(0)
    a = Forest(n_estimators=2, random_state=rng).fit(X_train, y_train)
    b = Forest(n_estimators=2, random_state=rng).fit(X_train, y_train)
    assert not np.array_equal(a.in_bag_, b.in_bag_)


# ---------------------------------------------------- the lesson's pieces

def test_bootstrap_samples(digits):
    X_train, _, y_train, _ = digits
    n = len(X_train)
    model = Forest(n_estimators=20, random_state=0).fit(X_train, y_train)
    assert np.all(model.in_bag_.sum(axis=1) == n)
    roots = np.arange(20)
    assert np.all(model.forest_.n_node_samples[roots] == n)   # with copies
    assert abs(np.mean(model.in_bag_ == 0) - (1 - 1 / n) ** n) < 0.01
    whole = Forest(n_estimators=3, bootstrap=False,
                   random_state=0).fit(X_train, y_train)
    assert np.all(whole.in_bag_ == 1)


def test_features_are_drawn_at_every_split(digits):
    X_train, X_test, y_train, y_test = digits
    one = Forest(n_estimators=1, random_state=0).fit(X_train, y_train)
    assert one.max_features_ == 8
    used = one.forest_.feature[one.forest_.feature >= 0]
    assert len(np.unique(used)) > 20        # not one fixed set of 8
    # a node where only pixel 5 varies still gets pixel 5
    pair = np.array([X_train[0], X_train[0]])
    pair[1, 5] += 1
    ranks, _ = trees.rank_values(pair)
    feats = LESSON["draw_features"](ranks, np.tile([0, 1], 6),
                                    np.repeat(np.arange(6), 2), 6, 8,
                                    np.random.default_rng(0))
    assert feats.shape == (6, 8)
    assert np.all(np.any(feats == 5, axis=1))
    assert all(len(set(row)) == 8 for row in feats)


def test_soft_vote_and_apply(wine):
    X_train, X_test, y_train, _ = wine
    model = Forest(n_estimators=7, max_depth=3, random_state=1)
    model.fit(X_train, y_train)
    per_tree = model.proba_per_tree(X_test)
    assert per_tree.shape == (7, len(X_test), 3)
    proba = model.predict_proba(X_test)
    assert np.allclose(proba, per_tree.mean(axis=0))
    assert np.allclose(proba.sum(axis=1), 1)
    assert np.array_equal(model.predict(X_test),
                          model.classes_[np.argmax(proba, axis=1)])
    leaves = model.apply(X_test)
    assert leaves.shape == (len(X_test), 7)
    tree = model.forest_
    assert np.all(tree.children_left[leaves] == trees.LEAF)
    assert model.forest_.max_depth <= 3
    for t in range(7):                      # walk each tree from its root
        for x, leaf in zip(X_test[:10], leaves[:10, t]):
            node = t
            while tree.children_left[node] != trees.LEAF:
                node = (tree.children_left[node]
                        if x[tree.feature[node]] <= tree.threshold[node]
                        else tree.children_right[node])
            assert node == leaf


def test_out_of_bag_score_by_hand(wine):
    X_train, _, y_train, _ = wine
    model = Forest(n_estimators=15, oob_score=True, random_state=2)
    model.fit(X_train, y_train)
    out = model.in_bag_ == 0
    votes = np.sum(model.proba_per_tree(X_train) * out[:, :, None], axis=0)
    scored = out.any(axis=0)
    expected = np.mean(np.argmax(votes[scored], axis=1) == y_train[scored])
    assert model.oob_score_ == pytest.approx(expected)
    assert np.allclose(model.oob_decision_function_[scored].sum(axis=1), 1)
    assert np.all(np.isnan(model.oob_decision_function_[~scored]))
    assert not hasattr(Forest(n_estimators=2).fit(X_train, y_train),
                       "oob_score_")


def test_min_samples_leaf_and_any_labels(wine):
    X_train, X_test, y_train, _ = wine
    model = Forest(n_estimators=5, min_samples_leaf=4, random_state=0)
    model.fit(X_train, y_train)
    leaves = model.forest_.children_left == trees.LEAF
    assert model.forest_.n_node_samples[leaves].min() >= 4
    codes = model.predict(X_test)
    for labels in (np.array([-1, 1, 7]), np.array(["ash", "elm", "oak"])):
        named = Forest(n_estimators=5, min_samples_leaf=4, random_state=0)
        named.fit(X_train, labels[y_train])
        assert np.array_equal(named.classes_, labels)
        assert np.array_equal(named.predict(X_test), labels[codes])


def test_a_class_missing_from_a_bootstrap_sample():
    # class 2 has one sample: most bootstrap samples miss it, the forest
    # still has a column for it and can predict it where a tree saw it
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(0, 1, (20, 2)), rng.normal(5, 1, (20, 2)),
                   [[20.0, 20.0]]])
    y = np.array([0] * 20 + [1] * 20 + [2])
    model = Forest(n_estimators=30, random_state=0).fit(X, y)
    assert model.predict_proba(X).shape == (41, 3)
    assert model.predict([[20.0, 20.0]])[0] == 2
