"""Lesson 02 (two layers, XOR): its TwoLayerClassifier (the cells tagged
`model`) as a scikit-learn estimator, and what its "Try it" explorer
computes, checked after running the lesson (these checks were in the
explorer cell)."""
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from estimator_checks import COURSE_VALIDATION, sklearn_checks
from execute import execute
from notebook_code import load_model

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / \
    "02-two-layer-xor.ipynb"

CHECKS = """
assert explorer.error is None, explorer.error
record, losses = run_for(2, 4.0, 0, NUM_EPOCHS)
assert len(record) == NUM_EPOCHS // EVERY + 1
assert len(losses) == NUM_EPOCHS + 1
model = TwoLayerClassifier(n_hidden=2, lr=4.0, max_epochs=NUM_EPOCHS,
                           tol=0.0, random_state=0).fit(X, y)
assert np.allclose(model.loss_curve_, losses[:NUM_EPOCHS]), \\
    "the recorded run is the classifier's run"
for name in ["W1", "b1", "W2", "b2"]:
    assert np.allclose(record[-1][name], model._params()[name]), name
assert np.array_equal(model.predict(X), y), "the defaults solve XOR"
assert np.max(np.abs(model.predict_proba(X)[:, 1] - y)) < 0.1
stuck = run_for(2, 4.0, 6, NUM_EPOCHS)[0][-1]
assert not np.array_equal(forward(X, stuck)[0][:, 0] >= 0.5, y), \\
    "seed 6 gets stuck, as the prose says"
explorer.set(epoch=500)
explorer.step()
assert not explorer.playing and explorer.sliders["epoch"].value == 520
for n_hidden in (1, 4):
    explorer.set(n_hidden=n_hidden)
    assert explorer.error is None, explorer.error
assert sum(line.get_visible() for line in unit_lines) == 4
explorer.reset()
assert explorer.sliders["epoch"].value == 0 and explorer.error is None
print("lesson 02 explorer checks passed")
"""


def test_lesson_02_explorer_replays_the_classifiers_run():
    nb = execute(NOTEBOOK, extra=[CHECKS])
    assert nb.cells[-1].outputs[0].text == \
        "lesson 02 explorer checks passed\n"


# -- The classifier as a scikit-learn estimator -------------------------

LESSON = load_model("02-two-layer-xor.ipynb")
TwoLayerClassifier = LESSON["TwoLayerClassifier"]
XOR_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
XOR_Y = np.array([0, 1, 1, 0])

EXPECTED_FAILURES = {"TwoLayerClassifier": COURSE_VALIDATION}


@sklearn_checks([TwoLayerClassifier(max_epochs=300, random_state=0)],
                EXPECTED_FAILURES)
def test_scikit_learn_estimator_checks(estimator, check):
    check(estimator)


def test_any_two_labels():
    labels = np.array(["no", "yes"])[XOR_Y]
    by_name = TwoLayerClassifier(random_state=0).fit(XOR_X, labels)
    by_number = TwoLayerClassifier(random_state=0).fit(XOR_X, XOR_Y)
    assert list(by_name.classes_) == ["no", "yes"]
    assert np.array_equal(by_name.predict(XOR_X), labels)
    assert np.array_equal(by_name.predict_proba(XOR_X),
                          by_number.predict_proba(XOR_X))
    assert by_name.score(XOR_X, labels) == 1.0


def test_predict_proba_has_one_column_per_class():
    model = TwoLayerClassifier(random_state=0).fit(XOR_X, XOR_Y)
    proba = model.predict_proba(XOR_X)
    assert proba.shape == (4, 2)
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert np.array_equal(model.predict(XOR_X),
                          model.classes_[np.argmax(proba, axis=1)])


def test_three_classes_are_refused():
    with pytest.raises(ValueError, match=r"two classes, got 3"):
        TwoLayerClassifier().fit(XOR_X, [0, 1, 2, 0])


def test_clone_get_params_and_a_pipeline():
    model = TwoLayerClassifier(n_hidden=3, lr=2.0, random_state=5)
    assert model.get_params() == dict(n_hidden=3, lr=2.0, max_epochs=5000,
                                      tol=0.1, random_state=5)
    copy = clone(model.fit(XOR_X, XOR_Y))
    assert copy.get_params() == model.get_params()
    assert not hasattr(copy, "W1_"), "a clone is not fitted"
    rng = np.random.default_rng(0)
    X = rng.normal(size=(80, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(int)          # XOR of the signs
    pipe = make_pipeline(StandardScaler(), TwoLayerClassifier(
        max_epochs=2000, random_state=0))
    assert cross_val_score(pipe, X, y, cv=2).mean() > 0.7   # chance: 0.5
