"""Wrong answers for the exercises of lesson 03 (1-D logistic regression),
one per solution region in notebook order: `python tests/student.py --try
notebooks/03-logistic-regression-1d.ipynb` runs them and shows each
verdict."""

WRONG = [
    # Exercise 1: a sign error, x = w0 / w1 instead of -w0 / w1
    """\
return w[1] / w[0]
""",
    # Exercise 2: the hint's formula typed as it stands: e^(-z) overflows
    # to inf at z = -1000, and the answer is -inf with a warning
    """\
return -np.log(1 + np.exp(-z))
""",
    # Exercise 3: a sign error in the bias, v0 + v1 m / s
    """\
m, s = x.mean(), x.std()
u = (x - m) / s
V = train(u, y, 2.0, num_epochs, w_init)
v1, v0 = V[-1]
w_std = np.array([v1 / s, v0 + v1 * m / s])
loss_std = cross_entropy_from_logits(w_std[0] * x + w_std[1], y)
""",
]
