"""Wrong answers for the exercises of lesson 01 (the perceptron), one per
solution region in notebook order: `python tests/student.py --try
notebooks/01-perceptron.ipynb` runs them and shows each check's verdict."""

WRONG = [
    # Exercise 1: the threshold was checked against (0, 1) and (1, 1) only;
    # (1, 0) scores 3 > 2.5 and becomes spam
    """\
w_mine = np.array([3.0, 2.0])
threshold_mine = 2.5
""",
    # Exercise 2: the weights of AND flipped, but not its bias, so every
    # z is negative
    """\
w_nand = np.array([-1.0, -1.0])
b_nand = -1.5
""",
    # Exercise 3: the two counts swapped ("win" 3 times, "lottery" never)
    """\
x_new = np.array([[0.0, 3.0]])
y_new_hat = int(perceptron_predict(x_new, w_learned, b_learned)[0])
""",
]
