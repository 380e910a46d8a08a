"""Wrong answers for the exercises of lesson 04 (the matrix view and the
bias trick), one per solution region in notebook order: `python
tests/student.py --try notebooks/04-matrix-view-bias-trick.ipynb` runs them
and shows each verdict."""

WRONG = [
    # Exercise 1: bias -1 puts one input exactly on the boundary, z = 0,
    # which predict calls 0 (it wants z > 0): AND again
    """\
w_or = np.array([1.0, 1.0, -1.0])
""",
    # Exercise 2: neuron 1 with its signs swapped, x1 - x2 > 0
    """\
W_two = np.array([[1.0, 1.0],
                  [1.0, -1.0],
                  [-1.5, 0.0]])
Z_two = X_aug @ W_two
out_two = (Z_two > 0).astype(int)
""",
    # Exercise 3: the ones column put first, as some books do
    """\
x_new = np.array([1.0, 0.0, 3.0])
score_new = x_new @ w_aug
y_hat_new = int(score_new > 0)
""",
]
