"""Lesson 01 (the perceptron): what its "Try it" explorer computes, checked
after running the lesson (these checks were in the explorer cell)."""
from pathlib import Path

from execute import execute

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / \
    "01-perceptron.ipynb"

CHECKS = """
assert explorer.error is None, explorer.error
w_end, b_end, _ = runs[0][-1]
assert len(runs[0]) - 1 == sum(mistakes), "one update per mistake"
assert np.array_equal(w_end, w_learned) and b_end == b_learned, \\
    "order 0 replays perceptron_fit's run"
for k, run in runs.items():
    w_k, b_k, _ = run[-1]
    assert np.array_equal(perceptron_predict(X, w_k, b_k), y), k
    for (w_0, b_0, _), (_, _, i) in zip(run, run[1:]):
        assert perceptron_predict(X[i:i + 1], w_0, b_0)[0] != y[i], \\
            "an update happens only on an email the line got wrong"
assert np.array_equal(runs[8][-1][0], [2, 2]) and runs[8][-1][1] == -3, \\
    "order 8 ends on the roomy line x1 + x2 = 1.5"
explorer.set(update=4, order=0)
explorer.step()
assert not explorer.playing and explorer.sliders["update"].value == 5
explorer.set(update=MAX_UPDATES, order=3)
assert explorer.error is None, explorer.error
assert "clean pass" in ax_line.get_title()
explorer.reset()
assert explorer.sliders["update"].value == 0 and explorer.error is None
print("lesson 01 explorer checks passed")
"""


def test_lesson_01_explorer_replays_the_perceptron_rule():
    nb = execute(NOTEBOOK, extra=[CHECKS])
    assert nb.cells[-1].outputs[0].text == \
        "lesson 01 explorer checks passed\n"
