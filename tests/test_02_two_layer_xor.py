"""Lesson 02 (two layers, XOR): what its "Try it" explorer computes,
checked after running the lesson (these checks were in the explorer
cell)."""
from pathlib import Path

from execute import execute

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
assert np.max(np.abs(model.predict_proba(X) - y)) < 0.1
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
