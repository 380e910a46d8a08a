"""The explorer of 04-matrix-view-bias-trick.ipynb ("Try it"), run after
the lesson in its own kernel: its picture and table at the defaults, a
move of each slider. (What a move costs is measured by make bench.)"""
from execute import ROOT, execute

NOTEBOOK = ROOT / "notebooks" / "04-matrix-view-bias-trick.ipynb"

EXPLORER_CHECKS = """
assert explorer.error is None, explorer.error
assert n_right == 9, "at w = [1, 1] and b = -1.5 all nine emails are right"
assert "9 of 9 right" in explorer.text.value, "the table shows 9 of 9"
explorer.set(w1=-1.0)
assert explorer.error is None, explorer.error
assert "9 of 9 right" not in explorer.text.value, explorer.text.value
explorer.set(w1=0.0, w2=0.0)
assert explorer.error is None and "no line" in ax_try.get_title()
explorer.set(w1=1.0, w2=1.0)
assert "9 of 9 right" in explorer.text.value, explorer.text.value
for _i in range(4):                    # b back and forth
    explorer.set(b=-1.5 + 0.1 * (_i % 2 * 2 - 1))
    assert explorer.error is None, explorer.error
print("explorer checks passed")
"""


def test_explorer_table_and_moves():
    nb = execute(NOTEBOOK, extra=[EXPLORER_CHECKS])
    assert nb.cells[-1].outputs[0].text == "explorer checks passed\n"
